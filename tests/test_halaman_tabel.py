"""The table pages: one computed table per URL, behind login, roles respected.

The demo (seed_demo) is Renja 2024 of BKPSDM Kota Batam; its users are ``perencana``
(BKPSDM planner), ``kepala`` and ``bappeda``, password ``demo``.
"""

from __future__ import annotations

from decimal import Decimal
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.urls import reverse

from inti.serial import tabel_dari_json
from inti.tabel import Baris, Kolom, Tabel
from inti.templatetags.angka import angka, susunan
from renja.models import Peran, PerangkatDaerah
from tests.factories import PerangkatDaerahFactory, UserFactory, anggota

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo():
    call_command("seed_demo", stdout=StringIO())
    return PerangkatDaerah.objects.select_related("pemda").get(
        pemda__nama="Kota Batam", kode="BKPSDM"
    )


def url_tabel(pd: PerangkatDaerah, tabel: str, tahun: int = 2024) -> str:
    return reverse("evaluasi:tabel", args=[pd.pk, tahun, tabel])


def masuk(client, username: str) -> None:
    assert client.login(username=username, password="demo")


@pytest.mark.slow
def test_the_planner_sees_tc29_with_official_numbers_and_the_batam_capaian(client, demo):
    masuk(client, "perencana")
    response = client.get(url_tabel(demo, "tc29"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "8 = 7/6" in html and "11 = 10/4" in html
    # 5.662 / 5.500 × 100 = 102,9454… rounded half-up (the document truncates to 102,94).
    assert "102,95" in html
    assert 'title="capaian positif: realisasi 5662 / target 5500 × 100 = 102.95"' in html
    assert 'class="angka dihitung"' in html
    assert "Kota Batam" in html and demo.nama in html
    assert 'class="lvl-program' in html and 'class="lvl-kegiatan' in html
    assert "css/tabel.css" in html


@pytest.mark.slow
def test_urusan_and_bidang_are_in_capitals_and_continuation_rows_repeat_no_code(client, demo):
    masuk(client, "perencana")
    response = client.get(url_tabel(demo, "tc29"))
    tabel = response.context["tabel"]
    urusan = next(b for b in tabel.baris if b.level == "urusan")
    assert urusan.uraian.upper() in response.content.decode()
    lanjutan = next(b for b in tabel.baris if b.lanjutan)
    rows = susunan(tabel).badan
    (tampil,) = [r for r, b in zip(rows, tabel.baris, strict=True) if b is lanjutan]
    kode, uraian = tampil.sel[0], tampil.sel[1]
    assert "lanjutan" in tampil.kelas and kode.nilai == "" and uraian.nilai == ""


@pytest.mark.slow
def test_tc33_shows_the_parent_budgets_in_indonesian_format(client, demo):
    masuk(client, "perencana")
    response = client.get(url_tabel(demo, "tc33"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "20.836.384.650" in html and "20836384650" not in html
    assert 'title="jumlah pagu sub kegiatan di bawahnya"' in html


@pytest.mark.slow
def test_the_tc33_page_takes_as_many_queries_for_a_tiny_plan_as_for_the_batam_plan(
    client, demo, tulis_csv
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from renja.impor import impor_plan

    impor_plan(
        [tulis_csv(["Kota Batam,KECIL,5.03.02.2.04.0003,Evaluasi,,,,,2021-2026,2024,pagu,1.000"])]
    )
    kecil = PerangkatDaerah.objects.get(kode="KECIL")
    masuk(client, "bappeda")  # sees every agency of the pemda
    counts = {}
    for pd in (kecil, demo):
        for kunjungan in ("pertama", "ulang"):  # computed, then the stored result reused
            with CaptureQueriesContext(connection) as ctx:
                assert client.get(url_tabel(pd, "tc33")).status_code == 200
            counts[(pd.kode, kunjungan)] = len(ctx)
    assert counts[("KECIL", "pertama")] == counts[("BKPSDM", "pertama")] <= 27, (
        counts
    )  # 27: the plan load reads the quarters' accounts too, and the data version
    # A stored table is found by the agency's data version: the plan is not loaded again.
    assert counts[("KECIL", "ulang")] == counts[("BKPSDM", "ulang")] <= 6, counts


@pytest.mark.slow
def test_a_planner_of_another_agency_cannot_read_the_plan_by_guessing_its_id(client, demo):
    disdik = PerangkatDaerahFactory(pemda=demo.pemda, kode="DISDIK", nama="Dinas Pendidikan")
    anggota(UserFactory(username="bob"), peran=Peran.PERENCANA, pd=disdik)
    masuk(client, "bob")
    assert client.get(url_tabel(demo, "tc29")).status_code == 403
    assert client.get(reverse("evaluasi:rencana", args=[demo.pk, 2024])).status_code == 403


@pytest.mark.slow
def test_bappeda_and_the_head_see_the_agencys_tables(client, demo):
    for username in ("bappeda", "kepala"):
        masuk(client, username)
        assert client.get(url_tabel(demo, "tc29")).status_code == 200


@pytest.mark.slow
def test_an_anonymous_visitor_is_sent_to_the_login_page(client, demo):
    response = client.get(url_tabel(demo, "tc29"))
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


@pytest.mark.slow
def test_an_unknown_table_or_agency_is_not_found(client, demo):
    masuk(client, "perencana")
    assert client.get(url_tabel(demo, "tc99")).status_code == 404
    assert client.get(reverse("evaluasi:tabel", args=[999999, 2024, "tc29"])).status_code == 404


@pytest.mark.slow
def test_e81_without_a_quarter_explains_what_is_missing(client, demo):
    masuk(client, "perencana")
    response = client.get(url_tabel(demo, "e81"))
    assert response.status_code == 404
    html = response.content.decode()
    assert "Formulir E.81 disusun per triwulan" in html
    assert "?triwulan=2" in html
    assert client.get(url_tabel(demo, "e81") + "?triwulan=9").status_code == 404


@pytest.mark.slow
def test_e81_of_a_quarter_has_k_and_rp_under_each_number_and_its_footer(client, demo):
    masuk(client, "perencana")
    response = client.get(url_tabel(demo, "e81") + "?triwulan=2")
    assert response.status_code == 200
    html = response.content.decode()
    assert "12 = 8+9+10+11" in html and "RATA-RATA CAPAIAN" in html and "PREDIKAT" in html
    t = susunan(response.context["tabel"])
    assert [s.teks for s in t.sub[:2]] == ["K", "Rp"]
    assert sum(s.colspan for s in t.nomor) == t.lebar == len(t.kolom)


@pytest.mark.slow
def test_a_year_without_a_renstra_gives_a_friendly_message(client, demo):
    masuk(client, "perencana")
    response = client.get(url_tabel(demo, "tc33", tahun=2010))
    assert response.status_code == 404
    assert "belum punya Renstra" in response.content.decode()


@pytest.mark.slow
def test_tc32_without_proposals_prints_nihil_once(client, demo):
    masuk(client, "perencana")
    response = client.get(url_tabel(demo, "tc32"))
    assert response.status_code == 200
    assert response.content.decode().count("NIHIL") == 1


@pytest.mark.slow
def test_the_overview_links_every_table_and_each_quarter_of_e81(client, demo):
    masuk(client, "perencana")
    response = client.get(reverse("evaluasi:rencana", args=[demo.pk, 2024]))
    html = response.content.decode()
    for kode in ("tc29", "tc30", "tc31", "tc32", "tc33", "t41"):
        assert f'href="{url_tabel(demo, kode)}"' in html
    for q in (1, 2, 3, 4):
        assert f'href="{url_tabel(demo, "e81")}?triwulan={q}"' in html
    assert reverse("evaluasi:rencana", args=[demo.pk, 2024]) in client.get("/").content.decode()


@pytest.mark.slow
def test_every_demo_table_renders(client, demo):
    masuk(client, "bappeda")
    for kode in ("tc30", "tc31", "t41"):
        response = client.get(url_tabel(demo, kode))
        assert response.status_code == 200, kode
        tabel = tabel_dari_json(response.context["hasil"].isi)
        t = susunan(tabel)
        assert sum(s.colspan for s in t.nomor) == t.lebar
        assert all(len(r.sel) == t.lebar for r in [*t.badan, *t.kaki])


def test_numbers_print_in_indonesian_format_with_at_most_two_decimals():
    assert angka(Decimal("102.9455")) == "102,95"
    assert angka(Decimal("20836384650")) == "20.836.384.650"
    assert angka(Decimal("97.125")) == "97,13"  # half-up
    assert angka(Decimal("111.3")) == "111,30"
    assert angka(Decimal("-0.001")) == "0"
    assert angka(None) == "-"
    assert angka("Sangat Tinggi") == "Sangat Tinggi"


def test_descriptive_columns_take_their_official_numbers_in_column_order():
    tabel = Tabel(
        kode="tc31",
        judul="T",
        kolom=[Kolom("k3", "3", "Lokasi"), Kolom("k5", "5", "Target")],
        baris=[Baris(kode="5", uraian="Urusan", level="urusan")],
    )
    t = susunan(tabel)
    assert [k.jenis for k in t.kolom] == ["kode", "uraian", "nilai", "indikator", "satuan", "nilai"]
    assert [s.teks for s in t.nomor] == ["", "2", "3", "4", "5"]
    assert t.badan[0].sel[1].nilai == "URUSAN"


def test_a_continuation_row_leaves_the_nodes_budget_blank_and_a_row_without_figures_is_empty():
    kolom = [Kolom("k5", "5", "Target"), Kolom("k6", "6", "Pagu")]
    tabel = Tabel(
        kode="tc33",
        judul="T",
        kolom=kolom,
        baris=[
            Baris(kode="5", uraian="Urusan", level="urusan"),
            Baris(
                kode="5.03.02",
                uraian="Program",
                level="program",
                indikator="A",
                nilai={"k5": Decimal(1), "k6": Decimal(2)},
                jejak={"k6": "jumlah"},
            ),
            Baris(
                kode="5.03.02",
                uraian="Program",
                level="program",
                indikator="B",
                lanjutan=True,
                nilai={"k5": None, "k6": None},
                jejak={"k6": "jumlah"},
            ),
        ],
    )
    urusan, pertama, lanjutan = susunan(tabel).badan
    assert [angka(s.nilai) for s in urusan.sel[4:]] == ["", ""]
    assert [angka(s.nilai) for s in pertama.sel[4:]] == ["1", "2"]
    assert pertama.sel[5].jejak == "jumlah" and "dihitung" in pertama.sel[5].kelas
    target, pagu = lanjutan.sel[4:]
    assert angka(target.nilai) == "-"  # the indicator's own missing target
    assert angka(pagu.nilai) == "" and not pagu.jejak  # the node's budget, printed once


def test_the_lkj_tables_have_pages_too(client, db):
    from renja.impor import impor_plan

    fixtures = Path(__file__).resolve().parent.parent / "fixtures"
    impor_plan([fixtures / "dumai_lkj_2023.csv"])
    dumai = PerangkatDaerah.objects.get(pemda__nama="Kota Dumai", kode="BKPSDM")
    admin = UserFactory(username="root", is_superuser=True, is_staff=True)
    client.force_login(admin)
    for tabel, teks in (
        ("pk", "Perjanjian Kinerja"),
        ("lkj_capaian", "109,87"),  # Indeks Kepuasan Aparatur 92,29 / 84
        ("lkj_anggaran", "96,93"),
        ("lkj_efisiensi", "Kurang Efisien"),
    ):
        response = client.get(url_tabel(dumai, tabel, tahun=2023))
        assert response.status_code == 200, tabel
        assert teks in response.content.decode(), tabel
