"""Every URL pattern of the project, checked for every persona.

A new view cannot ship without an access rule: `test_every_url_pattern_has_an_access_rule`
fails for any named pattern missing from ATURAN. Each rule builds the URL's arguments from a
small world (BKPSDM Kota Batam with a Renja 2024 and a finished download job) and states the
status code each persona must get for a GET (and, for write endpoints, an empty POST).

Personas: anonim (not logged in), alice (perencana BKPSDM), bob (perencana DISDIK, same pemda),
charlie (kepala BKPSDM), dina (Bappeda Kota Batam), erik (perencana BKPSDM Kota Dumai),
admin (superuser).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from dokumen.models import PekerjaanDokumen
from tests.factories import UserFactory

PERSONA = ("anonim", "alice", "bob", "charlie", "dina", "erik", "admin")


def _pola(patterns: list[Any], ns: str | None = None) -> Iterator[str]:
    for p in patterns:
        if isinstance(p, URLResolver):
            sub = p.namespace
            yield from _pola(p.url_patterns, f"{ns}:{sub}" if ns and sub else sub or ns)
        elif isinstance(p, URLPattern) and p.name:
            yield f"{ns}:{p.name}" if ns else p.name


def nama_url() -> list[str]:
    """Every named pattern except the Django admin's (it checks staff itself; one rule below)."""
    return sorted({n for n in _pola(get_resolver().url_patterns) if not n.startswith("admin:")})


@dataclass
class Dunia:
    pd: Any
    renja: Any
    pekerjaan: Any
    indikator: Any
    extra: dict[str, Any] = field(default_factory=dict)


# Expected codes for the usual case: an agency's page that anyone with a role over it may read.
BACA_PD = {"anonim": 302, "alice": 200, "bob": 403, "charlie": 200, "dina": 200, "erik": 403, "admin": 200}  # fmt: skip
LOGIN_SAJA = {p: 200 for p in PERSONA} | {"anonim": 302}
PUBLIK = {p: 200 for p in PERSONA}
HANYA_POST = {p: 405 for p in PERSONA} | {"anonim": 302}
# An empty POST: 400 (invalid request) where the role may ask, 403 where it may not.
POST_BUAT = {"anonim": 302, "alice": 400, "bob": 403, "charlie": 400, "dina": 400, "erik": 403, "admin": 400}  # fmt: skip
# Writes reserved to the agency's perencana and admin: everyone else 403 (anonymous: login).
POST_TULIS = {"anonim": 302} | {
    p: 403 for p in ("alice", "bob", "charlie", "dina", "erik", "admin")
}
BACA_PD_400 = {p: (400 if c == 200 else c) for p, c in BACA_PD.items()}
POST_BACA_400 = BACA_PD_400
# Attribute and node forms: an empty form is 422 (invalid) for readers; the write itself is
# refused to the kepala and Bappeda by the service (tests/test_isian.py).
POST_ATRIBUT = {p: (422 if c == 200 else c) for p, c in BACA_PD.items()}
POST_NODE = POST_ATRIBUT
POST_AJUKAN = {"anonim": 302, "alice": 403, "bob": 403, "charlie": 302, "dina": 400, "erik": 403, "admin": 400}  # fmt: skip
POST_PERUBAHAN = {"anonim": 302, "alice": 400, "bob": 403, "charlie": 400, "dina": 403, "erik": 403, "admin": 400}  # fmt: skip
# Writing the narrative: perencana and admin (an empty POST names no section: 404); the
# kepala and Bappeda read only.
POST_NASKAH = {"anonim": 302, "alice": 404, "bob": 403, "charlie": 403, "dina": 403, "erik": 403, "admin": 404}  # fmt: skip


# Realisations from the roster: the agency's planner and admin (an indicator typed by hand:
# 422); the kepala and Bappeda are refused by the service.
POST_HITUNG_PEGAWAI = {"anonim": 302, "alice": 422, "bob": 403, "charlie": 403, "dina": 403, "erik": 403, "admin": 422}  # fmt: skip


@dataclass
class Aturan:
    kwargs: Callable[[Dunia], dict[str, Any]]
    get: dict[str, int]
    post: dict[str, int] | None = None  # an empty POST: refused (403) or rejected as invalid (400)
    query: str = ""


