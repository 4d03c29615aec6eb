"""What goes into a document: the plan's tables, its narrative, the outline, as HTML parts.

Reads the database (a fixed handful of queries per document, plus the stored tables) and
hands ``dokumen.render`` a list of parts. The fingerprint of a document (``sidik``)
hashes the same inputs, so an unchanged document is served from the stored file.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import Any

from django.utils import timezone

from dokumen import kerangka as k
from dokumen.models import NarasiBagian
from dokumen.render import VERSI_TEMPLAT, Bagian, Judul, html_dari
from evaluasi import services as evaluasi
from evaluasi.muat import DataRencana, RencanaTidakAda, muat_rencana
from inti.parsing import tanggal_indonesia
from inti.serial import tabel_dari_json
from inti.tabel import Tabel, TabelTidakDapatDibuat
from kepegawaian.nip import nip_cetak
from renja.models import PerangkatDaerah, Renstra

JUDUL_DOKUMEN = {
    "renja": "RENCANA KERJA (RENJA)",
    "lkj": "LAPORAN KINERJA (LKj)",
}
KAKI_DOKUMEN = {"renja": "Rencana Kerja Tahun {tahun}", "lkj": "Laporan Kinerja Tahun {tahun}"}


def tempat_pemda(nama_pemda: str) -> str:
    for awalan in ("Kota ", "Kabupaten ", "Kab. ", "Provinsi "):
        if nama_pemda.startswith(awalan):
            return nama_pemda[len(awalan) :]
    return nama_pemda


@lru_cache(maxsize=1)
def _markdown() -> Any:
    from markdown_it import MarkdownIt

    # HTML in the planners' text is shown as text, never interpreted (no script in a PDF).
    return MarkdownIt("commonmark", {"html": False, "typographer": False}).enable("table")


def markdown_html(teks: str) -> str:
    return str(_markdown().render(teks))


_PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")


def isi_placeholder(teks: str, nilai: Mapping[str, str]) -> str:
    """Fill the known {placeholders}; leave any other brace text as the author typed it."""
    return _PLACEHOLDER.sub(lambda m: nilai.get(m.group(1), m.group(0)), teks)


def kunci_tabel(t: k.TabelDok) -> str:
    return f"{t.kode}_{t.triwulan}" if t.triwulan else t.kode


@dataclass
class Persiapan:
    """Everything a document is made of, read once."""

    pd: PerangkatDaerah
    tahun: int
    jenis: str
    versi: str
    kertas: str
    tanggal: date
    placeholder: dict[str, str]
    narasi_tersimpan: dict[str, str]
    tabel: dict[str, Tabel] = field(default_factory=dict)
    tabel_gagal: dict[str, str] = field(default_factory=dict)
    data: DataRencana | None = None


def _tabel_dokumen(jenis: str, versi: str = "murni") -> list[k.TabelDok]:
    return [t for b in k.semua_bagian(jenis, versi) for t in b.tabel]


def _muat_data(pd: PerangkatDaerah, tahun: int) -> DataRencana | None:
    try:
        return muat_rencana(pd_obj=pd, tahun=tahun)
    except RencanaTidakAda:
        return None


def siapkan(
    *,
    pd: PerangkatDaerah,
    tahun: int,
    jenis: str,
    versi: str = "murni",
    kertas: str = "A4",
    tanggal: date | None = None,
    dengan_tabel: bool = True,
) -> Persiapan:
    """Read the document's inputs; with ``dengan_tabel`` also compute (or reuse) its tables."""
    tanggal = tanggal or timezone.localdate()
    renstra = Renstra.objects.filter(
        perangkat_daerah=pd, tahun_mulai__lte=tahun, tahun_selesai__gte=tahun
    ).first()
    placeholder = {
        "pemda": pd.pemda.nama,
        "pd": pd.nama,
        "pd_singkat": pd.kode,
        "tahun": str(tahun),
        "tahun_lalu": str(tahun - 1),
        "tahun_evaluasi": str(tahun - 2 if jenis == "renja" else tahun),
        "tahun_depan": str(tahun + 1),
        "renstra_awal": str(renstra.tahun_mulai) if renstra else "",
        "renstra_akhir": str(renstra.tahun_selesai) if renstra else "",
        "tempat": tempat_pemda(pd.pemda.nama),
    }
    narasi = dict(
        NarasiBagian.objects.filter(perangkat_daerah=pd, tahun=tahun, jenis_dokumen=jenis)
        .order_by()
        .values_list("kunci", "isi")
    )
    p = Persiapan(
        pd=pd,
        tahun=tahun,
        jenis=jenis,
        versi=versi,
        kertas=kertas,
        tanggal=tanggal,
        placeholder=placeholder,
        narasi_tersimpan=narasi,
    )
    if not dengan_tabel:
        return p
    dimuat: dict[int, DataRencana | None] = {}
    for t in _tabel_dokumen(jenis, versi):
        key = kunci_tabel(t)
        if key in p.tabel or key in p.tabel_gagal:
            continue
        th = evaluasi.tahun_renstra(t.kode, tahun)
        if th not in dimuat:
            dimuat[th] = _muat_data(pd, th)
        data = dimuat[th]
        if data is None:
            p.tabel_gagal[key] = f"Belum ada Renstra yang memuat tahun {th}."
            continue
        try:
            hasil = evaluasi.tabel_hitung(
                pd=pd,
                tahun=tahun,
                tabel=t.kode,
                triwulan=t.triwulan,
                versi=versi if t.versi_sendiri else "murni",
                data=data,
            )
        except (RencanaTidakAda, TabelTidakDapatDibuat) as exc:
            p.tabel_gagal[key] = str(exc)
            continue
        p.tabel[key] = tabel_dari_json(hasil.isi)
    p.data = dimuat.get(tahun)
    return p


