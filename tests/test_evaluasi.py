"""The evaluation engine on real documents: every computed cell against hand-computed values.

Batam Renja 2024 (fixtures/batam_renja_2024.csv); the document's printed figures are in
fixtures/batam_renja_2024_tercetak_*.csv and ../shared/data/tables/000_checks.csv.
"""

from __future__ import annotations

import csv
from decimal import Decimal
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from evaluasi import services
from evaluasi.models import HasilTabel
from evaluasi.muat import muat_rencana
from evaluasi.tabel import e81, tc29, tc33
from inti.serial import tabel_dari_json
from renja.impor import impor_plan
from renja.models import Nilai, PerangkatDaerah
from renja.services import nilai_simpan

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("celery_eager")]

PENILAIAN = "Jumlah ASN Yang Memenuhi Penilaian Kinerja"
DISIPLIN = "Persentase Kasus Disiplin ASN Yang Diselesaikan"


@pytest.fixture
def batam():
    call_command("seed_demo", stdout=StringIO())
    return PerangkatDaerah.objects.select_related("pemda").get(
        pemda__nama="Kota Batam", kode="BKPSDM"
    )


def baris(tabel, kode: str, indikator: str = ""):
    (found,) = [b for b in tabel.baris if b.kode == kode and b.indikator == indikator]
    return found


def test_tc29_reproduces_the_batam_worked_example_with_rounding_not_truncation(batam):
    tabel = tc29(muat_rencana(pd_obj=batam, tahun=2022), tahun=2024)
    row = baris(tabel, "5.03.02.2.04", PENILAIAN)
    v = row.nilai
    assert (v["k4"], v["k5"], v["k6"], v["k7"], v["k9"]) == (5500, 5785, 5500, 5662, 5500)
    # 5.662 / 5.500 × 100 = 102,9454…: 102,95 (the document prints 102,94, truncated).
    assert round(v["k8"], 4) == Decimal("102.9455")
    # Non-cumulative indicator: column 10 is the latest of 9, 7, 5 (not 5+7+9 = 16.947).
    assert v["k10"] == 5500 and v["k11"] == 100
    assert "5662" in row.jejak["k8"] and "5500" in row.jejak["k8"]


def test_tc29_disagrees_where_the_document_capped_at_100(batam):
    tabel = tc29(muat_rencana(pd_obj=batam, tahun=2022), tahun=2024)
    v = baris(tabel, "5.03.02.2.04", DISIPLIN).nilai
    assert round(v["k8"], 2) == Decimal("111.36")  # 86,67/77,83 (printed 111,35: truncated)
    assert round(v["k11"], 2) == Decimal("89.07")  # 73,33/82,33 (printed 100%)


def test_tc29_lists_urusan_bidang_program_kegiatan_in_document_order(batam):
    tabel = tc29(muat_rencana(pd_obj=batam, tahun=2022), tahun=2024)
    levels = [b.level for b in tabel.baris if not b.lanjutan]
    assert levels[:4] == ["urusan", "bidang", "program", "kegiatan"]
    assert "sub_kegiatan" not in levels
    assert [b.kode for b in tabel.baris if b.level == "program" and not b.lanjutan] == [
        "5.03.01",
        "5.03.02",
        "5.04.02",
    ]


def test_tc33_parent_budgets_are_the_sums_of_their_sub_kegiatan(batam):
    tabel = tc33(muat_rencana(pd_obj=batam, tahun=2024), tahun=2024)
    assert baris(tabel, "5").nilai["k6"] == Decimal("20836384650")
    assert baris(tabel, "5").nilai["k10"] == Decimal("24663850000")
    program = [b for b in tabel.baris if b.kode == "5.03.01" and not b.lanjutan][0]
    # The document prints 13.805.447.150, 1.134.500 short of its own kegiatan.
    assert program.nilai["k6"] == Decimal("13806581650")
    sub = [b for b in tabel.baris if b.kode == "5.03.01.2.02.0001"][0]
    assert sub.nilai["k6"] == Decimal("12410531770")
    assert sub.nilai["k5"] == 54 and sub.nilai["k4"]