def _pd(d: Dunia) -> dict[str, Any]:
    return {"pd_id": d.pd.pk, "tahun": 2024}


def _rs(d: Dunia) -> dict[str, Any]:
    return {"pd_id": d.pd.pk, "tahun_mulai": d.renja.renstra.tahun_mulai}


def _tujuan(d: Dunia) -> Any:
    from renja.models import Tujuan

    t, _ = Tujuan.objects.get_or_create(
        renstra=d.renja.renstra, kunci="T1", defaults={"uraian": "T"}
    )
    return t


def _sasaran(d: Dunia) -> Any:
    from renja.models import Sasaran

    s, _ = Sasaran.objects.get_or_create(
        renstra=d.renja.renstra, kunci="S1", defaults={"uraian": "S", "tujuan": _tujuan(d)}
    )
    return s


def _iku(d: Dunia) -> Any:
    from renja.models import Indikator

    i, _ = Indikator.objects.get_or_create(
        sasaran=_sasaran(d), nama="IKU", defaults={"satuan": "%"}
    )
    return i


# The Renstra page's forms: an empty form is 422 for readers (the write itself is refused to the
# kepala and Bappeda by renja.renstra.services: tests/test_renstra_isian.py); a delete without its
# confirmation is 400.
BACA_PD_302 = {p: (302 if c == 200 else c) for p, c in BACA_PD.items()}

