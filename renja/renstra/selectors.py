"""Reads of the Renstra planner page: tujuan, sasaran and their indicators with a target per
year of the period and the end target, then the plan tree's Renstra targets and budgets.

``muat`` runs a fixed number of queries whatever the Renstra's size (nine; see
tests/test_renstra_isian.py). Parent budgets are summed here from the sub kegiatan, never stored.
Cells are ``renja.isian.selectors.Sel`` so that the grid's cell partial and save endpoint serve them.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, Q
from django.shortcuts import get_object_or_404

from inti import rumus
from renja import akses, selectors
from renja.isian.forms import KunciSel
from renja.isian.selectors import Akses, Angka, Sel, akses_pd
from renja.models import (
    Indikator,
    Jenis,
    Level,
    Nilai,
    PerangkatDaerah,
    ProgramKegiatan,
    Renstra,
    Sasaran,
    Tujuan,
)

JENIS_TARGET_RENSTRA = (Jenis.TARGET_RENSTRA, Jenis.TARGET_RENSTRA_AKHIR)

__all__ = ["Akses", "akses_pd", "muat", "renstra_daftar", "renstra_dari"]


# --- which Renstra -------------------------------------------------------------------------


def renstra_dari(*, pd: PerangkatDaerah, tahun_mulai: int) -> Renstra:
    """The agency's Renstra starting in ``tahun_mulai`` (404 otherwise)."""
    return get_object_or_404(
        Renstra.objects.select_related("perangkat_daerah__pemda"),
        perangkat_daerah=pd,
        tahun_mulai=tahun_mulai,
    )


def renstra_daftar(*, pd: PerangkatDaerah) -> list[Renstra]:
    """Every Renstra period of the agency, newest first: one query."""
    return list(Renstra.objects.filter(perangkat_daerah=pd).order_by("-tahun_mulai"))


def renstra_untuk_tahun(*, user: akses.AnyUser, pd_id: int, tahun: int) -> Renstra | None:
    """The Renstra containing ``tahun`` (else the latest before it), if the user may read it."""
    a = akses_pd(user=user, pd_id=pd_id)
    return selectors.renstra_untuk_tahun(pd=a.pd, tahun=tahun)


# --- rows ------------------------------------------------------------------------------------


@dataclass
class BarisIndikator:
    indikator: Indikator
    sel: list[Sel]  # target per year of the period, then the end target
    jumlah_nilai: int = 0


@dataclass
class BarisSasaran:
    sasaran: Sasaran
    indikator: list[BarisIndikator] = field(default_factory=list)


@dataclass
class BarisTujuan:
    tujuan: Tujuan | None  # None: sasaran without a tujuan (imported that way)
    indikator: list[BarisIndikator] = field(default_factory=list)
    sasaran: list[BarisSasaran] = field(default_factory=list)


@dataclass
class BarisNode:
    jenis: str  # "node" | "indikator"
    node: ProgramKegiatan
    indikator: Indikator | None = None
    isi: list[Sel | Angka | None] = field(default_factory=list)


@dataclass
class Muatan:
    pd: PerangkatDaerah
    renstra: Renstra
    bisa_ubah: bool
    tahun: list[int]
    tujuan: list[BarisTujuan]
    node: list[BarisNode]
    total_pagu: list[Angka]
    jumlah_tujuan: int = 0
    jumlah_sasaran: int = 0

    @property
    def lebar_uraian(self) -> int:
        """Columns a tujuan/sasaran description spans: attributes, years and the end target."""
        return len(self.tahun) + 5

    @property
    def lebar(self) -> int:
        return len(self.tahun) + 7


def _sel(
    nilai: dict[tuple[int, str, int], Nilai],
    *,
    pemilik: str,
    id: int,
    jenis: str,
    tahun: int,
    bisa_ubah: bool,
    satuan: str | None,
) -> Sel:
    return Sel(
        kunci=KunciSel(pemilik, id, jenis, tahun, 0),
        nilai=nilai.get((id, jenis, tahun)),
        bisa_ubah=bisa_ubah,
        satuan=satuan,
        tampilan="rencana",
    )


def sel_target(
    *, ind: Indikator, renstra: Renstra, nilai: dict[tuple[int, str, int], Nilai], bisa_ubah: bool
) -> list[Sel]:
    """An indicator's Renstra cells: ``target_renstra`` per year, then the end target.

    The end target is stored like the import stores it: ``target_renstra_akhir`` on the
    period's last year, triwulan 0 (``evaluasi.tabel`` reads it there).
    """
    tahun = range(renstra.tahun_mulai, renstra.tahun_selesai + 1)
    hasil = [
        _sel(
            nilai,
            pemilik="i",
            id=ind.pk,
            jenis=Jenis.TARGET_RENSTRA,
            tahun=t,
            bisa_ubah=bisa_ubah,
            satuan=ind.satuan,
        )
        for t in tahun
    ]
    hasil.append(
        _sel(
            nilai,
            pemilik="i",
            id=ind.pk,
            jenis=Jenis.TARGET_RENSTRA_AKHIR,
            tahun=renstra.tahun_selesai,
            bisa_ubah=bisa_ubah,
            satuan=ind.satuan,
        )
    )
    return hasil