def sidik(p: Persiapan) -> str:
    """Fingerprint of a document's inputs: data, narrative, signatory, template version."""
    h = hashlib.sha256()
    pd = p.pd
    # The agency's data version stands for every year of its plan the document reads.
    h.update(f"data:{evaluasi.versi_data(pd)}\n".encode())
    h.update(
        json.dumps(
            [
                VERSI_TEMPLAT,
                evaluasi.VERSI_MESIN,
                p.jenis,
                p.versi,
                p.kertas,
                tanggal_indonesia(p.tanggal),
                pd.pemda.nama,
                pd.nama,
                pd.kepala_nama,
                pd.kepala_pangkat,
                pd.kepala_nip,
                sorted(p.narasi_tersimpan.items()),
                sorted(p.placeholder.items()),
            ]
        ).encode()
    )
    return h.hexdigest()


# --- parts -----------------------------------------------------------------------------------


def _jangkar(kunci: str) -> str:
    return "b-" + re.sub(r"[^a-z0-9]+", "-", kunci.lower()).strip("-")


def _teks_bagian(p: Persiapan, b: k.Bagian) -> str:
    teks = p.narasi_tersimpan.get(b.kunci)
    if teks is None:
        teks = b.teks_baku
    if not teks.strip():
        return ""
    return f'<div class="teks">{markdown_html(isi_placeholder(teks, p.placeholder))}</div>'


def _narasi(p: Persiapan, nama: str) -> str:
    from dokumen import narasi

    fungsi: Callable[[Any], str] | None = narasi.NARASI.get(nama)
    if fungsi is None:
        return ""
    konteks = narasi.KonteksNarasi(
        jenis=p.jenis,
        pemda=p.pd.pemda.nama,
        pd=p.pd.nama,
        pd_singkat=p.pd.kode,
        tahun=p.tahun,
        tabel=p.tabel,
        data=p.data,
    )
    return markdown_html(fungsi(konteks))


def _html_tabel(p: Persiapan, t: k.TabelDok) -> tuple[str, str]:
    key = kunci_tabel(t)
    tabel = p.tabel.get(key)
    jangkar = _jangkar(f"tabel-{key}")
    if tabel is None:
        pesan = p.tabel_gagal.get(key, "Tabel tidak tersedia.")
        return (
            html_dari(
                "dokumen/tabel_gagal.html", {"jangkar": jangkar, "kode": t.kode, "pesan": pesan}
            ),
            f"{t.kode} (tidak dapat disusun)",
        )
    from inti.ekspor_pdf import konteks_template
    from renja.selectors import konteks_dari_pd

    konteks = konteks_template(
        tabel, konteks_dari_pd(p.pd, tahun=p.tahun, versi=p.versi, kertas=p.kertas)
    )
    html = html_dari("dokumen/tabel.html", {**konteks, "jangkar": jangkar})
    return html, tabel.judul


