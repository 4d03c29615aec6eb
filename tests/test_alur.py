"""The Renja workflow pages (domain.md §6) and the application shell, per persona."""

from __future__ import annotations

import pytest
from django.urls import reverse

from renja.models import Renja, RiwayatStatus, StatusRenja
from tests.factories import RenjaFactory, RenstraFactory

S = StatusRenja


def url_renja(renja: Renja) -> str:
    return reverse("alur:renja", args=[renja.pk])


def kirim(client, renja: Renja, ke: str, catatan: str = ""):
    return client.post(reverse("alur:transisi", args=[renja.pk, ke]), {"catatan": catatan})


def status(renja: Renja) -> str:
    renja.refresh_from_db()
    return renja.status


def tombol(html: str) -> set[str]:
    return {ke for ke in S.values if f'id="form-{ke}"' in html}


@pytest.fixture
def masuk(client):
    def masuk(user):
        client.force_login(user)
        return client

    return masuk


# --- The whole path through the pages -----------------------------------------------


def test_the_full_path_through_the_pages_with_a_return_and_its_note(
    masuk, renja, alice, charlie, dina
):
    c = masuk(charlie)
    assert tombol(c.get(url_renja(renja)).content.decode()) == {S.DIAJUKAN}
    response = kirim(c, renja, S.DIAJUKAN)
    assert response.status_code == 302 and response["Location"] == url_renja(renja)
    assert status(renja) == S.DIAJUKAN
    assert "telah diajukan ke Bappeda" in c.get(url_renja(renja)).content.decode()

    d = masuk(dina)
    assert tombol(d.get(url_renja(renja)).content.decode()) == {S.DIVERIFIKASI, S.DIKEMBALIKAN}
    kirim(d, renja, S.DIKEMBALIKAN, "Target IKU 2 belum sesuai Renstra.")
    assert status(renja) == S.DIKEMBALIKAN

    # The planner sees the note on his waiting list and on the page, but has no button.
    a = masuk(alice)
    html = a.get(reverse("alur:menunggu")).content.decode()
    assert "Target IKU 2 belum sesuai Renstra." in html and url_renja(renja) in html
    html = a.get(url_renja(renja)).content.decode()
    assert "Target IKU 2 belum sesuai Renstra." in html and tombol(html) == set()

    c = masuk(charlie)
    html = c.get(url_renja(renja)).content.decode()
    assert 'id="catatan-pengembalian"' in html and tombol(html) == {S.DIAJUKAN}
    kirim(c, renja, S.DIAJUKAN, "Sudah diperbaiki.")
    d = masuk(dina)
    kirim(d, renja, S.DIVERIFIKASI)
    assert status(renja) == S.DIVERIFIKASI
    assert tombol(d.get(url_renja(renja)).content.decode()) == {S.DIKEMBALIKAN}
    c = masuk(charlie)
    assert tombol(c.get(url_renja(renja)).content.decode()) == {S.DITETAPKAN}
    kirim(c, renja, S.DITETAPKAN)
    assert status(renja) == S.DITETAPKAN and renja.ditetapkan_pada is not None

    # The history shows every step with who and the note; the page shows the lock.
    html = c.get(url_renja(renja)).content.decode()
    assert 'id="terkunci"' in html and tombol(html) == set()
    riwayat = html[html.index('id="riwayat"') :]
    for teks in ("charlie", "dina", "Target IKU 2 belum sesuai Renstra.", "Sudah diperbaiki."):
        assert teks in riwayat
    assert riwayat.count("<tr>") == 6  # header + five transitions
    assert list(RiwayatStatus.objects.values_list("ke", flat=True)) == [
        S.DIAJUKAN,
        S.DIKEMBALIKAN,
        S.DIAJUKAN,
        S.DIVERIFIKASI,
        S.DITETAPKAN,
    ]


def test_a_return_without_a_note_is_refused_on_the_field_keeping_the_other_text(masuk, renja, dina):
    renja.status = S.DIAJUKAN
    renja.save()
    d = masuk(dina)
    response = kirim(d, renja, S.DIKEMBALIKAN, "   ")
    assert response.status_code == 400
    html = response.content.decode()
    assert "Catatan wajib diisi saat mengembalikan Renja." in html
    assert 'id="catatan-dikembalikan" rows="3" placeholder' in html
    assert 'aria-invalid="true" aria-describedby="galat-dikembalikan"' in html
    assert status(renja) == S.DIAJUKAN and not RiwayatStatus.objects.exists()


def test_the_typed_note_is_kept_when_the_state_moved_meanwhile(masuk, renja, charlie):
    c = masuk(charlie)
    response = kirim(c, renja, S.DITETAPKAN, "Langsung tetapkan")  # draft: not a transition
    assert response.status_code == 400
    html = response.content.decode()
    assert "tidak dapat diubah menjadi Ditetapkan" in html
    assert status(renja) == S.DRAFT


