"""The Renja tables (domain.md §5): T-C.29, T-C.30, T-C.31, T-C.32, T-C.33 and Tabel 4.1.

Every builder takes a ``DataRencana`` (no database access here) and returns a ``Tabel`` whose
computed cells carry their formula and inputs (``Baris.jejak``). Formulas come from
``inti.rumus`` only; rounding happens in the exporters.
"""

from __future__ import annotations

from decimal import Decimal

from evaluasi.indeks import (
    Indeks,
    IndikatorData,
    baris_dari_kerangka,
    baris_per_indikator,
    bingkai_periode,
    indeks,
    kerangka_baris,
    kolom_sel,
)
from evaluasi.muat import DataRencana
from inti import rumus
from inti.tabel import Baris, Kolom, Nilai, Tabel, angka_jejak

# --- T-C.29 ----------------------------------------------------------------------------


def tc29(data: DataRencana, *, tahun: int, dengan_sub_kegiatan: bool = False) -> Tabel:
    """Rekapitulasi evaluasi hasil pelaksanaan Renja dan pencapaian Renstra s/d tahun n-1."""
    idx = indeks(data)
    n2, n1, n3 = tahun - 2, tahun - 1, tahun - 3
    akhir = data.tahun_selesai
    tahun_sd_n3 = list(range(data.tahun_mulai, n3 + 1))
    levels = {"program", "kegiatan"} | ({"sub_kegiatan"} if dengan_sub_kegiatan else set())

    def relevan(node_id: int) -> bool:
        if idx.node[node_id].level not in levels:
            return False
        for ind in idx.indikator_node.get(node_id, []):
            if any(
                idx.ind.get((ind.id, t, j, 0)) is not None
                for t, j in [
                    (akhir, "target_renstra_akhir"),
                    (n2, "target"),
                    (n2, "realisasi"),
                    (n1, "target"),
                ]
            ):
                return True
        return False

    nodes = idx.dengan_leluhur(n for n in idx.node if relevan(n))
    kerangka = kerangka_baris(idx, nodes)
    inds = [ind for _, ind, _ in kerangka if ind is not None]
    nilai_k, jejak_k = _tc29_kolom(idx, inds, tahun=tahun, tahun_sd_n3=tahun_sd_n3)
    isi_nilai, isi_jejak = iter(nilai_k), iter(jejak_k)
    baris = baris_dari_kerangka(
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
    idx: Indeks, inds: list[IndikatorData], *, tahun: int, tahun_sd_n3: list[int]
) -> tuple[list[dict[str, Nilai]], list[dict[str, str]]]:
    """Columns 4-11 and their jejak for every indicator row, each formula over the whole column."""
    n2, n1, n3 = tahun - 2, tahun - 1, tahun - 3
    m = len(inds)
    if not m:
        return [], []
    pol = kolom_sel([ind.polaritas for ind in inds])
    akm = kolom_sel([ind.akumulasi for ind in inds])
    k4 = [idx.target_akhir(ind.id) for ind in inds]
    per_tahun = {t: idx.realisasi_tahun_kolom(inds, t) for t in tahun_sd_n3}
    k5 = rumus.agregasi_baris(bingkai_periode(per_tahun, m), akm).tolist()
    k6, jenis6 = zip(*(idx.target(ind.id, n2) for ind in inds), strict=True)
    k7 = idx.realisasi_tahun_kolom(inds, n2)
    k8 = rumus.capaian_series(kolom_sel(k6), kolom_sel(k7), pol)
    k9, jenis9 = zip(*(idx.target(ind.id, n1) for ind in inds), strict=True)
    k10 = rumus.agregasi_baris(bingkai_periode({5: k5, 7: k7, 9: k9}, m), akm)
    k11 = rumus.capaian_series(kolom_sel(k4), k10, pol)
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
    for i, ind in enumerate(inds):
        p, a = ind.polaritas, ind.akumulasi
        cara = _CARA_TC29[a]
        jejak.append(
            {
                "k5": f"realisasi {awal}–{n3} ({a}): {', '.join(angka_jejak(v) for v in realisasi_lalu[i]) or '-'} → {angka_jejak(k5[i])}",
                "k6": f"{jenis6[i]} {n2}",
                "k8": f"capaian {p}: realisasi {angka_jejak(k7[i])} / target {angka_jejak(k6[i])} × 100 = {angka_jejak(tampil8[i])}",
                "k9": f"{jenis9[i]} {n1}",
                "k10": f"{a}: {cara} = {angka_jejak(k10l[i])}",
                "k11": f"capaian {p}: {angka_jejak(k10l[i])} / target akhir {angka_jejak(k4[i])} × 100 = {angka_jejak(tampil11[i])}",
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
        node = idx.node[node_id]
        for ind in idx.indikator_node.get(node_id, []):
            targets = [idx.ind.get((ind.id, t, "target_renstra", 0)) for t in years]
            real = [idx.realisasi_tahun(ind.id, t, ind.akumulasi) for t in years[:2]]
            if all(v is None for v in targets + real):
                continue
            nomor += 1
            proyeksi = {}
            jejak = {}
            for kunci, t, target in (("k11", tahun, targets[2]), ("k12", tahun + 1, targets[3])):
                realisasi = idx.realisasi_tahun(ind.id, t, ind.akumulasi)
                proyeksi[kunci] = realisasi if realisasi is not None else target
                jejak[kunci] = (
                    f"realisasi {t}"
                    if realisasi is not None
                    else f"belum ada realisasi {t}: target Renstra {t}"
                )
            rows.append(
                Baris(
                    kode=node.kode,
                    uraian=node.uraian,
                    level=node.level,
                    indikator=ind.nama,
                    satuan=ind.satuan,
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
        if idx.node[n].level in ("program", "kegiatan", "sub_kegiatan")
        and (n in awal or n in analisis)
    ]

    def isi(node_id: int, ind: IndikatorData | None) -> tuple[dict[str, Nilai], dict[str, str]]:
        lokasi = idx.teks_node(node_id, tahun, "lokasi")
        t_awal = idx.ind.get((ind.id, tahun, "target_rkpd", 0)) if ind else None
        t_analisis = idx.target(ind.id, tahun)[0] if ind else None
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

    rows = baris_per_indikator(idx, nodes, isi)
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
    return rumus.jumlah(jumlah.get(n) for n in idx.anak.get(None, []))


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

    def isi(node_id: int, ind: IndikatorData | None) -> tuple[dict[str, Nilai], dict[str, str]]:
        level = idx.node[node_id].level
        t_n = idx.target(ind.id, tahun)[0] if ind else None
        t_n1 = idx.target(ind.id, tahun + 1)[0] if ind else None
        nilai: dict[str, Nilai] = {
            "k4": idx.teks_node(node_id, tahun, "lokasi"),
            "k5": t_n
            if t_n is not None
            else (idx.ind_teks.get((ind.id, tahun, "target", 0)) if ind else None),
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

    rows = baris_per_indikator(idx, nodes, isi)
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

    def isi(node_id: int, ind: IndikatorData | None) -> tuple[dict[str, Nilai], dict[str, str]]:
        target = idx.target(ind.id, tahun)[0] if ind else None
        return {
            "k4": target,
            "k5": pagu.get(node_id),
            "k6": idx.teks_node(node_id, tahun, "lokasi"),
            "k7": idx.teks_node(node_id, tahun, "sumber_dana"),
            "k8": data.pd_nama,
            "rincian": idx.teks_node(node_id, tahun, "rincian_belanja"),
        }, {}

    rows = baris_per_indikator(idx, nodes, isi)
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