class _Penyusun:
    """Walks the outline and cuts the body into parts: a chapter's text runs until a table,
    each table is a landscape part of its own, each chapter starts a new part."""

    def __init__(self, p: Persiapan) -> None:
        self.p = p
        self.isi: list[Bagian] = []
        self.semua_judul: list[Judul] = []
        self._potongan: list[str] = []
        self._judul_potongan: list[Judul] = []
        self._bab: k.Bab | None = None
        self._urutan = 0

    def _tutup(self) -> None:
        if not self._potongan or self._bab is None:
            return
        self.isi.append(
            Bagian(
                kunci=f"bab-{self._bab.nomor or self._bab.judul or 'awal'}-{self._urutan}",
                judul=f"BAB {self._bab.nomor} {self._bab.judul}"
                if self._bab.nomor
                else "Bagian awal",
                html="".join(self._potongan),
                judul_daftar=list(self._judul_potongan),
            )
        )
        self._urutan += 1
        self._potongan.clear()
        self._judul_potongan.clear()

    def _judul(self, judul: Judul) -> None:
        self.semua_judul.append(judul)
        self._judul_potongan.append(judul)

    def mulai(self, bab: k.Bab) -> None:
        self._tutup()
        self._bab, self._urutan = bab, 0

    def bab(self, bab: k.Bab) -> None:
        self.mulai(bab)
        jangkar = _jangkar(f"bab-{bab.nomor or bab.judul}")
        judul = f"BAB {bab.nomor} {bab.judul}" if bab.nomor else bab.judul
        self._judul(Judul(jangkar, judul, 0))
        pembuka = ""
        if bab.kunci:
            teks = self.p.narasi_tersimpan.get(bab.kunci, bab.teks_baku)
            pembuka = (
                markdown_html(isi_placeholder(teks, self.p.placeholder)) if teks.strip() else ""
            )
        self._potongan.append(
            html_dari(
                "dokumen/bab_judul.html", {"bab": bab, "jangkar": jangkar, "pembuka": pembuka}
            )
        )
        self._bagian(bab.bagian, 1)
        self._tutup()

    def _bagian(self, bagian: tuple[k.Bagian, ...], tingkat: int) -> None:
        p = self.p
        for b in bagian:
            jangkar = _jangkar(b.kunci)
            self._judul(Judul(jangkar, f"{b.nomor} {b.judul}".strip(), tingkat))
            self._potongan.append(
                html_dari(
                    "dokumen/bagian.html",
                    {"b": b, "jangkar": jangkar, "tingkat": min(tingkat, 4)},
                )
            )
            for apa in b.urutan:
                if apa == "teks":
                    self._potongan.append(_teks_bagian(p, b))
                elif apa == "narasi":
                    narasi = "".join(_narasi(p, n) for n in b.narasi)
                    if narasi:
                        self._potongan.append(f'<div class="teks narasi">{narasi}</div>')
                elif apa == "tabel":
                    for t in b.tabel:
                        self._tabel(t)
            self._bagian(b.sub, tingkat + 1)

    def _tabel(self, t: k.TabelDok) -> None:
        self._tutup()
        html, judul_tabel = _html_tabel(self.p, t)
        jt = Judul(_jangkar(f"tabel-{kunci_tabel(t)}"), judul_tabel, -1)
        self.semua_judul.append(jt)
        self.isi.append(
            Bagian(
                kunci=f"tabel-{kunci_tabel(t)}",
                judul=judul_tabel,
                html=html,
                orientasi="lanskap",
                judul_daftar=[jt],
            )
        )


def bagian_dokumen(
    p: Persiapan,
) -> tuple[list[Bagian], list[Bagian], Callable[[dict[str, str]], Bagian]]:
    """The document as parts: (front parts, body parts, daftar isi builder)."""
    pd = p.pd
    konteks_umum = {
        "pd": pd,
        "pemda": pd.pemda,
        "tahun": p.tahun,
        "jenis": p.jenis,
        "versi": p.versi,
        "judul_dokumen": JUDUL_DOKUMEN[p.jenis],
    }
    sampul = Bagian(
        kunci="sampul",
        judul="Sampul",
        html=html_dari("dokumen/sampul.html", konteks_umum),
        penomoran="tanpa",
    )
    teks_pengantar = p.narasi_tersimpan.get(f"{p.jenis}.pengantar")
    if teks_pengantar is None:
        teks_pengantar = getattr(k, "KATA_PENGANTAR", {}).get(p.jenis, "")
    pengantar = Bagian(
        kunci="pengantar",
        judul="Kata Pengantar",
        html=html_dari(
            "dokumen/pengantar.html",
            {
                **konteks_umum,
                "teks": markdown_html(isi_placeholder(teks_pengantar, p.placeholder)),
                "tempat_tanggal": f"{p.placeholder['tempat']}, {tanggal_indonesia(p.tanggal)}",
                "nip": nip_cetak(pd.kepala_nip),
            },
        ),
        penomoran="romawi",
    )

    # Front sections (the LKj's Ringkasan Eksekutif): roman-numbered, before the daftar isi.
    awal = _Penyusun(p)
    awal.mulai(k.Bab("", "", ()))
    awal._bagian(k.BAGIAN_AWAL.get(p.jenis, ()), 0)
    awal._tutup()
    for b in awal.isi:
        b.penomoran = "romawi"
    penyusun = _Penyusun(p)
    for bab in k.kerangka(p.jenis, p.versi):
        penyusun.bab(bab)
    if k.LAMPIRAN.get(p.jenis):
        penyusun.bab(k.Bab("", "LAMPIRAN", k.LAMPIRAN[p.jenis]))
    isi = penyusun.isi
    semua_judul = [*awal.semua_judul, *penyusun.semua_judul]

    def daftar(nomor: dict[str, str]) -> Bagian:
        return Bagian(
            kunci="daftar",
            judul="Daftar Isi dan Daftar Tabel",
            html=html_dari(
                "dokumen/daftar.html",
                {
                    "isi": [(j, nomor.get(j.jangkar, "")) for j in semua_judul if j.tingkat >= 0],
                    "tabel": [(j, nomor.get(j.jangkar, "")) for j in semua_judul if j.tingkat < 0],
                },
            ),
            penomoran="romawi",
        )

    return [sampul, pengantar, *awal.isi], isi, daftar


def kaki(p: Persiapan) -> str:
    return KAKI_DOKUMEN[p.jenis].format(tahun=p.tahun)