# --- Refusals ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("dari", "ke", "persona"),
    [
        (S.DRAFT, S.DIAJUKAN, "alice"),  # a planner makes no transition
        (S.DRAFT, S.DIAJUKAN, "dina"),  # Bappeda does not submit
        (S.DIAJUKAN, S.DIVERIFIKASI, "charlie"),  # the kepala does not verify himself
        (S.DIAJUKAN, S.DIKEMBALIKAN, "alice"),
        (S.DIVERIFIKASI, S.DITETAPKAN, "dina"),  # Bappeda does not set
    ],
)
def test_a_transition_the_role_does_not_allow_is_refused_and_never_offered(
    masuk, renja, alice, charlie, dina, dari, ke, persona
):
    renja.status = dari
    renja.save()
    user = {"alice": alice, "charlie": charlie, "dina": dina}[persona]
    c = masuk(user)
    assert ke not in tombol(c.get(url_renja(renja)).content.decode())
    assert kirim(c, renja, ke, "catatan").status_code == 403
    assert status(renja) == dari and not RiwayatStatus.objects.exists()


def test_other_agencies_and_pemda_get_403_on_the_page_and_the_post(masuk, renja, bob, erik):
    for orang in (bob, erik):
        c = masuk(orang)
        assert c.get(url_renja(renja)).status_code == 403
        assert kirim(c, renja, S.DIAJUKAN).status_code == 403
    assert status(renja) == S.DRAFT


def test_the_transition_url_wants_post_and_a_known_state(masuk, renja, charlie):
    c = masuk(charlie)
    assert c.get(reverse("alur:transisi", args=[renja.pk, S.DIAJUKAN])).status_code == 405
    assert kirim(c, renja, "dihapus").status_code == 404
    assert c.get(reverse("alur:renja", args=[renja.pk + 999])).status_code == 404


def test_the_pages_require_login(client, renja):
    for url in (reverse("alur:menunggu"), url_renja(renja), reverse("alur:kepala")):
        response = client.get(url)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_a_ditetapkan_renja_is_locked_for_everybody(masuk, renja, charlie, dina, django_user_model):
    from django.utils import timezone

    renja.status, renja.ditetapkan_pada = S.DITETAPKAN, timezone.now()
    renja.save()
    admin = django_user_model.objects.create_superuser("root", password="demo")
    for orang in (charlie, dina, admin):
        c = masuk(orang)
        html = c.get(url_renja(renja)).content.decode()
        assert 'id="terkunci"' in html and tombol(html) == set()
        for ke in (S.DIKEMBALIKAN, S.DIAJUKAN):
            assert kirim(c, renja, ke, "buka lagi").status_code == 400
    assert status(renja) == S.DITETAPKAN


# --- Waiting lists -------------------------------------------------------------------


def test_each_persona_waits_for_its_own_renja(
    masuk, bkpsdm, disdik, alice, bob, charlie, dina, erik
):
    rs = RenstraFactory(perangkat_daerah=bkpsdm)
    draft = RenjaFactory(renstra=rs, tahun=2023)
    kembali = RenjaFactory(renstra=rs, tahun=2024, status=S.DIKEMBALIKAN)
    verif = RenjaFactory(renstra=rs, tahun=2025, status=S.DIVERIFIKASI)
    RiwayatStatus.objects.create(
        renja=kembali, dari=S.DIAJUKAN, ke=S.DIKEMBALIKAN, oleh=dina, catatan="Lengkapi lokasi."
    )
    diajukan = RenjaFactory(renstra=RenstraFactory(perangkat_daerah=disdik), status=S.DIAJUKAN)

    def daftar(user) -> str:
        return masuk(user).get(reverse("alur:menunggu")).content.decode()

    html = daftar(charlie)
    for r in (draft, kembali, verif):
        assert url_renja(r) in html
    assert url_renja(diajukan) not in html and "Lengkapi lokasi." in html
    assert "Perlu ditetapkan" in html and "Perlu diajukan ke Bappeda" in html

    html = daftar(dina)
    assert url_renja(diajukan) in html and "Perlu diverifikasi atau dikembalikan" in html
    assert all(url_renja(r) not in html for r in (draft, kembali, verif))

    html = daftar(alice)
    assert url_renja(kembali) in html and "Lengkapi lokasi." in html
    assert all(url_renja(r) not in html for r in (draft, verif, diajukan))

    for orang in (bob, erik):
        html = daftar(orang)
        assert 'id="tidak-ada"' in html


def test_the_navigation_shows_the_waiting_count_and_links_by_role(
    masuk, bkpsdm, charlie, dina, alice, django_user_model
):
    rs = RenstraFactory(perangkat_daerah=bkpsdm)
    RenjaFactory(renstra=rs, tahun=2023)
    RenjaFactory(renstra=rs, tahun=2024, status=S.DIVERIFIKASI)
    url = reverse("alur:kepala")

    html = masuk(charlie).get(url).content.decode()
    assert 'id="jumlah-menunggu"' in html and ">2</mark>" in html and "Persetujuan" in html
    assert "Kepala perangkat daerah" in html and "/admin/" not in html
    assert 'id="konteks-pemda">Kota Batam' in html and 'id="konteks-pd"' in html
    assert 'id="konteks-tahun">2024' in html  # the latest Renja year

    html = masuk(dina).get(url).content.decode()
    assert 'id="jumlah-menunggu"' not in html and "Verifikasi" in html

    html = masuk(alice).get(url).content.decode()
    assert "Perlu diperbaiki" in html and 'id="jumlah-menunggu"' not in html

    admin = django_user_model.objects.create_superuser("root", password="demo")
    html = masuk(admin).get(url).content.decode()
    assert 'href="/admin/"' in html and ">1</mark>" in html  # the verified one, to set


