"""``import_plan``: contract.md §1 — formats, atomicity, idempotence, one test per bad file."""

from __future__ import annotations

from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from openpyxl import Workbook

from inti.berkas import ImporGagal
from renja.impor import impor_plan
from renja.models import (
    Indikator,
    Jenis,
    Nilai,
    NilaiTercetak,
    Nomenklatur,
    PerangkatDaerah,
    ProgramKegiatan,
    Renja,
    Renstra,
    Sasaran,
    SasaranProgram,
    StatusRenja,
    Tujuan,
)

pytestmark = pytest.mark.django_db

KOPF = "pemda,opd,kode,uraian,indikator,satuan,polaritas,akumulasi,periode,tahun,jenis,nilai"
ASN = "Jumlah ASN Yang Memenuhi Penilaian Kinerja"
CONTOH = [
    f"Kota Batam,BKPSDM,5.03.02.2.04,Penilaian dan Evaluasi Kinerja Aparatur,{ASN},orang,positif,non_kumulatif,2021-2026,2022,target,5.500",
    f"Kota Batam,BKPSDM,5.03.02.2.04,Penilaian dan Evaluasi Kinerja Aparatur,{ASN},orang,positif,non_kumulatif,,2022,realisasi,5.662",
    "Kota Batam,BKPSDM,5 03 02 2.04 03,Evaluasi Hasil Penilaian dan Evaluasi Kinerja Aparatur,,,,,,2024,pagu,51.898.000",
]


def masalah_dari(tulis_csv, rows, **kw) -> list[str]:
    with pytest.raises(ImporGagal) as exc:
        impor_plan([tulis_csv(rows, **kw)])
    return [str(m) for m in exc.value.masalah]


def test_the_contract_example_imports_as_decimals(tulis_csv):
    hasil = impor_plan([tulis_csv(CONTOH)])
    assert hasil.nilai_baru == 3
    ind = Indikator.objects.get(nama=ASN)
    assert ind.satuan == "orang" and ind.akumulasi == "non_kumulatif"
    nilai = {n.jenis: n.angka for n in ind.nilai.all()}
    assert nilai == {"target": Decimal("5500"), "realisasi": Decimal("5662")}
    pagu = Nilai.objects.get(jenis=Jenis.PAGU)
    assert pagu.program_kegiatan.kode == "5.03.02.2.04.0003"
    assert pagu.angka == Decimal("51898000")
    # Ancestors come from the master list, urusan to kegiatan.
    assert sorted(ProgramKegiatan.objects.values_list("kode", flat=True)) == [
        "5",
        "5.03",
        "5.03.02",
        "5.03.02.2.04",
        "5.03.02.2.04.0003",
    ]
    assert PerangkatDaerah.objects.get().nama == "BKPSDM"  # name = code until set
    assert Renstra.objects.get().periode == "2021-2026"


def test_importing_the_same_file_twice_changes_nothing(tulis_csv):
    path = tulis_csv(CONTOH)
    impor_plan([path])
    history_before = Nilai.history.count()
    ids_before = sorted(Nilai.objects.values_list("id", "revisi"))
    hasil = impor_plan([path])
    assert not hasil.ada_perubahan
    assert hasil.nilai_sama == 3
    assert sorted(Nilai.objects.values_list("id", "revisi")) == ids_before
    assert Nilai.history.count() == history_before


def test_a_changed_value_is_updated_and_its_history_kept(tulis_csv):
    impor_plan([tulis_csv(CONTOH)])
    changed = [*CONTOH[:2], CONTOH[2].replace("51.898.000", "60.000.000")]
    hasil = impor_plan([tulis_csv(changed, nama="v2.csv")])
    assert (hasil.nilai_baru, hasil.nilai_berubah, hasil.nilai_sama) == (0, 1, 2)
    pagu = Nilai.objects.get(jenis=Jenis.PAGU)
    assert pagu.angka == Decimal("60000000") and pagu.revisi == 1
    old, new = pagu.history.order_by("history_date")
    assert (old.angka, new.angka) == (Decimal("51898000"), Decimal("60000000"))
    assert new.history_change_reason == "impor:v2.csv"


