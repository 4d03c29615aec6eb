"""The engine's index of one loaded plan: the tree, the indicators and every value as
dictionaries, built once per plan and shared by every table (``indeks(data)``).

``Node`` and ``IndikatorData`` are its records; ``Indeks`` answers the questions every table
asks (a year's target, realisasi, budget roll-up, spending, ancestors). The row helpers below
lay a table out as one row per (node, indicator) and feed whole columns to the vectorised
formulas of ``inti.rumus``. No database access here.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from decimal import Decimal
from typing import Any, NamedTuple

import pandas as pd

from evaluasi.muat import DataRencana
from inti import rumus
from inti.konstanta import TRIWULAN
from inti.tabel import Baris, Nilai

__all__ = [
    "Indeks",
    "IndikatorData",
    "Node",
    "baris_dari_kerangka",
    "baris_per_indikator",
    "bingkai_periode",
    "indeks",
    "kerangka_baris",
    "kolom_sel",
]


class Node(NamedTuple):
    """A node of the plan tree (urusan … sub kegiatan)."""

    id: int
    kode: str
    level: str
    parent_id: int | None
    uraian: str


class IndikatorData(NamedTuple):
    """An indicator of a node, a sasaran (IKU) or a tujuan."""

    id: int
    nama: str
    satuan: str
    polaritas: str
    akumulasi: str


_node = Node._make
_indikator = IndikatorData._make

# --- value lookups ---------------------------------------------------------------------


def _ada(value: object) -> bool:
    """A present id in a frame column (pandas gives NaN or None for a missing FK)."""
    return value is not None and value == value


def _kolom_int(kolom: pd.Series) -> list[int]:
    """An id/year/quarter column as Python ints (whatever dtype the frame gave it)."""
    return [int(v) for v in kolom.tolist()] if kolom.dtype == object else kolom.astype(int).tolist()


def indeks(data: DataRencana) -> Indeks:
    """The plan's ``Indeks``, built on first use and kept on the plan for every other table."""
    idx = data.__dict__.get("_indeks")
    if idx is None:
        idx = Indeks(data)
        # DataRencana is frozen; the cache is not one of its fields (nor in its fingerprint).
        object.__setattr__(data, "_indeks", idx)
    return idx


