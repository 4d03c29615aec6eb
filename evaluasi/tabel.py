"""The official tables (domain.md §5) computed from a loaded plan.

Every builder takes a ``DataRencana`` (no database access here) and returns a
``Tabel``: typed rows whose computed cells carry their formula and inputs
(``Baris.jejak``), so the HTML page can explain each cell on hover and the
exporters never compute anything themselves. Formulas come from
``inti.rumus`` only; rounding happens in the exporters.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from decimal import Decimal
from typing import Any

import pandas as pd

from evaluasi.muat import DataRencana
from inti import rumus
from inti.tabel import Baris, Kolom, Nilai, Tabel, TabelTidakDapatDibuat

Ind = tuple[int, str, str, str, str]  # (id, nama, satuan, polaritas, akumulasi)

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
        self.node = {
            int(i): (k, lv, None if p is None or p != p else int(p), u)
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
        for node_id, (_, _, parent, _) in sorted(self.node.items(), key=lambda kv: kv[1][0]):
            self.anak[parent].append(node_id)
        ind = data.indikator.sort_values(["urutan", "id"])
        self.indikator_node: dict[int, list[tuple[int, str, str, str, str]]] = defaultdict(list)
        self.indikator_sasaran: dict[int, list[tuple[int, str, str, str, str]]] = defaultdict(list)
        self.indikator_tujuan: dict[int, list[tuple[int, str, str, str, str]]] = defaultdict(list)
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
            item = (int(i), nama, satuan, pol, akm)
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
        tahunan = self.ind.get((ind_id, tahun, "realisasi", 0))
        if tahunan is not None:
            return tahunan
        kuartal = [self.ind.get((ind_id, tahun, "realisasi", q)) for q in range(1, 5)]
        return rumus.agregasi_nilai(kuartal, akumulasi)

    def realisasi_tahun_kolom(self, inds: Sequence[Ind], tahun: int) -> list[Decimal | None]:
        """:meth:`realisasi_tahun` of many indicators; their quarters aggregated in one go."""
        hasil = [self.ind.get((ind[0], tahun, "realisasi", 0)) for ind in inds]
        kuartal = {
            k: [self.ind.get((inds[k][0], tahun, "realisasi", q)) for q in range(1, 5)]
            for k, v in enumerate(hasil)
            if v is None
        }
        # Without a yearly value nor any quarter there is nothing to aggregate.
        sisa = [k for k, nilai in kuartal.items() if any(v is not None for v in nilai)]
        if sisa:
            frame = pd.DataFrame([kuartal[k] for k in sisa], dtype=object)
            akumulasi = pd.Series([inds[k][4] for k in sisa], dtype=object)
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
                    self.target(ind[0], t)[0] is not None
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
                lambda node_id: self.nod.get((node_id, tahun, jenis, triwulan))
            )
        return self._jumlah[key]

    def jumlah_ke_atas(self, nilai_sub: Callable[[int], Decimal | None]) -> dict[int, Decimal]:
        """Roll a value of every sub kegiatan up the tree: each node gets the sum below it."""
        total: dict[int, Decimal] = {}
        for node_id, (_, level, _, _) in self.node.items():
            if level != "sub_kegiatan":
                continue
            value = nilai_sub(node_id)
            current: int | None = node_id
            while value is not None and current is not None:
                total[current] = total.get(current, Decimal(0)) + value
                current = self.node[current][2]
        return total

    def jumlah_rentang(
        self, jenis: str, tahun: Iterable[int], triwulan: int = 0
    ) -> dict[int, Decimal]:
        total: dict[int, Decimal] = {}
        for t in tahun:
            for node_id, value in self.jumlah_anggaran(jenis, t, triwulan).items():
                total[node_id] = total.get(node_id, Decimal(0)) + value
        return total

    def teks_node(self, node_id: int, tahun: int, jenis: str) -> str:
        return self.nod_teks.get((node_id, tahun, jenis), "")


def _kerangka(idx: Indeks, node_ids: Iterable[int]) -> list[tuple[int, Ind | None, int]]:
    """(node, indicator, urutan) of every row: one per (node, indicator), one for a node without."""
    rows: list[tuple[int, Ind | None, int]] = []
    for node_id in node_ids:
        indikator = idx.indikator_node.get(node_id, [])
        if not indikator:
            rows.append((node_id, None, 0))
        else:
            rows.extend((node_id, ind, urutan) for urutan, ind in enumerate(indikator))
    return rows


def _baris_kerangka(
    idx: Indeks,
    kerangka: Sequence[tuple[int, Ind | None, int]],
    nilai: Iterable[dict[str, Nilai]],
    jejak: Iterable[dict[str, str]],
) -> list[Baris]:
    """The rows of a ``_kerangka`` with their computed cells (in the same order)."""
    rows: list[Baris] = []
    for (node_id, ind, urutan), isi_nilai, isi_jejak in zip(kerangka, nilai, jejak, strict=True):
        kode, level, _, uraian = idx.node[node_id]
        rows.append(
            Baris(
                kode=kode,
                uraian=uraian,
                level=level,
                indikator=ind[1] if ind is not None else "",
                satuan=ind[2] if ind is not None else "",
                lanjutan=urutan > 0,
                nilai=isi_nilai,
                jejak=isi_jejak,
            )
        )
    return rows


def _baris_per_indikator(
    idx: Indeks,
    node_ids: Iterable[int],
    isi: Callable[[int, Ind | None], tuple[dict[str, Nilai], dict[str, str]]],
) -> list[Baris]:
    """One row per (node, indicator); a node without indicators gets one row."""
    kerangka = _kerangka(idx, node_ids)
    hasil = [isi(node_id, ind) for node_id, ind, _ in kerangka]
    return _baris_kerangka(idx, kerangka, (n for n, _ in hasil), (j for _, j in hasil))


def _seri(values: Sequence[Nilai]) -> pd.Series:
    """A column of cells for the vectorised formulas of ``inti.rumus``."""
    return pd.Series(values, dtype=object)


def _bingkai(kolom: Mapping[Any, Sequence[Nilai]], baris: int) -> pd.DataFrame:
    """Columns (periods, in order) of ``baris`` rows; no column gives ``baris`` empty rows."""
    return pd.DataFrame(kolom, index=pd.RangeIndex(baris), dtype=object)


def _dengan_leluhur(idx: Indeks, node_ids: set[int]) -> list[int]:
    wanted = set()
    for node_id in node_ids:
        current: int | None = node_id
        while current is not None and current not in wanted:
            wanted.add(current)
            current = idx.node[current][2]
    return [n for n in idx.urut_pohon() if n in wanted]


def _fmt(x: Decimal | None) -> str:
    return "-" if x is None else format(x.normalize(), "f") if x == x.to_integral() else str(x)


# --- T-C.29 ----------------------------------------------------------------------------


def tc29(data: DataRencana, *, tahun: int, dengan_sub_kegiatan: bool = False) -> Tabel:
    """Rekapitulasi evaluasi hasil pelaksanaan Renja dan pencapaian Renstra s/d tahun n-1."""
    idx = indeks(data)
    n2, n1, n3 = tahun - 2, tahun - 1, tahun - 3
    akhir = data.tahun_selesai
    tahun_sd_n3 = list(range(data.tahun_mulai, n3 + 1))
    levels = {"program", "kegiatan"} | ({"sub_kegiatan"} if dengan_sub_kegiatan else set())

    def relevan(node_id: int) -> bool:
        if idx.node[node_id][1] not in levels:
            return False
        for ind_id, *_ in idx.indikator_node.get(node_id, []):
            if any(
                idx.ind.get((ind_id, t, j, 0)) is not None
                for t, j in [
                    (akhir, "target_renstra_akhir"),
                    (n2, "target"),
                    (n2, "realisasi"),
                    (n1, "target"),
                ]
            ):
                return True
        return False

    nodes = _dengan_leluhur(idx, {n for n in idx.node if relevan(n)})
    kerangka = _kerangka(idx, nodes)
    inds = [ind for _, ind, _ in kerangka if ind is not None]
    nilai_k, jejak_k = _tc29_kolom(idx, inds, tahun=tahun, tahun_sd_n3=tahun_sd_n3)
    isi_nilai, isi_jejak = iter(nilai_k), iter(jejak_k)
    baris = _baris_kerangka(
        idx,
        kerangka,
        (next(isi_nilai) if ind is not None else {} for _, ind, _ in kerangka),
        (next(isi_jejak) if ind is not None else {} for _, ind, _ in kerangka),
    )

    kolom = [
        Kolom(
            "k4", "4", f"Target kinerja capaian program (Renstra) tahun {data.tahun_mulai}-{akhir}"
        ),
        Kolom("k5", "5", f"Realisasi target kinerja s/d tahun {n3} (n-3)"),
        Kolom("k6", "6", f"Target Renja tahun {n2} (n-2)"),
        Kolom("k7", "7", f"Realisasi Renja tahun {n2} (n-2)"),
        Kolom("k8", "8", "Tingkat realisasi (%)", "8 = 7/6"),
        Kolom("k9", "9", f"Target Renja tahun {n1} (n-1)"),
        Kolom(
            "k10",
            "10",
            f"Perkiraan realisasi capaian s/d tahun {n1}",
            "10 = 5+7+9 (menurut akumulasi)",
        ),
        Kolom("k11", "11", "Tingkat capaian realisasi target Renstra (%)", "11 = 10/4"),
    ]
    return Tabel(
        kode="tc29",
        judul=f"Tabel T-C.29 Rekapitulasi Evaluasi Hasil Pelaksanaan Renja Perangkat Daerah dan Pencapaian Renstra Perangkat Daerah s/d Tahun {n1}",
        kolom=kolom,
        baris=baris,
        catatan=[
            "Kolom 8 dan 11: capaian positif = realisasi/target × 100; negatif = (2×target − realisasi)/target × 100; "
            "tidak dibatasi 100%; dibulatkan setengah ke atas.",
            "Kolom 10 menurut akumulasi indikator: kumulatif 5+7+9; non-kumulatif nilai terakhir; rata-rata.",
        ],
        tahun=tahun,
    )


_CARA_TC29 = {
    "kumulatif": "5 + 7 + 9",
    "non_kumulatif": "nilai terakhir dari 9, 7, 5",
    "rata_rata": "rata-rata 5, 7, 9",
}


def _tc29_kolom(
    idx: Indeks, inds: list[Ind], *, tahun: int, tahun_sd_n3: list[int]
) -> tuple[list[dict[str, Nilai]], list[dict[str, str]]]:
    """Columns 4-11 and their jejak for every indicator row, each formula over the whole column."""
    n2, n1, n3 = tahun - 2, tahun - 1, tahun - 3
    m = len(inds)
    if not m:
        return [], []
    pol = _seri([ind[3] for ind in inds])
    akm = _seri([ind[4] for ind in inds])
    k4 = [idx.target_akhir(ind[0]) for ind in inds]
    per_tahun = {t: idx.realisasi_tahun_kolom(inds, t) for t in tahun_sd_n3}
    k5 = rumus.agregasi_baris(_bingkai(per_tahun, m), akm).tolist()
    k6, jenis6 = zip(*(idx.target(ind[0], n2) for ind in inds), strict=True)
    k7 = idx.realisasi_tahun_kolom(inds, n2)
    k8 = rumus.capaian_series(_seri(k6), _seri(k7), pol)
    k9, jenis9 = zip(*(idx.target(ind[0], n1) for ind in inds), strict=True)
    k10 = rumus.agregasi_baris(_bingkai({5: k5, 7: k7, 9: k9}, m), akm)
    k11 = rumus.capaian_series(_seri(k4), k10, pol)
    tampil8 = rumus.bulat_series(k8).tolist()
    tampil11 = rumus.bulat_series(k11).tolist()
    k8l, k10l, k11l = k8.tolist(), k10.tolist(), k11.tolist()
    awal = tahun_sd_n3[0] if tahun_sd_n3 else "-"
    realisasi_lalu = list(zip(*per_tahun.values(), strict=True)) if per_tahun else [()] * m
    nilai = [
        {
            "k4": k4[i],
            "k5": k5[i],
            "k6": k6[i],
            "k7": k7[i],
            "k8": k8l[i],
            "k9": k9[i],
            "k10": k10l[i],
            "k11": k11l[i],
        }
        for i in range(m)
    ]
    jejak = []
    for i, (_, _, _, p, a) in enumerate(inds):
        cara = _CARA_TC29[a]
        jejak.append(
            {
                "k5": f"realisasi {awal}–{n3} ({a}): {', '.join(_fmt(v) for v in realisasi_lalu[i]) or '-'} → {_fmt(k5[i])}",
                "k6": f"{jenis6[i]} {n2}",
                "k8": f"capaian {p}: realisasi {_fmt(k7[i])} / target {_fmt(k6[i])} × 100 = {_fmt(tampil8[i])}",
                "k9": f"{jenis9[i]} {n1}",
                "k10": f"{a}: {cara} = {_fmt(k10l[i])}",
                "k11": f"capaian {p}: {_fmt(k10l[i])} / target akhir {_fmt(k4[i])} × 100 = {_fmt(tampil11[i])}",
            }
        )
    return nilai, jejak


# --- T-C.30 ----------------------------------------------------------------------------


def tc30(data: DataRencana, *, tahun: int) -> Tabel:
    """Pencapaian kinerja pelayanan: Renstra targets n-2…n+1, realisasi n-2 and n-1, proyeksi."""
    idx = indeks(data)
    years = [tahun - 2, tahun - 1, tahun, tahun + 1]
    rows: list[Baris] = []
    nomor = 0
    for node_id in idx.urut_pohon():
        kode, level, _, uraian = idx.node[node_id]
        for ind_id, nama, satuan, _pol, akm in idx.indikator_node.get(node_id, []):
            targets = [idx.ind.get((ind_id, t, "target_renstra", 0)) for t in years]
            real = [idx.realisasi_tahun(ind_id, t, akm) for t in years[:2]]
            if all(v is None for v in targets + real):
                continue
            nomor += 1
            proyeksi = {}
            jejak = {}
            for kunci, t, target in (("k11", tahun, targets[2]), ("k12", tahun + 1, targets[3])):
                realisasi = idx.realisasi_tahun(ind_id, t, akm)
                proyeksi[kunci] = realisasi if realisasi is not None else target
                jejak[kunci] = (
                    f"realisasi {t}"
                    if realisasi is not None
                    else f"belum ada realisasi {t}: target Renstra {t}"
                )
            rows.append(
                Baris(
                    kode=kode,
                    uraian=uraian,
                    level=level,
                    indikator=nama,
                    satuan=satuan,
                    nilai={
                        "k1": Decimal(nomor),
                        "k3": None,
                        "k4": None,
                        "k5": targets[0],
                        "k6": targets[1],
                        "k7": targets[2],
                        "k8": targets[3],
                        "k9": real[0],
                        "k10": real[1],
                        **proyeksi,
                        "k13": "",
                    },
                    jejak=jejak,
                )
            )
    t = tahun
    kolom = [
        Kolom("k1", "1", "No."),
        Kolom("k3", "3", "SPM/Standar Nasional"),
        Kolom("k4", "4", "IKK"),
        Kolom("k5", "5", f"Target Renstra {t - 2}"),
        Kolom("k6", "6", f"Target Renstra {t - 1}"),
        Kolom("k7", "7", f"Target Renstra {t}"),
        Kolom("k8", "8", f"Target Renstra {t + 1}"),
        Kolom("k9", "9", f"Realisasi {t - 2}"),
        Kolom("k10", "10", f"Realisasi {t - 1}"),
        Kolom("k11", "11", f"Proyeksi {t}"),
        Kolom("k12", "12", f"Proyeksi {t + 1}"),
        Kolom("k13", "13", "Catatan analisis"),
    ]
    return Tabel(
        kode="tc30",
        judul="Tabel T-C.30 Pencapaian Kinerja Pelayanan Perangkat Daerah",
        kolom=kolom,
        baris=rows,
        catatan=["Proyeksi: realisasi bila sudah ada, selain itu target Renstra tahun itu."],
        tahun=tahun,
    )


# --- T-C.31 ----------------------------------------------------------------------------


def tc31(data: DataRencana, *, tahun: int) -> Tabel:
    """Review terhadap rancangan awal RKPD: RKPD side vs hasil analisis kebutuhan, with catatan."""
    idx = indeks(data)
    awal = idx.jumlah_anggaran("pagu_rkpd", tahun)
    analisis = idx.jumlah_anggaran("pagu", tahun)
    nodes = [
        n
        for n in idx.urut_pohon()
        if idx.node[n][1] in ("program", "kegiatan", "sub_kegiatan")
        and (n in awal or n in analisis)
    ]

    def isi(
        node_id: int, ind: tuple[int, str, str, str, str] | None
    ) -> tuple[dict[str, Nilai], dict[str, str]]:
        lokasi = idx.teks_node(node_id, tahun, "lokasi")
        t_awal = idx.ind.get((ind[0], tahun, "target_rkpd", 0)) if ind else None
        t_analisis = idx.target(ind[0], tahun)[0] if ind else None
        p_awal, p_analisis = awal.get(node_id), analisis.get(node_id)
        catatan = _catatan_tc31(t_awal, t_analisis, p_awal, p_analisis, ind is not None)
        return {
            "k3": lokasi,
            "k5": t_awal,
            "k6": p_awal,
            "k8": lokasi,
            "k10": t_analisis,
            "k11": p_analisis,
            "k12": catatan,
        }, {"k12": "dibuat otomatis dari perbedaan kedua sisi"}

    rows = _baris_per_indikator(idx, nodes, isi)
    for row in rows:
        if row.lanjutan:
            row.nilai["k6"] = row.nilai["k11"] = None
    total = Baris(
        kode="",
        uraian="JUMLAH",
        level="jumlah",
        nilai={
            "k6": _jumlah_akar(idx, awal),
            "k11": _jumlah_akar(idx, analisis),
        },
    )
    kolom = [
        Kolom("k3", "3", "Rancangan awal RKPD: lokasi"),
        Kolom("k5", "5", "Rancangan awal RKPD: target capaian"),
        Kolom("k6", "6", "Rancangan awal RKPD: pagu indikatif (Rp)"),
        Kolom("k8", "8", "Hasil analisis kebutuhan: lokasi"),
        Kolom("k10", "10", "Hasil analisis kebutuhan: target capaian"),
        Kolom("k11", "11", "Hasil analisis kebutuhan: kebutuhan dana (Rp)"),
        Kolom("k12", "12", "Catatan penting"),
    ]
    return Tabel(
        kode="tc31",
        judul=f"Tabel T-C.31 Review terhadap Rancangan Awal RKPD Tahun {tahun}",
        kolom=kolom,
        baris=rows,
        kaki=[total],
        tahun=tahun,
    )


def _jumlah_akar(idx: Indeks, jumlah: dict[int, Decimal]) -> Decimal | None:
    roots = [n for n in idx.anak.get(None, []) if n in jumlah]
    return sum((jumlah[n] for n in roots), Decimal(0)) if roots else None


def _catatan_tc31(
    t_awal: Decimal | None,
    t_analisis: Decimal | None,
    p_awal: Decimal | None,
    p_analisis: Decimal | None,
    ada_indikator: bool,
) -> str:
    from inti.parsing import format_angka

    if p_awal is None and p_analisis is not None:
        return "baru (tidak ada di rancangan awal RKPD)"
    if p_awal is not None and p_analisis is None:
        return "tidak dilanjutkan (tidak ada di hasil analisis kebutuhan)"
    notes = []
    if ada_indikator and t_awal != t_analisis and (t_awal is not None or t_analisis is not None):
        notes.append(f"target berubah dari {_id(t_awal)} menjadi {_id(t_analisis)}")
    if p_awal is not None and p_analisis is not None and p_awal != p_analisis:
        beda = p_analisis - p_awal
        arah = "bertambah" if beda > 0 else "berkurang"
        persen = rumus.bulat(abs(beda) / p_awal * 100) if p_awal else None
        notes.append(
            f"pagu {arah} Rp{format_angka(abs(beda), 0)}"
            + (f" ({format_angka(persen, 2)}%)" if persen is not None else "")
        )
    return "; ".join(notes) or "-"


def _id(x: Decimal | None) -> str:
    from inti.parsing import format_angka

    if x is None:
        return "-"
    return format_angka(x, 0 if x == x.to_integral() else 2)


# --- T-C.33 and Tabel 4.1 --------------------------------------------------------------


def tc33(data: DataRencana, *, tahun: int) -> Tabel:
    """Rumusan rencana program dan kegiatan tahun n dan prakiraan maju n+1."""
    idx = indeks(data)
    pagu_n, pagu_n1 = idx.jumlah_anggaran("pagu", tahun), idx.jumlah_anggaran("pagu", tahun + 1)
    ber_target = idx.punya_target(tahun)
    nodes = [n for n in idx.urut_pohon() if n in pagu_n or n in pagu_n1 or n in ber_target]

    def isi(
        node_id: int, ind: tuple[int, str, str, str, str] | None
    ) -> tuple[dict[str, Nilai], dict[str, str]]:
        level = idx.node[node_id][1]
        t_n = idx.target(ind[0], tahun)[0] if ind else None
        t_n1 = idx.target(ind[0], tahun + 1)[0] if ind else None
        nilai: dict[str, Nilai] = {
            "k4": idx.teks_node(node_id, tahun, "lokasi"),
            "k5": t_n
            if t_n is not None
            else (idx.ind_teks.get((ind[0], tahun, "target", 0)) if ind else None),
            "k6": pagu_n.get(node_id),
            "k7": idx.teks_node(node_id, tahun, "sumber_dana"),
            "k8": idx.teks_node(node_id, tahun, "catatan") or "-",
            "k9": t_n1,
            "k10": pagu_n1.get(node_id),
        }
        jejak = {}
        if level != "sub_kegiatan":
            jejak = {
                "k6": "jumlah pagu sub kegiatan di bawahnya",
                "k10": "jumlah pagu sub kegiatan di bawahnya",
            }
        return nilai, jejak

    rows = _baris_per_indikator(idx, nodes, isi)
    for row in rows:
        if row.lanjutan:  # budgets belong to the node, printed once
            row.nilai["k6"] = row.nilai["k10"] = None
    kolom = [
        Kolom("k4", "4", f"Rencana tahun {tahun}: lokasi"),
        Kolom("k5", "5", f"Rencana tahun {tahun}: target capaian kinerja"),
        Kolom("k6", "6", f"Rencana tahun {tahun}: kebutuhan dana/pagu indikatif"),
        Kolom("k7", "7", f"Rencana tahun {tahun}: sumber dana"),
        Kolom("k8", "8", "Catatan penting"),
        Kolom("k9", "9", f"Prakiraan maju {tahun + 1}: target capaian kinerja"),
        Kolom("k10", "10", f"Prakiraan maju {tahun + 1}: kebutuhan dana/pagu indikatif"),
    ]
    return Tabel(
        kode="tc33",
        judul=f"Tabel T-C.33 Rumusan Rencana Program dan Kegiatan Perangkat Daerah Tahun {tahun} dan Prakiraan Maju Tahun {tahun + 1}",
        kolom=kolom,
        baris=rows,
        catatan=[
            "Pagu urusan, bidang, program dan kegiatan adalah jumlah pagu sub kegiatan di bawahnya."
        ],
        tahun=tahun,
    )


def t41(data: DataRencana, *, tahun: int) -> Tabel:
    """Tabel 4.1 (BAB IV): T-C.33 year n plus the responsible agency and rincian belanja."""
    idx = indeks(data)
    pagu = idx.jumlah_anggaran("pagu", tahun)
    ber_target = idx.punya_target(tahun)
    nodes = [n for n in idx.urut_pohon() if n in pagu or n in ber_target]

    def isi(
        node_id: int, ind: tuple[int, str, str, str, str] | None
    ) -> tuple[dict[str, Nilai], dict[str, str]]:
        target = idx.target(ind[0], tahun)[0] if ind else None
        return {
            "k4": target,
            "k5": pagu.get(node_id),
            "k6": idx.teks_node(node_id, tahun, "lokasi"),
            "k7": idx.teks_node(node_id, tahun, "sumber_dana"),
            "k8": data.pd_nama,
            "rincian": idx.teks_node(node_id, tahun, "rincian_belanja"),
        }, {}

    rows = _baris_per_indikator(idx, nodes, isi)
    for row in rows:
        if row.lanjutan:
            row.nilai["k5"] = None
    kolom = [
        Kolom("k4", "4", "Target"),
        Kolom("k5", "5", "Pagu indikatif (Rp)"),
        Kolom("k6", "6", "Lokasi"),
        Kolom("k7", "7", "Sumber dana"),
        Kolom("k8", "8", "Perangkat daerah penanggung jawab"),
    ]
    return Tabel(
        kode="t41",
        judul=f"Tabel 4.1 Program dan Kegiatan Perangkat Daerah Tahun {tahun}",
        kolom=kolom,
        baris=rows,
        tahun=tahun,
    )


def tc32(data: DataRencana, *, tahun: int) -> Tabel:
    """Usulan program dan kegiatan dari para pemangku kepentingan: no proposals are stored yet."""
    kolom = [
        Kolom("k2", "2", "Program/Kegiatan"),
        Kolom("k3", "3", "Lokasi"),
        Kolom("k4", "4", "Indikator kinerja"),
        Kolom("k5", "5", "Besaran/volume"),
        Kolom("k6", "6", "Catatan"),
    ]
    return Tabel(
        kode="tc32",
        judul=f"Tabel T-C.32 Usulan Program dan Kegiatan dari Para Pemangku Kepentingan Tahun {tahun}",
        kolom=kolom,
        baris=[],
        catatan=["NIHIL"],
        tahun=tahun,
    )


# --- Formulir E.81 ---------------------------------------------------------------------


def e81(data: DataRencana, *, tahun: int, triwulan: int, versi: str = "murni") -> Tabel:
    """Evaluasi terhadap hasil Renja per triwulan (K and Rp for every quantity)."""
    if triwulan not in (1, 2, 3, 4):
        raise TabelTidakDapatDibuat("E.81 memerlukan --triwulan 1-4.")
    idx = indeks(data)
    jenis_pagu = "pagu_perubahan" if versi == "perubahan" else "pagu"
    akhir = data.tahun_selesai
    lalu = list(range(data.tahun_mulai, tahun))
    rp5 = idx.jumlah_rentang("pagu_renstra", range(data.tahun_mulai, akhir + 1))
    rp6 = idx.jumlah_rentang("realisasi_anggaran", lalu)
    rp7 = idx.jumlah_anggaran(jenis_pagu, tahun)
    if versi == "perubahan":  # sub kegiatan unchanged by the perubahan keep their murni pagu
        murni = idx.jumlah_anggaran("pagu", tahun)
        rp7 = {**{k: v for k, v in murni.items() if k not in rp7}, **rp7}
    rp_tw = {q: idx.jumlah_anggaran("realisasi_anggaran", tahun, q) for q in range(1, 5)}
    ber_target = idx.punya_target(tahun)
    nodes = [
        n
        for n in idx.urut_pohon()
        if idx.node[n][1] in ("program", "kegiatan", "sub_kegiatan")
        and (n in rp7 or n in ber_target)
    ]

    # Sasaran rows first: their IKU (K) and the budget of the programs serving them (Rp).
    program_sasaran: dict[int, list[int]] = defaultdict(list)
    for link in data.sasaran_program.itertuples(index=False):
        program_sasaran[int(link.sasaran_id)].append(int(link.program_id))
    kerangka_sasaran = [
        (sas, ind, urutan)
        for sas in data.sasaran.itertuples(index=False)
        for urutan, ind in enumerate(idx.indikator_sasaran.get(int(sas.id), []))
    ]
    kerangka = _kerangka(idx, nodes)

    # Each column computed for all rows at once: K for every row with an indicator, Rp for the
    # first row of every sasaran (its programs summed) and of every node.
    inds = [ind for _, ind, _ in kerangka_sasaran]
    inds += [ind for _, ind, _ in kerangka if ind is not None]
    nilai_k, jejak_k = _e81_k(idx, inds, tahun=tahun, triwulan=triwulan, lalu=lalu)
    kelompok = [program_sasaran.get(int(sas.id), []) for sas, _, u in kerangka_sasaran if u == 0]
    kelompok += [[node_id] for node_id, _, u in kerangka if u == 0]
    nilai_rp = _e81_rp(kelompok, [rp5, rp6, rp7], rp_tw, triwulan=triwulan)
    isi_k, isi_jejak_k, isi_rp = iter(nilai_k), iter(jejak_k), iter(nilai_rp)

    jejak_rp = {"k13_rp": "serapan: 12/7 × 100", "k15_rp": "serapan: 14/5 × 100"}
    rows: list[Baris] = []
    for sas, ind, urutan in kerangka_sasaran:
        nilai, jejak = next(isi_k), next(isi_jejak_k)
        if urutan == 0:
            nilai.update(next(isi_rp))
            jejak.update({**jejak_rp, "k7_rp": "jumlah pagu program yang melayani sasaran ini"})
        nilai["unit"] = data.pd_kode
        rows.append(
            Baris(
                kode=f"SASARAN-{sas.kunci}",
                uraian=sas.uraian,
                level="sasaran",
                indikator=ind[1],
                satuan=ind[2],
                lanjutan=urutan > 0,
                nilai=nilai,
                jejak=jejak,
            )
        )

    def isi(ind: Ind | None, urutan: int) -> tuple[dict[str, Nilai], dict[str, str]]:
        nilai, jejak = (next(isi_k), next(isi_jejak_k)) if ind is not None else ({}, {})
        # Rp: the node's budget, the same whatever the indicator, printed on its first row only.
        nilai.update(next(isi_rp) if urutan == 0 else dict.fromkeys(_KOLOM_RP))
        nilai["unit"] = data.pd_kode
        return nilai, {**jejak, **jejak_rp}

    hasil = [isi(ind, urutan) for _, ind, urutan in kerangka]
    rows += _baris_kerangka(idx, kerangka, (n for n, _ in hasil), (j for _, j in hasil))
    kaki = _kaki_e81(idx, rows, data.skala_untuk("predikat"))
    kolom = []
    judul = {
        5: "Target Renstra akhir periode",
        6: f"Realisasi Renstra s/d tahun lalu ({tahun - 1})",
        7: f"Target Renja tahun {tahun}",
        8: "Realisasi TW I",
        9: "Realisasi TW II",
        10: "Realisasi TW III",
        11: "Realisasi TW IV",
        12: f"Realisasi tahun {tahun} s/d TW {_romawi(triwulan)}",
        13: f"Tingkat capaian tahun {tahun} (%)",
        14: f"Realisasi Renstra s/d tahun {tahun}",
        15: "Tingkat capaian Renstra (%)",
    }
    rumus_kolom = {12: "12 = 8+9+10+11", 13: "13 = 12/7", 14: "14 = 6+12", 15: "15 = 14/5"}
    for nomor, teks in judul.items():
        for sisi in ("k", "rp"):
            kolom.append(
                Kolom(
                    f"k{nomor}_{sisi}",
                    f"{nomor}",
                    f"{teks} ({'K' if sisi == 'k' else 'Rp'})",
                    rumus_kolom.get(nomor, ""),
                )
            )
    kolom.append(Kolom("unit", "16", "Unit penanggung jawab"))
    return Tabel(
        kode="e81",
        judul=f"Formulir E.81 Evaluasi terhadap Hasil Renja Perangkat Daerah Tahun {tahun} Triwulan {_romawi(triwulan)}",
        kolom=kolom,
        baris=rows,
        kaki=kaki,
        catatan=[
            "K menurut akumulasi indikator; Rp dijumlahkan. Capaian Rp = serapan anggaran.",
            f"Predikat: {data.skala_untuk('predikat').nama} ({data.skala_untuk('predikat').versi}): "
            f"{data.skala_untuk('predikat').uraian()}.",
        ],
        tahun=tahun,
        keterangan=_keterangan_e81(data, tahun=tahun, triwulan=triwulan),
    )


# The closing rows of the form (Permendagri 86/2017, as Banjarbaru prints them).
LABEL_CATATAN_E81 = {
    "faktor_pendorong": "Faktor pendorong keberhasilan pencapaian",
    "faktor_penghambat": "Faktor penghambat pencapaian kinerja",
    "tindak_lanjut_triwulan": "Tindak lanjut yang diperlukan dalam triwulan berikutnya",
    "tindak_lanjut_renja": "Tindak lanjut yang diperlukan dalam Renja Perangkat Daerah berikutnya",
}


def _keterangan_e81(data: DataRencana, *, tahun: int, triwulan: int) -> list[tuple[str, str]]:
    """The planner's account of this quarter; every label printed, "-" where nothing was said."""
    c = data.catatan_evaluasi
    baris = c[(c["tahun"] == tahun) & (c["triwulan"] == triwulan)]
    isi = baris.iloc[0].to_dict() if len(baris) else {}
    return [(label, str(isi.get(k) or "").strip() or "-") for k, label in LABEL_CATATAN_E81.items()]


