"""``import_pegawai``: a staff roster is upserted by NIP, all or nothing (contract.md §5)."""

from __future__ import annotations

import csv
from datetime import date
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from openpyxl import Workbook

from kepegawaian.impor import (
    ImporGagal,
    impor_pegawai,
    normalisasi_golongan,
    normalisasi_pendidikan,
)
from kepegawaian.models import Pegawai
from tests.factories import PemdaFactory, PerangkatDaerahFactory

pytestmark = pytest.mark.django_db

KOLOM = [
    "nip",
    "nama",
    "status",
    "golongan",
    "jenis_jabatan",
    "jabatan",
    "pendidikan",
    "unit_kerja",
    "tanggal_lahir",
    "jenis_kelamin",
]

HASNAH = {
    "nip": "196807141989092001",
    "nama": "Hasnah",
    "status": "PNS",
    "golongan": "IV/c",
    "jenis_jabatan": "jpt",
    "jabatan": "Kepala Badan",
    "pendidikan": "S2",
    "unit_kerja": "BKPSDM",
    "tanggal_lahir": "1968-07-14",
    "jenis_kelamin": "P",
}
BUDI = {
    "nip": "19850302 201001 1 004",
    "nama": "Budi Santoso",
    "status": "pns",
    "golongan": "iii-b",
    "jenis_jabatan": "Fungsional",
    "jabatan": "Analis SDM Aparatur",
    "pendidikan": "S-1",
    "unit_kerja": "bkpsdm",
    "tanggal_lahir": "",
    "jenis_kelamin": "",
}
SITI = {
    "nip": "199204112023212007",
    "nama": "Siti Rahayu",
    "status": "PPPK",
    "golongan": "ix",
    "jenis_jabatan": "fungsional",
    "jabatan": "Guru Ahli Pertama",
    "pendidikan": "D-IV",
    "unit_kerja": "DISDIK",
    "tanggal_lahir": "",
    "jenis_kelamin": "",
}