def pagu_per_node(
    *, node: list[ProgramKegiatan], nilai_n: dict[tuple[int, str, int], Nilai], tahun: list[int]
) -> dict[int | str, list[Decimal | None]]:
    """``pagu_renstra`` per year: sub kegiatan as entered, parents (``rumus.jumlah_ke_atas``)
    and ``"total"`` summed."""
    induk = {n.pk: n.parent_id for n in node}
    per_tahun: list[dict[int, Decimal | None]] = [{} for _ in tahun]
    for n in node:
        if n.level != Level.SUB_KEGIATAN:
            continue
        for k, t in enumerate(tahun):
            nilai = nilai_n.get((n.pk, Jenis.PAGU_RENSTRA, t))
            per_tahun[k][n.pk] = None if nilai is None else nilai.angka
    naik = [rumus.jumlah_ke_atas(induk, isi) for isi in per_tahun]
    hasil: dict[int | str, list[Decimal | None]] = {
        n.pk: [jumlah.get(n.pk) for jumlah in naik] for n in node
    }
    hasil["total"] = [rumus.jumlah(isi.values()) for isi in per_tahun]
    return hasil


def angka_pagu(node_id: int | str, pagu: list[Decimal | None], tahun: list[int]) -> list[Angka]:
    awal = "rs-total" if node_id == "total" else f"rs-n{node_id}"
    return [Angka(f"{awal}-pagu-{t}", v) for t, v in zip(tahun, pagu, strict=True)]


# --- loading ------------------------------------------------------------------------------------


def _baris_pohon(
    *,
    renstra: Renstra,
    node: list[ProgramKegiatan],
    per_node: dict[int, list[Indikator]],
    nilai_i: dict[tuple[int, str, int], Nilai],
    nilai_n: dict[tuple[int, str, int], Nilai],
    pagu: dict[int | str, list[Decimal | None]],
    bisa_ubah: bool,
) -> list[BarisNode]:
    """The plan tree's rows: per node its ``pagu_renstra`` per year (cells on a sub kegiatan,
    sums on a parent), per indicator its Renstra targets."""
    tahun = list(range(renstra.tahun_mulai, renstra.tahun_selesai + 1))
    baris_node: list[BarisNode] = []
    for n in node:
        isi: list[Sel | Angka | None]
        if n.level == Level.SUB_KEGIATAN:
            isi = [
                _sel(
                    nilai_n,
                    pemilik="n",
                    id=n.pk,
                    jenis=Jenis.PAGU_RENSTRA,
                    tahun=t,
                    bisa_ubah=bisa_ubah,
                    satuan=None,
                )
                for t in tahun
            ]
        else:
            isi = list(angka_pagu(n.pk, pagu.get(n.pk, [None] * len(tahun)), tahun))
        isi.append(None)  # no end-of-period budget
        baris_node.append(BarisNode("node", n, isi=isi))
        for ind_n in per_node.get(n.pk, []):
            sel_ind: list[Sel | Angka | None] = list(
                sel_target(ind=ind_n, renstra=renstra, nilai=nilai_i, bisa_ubah=bisa_ubah)
            )
            baris_node.append(BarisNode("indikator", n, indikator=ind_n, isi=sel_ind))
    return baris_node


