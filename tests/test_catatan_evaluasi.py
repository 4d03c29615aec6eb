"""The quarter's account (issue 5 point 2): faktor pendorong, faktor penghambat and the
follow-up, entered under the realisation grid and printed at the end of Formulir E.81."""

from __future__ import annotations

import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from evaluasi import services as evaluasi_services
from inti.ekspor import EKSPORTIR, KonteksCetak
from inti.serial import tabel_dari_json
from renja.isian.services import catatan_evaluasi_simpan
from renja.models import CatatanEvaluasi, Jenis, Nilai
from tests.factories import sub_kegiatan

SUB = "5.03.02.2.04.0003"


@pytest.fixture
def plan(renstra):
    node = sub_kegiatan(renstra, SUB)
    return node, node.indikator.get()


def url(pd, tahun: int = 2024) -> str:
    return reverse("isian:catatan", args=[pd.pk, tahun])


def isi(triwulan: int = 2, revisi: str = "", **teks: str) -> dict[str, str]:
    data = {
        "triwulan": str(triwulan),
        "revisi": revisi,
        "faktor_pendorong": "Dukungan aplikasi e-kinerja",
        "faktor_penghambat": "Jaringan lambat di kecamatan",
        "tindak_lanjut_triwulan": "Pendampingan operator",
        "tindak_lanjut_renja": "Anggaran pelatihan operator",
    }
    return data | teks


def test_alice_saves_the_account_of_a_quarter_with_its_history(client, alice, bkpsdm, plan):
    client.force_login(alice)
    r = client.post(url(bkpsdm), isi(), HTTP_HX_REQUEST="true")
    assert r.status_code == 200, r.content.decode()
    assert "Tersimpan" in r.content.decode()
    c = CatatanEvaluasi.objects.get(perangkat_daerah=bkpsdm, tahun=2024, triwulan=2)
    assert c.faktor_penghambat == "Jaringan lambat di kecamatan" and c.revisi == 0
    rekam = c.history.get()
    assert rekam.history_user == alice and rekam.history_change_reason == "form"
    # Saving again from the form she now sees moves the revisi on.
    r = client.post(url(bkpsdm), isi(revisi="0", faktor_pendorong="Aplikasi baru"))
    assert r.status_code == 200
    c.refresh_from_db()
    assert (c.faktor_pendorong, c.revisi) == ("Aplikasi baru", 1)


def test_a_stale_account_shows_what_is_stored_and_overwrites_only_on_request(
    client, alice, bkpsdm, plan
):
    client.force_login(alice)
    client.post(url(bkpsdm), isi())  # revisi 0 stored
    client.post(url(bkpsdm), isi(revisi="0", faktor_pendorong="Versi Ani"))  # revisi 1
    r = client.post(url(bkpsdm), isi(revisi="0", faktor_pendorong="Versi Alice"))
    html = r.content.decode()
    assert r.status_code == 409
    assert "Versi Ani" in html and "Versi Alice" in html and "Timpa dengan isian saya" in html
    c = CatatanEvaluasi.objects.get(perangkat_daerah=bkpsdm, tahun=2024, triwulan=2)
    assert c.faktor_pendorong == "Versi Ani"
    # "Timpa" posts the typed texts with the stored revisi.
    r = client.post(url(bkpsdm), isi(revisi="1", faktor_pendorong="Versi Alice"))
    assert r.status_code == 200
    c.refresh_from_db()
    assert c.faktor_pendorong == "Versi Alice"


def test_an_account_that_appeared_since_the_form_was_read_is_a_conflict(
    client, alice, bkpsdm, plan
):
    client.force_login(alice)
    client.post(url(bkpsdm), isi(faktor_pendorong="Pertama"))
    r = client.post(url(bkpsdm), isi(faktor_pendorong="Kedua"))  # still read as empty
    assert r.status_code == 409
    assert CatatanEvaluasi.objects.get().faktor_pendorong == "Pertama"


def test_a_too_long_text_is_refused_on_its_field_and_the_typed_texts_are_kept(
    client, alice, bkpsdm, plan
):
    client.force_login(alice)
    r = client.post(url(bkpsdm), isi(faktor_penghambat="x" * 5001))
    html = r.content.decode()
    assert r.status_code == 422
    assert "paling banyak 5000 karakter" in html or "at most 5000" in html
    assert "Dukungan aplikasi e-kinerja" in html  # the other fields keep what was typed
    assert not CatatanEvaluasi.objects.exists()


