"""Reads of the planners' grid: the plan tree with its cells, totals and capaian.

Every function runs a fixed number of queries whatever the plan's size (the grid of the full
Batam plan and of a two-node plan cost the same). Parent budgets are summed here from the sub
kegiatan, never stored; capaian and serapan come from ``inti.rumus``.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal

from django.db.models import Q
from django.shortcuts import get_object_or_404

from inti import rumus
from inti.konstanta import TRIWULAN
from inti.parsing import format_angka
from renja import akses, selectors, services
from renja.isian.forms import KunciSel
from renja.models import (
    JENIS_TRIWULANAN,
    CatatanEvaluasi,
    Indikator,
    Jenis,
    Level,
    Nilai,
    Nomenklatur,
    Peran,
    PerangkatDaerah,
    ProgramKegiatan,
    Renja,
    Renstra,
)

JENIS_RENCANA_NODE = (Jenis.PAGU, Jenis.LOKASI, Jenis.SUMBER_DANA, Jenis.CATATAN)


# --- access ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Akses:
    pd: PerangkatDaerah
    bisa_ubah: bool


def akses_pd(*, user: akses.AnyUser, pd_id: int) -> Akses:
    """The agency if the user may read it (404 unknown, 403 not theirs), and whether they write."""
    pd = get_object_or_404(PerangkatDaerah.objects.select_related("pemda"), pk=pd_id)
    peran = akses.peran_atas_pd(user, pd)
    akses.wajib(bool(peran), f"Anda tidak berhak melihat data {pd.kode}.")
    return Akses(pd=pd, bisa_ubah=bool(peran & {Peran.PERENCANA, Peran.ADMIN}))


# --- cell values ------------------------------------------------------------------------------


def teks_isian(nilai: Nilai | None) -> str:
    """A stored value as the text its input shows, readable back by ``parse_angka``.

    Indonesian format with every stored decimal. Exactly three decimals would read back as
    thousands (``1,125`` = 1125, rule A7), so they are written with a fourth (``1,1250``).
    """
    if nilai is None:
        return ""
    if nilai.angka is None:
        return nilai.teks
    d = nilai.angka.normalize()
    exp = d.as_tuple().exponent
    desimal = max(0, -exp) if isinstance(exp, int) else 0
    if desimal == 3:
        desimal = 4
    return format_angka(nilai.angka, desimal)


@dataclass
class Konflik:
    """Someone saved the cell after it was read: both values, who and when."""

    nilai_mereka: str
    revisi: int
    oleh: str
    pada: datetime | None
    nilai_anda: str


@dataclass
class Sel:
    kunci: KunciSel
    nilai: Nilai | None
    bisa_ubah: bool
    terkunci: bool = False
    satuan: str | None = None
    tampilan: str = "rencana"
    isian: str | None = None  # the typed text, kept after an error
    galat: str = ""
    konflik: Konflik | None = None
    tersimpan: bool = False
    revisi_tetap: str | None = None  # after a conflict: still the revisi the planner read
    petunjuk: str = ""  # greyed text of an empty input (the Perubahan grid: the murni value)

    @property
    def teks(self) -> str:
        return self.isian if self.isian is not None else teks_isian(self.nilai)

    @property
    def revisi(self) -> str:
        if self.revisi_tetap is not None:
            return self.revisi_tetap
        return "" if self.nilai is None else str(self.nilai.revisi)

    @property
    def panjang(self) -> bool:
        return self.kunci.jenis in (Jenis.LOKASI, Jenis.SUMBER_DANA, Jenis.CATATAN)


@dataclass
class Angka:
    """A computed figure shown in a cell: its DOM id (out-of-band updates) and its value."""

    dom_id: str
    nilai: Decimal | None
    persen: bool = False


@dataclass
class Baris:
    jenis: str  # "node" | "indikator"
    node: ProgramKegiatan
    indikator: Indikator | None = None
    isi: list[Sel | Angka | None] = field(default_factory=list)
    ekor: list[Angka] = field(default_factory=list)
    pertama: bool = False  # first indicator row of its node


# --- loading ------------------------------------------------------------------------------


@dataclass
class Muatan:
    pd: PerangkatDaerah
    tahun: int
    renstra: Renstra
    bisa_ubah: bool
    node: list[ProgramKegiatan]
    indikator: dict[int, list[Indikator]]
    nilai_i: dict[tuple[int, str, int, int], Nilai]
    nilai_n: dict[tuple[int, str, int, int], Nilai]
    terkunci: set[tuple[int, str]]


def _pasangan(tahun: int) -> list[tuple[int, str]]:
    return [
        (t, j)
        for t in (tahun, tahun + 1)
        for j in (Jenis.TARGET, Jenis.PAGU, Jenis.LOKASI, Jenis.SUMBER_DANA, Jenis.CATATAN)
    ] + [(tahun, str(Jenis.TARGET_PERUBAHAN)), (tahun, str(Jenis.PAGU_PERUBAHAN))]


def kunci_grid(*, pd: PerangkatDaerah, tahun: int) -> set[tuple[int, str]]:
    """The (year, kind) pairs the grid of year ``tahun`` shows locked.

    A ditetapkan Renja n printed its n+1 columns (prakiraan maju) too, so in the grid of n they
    are frozen with it; they stay editable in the grid of n+1, whose Renja they belong to.
    """
    pasangan = _pasangan(tahun)
    terkunci = services.jenis_terkunci(pd=pd, pasangan=pasangan)
    if (tahun, Jenis.TARGET) in terkunci:
        terkunci |= {(t, j) for t, j in pasangan if t == tahun + 1}
    return terkunci


def muat(*, pd: PerangkatDaerah, tahun: int, bisa_ubah: bool) -> Muatan | None:
    """The plan of one agency for the grid of year ``tahun`` (and n+1): six queries."""
    renstra = selectors.renstra_untuk_tahun(pd=pd, tahun=tahun)
    if renstra is None:
        return None
    node = selectors.node_pohon(renstra=renstra)
    indikator: dict[int, list[Indikator]] = defaultdict(list)
    for ind in Indikator.objects.filter(program_kegiatan__renstra=renstra).order_by(
        "program_kegiatan_id", "urutan", "id"
    ):
        indikator[ind.program_kegiatan_id].append(ind)  # type: ignore[index]
    tahun_dimuat = (tahun, tahun + 1)
    nilai_i = {
        (n.indikator_id, n.jenis, n.tahun, n.triwulan): n
        for n in Nilai.objects.filter(
            indikator__program_kegiatan__renstra=renstra,
            tahun__in=tahun_dimuat,
            jenis__in=(Jenis.TARGET, Jenis.REALISASI, Jenis.TARGET_PERUBAHAN),
        )
    }
    nilai_n = {
        (n.program_kegiatan_id, n.jenis, n.tahun, n.triwulan): n
        for n in Nilai.objects.filter(
            program_kegiatan__renstra=renstra,
            tahun__in=tahun_dimuat,
            jenis__in=(*JENIS_RENCANA_NODE, Jenis.REALISASI_ANGGARAN, Jenis.PAGU_PERUBAHAN),
        )
    }
    terkunci = kunci_grid(pd=pd, tahun=tahun)
    return Muatan(
        pd=pd,
        tahun=tahun,
        renstra=renstra,
        bisa_ubah=bisa_ubah,
        node=node,
        indikator=indikator,
        nilai_i=nilai_i,  # type: ignore[arg-type]
        nilai_n=nilai_n,  # type: ignore[arg-type]
        terkunci=terkunci,
    )


def renja_versi(*, pd: PerangkatDaerah, tahun: int) -> list[Renja]:
    return list(Renja.objects.filter(perangkat_daerah=pd, tahun=tahun).order_by("versi"))


# --- totals and capaian --------------------------------------------------------------------


def jumlah_anggaran(
    *,
    node: list[ProgramKegiatan],
    nilai_n: dict[tuple[int, str, int, int], Nilai],
    tahun: int,
) -> dict[int | str, dict[str, Decimal | None]]:
    """Budget figures per node (sub kegiatan as entered, parents summed) and the grand total.

    Keys: ``pagu`` (n), ``pagu1`` (n+1), ``tw1``-``tw4`` (realisasi anggaran), ``tahun``
    (the year's spending, ``rumus.belanja_tahun``: the yearly value where entered, else the
    quarters' sum), ``serapan``, and for the Perubahan ``pagu_p`` (after the revision: the
    perubahan value, else the murni one) and ``selisih`` (after − before; a new sub kegiatan's
    before is nothing, i.e. 0). Parents are summed with ``rumus.jumlah_ke_atas``; the grand
    total is under the key ``"total"``.
    """

    def angka(node_id: int, jenis: str, t: int, tw: int = 0) -> Decimal | None:
        n = nilai_n.get((node_id, jenis, t, tw))
        return None if n is None else n.angka

    kolom = ("pagu", "pagu1", "tw1", "tw2", "tw3", "tw4", "tahun", "pagu_p", "selisih")
    per_sub: dict[str, dict[int, Decimal | None]] = {k: {} for k in kolom}
    for n in node:
        if n.level != Level.SUB_KEGIATAN:
            continue
        tw = [angka(n.pk, Jenis.REALISASI_ANGGARAN, tahun, q) for q in TRIWULAN]
        pagu = angka(n.pk, Jenis.PAGU, tahun)
        pagu_p = angka(n.pk, Jenis.PAGU_PERUBAHAN, tahun)
        sesudah = pagu if pagu_p is None else pagu_p
        isi = {
            "pagu": pagu,
            "pagu1": angka(n.pk, Jenis.PAGU, tahun + 1),
            **{f"tw{q}": v for q, v in zip(TRIWULAN, tw, strict=True)},
            "tahun": rumus.belanja_tahun(angka(n.pk, Jenis.REALISASI_ANGGARAN, tahun), tw),
            "pagu_p": sesudah,
            "selisih": None if sesudah is None else sesudah - (pagu or Decimal(0)),
        }
        for k in kolom:
            per_sub[k][n.pk] = isi[k]
    induk = {n.pk: n.parent_id for n in node}
    naik = {k: rumus.jumlah_ke_atas(induk, per_sub[k]) for k in kolom}
    hasil: dict[int | str, dict[str, Decimal | None]] = {}
    for n in node:
        hasil[n.pk] = {k: naik[k].get(n.pk) for k in kolom}
    hasil["total"] = {k: rumus.jumlah(per_sub[k].values()) for k in kolom}
    for baris in hasil.values():
        baris["serapan"] = rumus.serapan(baris["tahun"], baris["pagu"])
    return hasil


def realisasi_indikator(
    *, indikator: Indikator, nilai_i: dict[tuple[int, str, int, int], Nilai], tahun: int
) -> tuple[Decimal | None, Decimal | None]:
    """(realisasi of the year, capaian %) of an indicator, by the one rule of
    ``rumus.realisasi_tahun`` (the yearly value, else the quarters by its akumulasi)."""

    def angka(jenis: str, tw: int) -> Decimal | None:
        n = nilai_i.get((indikator.pk, jenis, tahun, tw))
        return None if n is None else n.angka

    setahun = rumus.realisasi_tahun(
        angka(Jenis.REALISASI, 0),
        [angka(Jenis.REALISASI, q) for q in TRIWULAN],
        indikator.akumulasi,
    )
    return setahun, rumus.capaian(angka(Jenis.TARGET, 0), setahun, indikator.polaritas)


def angka_indikator(*, indikator: Indikator, tahun: int) -> list[Angka]:
    """The computed figures of an indicator row after a save: one query."""
    nilai_i = {
        (n.indikator_id, n.jenis, n.tahun, n.triwulan): n
        for n in Nilai.objects.filter(
            indikator=indikator, tahun=tahun, jenis__in=(Jenis.TARGET, Jenis.REALISASI)
        )
    }
    setahun, capaian = realisasi_indikator(indikator=indikator, nilai_i=nilai_i, tahun=tahun)  # type: ignore[arg-type]
    return [
        Angka(f"jml-i{indikator.pk}-tahun", setahun),
        Angka(f"jml-i{indikator.pk}-capaian", capaian, persen=True),
    ]


def angka_anggaran_leluhur(*, node: ProgramKegiatan, tahun: int) -> list[Angka]:
    """The budget figures of a sub kegiatan, its ancestors and the grand total: two queries."""
    semua = list(
        ProgramKegiatan.objects.filter(renstra_id=node.renstra_id).only("id", "parent_id", "level")
    )
    nilai_n = {
        (n.program_kegiatan_id, n.jenis, n.tahun, n.triwulan): n
        for n in Nilai.objects.filter(
            program_kegiatan__renstra_id=node.renstra_id,
            tahun__in=(tahun, tahun + 1),
            jenis__in=(Jenis.PAGU, Jenis.REALISASI_ANGGARAN, Jenis.PAGU_PERUBAHAN),
        ).only("program_kegiatan_id", "jenis", "tahun", "triwulan", "angka")
    }
    jumlah = jumlah_anggaran(node=semua, nilai_n=nilai_n, tahun=tahun)  # type: ignore[arg-type]
    induk = {n.pk: n.parent_id for n in semua}
    hasil: list[Angka] = []
    naik: int | None = node.pk
    while naik is not None:
        hasil.extend(_angka_node(naik, jumlah.get(naik, {}), sel_sendiri=naik == node.pk))
        naik = induk.get(naik)
    hasil.extend(_angka_node("total", jumlah.get("total", {}), sel_sendiri=False))
    return hasil


def _angka_node(
    node_id: int | str, jumlah: dict[str, Decimal | None], *, sel_sendiri: bool
) -> list[Angka]:
    awal = "jml-total" if node_id == "total" else f"jml-n{node_id}"
    # A sub kegiatan's own pagu and quarters are input cells, not computed figures.
    kolom = (
        ("tahun", "serapan", "selisih")
        if sel_sendiri
        else ("pagu", "pagu1", "tw1", "tw2", "tw3", "tw4", "tahun", "serapan", "pagu_p", "selisih")
    )
    return [Angka(f"{awal}-{k}", jumlah.get(k), persen=k == "serapan") for k in kolom]


# --- grid rows ------------------------------------------------------------------------------


def _sel(
    m: Muatan,
    *,
    pemilik: str,
    id: int,
    jenis: str,
    tahun: int,
    tw: int = 0,
    satuan: str | None = None,
    tampilan: str,
) -> Sel:
    peta = m.nilai_i if pemilik == "i" else m.nilai_n
    terkunci = (tahun, jenis) in m.terkunci
    return Sel(
        kunci=KunciSel(pemilik, id, jenis, tahun, tw),
        nilai=peta.get((id, jenis, tahun, tw)),
        bisa_ubah=m.bisa_ubah and not terkunci,
        terkunci=terkunci,
        satuan=satuan,
        tampilan=tampilan,
    )


def baris_rencana(m: Muatan) -> list[Baris]:
    """Rows of the Renja grid: per node its budgets n/n+1 and texts, per indicator its targets."""
    n, t = m.tahun, "rencana"
    jumlah = jumlah_anggaran(node=m.node, nilai_n=m.nilai_n, tahun=n)
    hasil: list[Baris] = []
    for node in m.node:
        sub = node.level == Level.SUB_KEGIATAN
        isi: list[Sel | Angka | None]
        if sub:
            isi = [
                _sel(m, pemilik="n", id=node.pk, jenis=Jenis.PAGU, tahun=n, tampilan=t),
                _sel(m, pemilik="n", id=node.pk, jenis=Jenis.PAGU, tahun=n + 1, tampilan=t),
            ]
        else:
            j = jumlah.get(node.pk, {})
            isi = [
                Angka(f"jml-n{node.pk}-pagu", j.get("pagu")),
                Angka(f"jml-n{node.pk}-pagu1", j.get("pagu1")),
            ]
        if node.level in (Level.PROGRAM, Level.KEGIATAN, Level.SUB_KEGIATAN):
            isi += [
                _sel(m, pemilik="n", id=node.pk, jenis=jenis, tahun=n, tampilan=t)
                for jenis in (Jenis.LOKASI, Jenis.SUMBER_DANA, Jenis.CATATAN)
            ]
        else:
            isi += [None, None, None]
        hasil.append(Baris("node", node, isi=isi))
        for i, ind in enumerate(m.indikator.get(node.pk, [])):
            isi = [
                _sel(
                    m,
                    pemilik="i",
                    id=ind.pk,
                    jenis=Jenis.TARGET,
                    tahun=n,
                    satuan=ind.satuan,
                    tampilan=t,
                ),
                _sel(
                    m,
                    pemilik="i",
                    id=ind.pk,
                    jenis=Jenis.TARGET,
                    tahun=n + 1,
                    satuan=ind.satuan,
                    tampilan=t,
                ),
            ]
            hasil.append(Baris("indikator", node, indikator=ind, isi=isi, pertama=i == 0))
    return hasil


def baris_realisasi(m: Muatan) -> list[Baris]:
    """Rows of the quarterly grid (E.81 style): Rp on the node row, K on each indicator row."""
    n, t = m.tahun, "realisasi"
    jumlah = jumlah_anggaran(node=m.node, nilai_n=m.nilai_n, tahun=n)
    hasil: list[Baris] = []
    for node in m.node:
        j = jumlah.get(node.pk, {})
        awal = f"jml-n{node.pk}"
        isi: list[Sel | Angka | None]
        if node.level == Level.SUB_KEGIATAN:
            isi = [_sel(m, pemilik="n", id=node.pk, jenis=Jenis.PAGU, tahun=n, tampilan=t)]
            isi += [
                _sel(
                    m,
                    pemilik="n",
                    id=node.pk,
                    jenis=Jenis.REALISASI_ANGGARAN,
                    tahun=n,
                    tw=q,
                    tampilan=t,
                )
                for q in TRIWULAN
            ]
        else:
            isi = [Angka(f"{awal}-pagu", j.get("pagu"))]
            isi += [Angka(f"{awal}-tw{q}", j.get(f"tw{q}")) for q in TRIWULAN]
        ekor = [
            Angka(f"{awal}-tahun", j.get("tahun")),
            Angka(f"{awal}-serapan", j.get("serapan"), True),
        ]
        hasil.append(Baris("node", node, isi=isi, ekor=ekor))
        for i, ind in enumerate(m.indikator.get(node.pk, [])):
            s = ind.satuan
            isi = [
                _sel(m, pemilik="i", id=ind.pk, jenis=Jenis.TARGET, tahun=n, satuan=s, tampilan=t)
            ]
            isi += [
                _sel(
                    m,
                    pemilik="i",
                    id=ind.pk,
                    jenis=Jenis.REALISASI,
                    tahun=n,
                    tw=q,
                    satuan=s,
                    tampilan=t,
                )
                for q in TRIWULAN
            ]
            setahun, capaian = realisasi_indikator(indikator=ind, nilai_i=m.nilai_i, tahun=n)
            ekor = [
                Angka(f"jml-i{ind.pk}-tahun", setahun),
                Angka(f"jml-i{ind.pk}-capaian", capaian, persen=True),
            ]
            hasil.append(
                Baris("indikator", node, indikator=ind, isi=isi, ekor=ekor, pertama=i == 0)
            )
    return hasil


def baris_perubahan(m: Muatan) -> list[Baris]:
    """Rows of the Renja Perubahan grid: per sub kegiatan its pagu before (murni, read only),
    after (editable) and the difference; per indicator its murni target and the revised one."""
    n, t = m.tahun, "perubahan"
    jumlah = jumlah_anggaran(node=m.node, nilai_n=m.nilai_n, tahun=n)
    hasil: list[Baris] = []
    for node in m.node:
        j = jumlah.get(node.pk, {})
        awal = f"jml-n{node.pk}"
        isi: list[Sel | Angka | None] = [Angka(f"{awal}-pagu", j.get("pagu"))]
        if node.level == Level.SUB_KEGIATAN:
            sel = _sel(m, pemilik="n", id=node.pk, jenis=Jenis.PAGU_PERUBAHAN, tahun=n, tampilan=t)
            sel.petunjuk = teks_isian(m.nilai_n.get((node.pk, Jenis.PAGU, n, 0)))
            isi.append(sel)
        else:
            isi.append(Angka(f"{awal}-pagu_p", j.get("pagu_p")))
        isi.append(Angka(f"{awal}-selisih", j.get("selisih")))
        hasil.append(Baris("node", node, isi=isi))
        for i, ind in enumerate(m.indikator.get(node.pk, [])):
            murni = Sel(
                kunci=KunciSel("i", ind.pk, Jenis.TARGET, n, 0),
                nilai=m.nilai_i.get((ind.pk, Jenis.TARGET, n, 0)),
                bisa_ubah=False,
                satuan=ind.satuan,
                tampilan=t,
            )
            revisi = _sel(
                m,
                pemilik="i",
                id=ind.pk,
                jenis=Jenis.TARGET_PERUBAHAN,
                tahun=n,
                satuan=ind.satuan,
                tampilan=t,
            )
            revisi.petunjuk = teks_isian(murni.nilai)
            isi = [murni, revisi, None]
            hasil.append(Baris("indikator", node, indikator=ind, isi=isi, pertama=i == 0))
    return hasil


def total_perubahan(m: Muatan) -> list[Angka]:
    j = jumlah_anggaran(node=m.node, nilai_n=m.nilai_n, tahun=m.tahun).get("total", {})
    return [Angka(f"jml-total-{k}", j.get(k)) for k in ("pagu", "pagu_p", "selisih")]


def total_rencana(m: Muatan) -> list[Angka]:
    j = jumlah_anggaran(node=m.node, nilai_n=m.nilai_n, tahun=m.tahun).get("total", {})
    return [Angka("jml-total-pagu", j.get("pagu")), Angka("jml-total-pagu1", j.get("pagu1"))]


def total_realisasi(m: Muatan) -> list[Angka]:
    j = jumlah_anggaran(node=m.node, nilai_n=m.nilai_n, tahun=m.tahun).get("total", {})
    return [
        Angka(f"jml-total-{k}", j.get(k), k == "serapan")
        for k in ("pagu", "tw1", "tw2", "tw3", "tw4", "tahun", "serapan")
    ]


# --- one cell ---------------------------------------------------------------------------------


def pemilik_sel(*, pd: PerangkatDaerah, kunci: KunciSel) -> Indikator | ProgramKegiatan:
    """The indicator or node a cell key names, within this agency only (404 otherwise)."""
    if kunci.pemilik == "i":
        # A node's indicator, or a sasaran's/tujuan's (Renstra page), of this agency's Renstra.
        return selectors.indikator_pd(pd=pd, pk=kunci.id)
    return get_object_or_404(
        ProgramKegiatan.objects.select_related("renstra__perangkat_daerah"),
        pk=kunci.id,
        renstra__perangkat_daerah=pd,
    )


def _filter_sel(kunci: KunciSel) -> Q:
    pemilik = Q(indikator_id=kunci.id) if kunci.pemilik == "i" else Q(program_kegiatan_id=kunci.id)
    return pemilik & Q(jenis=kunci.jenis, tahun=kunci.tahun, triwulan=kunci.triwulan)


def sel_baca(
    *,
    kunci: KunciSel,
    pemilik: Indikator | ProgramKegiatan,
    bisa_ubah: bool,
    tampilan: str,
    tahun_grid: int | None = None,
) -> Sel:
    """One cell as stored now (after a save, or to take the other person's value)."""
    nilai = Nilai.objects.filter(_filter_sel(kunci)).first()
    baris = services.indikator_pemilik(pemilik) if isinstance(pemilik, Indikator) else pemilik
    assert baris is not None  # an indicator has exactly one owner (DB constraint)
    pd = baris.renstra.perangkat_daerah
    terkunci = (kunci.tahun, kunci.jenis) in (
        kunci_grid(pd=pd, tahun=tahun_grid)
        if tahun_grid is not None
        else services.jenis_terkunci(pd=pd, pasangan=[(kunci.tahun, kunci.jenis)])
    )
    return Sel(
        kunci=kunci,
        nilai=nilai,
        bisa_ubah=bisa_ubah and not terkunci,
        terkunci=terkunci,
        satuan=pemilik.satuan if isinstance(pemilik, Indikator) else None,
        tampilan=tampilan,
    )


def konflik(*, nilai: Nilai, nilai_anda: str) -> Konflik:
    """Both sides of a stale write: the stored value with who saved it and when."""
    terakhir = nilai.history.select_related("history_user").first()
    oleh = "-"
    if terakhir is not None and terakhir.history_user is not None:
        u = terakhir.history_user
        oleh = u.get_full_name() or u.get_username()
    return Konflik(
        nilai_mereka=teks_isian(nilai),
        revisi=nilai.revisi,
        oleh=oleh,
        pada=terakhir.history_date if terakhir is not None else nilai.diubah_pada,
        nilai_anda=nilai_anda,
    )


# --- history ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Perubahan:
    pada: datetime
    oleh: str
    jalur: str
    lama: str
    baru: str
    revisi: int | None


def _jalur(alasan: str | None) -> str:
    """The history change reason as a planner reads it."""
    alasan = alasan or ""
    if alasan == "form":
        return "Formulir"
    if alasan.startswith("impor"):
        berkas = alasan.partition(":")[2]
        return f"Impor {berkas}".strip()
    if alasan.startswith("unggah") or alasan.startswith("excel"):
        return "Unggah Excel" + (f" {alasan.partition(':')[2]}" if ":" in alasan else "")
    if alasan == "kepegawaian":
        return "Dihitung dari data kepegawaian"
    return alasan or "Admin / lainnya"


def riwayat_sel(*, kunci: KunciSel) -> list[Perubahan]:
    """Every change of one cell, newest first: who, when, old → new and the path. One query."""
    rekaman = list(
        Nilai.history.filter(_filter_sel(kunci))
        .select_related("history_user")
        .order_by("history_date", "history_id")
    )
    hasil: list[Perubahan] = []
    lama = ""
    for r in rekaman:
        baru = "" if r.history_type == "-" else teks_isian(r)
        u = r.history_user
        hasil.append(
            Perubahan(
                pada=r.history_date,
                oleh=(u.get_full_name() or u.get_username()) if u is not None else "sistem",
                jalur=_jalur(r.history_change_reason),
                lama=lama,
                baru=baru,
                revisi=None if r.history_type == "-" else r.revisi,
            )
        )
        lama = baru
    return hasil[::-1]


# --- nomenclature search ----------------------------------------------------------------------


def nomenklatur_cari(*, q: str, pemda_id: int, tahun: int, batas: int = 15) -> list[Nomenklatur]:
    """Program/kegiatan/sub kegiatan of the master by code prefix or words of the name."""
    q = q.strip()
    if len(q) < 2:
        return []
    qs = Nomenklatur.objects.filter(
        Q(pemda__isnull=True) | Q(pemda_id=pemda_id),
        level__in=(Level.PROGRAM, Level.KEGIATAN, Level.SUB_KEGIATAN),
    ).filter(
        Q(berlaku_mulai__isnull=True) | Q(berlaku_mulai__lte=tahun),
        Q(berlaku_sampai__isnull=True) | Q(berlaku_sampai__gte=tahun),
    )
    if q[0].isdigit():
        kode = "".join(c for c in q if c.isdigit() or c == ".")
        qs = qs.filter(kode__startswith=kode)
    else:
        for kata in q.split()[:5]:
            qs = qs.filter(nama__icontains=kata)
    return list(qs.order_by("kode")[:batas])


# --- the quarter's account ----------------------------------------------------------------------


def catatan_evaluasi(*, pd: PerangkatDaerah, tahun: int, triwulan: int) -> CatatanEvaluasi | None:
    return CatatanEvaluasi.objects.filter(
        perangkat_daerah=pd, tahun=tahun, triwulan=triwulan
    ).first()


def triwulan_terakhir(m: Muatan) -> int:
    """The latest quarter with any realisation entered (1 when none): the account to show."""
    ada = [k[3] for k in (*m.nilai_i, *m.nilai_n) if k[1] in JENIS_TRIWULANAN and k[2] == m.tahun]
    return max([q for q in ada if q], default=1)
