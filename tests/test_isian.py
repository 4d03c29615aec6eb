"""The planners' grid (issue 5): cells saved in place, errors on the cell, conflicts, history,
totals and capaian, access per persona and query counts."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from renja import services
from renja.impor import impor_plan
from renja.models import Indikator, Jenis, Nilai, Peran, StatusRenja
from tests.conftest import ROOT
from tests.factories import RenjaFactory, UserFactory, anggota, sub_kegiatan

BATAM = ROOT / "fixtures" / "batam_renja_2024.csv"
SUB = "5.03.02.2.04.0003"


@pytest.fixture
def plan(renstra):
    """One sub kegiatan (with the master's indicator) under its kegiatan and program."""
    node = sub_kegiatan(renstra, SUB)
    return node, node.indikator.get()


@pytest.fixture
def ani(bkpsdm):
    """A second planner of BKPSDM: the other side of a conflict."""
    user = UserFactory(username="ani", first_name="Ani", last_name="Lestari")
    anggota(user, peran=Peran.PERENCANA, pd=bkpsdm)
    return user


def url(nama: str, pd, tahun: int = 2024, *args) -> str:
    return reverse(f"isian:{nama}", args=[pd.pk, tahun, *args])


def kunci_i(ind, jenis: str = "target", tahun: int = 2024, tw: int = 0) -> str:
    return f"i-{ind.pk}-{jenis}-{tahun}-{tw}"


def kunci_n(node, jenis: str = "pagu", tahun: int = 2024, tw: int = 0) -> str:
    return f"n-{node.pk}-{jenis}-{tahun}-{tw}"


def simpan(client, pd, kunci: str, nilai: str, revisi: str = "", tampilan: str = "realisasi"):
    return client.post(
        url("sel_simpan", pd),
        {"kunci": kunci, "nilai": nilai, "revisi": revisi, "tampilan": tampilan},
        HTTP_HX_REQUEST="true",
    )


def oob(html: str, dom_id: str) -> str:
    """The text of an out-of-band span in a cell response."""
    m = re.search(rf'<span id="{dom_id}"[^>]*hx-swap-oob="true"[^>]*>([^<]*)</span>', html)
    assert m, f"{dom_id} not in response"
    return m.group(1)


# --- saving -----------------------------------------------------------------------------------


@pytest.mark.parametrize("ketik", ["1.234.567,89", "1234567.89", "Rp 1.234.567,89"])
def test_a_budget_cell_saves_in_both_number_formats(client, alice, bkpsdm, plan, ketik):
    node, _ = plan
    client.force_login(alice)
    r = simpan(client, bkpsdm, kunci_n(node), ketik)
    assert r.status_code == 200
    nilai = Nilai.objects.get(program_kegiatan=node, jenis=Jenis.PAGU, tahun=2024)
    assert nilai.angka == Decimal("1234567.89")
    html = r.content.decode()
    # The cell shows the value the Indonesian way and carries its new revisi.
    assert 'value="1.234.567,89"' in html and "tersimpan" in html
    assert f'"revisi": "{nilai.revisi}"' in html


def test_a_bad_number_is_refused_on_the_cell_and_the_typed_value_is_kept(
    client, alice, bkpsdm, plan
):
    _, ind = plan
    client.force_login(alice)
    r = simpan(client, bkpsdm, kunci_i(ind), "12,3,4")
    assert r.status_code == 422
    html = r.content.decode()
    assert "Angka tidak dikenali: 12,3,4" in html
    assert 'value="12,3,4"' in html and 'aria-invalid="true"' in html
    assert f'id="sel-{kunci_i(ind)}"' in html
    assert not Nilai.objects.filter(indikator=ind).exists()


def test_a_qualitative_target_is_kept_as_text_but_a_realisation_needs_a_number(
    client, alice, bkpsdm, plan
):
    _, ind = plan
    client.force_login(alice)
    assert simpan(client, bkpsdm, kunci_i(ind), "BB").status_code == 200
    assert Nilai.objects.get(indikator=ind, jenis=Jenis.TARGET).teks == "BB"
    r = simpan(client, bkpsdm, kunci_i(ind, "realisasi", tw=1), "BB")
    assert r.status_code == 422 and "Angka tidak dikenali: BB" in r.content.decode()


def test_a_unit_typed_with_the_number_must_be_the_indicators(client, alice, bkpsdm, plan):
    _, ind = plan  # satuan "Laporan" (from the master)
    client.force_login(alice)
    r = simpan(client, bkpsdm, kunci_i(ind), "75%")
    assert r.status_code == 422 and "berbeda dengan satuan indikator" in r.content.decode()
    assert simpan(client, bkpsdm, kunci_i(ind), "3 laporan").status_code == 200


def test_emptying_a_cell_clears_the_value_with_history(client, alice, bkpsdm, plan):
    node, _ = plan
    client.force_login(alice)
    simpan(client, bkpsdm, kunci_n(node), "1000")
    nilai = Nilai.objects.get(program_kegiatan=node)
    r = simpan(client, bkpsdm, kunci_n(node), "", revisi=str(nilai.revisi))
    assert r.status_code == 200
    assert not Nilai.objects.filter(program_kegiatan=node).exists()
    assert Nilai.history.filter(id=nilai.pk, history_type="-").exists()


def test_a_budget_on_a_kegiatan_is_refused_with_the_services_message(client, alice, bkpsdm, plan):
    node, _ = plan
    client.force_login(alice)
    r = simpan(client, bkpsdm, kunci_n(node.parent), "5000")
    assert r.status_code == 422
    assert "anggaran hanya diisi pada sub kegiatan" in r.content.decode()


def test_a_locked_renja_refuses_the_write_and_keeps_the_typed_value(client, alice, bkpsdm, plan):
    node, ind = plan
    RenjaFactory(
        renstra=node.renstra,
        tahun=2024,
        status=StatusRenja.DITETAPKAN,
        ditetapkan_pada=timezone.now(),
    )
    client.force_login(alice)
    r = simpan(client, bkpsdm, kunci_i(ind), "12")
    assert r.status_code == 422
    html = r.content.decode()
    assert "sudah ditetapkan" in html and 'value="12"' in html
    assert not Nilai.objects.filter(indikator=ind).exists()
    # Realisations are monitoring data: never locked.
    assert simpan(client, bkpsdm, kunci_i(ind, "realisasi", tw=1), "3").status_code == 200
    # The page shows the locked cells read-only, with the lock.
    page = client.get(url("rencana", bkpsdm)).content.decode()
    assert "Terkunci karena Renja ditetapkan" in page and 'class="gembok"' in page
    assert (
        "Lokasi, Pagu indikatif, Sumber dana, Target" in page
    )  # the kinds by their labels, not their keys
    # Nothing left to type in the Renja view: no add panel, no typing hints.
    assert "+ Tambah" not in page and "Tersimpan otomatis" not in page


def test_a_set_renja_freezes_its_next_year_columns_in_its_own_grid(client, alice, bkpsdm, plan):
    node, _ = plan
    RenjaFactory(
        renstra=node.renstra,
        tahun=2024,
        status=StatusRenja.DITETAPKAN,
        ditetapkan_pada=timezone.now(),
    )
    client.force_login(alice)
    r = simpan(client, bkpsdm, kunci_n(node, tahun=2025), "5.000.000", tampilan="rencana")
    assert r.status_code == 422 and "melalui isian Renja 2025" in r.content.decode()
    assert not Nilai.objects.filter(program_kegiatan=node, tahun=2025).exists()
    # The same value is the 2025 plan's own: its grid takes it.
    r = client.post(
        url("sel_simpan", bkpsdm, 2025),
        {"kunci": kunci_n(node, tahun=2025), "nilai": "5.000.000", "tampilan": "rencana"},
    )
    assert r.status_code == 200
    page = client.get(url("rencana", bkpsdm)).content.decode()
    assert f'id="sel-{kunci_n(node, tahun=2025)}"' in page
    sel = page.split(f'id="sel-{kunci_n(node, tahun=2025)}"')[1].split("</div>")[0]
    assert "readonly" in sel


def test_no_node_is_added_to_a_set_renja(client, alice, bkpsdm, plan):
    node, _ = plan
    RenjaFactory(
        renstra=node.renstra,
        tahun=2024,
        status=StatusRenja.DITETAPKAN,
        ditetapkan_pada=timezone.now(),
    )
    client.force_login(alice)
    r = client.post(url("node_form", bkpsdm), {"kode": "5.03.02.2.01.0001", "indikator": ""})
    assert r.status_code == 422
    assert "sudah ditetapkan" in r.content.decode() and "Renja Perubahan" in r.content.decode()
    assert not node.renstra.node.filter(kode="5.03.02.2.01.0001").exists()


# --- conflicts --------------------------------------------------------------------------------


def test_a_stale_save_shows_both_values_and_a_choice_then_overwrites_on_request(
    client, alice, ani, bkpsdm, plan
):
    _, ind = plan
    awal = services.nilai_simpan(
        oleh=ani, jenis=Jenis.TARGET, tahun=2024, angka=Decimal(10), indikator=ind
    )
    dibaca = awal.revisi  # alice's page shows 10 at this revisi
    services.nilai_simpan(
        oleh=ani,
        jenis=Jenis.TARGET,
        tahun=2024,
        angka=Decimal(20),
        indikator=ind,
        revisi_dibaca=dibaca,
    )
    client.force_login(alice)
    r = simpan(client, bkpsdm, kunci_i(ind), "30", revisi=str(dibaca))
    assert r.status_code == 409
    html = r.content.decode()
    assert 'class="nilai-mereka">20<' in html and 'class="nilai-anda">30<' in html
    assert "Ani Lestari" in html
    assert "Pakai nilai tersimpan" in html and "Timpa dengan isian saya" in html
    # The input keeps what alice typed and still the revisi she read: no silent overwrite.
    assert 'value="30"' in html and f'"revisi": "{dibaca}"' in html
    nilai = Nilai.objects.get(indikator=ind, jenis=Jenis.TARGET)
    assert nilai.angka == 20
    # "Timpa" posts again with the current revisi, which the button carries.
    assert f'"revisi": "{nilai.revisi}"' in html
    r = simpan(client, bkpsdm, kunci_i(ind), "30", revisi=str(nilai.revisi))
    assert r.status_code == 200
    nilai.refresh_from_db()
    assert nilai.angka == 30
    # "Pakai nilai tersimpan" re-reads the cell.
    r = client.get(url("sel_baca", bkpsdm), {"kunci": kunci_i(ind)})
    assert r.status_code == 200 and 'value="30"' in r.content.decode()


def test_a_cell_read_empty_and_filled_meanwhile_is_a_conflict(client, alice, ani, bkpsdm, plan):
    node, _ = plan
    services.nilai_simpan(oleh=ani, jenis=Jenis.PAGU, tahun=2024, angka=Decimal(500), node=node)
    client.force_login(alice)
    r = simpan(client, bkpsdm, kunci_n(node), "700", revisi="")
    assert r.status_code == 409
    assert 'class="nilai-mereka">500<' in r.content.decode()
    assert Nilai.objects.get(program_kegiatan=node).angka == 500


# --- history ----------------------------------------------------------------------------------


def test_the_history_of_a_cell_shows_who_old_new_and_the_path(
    client, alice, charlie, dina, bob, bkpsdm, plan
):
    _, ind = plan
    client.force_login(alice)
    simpan(client, bkpsdm, kunci_i(ind), "10")
    nilai = Nilai.objects.get(indikator=ind)
    simpan(client, bkpsdm, kunci_i(ind), "12,5", revisi=str(nilai.revisi))
    for pembaca in (alice, charlie, dina):
        client.force_login(pembaca)
        r = client.get(url("riwayat", bkpsdm), {"kunci": kunci_i(ind)})
        assert r.status_code == 200
        html = r.content.decode()
        assert html.count("alice") == 2 and "Formulir" in html
        assert re.search(r'class="lama">10</td><td class="baru">12,5</td>', html)
    client.force_login(bob)
    assert client.get(url("riwayat", bkpsdm), {"kunci": kunci_i(ind)}).status_code == 403


def test_the_history_names_the_import_as_the_path(client, alice, bkpsdm, tulis_csv):
    path = tulis_csv(
        [
            "Kota Batam,BKPSDM,5.03.02.2.04.0003,Evaluasi Kinerja,Jumlah Dokumen,Dokumen,positif,kumulatif,"
            "2021-2026,2024,target,4"
        ],
        nama="renja_bkpsdm.csv",
    )
    impor_plan([path], oleh=alice)
    ind = Indikator.objects.get(nama="Jumlah Dokumen")
    client.force_login(alice)
    html = client.get(url("riwayat", bkpsdm), {"kunci": kunci_i(ind)}).content.decode()
    assert "Impor" in html and "renja_bkpsdm.csv" in html


# --- totals and capaian -----------------------------------------------------------------------


def test_budget_totals_are_recomputed_up_to_the_program_in_the_response(
    client, alice, bkpsdm, renstra
):
    a = sub_kegiatan(renstra, "5.03.02.2.04.0003")
    b = sub_kegiatan(renstra, "5.03.02.2.04.0001")
    kegiatan, program = a.parent, a.parent.parent
    client.force_login(alice)
    simpan(client, bkpsdm, kunci_n(a), "1.000.000")
    r = simpan(client, bkpsdm, kunci_n(b), "2500000,50")
    html = r.content.decode()
    assert oob(html, f"jml-n{kegiatan.pk}-pagu") == "3.500.000,50"
    assert oob(html, f"jml-n{program.pk}-pagu") == "3.500.000,50"
    assert oob(html, "jml-total-pagu") == "3.500.000,50"
    # Quarterly realisation of the budget: sum per quarter, year and serapan.
    r = simpan(client, bkpsdm, kunci_n(a, "realisasi_anggaran", tw=1), "250.000")
    html = r.content.decode()
    assert oob(html, f"jml-n{program.pk}-tw1") == "250.000"
    assert oob(html, f"jml-n{a.pk}-tahun") == "250.000"
    assert oob(html, f"jml-n{a.pk}-serapan") == "25%"
    assert oob(html, f"jml-n{program.pk}-serapan") == "7,14%"
    # Nothing stored on the parents: the totals are computed.
    assert not Nilai.objects.filter(program_kegiatan__in=[kegiatan, program]).exists()


def test_capaian_follows_target_realisation_and_polarity(client, alice, bkpsdm, plan):
    _, ind = plan  # non_kumulatif by default: the year's realisation is the latest quarter
    client.force_login(alice)
    simpan(client, bkpsdm, kunci_i(ind), "8")
    html = simpan(client, bkpsdm, kunci_i(ind, "realisasi", tw=1), "2").content.decode()
    assert oob(html, f"jml-i{ind.pk}-capaian") == "25%"
    html = simpan(client, bkpsdm, kunci_i(ind, "realisasi", tw=2), "6").content.decode()
    assert oob(html, f"jml-i{ind.pk}-tahun") == "6"
    assert oob(html, f"jml-i{ind.pk}-capaian") == "75%"
    # akumulasi kumulatif: the quarters add up; polaritas negatif: (2T - R) / T.
    r = client.post(
        url("indikator_atribut", bkpsdm, 2024, ind.pk),
        {"atribut": "akumulasi", "nilai": "kumulatif"},
    )
    assert r.status_code == 200
    assert oob(r.content.decode(), f"jml-i{ind.pk}-capaian") == "100%"
    r = client.post(
        url("indikator_atribut", bkpsdm, 2024, ind.pk), {"atribut": "polaritas", "nilai": "negatif"}
    )
    assert oob(r.content.decode(), f"jml-i{ind.pk}-capaian") == "100%"
    html = simpan(client, bkpsdm, kunci_i(ind, "realisasi", tw=3), "2").content.decode()
    assert oob(html, f"jml-i{ind.pk}-tahun") == "10"
    assert oob(html, f"jml-i{ind.pk}-capaian") == "75%"  # (16 - 10) / 8
    ind.refresh_from_db()
    assert (ind.akumulasi, ind.polaritas) == ("kumulatif", "negatif")
    assert ind.history.first().history_user == alice


def test_an_empty_satuan_is_refused_on_the_attribute(client, alice, bkpsdm, plan):
    _, ind = plan
    client.force_login(alice)
    r = client.post(
        url("indikator_atribut", bkpsdm, 2024, ind.pk), {"atribut": "satuan", "nilai": " "}
    )
    assert r.status_code == 422 and "Satuan wajib diisi" in r.content.decode()
    ind.refresh_from_db()
    assert ind.satuan == "Laporan"


# --- the pages and access ---------------------------------------------------------------------


@pytest.mark.parametrize("tampilan", ["rencana", "realisasi"])
def test_the_planner_gets_inputs_and_the_head_and_bappeda_read_only(
    client, alice, charlie, dina, bkpsdm, plan, tampilan
):
    _, ind = plan
    client.force_login(alice)
    html = client.get(url(tampilan, bkpsdm)).content.decode()
    assert "Anda dapat mengubah" in html and 'hx-post="/isian/' in html
    assert f'id="sel-{kunci_i(ind)}"' in html
    for pembaca in (charlie, dina):
        client.force_login(pembaca)
        r = client.get(url(tampilan, bkpsdm))
        assert r.status_code == 200
        html = r.content.decode()
        assert "Hanya baca" in html and "readonly" in html
        assert 'hx-post="/isian/' not in html


def test_ids_and_years_print_as_plain_digits_whatever_their_size(client, alice, bkpsdm, plan):
    """A production database soon has primary keys above 999: they must not be grouped as
    figures ("12.345") inside element ids, and neither must a year ("2.024")."""
    node, _ = plan
    besar = Indikator.objects.create(
        pk=12345, program_kegiatan=node, nama="Jumlah dokumen", satuan="dokumen"
    )
    client.force_login(alice)
    for tampilan in ("rencana", "realisasi"):
        html = client.get(url(tampilan, bkpsdm)).content.decode()
        assert f'id="sel-{kunci_i(besar)}"' in html
        assert "Renja 2024" in html and "2.024" not in html
        assert "12.345" not in html
    html = client.get(url("rencana", bkpsdm)).content.decode()
    assert 'id="atr-12345-satuan"' in html and 'id="atr-12345-sumber"' in html


def test_readers_and_strangers_cannot_write(client, charlie, dina, bob, erik, bkpsdm, disdik, plan):
    _, ind = plan
    for orang, status in ((charlie, 403), (dina, 403)):
        client.force_login(orang)
        r = simpan(client, bkpsdm, kunci_i(ind), "5")
        assert r.status_code == status and "tidak berhak" in r.content.decode()
    # Another agency's planner: no read, no write, not even by guessing ids.
    for orang in (bob, erik):
        client.force_login(orang)
        assert client.get(url("rencana", bkpsdm)).status_code == 403
        assert simpan(client, bkpsdm, kunci_i(ind), "5").status_code == 403
    client.force_login(bob)
    assert simpan(client, disdik, kunci_i(ind), "5").status_code == 404
    assert client.get(url("riwayat", disdik), {"kunci": kunci_i(ind)}).status_code == 404
    r = client.post(
        url("indikator_atribut", disdik, 2024, ind.pk), {"atribut": "satuan", "nilai": "x"}
    )
    assert r.status_code == 404
    assert not Nilai.objects.exists()


def test_an_anonymous_visitor_is_sent_to_login(client, bkpsdm):
    r = client.get(url("rencana", bkpsdm))
    assert r.status_code == 302 and "/accounts/login/" in r["Location"]


# --- adding nodes from the nomenclature ------------------------------------------------------


def test_search_the_master_and_add_a_sub_kegiatan_with_its_indicator(
    client, alice, bkpsdm, renstra
):
    client.force_login(alice)
    html = client.get(url("nomenklatur_cari", bkpsdm), {"q": "5.03.02.2.04"}).content.decode()
    assert "5.03.02.2.04.0003" in html
    html = client.get(url("nomenklatur_cari", bkpsdm), {"q": "penilaian kinerja"}).content.decode()
    assert "Kinerja" in html
    form = client.get(url("node_form", bkpsdm), {"kode": SUB}).content.decode()
    assert 'value="Laporan"' in form  # the master's satuan, pre-filled
    r = client.post(
        url("node_form", bkpsdm),
        {"kode": SUB, "indikator": "Jumlah Dokumen Hasil Penilaian", "satuan": "Dokumen"},
        HTTP_HX_REQUEST="true",
    )
    assert r.status_code == 200 and r["HX-Redirect"] == url("rencana", bkpsdm)
    ind = Indikator.objects.get(program_kegiatan__kode=SUB)
    assert (ind.nama, ind.satuan) == ("Jumlah Dokumen Hasil Penilaian", "Dokumen")
    assert SUB in client.get(url("rencana", bkpsdm)).content.decode()


def test_adding_a_node_needs_a_valid_code_and_the_planner_role(
    client, alice, charlie, bkpsdm, renstra
):
    client.force_login(alice)
    r = client.post(url("node_form", bkpsdm), {"kode": "5.03.99.x", "indikator": "", "satuan": ""})
    assert r.status_code == 422 and "pesan galat" in r.content.decode()
    client.force_login(charlie)
    r = client.post(url("node_form", bkpsdm), {"kode": SUB, "indikator": "", "satuan": ""})
    assert r.status_code == 422 and "tidak berhak" in r.content.decode()


# --- performance ------------------------------------------------------------------------------

GRID_QUERIES = 14
# A save is 7 queries of this screen (session, user, agency, role, owner, totals) plus what
# services.nilai_simpan costs: its full_clean validates each CheckConstraint with a query in its
# own savepoint (about 20 of the 26). The bound is the same for a small and the Batam plan.
SAVE_QUERIES = 34


@pytest.fixture
def batam_bkpsdm(bkpsdm, celery_eager):
    impor_plan([BATAM])
    return bkpsdm


@pytest.mark.parametrize("tampilan", ["rencana", "realisasi"])
def test_the_grid_costs_the_same_queries_for_a_small_and_the_batam_plan(
    client, alice, bkpsdm, plan, tampilan, django_assert_max_num_queries
):
    client.force_login(alice)
    client.get(url(tampilan, bkpsdm))  # warm the session
    with django_assert_max_num_queries(GRID_QUERIES):
        assert client.get(url(tampilan, bkpsdm)).status_code == 200


@pytest.mark.parametrize("tampilan", ["rencana", "realisasi"])
def test_the_batam_grid_renders_within_the_same_bound(
    client, alice, batam_bkpsdm, tampilan, django_assert_max_num_queries
):
    client.force_login(alice)
    client.get(url(tampilan, batam_bkpsdm))
    with django_assert_max_num_queries(GRID_QUERIES):
        r = client.get(url(tampilan, batam_bkpsdm))
    html = r.content.decode()
    assert html.count('class="sel ') > 200
    # The Batam pagu 2024 grand total, summed from the sub kegiatan.
    assert "jml-total-pagu" in html


def test_saving_one_cell_of_the_batam_plan_takes_a_handful_of_queries(
    client, alice, batam_bkpsdm, django_assert_max_num_queries
):
    node = (
        Nilai.objects.filter(
            program_kegiatan__renstra__perangkat_daerah=batam_bkpsdm, jenis="pagu", tahun=2024
        )
        .select_related("program_kegiatan")
        .first()
    )
    assert node is not None
    client.force_login(alice)
    client.get(url("rencana", batam_bkpsdm))
    with django_assert_max_num_queries(SAVE_QUERIES):
        r = simpan(
            client, batam_bkpsdm, kunci_n(node.program_kegiatan), "1.000", revisi=str(node.revisi)
        )
    assert r.status_code == 200
    ind = Indikator.objects.filter(program_kegiatan__renstra__perangkat_daerah=batam_bkpsdm).first()
    with django_assert_max_num_queries(SAVE_QUERIES):
        assert simpan(client, batam_bkpsdm, kunci_i(ind, "realisasi", tw=1), "1").status_code == 200