def test_the_head_bappeda_and_strangers_cannot_write_the_account(
    client, charlie, dina, bob, erik, bkpsdm, plan
):
    for orang, status in ((charlie, 403), (dina, 403), (bob, 403), (erik, 403)):
        client.force_login(orang)
        r = client.post(url(bkpsdm), isi())
        assert r.status_code == status, orang.username
    assert not CatatanEvaluasi.objects.exists()
    # The head and Bappeda read it: the form comes without a way to post.
    client.force_login(charlie)
    html = client.get(url(bkpsdm) + "?triwulan=2").content.decode()
    assert "readonly" in html and "hx-post" not in html


def test_the_realisation_page_opens_the_account_of_the_latest_quarter_entered(
    client, alice, bkpsdm, plan
):
    _, ind = plan
    Nilai.objects.create(indikator=ind, tahun=2024, jenis=Jenis.REALISASI, triwulan=3, angka=5)
    CatatanEvaluasi.objects.create(
        perangkat_daerah=bkpsdm, tahun=2024, triwulan=3, faktor_pendorong="Catatan TW III"
    )
    client.force_login(alice)
    html = client.get(reverse("isian:realisasi", args=[bkpsdm.pk, 2024])).content.decode()
    assert "Catatan TW III" in html and "Simpan catatan TW III" in html


def test_e81_prints_the_account_of_its_own_quarter_and_dashes_for_the_others(
    alice, bkpsdm, plan, celery_eager, tmp_path
):
    _, ind = plan
    Nilai.objects.create(indikator=ind, tahun=2024, jenis=Jenis.TARGET, angka=10)
    CatatanEvaluasi.objects.create(
        perangkat_daerah=bkpsdm,
        tahun=2024,
        triwulan=2,
        faktor_pendorong="Dukungan pimpinan",
        tindak_lanjut_renja="Tambah anggaran diklat",
    )
    tw2 = tabel_dari_json(
        evaluasi_services.tabel_hitung(pd=bkpsdm, tahun=2024, tabel="e81", triwulan=2).isi
    )
    assert tw2.keterangan == [
        ("Faktor pendorong keberhasilan pencapaian", "Dukungan pimpinan"),
        ("Faktor penghambat pencapaian kinerja", "-"),
        ("Tindak lanjut yang diperlukan dalam triwulan berikutnya", "-"),
        (
            "Tindak lanjut yang diperlukan dalam Renja Perangkat Daerah berikutnya",
            "Tambah anggaran diklat",
        ),
    ]
    tw1 = tabel_dari_json(
        evaluasi_services.tabel_hitung(pd=bkpsdm, tahun=2024, tabel="e81", triwulan=1).isi
    )
    assert [t for _, t in tw1.keterangan] == ["-"] * 4
    # A changed account makes the stored table stale (the save moves the data version).
    catatan = CatatanEvaluasi.objects.get(triwulan=2)
    catatan_evaluasi_simpan(
        oleh=alice,
        pd=bkpsdm,
        tahun=2024,
        triwulan=2,
        isi={
            "faktor_pendorong": catatan.faktor_pendorong,
            "faktor_penghambat": "Hujan",
            "tindak_lanjut_renja": catatan.tindak_lanjut_renja,
        },
        revisi_dibaca=catatan.revisi,
    )
    again = tabel_dari_json(
        evaluasi_services.tabel_hitung(pd=bkpsdm, tahun=2024, tabel="e81", triwulan=2).isi
    )
    assert again.keterangan[1][1] == "Hujan"
    # The workbook carries the labels and texts after the table.
    buf = io.BytesIO()
    EKSPORTIR["xlsx"].tulis(again, buf, konteks=KonteksCetak(pd_kode=bkpsdm.kode))
    ws = load_workbook(io.BytesIO(buf.getvalue())).active
    teks = [c.value for row in ws.iter_rows() for c in row if isinstance(c.value, str)]
    assert "Faktor penghambat pencapaian kinerja" in teks and "Hujan" in teks
