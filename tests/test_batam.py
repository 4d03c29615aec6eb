"""The demo: the real Renja 2024 of BKPSDM Kota Batam, and what check_plan finds in it.

Hand-computed figures come from the document (fixtures/README.md lists every choice made
where it contradicts itself; ../shared/data/tables/000_checks.csv has its arithmetic checks).
"""

from __future__ import annotations

import csv
from decimal import Decimal
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.db.models import Sum

from renja import akses
from renja.models import Indikator, Jenis, Nilai, PerangkatDaerah, ProgramKegiatan, Renja

# Every test loads the whole demo (seed_demo): seconds each.
pytestmark = [pytest.mark.django_db, pytest.mark.slow]


@pytest.fixture
def demo():
    call_command("seed_demo", stdout=StringIO())
    return PerangkatDaerah.objects.get(pemda__nama="Kota Batam", kode="BKPSDM")


def check_plan(tahun: int = 2024) -> list[dict[str, str]]:
    out = StringIO()
    call_command(
        "check_plan", "--pemda", "Kota Batam", "--opd", "BKPSDM", "--tahun", str(tahun), stdout=out
    )
    return list(csv.DictReader(StringIO(out.getvalue())))


def test_the_demo_holds_the_whole_plan_tree(demo):
    levels = ProgramKegiatan.objects.filter(renstra__perangkat_daerah=demo).values_list(
        "level", flat=True
    )
    counts = {level: list(levels).count(level) for level in set(levels)}
    assert counts == {"urusan": 1, "bidang": 2, "program": 3, "kegiatan": 12, "sub_kegiatan": 41}
    assert Indikator.objects.filter(program_kegiatan__renstra__perangkat_daerah=demo).count() == 62
    assert demo.kepala_nip == "196807141989092001"


def test_budgets_add_up_to_the_documents_true_totals(demo):
    """Sum of sub kegiatan pagu: 2024 = 20.836.384.650 (T-C.33 urusan row, once the two typos
    104,250,000 → 140,100,000 and 4,558,736,000 → 3,558,736,000 are corrected), 2025 =
    24.663.850.000, RKPD rancangan awal 2024 = 23.154.329.085 (T-C.31 JUMLAH)."""

    def total(jenis: str, tahun: int) -> Decimal:
        return Nilai.objects.filter(
            jenis=jenis, tahun=tahun, program_kegiatan__renstra__perangkat_daerah=demo
        ).aggregate(s=Sum("angka"))["s"]

    assert total(Jenis.PAGU, 2024) == Decimal("20836384650")
    assert total(Jenis.PAGU, 2025) == Decimal("24663850000")
    assert total(Jenis.PAGU_RKPD, 2024) == Decimal("23154329085")
    # Budgets sit on sub kegiatan only.
    assert (
        not Nilai.objects.filter(jenis__in=["pagu", "pagu_rkpd"])
        .exclude(program_kegiatan__level="sub_kegiatan")
        .exists()
    )


def test_the_worked_example_values_are_stored_exactly(demo):
    ind = Indikator.objects.get(nama="Jumlah ASN Yang Memenuhi Penilaian Kinerja")
    values = {(n.jenis, n.tahun): n.angka for n in ind.nilai.all()}
    assert values[("target", 2022)] == 5500
    assert values[("realisasi", 2022)] == 5662
    assert ind.tercetak.get(tahun=2022).angka == Decimal("102.94")  # printed, truncated


