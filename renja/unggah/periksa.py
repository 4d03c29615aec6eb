"""2. Reading and checking an upload: hostile files refused, every row read, nothing written."""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import IO, Any

from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

from inti.berkas import Masalah
from inti.parsing import ParseError, parse_angka, satuan_sama
from renja import akses
from renja.models import (
    Jenis,
    PerangkatDaerah,
)
from renja.services import jenis_terkunci, renja_pemilik
from renja.unggah.susunan import (
    BARIS_JUDUL,
    BATAS_ANGGOTA,
    BATAS_BARIS,
    BATAS_DIGIT,
    BATAS_KOLOM,
    BATAS_RASIO,
    BATAS_UKURAN,
    BATAS_UKURAN_ISI,
    KOL_K,
    KOL_RP,
    KOLOM,
    KUNCI_RE,
    PENANDA,
    TEKS_KUALITATIF_RE,
    TEMPLAT_SAH,
    Perubahan,
    Pratinjau,
    Templat,
    UnggahanDitolak,
    tampil,
    templat_dari,
    tolak,
)
from renja.unggah.templat import BarisTemplat, baris_rencana

# --- 2. Reading and checking an upload -------------------------------------------------


def periksa_arsip(data: bytes, nama: str) -> None:
    """Refuse what is not a plain .xlsx before openpyxl reads a byte of XML."""
    if len(data) > BATAS_UKURAN:
        raise tolak(nama, f"berkas lebih dari {BATAS_UKURAN // (1024 * 1024)} MB")
    akhiran = nama.rsplit(".", 1)[-1].lower() if "." in nama else ""
    if akhiran in ("xlsm", "xltm", "xlam"):
        raise tolak(nama, "berkas Excel bermakro (.xlsm) tidak diterima; simpan sebagai .xlsx")
    if akhiran != "xlsx":
        raise tolak(
            nama,
            f"format .{akhiran or '(tanpa ekstensi)'} tidak diterima; unggah templat .xlsx "
            "yang diunduh dari aplikasi ini",
        )
    if not data.startswith(b"PK\x03\x04") or not zipfile.is_zipfile(io.BytesIO(data)):
        raise tolak(nama, "bukan berkas Excel .xlsx (isinya bukan arsip XLSX); unduh templat")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as arsip:
            anggota = arsip.infolist()
            if len(anggota) > BATAS_ANGGOTA:
                raise tolak(nama, f"arsip berisi lebih dari {BATAS_ANGGOTA} bagian; ditolak")
            total = 0
            nama_anggota = set()
            for info in anggota:
                nama_anggota.add(info.filename)
                lower = info.filename.lower()
                if lower.endswith("vbaproject.bin") or lower.endswith("vbadata.xml"):
                    raise tolak(nama, "berkas berisi makro (vbaProject.bin); makro tidak diterima")
                total += info.file_size
                if info.file_size > 1024 * 1024 and info.file_size > BATAS_RASIO * max(
                    info.compress_size, 1
                ):
                    raise tolak(
                        nama,
                        f"bagian {info.filename} terlalu termampatkan "
                        f"({info.file_size:,} byte dari {info.compress_size:,}); "
                        "berkas ditolak (zip bomb)",
                    )
            if total > BATAS_UKURAN_ISI:
                raise tolak(
                    nama,
                    f"isi berkas bila dibuka {total // (1024 * 1024)} MB, lebih dari "
                    f"{BATAS_UKURAN_ISI // (1024 * 1024)} MB; berkas ditolak (zip bomb)",
                )
            if "[Content_Types].xml" not in nama_anggota or "xl/workbook.xml" not in nama_anggota:
                raise tolak(nama, "bukan berkas Excel .xlsx (bagian workbook tidak ada)")
            jenis_isi = arsip.read("[Content_Types].xml")
            if b"macroEnabled" in jenis_isi or b"vbaProject" in jenis_isi:
                raise tolak(nama, "berkas berisi makro; simpan sebagai .xlsx tanpa makro")
            for info in anggota:
                if info.filename.endswith((".xml", ".rels")):
                    with arsip.open(info) as fh:
                        kepala = fh.read(2048)
                    if b"<!DOCTYPE" in kepala or b"<!ENTITY" in kepala:
                        raise tolak(nama, f"bagian {info.filename} berisi DOCTYPE; ditolak")
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, OSError) as exc:
        raise tolak(nama, f"arsip XLSX rusak ({exc.__class__.__name__})") from exc