def test_the_base_page_loads_the_header_with_htmx_and_keeps_the_blocks(masuk, renja, charlie):
    html = masuk(charlie).get("/").content.decode()
    assert 'hx-get="/alur/kepala/?' in html and 'hx-trigger="load"' in html
    assert "vendor/pico/pico.min.css" in html and "vendor/htmx/htmx.min.js" in html
    assert 'hx-headers=\'{"X-CSRFToken": "' in html
    assert f'href="{url_renja(renja)}"' in html  # the dashboard links the workflow page


def test_the_selected_agency_and_year_come_from_the_querystring_then_the_session(
    masuk, bkpsdm, disdik, dina
):
    RenjaFactory(renstra=RenstraFactory(perangkat_daerah=bkpsdm), tahun=2024)
    RenjaFactory(renstra=RenstraFactory(perangkat_daerah=disdik), tahun=2023)
    d = masuk(dina)
    html = d.get(reverse("alur:kepala")).content.decode()
    assert 'id="konteks-pd" title="Badan' in html  # BKPSDM, the first by code
    html = d.get("/", {"pd": disdik.pk, "tahun": 2023}).content.decode()
    assert d.session["konteks_pd"] == disdik.pk and d.session["konteks_tahun"] == 2023
    html = d.get(reverse("alur:kepala")).content.decode()
    assert 'id="konteks-pd" title="Dinas Pendidikan">DISDIK' in html
    assert 'id="konteks-tahun">2023' in html
    # A page about another agency shows it without changing the remembered choice.
    html = d.get(reverse("evaluasi:rencana", args=[bkpsdm.pk, 2024])).content.decode()
    assert f"pd={bkpsdm.pk}&amp;tahun=2024&amp;sementara=1" in html
    d.get(reverse("alur:kepala"), {"pd": bkpsdm.pk, "tahun": 2024, "sementara": 1})
    assert d.session["konteks_pd"] == disdik.pk
    # An agency the user may not see is ignored.
    d.get("/", {"pd": 999_999})
    assert d.session["konteks_pd"] == bkpsdm.pk


def test_login_and_logout(client, alice):
    html = client.get("/accounts/login/").content.decode()
    assert 'id="id_username"' in html and 'id="id_password"' in html
    assert 'button type="submit"' in html
    response = client.post("/accounts/login/", {"username": "alice", "password": "demo"})
    assert response.status_code == 302 and response["Location"] == "/"
    assert client.post("/accounts/logout/").status_code == 302
    assert client.get("/").status_code == 302


# --- Query counts --------------------------------------------------------------------


@pytest.mark.parametrize("n", [1, 12])
def test_query_counts_do_not_grow_with_the_number_of_renja(
    masuk, batam, dina, charlie, bkpsdm, n, django_assert_max_num_queries
):
    from tests.factories import PerangkatDaerahFactory

    for i in range(n):
        pd = PerangkatDaerahFactory(pemda=batam, kode=f"PD{i:02d}")
        rs = RenstraFactory(perangkat_daerah=pd)
        r = RenjaFactory(renstra=rs, tahun=2024, status=S.DIAJUKAN)
        RiwayatStatus.objects.create(renja=r, dari=S.DRAFT, ke=S.DIAJUKAN, oleh=charlie)
        RiwayatStatus.objects.create(
            renja=r, dari=S.DIAJUKAN, ke=S.DIKEMBALIKAN, oleh=dina, catatan=f"c{i}"
        )
        RiwayatStatus.objects.create(renja=r, dari=S.DIKEMBALIKAN, ke=S.DIAJUKAN, oleh=charlie)
    rs_bkpsdm = RenstraFactory(perangkat_daerah=bkpsdm)
    for tahun in range(2021, 2021 + min(n, 6)):
        RenjaFactory(renstra=rs_bkpsdm, tahun=tahun)
    r = Renja.objects.filter(perangkat_daerah__kode="PD00").get()
    d = masuk(dina)
    # session + user, then the page's own reads; the same whatever n is.
    with django_assert_max_num_queries(8):
        assert d.get(reverse("alur:menunggu")).status_code == 200
    with django_assert_max_num_queries(7):
        assert d.get(url_renja(r)).status_code == 200
    # The header: session + user, roles, agencies, latest Renja (no choice yet), its Renja,
    # the waiting count.
    with django_assert_max_num_queries(7):
        assert d.get(reverse("alur:kepala")).status_code == 200
    with django_assert_max_num_queries(9):
        assert d.get("/").status_code == 200
    c = masuk(charlie)
    with django_assert_max_num_queries(7):
        assert c.get(reverse("alur:kepala")).status_code == 200
    with django_assert_max_num_queries(8):
        assert c.get(reverse("alur:menunggu")).status_code == 200
