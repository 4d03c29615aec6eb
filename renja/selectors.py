"""Reads. Every query a view or a report needs, with a fixed number of queries."""

from __future__ import annotations

from django.db.models import Q, QuerySet
from django.shortcuts import get_object_or_404

from inti.ekspor import KonteksCetak
from renja import akses
from renja.models import (
    Indikator,
    Nilai,
    NilaiTercetak,
    PerangkatDaerah,
    ProgramKegiatan,
    Renja,
    Renstra,
)


def renja_terlihat(*, user: akses.AnyUser) -> QuerySet[Renja]:
    return (
        Renja.objects.filter(perangkat_daerah__in=akses.pd_terlihat(user))
        .select_related("perangkat_daerah", "perangkat_daerah__pemda")
        .order_by("perangkat_daerah__kode", "-tahun", "versi")
    )


def konteks_dari_pd(
    pd: PerangkatDaerah, *, tahun: int, versi: str = "murni", kertas: str = "A4"
) -> KonteksCetak:
    """What a printed table of this perangkat daerah says about itself beside the table."""
    return {
        "pemda": pd.pemda.nama,
        "pd_nama": pd.nama,
        "pd_kode": pd.kode,
        "perangkat_daerah": f"{pd.nama} ({pd.kode})",
        "tahun": tahun,
        "versi": versi,
        "kertas": kertas,
    }


def pd_dari_kode(*, pemda: str, opd: str) -> PerangkatDaerah:
    """The perangkat daerah named on the command line; DoesNotExist if absent."""
    return PerangkatDaerah.objects.select_related("pemda").get(pemda__nama=pemda, kode=opd)


def renstra_untuk_tahun(*, pd: PerangkatDaerah, tahun: int) -> Renstra | None:
    """The Renstra period containing ``tahun``; else the latest one that started before it.

    Transition years (a new Renstra not yet set) still belong to the old period
    (contract §1).
    """
    daftar = list(Renstra.objects.filter(perangkat_daerah=pd).order_by("-tahun_mulai"))
    for renstra in daftar:
        if renstra.tahun_mulai <= tahun <= renstra.tahun_selesai:
            return renstra
    sebelumnya = [r for r in daftar if r.tahun_mulai <= tahun]
    return sebelumnya[0] if sebelumnya else None


def node_pohon(*, renstra: Renstra) -> list[ProgramKegiatan]:
    """All nodes of a plan tree in code order, master names joined: one query."""
    return list(
        ProgramKegiatan.objects.filter(renstra=renstra)
        .select_related("nomenklatur")
        .order_by("kode")
    )


def nilai_node(*, renstra: Renstra) -> QuerySet[Nilai]:
    return Nilai.objects.filter(program_kegiatan__renstra=renstra)


def nilai_indikator(*, renstra: Renstra) -> QuerySet[Nilai]:
    return Nilai.objects.filter(indikator__program_kegiatan__renstra=renstra).select_related(
        "indikator"
    )


def tercetak_node(*, renstra: Renstra) -> QuerySet[NilaiTercetak]:
    return NilaiTercetak.objects.filter(program_kegiatan__renstra=renstra)


def indikator_pd(*, pd: PerangkatDaerah, pk: int) -> Indikator:
    """An indicator of this agency's plans (a node's, a sasaran's or a tujuan's); 404 otherwise."""
    return get_object_or_404(
        Indikator.objects.select_related(
            "program_kegiatan__renstra__perangkat_daerah",
            "sasaran__renstra__perangkat_daerah",
            "tujuan__renstra__perangkat_daerah",
        ).filter(
            Q(program_kegiatan__renstra__perangkat_daerah=pd)
            | Q(sasaran__renstra__perangkat_daerah=pd)
            | Q(tujuan__renstra__perangkat_daerah=pd)
        ),
        pk=pk,
    )
