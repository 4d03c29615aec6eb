"""Thin tasks: take IDs, call ``evaluasi.services``; queued after commit."""

from __future__ import annotations

from celery import shared_task
from django.db import OperationalError

from evaluasi.services import hitung_ulang_basi, hitung_ulang_pd, tabel_hitung
from renja.models import PerangkatDaerah

TASK_OPTIONS = {
    "acks_late": True,
    "reject_on_worker_lost": True,  # a killed worker's task is delivered again
    "time_limit": 600,
    "soft_time_limit": 570,
    "autoretry_for": (OperationalError,),
    "retry_backoff": True,
    "max_retries": 3,
}


@shared_task(**TASK_OPTIONS)
def hitung_tabel_tugas(
    pd_id: int, tahun: int, tabel: str, triwulan: int | None = None, versi: str = "murni"
) -> int:
    """Compute (or reuse) one table; returns the ``HasilTabel`` id."""
    pd = PerangkatDaerah.objects.select_related("pemda").get(pk=pd_id)
    return tabel_hitung(pd=pd, tahun=tahun, tabel=tabel, triwulan=triwulan, versi=versi).pk


@shared_task(**TASK_OPTIONS)
def hitung_ulang_tugas(pd_id: int) -> int:
    return hitung_ulang_pd(pd_id=pd_id)


@shared_task(**TASK_OPTIONS)
def hitung_ulang_basi_tugas() -> int:
    """Beat: recompute stored tables whose agency's data moved (see ``hitung_ulang_basi``)."""
    return hitung_ulang_basi()