_KOLOM_RP = [f"k{nomor}_rp" for nomor in range(5, 16)]


def _e81_k(
    idx: Indeks, inds: list[Ind], *, tahun: int, triwulan: int, lalu: list[int]
) -> tuple[list[dict[str, Nilai]], list[dict[str, str]]]:
    """E.81 columns 5-15 (K) and their jejak for every indicator row, formulas per column."""
    m = len(inds)
    if not m:
        return [], []
    # Columns 5-7 do not depend on the triwulan: computed once per plan for all four.
    baru = [ind for ind in dict.fromkeys(inds) if ("e81_k", ind[0], tahun) not in idx.memo]
    if baru:
        akm_baru = _seri([ind[4] for ind in baru])
        per_tahun = {t: idx.realisasi_tahun_kolom(baru, t) for t in lalu}
        k6_baru = rumus.agregasi_baris(_bingkai(per_tahun, len(baru)), akm_baru).tolist()
        for ind, k6 in zip(baru, k6_baru, strict=True):
            idx.memo[("e81_k", ind[0], tahun)] = (
                idx.target_akhir(ind[0]),
                k6,
                idx.target(ind[0], tahun)[0],
            )
    dasar = [idx.memo[("e81_k", ind[0], tahun)] for ind in inds]
    k5, k6, k7 = (list(c) for c in zip(*dasar, strict=True))
    pol = _seri([ind[3] for ind in inds])
    akm = _seri([ind[4] for ind in inds])
    tw = {
        q: [idx.ind.get((ind[0], tahun, "realisasi", q)) for ind in inds]
        for q in range(1, triwulan + 1)
    }
    k12 = rumus.agregasi_baris(_bingkai(tw, m), akm)
    k14 = rumus.agregasi_baris(_bingkai({6: k6, 12: k12.tolist()}, m), akm)
    k13 = rumus.capaian_series(_seri(k7), k12, pol).tolist()
    k15 = rumus.capaian_series(_seri(k5), k14, pol).tolist()
    k12l, k14l = k12.tolist(), k14.tolist()
    kosong: list[Nilai] = [None] * m
    kolom = [k5, k6, k7, *(tw.get(q, kosong) for q in range(1, 5)), k12l, k13, k14l, k15]
    kunci = [f"k{nomor}_k" for nomor in range(5, 16)]
    nilai = [dict(zip(kunci, sel, strict=True)) for sel in zip(*kolom, strict=True)]
    s_d = f"TW I–{_romawi(triwulan)} menurut akumulasi"
    jejak = [
        {
            "k12_k": f"{s_d} ({a})",
            "k13_k": f"capaian {p}: 12/7 = {_fmt(k12l[i])} / {_fmt(k7[i])}",
            "k14_k": f"6 dan 12 menurut akumulasi ({a})",
            "k15_k": f"capaian {p}: 14/5 = {_fmt(k14l[i])} / {_fmt(k5[i])}",
        }
        for i, (_, _, _, p, a) in enumerate(inds)
    ]
    return nilai, jejak