def _baca_lembar(data: bytes, nama: str) -> tuple[str, str, list[tuple[int, list[Any]]]]:
    """Sheet name, cell A1 (the template mark), header + data rows. Formula cells refused."""
    try:
        wb = load_workbook(io.BytesIO(data), read_only=True, data_only=False, keep_links=False)
    except Exception as exc:  # openpyxl raises many kinds on malformed XML
        raise tolak(nama, f"berkas XLSX tidak dapat dibaca ({exc.__class__.__name__})") from exc
    try:
        if not wb.worksheets:
            raise tolak(nama, "berkas tidak berisi lembar kerja")
        ws = wb.worksheets[0]
        lembar = ws.title
        rows: list[tuple[int, list[Any]]] = []
        rumus: list[Masalah] = []
        penanda = ""
        for nomor, cells in enumerate(ws.iter_rows(max_col=BATAS_KOLOM), start=1):
            if nomor > BATAS_BARIS:
                raise tolak(
                    lembar, f"lebih dari {BATAS_BARIS:,} baris; berkas ditolak".replace(",", ".")
                )
            values: list[Any] = []
            for col, cell in enumerate(cells, start=1):
                v = cell.value
                if getattr(cell, "data_type", None) == "f" or (
                    col in (KOL_K, KOL_RP) and isinstance(v, str) and v.startswith("=")
                ):
                    ref = f"{get_column_letter(col)}{nomor}"
                    teks = str(getattr(v, "text", v))[:40]
                    rumus.append(
                        Masalah(
                            lembar,
                            nomor,
                            ref,
                            f"sel {ref} berisi rumus {teks!r}; rumus tidak diterima, "
                            "tempel sebagai nilai",
                        )
                    )
                    v = None
                values.append(v)
            if nomor == 1 and values:
                penanda = str(values[0] or "")
            if nomor >= BARIS_JUDUL:
                rows.append((nomor, values))
        if rumus:
            raise UnggahanDitolak(rumus)
        return lembar, penanda, rows
    finally:
        wb.close()


def _baca_penanda(penanda: str) -> dict[str, str]:
    if not penanda.startswith(PENANDA + ";"):
        return {}
    bagian = dict(p.split("=", 1) for p in penanda.split(";")[1:] if "=" in p)
    return bagian


def _teks(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, float | int | Decimal) and not isinstance(v, bool):
        return format(Decimal(str(v)), "f")
    return str(v).strip()


@dataclass
class _Nilai:
    angka: Decimal | None
    teks: str
    satuan: str


def _baca_nilai(
    raw: Any, *, jenis: str, satuan_indikator: str, anggaran: bool
) -> tuple[_Nilai | None, str]:
    """A filled cell as a value, or an error message (Indonesian)."""
    if isinstance(raw, bool):
        return None, f"{raw!r} bukan angka"
    if isinstance(raw, int | float | Decimal):
        try:
            angka = Decimal(str(raw))
        except InvalidOperation:
            return None, f"angka tidak dikenali {raw!r}"
        if not angka.is_finite():
            return None, f"angka tidak dikenali {raw!r}"
        satuan = ""
    else:
        teks = str(raw).strip()
        if jenis == Jenis.TARGET and TEKS_KUALITATIF_RE.match(teks) and teks not in "-–—−":
            return _Nilai(None, " ".join(teks.split()), ""), ""
        try:
            parsed = parse_angka(teks)
        except ParseError as exc:
            return None, f"angka tidak dikenali {teks!r}: {exc.alasan}"
        angka = parsed.nilai
        satuan = "%" if parsed.persen else (parsed.satuan or "")
        if anggaran and satuan and satuan.lower() not in ("rp", "rupiah"):
            return None, f"anggaran dalam rupiah; satuan {satuan!r} tidak sah"
        if (
            not anggaran
            and satuan
            and satuan_indikator
            and not satuan_sama(satuan, satuan_indikator)
        ):
            return None, (f"satuan {satuan!r} berbeda dengan satuan indikator {satuan_indikator!r}")
    if anggaran and angka < 0:
        return None, f"anggaran tidak boleh negatif ({tampil(angka)})"
    if jenis == Jenis.REALISASI and angka < 0:
        return None, f"realisasi tidak boleh negatif ({tampil(angka)})"
    eksponen = angka.as_tuple().exponent
    if isinstance(eksponen, int) and eksponen < -4:
        if angka != angka.quantize(Decimal("0.0001")):
            return None, f"{_teks(raw)}: paling banyak 4 angka di belakang koma"
        angka = angka.quantize(Decimal("0.0001"))
    if angka.adjusted() >= BATAS_DIGIT:
        return None, f"angka terlalu besar ({raw})"
    return _Nilai(angka, "", satuan), ""


