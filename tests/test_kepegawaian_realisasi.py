"""Indicators computed from the staff roster (domain.md §7): the realisation of each ended
quarter is the measure on its last day, written with history like any other realisation.

Roster of Kota Batam (hand-counted):

| pegawai | pendidikan | tmt | keluar | counted on 31-03 | 30-06 | 30-09 |
|---|---|---|---|---|---|---|
| a | S1 | 2010-03 | – | yes | yes | yes |
| b | S2 | 2005-01 | – | yes | yes | yes |
| c | SMA | 2012-02 | – | yes | yes | yes |
| d | D3 | 2011-01 | 2024-05-31 | yes | no | no |
| e | S1 | 2024-07 | – | no | no | yes |

D-IV/S1 or higher: TW I 2 of 4 = 50 %; TW II 2 of 3 = 66,67 %; TW III 3 of 4 = 75 %.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from kepegawaian.models import Pegawai
from kepegawaian.services import realisasi_hitung
from renja.akses import AksesDitolak
from renja.models import Indikator, Jenis, Nilai
from tests.factories import sub_kegiatan

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("celery_eager")]


@pytest.fixture
def roster(batam, bkpsdm):
    data = [
        ("198001012010031001", "S1", date(2010, 3, 1), None),
        ("197505052005012001", "S2", date(2005, 1, 1), None),
        ("199002022012022001", "SMA", date(2012, 2, 1), None),
        ("198501012011011001", "D3", date(2011, 1, 1), date(2024, 5, 31)),
        ("199601012024071001", "S1", date(2024, 7, 1), None),
    ]
    for nip, didik, tmt, keluar in data:
        Pegawai.objects.create(
            pemda=batam, nip=nip, nama=nip, status="PNS", golongan="III/a",
            jenis_jabatan="pelaksana", pendidikan=didik, unit_kerja=bkpsdm,
            jenis_kelamin="L" if nip[14] == "1" else "P", tmt=tmt, tanggal_keluar=keluar,
        )  # fmt: skip
    return batam


@pytest.fixture
def iku(renstra):
    node = sub_kegiatan(renstra, "5.03.02.2.01.0001")
    return Indikator.objects.create(
        program_kegiatan=node.parent.parent,
        nama="Persentase ASN berkualifikasi D-IV/S1 ke atas",
        satuan="%",
        sumber_data=Indikator.SumberData.KEPEGAWAIAN,
        ukuran_kepegawaian=Indikator.UkuranKepegawaian.PERSEN_D4_KEATAS,
    )


def _realisasi(ind) -> dict[int, Decimal]:
    return {
        n.triwulan: n.angka
        for n in Nilai.objects.filter(indikator=ind, jenis=Jenis.REALISASI, tahun=2024)
    }


def test_every_ended_quarter_gets_the_share_on_its_last_day(alice, roster, iku):
    hasil = realisasi_hitung(oleh=alice, indikator=iku, tahun=2024, hari_ini=date(2024, 10, 15))
    assert [h.triwulan for h in hasil] == [1, 2, 3]  # TW IV has not ended
    assert _realisasi(iku) == {1: Decimal("50"), 2: Decimal("66.67"), 3: Decimal("75")}
    n = Nilai.objects.get(indikator=iku, triwulan=2)
    rekam = n.history.get()
    assert rekam.history_change_reason == "kepegawaian" and rekam.history_user == alice


def test_computing_again_with_the_same_roster_writes_nothing_new(alice, roster, iku):
    realisasi_hitung(oleh=alice, indikator=iku, tahun=2024, hari_ini=date(2024, 10, 15))
    realisasi_hitung(oleh=alice, indikator=iku, tahun=2024, hari_ini=date(2024, 10, 15))
    assert Nilai.history.filter(indikator=iku).count() == 3


def test_counts_and_s2_shares_are_measured_too(alice, roster, iku):
    iku.ukuran_kepegawaian = Indikator.UkuranKepegawaian.JUMLAH_S2_KEATAS
    iku.satuan = "orang"
    iku.save()
    realisasi_hitung(oleh=alice, indikator=iku, tahun=2024, hari_ini=date(2024, 7, 1))
    assert _realisasi(iku) == {1: Decimal(1), 2: Decimal(1)}
    iku.ukuran_kepegawaian = Indikator.UkuranKepegawaian.JUMLAH_ASN
    iku.save()
    realisasi_hitung(oleh=alice, indikator=iku, tahun=2024, hari_ini=date(2024, 7, 1))
    assert _realisasi(iku) == {1: Decimal(4), 2: Decimal(3)}


def test_a_hand_typed_indicator_and_the_head_are_refused(alice, charlie, roster, iku, renstra):
    manual = Indikator.objects.create(
        program_kegiatan=iku.program_kegiatan, nama="Lain", satuan="%"
    )
    with pytest.raises(ValidationError, match="diisi manual"):
        realisasi_hitung(oleh=alice, indikator=manual, tahun=2024, hari_ini=date(2024, 12, 31))
    with pytest.raises(AksesDitolak):
        realisasi_hitung(oleh=charlie, indikator=iku, tahun=2024, hari_ini=date(2024, 12, 31))
    assert not Nilai.objects.filter(jenis=Jenis.REALISASI).exists()


def test_the_realisation_grid_offers_the_computation_and_the_history_names_it(
    client, alice, bkpsdm, roster, iku
):
    client.force_login(alice)
    halaman = client.get(reverse("isian:realisasi", args=[bkpsdm.pk, 2024])).content.decode()
    assert "data kepegawaian" in halaman
    url = reverse("kepegawaian:hitung_realisasi", args=[bkpsdm.pk, 2024, iku.pk])
    assert url in halaman
    r = client.post(url)
    assert r.status_code == 200 and r["HX-Refresh"] == "true"
    # 2024 has ended: all four quarters (TW IV: same roster as TW III).
    assert _realisasi(iku)[4] == Decimal("75")
    kunci = f"i-{iku.pk}-realisasi-2024-4"
    riwayat = client.get(reverse("isian:riwayat", args=[bkpsdm.pk, 2024]) + f"?kunci={kunci}")
    assert "Dihitung dari data kepegawaian" in riwayat.content.decode()


def test_an_indicator_from_the_roster_must_say_what_it_measures(iku):
    from django.db import IntegrityError, transaction

    with transaction.atomic(), pytest.raises(IntegrityError):
        Indikator.objects.filter(pk=iku.pk).update(ukuran_kepegawaian="")
    with transaction.atomic(), pytest.raises(IntegrityError):
        Indikator.objects.filter(pk=iku.pk).update(sumber_data="manual")


def test_alice_marks_an_indicator_as_computed_from_the_roster_in_the_renja_grid(
    client, alice, charlie, bkpsdm, iku
):
    manual = Indikator.objects.create(
        program_kegiatan=iku.program_kegiatan, nama="Persentase ASN S-2", satuan="%"
    )
    url = reverse("isian:indikator_atribut", args=[bkpsdm.pk, 2024, manual.pk])
    client.force_login(alice)
    halaman = client.get(reverse("isian:rencana", args=[bkpsdm.pk, 2024])).content.decode()
    assert f'id="atr-{manual.pk}-sumber"' in halaman and ">Isian manual<" in halaman
    r = client.post(url, {"atribut": "sumber", "nilai": "persen_s2_keatas"})
    assert r.status_code == 200
    manual.refresh_from_db()
    assert (manual.sumber_data, manual.ukuran_kepegawaian) == ("kepegawaian", "persen_s2_keatas")
    assert manual.history.first().history_user == alice
    r = client.post(url, {"atribut": "sumber", "nilai": "jumlah_kucing"})
    assert r.status_code == 422 and "Pilih sumber data" in r.content.decode()
    assert client.post(url, {"atribut": "sumber", "nilai": ""}).status_code == 200
    manual.refresh_from_db()
    assert (manual.sumber_data, manual.ukuran_kepegawaian) == ("manual", "")
    client.force_login(charlie)
    assert client.post(url, {"atribut": "sumber", "nilai": "jumlah_asn"}).status_code == 403
