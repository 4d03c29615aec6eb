"""The staff rekap (contract.md §2 and §5): counts by golongan, pendidikan, jenis jabatan,
gender and status on a reporting date, through the one exporter interface.

The roster below, counted by hand on 2024-06-30:

| nip (short) | status | gol | pendidikan | jabatan | L/P | tmt | keluar | counts? |
|---|---|---|---|---|---|---|---|---|
| a | PNS | III/a | S1 | fungsional | L | 2010-03 | – | yes |
| b | PNS | III/b | S2 | pengawas | P | 2005-01 | – | yes |
| c | PNS | II/c | SMA | pelaksana | P | 2012-02 | – | yes |
| d | PPPK | IX | S1 | fungsional | L | 2023-04 | – | yes |
| e | PNS | IV/a | S2 | administrator | L | 1995-03 | 2024-01-31 | no (left) |
| f | PNS | III/a | D4 | pelaksana | L | 2024-09 | – | no (not yet started) |

On 2024-06-30: 4 pegawai; III/a 1, III/b 1, II/c 1, IX 1; S1 2, S2 1, SMA 1; fungsional 2,
pengawas 1, pelaksana 1; L 2, P 2; PNS 3, PPPK 1. D-IV/S1 or higher: 3 of 4.
"""

from __future__ import annotations

import csv
import io
from datetime import date
from decimal import Decimal

import pytest
from django.core.management import CommandError, call_command
from openpyxl import load_workbook
from pypdf import PdfReader

from kepegawaian import selectors
from kepegawaian.models import Pegawai
from kepegawaian.tabel import rekap_pegawai

pytestmark = pytest.mark.django_db

TANGGAL = date(2024, 6, 30)


def _pegawai(pemda, unit, nip, status, gol, didik, jab, jk, tmt, keluar=None):
    return Pegawai.objects.create(
        pemda=pemda,
        nip=nip,
        nama=f"Pegawai {nip[-3:]}",
        status=status,
        golongan=gol,
        jenis_jabatan=jab,
        pendidikan=didik,
        unit_kerja=unit,
        jenis_kelamin=jk,
        tmt=tmt,
        tanggal_keluar=keluar,
    )


@pytest.fixture
def roster(batam, bkpsdm, disdik):
    _pegawai(
        batam,
        bkpsdm,
        "198001012010031001",
        "PNS",
        "III/a",
        "S1",
        "fungsional",
        "L",
        date(2010, 3, 1),
    )
    _pegawai(
        batam, bkpsdm, "197505052005012001", "PNS", "III/b", "S2", "pengawas", "P", date(2005, 1, 1)
    )
    _pegawai(
        batam,
        disdik,
        "199002022012022001",
        "PNS",
        "II/c",
        "SMA",
        "pelaksana",
        "P",
        date(2012, 2, 1),
    )
    _pegawai(
        batam, disdik, "199503032023041001", "PPPK", "IX", "S1", "fungsional", "L", date(2023, 4, 1)
    )
    _pegawai(
        batam,
        bkpsdm,
        "196403031995031001",
        "PNS",
        "IV/a",
        "S2",
        "administrator",
        "L",
        date(1995, 3, 1),
        date(2024, 1, 31),
    )
    _pegawai(
        batam,
        bkpsdm,
        "199606062024091001",
        "PNS",
        "III/a",
        "D4",
        "pelaksana",
        "L",
        date(2024, 9, 1),
    )
    return batam  # fmt: skip


def _hitung(tabel) -> dict[tuple[str, str], int]:
    return {(b.kode, b.uraian): int(b.nilai["jumlah"]) for b in tabel.baris}


def test_the_rekap_counts_who_served_on_the_date_by_every_dimension(roster):
    tabel = rekap_pegawai(pemda=roster, tanggal=TANGGAL)
    n = _hitung(tabel)
    assert tabel.kaki[0].nilai["jumlah"] == Decimal(4)
    assert (n[("golongan", "III/a")], n[("golongan", "III/b")], n[("golongan", "II/c")]) == (
        1,
        1,
        1,
    )
    assert n[("golongan", "IX")] == 1 and n[("golongan", "IV/a")] == 0
    assert (n[("pendidikan", "S1")], n[("pendidikan", "S2")], n[("pendidikan", "SMA")]) == (2, 1, 1)
    assert n[("pendidikan", "D4")] == 0
    assert n[("jenis_jabatan", "fungsional")] == 2 and n[("jenis_jabatan", "administrator")] == 0
    assert (n[("jenis_kelamin", "L")], n[("jenis_kelamin", "P")]) == (2, 2)
    assert (n[("status", "PNS")], n[("status", "PPPK")]) == (3, 1)
    # Every dimension adds up to the total.
    for dimensi in selectors.DIMENSI:
        assert sum(v for (d, _), v in n.items() if d == dimensi) == 4, dimensi


def test_on_an_earlier_date_the_one_who_left_still_counts(roster):
    n = _hitung(rekap_pegawai(pemda=roster, tanggal=date(2023, 12, 31)))
    # e is still there; d (PPPK from April 2023) too; f not yet.
    assert n[("golongan", "IV/a")] == 1 and n[("status", "PPPK")] == 1
    assert sum(v for (d, _), v in n.items() if d == "status") == 5


def test_a_pns_only_roster_lists_no_pppk_golongan(batam, bkpsdm):
    _pegawai(batam, bkpsdm, "198001012010031001", "PNS", "III/a", "S1", "fungsional", "L", date(2010, 3, 1))  # fmt: skip
    golongan = [
        b.uraian for b in rekap_pegawai(pemda=batam, tanggal=TANGGAL).baris if b.kode == "golongan"
    ]
    assert golongan[0] == "I/a" and golongan[-1] == "IV/e" and "IX" not in golongan


