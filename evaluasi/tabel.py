"""The official tables (domain.md §5) computed from a loaded plan.

Every builder takes a ``DataRencana`` (no database access here) and returns a
``Tabel``: typed rows whose computed cells carry their formula and inputs
(``Baris.jejak``), so the HTML page can explain each cell on hover and the
exporters never compute anything themselves. Formulas come from
``evaluasi.rumus`` only; rounding happens in the exporters.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from evaluasi import rumus
from evaluasi.muat import DataRencana

Nilai = Decimal | str | None

LEVEL_NOMENKLATUR = ("urusan", "bidang", "program", "kegiatan", "sub_kegiatan")


@dataclass(frozen=True)
class Kolom:
    kunci: str  # machine name in CSV: k4, k12_rp …
    nomor: str  # the official column number printed under the header
    judul: str
    rumus: str = ""  # printed formula, e.g. "8 = 7/6"


@dataclass
class Baris:
    kode: str
    uraian: str
    level: str
    indikator: str = ""
    satuan: str = ""
    lanjutan: bool = False  # another indicator of the row above: no repeated code
    nilai: dict[str, Nilai] = field(default_factory=dict)
    jejak: dict[str, str] = field(default_factory=dict)


@dataclass
class Tabel:
    kode: str
    judul: str
    kolom: list[Kolom]
    baris: list[Baris]
    kaki: list[Baris] = field(default_factory=list)
    catatan: list[str] = field(default_factory=list)
    tahun: int = 0


class TabelTidakDapatDibuat(Exception):
    """The table needs data the plan does not have (e.g. E.81 without a triwulan)."""


# --- value lookups ---------------------------------------------------------------------


def _ada(value: object) -> bool:
    """A present id in a frame column (pandas gives NaN or None for a missing FK)."""
    return value is not None and value == value


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
        for row in ind.itertuples(index=False):
            item = (int(row.id), row.nama, row.satuan, row.polaritas, row.akumulasi)
            if _ada(row.node_id):
                self.indikator_node[int(row.node_id)].append(item)
            elif _ada(row.sasaran_id):
                self.indikator_sasaran[int(row.sasaran_id)].append(item)
            elif _ada(row.tujuan_id):
                self.indikator_tujuan[int(row.tujuan_id)].append(item)
        vi = data.nilai_indikator
        self.ind: dict[tuple[int, int, str, int], Decimal | None] = {}
        self.ind_teks: dict[tuple[int, int, str, int], str] = {}
        for i, t, j, q, a, x in zip(
            vi["indikator_id"].tolist(),
            vi["tahun"].tolist(),
            vi["jenis"].tolist(),
            vi["triwulan"].tolist(),
            vi["angka"].tolist(),
            vi["teks"].tolist(),
            strict=True,
        ):
            key = (int(i), int(t), j, int(q))
            self.ind[key] = a
            if x:
                self.ind_teks[key] = x
        vn = data.nilai_node
        self.nod: dict[tuple[int, int, str, int], Decimal | None] = {}
        self.nod_teks: dict[tuple[int, int, str], str] = {}
        for n_id, t, j, q, a, x in zip(
            vn["node_id"].tolist(),
            vn["tahun"].tolist(),
            vn["jenis"].tolist(),
            vn["triwulan"].tolist(),
            vn["angka"].tolist(),
            vn["teks"].tolist(),
            strict=True,
        ):
            self.nod[(int(n_id), int(t), j, int(q))] = a
            if x:
                self.nod_teks[(int(n_id), int(t), j)] = x
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


def _baris_per_indikator(
    idx: Indeks,
    node_ids: Iterable[int],
    isi: Callable[
        [int, tuple[int, str, str, str, str] | None], tuple[dict[str, Nilai], dict[str, str]]
    ],
) -> list[Baris]:
    """One row per (node, indicator); a node without indicators gets one row."""
    rows: list[Baris] = []
    for node_id in node_ids:
        kode, level, _, uraian = idx.node[node_id]
        indikator = idx.indikator_node.get(node_id, [])
        if not indikator:
            nilai, jejak = isi(node_id, None)
            rows.append(Baris(kode=kode, uraian=uraian, level=level, nilai=nilai, jejak=jejak))
            continue
        for urutan, ind in enumerate(indikator):
            nilai, jejak = isi(node_id, ind)
            rows.append(
                Baris(
                    kode=kode,
                    uraian=uraian,
                    level=level,
                    indikator=ind[1],
                    satuan=ind[2],
                    lanjutan=urutan > 0,
                    nilai=nilai,
                    jejak=jejak,
                )
            )
    return rows


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

    def isi(
        node_id: int, ind: tuple[int, str, str, str, str] | None
    ) -> tuple[dict[str, Nilai], dict[str, str]]:
        if ind is None:
            return {}, {}
        ind_id, _, _, pol, akm = ind
        k4 = idx.target_akhir(ind_id)
        per_tahun = [idx.realisasi_tahun(ind_id, t, akm) for t in tahun_sd_n3]
        k5 = rumus.agregasi_nilai(per_tahun, akm)
        k6, jenis6 = idx.target(ind_id, n2)
        k7 = idx.realisasi_tahun(ind_id, n2, akm)
        k8 = rumus.capaian(k6, k7, pol)
        k9, jenis9 = idx.target(ind_id, n1)
        k10 = rumus.agregasi_nilai([k5, k7, k9], akm)
        k11 = rumus.capaian(k4, k10, pol)
        cara = {
            "kumulatif": "5 + 7 + 9",
            "non_kumulatif": "nilai terakhir dari 9, 7, 5",
            "rata_rata": "rata-rata 5, 7, 9",
        }[akm]
        jejak = {
            "k5": f"realisasi {tahun_sd_n3[0] if tahun_sd_n3 else '-'}–{n3} ({akm}): {', '.join(_fmt(v) for v in per_tahun) or '-'} → {_fmt(k5)}",
            "k6": f"{jenis6} {n2}",
            "k8": f"capaian {pol}: realisasi {_fmt(k7)} / target {_fmt(k6)} × 100 = {_fmt(rumus.bulat(k8))}",
            "k9": f"{jenis9} {n1}",
            "k10": f"{akm}: {cara} = {_fmt(k10)}",
            "k11": f"capaian {pol}: {_fmt(k10)} / target akhir {_fmt(k4)} × 100 = {_fmt(rumus.bulat(k11))}",
        }
        return {
            "k4": k4,
            "k5": k5,
            "k6": k6,
            "k7": k7,
            "k8": k8,
            "k9": k9,
            "k10": k10,
            "k11": k11,
        }, jejak

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
        baris=_baris_per_indikator(idx, nodes, isi),
        catatan=[
            "Kolom 8 dan 11: capaian positif = realisasi/target × 100; negatif = (2×target − realisasi)/target × 100; "
            "tidak dibatasi 100%; dibulatkan setengah ke atas.",
            "Kolom 10 menurut akumulasi indikator: kumulatif 5+7+9; non-kumulatif nilai terakhir; rata-rata.",
        ],
        tahun=tahun,
    )


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
    from renja.parsing import format_angka

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
    from renja.parsing import format_angka

    if x is None:
        return "-"
    return format_angka(x, 0 if x == x.to_integral() else 2)


# --- T-C.33 and Tabel 4.1 --------------------------------------------------------------


def tc33(data: DataRencana, *, tahun: int) -> Tabel:
    """Rumusan rencana program dan kegiatan tahun n dan prakiraan maju n+1."""
    idx = indeks(data)
    pagu_n, pagu_n1 = idx.jumlah_anggaran("pagu", tahun), idx.jumlah_anggaran("pagu", tahun + 1)
    nodes = [
        n for n in idx.urut_pohon() if n in pagu_n or n in pagu_n1 or _punya_target(idx, n, tahun)
    ]

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


def _punya_target(idx: Indeks, node_id: int, tahun: int) -> bool:
    return any(
        idx.target(ind_id, t)[0] is not None
        for ind_id, *_ in idx.indikator_node.get(node_id, [])
        for t in (tahun, tahun + 1)
    )


def t41(data: DataRencana, *, tahun: int) -> Tabel:
    """Tabel 4.1 (BAB IV): T-C.33 year n plus the responsible agency and rincian belanja."""
    idx = indeks(data)
    pagu = idx.jumlah_anggaran("pagu", tahun)
    nodes = [n for n in idx.urut_pohon() if n in pagu or _punya_target(idx, n, tahun)]

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
    nodes = [
        n
        for n in idx.urut_pohon()
        if idx.node[n][1] in ("program", "kegiatan", "sub_kegiatan")
        and (n in rp7 or _punya_target(idx, n, tahun))
    ]

    def isi_k(ind: tuple[int, str, str, str, str]) -> tuple[dict[str, Nilai], dict[str, str]]:
        ind_id, _, _, pol, akm = ind
        # Columns 5-7 do not depend on the triwulan: computed once per plan for all four.
        dasar_key = ("e81_k", ind_id, tahun)
        if dasar_key not in idx.memo:
            idx.memo[dasar_key] = (
                idx.target_akhir(ind_id),
                rumus.agregasi_nilai([idx.realisasi_tahun(ind_id, t, akm) for t in lalu], akm),
                idx.target(ind_id, tahun)[0],
            )
        k5, k6, k7 = idx.memo[dasar_key]
        tw = [
            idx.ind.get((ind_id, tahun, "realisasi", q)) if q <= triwulan else None
            for q in range(1, 5)
        ]
        k12 = rumus.agregasi_nilai(tw[:triwulan], akm)
        k14 = rumus.agregasi_nilai([k6, k12], akm)
        nilai: dict[str, Nilai] = {
            "k5_k": k5,
            "k6_k": k6,
            "k7_k": k7,
            **{f"k{8 + i}_k": tw[i] for i in range(4)},
            "k12_k": k12,
            "k13_k": rumus.capaian(k7, k12, pol),
            "k14_k": k14,
            "k15_k": rumus.capaian(k5, k14, pol),
        }
        jejak = {
            "k12_k": f"TW I–{_romawi(triwulan)} menurut akumulasi ({akm})",
            "k13_k": f"capaian {pol}: 12/7 = {_fmt(k12)} / {_fmt(k7)}",
            "k14_k": f"6 dan 12 menurut akumulasi ({akm})",
            "k15_k": f"capaian {pol}: 14/5 = {_fmt(k14)} / {_fmt(k5)}",
        }
        return nilai, jejak

    def isi_rp(node_ids: list[int]) -> dict[str, Nilai]:
        """Rp of one node, or of several (the programs serving a sasaran), summed."""

        def jumlah(values: dict[int, Decimal]) -> Decimal | None:
            ada = [values[n] for n in node_ids if n in values]
            return sum(ada, Decimal(0)) if ada else None

        tw_rp = [jumlah(rp_tw[q]) if q <= triwulan else None for q in range(1, 5)]
        k5_rp, k6_rp, k7_rp = jumlah(rp5), jumlah(rp6), jumlah(rp7)
        k12_rp = rumus.agregasi_nilai(tw_rp[:triwulan], rumus.KUMULATIF)
        k14_rp = rumus.agregasi_nilai([k6_rp, k12_rp], rumus.KUMULATIF)
        return {
            "k5_rp": k5_rp,
            "k6_rp": k6_rp,
            "k7_rp": k7_rp,
            **{f"k{8 + i}_rp": tw_rp[i] for i in range(4)},
            "k12_rp": k12_rp,
            "k13_rp": rumus.serapan(k12_rp, k7_rp),
            "k14_rp": k14_rp,
            "k15_rp": rumus.serapan(k14_rp, k5_rp),
        }

    jejak_rp = {"k13_rp": "serapan: 12/7 × 100", "k15_rp": "serapan: 14/5 × 100"}

    def isi(
        node_id: int, ind: tuple[int, str, str, str, str] | None
    ) -> tuple[dict[str, Nilai], dict[str, str]]:
        nilai, jejak = isi_k(ind) if ind is not None else ({}, {})
        # Rp: the node's budget, the same whatever the indicator.
        nilai.update(isi_rp([node_id]))
        nilai["unit"] = data.pd_kode
        return nilai, {**jejak, **jejak_rp}

    # Sasaran rows first: their IKU (K) and the budget of the programs serving them (Rp).
    program_sasaran: dict[int, list[int]] = defaultdict(list)
    for link in data.sasaran_program.itertuples(index=False):
        program_sasaran[int(link.sasaran_id)].append(int(link.program_id))
    baris_sasaran: list[Baris] = []
    for sas in data.sasaran.itertuples(index=False):
        for urutan, ind in enumerate(idx.indikator_sasaran.get(int(sas.id), [])):
            nilai, jejak = isi_k(ind)
            if urutan == 0:
                nilai.update(isi_rp(program_sasaran.get(int(sas.id), [])))
                jejak.update({**jejak_rp, "k7_rp": "jumlah pagu program yang melayani sasaran ini"})
            nilai["unit"] = data.pd_kode
            baris_sasaran.append(
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

    rows = baris_sasaran + _baris_per_indikator(idx, nodes, isi)
    for row in rows:
        if row.lanjutan:  # Rp belongs to the node: printed on its first row only
            for key in list(row.nilai):
                if key.endswith("_rp"):
                    row.nilai[key] = None
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
    )


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


PEMBANGUN: dict[str, Callable[..., Tabel]] = {
    "tc29": tc29,
    "tc30": tc30,
    "tc31": tc31,
    "tc32": tc32,
    "tc33": tc33,
    "t41": t41,
    "e81": e81,
}
