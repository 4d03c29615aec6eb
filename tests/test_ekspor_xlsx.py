"""The XLSX exporter: the HTML layout in a workbook, and parent totals as honest SUM formulas.

Every ``=SUM`` in a written workbook is evaluated here (a tiny evaluator resolving the cells
it references, recursively) and must give the engine's own value for that cell.
"""

from __future__ import annotations

import io
import re
from decimal import Decimal
from html.parser import HTMLParser
from pathlib import Path

import pandas as pd
import pytest
from django.template.loader import render_to_string
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

from evaluasi.muat import (
    KOLOM_INDIKATOR,
    KOLOM_NILAI_IND,
    KOLOM_NILAI_NODE,
    KOLOM_NODE,
    KOLOM_PK,
    KOLOM_SASARAN,
    KOLOM_TERCETAK,
    DataRencana,
    muat_rencana,
)
from evaluasi.tabel import e81, t41, tc29, tc31, tc33
from evaluasi.tabel_lkj import lkj_anggaran
from inti import rumus
from inti.ekspor_xlsx import (
    FORMAT_BULAT,
    FORMAT_DESIMAL,
    KOLOM_JUMLAH,
    EksportirXlsx,
    induk_baris,
    rumus_sum,
)
from inti.tabel import Baris, Kolom, Tabel
from inti.templatetags.angka import susunan
from renja.impor import impor_plan

ROOT = Path(__file__).resolve().parent.parent

HEADER = "pemda,opd,kode,uraian,indikator,satuan,polaritas,akumulasi,periode,tahun,jenis,nilai"
P1 = "Kota Batam,BKPSDM"
IND_PROGRAM = ("Persentase ASN yang dinilai", "Indeks kepuasan layanan")


def _rencana_rows() -> list[str]:
    """A small BKPSDM plan: 2 programs, 3 kegiatan, 4 sub kegiatan, indicators and budgets."""
    subs = {
        # kode: (pagu 2024, pagu 2025, pagu_rkpd 2024, realisasi TW1 2024, TW2 2024)
        "5.03.01.2.01.0001": ("1.000.000,50", "1.100.000", "900.000", "200.000", "300.000"),
        "5.03.01.2.01.0002": ("2.500.000", "2.600.000", "2.500.000", "", "1.000.000"),
        "5.03.01.2.02.0001": ("750.000", "", "", "100.000", ""),
        "5.03.02.2.04.0003": ("4.000.000", "4.200.000", "3.000.000", "1.000.000", "1.500.000"),
    }
    rows = []
    for kode, (p24, p25, rkpd, tw1, tw2) in subs.items():
        uraian = f"Sub kegiatan {kode}"
        for tahun, jenis, nilai in [
            (2024, "pagu", p24),
            (2025, "pagu", p25),
            (2024, "pagu_rkpd", rkpd),
            (2024, "realisasi_anggaran_tw1", tw1),
            (2024, "realisasi_anggaran_tw2", tw2),
            (2023, "realisasi_anggaran", "500.000"),
            (2024, "pagu_renstra", p24),
            (2024, "lokasi", "Kota Batam"),
            (2024, "sumber_dana", "DAU"),
        ]:
            if nilai:
                rows.append(f'{P1},{kode},{uraian},,,,,2021-2026,{tahun},{jenis},"{nilai}"')
        ind = f"Jumlah laporan {kode}"
        for tahun, jenis, nilai in [
            (2024, "target", "4"),
            (2025, "target", "5"),
            (2024, "realisasi_tw1", "1"),
            (2024, "realisasi_tw2", "2"),
        ]:
            rows.append(
                f"{P1},{kode},{uraian},{ind},laporan,positif,kumulatif,2021-2026,{tahun},{jenis},{nilai}"
            )
    for nama, (t22, r22, t23, akhir) in zip(
        IND_PROGRAM, [("80", "86,67", "85", "90"), ("3,2", "3,5", "3,4", "3,6")], strict=True
    ):
        satuan = "%" if nama.startswith("Persentase") else "indeks"
        for tahun, jenis, nilai in [
            (2022, "target", t22),
            (2022, "realisasi", r22),
            (2023, "target", t23),
            (2026, "target_renstra_akhir", akhir),
            (2024, "target", t23),
        ]:
            rows.append(
                f'{P1},5.03.01,Program penunjang,{nama},{satuan},positif,non_kumulatif,2021-2026,{tahun},{jenis},"{nilai}"'
            )
    return rows


