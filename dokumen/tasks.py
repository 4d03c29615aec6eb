"""Thin tasks: take IDs, call ``dokumen.services``; queued after commit."""

from __future__ import annotations

from celery import shared_task
from django.db import OperationalError

from dokumen import services


@shared_task(
    acks_late=True,
    reject_on_worker_lost=True,  # a killed worker's document is generated again
    time_limit=900,
    soft_time_limit=870,
    autoretry_for=(OperationalError,),
    retry_backoff=True,
    max_retries=3,
)
def buat_dokumen_tugas(pekerjaan_id: int) -> int:
    """Generate one requested file; its row carries status, progress and the result."""
    return services.pekerjaan_jalankan(pekerjaan_id=pekerjaan_id).pk


@shared_task(time_limit=600)
def bersihkan_tugas() -> dict[str, int]:
    """Nightly (beat): expired files and cached parts."""
    return services.bersihkan()