def muat(*, pd: PerangkatDaerah, renstra: Renstra, bisa_ubah: bool) -> Muatan:
    """The Renstra page's rows: seven queries whatever the size of the Renstra."""
    tahun = list(range(renstra.tahun_mulai, renstra.tahun_selesai + 1))
    tujuan = list(Tujuan.objects.filter(renstra=renstra).order_by("kunci", "id"))
    sasaran = list(Sasaran.objects.filter(renstra=renstra).order_by("kunci", "id"))
    indikator = list(
        Indikator.objects.filter(
            Q(tujuan__renstra=renstra)
            | Q(sasaran__renstra=renstra)
            | Q(program_kegiatan__renstra=renstra)
        )
        .annotate(jumlah_nilai=Count("nilai"))
        .order_by("urutan", "id")
    )
    nilai_i = {
        (n.indikator_id, n.jenis, n.tahun): n
        for n in Nilai.objects.filter(
            Q(indikator__tujuan__renstra=renstra)
            | Q(indikator__sasaran__renstra=renstra)
            | Q(indikator__program_kegiatan__renstra=renstra),
            jenis__in=JENIS_TARGET_RENSTRA,
            triwulan=0,
        )
    }
    node = selectors.node_pohon(renstra=renstra)
    nilai_n = {
        (n.program_kegiatan_id, n.jenis, n.tahun): n
        for n in Nilai.objects.filter(
            program_kegiatan__renstra=renstra, jenis=Jenis.PAGU_RENSTRA, triwulan=0
        )
    }

    per_tujuan: dict[int, list[BarisIndikator]] = defaultdict(list)
    per_sasaran: dict[int, list[BarisIndikator]] = defaultdict(list)
    per_node: dict[int, list[Indikator]] = defaultdict(list)
    for ind in indikator:
        if ind.program_kegiatan_id is not None:
            per_node[ind.program_kegiatan_id].append(ind)
            continue
        baris = BarisIndikator(
            ind,
            sel_target(ind=ind, renstra=renstra, nilai=nilai_i, bisa_ubah=bisa_ubah),  # type: ignore[arg-type]
            jumlah_nilai=getattr(ind, "jumlah_nilai", 0),
        )
        if ind.sasaran_id is not None:
            per_sasaran[ind.sasaran_id].append(baris)
        elif ind.tujuan_id is not None:
            per_tujuan[ind.tujuan_id].append(baris)

    sasaran_per_tujuan: dict[int | None, list[BarisSasaran]] = defaultdict(list)
    for s in sasaran:
        sasaran_per_tujuan[s.tujuan_id].append(BarisSasaran(s, per_sasaran.get(s.pk, [])))
    blok = [
        BarisTujuan(t, per_tujuan.get(t.pk, []), sasaran_per_tujuan.get(t.pk, [])) for t in tujuan
    ]
    if sasaran_per_tujuan.get(None):
        blok.append(BarisTujuan(None, [], sasaran_per_tujuan[None]))

    pagu = pagu_per_node(node=node, nilai_n=nilai_n, tahun=tahun)  # type: ignore[arg-type]
    baris_node = _baris_pohon(
        renstra=renstra,
        node=node,
        per_node=per_node,
        nilai_i=nilai_i,  # type: ignore[arg-type]
        nilai_n=nilai_n,  # type: ignore[arg-type]
        pagu=pagu,
        bisa_ubah=bisa_ubah,
    )
    return Muatan(
        pd=pd,
        renstra=renstra,
        bisa_ubah=bisa_ubah,
        tahun=tahun,
        tujuan=blok,
        node=baris_node,
        total_pagu=angka_pagu("total", pagu.get("total", [None] * len(tahun)), tahun),
        jumlah_tujuan=len(tujuan),
        jumlah_sasaran=len(sasaran),
    )


def total_pagu_renstra(*, renstra: Renstra) -> list[Angka]:
    """Every parent's and the grand total's ``pagu_renstra`` per year (after a budget save).

    Two queries; the answer is a list of out-of-band figures for the page.
    """
    tahun = list(range(renstra.tahun_mulai, renstra.tahun_selesai + 1))
    node = list(ProgramKegiatan.objects.filter(renstra=renstra).only("id", "parent_id", "level"))
    nilai_n = {
        (n.program_kegiatan_id, n.jenis, n.tahun): n
        for n in Nilai.objects.filter(
            program_kegiatan__renstra=renstra, jenis=Jenis.PAGU_RENSTRA, triwulan=0
        ).only("program_kegiatan_id", "jenis", "tahun", "angka")
    }
    pagu = pagu_per_node(node=node, nilai_n=nilai_n, tahun=tahun)  # type: ignore[arg-type]
    hasil: list[Angka] = []
    for n in node:
        if n.level != Level.SUB_KEGIATAN:
            hasil.extend(angka_pagu(n.pk, pagu.get(n.pk, [None] * len(tahun)), tahun))
    hasil.extend(angka_pagu("total", pagu.get("total", [None] * len(tahun)), tahun))
    return hasil


# --- one object of this Renstra (404 outside it) -------------------------------------------------


def tujuan_dari(*, renstra: Renstra, pk: int) -> Tujuan:
    return get_object_or_404(Tujuan, pk=pk, renstra=renstra)


def sasaran_dari(*, renstra: Renstra, pk: int) -> Sasaran:
    return get_object_or_404(Sasaran.objects.select_related("tujuan"), pk=pk, renstra=renstra)


def indikator_dari(*, renstra: Renstra, pk: int) -> Indikator:
    """A tujuan's or sasaran's indicator of this Renstra (node indicators are the grid's)."""
    return get_object_or_404(
        Indikator.objects.select_related("tujuan", "sasaran").annotate(jumlah_nilai=Count("nilai")),
        Q(tujuan__renstra=renstra) | Q(sasaran__renstra=renstra),
        pk=pk,
    )