@pytest.fixture
def rencana(bkpsdm, tulis_csv):
    """alice's agency (BKPSDM of Kota Batam, the persona fixtures) with the small plan loaded."""
    impor_plan([tulis_csv(_rencana_rows(), header=HEADER)])
    bkpsdm.refresh_from_db()
    return muat_rencana(pd_obj=bkpsdm, tahun=2024)


KONTEKS = {"pemda": "Kota Batam", "perangkat_daerah": "BKPSDM Kota Batam", "tahun": 2024}


def tulis_buku(tabel: Tabel, **kw):
    """Write through the exporter's public interface, then read the file back as a reader would."""
    buf = io.BytesIO()
    EksportirXlsx(**kw).tulis(tabel, buf)
    buf.seek(0)
    return load_workbook(buf)


# --- a tiny formula evaluator ------------------------------------------------------------

SUM = re.compile(r"^=SUM\(([A-Z]+\d+(?::[A-Z]+\d+)?(?:,[A-Z]+\d+(?::[A-Z]+\d+)?)*)\)$")


def sel_rujukan(rumus_sel: str) -> list[str]:
    """The cells a ``=SUM(A1:A5)`` / ``=SUM(A1,A3,A7)`` formula references."""
    m = SUM.match(rumus_sel)
    assert m, f"not a SUM formula: {rumus_sel}"
    cells = []
    for part in m.group(1).split(","):
        if ":" not in part:
            cells.append(part)
            continue
        a, b = part.split(":")
        ca, ra = re.match(r"([A-Z]+)(\d+)", a).groups()  # type: ignore[union-attr]
        cb, rb = re.match(r"([A-Z]+)(\d+)", b).groups()  # type: ignore[union-attr]
        assert ca == cb, "a range must stay in one column"
        cells += [f"{ca}{r}" for r in range(int(ra), int(rb) + 1)]
    return cells


def nilai_sel(ws, alamat: str, _jalan: tuple[str, ...] = ()) -> Decimal | None:
    """A cell's value as Excel would compute it (Decimal; None for an empty cell)."""
    assert alamat not in _jalan, f"circular reference through {alamat}"
    v = ws[alamat].value
    if v is None:
        return None
    if isinstance(v, str) and v.startswith("="):
        bagian = [nilai_sel(ws, a, (*_jalan, alamat)) for a in sel_rujukan(v)]
        return sum((b for b in bagian if b is not None), Decimal(0))
    assert isinstance(v, int | float), f"{alamat} holds {v!r}, not a number"
    return Decimal(str(v))


def semua_rumus(ws) -> dict[str, str]:
    return {c.coordinate: c.value for row in ws.iter_rows() for c in row if c.data_type == "f"}


# --- where the table sits in the sheet -----------------------------------------------------


def peta(ws, tabel: Tabel) -> tuple[dict[str, str], int]:
    """(column letter of every figure key, sheet row of the first body row)."""
    kolom = {
        k.kunci: get_column_letter(i)
        for i, k in enumerate(susunan(tabel).kolom, start=1)
        if k.jenis == "nilai"
    }
    tinggi = 3 if susunan(tabel).sub else 2
    awal_kepala = int(ws.print_title_rows.split(":")[0].lstrip("$"))
    return kolom, awal_kepala + tinggi


def periksa_semua_rumus(ws, tabel: Tabel) -> int:
    """Every formula evaluates to the engine's value of its cell; returns how many there are."""
    kolom, awal = peta(ws, tabel)
    huruf_ke_kunci = {v: k for k, v in kolom.items()}
    semua = [*tabel.baris, *tabel.kaki]
    kaki_awal = awal + len(tabel.baris)
    rumus_ = semua_rumus(ws)
    for alamat, isi in rumus_.items():
        huruf, r = re.match(r"([A-Z]+)(\d+)", alamat).groups()  # type: ignore[union-attr]
        kunci = huruf_ke_kunci[huruf]
        assert kunci in KOLOM_JUMLAH[tabel.kode], f"{alamat} {isi}: {kunci} is not summable"
        assert all(re.match(rf"{huruf}\d", a) for a in sel_rujukan(isi))
        baris = semua[int(r) - awal] if int(r) < kaki_awal else tabel.kaki[int(r) - kaki_awal]
        engine = baris.nilai[kunci]
        assert isinstance(engine, Decimal)
        assert nilai_sel(ws, alamat) == rumus.bulat(engine, 2), (alamat, isi, engine)
    return len(rumus_)


