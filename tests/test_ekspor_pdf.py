"""The printed tables: the web page's partial in a print page, WeasyPrint, read back with pypdf.

The Batam demo (seed_demo, fixtures/) gives the real T-C.29/T-C.33; a generated plan of 150
sub kegiatan gives a table of several pages.
"""

from __future__ import annotations

import csv
import io
from decimal import Decimal
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from fontTools.ttLib import TTFont
from pypdf import PdfReader

from evaluasi import services
from inti.ekspor import (
    EKSPORTIR,
    EksportirTunda,
    FormatTidakTersedia,
    eksportir_untuk,
)
from inti.ekspor_pdf import (
    BASE_URL,
    EksportirPdf,
    PengambilUrl,
    css_cetak,
    html_tabel,
    pisah_judul,
)
from inti.serial import tabel_dari_json
from inti.tabel import Baris, Kolom, Tabel
from renja.impor import impor_plan
from renja.models import PerangkatDaerah
from renja.selectors import konteks_dari_pd

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("celery_eager")]

MM = 72 / 25.4  # PDF points per millimetre


def teks_halaman(pdf: bytes) -> list[str]:
    return [halaman.extract_text() for halaman in PdfReader(io.BytesIO(pdf)).pages]


def ukuran_halaman(pdf: bytes) -> list[tuple[float, float]]:
    return [
        (float(h.mediabox.width), float(h.mediabox.height))
        for h in PdfReader(io.BytesIO(pdf)).pages
    ]


def pdf_dari(tabel: Tabel, **konteks) -> bytes:
    keluaran = io.BytesIO()
    EksportirPdf().tulis(tabel, keluaran, konteks=konteks or None)
    return keluaran.getvalue()


def ekspor(tmp_path: Path, tabel: str, *args: str, pemda="Kota Batam", opd="BKPSDM") -> Path:
    out = tmp_path / f"{tabel}.pdf"
    call_command(
        "export_table", tabel, "--pemda", pemda, "--opd", opd, "--tahun", "2024",
        "--format", "pdf", "--output", str(out), *args, stdout=StringIO(),
    )  # fmt: skip
    return out


@pytest.fixture
def demo():
    call_command("seed_demo", stdout=StringIO())
    return PerangkatDaerah.objects.select_related("pemda").get(
        pemda__nama="Kota Batam", kode="BKPSDM"
    )


def tabel_demo(pd: PerangkatDaerah, kode: str) -> Tabel:
    return tabel_dari_json(services.tabel_hitung(pd=pd, tahun=2024, tabel=kode).isi)


@pytest.fixture
def rencana_panjang(tulis_csv):
    """Kota Contoh / DINAS: 5 kegiatan of 30 sub kegiatan each, pagu 1.234.567 per sub."""
    rows = []
    for k in range(1, 6):
        for s in range(1, 31):
            kode = f"5.03.02.2.0{k}.{s:04d}"
            uraian = f"Sub kegiatan {k}-{s}"
            rows.append(f"Kota Contoh,DINAS,{kode},{uraian},,,,,2021-2026,2024,pagu,1.234.567")
            rows.append(
                f"Kota Contoh,DINAS,{kode},{uraian},Jumlah dokumen,dokumen,,kumulatif,"
                f"2021-2026,2024,target,{s}"
            )
    impor_plan([tulis_csv(rows)])
    return PerangkatDaerah.objects.select_related("pemda").get(kode="DINAS")


# --- the Batam demo --------------------------------------------------------------------


@pytest.mark.slow
def test_batam_tc33_prints_every_sub_kegiatan_and_the_totals_in_indonesian_format(demo):
    tabel = tabel_demo(demo, "tc33")
    pdf = pdf_dari(tabel, **konteks_dari_pd(demo, tahun=2024))
    halaman = teks_halaman(pdf)
    semua = "\n".join(halaman)
    sub = {b.kode for b in tabel.baris if b.level == "sub_kegiatan"}
    assert len(sub) == 41
    assert not [kode for kode in sorted(sub) if kode not in semua]
    # The urusan row carries the grand totals of 2024 and 2025.
    assert "20.836.384.650" in semua and "24.663.850.000" in semua
    assert "20836384650" not in semua
    # Title block on the first page: number, title, pemda, perangkat daerah, year.
    pertama = halaman[0]
    assert pertama.startswith("Tabel T-C.33\nRumusan Rencana Program dan Kegiatan")
    assert "Kota Batam" in pertama and demo.nama in pertama and "2024" in pertama
    # Several pages; the header rows with the column numbers repeat on each one.
    assert len(halaman) > 1
    for nomor, teks in enumerate(halaman, start=1):
        assert "1 2 3 4 5 6 7 8 9 10" in teks, nomor
        assert "Indikator kinerja" in teks, nomor
        assert f"Halaman {nomor} dari {len(halaman)}" in teks


@pytest.mark.slow
def test_batam_tc29_repeats_its_formula_row_and_prints_the_rounded_capaian(demo):
    pdf = pdf_dari(tabel_demo(demo, "tc29"), **konteks_dari_pd(demo, tahun=2024))
    halaman = teks_halaman(pdf)
    assert len(halaman) > 1
    for teks in halaman:
        assert "8 = 7/6" in teks and "11 = 10/4" in teks
    assert "102,95" in "".join(halaman)  # 5.662 / 5.500 × 100, half-up