def _e81_rp(
    kelompok: list[list[int]],
    dasar: list[dict[int, Decimal]],
    rp_tw: dict[int, dict[int, Decimal]],
    *,
    triwulan: int,
) -> list[dict[str, Nilai]]:
    """E.81 columns 5-15 (Rp) of each group of nodes (one node, or the programs of a sasaran):
    their budgets summed, then each formula over the whole column."""
    m = len(kelompok)
    if not m:
        return []

    def jumlah(values: dict[int, Decimal]) -> list[Decimal | None]:
        hasil: list[Decimal | None] = []
        for node_ids in kelompok:
            ada = [values[n] for n in node_ids if n in values]
            hasil.append(sum(ada, Decimal(0)) if ada else None)
        return hasil

    k5, k6, k7 = (jumlah(values) for values in dasar)
    tw = {q: jumlah(rp_tw[q]) for q in range(1, triwulan + 1)}
    k12 = rumus.agregasi_baris(_bingkai(tw, m), rumus.KUMULATIF)
    k14 = rumus.agregasi_baris(_bingkai({6: k6, 12: k12.tolist()}, m), rumus.KUMULATIF)
    k13 = rumus.serapan_series(k12, _seri(k7)).tolist()
    k15 = rumus.serapan_series(k14, _seri(k5)).tolist()
    kosong: list[Decimal | None] = [None] * m
    kolom = [
        k5,
        k6,
        k7,
        *(tw.get(q, kosong) for q in range(1, 5)),
        k12.tolist(),
        k13,
        k14.tolist(),
        k15,
    ]
    return [dict(zip(_KOLOM_RP, sel, strict=True)) for sel in zip(*kolom, strict=True)]