def test_one_unit_can_be_counted_alone(roster, bkpsdm):
    tabel = rekap_pegawai(pemda=roster, tanggal=TANGGAL, unit_kerja=bkpsdm)
    assert tabel.kaki[0].nilai["jumlah"] == Decimal(2)
    assert "BKPSDM" in tabel.judul


def test_the_share_with_d4_or_higher(roster):
    assert selectors.persen_pendidikan_minimal(pemda=roster, tanggal=TANGGAL) == (3, 4)
    assert selectors.persen_pendidikan_minimal(pemda=roster, tanggal=TANGGAL, minimal="S2") == (
        1,
        4,
    )


def test_the_rekap_takes_the_same_queries_for_two_and_two_hundred_pegawai(
    batam, bkpsdm, django_assert_num_queries
):
    _pegawai(batam, bkpsdm, "198001012010031001", "PNS", "III/a", "S1", "fungsional", "L", date(2010, 3, 1))  # fmt: skip
    with django_assert_num_queries(5):
        rekap_pegawai(pemda=batam, tanggal=TANGGAL)
    Pegawai.objects.bulk_create(
        Pegawai(
            pemda=batam, nip=f"19800101201003{1 + i % 2}{i:03d}", nama=f"P{i}", status="PNS",
            golongan="III/a", jenis_jabatan="pelaksana", pendidikan="S1", unit_kerja=bkpsdm,
            jenis_kelamin="L" if i % 2 == 0 else "P", tmt=date(2010, 3, 1),
        )
        for i in range(1, 200)
    )  # fmt: skip
    with django_assert_num_queries(5):
        rekap_pegawai(pemda=batam, tanggal=TANGGAL)


def test_export_table_rekap_pegawai_csv_follows_the_contract(roster, tmp_path):
    out = tmp_path / "rekap.csv"
    call_command(
        "export_table", "rekap_pegawai", "--pemda", "Kota Batam", "--tanggal", "2024-06-30",
        "--format", "csv", "--output", str(out),
    )  # fmt: skip
    rows = list(csv.reader(io.StringIO(out.read_text())))
    assert rows[0] == ["dimensi", "kategori", "jumlah"]
    assert rows[-1] == ["total", "", "4"]
    assert ["pendidikan", "S1", "2"] in rows and ["status", "PPPK", "1"] in rows
    assert {r[0] for r in rows[1:-1]} == {
        "golongan", "pendidikan", "jenis_jabatan", "jenis_kelamin", "status",
    }  # fmt: skip


@pytest.mark.parametrize("fmt", ["xlsx", "pdf"])
def test_export_table_rekap_pegawai_in_the_human_layouts(roster, tmp_path, fmt):
    out = tmp_path / f"rekap.{fmt}"
    call_command(
        "export_table", "rekap_pegawai", "--pemda", "Kota Batam", "--tanggal", "2024-06-30",
        "--format", fmt, "--output", str(out),
    )  # fmt: skip
    if fmt == "xlsx":
        ws = load_workbook(out).active
        teks = [c.value for row in ws.iter_rows() for c in row if c.value is not None]
        assert "Dimensi" in teks and "Kategori" in teks and "Pendidikan terakhir" not in teks
        assert "S-1" in teks  # the label column
    else:
        halaman = "".join(p.extract_text() for p in PdfReader(out).pages)
        assert "Rekapitulasi Pegawai Kota Batam per 30 Juni 2024" in halaman.replace("\n", " ")


def test_export_table_rekap_pegawai_refuses_an_unknown_pemda_or_unit(roster, tmp_path):
    with pytest.raises(CommandError, match="Pemda 'Kota X' tidak ditemukan"):
        call_command("export_table", "rekap_pegawai", "--pemda", "Kota X", "--output", str(tmp_path / "x.csv"))  # fmt: skip
    with pytest.raises(CommandError, match="'NONE'"):
        call_command(
            "export_table", "rekap_pegawai", "--pemda", "Kota Batam", "--opd", "NONE",
            "--output", str(tmp_path / "x.csv"),
        )  # fmt: skip


def test_other_tables_still_need_opd_and_tahun(roster, tmp_path):
    with pytest.raises(CommandError, match="memerlukan --opd"):
        call_command("export_table", "tc33", "--pemda", "Kota Batam", "--tahun", "2024", "--output", str(tmp_path / "x.csv"))  # fmt: skip


def test_the_rekap_page_of_an_agency_shows_its_counts_and_offers_the_files(
    client, alice, bob, roster, bkpsdm
):
    from django.urls import reverse

    url = reverse("kepegawaian:rekap", args=[bkpsdm.pk])
    client.force_login(alice)
    html = client.get(url + "?tanggal=2024-06-30").content.decode()
    assert "Rekapitulasi Pegawai" in html and "30 Juni 2024" in html
    assert "format=pdf" in html and "198001012010031001" not in html  # counts, no NIP
    r = client.get(url + "?tanggal=2024-06-30&format=csv")
    rows = list(csv.reader(io.StringIO(r.content.decode())))
    assert r["Content-Disposition"].endswith('rekap_pegawai_BKPSDM_20240630.csv"')
    assert rows[-1] == ["total", "", "2"]
    assert client.get(url + "?format=odt").status_code == 404
    assert client.get(url + "?tanggal=30-06-2024").status_code == 404
    client.force_login(bob)
    assert client.get(url).status_code == 403