def periksa_induk_berumus(ws, tabel: Tabel) -> int:
    """The engine rolls budgets up exactly, so every parent row with a child that has a value
    in a summable column gets a formula. Returns how many."""
    kolom, awal = peta(ws, tabel)
    induk = induk_baris(tabel.baris)
    n = 0
    for i, b in enumerate(tabel.baris):
        anak = [j for j, p in enumerate(induk) if p == i]
        for kunci in KOLOM_JUMLAH[tabel.kode]:
            if anak and any(tabel.baris[j].nilai.get(kunci) is not None for j in anak):
                isi = ws[f"{kolom[kunci]}{awal + i}"].value
                assert isinstance(isi, str) and isi.startswith("=SUM("), (b.kode, kunci)
                n += 1
    return n


def kode_baris(ws, tabel: Tabel, kode: str) -> int:
    _, awal = peta(ws, tabel)
    (i,) = [i for i, b in enumerate(tabel.baris) if b.kode == kode and not b.lanjutan]
    return awal + i


# --- the header equals the HTML one ----------------------------------------------------------


class _KepalaHtml(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.rows: list[list[tuple[str, int, int]]] = []
        self._th: list[object] | None = None
        self._thead = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "thead":
            self._thead = True
        elif self._thead and tag == "tr":
            self.rows.append([])
        elif self._thead and tag == "th":
            self._th = ["", int(a.get("colspan") or 1), int(a.get("rowspan") or 1)]

    def handle_endtag(self, tag):
        if tag == "thead":
            self._thead = False
        elif tag == "th" and self._th is not None:
            teks, cs, rs = self._th
            self.rows[-1].append((str(teks).strip(), int(cs), int(rs)))
            self._th = None

    def handle_data(self, data):
        if self._th is not None:
            self._th[0] = str(self._th[0]) + data


def grid_html(tabel: Tabel) -> dict[tuple[int, int], tuple[str, int, int]]:
    """The HTML header laid out as a browser does: (row, col) → (text, rowspan, colspan)."""
    import html

    parser = _KepalaHtml()
    parser.feed(render_to_string("evaluasi/_tabel.html", {"tabel": tabel, "pd": None}))
    grid: dict[tuple[int, int], tuple[str, int, int]] = {}
    terisi: set[tuple[int, int]] = set()
    for r, cells in enumerate(parser.rows):
        c = 0
        for teks, cs, rs in cells:
            while (r, c) in terisi:
                c += 1
            grid[(r, c)] = (html.unescape(teks), rs, cs)
            terisi |= {(r + i, c + j) for i in range(rs) for j in range(cs)}
            c += cs
    return grid


def grid_xlsx(ws, tabel: Tabel) -> dict[tuple[int, int], tuple[str, int, int]]:
    awal = int(ws.print_title_rows.split(":")[0].lstrip("$"))
    akhir = int(ws.print_title_rows.split(":")[1].lstrip("$"))
    gabungan = {(m.min_row, m.min_col): m for m in ws.merged_cells.ranges}
    grid = {}
    for r in range(awal, akhir + 1):
        for c in range(1, ws.max_column + 1):
            cell = ws.cell(row=r, column=c)
            if type(cell).__name__ == "MergedCell":
                continue
            m = gabungan.get((r, c))
            rs, cs = (m.max_row - m.min_row + 1, m.max_col - m.min_col + 1) if m else (1, 1)
            grid[(r - awal, c - 1)] = (str(cell.value or ""), rs, cs)
    return grid


def test_the_e81_header_has_the_html_merges_and_the_column_numbers_with_formulas(rencana):
    tabel = e81(rencana, tahun=2024, triwulan=2)
    ws = tulis_buku(tabel, konteks=KONTEKS).active
    assert grid_xlsx(ws, tabel) == grid_html(tabel)
    awal = int(ws.print_title_rows.split(":")[0].lstrip("$"))
    merged = {str(m) for m in ws.merged_cells.ranges}
    # Kode spans the title and K/Rp rows; "Target Renstra akhir periode" spans K and Rp.
    assert ws.cell(row=awal, column=1).value == "Kode" and f"A{awal}:A{awal + 1}" in merged
    assert ws.cell(row=awal, column=5).value == "Target Renstra akhir periode"
    assert f"E{awal}:F{awal}" in merged
    assert (ws[f"E{awal + 1}"].value, ws[f"F{awal + 1}"].value) == ("K", "Rp")
    nomor = [ws.cell(row=awal + 2, column=c).value for c in range(1, ws.max_column + 1)]
    assert nomor[0] == "3" and nomor[1] == "4" and nomor[4] == "5"
    assert "12 = 8+9+10+11" in nomor and "13 = 12/7" in nomor and "15 = 14/5" in nomor
    i12 = nomor.index("12 = 8+9+10+11")
    assert f"{get_column_letter(i12 + 1)}{awal + 2}:{get_column_letter(i12 + 2)}{awal + 2}" in (
        merged
    )


@pytest.mark.parametrize("nama", ["tc29", "tc31", "tc33", "t41", "lkj_anggaran"])
def test_every_header_equals_the_html_header(rencana, nama):
    bangun = {
        "tc29": lambda d: tc29(d, tahun=2024),
        "tc31": lambda d: tc31(d, tahun=2024),
        "tc33": lambda d: tc33(d, tahun=2024),
        "t41": lambda d: t41(d, tahun=2024),
        "lkj_anggaran": lambda d: lkj_anggaran(d, tahun=2024),
    }[nama]
    tabel = bangun(rencana)
    ws = tulis_buku(tabel).active
    assert grid_xlsx(ws, tabel) == grid_html(tabel)


def test_tc29_prints_its_column_formulas_under_the_header(rencana):
    tabel = tc29(rencana, tahun=2024)
    ws = tulis_buku(tabel).active
    akhir = int(ws.print_title_rows.split(":")[1].lstrip("$"))
    nomor = [ws.cell(row=akhir, column=c).value for c in range(1, ws.max_column + 1)]
    assert nomor[:3] == ["1", "2", "3"]
    assert "8 = 7/6" in nomor and "11 = 10/4" in nomor
    assert "10 = 5+7+9 (menurut akumulasi)" in nomor


# --- SUM formulas ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "bangun",
    [
        lambda d: tc33(d, tahun=2024),
        lambda d: t41(d, tahun=2024),
        lambda d: tc31(d, tahun=2024),
        lambda d: e81(d, tahun=2024, triwulan=2),
        lambda d: e81(d, tahun=2024, triwulan=4),
        lambda d: lkj_anggaran(d, tahun=2024),
    ],
    ids=["tc33", "t41", "tc31", "e81-tw2", "e81-tw4", "lkj_anggaran"],
)
def test_every_sum_formula_evaluates_to_the_engine_value(rencana, bangun):
    tabel = bangun(rencana)
    ws = tulis_buku(tabel).active
    assert periksa_semua_rumus(ws, tabel) > 0
    periksa_induk_berumus(ws, tabel)