def test_a_file_with_one_bad_row_imports_nothing(tulis_csv):
    rows = [*CONTOH, "Kota Batam,BKPSDM,5.03.02.2.04.0004,X,,,,,,2024,pagu,12,3,4"]
    problems = masalah_dari(tulis_csv, rows)
    assert problems  # and nothing was written:
    assert not Nilai.objects.exists()
    assert not ProgramKegiatan.objects.exists()
    assert not PerangkatDaerah.objects.exists()


def test_problems_name_the_file_the_line_and_the_column(tulis_csv):
    rows = [*CONTOH, "Kota Batam,BKPSDM,5.03.02.2.04.0004,X,,,,,,2024,pagu,satu juta"]
    path = tulis_csv(rows)
    with pytest.raises(ImporGagal) as exc:
        impor_plan([path])
    (problem,) = exc.value.masalah
    assert str(problem).startswith(f"{path}:5: nilai: ")
    assert "satu juta" in str(problem)


def test_the_command_prints_each_problem_and_exits_non_zero(tulis_csv):
    path = tulis_csv(["Kota Batam,BKPSDM,5.03.02,P,,,,,,2024,jenis_aneh,1"])
    err = StringIO()
    with pytest.raises(CommandError):
        call_command("import_plan", str(path), stderr=err)
    assert f"{path}:2: jenis: 'jenis_aneh' tidak dikenal" in err.getvalue()


def test_the_command_reports_what_it_imported(tulis_csv):
    out = StringIO()
    call_command("import_plan", str(tulis_csv(CONTOH)), stdout=out)
    assert "3 nilai baru" in out.getvalue()


# --- one test per kind of bad file (contract §1) --------------------------------------


@pytest.mark.parametrize(
    ("nilai", "pesan"),
    [("12,3,4", "12,3,4"), ("abc", "abc"), ("1.23.4", "1.23.4"), ("100,00%,1%", "100,00%,1%")],
)
def test_an_unparseable_number_is_named(tulis_csv, nilai, pesan):
    (problem,) = masalah_dari(
        tulis_csv, [f'Kota Batam,BKPSDM,5.03.02.2.04.0003,X,,,,,2021-2026,2024,pagu,"{nilai}"']
    )
    assert ":2: nilai: " in problem and pesan in problem


@pytest.mark.parametrize("kode", ["5.03.02.2", "5.0A.02", "5.03.02.2.04.0003.1", "5(3|1"])
def test_an_unparseable_code_is_named(tulis_csv, kode):
    (problem,) = masalah_dari(
        tulis_csv, [f'Kota Batam,BKPSDM,"{kode}",X,,,,,2021-2026,2024,pagu,1']
    )
    assert ":2: kode: " in problem and kode in problem


def test_an_unknown_column_is_refused(tulis_csv):
    problems = masalah_dari(tulis_csv, [], header=KOPF + ",keterangan")
    assert any(":1: keterangan: kolom tidak dikenal" in p for p in problems)


def test_a_missing_required_column_is_refused(tulis_csv):
    problems = masalah_dari(
        tulis_csv,
        ["Kota Batam,BKPSDM,5.03.02,P,2024,pagu"],
        header="pemda,opd,kode,uraian,tahun,jenis",
    )
    assert any(":1: nilai: kolom wajib tidak ada" in p for p in problems)


def test_an_unknown_kind_polarity_or_accumulation_is_refused(tulis_csv):
    rows = [
        f"Kota Batam,BKPSDM,5.03.02.2.04,K,{ASN},orang,naik,non_kumulatif,2021-2026,2022,target,1",
        f"Kota Batam,BKPSDM,5.03.02.2.04,K,{ASN},orang,positif,sum,2021-2026,2022,target,1",
        f"Kota Batam,BKPSDM,5.03.02.2.04,K,{ASN},orang,positif,kumulatif,2021-2026,2022,tebakan,1",
    ]
    problems = masalah_dari(tulis_csv, rows)
    assert [p.split(": ")[1] for p in problems] == ["polaritas", "akumulasi", "jenis"]