def test_check_plan_reports_exactly_the_documents_representable_budget_mismatches(demo):
    """000_checks.csv has 15 budget_sum MISMATCH lines. Two are real mismatches of a printed
    parent total against the sub kegiatan we hold, and check_plan reports exactly those:

    * T-C.33 line 1017: program 5.03.01 printed 13.805.447.150, sub kegiatan sum 13.806.581.650.
    * T-C.31 line 651: kegiatan 5.03.01.2.08 (RKPD side) printed 98.099.000, subs 94.499.000.

    The others are not findings, by design:
    * T-C.33 1071 (kegiatan 2.09) and 1162 (5.04.02.2.02), and 1015 (urusan 5 against the sum
      of the printed subs): the mismatch is caused by a wrong sub kegiatan figure (104,250,000
      and 4,558,736,000), which the demo corrects by the two other tables; against the
      corrected subs the printed parents are right.
    * T-C.33 1084 and 1016 (program 5.03.02 (1)/(2)/(3), bidang groupings, 2024 and 2025):
      one program is printed three times with three totals; those rows are not imported (a node
      has one declared total per source), and the bidang total is right.
    * T-C.31 621 (program I against its printed kegiatan): our check sums sub kegiatan, and the
      program total is right; the error is the kegiatan total, reported at line 651.
    * T-C.31 691 and 704 (kebutuhan dana, col 11): the sub figures 551.898.000 and 212.000.000
      disagree with T-C.33 and Tabel 4.1; the demo keeps the majority, so the parents add up.
    * Tabel 4.1 1197: the missing sub kegiatan row 2.06.0005 is present in the demo (from T-C.33).
    * Tabel 4.3 1348: Tabel 4.3 (priorities) is not imported.
    """
    totals = [
        (f["kode"], f["kolom"], f["diharapkan"], f["ditemukan"])
        for f in check_plan()
        if f["jenis"] == "total_tidak_sesuai"
    ]
    assert sorted(totals) == [
        ("5.03.01", "pagu 2024", "13806581650", "13805447150"),
        ("5.03.01.2.08", "pagu_rkpd 2024", "94499000", "98099000"),
    ]


def test_check_plan_names_the_source_and_the_difference_in_indonesian_format(demo):
    (finding,) = [
        f for f in check_plan() if f["kode"] == "5.03.01" and f["jenis"] == "total_tidak_sesuai"
    ]
    assert finding["pesan"] == (
        "total tercetak di batam_renja_2024_tercetak_tc33.csv kurang 1.134.500 "
        "dari jumlah sub kegiatan (13.806.581.650)"
    )


def test_check_plan_finds_realisasi_without_target(demo):
    findings = {
        (f["kode"], f["indikator"], f["kolom"])
        for f in check_plan()
        if f["jenis"] == "realisasi_tanpa_target"
    }
    # T-C.30 prints realisasi 2022 0,00% for Administrasi Kepegawaian, T-C.29 prints no target.
    assert (
        "5.03.01.2.05",
        "Persentase Administrasi Kepegawaian Perangkat Daerah Yang Terlaksana",
        "realisasi 2022",
    ) in findings
    # The document gives realisasi s/d 2021 but no 2021 targets.
    assert (
        "5.03.02.2.04",
        "Jumlah ASN Yang Memenuhi Penilaian Kinerja",
        "realisasi 2021",
    ) in findings


def test_check_plan_finds_a_value_whose_unit_differs_from_the_indicator(demo):
    ind = Indikator.objects.get(nama="Jumlah ASN Yang Memenuhi Penilaian Kinerja")
    ind.satuan = "dokumen"  # e.g. an officer changed the unit after values were entered
    ind.save()
    Nilai.objects.filter(indikator=ind, tahun=2024, jenis="target").update(satuan="orang")
    findings = [f for f in check_plan() if f["jenis"] == "satuan_berbeda"]
    assert [(f["kode"], f["kolom"], f["diharapkan"], f["ditemukan"]) for f in findings] == [
        ("5.03.02.2.04", "target 2024", "dokumen", "orang")
    ]


def test_check_plan_exits_non_zero_only_when_it_cannot_run(demo):
    with pytest.raises(CommandError, match="tidak ditemukan"):
        call_command("check_plan", "--pemda", "Kota Batam", "--opd", "DINKES", "--tahun", "2024")
    with pytest.raises(CommandError, match="belum punya Renstra"):
        call_command("check_plan", "--pemda", "Kota Batam", "--opd", "BKPSDM", "--tahun", "2015")


def test_re_importing_the_demo_changes_nothing(demo):
    out = StringIO()
    call_command("import_plan", "fixtures/batam_renja_2024.csv", stdout=out)
    assert "0 nilai baru, 0 berubah, 622 sama" in out.getvalue()