def unggahan_periksa(
    *,
    pd: PerangkatDaerah,
    tahun: int,
    berkas: IO[bytes],
    nama: str,
    ukuran: int | None = None,
    oleh: akses.AnyUser,
) -> Pratinjau:
    """Phase 1: check the upload and compute the change set. Writes nothing."""
    akses.wajib(akses.dapat_mengubah_nilai(oleh, pd), f"Anda tidak berhak mengubah data {pd.kode}.")
    if ukuran is not None and ukuran > BATAS_UKURAN:
        raise tolak(nama, f"berkas lebih dari {BATAS_UKURAN // (1024 * 1024)} MB")
    data = berkas.read(BATAS_UKURAN + 1)
    periksa_arsip(data, nama)
    lembar, penanda, rows = _baca_lembar(data, nama)

    t = _kenali_templat(penanda, lembar=lembar, pd=pd, tahun=tahun)
    _periksa_kunci_renja(pd=pd, templat=t, lembar=lembar)
    _periksa_judul(rows, lembar=lembar, templat=t)

    # What the template's keys may point at: this agency's plan of this year, four queries.
    sah = {b.kunci: b for b in baris_rencana(pd=pd, templat=t)}
    pratinjau = Pratinjau(pd_id=pd.pk, tahun=tahun, templat=t.kode, nama_berkas=nama)
    masalah = _baca_perubahan(
        rows[1:], lembar=lembar, sah=sah, templat=t, pd=pd, pratinjau=pratinjau
    )
    if masalah:
        raise UnggahanDitolak(masalah)
    return pratinjau


def _kenali_templat(penanda: str, *, lembar: str, pd: PerangkatDaerah, tahun: int) -> Templat:
    """The template named by the mark in A1; refused unless it is ours, for this agency and year."""
    meta = _baca_penanda(penanda)
    if not meta or meta.get("templat") not in TEMPLAT_SAH:
        raise tolak(
            lembar,
            "bukan templat unggahan aplikasi ini (penanda di sel A1 tidak ada); "
            "unduh templat terlebih dahulu",
            1,
            "A",
        )
    if meta.get("pd") != str(pd.pk):
        lain = (
            PerangkatDaerah.objects.filter(pk=meta.get("pd") or 0).select_related("pemda").first()
        )
        siapa = f"{lain.kode} {lain.pemda.nama}" if lain and lain.pk else "perangkat daerah lain"
        raise tolak(
            lembar,
            f"templat ini untuk {siapa}, bukan {pd.kode} {pd.pemda.nama}; tidak ada yang diubah",
            1,
            "A",
        )
    if meta.get("tahun") != str(tahun):
        raise tolak(
            lembar,
            f"templat ini untuk tahun {meta.get('tahun')}, bukan {tahun}; tidak ada yang diubah",
            1,
            "A",
        )
    return templat_dari(meta["templat"], tahun)


def _periksa_judul(rows: list[tuple[int, list[Any]]], *, lembar: str, templat: Templat) -> None:
    """Refuse a sheet whose header row is not the template's (columns moved or renamed)."""
    if not rows or [_teks(v) for v in rows[0][1][: len(KOLOM)]] != list(KOLOM):
        raise tolak(
            lembar, "baris judul kolom templat berubah; unduh templat baru", BARIS_JUDUL, "-"
        )
    judul = [_teks(v) for v in rows[0][1]]
    if judul[KOL_K - 1 : KOL_RP] != [templat.judul_k, templat.judul_rp]:
        raise tolak(
            lembar,
            f"judul kolom nilai harus {templat.judul_k!r} dan {templat.judul_rp!r}; "
            "unduh templat baru",
            BARIS_JUDUL,
            "-",
        )


def _baca_perubahan(
    rows: list[tuple[int, list[Any]]],
    *,
    lembar: str,
    sah: dict[str, BarisTemplat],
    templat: Templat,
    pd: PerangkatDaerah,
    pratinjau: Pratinjau,
) -> list[Masalah]:
    """Read every data row into ``pratinjau``; the problems found, in row order."""
    masalah: list[Masalah] = []
    dilihat: dict[str, int] = {}
    for nomor, values in rows:
        values = values + [None] * (KOL_RP - len(values))
        kunci = _teks(values[0])
        isi = {KOL_K: values[KOL_K - 1], KOL_RP: values[KOL_RP - 1]}
        terisi = {c: v for c, v in isi.items() if _teks(v) != ""}
        if any(_teks(v) for v in values[KOL_RP:]):
            masalah.append(
                Masalah(lembar, nomor, "-", "ada isian di luar kolom templat; hapus isian itu")
            )
        if not kunci:
            if terisi:
                masalah.append(
                    Masalah(lembar, nomor, "kunci", "baris tanpa kunci; jangan menambah baris")
                )
            continue
        cocok = _baris_sah(
            kunci,
            kode=_teks(values[1]),
            nomor=nomor,
            lembar=lembar,
            sah=sah,
            dilihat=dilihat,
            pd=pd,
            tahun=templat.tahun,
            masalah=masalah,
        )
        if cocok is None:
            continue
        row, m = cocok
        for col, raw in terisi.items():
            _baca_sel(
                col,
                raw,
                nomor=nomor,
                lembar=lembar,
                row=row,
                m=m,
                templat=templat,
                pratinjau=pratinjau,
                masalah=masalah,
            )
    return masalah