@pytest.mark.slow
def test_pages_are_landscape_a4_by_default_and_f4_on_request(demo):
    tabel = tabel_demo(demo, "tc29")
    for lebar, tinggi in ukuran_halaman(pdf_dari(tabel)):
        assert lebar > tinggi
        assert (round(lebar / MM), round(tinggi / MM)) == (297, 210)
    for lebar, tinggi in ukuran_halaman(pdf_dari(tabel, kertas="F4")):
        assert (round(lebar / MM), round(tinggi / MM)) == (330, 215)


@pytest.mark.slow
def test_the_vendored_liberation_sans_is_embedded_and_no_other_font(demo):
    pdf = pdf_dari(tabel_demo(demo, "tc33"))
    reader = PdfReader(io.BytesIO(pdf))
    nama: set[str] = set()
    keluarga: set[str] = set()
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            nama.add(str(font["/BaseFont"]).split("+", 1)[-1])
            (turunan,) = font["/DescendantFonts"]
            deskriptor = turunan.get_object()["/FontDescriptor"].get_object()
            data = deskriptor["/FontFile2"].get_object().get_data()  # embedded TrueType
            keluarga.add(TTFont(io.BytesIO(data))["name"].getDebugName(1))
    assert nama == {"Cetak-Sans", "Cetak-Sans-Bold", "Cetak-Sans-Italic"}
    assert keluarga == {"Liberation Sans"}


@pytest.mark.slow
def test_tc32_without_proposals_prints_nihil_once(demo, tmp_path):
    teks = teks_halaman(ekspor(tmp_path, "tc32").read_bytes())
    assert len(teks) == 1
    assert teks[0].count("NIHIL") == 1


# --- generated tables ------------------------------------------------------------------


def test_a_missing_value_prints_a_dash_and_an_absent_figure_stays_blank():
    tabel = Tabel(
        kode="tc33",
        judul="Tabel Uji Coba",
        kolom=[Kolom("k4", "4", "Lokasi"), Kolom("k5", "5", "Target"), Kolom("k6", "6", "Pagu")],
        baris=[
            Baris(kode="5", uraian="Urusan", level="urusan", nilai={"k6": Decimal(7)}),
            Baris(
                kode="5.03.02.2.04.0003",
                uraian="Evaluasi",
                level="sub_kegiatan",
                indikator="Jumlah laporan",
                satuan="laporan",
                nilai={"k4": "", "k5": None, "k6": Decimal("1234567.5")},
            ),
        ],
    )
    html = html_tabel(tabel, lengkap=False)
    assert '<td class="teks">-</td><td class="angka">-</td>' in html
    assert '<td class="kosong"></td><td class="kosong"></td><td class="angka">7</td>' in html
    (teks,) = teks_halaman(pdf_dari(tabel))
    (baris,) = [line for line in teks.splitlines() if line.startswith("5.03.02.2.04.0003")]
    assert baris.split()[-3:] == ["-", "-", "1.234.567,50"]
    (urusan,) = [line for line in teks.splitlines() if line.startswith("5 URUSAN")]
    assert urusan.split()[-1] == "7"


def test_a_table_without_context_still_prints():
    tabel = Tabel(kode="x", judul="Tabel Kosong", kolom=[Kolom("k4", "4", "Nilai")], baris=[])
    keluaran = io.BytesIO()
    EksportirPdf().tulis(tabel, keluaran)
    (teks,) = teks_halaman(keluaran.getvalue())
    assert "NIHIL" in teks and "Halaman 1 dari 1" in teks


@pytest.mark.slow
def test_a_long_table_spans_pages_with_the_header_on_each(rencana_panjang, tmp_path):
    pdf = ekspor(tmp_path, "tc33", pemda="Kota Contoh", opd="DINAS").read_bytes()
    halaman = teks_halaman(pdf)
    assert len(halaman) >= 3
    for nomor, teks in enumerate(halaman, start=1):
        assert "1 2 3 4 5 6 7 8 9 10" in teks
        assert f"Halaman {nomor} dari {len(halaman)}" in teks
    semua = "\n".join(halaman)
    for k in range(1, 6):
        for s in range(1, 31):
            assert f"5.03.02.2.0{k}.{s:04d}" in semua
    assert "185.185.050" in semua  # 150 × 1.234.567 on the urusan row


# --- export_table and the exporter registry --------------------------------------------


@pytest.mark.slow
def test_export_table_writes_a_pdf_and_takes_the_paper_size(demo, tmp_path):
    a4 = ekspor(tmp_path, "tc29")
    assert a4.read_bytes().startswith(b"%PDF-")
    f4 = ekspor(tmp_path, "tc33", "--kertas", "F4")
    lebar, tinggi = ukuran_halaman(f4.read_bytes())[0]
    assert (round(lebar / MM), round(tinggi / MM)) == (330, 215)


