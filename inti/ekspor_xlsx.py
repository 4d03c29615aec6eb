"""XLSX exporter: a computed ``Tabel`` as the workbook a planner would otherwise build by hand.

The layout is the HTML/PDF one (``inti.templatetags.angka.susunan``): a title block
(table number and title, pemda, perangkat daerah, year), the multi-row header with the
same merged cells, the official column numbers (with their printed formula), then the rows
in hierarchy order and the footer rows. Numbers are real numbers with a thousands-separator
format (Excel shows them in the reader's locale, ``20.836.384.650`` / ``102,95`` in an
Indonesian one); text stays text; a missing value is an empty cell.

Parent totals of the money columns (``KOLOM_JUMLAH``) are written as ``=SUM(...)`` over the
cells of their children, so a planner who edits one sub kegiatan's figure keeps consistent
totals. A formula is written only where it gives the engine's value: where the computed
parent value equals the sum of its children's computed values (exactly, and after the
2-decimal rounding every written number gets). Anywhere else the computed value is written.
Percentages and ratios always stay values: their formulas are not sums.

Nothing here computes a figure of the table; the formulas only restate the engine's sums.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import IO, Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

from inti import rumus
from inti.konstanta import UKURAN_KERTAS
from inti.tabel import LEVEL_NOMENKLATUR, Baris, Nilai, Tabel
from inti.templatetags.angka import SelKepala, Susunan, susunan

# --- which columns add up --------------------------------------------------------------

# Per table, the figure columns whose parent value is the sum of its children's values
# (evaluasi.indeks rolls budgets up the tree with ``Indeks.jumlah_ke_atas``/``jumlah_anggaran``:
# every urusan, bidang, program and kegiatan gets the sum of the sub kegiatan below it).
# Only money columns are here. Indicator figures (targets, realisasi) are not additive across
# rows, and percentages/ratios (capaian, serapan, efisiensi) are quotients.
#
# * tc29: none. Every T-C.29 column (4-11) is an indicator figure or a capaian; the engine
#   has no pagu column in this table.
# * tc30, tc32, pk, lkj_capaian, lkj_efisiensi: none (indicator figures, ratios, text).
# * tc31: 6 pagu indikatif of the rancangan awal RKPD, 11 kebutuhan dana of the hasil
#   analisis kebutuhan; the JUMLAH footer row sums the top rows.
# * tc33: 6 pagu indikatif tahun n, 10 pagu indikatif n+1 (prakiraan maju).
# * t41: 5 pagu indikatif.
# * e81: every Rp column that is a sum — 5 pagu Renstra of the period, 6 realisasi anggaran
#   s/d tahun lalu, 7 pagu tahun ini, 8-11 realisasi TW I-IV, 12 realisasi tahun ini,
#   14 realisasi Renstra s/d tahun ini. Not 13_rp/15_rp (serapan) nor any K column. Sasaran
#   rows carry the budget of the programs serving them: values, not part of the tree.
# * lkj_anggaran: 6 pagu, 7 realisasi anggaran (program rows; the JUMLAH footer sums them).
#   Not 8 (serapan).
KOLOM_JUMLAH: dict[str, frozenset[str]] = {
    "tc29": frozenset(),
    "tc30": frozenset(),
    "tc31": frozenset({"k6", "k11"}),
    "tc32": frozenset(),
    "tc33": frozenset({"k6", "k10"}),
    "t41": frozenset({"k5"}),
    "e81": frozenset(
        {"k5_rp", "k6_rp", "k7_rp", "k8_rp", "k9_rp", "k10_rp", "k11_rp", "k12_rp", "k14_rp"}
    ),
    "pk": frozenset(),
    "lkj_capaian": frozenset(),
    "lkj_anggaran": frozenset({"k6", "k7"}),
    "lkj_efisiensi": frozenset(),
}

# Excel number formats: thousands separator, 0 decimals for Rupiah and whole numbers,
# 2 decimals for percentages, ratios and fractional figures. Excel prints the separators
# of the reader's locale (dot thousands and comma decimals in an Indonesian one).
FORMAT_BULAT = "#,##0"
FORMAT_DESIMAL = "#,##0.00"

# A SUM takes at most 255 arguments; a parent with more separate child cells gets its value.
_MAKS_ARGUMEN_SUM = 255

# Excel paper size codes: 9 = A4; 14 = Folio 8.5 × 13 in (216 × 330 mm), the "F4" of
# Indonesian government offices.

NAMA_LEMBAR: dict[str, str] = {
    "tc29": "T-C.29",
    "tc30": "T-C.30",
    "tc31": "T-C.31",
    "tc32": "T-C.32",
    "tc33": "T-C.33",
    "t41": "Tabel 4.1",
    "e81": "E.81",
    "pk": "Perjanjian Kinerja",
    "lkj_capaian": "Capaian IKU",
    "lkj_anggaran": "Kinerja dan Anggaran",
    "lkj_efisiensi": "Efisiensi",
}


def kolom_jumlah(tabel: Tabel) -> frozenset[str]:
    """The summable columns of this table that it actually has."""
    ada = {k.kunci for k in tabel.kolom}
    return KOLOM_JUMLAH.get(tabel.kode, frozenset()) & ada


# --- the row tree and the formulas -----------------------------------------------------


def induk_baris(baris: Sequence[Baris]) -> list[int | None]:
    """Index of each row's parent row in the table (None for top rows and non-tree rows).

    Rows come depth-first in code order. A node's parent is the closest earlier node of a
    higher level whose code prefixes its own; levels the table leaves out are skipped over
    (T-C.31 has no urusan/bidang rows: its programs are top rows). Continuation rows
    (another indicator of the same node) and rows outside the nomenclature tree (E.81
    sasaran, footer-like rows) have no parent and are nobody's parent.
    """
    induk: list[int | None] = []
    tumpukan: list[tuple[int, str, int]] = []  # (level rank, kode, row index)
    for i, b in enumerate(baris):
        if b.lanjutan or b.level not in LEVEL_NOMENKLATUR:
            induk.append(None)
            continue
        peringkat = LEVEL_NOMENKLATUR.index(b.level)
        while tumpukan and not (
            tumpukan[-1][0] < peringkat and b.kode.startswith(tumpukan[-1][1] + ".")
        ):
            tumpukan.pop()
        induk.append(tumpukan[-1][2] if tumpukan else None)
        tumpukan.append((peringkat, b.kode, i))
    return induk


def _angka(value: Nilai) -> Decimal | None:
    if isinstance(value, Decimal) and value.is_finite():
        return value
    return None


def _tertulis(value: Decimal) -> Decimal:
    """A number as written to the workbook: rounded half-up to 2 decimals, like every export."""
    hasil = rumus.bulat(value, 2)
    assert hasil is not None
    return hasil


def _jumlah_cocok(total: Nilai, bagian: Sequence[Nilai]) -> bool:
    """Whether ``total`` is exactly the sum of the numbers in ``bagian``, also once written.

    Every part must be a number or empty, and at least one must be a number: a sum over no
    values is no value, while an Excel SUM over empty cells shows 0.
    """
    nilai = _angka(total)
    if nilai is None or any(v is not None and _angka(v) is None for v in bagian):
        return False
    angka = [v for v in (_angka(b) for b in bagian) if v is not None]
    if not angka:
        return False
    return sum(angka, Decimal(0)) == nilai and sum(
        (_tertulis(v) for v in angka), Decimal(0)
    ) == _tertulis(nilai)


def rencana_rumus(tabel: Tabel) -> dict[tuple[str, int, str], list[int]]:
    """Which cells become ``=SUM`` and over which body rows.

    Keys are ``("baris", i, kunci)`` for body row ``i`` or ``("kaki", i, kunci)`` for footer
    row ``i``; values are the body row indices summed. A parent's cell sums its children's
    cells; a footer total sums the top rows of the tree.
    """
    jumlah = kolom_jumlah(tabel)
    if not jumlah:
        return {}
    induk = induk_baris(tabel.baris)
    anak: dict[int, list[int]] = {}
    puncak: list[int] = []
    for i, p in enumerate(induk):
        b = tabel.baris[i]
        if b.lanjutan or b.level not in LEVEL_NOMENKLATUR:
            continue
        if p is None:
            puncak.append(i)
        else:
            anak.setdefault(p, []).append(i)
    rencana: dict[tuple[str, int, str], list[int]] = {}
    for i, b in enumerate(tabel.baris):
        for kunci in jumlah:
            daftar = anak.get(i, [])
            if daftar and _jumlah_cocok(
                b.nilai.get(kunci), [tabel.baris[a].nilai.get(kunci) for a in daftar]
            ):
                rencana[("baris", i, kunci)] = daftar
    for i, b in enumerate(tabel.kaki):
        for kunci in jumlah:
            if puncak and _jumlah_cocok(
                b.nilai.get(kunci), [tabel.baris[a].nilai.get(kunci) for a in puncak]
            ):
                rencana[("kaki", i, kunci)] = puncak
    return rencana


def rumus_sum(kolom: str, baris_lembar: Sequence[int]) -> str | None:
    """``=SUM(F12,F15:F17)`` over sheet rows; consecutive rows become one range."""
    urut = sorted(set(baris_lembar))
    bagian: list[str] = []
    awal = akhir = urut[0] if urut else 0
    for r in [*urut[1:], None]:
        if r is not None and r == akhir + 1:
            akhir = r
            continue
        bagian.append(f"{kolom}{awal}" if awal == akhir else f"{kolom}{awal}:{kolom}{akhir}")
        if r is not None:
            awal = akhir = r
    if not urut or len(bagian) > _MAKS_ARGUMEN_SUM:
        return None
    return f"=SUM({','.join(bagian)})"


# --- styles ----------------------------------------------------------------------------

_TIPIS = Side(style="thin", color="555555")
_TEBAL = Side(style="medium", color="333333")
_BINGKAI = Border(left=_TIPIS, right=_TIPIS, top=_TIPIS, bottom=_TIPIS)
_BINGKAI_KAKI = Border(left=_TIPIS, right=_TIPIS, top=_TEBAL, bottom=_TIPIS)
_ISI_KEPALA = PatternFill("solid", fgColor="DDE3EA")
_ISI_NOMOR = PatternFill("solid", fgColor="EEF1F4")
_ISI_INDUK = PatternFill("solid", fgColor="F2F4F6")
_ISI_KAKI = PatternFill("solid", fgColor="E8EDF2")
_HURUF = "Arial"

# Indent (Excel indent steps) of the uraian per level, as the HTML page pads it.
INDENT: dict[str, int] = {"program": 1, "kegiatan": 2, "sub_kegiatan": 3}
LEVEL_TEBAL = frozenset({"urusan", "bidang", "program"})

LEBAR_AWAL: dict[str, float] = {"kode": 20, "uraian": 46, "indikator": 36, "satuan": 12}


@dataclass(frozen=True)
class _JenisKolom:
    rupiah: bool
    persen: bool


def _jenis_kolom(tabel: Tabel) -> dict[str, _JenisKolom]:
    jumlah = kolom_jumlah(tabel)
    hasil = {}
    for k in tabel.kolom:
        judul = k.judul.lower()
        rupiah = k.kunci in jumlah or "(rp)" in judul or "pagu" in judul or "anggaran (" in judul
        persen = "%" in judul or "/" in k.rumus or "poin" in judul or "efisiensi" in judul
        hasil[k.kunci] = _JenisKolom(rupiah=rupiah and not persen, persen=persen)
    return hasil


def _format_angka(nilai: Decimal, jenis: _JenisKolom | None) -> str:
    if jenis is not None and jenis.persen:
        return FORMAT_DESIMAL
    return FORMAT_BULAT if nilai == nilai.to_integral_value() else FORMAT_DESIMAL


def _tinggi(teks: str, lebar: float, ukuran: float = 10) -> float:
    """Row height (points) a wrapped text needs in a cell this wide (characters)."""
    per_baris = max(lebar * 1.1, 1)
    garis = sum(max(1, math.ceil(len(bagian) / per_baris)) for bagian in teks.split("\n"))
    return max(15.0, garis * ukuran * 1.45)


# --- the exporter ----------------------------------------------------------------------


class EksportirXlsx:
    """``tulis(tabel, keluaran)`` writes one table as one worksheet (format ``xlsx``).

    The title block takes ``konteks`` (``pemda``, ``perangkat_daerah``, ``tahun``, optional
    ``versi``; ``kertas`` "A4" or "F4" sets the paper), given to the constructor or to
    ``tulis`` (``inti.ekspor.KonteksCetak``); without it the block shows the table's title
    and year only, on A4.
    """

    format = "xlsx"

    def __init__(self, konteks: Mapping[str, object] | None = None) -> None:
        self.konteks: dict[str, object] = dict(konteks or {})

    def tulis(
        self,
        tabel: Tabel,
        keluaran: IO[bytes],
        *,
        konteks: Mapping[str, object] | None = None,
    ) -> None:
        buku = buat_buku(tabel, {**self.konteks, **(konteks or {})})
        buku.save(keluaran)


def buat_buku(tabel: Tabel, konteks: Mapping[str, object] | None = None) -> Any:
    """The openpyxl ``Workbook`` of one table (see the module docstring)."""
    konteks = konteks or {}
    buku = Workbook()
    lembar = buku.active
    lembar.title = NAMA_LEMBAR.get(tabel.kode, tabel.kode or "Tabel")[:31]
    buku.calculation.fullCalcOnLoad = True  # formulas have no cached value: compute on open
    _Penulis(tabel, konteks, lembar).tulis()
    return buku


class _Penulis:
    def __init__(self, tabel: Tabel, konteks: Mapping[str, object], lembar: Any) -> None:
        self.tabel = tabel
        self.konteks = konteks
        self.ws = lembar
        self.susun: Susunan = susunan(tabel)
        self.lebar_tabel = max(self.susun.lebar, 1)
        self.jenis = _jenis_kolom(tabel)
        self.lebar_kolom = self._lebar_kolom()
        for i, lebar in enumerate(self.lebar_kolom, start=1):
            self.ws.column_dimensions[get_column_letter(i)].width = lebar
        self.baris = 1

    # -- layout helpers

    def _lebar_kolom(self) -> list[float]:
        hasil: list[float] = []
        for k in self.susun.kolom:
            if k.jenis != "nilai":
                hasil.append(LEBAR_AWAL.get(k.jenis, 14))
                continue
            jenis = self.jenis.get(k.kunci)
            teks = [
                len(str(b.nilai.get(k.kunci)))
                for b in [*self.tabel.baris, *self.tabel.kaki]
                if isinstance(b.nilai.get(k.kunci), str)
            ]
            if teks and max(teks) > 12:
                hasil.append(min(max(max(teks) * 0.9, 16), 40))
            elif jenis is not None and jenis.rupiah:
                hasil.append(18)
            elif jenis is not None and jenis.persen:
                hasil.append(12)
            else:
                hasil.append(13)
        return hasil or [20]

    def _gabung(self, baris: int, kolom: int, tinggi: int = 1, lebar: int = 1) -> None:
        if tinggi > 1 or lebar > 1:
            self.ws.merge_cells(
                start_row=baris,
                start_column=kolom,
                end_row=baris + tinggi - 1,
                end_column=kolom + lebar - 1,
            )

    def _baris_lebar(self, teks: str, *, font: Font, tinggi_min: float = 15) -> None:
        """One text line across the table's width (title block, notes)."""
        sel = self.ws.cell(row=self.baris, column=1)
        _tulis_teks(sel, teks)
        sel.font = font
        sel.alignment = Alignment(wrap_text=True, vertical="top")
        self._gabung(self.baris, 1, lebar=self.lebar_tabel)
        ukuran = float(font.sz or 10)
        self.ws.row_dimensions[self.baris].height = max(
            tinggi_min, _tinggi(teks, sum(self.lebar_kolom), ukuran)
        )
        self.baris += 1

    # -- parts

    def tulis(self) -> None:
        self._judul()
        awal_kepala = self.baris
        self._kepala()
        akhir_kepala = self.baris - 1
        awal_badan = self.baris
        self._badan()
        self._keterangan()
        self._catatan()
        self._cetak(awal_kepala, akhir_kepala, awal_badan)

    def _judul(self) -> None:
        self._baris_lebar(
            self.tabel.judul, font=Font(name=_HURUF, bold=True, size=12), tinggi_min=18
        )
        tahun = self.konteks.get("tahun") or self.tabel.tahun or ""
        for label, nilai in (
            ("Pemerintah daerah", self.konteks.get("pemda")),
            ("Perangkat daerah", self.konteks.get("perangkat_daerah")),
            ("Tahun", tahun),
            ("Versi", self.konteks.get("versi") if self.konteks.get("versi") != "murni" else ""),
        ):
            if nilai not in (None, ""):
                self._baris_lebar(f"{label}: {nilai}", font=Font(name=_HURUF, size=10))
        self.baris += 1  # an empty line between the title block and the table

    def _kepala(self) -> None:
        """The header rows exactly as the HTML one: the same cells, colspans and rowspans."""
        baris_kepala: list[list[SelKepala]] = [self.susun.judul]
        if self.susun.sub:
            baris_kepala.append(self.susun.sub)
        baris_kepala.append(self.susun.nomor)
        terisi: set[tuple[int, int]] = set()
        tinggi: dict[int, float] = {}
        for offset, sel_baris in enumerate(baris_kepala):
            r = self.baris + offset
            nomor = offset == len(baris_kepala) - 1
            kolom = 1
            for sel in sel_baris:
                while (r, kolom) in terisi:
                    kolom += 1
                c = self.ws.cell(row=r, column=kolom)
                _tulis_teks(c, sel.teks)
                c.font = Font(name=_HURUF, bold=not nomor, italic=nomor, size=9 if nomor else 10)
                c.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
                c.fill = _ISI_NOMOR if nomor else _ISI_KEPALA
                for dr in range(sel.rowspan):
                    for dc in range(sel.colspan):
                        terisi.add((r + dr, kolom + dc))
                        tepi = self.ws.cell(row=r + dr, column=kolom + dc)
                        tepi.border = _BINGKAI
                self._gabung(r, kolom, sel.rowspan, sel.colspan)
                lebar = sum(self.lebar_kolom[kolom - 1 : kolom - 1 + sel.colspan])
                perlu = _tinggi(sel.teks, lebar) / sel.rowspan
                tinggi[r] = max(tinggi.get(r, 15.0), perlu)
                kolom += sel.colspan
        for r, t in tinggi.items():
            self.ws.row_dimensions[r].height = min(t, 120)
        self.baris += len(baris_kepala)

    def _badan(self) -> None:
        tabel = self.tabel
        rencana = rencana_rumus(tabel)
        kolom_huruf = {
            k.kunci: get_column_letter(i)
            for i, k in enumerate(self.susun.kolom, start=1)
            if k.jenis == "nilai"
        }
        baris_lembar = {i: self.baris + i for i in range(len(tabel.baris))}
        if not tabel.baris:
            c = self.ws.cell(row=self.baris, column=1, value="NIHIL")
            c.font = Font(name=_HURUF, bold=True)
            c.alignment = Alignment(horizontal="center")
            for j in range(1, self.lebar_tabel + 1):
                self.ws.cell(row=self.baris, column=j).border = _BINGKAI
            self._gabung(self.baris, 1, lebar=self.lebar_tabel)
            self.baris += 1
        for bagian, daftar, tampil in (
            ("baris", tabel.baris, self.susun.badan),
            ("kaki", tabel.kaki, self.susun.kaki),
        ):
            for i, (b, t) in enumerate(zip(daftar, tampil, strict=True)):
                r = self.baris
                kaki = bagian == "kaki"
                tebal = kaki or b.level in LEVEL_TEBAL
                isi = _ISI_KAKI if kaki else _ISI_INDUK if b.level in ("urusan", "bidang") else None
                for j, (k, sel) in enumerate(zip(self.susun.kolom, t.sel, strict=True), start=1):
                    c = self.ws.cell(row=r, column=j)
                    c.border = _BINGKAI_KAKI if kaki else _BINGKAI
                    c.font = Font(name=_HURUF, bold=tebal, size=10)
                    if isi is not None:
                        c.fill = isi
                    if k.jenis != "nilai":
                        _tulis_teks(c, str(sel.nilai))
                        indent = INDENT.get(b.level, 0) if k.jenis == "uraian" else 0
                        c.alignment = Alignment(
                            wrap_text=k.jenis != "kode", vertical="top", indent=indent
                        )
                        continue
                    jenis = self.jenis.get(k.kunci)
                    anak = rencana.get((bagian, i, k.kunci))
                    nilai = b.nilai.get(k.kunci) if sel.nilai != "" else None
                    formula = (
                        rumus_sum(kolom_huruf[k.kunci], [baris_lembar[a] for a in anak])
                        if anak
                        else None
                    )
                    angka = _angka(nilai)
                    if formula is not None and angka is not None:
                        c.value = formula
                        c.number_format = _format_angka(_tertulis(angka), jenis)
                        c.alignment = Alignment(horizontal="right", vertical="top")
                    elif angka is not None:
                        c.value = _tertulis(angka)
                        c.number_format = _format_angka(_tertulis(angka), jenis)
                        c.alignment = Alignment(horizontal="right", vertical="top")
                    elif nilai is None or nilai == "":
                        if jenis is not None and (jenis.rupiah or jenis.persen):
                            c.number_format = FORMAT_BULAT if jenis.rupiah else FORMAT_DESIMAL
                        c.alignment = Alignment(horizontal="right", vertical="top")
                    else:  # text, or a non-finite Decimal
                        _tulis_teks(c, str(nilai))
                        c.alignment = Alignment(wrap_text=True, vertical="top")
                self.baris += 1

    def _keterangan(self) -> None:
        """Labelled texts after the table (E.81: faktor pendorong … tindak lanjut)."""
        if not self.tabel.keterangan:
            return
        self.baris += 1
        for label, teks in self.tabel.keterangan:
            self._baris_lebar(label, font=Font(name=_HURUF, bold=True, size=9))
            self._baris_lebar(teks, font=Font(name=_HURUF, size=9))

    def _catatan(self) -> None:
        catatan = [c for c in self.tabel.catatan if c != "NIHIL" or self.tabel.baris]
        if not catatan:
            return
        self.baris += 1
        self._baris_lebar("Catatan:", font=Font(name=_HURUF, bold=True, size=9))
        for c in catatan:
            self._baris_lebar(f"• {c}", font=Font(name=_HURUF, size=9))

    def _cetak(self, awal_kepala: int, akhir_kepala: int, awal_badan: int) -> None:
        ws = self.ws
        # Freeze below the header and, where the table starts with them, right of kode/uraian.
        beku = 1
        for k in self.susun.kolom:
            if k.jenis not in ("kode", "uraian"):
                break
            beku += 1
        ws.freeze_panes = f"{get_column_letter(beku)}{awal_badan}"
        ws.print_title_rows = f"{awal_kepala}:{akhir_kepala}"
        ws.page_setup.orientation = "landscape"
        kertas = str(self.konteks.get("kertas") or "A4").upper()
        ws.page_setup.paperSize = (
            UKURAN_KERTAS[kertas].kode_xlsx if kertas in UKURAN_KERTAS else ws.PAPERSIZE_A4
        )
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0
        ws.sheet_properties.pageSetUpPr.fitToPage = True
        ws.print_options.horizontalCentered = True
        ws.page_margins.left = ws.page_margins.right = 0.4
        ws.page_margins.top = ws.page_margins.bottom = 0.5
        ws.page_margins.header = ws.page_margins.footer = 0.3
        ws.oddFooter.center.text = "Halaman &P dari &N"
        ws.oddFooter.center.size = 8
        ws.sheet_view.zoomScale = 90


def _teks(teks: str) -> str:
    """Text for a cell: without characters XML (and so XLSX) cannot hold."""
    return "".join(ch for ch in teks if ch in "\t\n\r" or ord(ch) >= 32)


def _tulis_teks(sel: Any, teks: str) -> None:
    """Text as text: empty stays an empty cell, and "=..." is never taken for a formula."""
    bersih = _teks(teks)
    sel.value = bersih or None
    if bersih:
        sel.data_type = "s"