def test_the_tc33_grand_total_is_a_formula_giving_the_engine_total(rencana):
    tabel = tc33(rencana, tahun=2024)
    ws = tulis_buku(tabel).active
    kolom, _ = peta(ws, tabel)
    urusan = kode_baris(ws, tabel, "5")
    assert tabel.baris[urusan - peta(ws, tabel)[1]].level == "urusan"
    assert ws[f"{kolom['k6']}{urusan}"].value.startswith("=SUM(")
    assert nilai_sel(ws, f"{kolom['k6']}{urusan}") == Decimal("8250000.50")
    assert nilai_sel(ws, f"{kolom['k10']}{urusan}") == Decimal("7900000")
    # The kegiatan with two sub kegiatan in a row sums them as one range.
    kegiatan = kode_baris(ws, tabel, "5.03.01.2.01")
    assert ws[f"{kolom['k6']}{kegiatan}"].value == (
        f"=SUM({kolom['k6']}{kegiatan + 1}:{kolom['k6']}{kegiatan + 2})"
    )


def test_footer_totals_are_sums_of_the_top_rows(rencana):
    for tabel, kunci, total in [
        (tc31(rencana, tahun=2024), "k6", Decimal("6400000")),
        (tc31(rencana, tahun=2024), "k11", Decimal("8250000.50")),
        (lkj_anggaran(rencana, tahun=2024), "k6", Decimal("8250000.50")),
        (lkj_anggaran(rencana, tahun=2024), "k7", Decimal("4100000")),
    ]:
        ws = tulis_buku(tabel).active
        kolom, awal = peta(ws, tabel)
        sel = f"{kolom[kunci]}{awal + len(tabel.baris)}"
        assert tabel.kaki[0].nilai[kunci] == total
        assert ws[sel].value.startswith("=SUM(") and nilai_sel(ws, sel) == total
    # Serapan stays a value: its formula is a quotient, not a sum.
    kolom, awal = peta(ws, tabel)
    serapan = ws[f"{kolom['k8']}{awal + len(tabel.baris)}"]
    assert isinstance(serapan.value, float | int) and serapan.number_format == FORMAT_DESIMAL