def _e81_rows():
    rows = [
        "Kota Contoh,DINAS,5.03.02.2.04.0003,Evaluasi,,,,,2021-2026,2024,pagu,1.000.000",
        "Kota Contoh,DINAS,5.03.02.2.04.0003,Evaluasi,,,,,2021-2026,2024,realisasi_anggaran_tw1,200.000",
        "Kota Contoh,DINAS,5.03.02.2.04.0003,Evaluasi,,,,,2021-2026,2024,realisasi_anggaran_tw2,300.000",
        "Kota Contoh,DINAS,5.03.02.2.04.0003,Evaluasi,,,,,2021-2026,2023,realisasi_anggaran,800.000",
        "Kota Contoh,DINAS,5.03.02.2.04.0003,Evaluasi,,,,,2021-2026,2023,pagu_renstra,1.000.000",
        "Kota Contoh,DINAS,5.03.02.2.04.0003,Evaluasi,,,,,2021-2026,2024,pagu_renstra,1.000.000",
        "Kota Contoh,DINAS,5.03.02.2.04.0003,Evaluasi,Jumlah laporan,laporan,,kumulatif,2021-2026,2024,target,4",
        "Kota Contoh,DINAS,5.03.02.2.04.0003,Evaluasi,Jumlah laporan,laporan,,kumulatif,2021-2026,2024,realisasi_tw1,1",
        "Kota Contoh,DINAS,5.03.02.2.04.0003,Evaluasi,Jumlah laporan,laporan,,kumulatif,2021-2026,2024,realisasi_tw2,1",
        "Kota Contoh,DINAS,5.03.02.2.04.0003,Evaluasi,Jumlah laporan,laporan,,kumulatif,2021-2026,2023,realisasi,4",
        "Kota Contoh,DINAS,5.03.02.2.04.0003,Evaluasi,Jumlah laporan,laporan,,kumulatif,2021-2026,2026,target_renstra_akhir,24",
    ]
    return rows


def test_e81_column_12_is_the_sum_of_the_quarters_and_capaian_rp_is_serapan(tulis_csv):
    impor_plan([tulis_csv(_e81_rows())])
    pd = PerangkatDaerah.objects.select_related("pemda").get(kode="DINAS")
    tabel = e81(muat_rencana(pd_obj=pd, tahun=2024), tahun=2024, triwulan=2)
    sub = baris(tabel, "5.03.02.2.04.0003", "Jumlah laporan").nilai
    assert (sub["k8_rp"], sub["k9_rp"], sub["k10_rp"]) == (200000, 300000, None)
    assert sub["k12_rp"] == 500000  # 12 = TW I + TW II
    assert sub["k13_rp"] == 50  # 500.000 / 1.000.000
    assert sub["k14_rp"] == 1300000 and sub["k15_rp"] == 65  # (800.000+500.000)/2.000.000
    assert sub["k12_k"] == 2 and sub["k13_k"] == 50 and sub["k14_k"] == 6 and sub["k15_k"] == 25
    program = [b for b in tabel.baris if b.kode == "5.03.02"][0].nilai
    assert program["k12_rp"] == 500000  # parents sum their sub kegiatan
    rata, predikat = tabel.kaki
    assert rata.nilai["k13_k"] == 50 and rata.nilai["k13_rp"] == 50
    assert predikat.nilai["k13_k"] == "Sangat Rendah"


def test_loading_a_plan_takes_the_same_number_of_queries_whatever_its_size(batam, tulis_csv):
    impor_plan([tulis_csv(_e81_rows())])
    small = PerangkatDaerah.objects.select_related("pemda").get(kode="DINAS")
    counts = []
    for pd in (small, batam):
        with CaptureQueriesContext(connection) as ctx:
            muat_rencana(pd_obj=pd, tahun=2024)
        counts.append(len(ctx))
    assert counts[0] == counts[1] == 15  # 14 + the quarters' accounts (E.81 closing rows)