def test_seed_demo_refuses_a_non_empty_database_unless_reset(demo):
    with pytest.raises(CommandError, match="tidak kosong"):
        call_command("seed_demo", stdout=StringIO())
    out = StringIO()
    call_command("seed_demo", "--if-empty", stdout=out)
    assert "sudah berisi" in out.getvalue()
    call_command("seed_demo", "--reset", stdout=StringIO())
    assert PerangkatDaerah.objects.filter(kode="BKPSDM").count() == 1
    assert Renja.objects.filter(tahun=2024, versi="murni").count() == 1


def test_the_demo_has_a_generated_roster_with_valid_nips_and_an_indicator_computed_from_it(
    demo, tmp_path
):
    from datetime import date

    from kepegawaian.models import Pegawai
    from kepegawaian.nip import baca_nip

    pegawai = list(Pegawai.objects.filter(pemda=demo.pemda))
    assert len(pegawai) == 240
    assert {p.unit_kerja.kode for p in pegawai} == {"BKPSDM", "BAPPEDA"}
    for p in pegawai:
        info = baca_nip(p.nip, status=p.status)
        if p.status == "PNS":
            assert (info.tanggal_lahir, info.jenis_kelamin, info.tmt) == (
                p.tanggal_lahir,
                p.jenis_kelamin,
                p.tmt,
            )
    ind = Indikator.objects.get(
        program_kegiatan__renstra__perangkat_daerah=demo, ukuran_kepegawaian="persen_d4_keatas"
    )
    assert ind.sumber_data == "kepegawaian"
    # The rekap of the whole roster adds up.
    out = tmp_path / "rekap.csv"
    call_command(
        "export_table", "rekap_pegawai", "--pemda", "Kota Batam",
        "--tanggal", date.today().isoformat(), "--output", str(out), stdout=StringIO(),
    )  # fmt: skip
    baris = list(csv.reader(out.read_text().splitlines()))
    assert baris[-1] == ["total", "", "240"]


def test_every_demo_user_logs_in_with_their_role(demo, client):
    bappeda_pd = PerangkatDaerah.objects.get(kode="BAPPEDA")
    users = {u.username: u for u in get_user_model().objects.all()}
    assert set(users) == {"admin", "perencana", "kepala", "bappeda"}
    assert akses.dapat_mengubah_nilai(users["perencana"], demo)
    assert not akses.dapat_melihat(users["perencana"], bappeda_pd)
    assert akses.dapat_melihat(users["bappeda"], bappeda_pd) and akses.dapat_melihat(
        users["bappeda"], demo
    )
    assert akses.peran_atas_pd(users["kepala"], demo) == {"kepala"}
    for username in users:
        assert client.login(username=username, password="demo")
        assert client.get("/").status_code == 200


def test_check_plan_reports_a_printed_capaian_that_disagrees_with_the_computed_one(demo):
    findings = {
        (f["kode"], f["indikator"]): f for f in check_plan() if f["jenis"] == "capaian_tidak_sesuai"
    }
    f = findings[("5.03.02.2.04", "Jumlah ASN Yang Memenuhi Penilaian Kinerja")]
    # 5.662 / 5.500 × 100 = 102,9454… → 102,95; the document printed 102,94 (truncated).
    assert (f["kolom"], f["diharapkan"], f["ditemukan"]) == ("capaian 2022", "102.95", "102.94")
    # A printed capaian without computable inputs is a finding too (T-C.29 prints 100,00%).
    f = findings[
        ("5.03.01.2.05", "Persentase Administrasi Kepegawaian Perangkat Daerah Yang Terlaksana")
    ]
    assert f["diharapkan"] == "" and "tidak dapat dihitung" in f["pesan"]
    # Printed values that are right produce no finding (T-C.29 row 348: 2.349/2.790 = 84,19).
    assert ("5.03.02.2.03", "Jumlah ASN Yang Memenuhi Kompetensi") not in findings