def test_a_formula_over_the_wrong_rows_would_be_caught(rencana):
    """Change one sub kegiatan's budget in the workbook: exactly its ancestors move, by that much."""
    tabel = tc33(rencana, tahun=2024)
    ws = tulis_buku(tabel).active
    kolom = peta(ws, tabel)[0]["k6"]
    sub = f"{kolom}{kode_baris(ws, tabel, '5.03.01.2.01.0002')}"
    leluhur = {k: f"{kolom}{kode_baris(ws, tabel, k)}" for k in ("5", "5.03", "5.03.01")}
    leluhur["5.03.01.2.01"] = f"{kolom}{kode_baris(ws, tabel, '5.03.01.2.01')}"
    lain = {k: f"{kolom}{kode_baris(ws, tabel, k)}" for k in ("5.03.01.2.02", "5.03.02")}
    sebelum = {a: nilai_sel(ws, a) for a in [*leluhur.values(), *lain.values()]}
    ws[sub].value = ws[sub].value + 1234
    for alamat in leluhur.values():
        assert nilai_sel(ws, alamat) == sebelum[alamat] + 1234
    for alamat in lain.values():
        assert nilai_sel(ws, alamat) == sebelum[alamat]


def test_a_parent_that_is_not_the_sum_of_its_children_keeps_its_value():
    def b(kode, level, k6, k10=None):
        return Baris(kode=kode, uraian=kode, level=level, nilai={"k6": k6, "k10": k10})

    tabel = Tabel(
        kode="tc33",
        judul="Tabel T-C.33 uji",
        kolom=[Kolom("k6", "6", "Pagu (Rp)"), Kolom("k10", "10", "Pagu n+1 (Rp)")],
        baris=[
            b("5", "urusan", Decimal(300), Decimal(7)),
            b("5.03", "bidang", Decimal(300), None),
            b("5.03.01", "program", Decimal(100), Decimal(7)),
            b("5.03.02", "program", Decimal(150), None),  # 100 + 150 ≠ 300
        ],
    )
    ws = tulis_buku(tabel).active
    kolom, awal = peta(ws, tabel)
    k6, k10 = kolom["k6"], kolom["k10"]
    # The urusan is the sum of its only child (the bidang, 300): a formula, and an honest one.
    assert ws[f"{k6}{awal}"].value == f"=SUM({k6}{awal + 1})"
    assert ws[f"{k6}{awal + 1}"].value == 300  # the bidang is not 100 + 150: its value
    assert ws[f"{k10}{awal}"].value == 7  # the bidang has no k10: no formula
    assert ws[f"{k10}{awal + 1}"].value is None
    assert semua_rumus(ws) == {f"{k6}{awal}": f"=SUM({k6}{awal + 1})"}
    assert periksa_semua_rumus(ws, tabel) == 1


def test_rumus_sum_joins_consecutive_rows_into_ranges():
    assert rumus_sum("F", [12, 13, 14, 20, 22, 23]) == "=SUM(F12:F14,F20,F22:F23)"
    assert rumus_sum("F", [7]) == "=SUM(F7)"
    assert rumus_sum("F", []) is None
    assert rumus_sum("F", list(range(1, 600, 2))) is None  # more than 255 arguments


# --- number formats, text, hierarchy ------------------------------------------------------------


