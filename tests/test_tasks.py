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