class Indeks:
    """Dictionaries over the plan's frames, built once per plan (use ``indeks(data)``)."""

    def __init__(self, data: DataRencana) -> None:
        self.data = data
        n = data.node
        # ``_make`` builds the records without the generated ``__new__`` (a Python call each):
        # a pemda's plans hold tens of thousands of them.
        self.node: dict[int, Node] = {
            int(i): _node((int(i), k, lv, None if p is None or p != p else int(p), u))
            for i, k, lv, p, u in zip(
                n["id"].tolist(),
                n["kode"].tolist(),
                n["level"].tolist(),
                n["parent_id"].tolist(),
                n["uraian"].tolist(),
                strict=True,
            )
        }
        self.anak: dict[int | None, list[int]] = defaultdict(list)
        for node in sorted(self.node.values(), key=lambda v: v.kode):
            self.anak[node.parent_id].append(node.id)
        # The tree for ``rumus.jumlah_ke_atas``: each node's parent, and the sub kegiatan.
        self.induk: dict[int, int | None] = {i: v.parent_id for i, v in self.node.items()}
        self.sub_kegiatan: list[int] = [
            i for i, v in self.node.items() if v.level == "sub_kegiatan"
        ]
        ind = data.indikator.sort_values(["urutan", "id"])
        self.indikator_node: dict[int, list[IndikatorData]] = defaultdict(list)
        self.indikator_sasaran: dict[int, list[IndikatorData]] = defaultdict(list)
        self.indikator_tujuan: dict[int, list[IndikatorData]] = defaultdict(list)
        # Columns as lists (itertuples walks pandas' string arrays element by element).
        for i, node_id, sasaran_id, tujuan_id, nama, satuan, pol, akm in zip(
            *(
                ind[c].tolist()
                for c in (
                    "id", "node_id", "sasaran_id", "tujuan_id", "nama", "satuan", "polaritas",
                    "akumulasi",
                )
            ),
            strict=True,
        ):  # fmt: skip
            item = _indikator((int(i), nama, satuan, pol, akm))
            if _ada(node_id):
                self.indikator_node[int(node_id)].append(item)
            elif _ada(sasaran_id):
                self.indikator_sasaran[int(sasaran_id)].append(item)
            elif _ada(tujuan_id):
                self.indikator_tujuan[int(tujuan_id)].append(item)
        vi = data.nilai_indikator
        kunci_ind = list(
            zip(
                _kolom_int(vi["indikator_id"]),
                _kolom_int(vi["tahun"]),
                vi["jenis"].tolist(),
                _kolom_int(vi["triwulan"]),
                strict=True,
            )
        )
        # A later row with the same key wins, as it did when assigned one by one.
        self.ind: dict[tuple[int, int, str, int], Decimal | None] = dict(
            zip(kunci_ind, vi["angka"].tolist(), strict=True)
        )
        self.ind_teks: dict[tuple[int, int, str, int], str] = {
            k: x for k, x in zip(kunci_ind, vi["teks"].tolist(), strict=True) if x
        }
        vn = data.nilai_node
        kunci_nod = list(
            zip(
                _kolom_int(vn["node_id"]),
                _kolom_int(vn["tahun"]),
                vn["jenis"].tolist(),
                _kolom_int(vn["triwulan"]),
                strict=True,
            )
        )
        self.nod: dict[tuple[int, int, str, int], Decimal | None] = dict(
            zip(kunci_nod, vn["angka"].tolist(), strict=True)
        )
        self.nod_teks: dict[tuple[int, int, str], str] = {
            k[:3]: x for k, x in zip(kunci_nod, vn["teks"].tolist(), strict=True) if x
        }
        self._jumlah: dict[tuple[str, int, int], dict[int, Decimal]] = {}
        # Figures several tables (or E.81's four quarters) share, computed once per plan.
        self.memo: dict[tuple[object, ...], Any] = {}

    def urut_pohon(self) -> list[int]:
        """Node ids depth-first in code order (the document's row order)."""
        hasil: list[int] = []

        def jalan(parent: int | None) -> None:
            for child in self.anak.get(parent, []):
                hasil.append(child)
                jalan(child)

        jalan(None)
        return hasil

    def target(self, ind_id: int, tahun: int) -> tuple[Decimal | None, str]:
        """Renja target of a year: the perubahan one where it exists."""
        per = self.ind.get((ind_id, tahun, "target_perubahan", 0))
        if per is not None:
            return per, "target_perubahan"
        return self.ind.get((ind_id, tahun, "target", 0)), "target"

    def target_akhir(self, ind_id: int) -> Decimal | None:
        """The Renstra end-of-period target; else the Renstra target of the period's last year."""
        akhir = self.data.tahun_selesai
        value = self.ind.get((ind_id, akhir, "target_renstra_akhir", 0))
        return value if value is not None else self.ind.get((ind_id, akhir, "target_renstra", 0))

    def realisasi_tahun(self, ind_id: int, tahun: int, akumulasi: str) -> Decimal | None:
        """A year's realisasi: the yearly value, else the aggregate of its quarters."""
        return rumus.realisasi_tahun(
            self.ind.get((ind_id, tahun, "realisasi", 0)),
            (self.ind.get((ind_id, tahun, "realisasi", q)) for q in TRIWULAN),
            akumulasi,
        )

    def realisasi_tahun_kolom(
        self, inds: Sequence[IndikatorData], tahun: int
    ) -> list[Decimal | None]:
        """:meth:`realisasi_tahun` of many indicators; their quarters aggregated in one go
        (``rumus.agregasi_baris`` equals ``rumus.agregasi_nilai`` row by row, tested)."""
        hasil = [self.ind.get((ind.id, tahun, "realisasi", 0)) for ind in inds]
        kuartal = {
            k: [self.ind.get((inds[k].id, tahun, "realisasi", q)) for q in range(1, 5)]
            for k, v in enumerate(hasil)
            if v is None
        }
        # Without a yearly value nor any quarter there is nothing to aggregate.
        sisa = [k for k, nilai in kuartal.items() if any(v is not None for v in nilai)]
        if sisa:
            frame = pd.DataFrame([kuartal[k] for k in sisa], dtype=object)
            akumulasi = pd.Series([inds[k].akumulasi for k in sisa], dtype=object)
            for k, v in zip(sisa, rumus.agregasi_baris(frame, akumulasi).tolist(), strict=True):
                hasil[k] = v
        return hasil

    def punya_target(self, tahun: int) -> set[int]:
        """Nodes with a target (Renja or perubahan) in ``tahun`` or ``tahun + 1`` (memoised)."""
        key = ("punya_target", tahun)
        if key not in self.memo:
            self.memo[key] = {
                node_id
                for node_id, inds in self.indikator_node.items()
                if any(
                    self.target(ind.id, t)[0] is not None
                    for ind in inds
                    for t in (tahun, tahun + 1)
                )
            }
        return set(self.memo[key])

    def jumlah_anggaran(self, jenis: str, tahun: int, triwulan: int = 0) -> dict[int, Decimal]:
        """Budget of every node: its sub kegiatan's value, summed up the tree.

        Nodes with no sub kegiatan value below them are absent (a sum over no
        values is no value).
        """
        key = (jenis, tahun, triwulan)
        if key not in self._jumlah:
            self._jumlah[key] = self.jumlah_ke_atas(
                {n: self.nod.get((n, tahun, jenis, triwulan)) for n in self.sub_kegiatan}
            )
        return self._jumlah[key]

    def jumlah_ke_atas(self, nilai_sub: Mapping[int, Decimal | None]) -> dict[int, Decimal]:
        """Roll a value of every sub kegiatan up the tree (``rumus.jumlah_ke_atas``)."""
        return rumus.jumlah_ke_atas(self.induk, nilai_sub)

    def jumlah_rentang(
        self, jenis: str, tahun: Iterable[int], triwulan: int = 0
    ) -> dict[int, Decimal]:
        """Every node's budget summed over several years (e.g. the Renstra period's pagu)."""
        return _jumlah_per_node(self.jumlah_anggaran(jenis, t, triwulan) for t in tahun)

    def pagu_berlaku(self, tahun: int) -> dict[int, Decimal]:
        """The year's budget per node: the perubahan one where a sub kegiatan has it (a copy)."""
        key = ("pagu_berlaku", tahun)
        if key not in self.memo:
            pagu: dict[int, Decimal | None] = {}
            for n in self.sub_kegiatan:
                value = self.nod.get((n, tahun, "pagu_perubahan", 0))
                pagu[n] = value if value is not None else self.nod.get((n, tahun, "pagu", 0))
            self.memo[key] = self.jumlah_ke_atas(pagu)
        return dict(self.memo[key])

    def belanja(self, tahun: int) -> dict[int, Decimal]:
        """A year's spending per node (a copy): every sub kegiatan's ``rumus.belanja_tahun``
        (its yearly realisasi anggaran, else the sum of its quarters), summed up the tree."""
        key = ("belanja", tahun)
        if key not in self.memo:
            subs = self.sub_kegiatan
            nilai = rumus.belanja_tahun_kolom(
                [self.nod.get((n, tahun, "realisasi_anggaran", 0)) for n in subs],
                [
                    [self.nod.get((n, tahun, "realisasi_anggaran", q)) for q in range(1, 5)]
                    for n in subs
                ],
            )
            self.memo[key] = self.jumlah_ke_atas(dict(zip(subs, nilai, strict=True)))
        return dict(self.memo[key])

    def belanja_rentang(self, tahun: Iterable[int]) -> dict[int, Decimal]:
        """Every node's spending summed over several years (E.81 "s/d tahun lalu")."""
        return _jumlah_per_node(self.belanja(t) for t in tahun)

    def teks_node(self, node_id: int, tahun: int, jenis: str) -> str:
        return self.nod_teks.get((node_id, tahun, jenis), "")

    def dengan_leluhur(self, node_ids: Iterable[int]) -> list[int]:
        """The nodes and all their ancestors, in tree order (the rows a table prints)."""
        wanted: set[int] = set()
        for node_id in node_ids:
            current: int | None = node_id
            while current is not None and current not in wanted:
                wanted.add(current)
                current = self.node[current].parent_id
        return [n for n in self.urut_pohon() if n in wanted]

    def leluhur_level(self, node_id: int, level: str) -> int | None:
        """The node's ancestor of that level (its kegiatan, its program), if any."""
        current = self.node[node_id].parent_id
        while current is not None:
            if self.node[current].level == level:
                return current
            current = self.node[current].parent_id
        return None

    def cari_kode(self, kode: str) -> int | None:
        """The id of the (first) node with that code."""
        return next((i for i, v in self.node.items() if v.kode == kode), None)