def test_numbers_are_numbers_with_indonesian_looking_formats_and_text_stays_text(rencana):
    tabel = e81(rencana, tahun=2024, triwulan=2)
    ws = tulis_buku(tabel).active
    kolom, awal = peta(ws, tabel)
    sub = kode_baris(ws, tabel, "5.03.02.2.04.0003")
    pagu = ws[f"{kolom['k7_rp']}{sub}"]
    assert pagu.value == 4000000 and pagu.number_format == FORMAT_BULAT
    serapan = ws[f"{kolom['k13_rp']}{sub}"]
    assert serapan.value == pytest.approx(62.5) and serapan.number_format == FORMAT_DESIMAL
    capaian = ws[f"{kolom['k13_k']}{sub}"]
    assert capaian.value == 75 and capaian.number_format == FORMAT_DESIMAL
    # Quarters after the requested one have no value: an empty cell, not 0 or "-".
    assert ws[f"{kolom['k10_rp']}{sub}"].value is None
    assert ws[f"{kolom['unit']}{sub}"].value == "BKPSDM"
    assert ws[f"{kolom['unit']}{sub}"].data_type == "s"
    # Cents are kept and shown with 2 decimals.
    sen = ws[f"{kolom['k7_rp']}{kode_baris(ws, tabel, '5.03.01.2.01.0001')}"]
    assert sen.value == pytest.approx(1000000.5) and sen.number_format == FORMAT_DESIMAL
    # Footer: the rata-rata are values, the predikat text.
    rata = awal + len(tabel.baris)
    assert ws[f"B{rata}"].value == "RATA-RATA CAPAIAN"
    assert isinstance(ws[f"{kolom['k13_k']}{rata}"].value, int | float)
    assert isinstance(ws[f"{kolom['k13_k']}{rata + 1}"].value, str)


def test_hierarchy_capitals_bold_indent_and_continuation_rows(rencana):
    tabel = tc33(rencana, tahun=2024)
    ws = tulis_buku(tabel).active
    kolom, awal = peta(ws, tabel)
    urusan = tabel.baris[0]
    assert ws[f"B{awal}"].value == urusan.uraian.upper() and ws[f"B{awal}"].font.b
    program = kode_baris(ws, tabel, "5.03.01")
    assert ws[f"B{program}"].font.b and ws[f"A{program}"].value == "5.03.01"
    sub = kode_baris(ws, tabel, "5.03.01.2.01.0001")
    assert ws[f"B{sub}"].alignment.indent == 3 and not ws[f"B{sub}"].font.b
    assert ws[f"B{sub}"].value == "Sub kegiatan 5.03.01.2.01.0001"
    # The program's second indicator: no repeated code or name, no repeated budget.
    lanjut = program + 1
    assert tabel.baris[lanjut - awal].lanjutan
    assert ws[f"A{lanjut}"].value is None and ws[f"B{lanjut}"].value is None
    assert ws[f"C{lanjut}"].value == IND_PROGRAM[1]
    assert ws[f"{kolom['k6']}{lanjut}"].value is None
    assert ws[f"{kolom['k4']}{sub}"].value == "Kota Batam"


def test_text_that_looks_like_a_formula_stays_text():
    tabel = Tabel(
        kode="tc33",
        judul="=HYPERLINK(1)",
        kolom=[Kolom("k8", "8", "Catatan penting")],
        baris=[Baris(kode="5", uraian="=1+1", level="urusan", nilai={"k8": "=2+2"})],
    )
    ws = tulis_buku(tabel).active
    assert semua_rumus(ws) == {}
    assert ws["A1"].value == "=HYPERLINK(1)" and ws["A1"].data_type == "s"
    teks = {c.value for row in ws.iter_rows() for c in row}
    assert {"=1+1", "=2+2"} <= teks


# --- title block, sheet and print setup ------------------------------------------------------------


def test_title_block_frozen_header_and_print_setup(rencana):
    tabel = tc33(rencana, tahun=2024)
    buku = tulis_buku(tabel, konteks=KONTEKS)
    ws = buku.active
    assert ws.title == "T-C.33"
    judul = [ws.cell(row=r, column=1).value for r in range(1, 5)]
    assert judul == [
        tabel.judul,
        "Pemerintah daerah: Kota Batam",
        "Perangkat daerah: BKPSDM Kota Batam",
        "Tahun: 2024",
    ]
    kolom, awal = peta(ws, tabel)
    assert ws.print_title_rows == f"${awal - 2}:${awal - 1}"
    assert ws.cell(row=awal - 2, column=1).value == "Kode"
    # Frozen below the header and right of kode and uraian.
    assert ws.freeze_panes == f"C{awal}"
    assert ws.page_setup.orientation == "landscape"
    assert int(ws.page_setup.paperSize) == 9
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert int(ws.page_setup.fitToWidth) == 1 and int(ws.page_setup.fitToHeight) == 0
    assert ws.column_dimensions["B"].width > ws.column_dimensions["A"].width
    assert ws.column_dimensions[kolom["k6"]].width >= 16
    # The notes follow the table.
    catatan = [ws.cell(row=r, column=1).value for r in range(awal, ws.max_row + 1)]
    assert "• " + tabel.catatan[0] in catatan