def _baris_sah(
    kunci: str,
    *,
    kode: str,
    nomor: int,
    lembar: str,
    sah: dict[str, BarisTemplat],
    dilihat: dict[str, int],
    pd: PerangkatDaerah,
    tahun: int,
    masalah: list[Masalah],
) -> tuple[BarisTemplat, re.Match[str]] | None:
    """The plan row a key points at (and the parsed key), or None with the reason recorded.

    Refused: a malformed key, a key already seen (a copied row), a key outside this agency's
    plan of this year, a grey code cell that no longer matches its key.
    """
    m = KUNCI_RE.match(kunci)
    if not m:
        masalah.append(Masalah(lembar, nomor, "kunci", f"kunci {kunci!r} rusak"))
        return None
    if kunci in dilihat:
        masalah.append(
            Masalah(
                lembar,
                nomor,
                "kunci",
                f"baris ganda: baris yang sama sudah ada di baris {dilihat[kunci]}",
            )
        )
        return None
    dilihat[kunci] = nomor
    row = sah.get(kunci)
    if row is None:
        masalah.append(
            Masalah(
                lembar,
                nomor,
                "kunci",
                f"baris ini bukan bagian rencana {pd.kode} tahun {tahun} "
                "(perangkat daerah atau tahun lain, atau sudah dihapus)",
            )
        )
        return None
    if kode != row.kode:
        masalah.append(
            Masalah(
                lembar,
                nomor,
                "Kode",
                f"kode {kode!r} tidak sesuai dengan kunci baris ({row.kode}); "
                "jangan mengubah kolom abu-abu",
            )
        )
        return None
    return row, m


def _baca_sel(
    col: int,
    raw: Any,
    *,
    nomor: int,
    lembar: str,
    row: BarisTemplat,
    m: re.Match[str],
    templat: Templat,
    pratinjau: Pratinjau,
    masalah: list[Masalah],
) -> None:
    """One filled value cell: a problem recorded, an unchanged value counted, or a change."""
    t = templat
    judul_kol = t.judul_k if col == KOL_K else t.judul_rp
    boleh = row.boleh_k if col == KOL_K else row.boleh_rp
    if not boleh:
        masalah.append(
            Masalah(
                lembar,
                nomor,
                judul_kol,
                "sel ini tidak diisi pada baris ini"
                + (
                    " (anggaran hanya pada sub kegiatan)"
                    if col == KOL_RP
                    else " (nilai indikator diisi pada baris indikator)"
                ),
            )
        )
        return
    jenis = t.jenis_k if col == KOL_K else t.jenis_rp
    nilai, pesan = _baca_nilai(
        raw, jenis=jenis, satuan_indikator=row.satuan, anggaran=col == KOL_RP
    )
    if nilai is None:
        masalah.append(Masalah(lembar, nomor, judul_kol, pesan))
        return
    lama = row.k if col == KOL_K else row.rp
    if lama is not None and (lama.angka, lama.teks) == (nilai.angka, nilai.teks):
        pratinjau.sama += 1
        return
    pratinjau.perubahan.append(
        Perubahan(
            baris=nomor,
            kolom=judul_kol,
            pemilik="i" if m[1] == "I" else "n",
            pemilik_id=int(m[2]),
            jenis=jenis,
            triwulan=t.triwulan,
            kode=row.kode,
            nama=row.indikator or row.uraian,
            angka=None if nilai.angka is None else format(nilai.angka, "f"),
            teks=nilai.teks,
            satuan=nilai.satuan or (lama.satuan if lama is not None else ""),
            lama_angka=None
            if lama is None or lama.angka is None
            else format(lama.angka.normalize(), "f"),
            lama_teks="" if lama is None else lama.teks,
            lama_revisi=None if lama is None else lama.revisi,
        )
    )


def _periksa_kunci_renja(*, pd: PerangkatDaerah, templat: Templat, lembar: str) -> None:
    """Refuse values for a Renja that is settled, or a Renja Perubahan not yet made."""
    if templat.kode == "perubahan" and not renja_pemilik(
        pd=pd, tahun=templat.tahun, jenis=templat.jenis_rp
    ):
        raise tolak(
            lembar,
            f"Belum ada Renja Perubahan {pd.kode} {templat.tahun}; buat dulu dari Renja murni "
            "yang ditetapkan",
        )
    terkunci = jenis_terkunci(
        pd=pd, pasangan=[(templat.tahun, templat.jenis_k), (templat.tahun, templat.jenis_rp)]
    )
    if terkunci:
        raise tolak(
            lembar,
            f"Renja {pd.kode} {templat.tahun} sudah ditetapkan; nilainya tidak dapat diubah",
        )