ATURAN: dict[str, Aturan] = {
    "beranda": Aturan(lambda d: {}, LOGIN_SAJA),
    "healthz": Aturan(lambda d: {}, PUBLIK),
    "login": Aturan(lambda d: {}, PUBLIK),
    # Logout is POST-only in Django 5; a GET is 405 for everyone (the middleware lets
    # an anonymous GET through to the login page first).
    "logout": Aturan(lambda d: {}, HANYA_POST),
    "password_change": Aturan(lambda d: {}, LOGIN_SAJA),
    "password_change_done": Aturan(lambda d: {}, LOGIN_SAJA),
    # Password reset by e-mail is not offered on a closed intranet; the pages exist (Django's
    # auth URLs) but sit behind login like everything else.
    "password_reset": Aturan(lambda d: {}, LOGIN_SAJA),
    "password_reset_done": Aturan(lambda d: {}, LOGIN_SAJA),
    "password_reset_confirm": Aturan(lambda d: {"uidb64": "MQ", "token": "x-y"}, LOGIN_SAJA),
    "password_reset_complete": Aturan(lambda d: {}, LOGIN_SAJA),
    "evaluasi:rencana": Aturan(_pd, BACA_PD),
    "evaluasi:tabel": Aturan(lambda d: {**_pd(d), "tabel": "tc33"}, BACA_PD),
    "dokumen:daftar": Aturan(lambda d: {}, LOGIN_SAJA),
    "dokumen:unduhan": Aturan(_pd, BACA_PD),
    "dokumen:buat": Aturan(
        _pd,
        HANYA_POST,
        post=POST_BUAT,
    ),
    "dokumen:naskah": Aturan(
        lambda d: {**_pd(d), "jenis": "renja"},
        BACA_PD,
        post=POST_NASKAH,
    ),
    "perubahan:halaman": Aturan(lambda d: {"renja_id": d.renja.pk}, BACA_PD),
    # Creating a Perubahan: kepala, perencana, admin (the demo murni is a draft: 400, refused
    # with the reason); Bappeda and other agencies 403.
    "perubahan:buat": Aturan(lambda d: {"renja_id": d.renja.pk}, HANYA_POST, post=POST_PERUBAHAN),
    "alur:menunggu": Aturan(lambda d: {}, LOGIN_SAJA),
    "alur:kepala": Aturan(lambda d: {}, LOGIN_SAJA),
    "alur:renja": Aturan(lambda d: {"renja_id": d.renja.pk}, BACA_PD),
    # Submitting the draft: the perencana may not (403); charlie (kepala) succeeds (302); after
    # that, "diajukan" is no transition from diajukan, for Bappeda and admin alike (400).
    "alur:transisi": Aturan(
        lambda d: {"renja_id": d.renja.pk, "ke": "diajukan"}, HANYA_POST, post=POST_AJUKAN
    ),
    "isian:rencana": Aturan(_pd, BACA_PD),
    "isian:realisasi": Aturan(_pd, BACA_PD),
    "isian:perubahan": Aturan(_pd, BACA_PD),
    # Cell writes: an empty POST is a 400 for anyone who may read the agency (the write
    # itself is then checked by nilai_simpan: test_isian), 403 for anyone else.
    "isian:sel_simpan": Aturan(_pd, HANYA_POST, post=POST_BACA_400),
    "isian:sel_baca": Aturan(_pd, BACA_PD_400),
    "isian:riwayat": Aturan(_pd, BACA_PD_400),
    "isian:indikator_atribut": Aturan(
        lambda d: {**_pd(d), "pk": d.indikator.pk}, HANYA_POST, post=POST_ATRIBUT
    ),
    "isian:nomenklatur_cari": Aturan(_pd, BACA_PD, query="?q=5.03"),
    "isian:node_form": Aturan(_pd, BACA_PD, post=POST_NODE),
    # The quarter's account: an empty form is 422 for readers; the kepala's and Bappeda's
    # writes are refused by the service (tests/test_isian.py).
    "isian:catatan": Aturan(_pd, BACA_PD, post=POST_ATRIBUT),
    # Realisations from the roster: the agency's planner (an indicator typed by hand: 422).
    "kepegawaian:hitung_realisasi": Aturan(
        lambda d: {**_pd(d), "pk": d.indikator.pk}, HANYA_POST, post=POST_HITUNG_PEGAWAI
    ),
    # Counts of the agency's staff (no personal data): whoever reads the agency.
    "kepegawaian:rekap": Aturan(lambda d: {"pd_id": d.pd.pk}, BACA_PD),
    "renstra:masuk": Aturan(lambda d: {"pd_id": d.pd.pk, "tahun": 2024}, BACA_PD_302),
    "renstra:isian": Aturan(_rs, BACA_PD),
    "renstra:jumlah_pagu": Aturan(_rs, BACA_PD),
    "renstra:tujuan_tambah": Aturan(_rs, BACA_PD, post=POST_ATRIBUT),
    "renstra:tujuan_ubah": Aturan(
        lambda d: {**_rs(d), "pk": _tujuan(d).pk}, BACA_PD, post=POST_ATRIBUT
    ),
    "renstra:tujuan_hapus": Aturan(
        lambda d: {**_rs(d), "pk": _tujuan(d).pk}, HANYA_POST, post=BACA_PD_400
    ),
    "renstra:sasaran_tambah": Aturan(
        lambda d: {**_rs(d), "pk": _tujuan(d).pk}, BACA_PD, post=POST_ATRIBUT
    ),
    "renstra:sasaran_ubah": Aturan(
        lambda d: {**_rs(d), "pk": _sasaran(d).pk}, BACA_PD, post=POST_ATRIBUT
    ),
    "renstra:sasaran_hapus": Aturan(
        lambda d: {**_rs(d), "pk": _sasaran(d).pk}, HANYA_POST, post=BACA_PD_400
    ),
    "renstra:indikator_tujuan": Aturan(
        lambda d: {**_rs(d), "pk": _tujuan(d).pk}, BACA_PD, post=POST_ATRIBUT
    ),
    "renstra:indikator_sasaran": Aturan(
        lambda d: {**_rs(d), "pk": _sasaran(d).pk}, BACA_PD, post=POST_ATRIBUT
    ),
    "renstra:indikator_ubah": Aturan(
        lambda d: {**_rs(d), "pk": _iku(d).pk}, BACA_PD, post=POST_ATRIBUT
    ),
    "renstra:indikator_hapus": Aturan(
        lambda d: {**_rs(d), "pk": _iku(d).pk}, HANYA_POST, post=BACA_PD_400
    ),
    "unggah:halaman": Aturan(_pd, BACA_PD),
    "unggah:templat": Aturan(lambda d: {**_pd(d), "templat": "rencana"}, BACA_PD),
    # Uploading: perencana and admin only; an empty upload is 400, an unknown preview token 409.
    "unggah:periksa": Aturan(_pd, HANYA_POST, post=POST_TULIS | {"alice": 400, "admin": 400}),
    "unggah:terapkan": Aturan(
        lambda d: {**_pd(d), "token": "tidak-ada"},
        HANYA_POST,
        post=POST_TULIS | {"alice": 409, "admin": 409},
    ),
    "dokumen:pekerjaan": Aturan(lambda d: {"pekerjaan_id": d.pekerjaan.pk}, BACA_PD),
    "dokumen:status": Aturan(lambda d: {"pekerjaan_id": d.pekerjaan.pk}, BACA_PD),
    "dokumen:unduh": Aturan(lambda d: {"pekerjaan_id": d.pekerjaan.pk}, BACA_PD),
}