@pytest.mark.slow
def test_export_table_writes_xlsx_when_its_exporter_is_there(demo, tmp_path):
    xlsx = EKSPORTIR["xlsx"]
    assert isinstance(xlsx, EksportirTunda)
    if not xlsx.tersedia():
        with pytest.raises(CommandError, match="xlsx belum tersedia"):
            call_command(
                "export_table", "tc33", "--pemda", "Kota Batam", "--opd", "BKPSDM",
                "--tahun", "2024", "--format", "xlsx", "--output", str(tmp_path / "t.xlsx"),
            )  # fmt: skip
        pytest.skip("inti.ekspor_xlsx.EksportirXlsx belum ada")
    out = tmp_path / "tc33.xlsx"
    call_command(
        "export_table", "tc33", "--pemda", "Kota Batam", "--opd", "BKPSDM", "--tahun", "2024",
        "--format", "xlsx", "--output", str(out), stdout=StringIO(),
    )  # fmt: skip
    from openpyxl import load_workbook

    assert load_workbook(out).active.max_row > 41


@pytest.mark.slow
def test_rekap_pegawai_of_one_unit_prints_as_a_pdf(demo, tmp_path):
    # The roster arrived (kepegawaian): the rekap that was refused before is now printed.
    out = tmp_path / "pegawai.pdf"
    call_command(
        "export_table", "rekap_pegawai", "--pemda", "Kota Batam", "--opd", "BKPSDM",
        "--tanggal", "2024-06-30", "--format", "pdf", "--output", str(out), stdout=StringIO(),
    )  # fmt: skip
    teks = " ".join(p.extract_text() for p in PdfReader(out).pages).replace("\n", " ")
    assert "Rekapitulasi Pegawai Badan Kepegawaian" in teks and "(BKPSDM)" in teks
    assert "30 Juni 2024" in teks


def test_an_exporter_module_that_is_not_there_is_a_clear_unavailable_format():
    tunda = EksportirTunda("odt", "evaluasi.ekspor_odt_tidak_ada", "EksportirOdt")
    assert not tunda.tersedia()
    with pytest.raises(FormatTidakTersedia, match="odt belum tersedia"):
        tunda.tulis(Tabel(kode="x", judul="x", kolom=[], baris=[]), io.BytesIO())
    with pytest.raises(FormatTidakTersedia, match="tidak dikenal"):
        eksportir_untuk("docx")
    assert eksportir_untuk("pdf").format == "pdf"


# --- the pieces a document renderer reuses ---------------------------------------------


def test_static_files_resolve_from_disk_and_nothing_is_fetched_from_a_network():
    pengambil = PengambilUrl()
    font = pengambil.fetch(BASE_URL + "static/fonts/LiberationSans-Regular.ttf")
    assert font.read()[:4] == b"\x00\x01\x00\x00"  # a TrueType file
    css = pengambil.fetch(BASE_URL + "static/css/cetak.css")
    assert b"@font-face" in css.read()
    for url in (
        "https://example.com/x.css",
        BASE_URL + "static/../../config/settings.py",
        "file:///etc/passwd",
    ):
        with pytest.raises(ValueError):
            pengambil.fetch(url)
    assert len(css_cetak("F4")) == 3
    with pytest.raises(ValueError, match="Kertas"):
        css_cetak("A3")


def test_the_title_splits_into_number_and_title():
    assert pisah_judul("Tabel T-C.33 Rumusan Rencana") == ("Tabel T-C.33", "Rumusan Rencana")
    assert pisah_judul("Formulir E.81 Evaluasi") == ("Formulir E.81", "Evaluasi")
    assert pisah_judul("Tabel 4.1 Program") == ("Tabel 4.1", "Program")
    assert pisah_judul("Perjanjian Kinerja Tahun 2024") == ("", "Perjanjian Kinerja Tahun 2024")


def test_csv_cells_a_spreadsheet_would_run_are_written_as_text():
    from inti.ekspor import teks_aman

    tabel = Tabel(
        kode="uji",
        judul="Uji",
        kolom=[Kolom("k4", "4", "Catatan"), Kolom("k5", "5", "Angka")],
        baris=[
            Baris(
                kode="1",
                uraian='=HYPERLINK("http://contoh.invalid/","klik")',
                level="program",
                indikator="@SUM(A1)",
                satuan="+%",
                nilai={"k4": "-2+3", "k5": Decimal("-1134500")},
            ),
            Baris(kode="2", uraian="Biasa", level="program", nilai={"k4": "-"}),
        ],
    )
    buf = io.BytesIO()
    EKSPORTIR["csv"].tulis(tabel, buf)
    rows = list(csv.reader(io.StringIO(buf.getvalue().decode())))
    assert rows[1] == [
        "1",
        '\'=HYPERLINK("http://contoh.invalid/","klik")',
        "'@SUM(A1)",
        "'+%",
        "'-2+3",
        "-1134500",  # a number stays a number, sign included
    ]
    assert rows[2][4] == "-"  # the printed "no value" dash is not a formula
    assert [teks_aman(t) for t in ("\tx", "\rx", "a=b", "")] == ["'\tx", "'\rx", "a=b", ""]
