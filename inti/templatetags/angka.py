"""Presentation of a computed ``Tabel``: Indonesian numbers and the printed column layout.

``{% load angka %}`` gives

* ``angka``: a cell value as printed: Decimal in Indonesian format rounded half-up to at most
  2 decimals (``102,95``; ``20.836.384.650`` without ``,00``), ``-`` for no value, text as it is;
* ``{% susun_tabel tabel as t %}``: the header rows (titles, K/Rp sub row, official numbers
  with formulas) and the body and footer rows in column order, for ``evaluasi/_tabel.html``.

Nothing here computes a figure: values and their explanations (``Baris.jejak``) come from
the engine as stored.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal

from django import template

from inti.parsing import format_angka
from inti.tabel import Baris, Kolom, Nilai, Tabel

register = template.Library()


@register.filter
def angka(value: object) -> str:
    """``Decimal('102.9455')`` → ``102,95``; ``Decimal('20836384650')`` → ``20.836.384.650``."""
    if value is None:
        return "-"
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int | Decimal):
        if isinstance(value, Decimal) and not value.is_finite():
            return str(value)
        teks = format_angka(value, 2)
        if teks.endswith(",00"):
            teks = teks[:-3]
        return "0" if teks == "-0" else teks
    return str(value)


@register.filter
def ambil(kamus: Mapping[str, object] | None, kunci: str) -> object:
    """``{{ baris.nilai|ambil:"k8" }}``: a dictionary entry, None when absent."""
    return None if kamus is None else kamus.get(kunci)


# --- layout ---------------------------------------------------------------------------

# The descriptive columns before the figures, grouped under their official number (domain.md
# §5 and the printed forms); "" where the form has no number for them. Satuan shares the
# indicator's number. T-C.32 has its own descriptive columns (k2, k4) and no plan rows.
KOLOM_AWAL: dict[str, tuple[tuple[str, tuple[str, ...]], ...]] = {
    "tc29": (("1", ("kode",)), ("2", ("uraian",)), ("3", ("indikator", "satuan"))),
    "tc30": (("", ("kode", "uraian")), ("2", ("indikator", "satuan"))),
    "tc31": (("", ("kode",)), ("2", ("uraian",)), ("4", ("indikator", "satuan"))),
    "tc32": (),
    "tc33": (("1", ("kode",)), ("2", ("uraian",)), ("3", ("indikator", "satuan"))),
    "t41": (("1", ("kode",)), ("2", ("uraian",)), ("3", ("indikator", "satuan"))),
    "e81": (("3", ("kode",)), ("4", ("uraian", "indikator", "satuan"))),
    "pk": (("1", ("kode", "uraian")), ("2", ("indikator",)), ("3", ("satuan",))),
    "lkj_capaian": (("1", ("kode", "uraian")), ("2", ("indikator", "satuan"))),
    "lkj_anggaran": (("1", ("kode", "uraian")), ("2", ("indikator", "satuan"))),
    "lkj_efisiensi": (("1", ("kode", "uraian")), ("2", ("indikator", "satuan"))),
    # Renja Perubahan (Banjarbaru Tabel 5.2 / 5.3): budgets per sub kegiatan, no indicators.
    "t52": (("1", ("kode",)), ("2", ("uraian",))),
    "t53": (("1", ("kode",)), ("2", ("uraian",))),
    "perubahan_pagu": (("1", ("kode",)), ("2", ("uraian",))),
    # The staff rekap (kepegawaian.tabel): dimension, category (as stored), its label.
    "rekap_pegawai": (("1", ("kode",)), ("2", ("uraian",)), ("3", ("indikator",))),
}
KOLOM_AWAL_LAIN: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("", ("kode", "uraian", "indikator", "satuan")),
)

JUDUL_AWAL = {
    "kode": "Kode",
    "uraian": "Urusan/Bidang Urusan/Program/Kegiatan/Sub Kegiatan",
    "indikator": "Indikator kinerja",
    "satuan": "Satuan",
}

# Tables whose descriptive columns are not plan rows.
JUDUL_AWAL_TABEL: dict[str, dict[str, str]] = {
    "rekap_pegawai": {"kode": "Dimensi", "uraian": "Kategori", "indikator": "Keterangan"},
}

LEVEL_KAPITAL = ("urusan", "bidang")

# Columns that belong to the node, not to the indicator (budgets): the engine prints them on
# the node's first row only, so a continuation row leaves them blank (merged, as printed).
KOLOM_NODE: dict[str, frozenset[str]] = {
    "tc31": frozenset({"k6", "k11"}),
    "tc33": frozenset({"k6", "k10"}),
    "t41": frozenset({"k5"}),
    "lkj_anggaran": frozenset({"k6", "k7", "k8"}),
}


def kolom_node(tabel: Tabel) -> frozenset[str]:
    if tabel.kode == "e81":
        return frozenset(k.kunci for k in tabel.kolom if k.kunci.endswith("_rp"))
    return KOLOM_NODE.get(tabel.kode, frozenset())


@dataclass(frozen=True)
class SelKepala:
    teks: str
    colspan: int = 1
    rowspan: int = 1
    kelas: str = ""


@dataclass(frozen=True)
class Kolomnya:
    """One body column: a descriptive field of the row, or a figure (``kunci``)."""

    jenis: str  # kode, uraian, indikator, satuan, nilai
    kunci: str = ""


@dataclass(frozen=True)
class Sel:
    nilai: Nilai
    kelas: str
    jejak: str = ""


@dataclass(frozen=True)
class BarisTampil:
    kelas: str
    sel: list[Sel]


@dataclass
class Susunan:
    judul: list[SelKepala] = field(default_factory=list)
    sub: list[SelKepala] = field(default_factory=list)  # K / Rp under a shared title
    nomor: list[SelKepala] = field(default_factory=list)
    kolom: list[Kolomnya] = field(default_factory=list)
    badan: list[BarisTampil] = field(default_factory=list)
    kaki: list[BarisTampil] = field(default_factory=list)

    @property
    def lebar(self) -> int:
        return len(self.kolom)


def _angka_nomor(nomor: str) -> int | None:
    return int(nomor) if nomor.isdigit() else None


def _urutan(tabel: Tabel) -> list[tuple[str, str, tuple[str, ...] | list[Kolom]]]:
    """Leading groups and figure columns in official number order.

    Returns ("awal", nomor, members) and ("kolom", nomor, [Kolom, ...]) items; figure
    columns sharing a number (E.81's K and Rp) form one item.
    """
    awal = KOLOM_AWAL.get(tabel.kode, KOLOM_AWAL_LAIN)
    items: list[tuple[tuple[float, int, int], str, str, tuple[str, ...] | list[Kolom]]] = []
    berikut: float = (_angka_nomor(tabel.kolom[0].nomor) or 0) if tabel.kolom else 0
    # Unnumbered leading groups go just before the next numbered one (or the first figure).
    for i, (nomor, anggota) in reversed(list(enumerate(awal))):
        n = _angka_nomor(nomor)
        if n is not None:
            berikut = n
        items.append(((berikut - 0.5 if n is None else n, 0, i), "awal", nomor, anggota))
    terakhir: float = 0
    kelompok: list[Kolom] = []
    for i, kolom in enumerate(tabel.kolom):
        n = _angka_nomor(kolom.nomor)
        terakhir = terakhir if n is None else n
        if kelompok and kolom.nomor and kolom.nomor == kelompok[-1].nomor:
            kelompok.append(kolom)
            continue
        kelompok = [kolom]
        items.append(((terakhir, 1, i), "kolom", kolom.nomor, kelompok))
    items.sort(key=lambda item: item[0])
    return [(jenis, nomor, isi) for _, jenis, nomor, isi in items]


def _teks_nomor(kolom: Kolom) -> str:
    if not kolom.rumus:
        return kolom.nomor
    if kolom.rumus.startswith(kolom.nomor):
        return kolom.rumus
    return f"{kolom.nomor} ({kolom.rumus})"


def _pisah_judul(judul: str) -> tuple[str, str]:
    """ "Target Renja tahun 2024 (K)" → ("Target Renja tahun 2024", "K")."""
    kepala, pemisah, ekor = judul.rpartition(" (")
    if pemisah and ekor.endswith(")"):
        return kepala, ekor[:-1]
    return judul, ""


def _baris(baris: Baris, kolom: list[Kolomnya], per_node: frozenset[str]) -> BarisTampil:
    sel: list[Sel] = []
    for k in kolom:
        if k.jenis == "nilai":
            if k.kunci not in baris.nilai:  # the row has no such figure (e.g. an urusan row)
                sel.append(Sel("", "kosong"))
                continue
            nilai = baris.nilai[k.kunci]
            if baris.lanjutan and nilai is None and k.kunci in per_node:
                sel.append(Sel("", "kosong per-node"))
                continue
            jejak = baris.jejak.get(k.kunci, "")
            kelas = "angka" if isinstance(nilai, Decimal) or nilai is None else "teks"
            sel.append(Sel(nilai, f"{kelas} dihitung" if jejak else kelas, jejak))
        elif baris.lanjutan and k.jenis in ("kode", "uraian"):
            sel.append(Sel("", k.jenis))
        else:
            teks = str(getattr(baris, k.jenis))
            if k.jenis == "uraian" and baris.level in LEVEL_KAPITAL:
                teks = teks.upper()
            sel.append(Sel(teks, k.jenis))
    kelas = f"lvl-{baris.level}" + (" lanjutan" if baris.lanjutan else "")
    return BarisTampil(kelas, sel)


def susunan(tabel: Tabel) -> Susunan:
    hasil = Susunan()
    urutan = _urutan(tabel)
    ada_sub = any(jenis == "kolom" and len(isi) > 1 for jenis, _, isi in urutan)
    tinggi = 2 if ada_sub else 1
    for jenis, nomor, isi in urutan:
        if jenis == "awal":
            anggota = [str(a) for a in isi]
            for a in anggota:
                judul = JUDUL_AWAL_TABEL.get(tabel.kode, {}).get(a, JUDUL_AWAL[a])
                hasil.judul.append(SelKepala(judul, rowspan=tinggi, kelas=a))
                hasil.kolom.append(Kolomnya(a))
            hasil.nomor.append(SelKepala(nomor, colspan=len(anggota)))
            continue
        daftar = [k for k in isi if isinstance(k, Kolom)]
        if len(daftar) == 1:
            hasil.judul.append(SelKepala(daftar[0].judul, rowspan=tinggi))
        else:
            hasil.judul.append(SelKepala(_pisah_judul(daftar[0].judul)[0], colspan=len(daftar)))
            hasil.sub.extend(SelKepala(_pisah_judul(k.judul)[1] or k.kunci) for k in daftar)
        hasil.nomor.append(SelKepala(_teks_nomor(daftar[0]), colspan=len(daftar)))
        hasil.kolom.extend(Kolomnya("nilai", k.kunci) for k in daftar)
    per_node = kolom_node(tabel)
    hasil.badan = [_baris(b, hasil.kolom, per_node) for b in tabel.baris]
    hasil.kaki = [_baris(b, hasil.kolom, per_node) for b in tabel.kaki]
    return hasil


@register.simple_tag
def susun_tabel(tabel: Tabel) -> Susunan:
    """``{% susun_tabel tabel as t %}``: header cells and rows in printed column order."""
    return susunan(tabel)