@pytest.fixture
def dunia(bkpsdm, renja, alice, bob, charlie, dina, erik, settings, tmp_path) -> Dunia:
    from django.core.files.base import ContentFile

    settings.MEDIA_ROOT = tmp_path
    p = PekerjaanDokumen.objects.create(
        perangkat_daerah=bkpsdm,
        tahun=2024,
        jenis="tabel",
        tabel="tc30",
        format="csv",
        parameter={"versi": "murni"},
        status="selesai",
        progres=100,
        nama_berkas="tc30_BKPSDM_2024.csv",
    )
    p.berkas.save("tc30_BKPSDM_2024.csv", ContentFile(b"kode,uraian\n"))
    from tests.factories import sub_kegiatan

    node = sub_kegiatan(renja.renstra)
    return Dunia(pd=bkpsdm, renja=renja, pekerjaan=p, indikator=node.indikator.first())


@pytest.fixture
def orang(alice, bob, charlie, dina, erik) -> dict[str, Any]:
    admin = UserFactory(username="admin-uji", is_superuser=True, is_staff=True)
    return {
        "alice": alice,
        "bob": bob,
        "charlie": charlie,
        "dina": dina,
        "erik": erik,
        "admin": admin,
    }


def test_every_url_pattern_has_an_access_rule():
    tanpa_aturan = [n for n in nama_url() if n not in ATURAN]
    assert not tanpa_aturan, f"URL tanpa aturan akses di tests/test_izin_url.py: {tanpa_aturan}"
    usang = [n for n in ATURAN if n not in nama_url()]
    assert not usang, f"Aturan untuk URL yang tidak ada lagi: {usang}"


@pytest.mark.django_db
@pytest.mark.parametrize("nama", nama_url())
def test_each_persona_gets_what_its_role_allows(client, dunia, orang, nama):
    aturan = ATURAN.get(nama)
    if aturan is None:
        pytest.fail(f"{nama} has no access rule")
    url = reverse(nama, kwargs=aturan.kwargs(dunia)) + aturan.query
    hasil_get: dict[str, int] = {}
    hasil_post: dict[str, int] = {}
    for persona in PERSONA:
        client.logout()
        if persona != "anonim":
            client.force_login(orang[persona])
        hasil_get[persona] = client.get(url).status_code
        if aturan.post is not None:
            hasil_post[persona] = client.post(url, {}).status_code
    assert hasil_get == aturan.get
    if aturan.post is not None:
        assert hasil_post == aturan.post
    # Nothing an unauthorised POST could have created.
    assert PekerjaanDokumen.objects.count() == 1


@pytest.mark.django_db
def test_the_admin_is_for_staff_only(client, dunia, orang):
    url = reverse("admin:index")
    hasil = {}
    for persona in PERSONA:
        client.logout()
        if persona != "anonim":
            client.force_login(orang[persona])
        hasil[persona] = client.get(url).status_code
    assert hasil == {p: 302 for p in PERSONA} | {"admin": 200}


@pytest.mark.django_db
def test_guessing_another_agencys_job_id_reveals_nothing(client, dunia, orang):
    """bob (DISDIK) walks the job ids around BKPSDM's: every one is 403 or 404, never 200."""
    client.force_login(orang["bob"])
    for pk in range(max(1, dunia.pekerjaan.pk - 2), dunia.pekerjaan.pk + 3):
        for nama in ("dokumen:pekerjaan", "dokumen:status", "dokumen:unduh"):
            assert client.get(reverse(nama, args=[pk])).status_code in (403, 404)