def tulis_csv(path: Path, baris: list[dict[str, str]], kolom: list[str] | None = None) -> Path:
    kolom = kolom or KOLOM
    with path.open("w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=kolom, extrasaction="ignore")
        w.writeheader()
        w.writerows(baris)
    return path


def tulis_xlsx(path: Path, baris: list[dict[str, object]], kolom: list[str] | None = None) -> Path:
    kolom = kolom or KOLOM
    wb = Workbook()
    ws = wb.active
    ws.append(kolom)
    for b in baris:
        ws.append([b.get(k, "") for k in kolom])
    wb.save(path)
    return path


def masalah_dari(exc: pytest.ExceptionInfo[ImporGagal]) -> list[str]:
    return [str(m) for m in exc.value.masalah]


@pytest.fixture
def unit(bkpsdm, disdik):
    return bkpsdm, disdik


def test_a_csv_roster_is_imported_with_counts_and_fields_read_from_the_nip(tmp_path, unit):
    path = tulis_csv(tmp_path / "pegawai.csv", [HASNAH, BUDI, SITI])
    hasil = impor_pegawai([path])
    assert (hasil.baris, hasil.dibuat, hasil.diubah, hasil.tetap) == (3, 3, 0, 0)
    assert "3 baru" in hasil.ringkasan()
    budi = Pegawai.objects.get(nip="198503022010011004")
    assert budi.pemda.nama == "Kota Batam" and budi.unit_kerja.kode == "BKPSDM"
    assert (budi.golongan, budi.pendidikan, budi.jenis_jabatan) == ("III/b", "S1", "fungsional")
    assert (budi.tanggal_lahir, budi.tmt, budi.jenis_kelamin) == (
        date(1985, 3, 2),
        date(2010, 1, 1),
        "L",
    )
    siti = Pegawai.objects.get(nip="199204112023212007")
    assert (siti.status, siti.golongan, siti.pendidikan) == ("PPPK", "IX", "D4")
    # A PPPK number gives the birth date and gender when it can; never a TMT.
    assert (siti.tanggal_lahir, siti.jenis_kelamin, siti.tmt) == (date(1992, 4, 11), "P", None)
    assert siti.history.first().history_change_reason == "impor:pegawai.csv"


def test_an_xlsx_roster_is_imported_the_same_way(tmp_path, unit):
    hasnah = {**HASNAH, "tanggal_lahir": date(1968, 7, 14)}  # a real date cell
    path = tulis_xlsx(tmp_path / "pegawai.xlsx", [hasnah, BUDI, SITI])
    hasil = impor_pegawai([path])
    assert (hasil.dibuat, hasil.diubah, hasil.tetap) == (3, 0, 0)
    assert Pegawai.objects.get(nip="196807141989092001").tanggal_lahir == date(1968, 7, 14)


def test_a_second_import_of_the_same_file_changes_nothing(tmp_path, unit):
    path = tulis_csv(tmp_path / "pegawai.csv", [HASNAH, BUDI, SITI])
    impor_pegawai([path])
    riwayat = Pegawai.history.count()
    hasil = impor_pegawai([path])
    assert (hasil.dibuat, hasil.diubah, hasil.tetap) == (0, 0, 3)
    assert Pegawai.objects.count() == 3
    assert Pegawai.history.count() == riwayat


def test_a_changed_golongan_is_updated_with_history(tmp_path, unit):
    impor_pegawai([tulis_csv(tmp_path / "awal.csv", [HASNAH, BUDI])])
    naik = {**BUDI, "golongan": "III/c"}
    hasil = impor_pegawai([tulis_csv(tmp_path / "kenaikan.csv", [HASNAH, naik])])
    assert (hasil.dibuat, hasil.diubah, hasil.tetap) == (0, 1, 1)
    budi = Pegawai.objects.get(nip="198503022010011004")
    assert budi.golongan == "III/c"
    terakhir, sebelumnya = budi.history.all()[:2]
    assert (sebelumnya.golongan, terakhir.golongan) == ("III/b", "III/c")
    assert terakhir.history_change_reason == "impor:kenaikan.csv"


def test_a_pppk_tmt_comes_from_the_tmt_column_and_empty_cells_keep_what_is_stored(tmp_path, unit):
    kolom = [*KOLOM, "tmt"]
    impor_pegawai([tulis_csv(tmp_path / "a.csv", [{**SITI, "tmt": "01-04-2023"}], kolom)])
    assert Pegawai.objects.get().tmt == date(2023, 4, 1)
    hasil = impor_pegawai([tulis_csv(tmp_path / "b.csv", [SITI], kolom)])
    assert hasil.tetap == 1 and Pegawai.objects.get().tmt == date(2023, 4, 1)


def _gagal(tmp_path: Path, baris: list[dict[str, str]], **kwargs) -> list[str]:
    path = tulis_csv(tmp_path / "pegawai.csv", baris, **kwargs)
    sebelum = (Pegawai.objects.count(), Pegawai.history.count())
    with pytest.raises(ImporGagal) as exc:
        impor_pegawai([path])
    assert (Pegawai.objects.count(), Pegawai.history.count()) == sebelum
    return [m.replace(str(tmp_path) + "/", "") for m in masalah_dari(exc)]


def test_a_bad_nip_is_reported_with_row_column_and_rule_and_nothing_is_written(tmp_path, unit):
    salah = {**BUDI, "nip": "198513022010011004"}
    masalah = _gagal(tmp_path, [HASNAH, salah, SITI])
    assert masalah == [
        "pegawai.csv:3: nip: tanggal lahir 19851302 pada digit 1–8 bukan tanggal yang sah "
        "(TTTTBBHH, tahun 1900–2099)"
    ]


def test_an_unknown_unit_kerja_is_reported_and_nothing_is_written(tmp_path, unit):
    masalah = _gagal(tmp_path, [HASNAH, {**BUDI, "unit_kerja": "DINKES"}])
    assert len(masalah) == 1
    assert masalah[0].startswith(
        "pegawai.csv:3: unit_kerja: 'DINKES' bukan kode perangkat daerah Kota Batam"
    )
    assert "BKPSDM, DISDIK" in masalah[0]


def test_a_gender_contradicting_the_nip_is_reported_naming_both(tmp_path, unit):
    masalah = _gagal(tmp_path, [{**HASNAH, "jenis_kelamin": "L"}])
    assert masalah == [
        "pegawai.csv:2: jenis_kelamin: L bertentangan dengan NIP: digit ke-15 (2) berarti P"
    ]


def test_a_birth_date_contradicting_the_nip_is_reported(tmp_path, unit):
    masalah = _gagal(tmp_path, [{**HASNAH, "tanggal_lahir": "15-07-1968"}])
    assert masalah == [
        "pegawai.csv:2: tanggal_lahir: 1968-07-15 bertentangan dengan NIP: "
        "digit 1–8 berarti 1968-07-14"
    ]


def test_a_nip_twice_in_the_file_is_reported_naming_both_rows(tmp_path, unit):
    masalah = _gagal(tmp_path, [HASNAH, BUDI, {**HASNAH, "nama": "Hasnah Lagi"}])
    assert len(masalah) == 1
    assert masalah[0].startswith("pegawai.csv:4: nip: NIP 196807141989092001 sudah ada di ")
    assert "pegawai.csv:2 (Hasnah)" in masalah[0]


def test_a_pns_golongan_for_a_pppk_is_reported(tmp_path, unit):
    masalah = _gagal(tmp_path, [{**SITI, "golongan": "III/a"}])
    assert masalah == ["pegawai.csv:2: golongan: 'III/a' bukan golongan PPPK (I … XVII)"]


def test_every_problem_of_every_row_is_reported_at_once(tmp_path, unit):
    masalah = _gagal(
        tmp_path,
        [
            {**HASNAH, "status": "honorer"},
            {**BUDI, "golongan": "V/a", "pendidikan": "Profesi", "jenis_jabatan": "staf"},
            {**SITI, "nama": ""},
        ],
    )
    kolom = [m.split(": ")[1] for m in masalah]
    assert [m.split(":")[1] for m in masalah] == ["2", "3", "3", "3", "4"]
    assert kolom == ["status", "golongan", "jenis_jabatan", "pendidikan", "nama"]


def test_an_unknown_or_missing_column_is_reported_once_on_the_header_line(tmp_path, unit):
    kolom = [k for k in KOLOM if k != "golongan"] + ["pangkat"]
    masalah = _gagal(tmp_path, [HASNAH, BUDI], kolom=kolom)
    assert masalah == [
        "pegawai.csv:1: golongan: kolom wajib tidak ada",
        "pegawai.csv:1: pangkat: kolom tidak dikenal; kolom yang sah: nip, nama, status, "
        "golongan, jenis_jabatan, pendidikan, unit_kerja, pemda, jabatan, tanggal_lahir, "
        "jenis_kelamin, tmt",
    ]


def test_a_formula_cell_is_refused(tmp_path, unit):
    path = tulis_xlsx(tmp_path / "rumus.xlsx", [{**HASNAH, "nama": '=CONCAT("Has","nah")'}])
    with pytest.raises(ImporGagal) as exc:
        impor_pegawai([path])
    assert [m.kolom for m in exc.value.masalah] == ["nama"]
    assert "rumus" in exc.value.masalah[0].pesan
    assert not Pegawai.objects.exists()


def test_a_nip_typed_as_a_number_in_excel_is_refused_because_its_digits_are_lost(tmp_path, unit):
    path = tulis_xlsx(tmp_path / "angka.xlsx", [{**HASNAH, "nip": 196807141989092001.0}])
    with pytest.raises(ImporGagal) as exc:
        impor_pegawai([path])
    assert "format sel sebagai Teks" in exc.value.masalah[0].pesan


def test_without_a_pemda_column_one_pemda_is_enough_and_two_are_an_error(tmp_path, unit):
    path = tulis_csv(tmp_path / "pegawai.csv", [HASNAH])
    dumai = PemdaFactory(nama="Kota Dumai")
    PerangkatDaerahFactory(pemda=dumai, kode="BKPSDM")
    with pytest.raises(ImporGagal) as exc:
        impor_pegawai([path])
    assert [str(m) for m in exc.value.masalah] == [
        f"{path}:1: pemda: wajib diisi karena basis data berisi 2 pemda (atau pakai --pemda)"
    ]
    assert not Pegawai.objects.exists()
    hasil = impor_pegawai([path], pemda_default="kota dumai")
    assert hasil.dibuat == 1 and Pegawai.objects.get().pemda == dumai


def test_a_pemda_column_chooses_the_pemda_of_each_row(tmp_path, unit, batam):
    dumai = PemdaFactory(nama="Kota Dumai")
    PerangkatDaerahFactory(pemda=dumai, kode="BKPSDM")
    path = tulis_csv(
        tmp_path / "dua.csv",
        [{**HASNAH, "pemda": "Kota Batam"}, {**HASNAH, "pemda": "kota dumai"}],
        kolom=["pemda", *KOLOM],
    )
    hasil = impor_pegawai([path])
    # The same NIP in two pemda is two records (unique per pemda).
    assert hasil.dibuat == 2
    assert set(Pegawai.objects.values_list("pemda__nama", flat=True)) == {
        "Kota Batam",
        "Kota Dumai",
    }


def test_the_command_prints_a_summary_and_exits_zero(tmp_path, unit):
    path = tulis_csv(tmp_path / "pegawai.csv", [HASNAH, BUDI, SITI])
    out = StringIO()
    call_command("import_pegawai", str(path), stdout=out)
    assert out.getvalue().strip() == "3 pegawai dari 1 berkas: 3 baru, 0 diubah, 0 tetap."


def test_the_command_prints_every_problem_on_stderr_and_exits_non_zero(tmp_path, unit):
    path = tulis_csv(
        tmp_path / "pegawai.csv",
        [{**HASNAH, "jenis_kelamin": "L"}, {**BUDI, "unit_kerja": "DINKES"}],
    )
    err = StringIO()
    with pytest.raises(CommandError, match="2 masalah"):
        call_command("import_pegawai", str(path), stderr=err)
    baris = err.getvalue().splitlines()
    assert len(baris) == 2
    assert baris[0].startswith(f"{path}:2: jenis_kelamin: ")
    assert baris[1].startswith(f"{path}:3: unit_kerja: ")
    assert not Pegawai.objects.exists()


def test_the_command_exit_code_is_non_zero_from_the_shell_view(tmp_path, unit):
    # CommandError raised by call_command becomes exit status 1 under manage.py.
    path = tulis_csv(tmp_path / "pegawai.csv", [{**SITI, "golongan": "XVIII"}])
    with pytest.raises(CommandError) as exc:
        call_command("import_pegawai", str(path), stderr=StringIO())
    assert exc.value.returncode == 1


def test_the_command_takes_the_pemda_by_name(tmp_path, unit):
    PemdaFactory(nama="Kota Dumai")
    path = tulis_csv(tmp_path / "pegawai.csv", [HASNAH])
    call_command("import_pegawai", str(path), "--pemda", "Kota Batam", stdout=StringIO())
    assert Pegawai.objects.get().pemda.nama == "Kota Batam"


@pytest.mark.parametrize(
    ("teks", "status", "hasil"),
    [
        ("III/a", "PNS", "III/a"),
        ("iii/a", "PNS", "III/a"),
        ("III-a", "PNS", "III/a"),
        ("III a", "PNS", "III/a"),
        ("IIIa", "PNS", "III/a"),
        ("3/a", "PNS", "III/a"),
        ("IV/e", "PNS", "IV/e"),
        ("ix", "PPPK", "IX"),
        ("9", "PPPK", "IX"),
        ("XVII", "PPPK", "XVII"),
    ],
)
def test_golongan_is_normalised(teks, status, hasil):
    assert normalisasi_golongan(teks, status) == hasil


@pytest.mark.parametrize(
    ("teks", "status"), [("III/e", "PNS"), ("V/a", "PNS"), ("IX", "PNS"), ("XVIII", "PPPK")]
)
def test_a_golongan_outside_the_scale_is_refused(teks, status):
    with pytest.raises(ValueError, match="bukan golongan"):
        normalisasi_golongan(teks, status)


@pytest.mark.parametrize(
    ("teks", "hasil"),
    [
        ("S-1", "S1"),
        ("s2", "S2"),
        ("D-IV", "D4"),
        ("D.III", "D3"),
        ("D 3", "D3"),
        ("SLTA", "SMA"),
        ("SMK", "SMA"),
        ("SLTP", "SMP"),
        ("MTs", "SMP"),
    ],
)
def test_pendidikan_accepts_the_usual_spellings(teks, hasil):
    assert normalisasi_pendidikan(teks) == hasil


def test_a_pendidikan_that_is_not_a_level_is_refused_rather_than_guessed():
    with pytest.raises(ValueError, match="tidak dikenal"):
        normalisasi_pendidikan("Profesi")


def test_the_sample_roster_in_fixtures_imports_cleanly(bkpsdm):
    PerangkatDaerahFactory(pemda=bkpsdm.pemda, kode="BAPPEDA")
    contoh = Path(__file__).resolve().parent.parent / "fixtures" / "pegawai_contoh.csv"
    hasil = impor_pegawai([contoh])
    assert hasil.dibuat == 20
    assert Pegawai.objects.filter(status="PPPK", tmt__isnull=True).count() == 3
    assert not Pegawai.objects.filter(status="PNS", tmt__isnull=True).exists()