def _kaki_e81(idx: Indeks, rows: list[Baris], skala: rumus.Skala) -> list[Baris]:
    """Footer: mean of sub kegiatan K capaian; Rp capaian weighted (total realisasi ÷ total pagu)."""
    subs = [r for r in rows if r.level == "sub_kegiatan"]
    rata: dict[str, Nilai] = {}
    for kolom in ("k13_k", "k15_k"):
        values = [r.nilai.get(kolom) for r in subs if isinstance(r.nilai.get(kolom), Decimal)]
        rata[kolom] = rumus.agregasi_nilai(values, "rata_rata")  # type: ignore[arg-type]
    first_rows = [r for r in subs if not r.lanjutan]

    def total(kolom: str) -> Decimal | None:
        values = [r.nilai.get(kolom) for r in first_rows if isinstance(r.nilai.get(kolom), Decimal)]
        return rumus.agregasi_nilai(values, "kumulatif")  # type: ignore[arg-type]

    rata["k13_rp"] = rumus.serapan(total("k12_rp"), total("k7_rp"))
    rata["k15_rp"] = rumus.serapan(total("k14_rp"), total("k5_rp"))
    predikat: dict[str, Nilai] = {k: skala.kategori(v) for k, v in rata.items()}  # type: ignore[arg-type]
    return [
        Baris(
            kode="",
            uraian="RATA-RATA CAPAIAN",
            level="kaki",
            nilai=rata,
            jejak={
                "k13_k": "rata-rata hitung capaian kinerja baris sub kegiatan yang bernilai",
                "k13_rp": "total realisasi ÷ total pagu × 100 (tertimbang)",
            },
        ),
        Baris(kode="", uraian="PREDIKAT", level="kaki", nilai=predikat),
    ]


def _romawi(q: int) -> str:
    return {1: "I", 2: "II", 3: "III", 4: "IV"}[q]