@pytest.mark.parametrize(
    "jenis", ["pagu", "pagu_perubahan", "realisasi_anggaran", "realisasi_anggaran_tw3"]
)
def test_a_negative_budget_is_refused(tulis_csv, jenis):
    (problem,) = masalah_dari(
        tulis_csv, [f"Kota Batam,BKPSDM,5.03.02.2.04.0003,X,,,,,2021-2026,2024,{jenis},-5.000"]
    )
    assert "negatif" in problem


def test_a_value_whose_unit_differs_from_the_indicator_unit_is_refused(tulis_csv):
    rows = [f"Kota Batam,BKPSDM,5.03.02.2.04,K,{ASN},orang,,,2021-2026,2022,target,54 Dokumen"]
    (problem,) = masalah_dari(tulis_csv, rows)
    assert ":2: nilai: " in problem and "Dokumen" in problem and "orang" in problem


def test_a_percentage_for_a_count_indicator_is_refused(tulis_csv):
    rows = [f"Kota Batam,BKPSDM,5.03.02.2.04,K,{ASN},orang,,,2021-2026,2022,target,72.62 %"]
    (problem,) = masalah_dari(tulis_csv, rows)
    assert "'%'" in problem


def test_units_match_whatever_their_case_and_spacing(tulis_csv):
    rows = [
        "Kota Batam,BKPSDM,5.03.01.2.02.0001,Gaji,Jumlah Orang yang Menerima Gaji,orang/bulan,,,2021-2026,2024,target,54 Orang/ bulan"
    ]
    impor_plan([tulis_csv(rows)])
    assert Nilai.objects.get().angka == 54


def test_two_rows_giving_one_value_different_numbers_are_both_named(tulis_csv):
    rows = [CONTOH[2], CONTOH[2].replace("51.898.000", "51.899.000")]
    path = tulis_csv(rows)
    (problem,) = masalah_dari(tulis_csv, rows)
    assert problem.startswith(f"{path}:3: nilai: ") and f"{path}:2" in problem


PAGU_BERPERIODE = CONTOH[2].replace(",,2024,", ",2021-2026,2024,")


def test_identical_duplicate_rows_are_harmless(tulis_csv):
    hasil = impor_plan([tulis_csv([PAGU_BERPERIODE, PAGU_BERPERIODE])])
    assert hasil.nilai_baru == 1


def test_a_conflict_across_two_files_of_one_invocation_is_refused(tulis_csv):
    a = tulis_csv([CONTOH[2]], nama="a.csv")
    b = tulis_csv([CONTOH[2].replace("51.898.000", "1")], nama="b.csv")
    with pytest.raises(ImporGagal) as exc:
        impor_plan([a, b])
    assert str(exc.value.masalah[0]).startswith(f"{b}:2: nilai:")


def test_values_of_a_ditetapkan_renja_are_refused(tulis_csv):
    impor_plan([tulis_csv(CONTOH)])
    Renja.objects.filter(tahun=2024, versi="murni").update(
        status=StatusRenja.DITETAPKAN, ditetapkan_pada="2024-01-02T00:00:00Z"
    )
    changed = [CONTOH[2].replace("51.898.000", "1")]
    (problem,) = masalah_dari(tulis_csv, changed, nama="late.csv")
    assert ":2: jenis: Renja BKPSDM 2024 (murni) sudah ditetapkan" in problem
    assert Nilai.objects.get(jenis=Jenis.PAGU).angka == Decimal("51898000")