def _jumlah_per_node(per_tahun: Iterable[Mapping[int, Decimal]]) -> dict[int, Decimal]:
    """Per node, the sum of its figures over several years (nodes without any are absent)."""
    nilai: dict[int, list[Decimal | None]] = defaultdict(list)
    for isi in per_tahun:
        for node_id, value in isi.items():
            nilai[node_id].append(value)
    hasil: dict[int, Decimal] = {}
    for node_id, values in nilai.items():
        total = rumus.jumlah(values)
        if total is not None:
            hasil[node_id] = total
    return hasil


def kerangka_baris(
    idx: Indeks, node_ids: Iterable[int]
) -> list[tuple[int, IndikatorData | None, int]]:
    """(node, indicator, urutan) of every row: one per (node, indicator), one for a node without."""
    rows: list[tuple[int, IndikatorData | None, int]] = []
    for node_id in node_ids:
        indikator = idx.indikator_node.get(node_id, [])
        if not indikator:
            rows.append((node_id, None, 0))
        else:
            rows.extend((node_id, ind, urutan) for urutan, ind in enumerate(indikator))
    return rows


def baris_dari_kerangka(
    idx: Indeks,
    kerangka: Sequence[tuple[int, IndikatorData | None, int]],
    nilai: Iterable[dict[str, Nilai]],
    jejak: Iterable[dict[str, str]],
) -> list[Baris]:
    """The rows of a ``_kerangka`` with their computed cells (in the same order)."""
    rows: list[Baris] = []
    for (node_id, ind, urutan), isi_nilai, isi_jejak in zip(kerangka, nilai, jejak, strict=True):
        node = idx.node[node_id]
        rows.append(
            Baris(
                kode=node.kode,
                uraian=node.uraian,
                level=node.level,
                indikator=ind.nama if ind is not None else "",
                satuan=ind.satuan if ind is not None else "",
                lanjutan=urutan > 0,
                nilai=isi_nilai,
                jejak=isi_jejak,
            )
        )
    return rows


def baris_per_indikator(
    idx: Indeks,
    node_ids: Iterable[int],
    isi: Callable[[int, IndikatorData | None], tuple[dict[str, Nilai], dict[str, str]]],
) -> list[Baris]:
    """One row per (node, indicator); a node without indicators gets one row."""
    kerangka = kerangka_baris(idx, node_ids)
    hasil = [isi(node_id, ind) for node_id, ind, _ in kerangka]
    return baris_dari_kerangka(idx, kerangka, (n for n, _ in hasil), (j for _, j in hasil))


def kolom_sel(values: Sequence[Nilai]) -> pd.Series:
    """A column of cells for the vectorised formulas of ``inti.rumus``."""
    return pd.Series(values, dtype=object)


def bingkai_periode(kolom: Mapping[Any, Sequence[Nilai]], baris: int) -> pd.DataFrame:
    """Columns (periods, in order) of ``baris`` rows; no column gives ``baris`` empty rows."""
    return pd.DataFrame(kolom, index=pd.RangeIndex(baris), dtype=object)
