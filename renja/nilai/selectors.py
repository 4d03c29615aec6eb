"""Reads for the value writer's callers."""

from __future__ import annotations

from collections.abc import Iterable

from renja.models import Indikator, ProgramKegiatan
from renja.nilai.aturan import Pemilik


def pemilik_untuk(
    *, pd_id: int, indikator_ids: Iterable[int], node_ids: Iterable[int]
) -> dict[tuple[str, int], Pemilik]:
    """The ``Pemilik`` of node indicators and nodes of one agency, keyed ``("i"|"n", id)``: two
    queries. Ids of another agency or deleted since are absent (the caller reports them)."""
    hasil: dict[tuple[str, int], Pemilik] = {}
    ids = set(indikator_ids)
    if ids:
        for pk, mulai, selesai in Indikator.objects.filter(
            pk__in=ids, program_kegiatan__renstra__perangkat_daerah_id=pd_id
        ).values_list(
            "pk",
            "program_kegiatan__renstra__tahun_mulai",
            "program_kegiatan__renstra__tahun_selesai",
        ):
            hasil[("i", pk)] = Pemilik(pd_id=pd_id, periode=(mulai, selesai), indikator_id=pk)
    ids = set(node_ids)
    if ids:
        for pk, level, kode, mulai, selesai in ProgramKegiatan.objects.filter(
            pk__in=ids, renstra__perangkat_daerah_id=pd_id
        ).values_list("pk", "level", "kode", "renstra__tahun_mulai", "renstra__tahun_selesai"):
            hasil[("n", pk)] = Pemilik(
                pd_id=pd_id, periode=(mulai, selesai), node_id=pk, level=level, kode=kode
            )
    return hasil