def test_a_file_that_is_not_utf8_is_refused(tmp_path):
    path = tmp_path / "latin1.csv"
    path.write_bytes(
        (KOPF + "\nKota Batam,BKPSDM,5.03,Kepegawaian Daerah é,,,,,,2024,lokasi,Batam\n").encode(
            "latin-1"
        )
    )
    with pytest.raises(ImporGagal) as exc:
        impor_plan([path])
    assert "UTF-8" in str(exc.value.masalah[0])


def test_a_file_named_xlsx_that_is_not_a_workbook_is_refused(tmp_path):
    path = tmp_path / "plan.xlsx"
    path.write_text("bukan excel")
    with pytest.raises(ImporGagal) as exc:
        impor_plan([path])
    assert str(exc.value.masalah[0]) == f"{path}:0: -: bukan berkas XLSX yang sah (BadZipFile)"


def test_an_unsupported_format_is_refused(tmp_path):
    path = tmp_path / "plan.ods"
    path.write_text("x")
    with pytest.raises(ImporGagal) as exc:
        impor_plan([path])
    assert "tidak didukung" in str(exc.value.masalah[0])


def test_an_empty_file_is_refused(tmp_path):
    path = tmp_path / "kosong.csv"
    path.write_text("")
    with pytest.raises(ImporGagal) as exc:
        impor_plan([path])
    assert "kosong" in str(exc.value.masalah[0])


def test_a_header_only_file_has_no_data(tulis_csv):
    with pytest.raises(ImporGagal) as exc:
        impor_plan([tulis_csv([])])
    assert "tidak ada baris data" in str(exc.value.masalah[0])


def test_a_row_with_more_cells_than_columns_is_refused(tulis_csv):
    (problem,) = masalah_dari(tulis_csv, [CONTOH[2] + ",lebih"])
    assert ":2: -: 13 sel" in problem


def xlsx(tmp_path, rows, header=KOPF):
    wb = Workbook()
    ws = wb.active
    ws.append(header.split(","))
    for row in rows:
        ws.append(row)
    path = tmp_path / "plan.xlsx"
    wb.save(path)
    return path


def test_an_xlsx_imports_like_the_csv_with_numbers_taken_exactly(tmp_path):
    path = xlsx(
        tmp_path,
        [
            [
                "Kota Batam",
                "BKPSDM",
                "5.03.02.2.04",
                "Penilaian",
                ASN,
                "orang",
                "",
                "",
                "2021-2026",
                2022,
                "target",
                5500,
            ],
            [
                "Kota Batam",
                "BKPSDM",
                "5.03.02.2.04",
                "Penilaian",
                "Persentase X",
                "%",
                "",
                "",
                "2021-2026",
                2022,
                "target",
                1.234,
            ],
            [
                "Kota Batam",
                "BKPSDM",
                "5 03 02 2.04 03",
                "Evaluasi",
                None,
                None,
                None,
                None,
                None,
                2024,
                "pagu",
                "51.898.000",
            ],
        ],
    )
    impor_plan([path])
    assert Nilai.objects.get(indikator__nama=ASN).angka == 5500
    # A numeric cell is a number: 1.234 stays 1.234 (the text rule would read 1234).
    assert Nilai.objects.get(indikator__nama="Persentase X").angka == Decimal("1.234")
    assert Nilai.objects.get(jenis="pagu").angka == 51898000
    # Row numbers of problems are the sheet's row numbers.


def test_a_formula_cell_in_an_xlsx_is_refused_with_its_row(tmp_path):
    path = xlsx(
        tmp_path,
        [
            [
                "Kota Batam",
                "BKPSDM",
                "5.03.02.2.04.0003",
                "E",
                None,
                None,
                None,
                None,
                "2021-2026",
                2024,
                "pagu",
                "=1+1",
            ]
        ],
    )
    with pytest.raises(ImporGagal) as exc:
        impor_plan([path])
    assert any(str(m).startswith(f"{path}:2: nilai: berisi rumus") for m in exc.value.masalah)