def test_a_stored_table_is_reused_until_an_input_changes(
    batam, alice_bkpsdm_batam, django_capture_on_commit_callbacks, django_assert_num_queries
):
    first = services.tabel_hitung(pd=batam, tahun=2024, tabel="tc33")
    # Unchanged data: the data version and the stored row, no plan loaded.
    with django_assert_num_queries(2):
        again = services.tabel_hitung(pd=batam, tahun=2024, tabel="tc33")
    assert again.sidik_jari == first.sidik_jari and again.dihitung_pada == first.dihitung_pada
    pagu = Nilai.objects.get(program_kegiatan__kode="5.03.02.2.04.0003", jenis="pagu", tahun=2024)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        nilai_simpan(
            oleh=alice_bkpsdm_batam,
            node=pagu.program_kegiatan,
            jenis="pagu",
            tahun=2024,
            angka=Decimal("61898000"),
        )
    # The save queues nothing for the engine: it moves the agency's data version, which the
    # stored table is keyed on.
    assert callbacks == []
    stored = HasilTabel.objects.get(pk=first.pk)
    batam.refresh_from_db()
    assert stored.versi_data < batam.versi_data
    # The beat sweep recomputes what is stale, and only that.
    assert services.hitung_ulang_basi() == 1
    assert services.hitung_ulang_basi() == 0
    stored = HasilTabel.objects.get(pk=first.pk)
    assert stored.sidik_jari != first.sidik_jari and stored.versi_data == batam.versi_data
    tabel = tabel_dari_json(stored.isi)
    # 20.836.384.650 + 10.000.000
    assert [b for b in tabel.baris if b.kode == "5"][0].nilai["k6"] == Decimal("20846384650")


def test_a_stale_table_is_recomputed_when_asked_for(batam, alice_bkpsdm_batam):
    first = services.tabel_hitung(pd=batam, tahun=2024, tabel="tc33")
    pagu = Nilai.objects.get(program_kegiatan__kode="5.03.02.2.04.0003", jenis="pagu", tahun=2024)
    nilai_simpan(
        oleh=alice_bkpsdm_batam,
        node=pagu.program_kegiatan,
        jenis="pagu",
        tahun=2024,
        angka=Decimal("61898000"),
    )
    # ``batam`` was loaded before the save: the version is read fresh, not from the object.
    stored = services.tabel_hitung(pd=batam, tahun=2024, tabel="tc33")
    assert stored.pk == first.pk and stored.sidik_jari != first.sidik_jari
    tabel = tabel_dari_json(stored.isi)
    assert [b for b in tabel.baris if b.kode == "5"][0].nilai["k6"] == Decimal("20846384650")


def test_a_scale_changed_in_the_admin_makes_the_pemdas_tables_stale(batam, admin_client):
    from evaluasi.models import SkalaPenilaian

    first = services.tabel_hitung(pd=batam, tahun=2024, tabel="tc29")
    jawaban = admin_client.post(
        "/admin/evaluasi/skalapenilaian/add/",
        {
            "pemda": batam.pemda_id,
            "jenis": "predikat",
            "versi": "Perwako 1/2024",
            "berlaku_mulai": 2020,
            "definisi": '{"nama": "Skala Kota", "batas": [[40, "Baik"]], "terendah": "Kurang"}',
        },
    )
    assert jawaban.status_code == 302, jawaban.content.decode()[:2000]
    assert SkalaPenilaian.objects.count() == 1
    assert services.tabel_hitung(pd=batam, tahun=2024, tabel="tc29").sidik_jari != first.sidik_jari


def test_export_table_writes_the_contract_csv(batam, tmp_path):
    out = tmp_path / "tc29.csv"
    call_command(
        "export_table", "tc29", "--pemda", "Kota Batam", "--opd", "BKPSDM", "--tahun", "2024",
        "--format", "csv", "--output", str(out), stdout=StringIO(),
    )  # fmt: skip
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert list(rows[0])[:4] == ["kode", "uraian", "indikator", "satuan"]
    assert list(rows[0])[4:] == [f"k{i}" for i in range(4, 12)]
    (row,) = [r for r in rows if r["indikator"] == PENILAIAN]
    assert (row["k4"], row["k5"], row["k7"], row["k8"], row["k10"], row["k11"]) == (
        "5500", "5785", "5662", "102.95", "5500", "100",
    )  # fmt: skip
    urusan = rows[0]
    assert urusan["kode"] == "5" and urusan["k8"] == ""


