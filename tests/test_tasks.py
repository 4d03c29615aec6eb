"""Tasks run in-process without REDIS_URL, and through a real worker in CI."""

from __future__ import annotations

import os

import pytest
from django.conf import settings

from renja.impor import impor_plan
from renja.models import PerangkatDaerah
from renja.tasks import periksa_plan_tugas

ROWS = [
    "Kota Batam,BKPSDM,5.03.02,PROGRAM KEPEGAWAIAN DAERAH,,,,,2021-2026,2024,pagu,2.000",
    "Kota Batam,BKPSDM,5.03.02.2.04.0003,Evaluasi,,,,,2021-2026,2024,pagu,1.000",
]


def _plan(tulis_csv) -> PerangkatDaerah:
    impor_plan([tulis_csv(ROWS, nama="cetak.csv")])
    return PerangkatDaerah.objects.get(kode="BKPSDM")


@pytest.mark.django_db
@pytest.mark.skipif(bool(settings.REDIS_URL), reason="eager mode only without REDIS_URL")
def test_without_redis_a_task_runs_in_process(tulis_csv):
    pd = _plan(tulis_csv)
    rows = periksa_plan_tugas.delay(pd.pk, 2024).get(timeout=5)
    assert [r[:2] for r in rows] == [["total_tidak_sesuai", "5.03.02"]]


@pytest.mark.celery_worker
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.skipif(
    not os.environ.get("CELERY_WORKER_RUNNING"), reason="needs the worker that .ci/run starts"
)
def test_a_real_worker_on_redis_runs_the_task_against_the_database(tulis_csv):
    assert not settings.CELERY_TASK_ALWAYS_EAGER
    pd = _plan(tulis_csv)
    rows = periksa_plan_tugas.delay(pd.pk, 2024).get(timeout=60)
    assert [r[:2] for r in rows] == [["total_tidak_sesuai", "5.03.02"]]
    assert rows[0][4:6] == ["1000", "2000"]


@pytest.mark.celery_worker
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.skipif(
    not os.environ.get("CELERY_WORKER_RUNNING"), reason="needs the worker that .ci/run starts"
)
def test_a_real_worker_recomputes_a_stored_table_after_a_value_changes(tulis_csv):
    import time
    from decimal import Decimal

    from evaluasi.models import HasilTabel
    from evaluasi.services import tabel_hitung
    from inti.serial import tabel_dari_json
    from renja.models import Nilai, Peran
    from renja.services import nilai_simpan
    from tests.factories import UserFactory, anggota

    pd = _plan(tulis_csv)
    alice = UserFactory(username="alice")
    anggota(alice, peran=Peran.PERENCANA, pd=pd)
    stored = tabel_hitung(pd=pd, tahun=2024, tabel="tc33")
    pagu = Nilai.objects.get(program_kegiatan__kode="5.03.02.2.04.0003", jenis="pagu")
    # Through the service layer: the save moves the agency's data version; the beat sweep
    # (run here at once instead of waiting for beat) has the worker recompute what is stale.
    nilai_simpan(
        oleh=alice, node=pagu.program_kegiatan, jenis="pagu", tahun=2024, angka=Decimal(5000)
    )
    from evaluasi.tasks import hitung_ulang_basi_tugas

    hitung_ulang_basi_tugas.delay()
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        latest = HasilTabel.objects.get(pk=stored.pk)
        if latest.sidik_jari != stored.sidik_jari:
            break
        time.sleep(0.2)
    else:
        pytest.fail("the worker did not recompute the table within 60 s")
    tabel = tabel_dari_json(latest.isi)
    assert next(b for b in tabel.baris if b.kode == "5").nilai["k6"] == Decimal(5000)


@pytest.mark.celery_worker
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.skipif(
    not os.environ.get("CELERY_WORKER_RUNNING"), reason="needs the worker that .ci/run starts"
)
def test_a_real_worker_generates_a_requested_document_and_the_row_tracks_it(tulis_csv):
    import time

    from dokumen.models import PekerjaanDokumen
    from dokumen.services import pekerjaan_minta

    pd = _plan(tulis_csv)
    # Outside a transaction the job is queued at once, to the worker on Redis.
    p = pekerjaan_minta(pd=pd, tahun=2024, jenis="renja", oleh=None)
    assert p.status == PekerjaanDokumen.Status.ANTRE
    dilihat: set[str] = set()
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline:
        p.refresh_from_db()
        dilihat.add(p.status)
        if p.status in (PekerjaanDokumen.Status.SELESAI, PekerjaanDokumen.Status.GAGAL):
            break
        time.sleep(0.1)
    else:
        pytest.fail("the worker did not finish the document within 180 s")
    assert p.status == PekerjaanDokumen.Status.SELESAI, p.galat
    assert p.progres == 100 and p.halaman > 10 and p.mulai_pada and p.selesai_pada
    with p.berkas.open("rb") as fh:
        assert fh.read(5) == b"%PDF-"
    # Asked again with nothing changed: answered from the stored file, no new render.
    lagi = pekerjaan_minta(pd=pd, tahun=2024, jenis="renja", oleh=None)
    assert lagi.dari_cache and lagi.status == PekerjaanDokumen.Status.SELESAI
    assert lagi.berkas.name == p.berkas.name
