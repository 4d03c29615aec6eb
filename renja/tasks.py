"""Celery tasks: thin, take IDs, call services. Queue them with ``transaction.on_commit``."""

from __future__ import annotations

from celery import shared_task

from renja.models import PerangkatDaerah
from renja.pemeriksaan import periksa_plan


@shared_task(acks_late=True, reject_on_worker_lost=True, time_limit=300, soft_time_limit=270)
def periksa_plan_tugas(pd_id: int, tahun: int) -> list[list[str]]:
    """check_plan in the worker; returns the findings as CSV rows."""
    pd = PerangkatDaerah.objects.get(pk=pd_id)
    return [t.sebagai_baris() for t in periksa_plan(pd=pd, tahun=tahun)]
