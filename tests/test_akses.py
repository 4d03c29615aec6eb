"""Roles and membership: who sees which agency's plans (DEVELOPERS.md personas)."""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser

from renja import akses, selectors
from tests.factories import RenjaFactory, RenstraFactory


def test_alice_sees_her_agency_and_not_the_other_one(alice, bkpsdm, disdik):
    assert list(akses.pd_terlihat(alice)) == [bkpsdm]
    assert akses.dapat_melihat(alice, bkpsdm) and not akses.dapat_melihat(alice, disdik)
    assert akses.dapat_mengubah_nilai(alice, bkpsdm)
    assert not akses.dapat_mengubah_nilai(alice, disdik)


def test_bob_plans_for_his_own_agency_only(bob, bkpsdm, disdik):
    assert set(akses.pd_terlihat(bob)) == {disdik}
    assert not akses.dapat_mengubah_nilai(bob, bkpsdm)


def test_charlie_the_head_reads_but_does_not_type_values(charlie, bkpsdm):
    assert akses.dapat_melihat(charlie, bkpsdm)
    assert not akses.dapat_mengubah_nilai(charlie, bkpsdm)


def test_dina_of_bappeda_sees_every_agency_of_her_pemda_only(dina, bkpsdm, disdik, erik):
    assert set(akses.pd_terlihat(dina)) == {bkpsdm, disdik}
    assert not akses.dapat_mengubah_nilai(dina, bkpsdm)
    dumai_pd = erik.keanggotaan.get().perangkat_daerah
    assert not akses.dapat_melihat(dina, dumai_pd)


def test_an_anonymous_visitor_sees_nothing(bkpsdm):
    assert not akses.pd_terlihat(AnonymousUser()).exists()
    assert not akses.dapat_melihat(AnonymousUser(), bkpsdm)


def test_the_renja_list_is_filtered_by_role(
    alice, bob, dina, bkpsdm, disdik, django_assert_max_num_queries
):
    RenjaFactory(renstra=RenstraFactory(perangkat_daerah=bkpsdm))
    RenjaFactory(renstra=RenstraFactory(perangkat_daerah=disdik))
    assert [r.perangkat_daerah.kode for r in selectors.renja_terlihat(user=alice)] == ["BKPSDM"]
    assert [r.perangkat_daerah.kode for r in selectors.renja_terlihat(user=bob)] == ["DISDIK"]
    with django_assert_max_num_queries(1):
        assert [r.perangkat_daerah.kode for r in selectors.renja_terlihat(user=dina)] == [
            "BKPSDM",
            "DISDIK",
        ]


def test_every_page_but_login_requires_login(client, db):
    for url in ("/", "/admin/"):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith("/accounts/login/?next=")
    assert client.get("/accounts/login/").status_code == 200


def test_alice_logs_in_and_sees_her_renja(client, alice, renja):
    assert client.login(username="alice", password="demo")
    response = client.get("/")
    assert response.status_code == 200
    assert "BKPSDM" in response.content.decode()