def test_a_semicolon_csv_from_indonesian_excel_is_read(tmp_path):
    path = tmp_path / "titikkoma.csv"
    path.write_text(
        KOPF.replace(",", ";")
        + "\nKota Batam;BKPSDM;5.03.02.2.04.0003;Evaluasi;;;;;2021-2026;2024;pagu;51.898.000,50\n",
        encoding="utf-8",
    )
    impor_plan([path])
    assert Nilai.objects.get().angka == Decimal("51898000.50")


# --- meaning of rows -----------------------------------------------------------------


def test_a_budget_on_a_program_is_a_declared_total_kept_only_for_checking(tulis_csv):
    rows = [
        *CONTOH,
        "Kota Batam,BKPSDM,5.03.02,PROGRAM KEPEGAWAIAN DAERAH,,,,,,2024,pagu,51.000.000",
    ]
    impor_plan([tulis_csv(rows, nama="cetak.csv")])
    program = ProgramKegiatan.objects.get(kode="5.03.02")
    assert not Nilai.objects.filter(program_kegiatan=program).exists()
    tercetak = NilaiTercetak.objects.get(program_kegiatan=program)
    assert (tercetak.angka, tercetak.sumber) == (Decimal("51000000"), "cetak.csv")


def test_a_printed_capaian_is_kept_only_for_checking(tulis_csv):
    rows = [
        f'Kota Batam,BKPSDM,5.03.02.2.04,K,{ASN},orang,,,2021-2026,2022,capaian_tercetak,"102,94%"'
    ]
    impor_plan([tulis_csv(rows)])
    assert not Nilai.objects.exists()
    assert NilaiTercetak.objects.get().angka == Decimal("102.94")


def test_quarterly_realisations_are_one_kind_with_a_quarter(tulis_csv):
    rows = [
        f"Kota Batam,BKPSDM,5.03.02.2.04,K,{ASN},orang,,kumulatif,2021-2026,2024,realisasi_tw2,1.200",
        "Kota Batam,BKPSDM,5.03.02.2.04.0003,E,,,,,2021-2026,2024,realisasi_anggaran_tw4,10.000.000",
    ]
    impor_plan([tulis_csv(rows)])
    assert set(Nilai.objects.values_list("jenis", "triwulan", "angka")) == {
        ("realisasi", 2, Decimal("1200")),
        ("realisasi_anggaran", 4, Decimal("10000000")),
    }


def test_a_code_absent_from_the_master_becomes_a_local_entry(tulis_csv):
    rows = [
        "Kota Batam,BKPSDM,5.03.02.2.04.0099,Sub Kegiatan Lokal Batam,,,,,2021-2026,2024,pagu,1.000"
    ]
    hasil = impor_plan([tulis_csv(rows)])
    assert hasil.nomenklatur_lokal_baru == 1
    lokal = Nomenklatur.objects.get(kode="5.03.02.2.04.0099")
    assert lokal.pemda.nama == "Kota Batam" and lokal.nama == "Sub Kegiatan Lokal Batam"
    out = StringIO()
    call_command(
        "check_plan", "--pemda", "Kota Batam", "--opd", "BKPSDM", "--tahun", "2024", stdout=out
    )
    assert (
        "kode_lokal,5.03.02.2.04.0099,,kode,,5.03.02.2.04.0099,kode tidak ada di nomenklatur resmi"
        in out.getvalue()
    )


def test_a_year_after_the_period_belongs_to_that_period(tulis_csv):
    rows = [CONTOH[0], CONTOH[2].replace(",2024,", ",2027,")]
    impor_plan([tulis_csv(rows)])
    assert Renstra.objects.count() == 1
    assert Nilai.objects.get(jenis="pagu").tahun == 2027


def test_a_row_without_a_known_period_is_refused(tulis_csv):
    (problem,) = masalah_dari(tulis_csv, ["Kota Batam,BKPSDM,5.03.02.2.04.0003,E,,,,,,2024,pagu,1"])
    assert ":2: periode: belum ada Renstra" in problem