def test_export_table_e81_has_k_and_rp_columns_and_footer_rows(tulis_csv, tmp_path):
    impor_plan([tulis_csv(_e81_rows())])
    out = tmp_path / "e81.csv"
    call_command(
        "export_table", "e81", "--pemda", "Kota Contoh", "--opd", "DINAS", "--tahun", "2024",
        "--triwulan", "2", "--format", "csv", "--output", str(out), stdout=StringIO(),
    )  # fmt: skip
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    header = list(rows[0])
    assert header[4:8] == ["k5_k", "k5_rp", "k6_k", "k6_rp"] and header[-1] == "unit"
    assert [r["uraian"] for r in rows[-2:]] == ["RATA-RATA CAPAIAN", "PREDIKAT"]
    assert rows[-2]["k13_rp"] == "50" and rows[-1]["k13_rp"] == "Sangat Rendah"


def test_export_table_refuses_clearly(batam, tmp_path):
    out = str(tmp_path / "x.csv")
    with pytest.raises(CommandError, match="tidak ditemukan"):
        call_command(
            "export_table",
            "tc29",
            "--pemda",
            "Kota Batam",
            "--opd",
            "X",
            "--tahun",
            "2024",
            "--output",
            out,
        )
    with pytest.raises(CommandError, match="triwulan"):
        call_command(
            "export_table",
            "e81",
            "--pemda",
            "Kota Batam",
            "--opd",
            "BKPSDM",
            "--tahun",
            "2024",
            "--output",
            out,
        )
    with pytest.raises(CommandError, match="belum punya Renstra"):
        call_command(
            "export_table",
            "tc33",
            "--pemda",
            "Kota Batam",
            "--opd",
            "BKPSDM",
            "--tahun",
            "2010",
            "--output",
            out,
        )
    assert not Path(out).exists()


def test_a_pemda_scale_replaces_the_default_and_every_table_names_it(tulis_csv):
    from evaluasi.models import SkalaPenilaian

    impor_plan([tulis_csv(_e81_rows())])
    pd = PerangkatDaerah.objects.select_related("pemda").get(kode="DINAS")
    SkalaPenilaian.objects.create(
        pemda=pd.pemda,
        jenis="predikat",
        versi="Perwako 1/2024",
        berlaku_mulai=2024,
        definisi={"nama": "Skala Kota Contoh", "batas": [[40, "Baik"]], "terendah": "Kurang"},
    )
    tabel = e81(muat_rencana(pd_obj=pd, tahun=2024), tahun=2024, triwulan=2)
    assert tabel.kaki[1].nilai["k13_k"] == "Baik"  # 50 ≥ 40; the default scale says Sangat Rendah
    assert any("Skala Kota Contoh (Perwako 1/2024)" in c for c in tabel.catatan)
    # A plan year before the scale applies keeps the default.
    before = e81(muat_rencana(pd_obj=pd, tahun=2023), tahun=2024, triwulan=2)
    assert before.kaki[1].nilai["k13_k"] == "Sangat Rendah"


def test_tc31_writes_the_catatan_penting_where_the_two_sides_differ(batam):
    from evaluasi.tabel import tc31

    tabel = tc31(muat_rencana(pd_obj=batam, tahun=2024), tahun=2024)
    gaji = next(b for b in tabel.baris if b.kode == "5.03.01.2.02.0001")
    # RKPD rancangan awal 11.717.651.085 → analisis kebutuhan 12.410.531.770.
    assert (gaji.nilai["k6"], gaji.nilai["k11"]) == (Decimal("11717651085"), Decimal("12410531770"))
    assert "pagu bertambah Rp692.880.685 (5,91%)" in gaji.nilai["k12"]
    assert "target berubah dari 52 menjadi 54" in gaji.nilai["k12"]
    (jumlah,) = tabel.kaki
    assert (jumlah.nilai["k6"], jumlah.nilai["k11"]) == (
        Decimal("23154329085"),
        Decimal("20836384650"),
    )


def test_tc30_projects_the_renstra_target_where_there_is_no_realisasi(batam):
    from evaluasi.tabel import tc30

    tabel = tc30(muat_rencana(pd_obj=batam, tahun=2024), tahun=2024)
    row = next(b for b in tabel.baris if b.indikator == PENILAIAN)
    assert (row.nilai["k5"], row.nilai["k9"], row.nilai["k10"]) == (5500, 5662, None)
    assert (row.nilai["k11"], row.nilai["k12"]) == (5500, 5500)
    assert "target Renstra 2024" in row.jejak["k11"]
