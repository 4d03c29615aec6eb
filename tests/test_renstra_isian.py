"""The Renstra planner page (issue 5 point 2): tujuan, sasaran, their indicators and targets,
the plan tree's Renstra targets and budgets; access per persona, history and query counts."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from renja.models import Indikator, Jenis, Level, Nilai, Peran, Sasaran, Tujuan
from tests.factories import RenstraFactory, UserFactory, anggota, sub_kegiatan

# The conftest Renstra: BKPSDM 2021-2026.
MULAI, SELESAI = 2021, 2026


def url(nama: str, renstra, *args) -> str:
    return reverse(
        f"renstra:{nama}", args=[renstra.perangkat_daerah_id, renstra.tahun_mulai, *args]
    )


def simpan_sel(client, renstra, kunci: str, nilai: str, revisi: str = ""):
    """A cell save, exactly as the page's cell partial posts it (the grid's endpoint)."""
    return client.post(
        reverse("isian:sel_simpan", args=[renstra.perangkat_daerah_id, renstra.tahun_mulai]),
        {"kunci": kunci, "nilai": nilai, "revisi": revisi, "tampilan": "rencana"},
        HTTP_HX_REQUEST="true",
    )


def kunci(ind, jenis: str = "target_renstra", tahun: int = 2022) -> str:
    return f"i-{ind.pk}-{jenis}-{tahun}-0"


@pytest.fixture
def iku(renstra):
    """Tujuan T1 → sasaran S1 with one indicator (IKU)."""
    t = Tujuan.objects.create(renstra=renstra, kunci="T1", uraian="Meningkatkan kualitas ASN")
    s = Sasaran.objects.create(
        renstra=renstra, tujuan=t, kunci="S1", uraian="Meningkatnya profesionalitas ASN"
    )
    ind = Indikator.objects.create(sasaran=s, nama="Indeks Profesionalitas ASN", satuan="indeks")
    return t, s, ind


# --- entering the Renstra --------------------------------------------------------------------------


def test_alice_adds_a_tujuan_a_sasaran_an_indicator_and_targets_stored_with_the_right_kind_and_year(
    client, alice, renstra
):
    client.force_login(alice)
    r = client.post(url("tujuan_tambah", renstra), {"kunci": "", "uraian": "  Meningkatkan  ASN "})
    assert r.status_code == 200 and r["HX-Retarget"] == "#bagian-sasaran"
    tujuan = Tujuan.objects.get(renstra=renstra)
    assert (tujuan.kunci, tujuan.uraian) == ("T1", "Meningkatkan ASN")
    assert "Tujuan T1 ditambahkan." in r.content.decode()

    r = client.post(
        url("sasaran_tambah", renstra, tujuan.pk),
        {"tujuan": tujuan.pk, "kunci": "", "uraian": "Meningkatnya kinerja ASN"},
    )
    assert r.status_code == 200
    sasaran = Sasaran.objects.get(renstra=renstra)
    assert (sasaran.kunci, sasaran.tujuan) == ("S1", tujuan)

    r = client.post(
        url("indikator_sasaran", renstra, sasaran.pk),
        {
            "nama": "Persentase ASN berkinerja baik",
            "satuan": "%",
            "polaritas": "positif",
            "akumulasi": "non_kumulatif",
        },
    )
    assert r.status_code == 200
    ind = Indikator.objects.get(sasaran=sasaran)
    assert (ind.satuan, ind.tujuan_id, ind.program_kegiatan_id) == ("%", None, None)
    # The section now shows a cell per year of the period and the end target.
    html = r.content.decode()
    for t in range(MULAI, SELESAI + 1):
        assert f'id="sel-i-{ind.pk}-target_renstra-{t}-0"' in html
    assert f'id="sel-i-{ind.pk}-target_renstra_akhir-{SELESAI}-0"' in html

    assert simpan_sel(client, renstra, kunci(ind, tahun=2022), "72,5").status_code == 200
    assert (
        simpan_sel(client, renstra, kunci(ind, "target_renstra_akhir", SELESAI), "90").status_code
        == 200
    )
    tersimpan = {
        (n.jenis, n.tahun, n.triwulan): n.angka for n in Nilai.objects.filter(indikator=ind)
    }
    assert tersimpan == {
        (Jenis.TARGET_RENSTRA, 2022, 0): Decimal("72.5"),
        (Jenis.TARGET_RENSTRA_AKHIR, SELESAI, 0): Decimal("90"),
    }
    # Reloading the page shows them the Indonesian way.
    page = client.get(url("isian", renstra)).content.decode()
    assert 'value="72,5"' in page and 'value="90"' in page


def test_tujuan_and_sasaran_changes_are_in_their_history_with_who_and_the_form_path(
    client, alice, renstra
):
    client.force_login(alice)
    client.post(url("tujuan_tambah", renstra), {"uraian": "Tujuan"})
    tujuan = Tujuan.objects.get()
    client.post(url("tujuan_ubah", renstra, tujuan.pk), {"kunci": "T1", "uraian": "Tujuan baru"})
    client.post(url("sasaran_tambah", renstra, tujuan.pk), {"tujuan": tujuan.pk, "uraian": "S"})
    rekaman = list(tujuan.history.order_by("history_id"))
    assert [(r.uraian, r.history_user, r.history_change_reason) for r in rekaman] == [
        ("Tujuan", alice, "form"),
        ("Tujuan baru", alice, "form"),
    ]
    assert Sasaran.objects.get().history.get().history_user == alice


def test_a_tujuan_indicator_takes_targets_too(client, alice, renstra, iku):
    tujuan, _, _ = iku
    client.force_login(alice)
    r = client.post(
        url("indikator_tujuan", renstra, tujuan.pk),
        {
            "nama": "Indeks Kepuasan Aparatur",
            "satuan": "indeks",
            "polaritas": "positif",
            "akumulasi": "rata_rata",
        },
    )
    assert r.status_code == 200
    ind = Indikator.objects.get(tujuan=tujuan)
    assert ind.akumulasi == "rata_rata"
    assert simpan_sel(client, renstra, kunci(ind, tahun=MULAI), "81.5").status_code == 200
    assert Nilai.objects.get(indikator=ind).angka == Decimal("81.5")


def test_blank_keys_are_numbered_after_the_highest_and_a_taken_key_is_refused(
    client, alice, renstra, iku
):
    client.force_login(alice)
    Tujuan.objects.create(renstra=renstra, kunci="T7", uraian="Lain")
    client.post(url("tujuan_tambah", renstra), {"uraian": "Baru"})
    assert Tujuan.objects.filter(renstra=renstra, kunci="T8").exists()
    r = client.post(url("tujuan_tambah", renstra), {"kunci": "T1", "uraian": "Ganda"})
    assert r.status_code == 422
    html = r.content.decode()
    assert "Kode T1 sudah dipakai tujuan lain." in html
    assert "Ganda" in html and 'aria-invalid="true"' in html


def test_a_sasaran_edited_with_a_blank_key_keeps_its_own_and_cannot_take_anothers(
    client, alice, renstra, iku
):
    _, sasaran, _ = iku
    lain = Sasaran.objects.create(renstra=renstra, tujuan=sasaran.tujuan, kunci="S4", uraian="L")
    client.force_login(alice)
    ubah = url("sasaran_ubah", renstra, lain.pk)
    r = client.post(ubah, {"tujuan": lain.tujuan_id, "kunci": "", "uraian": "Lain diubah"})
    assert r.status_code == 200
    lain.refresh_from_db()
    assert (lain.kunci, lain.uraian) == ("S4", "Lain diubah")
    r = client.post(ubah, {"tujuan": lain.tujuan_id, "kunci": sasaran.kunci, "uraian": "Ganda"})
    assert r.status_code == 422
    assert f"Kode {sasaran.kunci} sudah dipakai sasaran lain." in r.content.decode()
    lain.refresh_from_db()
    assert lain.kunci == "S4"
    client.post(
        url("sasaran_tambah", renstra, lain.tujuan_id), {"tujuan": lain.tujuan_id, "uraian": "B"}
    )
    assert Sasaran.objects.filter(renstra=renstra, kunci="S5", uraian="B").exists()


@pytest.mark.parametrize("ketik", ["1.234.567,89", "1234567.89"])
def test_targets_accept_the_indonesian_and_the_dotted_number_format(
    client, alice, renstra, iku, ketik
):
    _, _, ind = iku
    client.force_login(alice)
    r = simpan_sel(client, renstra, kunci(ind), ketik)
    assert r.status_code == 200
    assert Nilai.objects.get(indikator=ind).angka == Decimal("1234567.89")
    assert 'value="1.234.567,89"' in r.content.decode()


def test_a_bad_number_is_refused_with_the_message_and_the_typed_text_kept(
    client, alice, renstra, iku
):
    _, _, ind = iku
    client.force_login(alice)
    r = simpan_sel(client, renstra, kunci(ind), "12,3,4")
    assert r.status_code == 422
    html = r.content.decode()
    assert "Angka tidak dikenali: 12,3,4" in html
    assert 'value="12,3,4"' in html and 'aria-invalid="true"' in html
    assert not Nilai.objects.filter(indikator=ind).exists()


def test_a_qualitative_target_is_kept_as_text(client, alice, renstra, iku):
    _, _, ind = iku
    client.force_login(alice)
    assert simpan_sel(client, renstra, kunci(ind), "BB").status_code == 200
    assert Nilai.objects.get(indikator=ind).teks == "BB"


def test_the_end_target_belongs_to_the_last_year_and_targets_to_the_period(
    client, alice, renstra, iku
):
    _, _, ind = iku
    client.force_login(alice)
    r = simpan_sel(client, renstra, kunci(ind, "target_renstra_akhir", 2024), "90")
    assert r.status_code == 422
    assert f"disimpan pada tahun {SELESAI}, bukan 2024" in r.content.decode()
    r = simpan_sel(client, renstra, kunci(ind, "target_renstra", 2030), "90")
    assert r.status_code == 422 and "di luar periode Renstra 2021-2026" in r.content.decode()
    assert not Nilai.objects.filter(indikator=ind).exists()


def test_a_missing_unit_and_a_duplicate_name_are_refused_on_their_fields(
    client, alice, renstra, iku
):
    _, sasaran, _ = iku
    client.force_login(alice)
    data = {"nama": "Jumlah ASN", "satuan": "", "polaritas": "positif", "akumulasi": "kumulatif"}
    r = client.post(url("indikator_sasaran", renstra, sasaran.pk), data)
    assert r.status_code == 422
    html = r.content.decode()
    assert "Satuan wajib diisi" in html and 'value="Jumlah ASN"' in html

    data = {**data, "nama": "indeks  profesionalitas asn", "satuan": "indeks"}
    r = client.post(url("indikator_sasaran", renstra, sasaran.pk), data)
    assert r.status_code == 422
    assert "Indikator “Indeks Profesionalitas ASN” sudah ada pada sasaran S1." in r.content.decode()
    assert Indikator.objects.filter(sasaran=sasaran).count() == 1


def test_editing_an_indicator_changes_its_attributes_with_history(client, alice, renstra, iku):
    _, _, ind = iku
    client.force_login(alice)
    r = client.post(
        url("indikator_ubah", renstra, ind.pk),
        {
            "nama": "Indeks Profesionalitas ASN",
            "satuan": "nilai",
            "polaritas": "negatif",
            "akumulasi": "rata_rata",
        },
    )
    assert r.status_code == 200
    ind.refresh_from_db()
    assert (ind.satuan, ind.polaritas, ind.akumulasi) == ("nilai", "negatif", "rata_rata")
    terakhir = ind.history.first()
    assert terakhir.history_user == alice and terakhir.history_change_reason == "form"


def test_editing_a_sasaran_can_move_it_to_another_tujuan(client, alice, renstra, iku):
    _, sasaran, _ = iku
    lain = Tujuan.objects.create(renstra=renstra, kunci="T2", uraian="Tujuan kedua")
    client.force_login(alice)
    r = client.post(
        url("sasaran_ubah", renstra, sasaran.pk),
        {"tujuan": lain.pk, "kunci": "S1", "uraian": "Meningkatnya profesionalitas ASN"},
    )
    assert r.status_code == 200
    sasaran.refresh_from_db()
    assert sasaran.tujuan == lain


# --- deleting ----------------------------------------------------------------------------------------


def test_deleting_an_indicator_removes_its_values_and_records_who(client, alice, renstra, iku):
    _, _, ind = iku
    client.force_login(alice)
    simpan_sel(client, renstra, kunci(ind), "80")
    nilai_id = Nilai.objects.get(indikator=ind).pk
    assert (
        client.post(url("indikator_hapus", renstra, ind.pk)).status_code == 400
    )  # no confirmation
    r = client.post(url("indikator_hapus", renstra, ind.pk), {"konfirmasi": "ya"})
    assert r.status_code == 200
    assert not Indikator.objects.filter(pk=ind.pk).exists()
    assert not Nilai.objects.filter(pk=nilai_id).exists()
    hapus = Nilai.history.filter(id=nilai_id, history_type="-").get()
    assert hapus.history_user == alice and hapus.history_change_reason == "form"


def test_a_tujuan_with_sasaran_is_not_deleted_but_an_empty_one_is(client, alice, renstra, iku):
    tujuan, sasaran, _ = iku
    client.force_login(alice)
    r = client.post(url("tujuan_hapus", renstra, tujuan.pk), {"konfirmasi": "ya"})
    assert r.status_code == 422 and "masih memiliki 1 sasaran" in r.content.decode()
    assert (
        client.post(url("sasaran_hapus", renstra, sasaran.pk), {"konfirmasi": "ya"}).status_code
        == 200
    )
    assert (
        client.post(url("tujuan_hapus", renstra, tujuan.pk), {"konfirmasi": "ya"}).status_code
        == 200
    )
    assert not Tujuan.objects.filter(renstra=renstra).exists()
    assert not Indikator.objects.filter(sasaran__isnull=False).exists()


# --- conflicts and history ----------------------------------------------------------------------


def test_a_stale_revisi_is_a_conflict_showing_both_values(client, alice, renstra, iku):
    _, _, ind = iku
    client.force_login(alice)
    simpan_sel(client, renstra, kunci(ind), "80")
    nilai = Nilai.objects.get(indikator=ind)
    simpan_sel(client, renstra, kunci(ind), "85", revisi=str(nilai.revisi))
    r = simpan_sel(client, renstra, kunci(ind), "90", revisi=str(nilai.revisi))
    assert r.status_code == 409
    html = r.content.decode()
    assert "Sudah diubah orang lain." in html and "85" in html and "90" in html
    assert Nilai.objects.get(indikator=ind).angka == 85


def _sidik(html: str) -> str:
    m = re.search(r'name="sidik" value="([0-9a-f]*)"', html)
    assert m, "no fingerprint in the form"
    return m.group(1)


def test_a_tujuan_changed_since_the_form_was_opened_is_not_overwritten_silently(
    client, alice, bkpsdm, renstra, iku
):
    tujuan, _, _ = iku
    ani = UserFactory(username="ani")
    anggota(ani, peran=Peran.PERENCANA, pd=bkpsdm)
    client.force_login(alice)
    dibaca = _sidik(client.get(url("tujuan_ubah", renstra, tujuan.pk)).content.decode())
    # Ani saves first, from the form she opened at the same time.
    lain = Client()
    lain.force_login(ani)
    r = lain.post(
        url("tujuan_ubah", renstra, tujuan.pk),
        {"kunci": "T1", "uraian": "Versi Ani", "sidik": dibaca},
    )
    assert r.status_code == 200
    r = client.post(
        url("tujuan_ubah", renstra, tujuan.pk),
        {"kunci": "T1", "uraian": "Versi Alice", "sidik": dibaca},
    )
    html = r.content.decode()
    assert r.status_code == 409
    assert "Sudah diubah orang lain" in html and "Versi Ani" in html and "Versi Alice" in html
    tujuan.refresh_from_db()
    assert tujuan.uraian == "Versi Ani"
    # The form now carries the stored fingerprint: saving again is her explicit choice.
    r = client.post(
        url("tujuan_ubah", renstra, tujuan.pk),
        {"kunci": "T1", "uraian": "Versi Alice", "sidik": _sidik(html)},
    )
    assert r.status_code == 200
    tujuan.refresh_from_db()
    assert tujuan.uraian == "Versi Alice"


def test_a_stale_indicator_or_sasaran_edit_is_refused_with_what_is_stored(
    client, alice, renstra, iku
):
    _, sasaran, ind = iku
    client.force_login(alice)
    lama_ind = _sidik(client.get(url("indikator_ubah", renstra, ind.pk)).content.decode())
    lama_sas = _sidik(client.get(url("sasaran_ubah", renstra, sasaran.pk)).content.decode())
    Indikator.objects.filter(pk=ind.pk).update(satuan="poin")
    Sasaran.objects.filter(pk=sasaran.pk).update(uraian="Diubah di tempat lain")
    r = client.post(
        url("indikator_ubah", renstra, ind.pk),
        {
            "nama": ind.nama,
            "satuan": "indeks",
            "polaritas": "positif",
            "akumulasi": "non_kumulatif",
            "sidik": lama_ind,
        },
    )
    assert r.status_code == 409 and "(poin)" in r.content.decode()
    assert Indikator.objects.get(pk=ind.pk).satuan == "poin"
    r = client.post(
        url("sasaran_ubah", renstra, sasaran.pk),
        {"tujuan": sasaran.tujuan_id, "kunci": "S1", "uraian": "Baru", "sidik": lama_sas},
    )
    assert r.status_code == 409 and "Diubah di tempat lain" in r.content.decode()


def test_every_target_save_is_in_the_history_with_who_and_the_form_path(
    client, alice, renstra, iku
):
    _, _, ind = iku
    client.force_login(alice)
    simpan_sel(client, renstra, kunci(ind), "80")
    nilai = Nilai.objects.get(indikator=ind)
    simpan_sel(client, renstra, kunci(ind), "82", revisi=str(nilai.revisi))
    rekaman = list(Nilai.history.filter(indikator_id=ind.pk).order_by("history_id"))
    assert [(r.angka, r.history_user, r.history_change_reason) for r in rekaman] == [
        (Decimal("80"), alice, "form"),
        (Decimal("82"), alice, "form"),
    ]
    r = client.get(
        reverse("isian:riwayat", args=[renstra.perangkat_daerah_id, MULAI]),
        {"kunci": kunci(ind)},
    )
    assert r.status_code == 200 and "Formulir" in r.content.decode()


# --- access ------------------------------------------------------------------------------------------


def test_bob_of_another_agency_can_neither_read_nor_write_even_guessing_ids(
    client, bob, disdik, renstra, iku
):
    tujuan, sasaran, ind = iku
    client.force_login(bob)
    assert client.get(url("isian", renstra)).status_code == 403
    assert simpan_sel(client, renstra, kunci(ind), "1").status_code == 403
    assert client.post(url("tujuan_tambah", renstra), {"uraian": "x"}).status_code == 403
    # Through his own agency's URLs, BKPSDM's ids are unknown (404), never saved.
    milik_bob = RenstraFactory(perangkat_daerah=disdik)
    assert simpan_sel(client, milik_bob, kunci(ind), "1").status_code == 404
    assert client.post(url("indikator_ubah", milik_bob, ind.pk), {}).status_code == 404
    assert (
        client.post(url("indikator_hapus", milik_bob, ind.pk), {"konfirmasi": "ya"}).status_code
        == 404
    )
    assert (
        client.post(url("sasaran_hapus", milik_bob, sasaran.pk), {"konfirmasi": "ya"}).status_code
        == 404
    )
    assert client.get(url("tujuan_ubah", milik_bob, tujuan.pk)).status_code == 404
    assert not Nilai.objects.exists()
    assert Indikator.objects.filter(pk=ind.pk).exists()


@pytest.mark.parametrize("persona", ["charlie", "dina"])
def test_the_head_and_bappeda_read_but_cannot_write(client, request, persona, renstra, iku):
    tujuan, sasaran, ind = iku
    client.force_login(request.getfixturevalue(persona))
    r = client.get(url("isian", renstra))
    assert r.status_code == 200
    html = r.content.decode()
    assert "Hanya baca" in html and "+ Tambah tujuan" not in html
    assert f'id="sel-{kunci(ind)}' in html and "readonly" in html
    r = client.post(url("tujuan_tambah", renstra), {"uraian": "Tujuan baru"})
    assert r.status_code == 403 and "hanya perencana dan admin" in r.content.decode()
    r = client.post(
        url("indikator_sasaran", renstra, sasaran.pk),
        {"nama": "X", "satuan": "%", "polaritas": "positif", "akumulasi": "kumulatif"},
    )
    assert r.status_code == 403
    assert (
        client.post(url("indikator_hapus", renstra, ind.pk), {"konfirmasi": "ya"}).status_code
        == 403
    )
    assert (
        client.post(url("tujuan_hapus", renstra, tujuan.pk), {"konfirmasi": "ya"}).status_code
        == 403
    )
    assert simpan_sel(client, renstra, kunci(ind), "5").status_code == 403
    assert Tujuan.objects.count() == 1 and Indikator.objects.count() == 1
    assert not Nilai.objects.exists()


def test_the_navigation_entry_opens_the_renstra_containing_the_year(client, alice, bkpsdm, renstra):
    client.force_login(alice)
    r = client.get(reverse("renstra:masuk", args=[bkpsdm.pk, 2024]))
    assert r.status_code == 302 and r["Location"] == url("isian", renstra)
    r = client.get(reverse("renstra:masuk", args=[bkpsdm.pk, 2015]))
    assert r.status_code == 404 and "Belum ada Renstra BKPSDM" in r.content.decode()


def test_the_header_links_to_the_renstra(client, alice, bkpsdm, renstra):
    client.force_login(alice)
    html = client.get(reverse("alur:kepala"), {"pd": bkpsdm.pk, "tahun": 2024}).content.decode()
    assert reverse("renstra:masuk", args=[bkpsdm.pk, 2024]) in html


# --- the plan tree's Renstra targets and budgets ---------------------------------------------------


def test_node_indicators_take_renstra_targets_and_sub_kegiatan_renstra_budgets_sum_up(
    client, alice, renstra
):
    sub = sub_kegiatan(renstra)
    ind = sub.indikator.get()
    kegiatan, program = sub.parent, sub.parent.parent
    client.force_login(alice)
    assert simpan_sel(client, renstra, kunci(ind, tahun=2023), "12").status_code == 200
    r = simpan_sel(client, renstra, f"n-{sub.pk}-pagu_renstra-2023-0", "1.500.000")
    assert r.status_code == 200
    assert (
        Nilai.objects.get(program_kegiatan=sub, jenis=Jenis.PAGU_RENSTRA, tahun=2023).angka
        == 1500000
    )
    # A parent's budget is a sum, never typed.
    r = simpan_sel(client, renstra, f"n-{kegiatan.pk}-pagu_renstra-2023-0", "5")
    assert r.status_code == 422 and "hanya diisi pada sub kegiatan" in r.content.decode()

    page = client.get(url("isian", renstra)).content.decode()
    assert f'id="sel-n-{sub.pk}-pagu_renstra-2023-0"' in page
    assert f'id="sel-i-{ind.pk}-target_renstra_akhir-{SELESAI}-0"' in page
    assert f'<span id="rs-n{program.pk}-pagu-2023" class="jml">1.500.000</span>' in page
    assert '<span id="rs-total-pagu-2023" class="jml">1.500.000</span>' in page
    totals = client.get(url("jumlah_pagu", renstra)).content.decode()
    assert f'id="rs-n{kegiatan.pk}-pagu-2023"' in totals and 'hx-swap-oob="true"' in totals
    assert program.level == Level.PROGRAM


# --- queries -------------------------------------------------------------------------------------------


def _isi_renstra(renstra, n: int) -> None:
    for i in range(1, n + 1):
        t = Tujuan.objects.create(renstra=renstra, kunci=f"T{i}", uraian=f"Tujuan {i}")
        Indikator.objects.create(tujuan=t, nama=f"Indikator tujuan {i}", satuan="%")
        for j in range(1, 3):
            s = Sasaran.objects.create(renstra=renstra, tujuan=t, kunci=f"S{i}.{j}", uraian="s")
            ind = Indikator.objects.create(sasaran=s, nama="IKU", satuan="%")
            for tahun in range(renstra.tahun_mulai, renstra.tahun_selesai + 1):
                Nilai.objects.create(
                    indikator=ind, jenis=Jenis.TARGET_RENSTRA, tahun=tahun, angka=1
                )
    for kode in ("5.03.02.2.04.0003", "5.03.02.2.01.0002", "5.03.01.2.02.0001")[: max(1, n - 1)]:
        sub = sub_kegiatan(renstra, kode)
        Nilai.objects.create(program_kegiatan=sub, jenis=Jenis.PAGU_RENSTRA, tahun=2022, angka=10)


def _kueri(client, renstra) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url("isian", renstra)).status_code == 200
    return len(ctx.captured_queries)


def test_the_page_costs_the_same_queries_for_a_small_and_a_bigger_renstra(
    client, alice, bkpsdm, renstra, disdik
):
    client.force_login(alice)
    _isi_renstra(renstra, 1)
    kecil = _kueri(client, renstra)
    besar_renstra = RenstraFactory(perangkat_daerah=bkpsdm, tahun_mulai=2027, tahun_selesai=2031)
    _isi_renstra(besar_renstra, 4)
    assert _kueri(client, besar_renstra) == kecil


def test_the_page_runs_a_fixed_number_of_queries(client, alice, renstra, django_assert_num_queries):
    _isi_renstra(renstra, 2)
    client.force_login(alice)
    # session, user, agency, roles, renstra, period list, tujuan, sasaran, indicators, targets,
    # nodes, budgets.
    with django_assert_num_queries(12):
        assert client.get(url("isian", renstra)).status_code == 200
