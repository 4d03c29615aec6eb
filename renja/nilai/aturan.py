"""The rules a value obeys before it is written, for one change or a batch of them.

Pure data in, refusals out: the writer (``renja.nilai.services``) applies them to every path
(grid, import, Excel upload, staff roster, API), and the admin form and the grid's other writes
(indicator attributes) ask them through ``services.nilai_boleh_diubah``. This module imports
only models, so ``renja.services`` can build on it without an import cycle.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Literal

from renja.models import (
    JENIS_ANGGARAN,
    JENIS_VERSI,
    Indikator,
    Jenis,
    Level,
    ProgramKegiatan,
    Renja,
    Sasaran,
    Tujuan,
)

JENIS_RENSTRA = frozenset({Jenis.TARGET_RENSTRA, Jenis.TARGET_RENSTRA_AKHIR, Jenis.PAGU_RENSTRA})

Sebab = Literal["level", "tahun", "perubahan_belum_ada", "terkunci", "berubah"]


@dataclass(frozen=True, slots=True)
class Pemilik:
    """Where a value sits (its indicator or its node) and what the rules need to know of it.

    Callers that hold the plan in memory (the importer) build it without a query; the others
    use ``pemilik_dari`` (objects) or ``renja.nilai.selectors.pemilik_untuk`` (ids, in bulk).
    """

    pd_id: int
    periode: tuple[int, int]  # the Renstra's first and last year
    indikator_id: int | None = None
    node_id: int | None = None
    level: str = ""  # the node's level; "" for an indicator's value
    kode: str = ""  # the node's code, for messages

    def kunci(self) -> tuple[str, int]:
        if self.indikator_id is not None:
            return ("i", self.indikator_id)
        assert self.node_id is not None
        return ("n", self.node_id)


def pemilik_dari(
    *,
    indikator: Indikator | None = None,
    node: ProgramKegiatan | None = None,
    baris: ProgramKegiatan | Sasaran | Tujuan,
) -> Pemilik:
    """The ``Pemilik`` of a value of ``indikator`` or ``node``; ``baris`` is the row that places
    it in a Renstra (the node, or the indicator's node, sasaran or tujuan)."""
    renstra = baris.renstra
    return Pemilik(
        pd_id=renstra.perangkat_daerah_id,
        periode=(renstra.tahun_mulai, renstra.tahun_selesai),
        indikator_id=None if indikator is None else indikator.pk,
        node_id=None if node is None else node.pk,
        level="" if node is None else node.level,
        kode="" if node is None else node.kode,
    )


@dataclass(slots=True)  # not frozen: an import builds ~100,000 of them, plain slots are cheaper
class PerubahanNilai:
    """One value to set (or clear) and, when the caller showed it to someone, the revisi read."""

    pemilik: Pemilik
    jenis: str
    tahun: int
    triwulan: int = 0
    angka: Decimal | None = None
    teks: str = ""
    satuan: str | None = None  # None keeps the stored unit ("" for a new value)
    hapus: bool = False
    # Stale-write check: with ``cek_revisi`` the stored revisi must equal ``revisi_dibaca``
    # (None = the reader saw no value). Without it (import, staff roster) the write wins.
    cek_revisi: bool = False
    revisi_dibaca: int | None = None
    asal: Any = None  # the caller's reference (file and row, sheet row), handed back on refusal

    def kunci(self) -> tuple[str, int, int, str, int]:
        return (*self.pemilik.kunci(), self.tahun, self.jenis, self.triwulan)


@dataclass(frozen=True)
class Penolakan:
    """Why one change was refused; ``pesan`` is the planner's message (Indonesian)."""

    perubahan: PerubahanNilai
    sebab: Sebab
    pesan: str
    nilai: Any = None  # "berubah": the value as stored now (None: deleted since it was read)


def _pesan_level(kode: str) -> str:
    return (
        f"{kode}: anggaran hanya diisi pada sub kegiatan; total program/kegiatan dihitung otomatis."
    )


def _tahun_renstra(p: PerubahanNilai) -> str:
    """Renstra values lie within the period; the end target is stored on its last year."""
    if p.jenis not in JENIS_RENSTRA:
        return ""
    mulai, selesai = p.pemilik.periode
    periode = f"{mulai}-{selesai}"
    if p.jenis == Jenis.TARGET_RENSTRA_AKHIR and p.tahun != selesai:
        return f"Target akhir periode Renstra {periode} disimpan pada tahun {selesai}, bukan {p.tahun}."
    if not mulai <= p.tahun <= selesai:
        return f"Tahun {p.tahun} di luar periode Renstra {periode}."
    return ""


def renja_versi(pasangan: Iterable[tuple[int, int, str]]) -> dict[tuple[int, int, str], Renja]:
    """The Renja versions of the (pd id, tahun, versi) triples given, in one query."""
    dicari = set(pasangan)
    if not dicari:
        return {}
    return {
        (r.perangkat_daerah_id, r.tahun, r.versi): r
        for r in Renja.objects.filter(
            perangkat_daerah_id__in={k[0] for k in dicari}, tahun__in={k[1] for k in dicari}
        ).select_related("perangkat_daerah")
        if (r.perangkat_daerah_id, r.tahun, r.versi) in dicari
    }


def aturan_periksa(perubahan: Sequence[PerubahanNilai]) -> list[Penolakan]:
    """Level, period, version and lock rules of every change: one query (Renja) at most.

    Order per change as the planner needs it: a budget on a parent is wrong whatever the state;
    a Perubahan value needs its version; a ditetapkan version refuses every change.
    """
    versi_dicari = {
        (p.pemilik.pd_id, p.tahun, JENIS_VERSI[p.jenis])
        for p in perubahan
        if p.jenis in JENIS_VERSI
    }
    renjas = renja_versi(versi_dicari)
    tolak: list[Penolakan] = []
    for p in perubahan:
        if (
            p.pemilik.node_id is not None
            and p.jenis in JENIS_ANGGARAN
            and p.pemilik.level != Level.SUB_KEGIATAN
        ):
            tolak.append(Penolakan(p, "level", _pesan_level(p.pemilik.kode)))
            continue
        versi = JENIS_VERSI.get(p.jenis)
        renja = None if versi is None else renjas.get((p.pemilik.pd_id, p.tahun, versi))
        if renja is None and versi == Renja.Versi.PERUBAHAN:
            # A revised budget or target belongs to a Renja Perubahan, made from the set murni.
            tolak.append(
                Penolakan(
                    p,
                    "perubahan_belum_ada",
                    f"Belum ada Renja Perubahan {p.tahun}; "
                    "buat dulu dari Renja murni yang ditetapkan.",
                )
            )
            continue
        if renja is not None and renja.terkunci:
            tolak.append(
                Penolakan(p, "terkunci", f"{renja} sudah ditetapkan; nilainya tidak dapat diubah.")
            )
            continue
        if pesan := _tahun_renstra(p):
            tolak.append(Penolakan(p, "tahun", pesan))
    return tolak