def test_tulis_takes_the_plain_protocol_call_and_context_in_either_place(rencana):
    tabel = t41(rencana, tahun=2024)
    polos = tulis_buku(tabel).active
    assert [polos.cell(row=r, column=1).value for r in (1, 2)] == [tabel.judul, "Tahun: 2024"]
    lewat_konstruktor = tulis_buku(tabel, konteks={"pemda": "Kota Batam"}).active
    assert lewat_konstruktor["A2"].value == "Pemerintah daerah: Kota Batam"
    buf = io.BytesIO()
    EksportirXlsx().tulis(tabel, buf, konteks={"perangkat_daerah": "BKPSDM", "versi": "perubahan"})
    ws = load_workbook(io.BytesIO(buf.getvalue())).active
    assert ws["A2"].value == "Perangkat daerah: BKPSDM" and ws["A4"].value == "Versi: perubahan"
    assert EksportirXlsx.format == "xlsx"
    assert int(ws.page_setup.paperSize) == 9
    buf = io.BytesIO()
    EksportirXlsx().tulis(tabel, buf, konteks={"kertas": "F4", "versi": "murni"})
    ws = load_workbook(io.BytesIO(buf.getvalue())).active
    assert int(ws.page_setup.paperSize) == 14  # Folio 216 × 330 mm
    assert [ws.cell(row=r, column=1).value for r in (1, 2)] == [tabel.judul, "Tahun: 2024"]


def test_an_empty_table_prints_nihil():
    tabel = Tabel(
        kode="tc32",
        judul="Tabel T-C.32 uji",
        kolom=[Kolom("k2", "2", "Program/Kegiatan"), Kolom("k3", "3", "Lokasi")],
        baris=[],
        catatan=["NIHIL"],
    )
    ws = tulis_buku(tabel).active
    _, awal = peta(ws, tabel)
    assert ws[f"A{awal}"].value == "NIHIL"
    assert f"A{awal}:B{awal}" in {str(m) for m in ws.merged_cells.ranges}
    assert ws.max_row == awal  # the "NIHIL" note is not repeated below


# --- the Batam demo -----------------------------------------------------------------------------


def test_batam_tc33_totals_are_formulas_giving_the_document_total(db):
    impor_plan([ROOT / "fixtures" / "batam_renja_2024.csv"])
    from renja.models import PerangkatDaerah

    pd_ = PerangkatDaerah.objects.select_related("pemda").get(
        pemda__nama="Kota Batam", kode="BKPSDM"
    )
    data = muat_rencana(pd_obj=pd_, tahun=2024)
    for tabel in (tc33(data, tahun=2024), t41(data, tahun=2024), tc31(data, tahun=2024)):
        ws = tulis_buku(tabel).active
        assert periksa_semua_rumus(ws, tabel) > 5
        assert grid_xlsx(ws, tabel) == grid_html(tabel)
    tabel = tc33(data, tahun=2024)
    ws = tulis_buku(tabel).active
    kolom = peta(ws, tabel)[0]
    urusan = f"{kolom['k6']}{kode_baris(ws, tabel, '5')}"
    assert ws[urusan].value.startswith("=SUM(")
    assert nilai_sel(ws, urusan) == Decimal("20836384650")


# --- property: random trees ------------------------------------------------------------------


LEVELS = ["urusan", "bidang", "program", "kegiatan", "sub_kegiatan"]