def test_a_local_name_is_recorded_as_an_override(tulis_csv):
    rows = [
        "Kota Batam,BKPSDM,5.03,BIDANG URUSAN : KEPEGAWAIAN,,,,,2021-2026,2024,lokasi,Kota Batam"
    ]
    impor_plan([tulis_csv(rows)])
    bidang = ProgramKegiatan.objects.get(kode="5.03")
    assert bidang.uraian_lokal == "BIDANG URUSAN : KEPEGAWAIAN"
    assert bidang.nomenklatur.nama == "KEPEGAWAIAN"


def test_plan_values_create_their_renja_version(tulis_csv):
    rows = [PAGU_BERPERIODE, PAGU_BERPERIODE.replace(",pagu,", ",pagu_perubahan,")]
    impor_plan([tulis_csv(rows)])
    murni = Renja.objects.get(tahun=2024, versi="murni")
    perubahan = Renja.objects.get(tahun=2024, versi="perubahan")
    assert perubahan.dasar == murni


def test_tujuan_sasaran_their_indicators_and_programs_they_serve(tulis_csv):
    header = KOPF + ",sasaran"
    rows = [
        "Kota Batam,BKPSDM,TUJUAN-1,Meningkatnya profesionalitas ASN,Indeks Profesionalitas ASN,indeks,,,2021-2026,2024,target,72,",
        'Kota Batam,BKPSDM,SASARAN-1.1,Meningkatnya kualitas ASN,Persentase ASN berkualifikasi S1,%,,,2021-2026,2024,target,"72,90",TUJUAN-1',
        'Kota Batam,BKPSDM,5.03.02,PROGRAM KEPEGAWAIAN DAERAH,Persentase ASN DIV/S1,%,,,2021-2026,2024,target,"72,90",SASARAN-1.1',
    ]
    impor_plan([tulis_csv(rows, header=header)])
    sasaran = Sasaran.objects.get(kunci="1.1")
    assert sasaran.tujuan == Tujuan.objects.get(kunci="1")
    assert SasaranProgram.objects.get().program.kode == "5.03.02"
    assert sasaran.indikator.get().nilai.get().angka == Decimal("72.90")
    assert Tujuan.objects.get().indikator.get().nilai.get().angka == 72


def test_a_qualitative_target_is_kept_as_text(tulis_csv):
    rows = [
        "Kota Batam,BKPSDM,SASARAN-1,Akuntabilitas,Nilai SAKIP,predikat,,,2021-2026,2024,target,BB"
    ]
    impor_plan([tulis_csv(rows)])
    nilai = Nilai.objects.get()
    assert (nilai.angka, nilai.teks) == (None, "BB")


def _rencana_subkegiatan(n: int) -> list[str]:
    """n sub kegiatan of 5.03.02.2.04 … with a budget and an indicator target each."""
    kodes = list(
        Nomenklatur.objects.filter(level="sub_kegiatan", kode__startswith="5.03.02.")
        .order_by("kode")
        .values_list("kode", flat=True)[:n]
    )
    assert len(kodes) == n
    rows = []
    for kode in kodes:
        rows.append(f"Kota Batam,BKPSDM,{kode},S,,,,,2021-2026,2024,pagu,1.000")
        rows.append(f"Kota Batam,BKPSDM,{kode},S,Jumlah dokumen,dokumen,,,2021-2026,2024,target,1")
    return rows


def test_the_number_of_queries_of_an_import_does_not_grow_with_its_rows(tulis_csv):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    counts = []
    for n, nama in ((5, "kecil.csv"), (30, "besar.csv")):
        ProgramKegiatan.objects.all().delete()
        Renja.objects.all().delete()
        Renstra.objects.all().delete()
        path = tulis_csv(_rencana_subkegiatan(n), nama=nama)
        with CaptureQueriesContext(connection) as ctx:
            impor_plan([path])
        counts.append(len(ctx))
    small, large = counts
    assert large <= small + 2, counts  # 6x the rows, (almost) the same queries