@st.composite
def pohon(draw):
    """A random plan tree (1-2 urusan; 1-3 children per node) with random sub kegiatan budgets."""
    nodes, budgets, indikator = [], [], []
    counter = iter(range(1, 10_000))

    def tambah(parent_id, kode, depth):
        node_id = next(counter)
        nodes.append((node_id, kode, LEVELS[depth], parent_id, f"Node {kode}"))
        if depth in (2, 4) and draw(st.booleans()):  # some nodes get two indicators
            for u in range(2):
                indikator.append(
                    (next(counter), node_id, None, None, f"I{node_id}.{u}", "unit", "positif",
                     "non_kumulatif", u)
                )  # fmt: skip
        if depth == 4:
            for tahun in (2024, 2025):
                if draw(st.booleans()):
                    amount = draw(st.decimals(min_value=0, max_value=10**12, places=2))
                    budgets.append((node_id, tahun, "pagu", 0, amount, ""))
            return
        for i in range(draw(st.integers(min_value=1, max_value=3))):
            tambah(node_id, f"{kode}.{i + 1}", depth + 1)

    for u in range(draw(st.integers(min_value=1, max_value=2))):
        tambah(None, str(u + 5), 0)

    def frame(rows, columns):
        return (
            pd.DataFrame.from_records(rows, columns=columns)
            if rows
            else pd.DataFrame(columns=columns)
        )

    return DataRencana(
        pd_id=1, pd_kode="X", pd_nama="X", pemda="P", renstra_id=1, tahun_mulai=2021, tahun_selesai=2026,
        node=frame(nodes, KOLOM_NODE),
        indikator=frame(indikator, KOLOM_INDIKATOR),
        nilai_indikator=frame([], KOLOM_NILAI_IND),
        nilai_node=frame(budgets, KOLOM_NILAI_NODE),
        tercetak=frame([], KOLOM_TERCETAK),
        sasaran_program=frame([], ["sasaran_id", "program_id"]),
        sasaran=frame([], KOLOM_SASARAN),
        perjanjian_kinerja=frame([], KOLOM_PK),
    )  # fmt: skip


@pytest.mark.slow
@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(pohon())
def test_evaluated_sums_equal_the_engine_totals_on_random_trees(data):
    for tabel in (tc33(data, tahun=2024), t41(data, tahun=2024)):
        ws = tulis_buku(tabel).active
        assert periksa_semua_rumus(ws, tabel) == periksa_induk_berumus(ws, tabel)
        kolom, awal = peta(ws, tabel)
        for i, b in enumerate(tabel.baris):
            if b.level == "urusan" and not b.lanjutan:
                for kunci in KOLOM_JUMLAH[tabel.kode]:
                    engine = b.nilai.get(kunci)
                    got = nilai_sel(ws, f"{kolom[kunci]}{awal + i}")
                    assert got == (None if engine is None else rumus.bulat(engine, 2))


def test_e81_perubahan_sums_only_where_the_engine_parent_is_the_sum(rencana, tulis_csv):
    """E.81 perubahan: one sub kegiatan has a pagu perubahan, its sibling keeps the murni one.

    At the time of writing the engine gives the parents of the changed sub kegiatan the
    perubahan sum only (1.200.000), not the sum of the rows below them (1.200.000 +
    2.500.000): such a cell must be written as the engine's value, never as a SUM that would
    show another figure. Where the engine's parent is the sum, it is a formula.
    """
    perubahan = f'{P1},5.03.01.2.01.0001,Sub kegiatan,,,,,2021-2026,2024,pagu_perubahan,"1.200.000"'
    impor_plan([tulis_csv([perubahan], nama="perubahan.csv", header=HEADER)])
    data = muat_rencana(pd_obj=rencana_pd(), tahun=2024)
    tabel = e81(data, tahun=2024, triwulan=2, versi="perubahan")
    ws = tulis_buku(tabel).active
    kolom, awal = peta(ws, tabel)
    induk = induk_baris(tabel.baris)
    for kode in ("5.03.01.2.01", "5.03.01", "5.03.01.2.02"):
        r = kode_baris(ws, tabel, kode)
        engine = tabel.baris[r - awal].nilai["k7_rp"]
        anak = [b.nilai["k7_rp"] for b, p in zip(tabel.baris, induk, strict=True) if p == r - awal]
        total = sum((a for a in anak if isinstance(a, Decimal)), Decimal(0))
        sel = ws[f"{kolom['k7_rp']}{r}"].value
        if engine == total:
            assert isinstance(sel, str) and sel.startswith("=SUM("), kode
        else:
            assert sel == engine, kode
    assert tabel.baris[kode_baris(ws, tabel, "5.03.01.2.01.0001") - awal].nilai["k7_rp"] == 1200000
    periksa_semua_rumus(ws, tabel)


def rencana_pd():
    from renja.models import PerangkatDaerah

    return PerangkatDaerah.objects.select_related("pemda").get(
        pemda__nama="Kota Batam", kode="BKPSDM"
    )
