"""Formulir E.81: evaluasi terhadap hasil Renja per triwulan (domain.md §5), K and Rp for
every quantity, its footer (rata-rata capaian, predikat) and the quarter's account.

Built from a ``DataRencana`` (no database access here); formulas from ``inti.rumus`` only.
"""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal

from evaluasi.indeks import (
    Indeks,
    IndikatorData,
    baris_dari_kerangka,
    bingkai_periode,
    indeks,
    kerangka_baris,
    kolom_sel,
)
from evaluasi.muat import DataRencana
from inti import rumus
from inti.parsing import romawi
from inti.tabel import Baris, Kolom, Nilai, Tabel, TabelTidakDapatDibuat, angka_jejak

# --- Formulir E.81 ---------------------------------------------------------------------


def e81(data: DataRencana, *, tahun: int, triwulan: int, versi: str = "murni") -> Tabel:
    """Evaluasi terhadap hasil Renja per triwulan (K and Rp for every quantity)."""
    if triwulan not in (1, 2, 3, 4):
        raise TabelTidakDapatDibuat("E.81 memerlukan --triwulan 1-4.")
    idx = indeks(data)
    lalu = list(range(data.tahun_mulai, tahun))
    rp5, rp6, rp7 = _anggaran_dasar(idx, data, tahun=tahun, versi=versi)
    rp_tw = {q: idx.jumlah_anggaran("realisasi_anggaran", tahun, q) for q in range(1, 5)}
    ber_target = idx.punya_target(tahun)
    nodes = [
        n
        for n in idx.urut_pohon()
        if idx.node[n].level in ("program", "kegiatan", "sub_kegiatan")
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
    kerangka = kerangka_baris(idx, nodes)

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
                indikator=ind.nama,
                satuan=ind.satuan,
                lanjutan=urutan > 0,
                nilai=nilai,
                jejak=jejak,
            )
        )

    def isi(ind: IndikatorData | None, urutan: int) -> tuple[dict[str, Nilai], dict[str, str]]:
        nilai, jejak = (next(isi_k), next(isi_jejak_k)) if ind is not None else ({}, {})
        # Rp: the node's budget, the same whatever the indicator, printed on its first row only.
        nilai.update(next(isi_rp) if urutan == 0 else dict.fromkeys(_KOLOM_RP))
        nilai["unit"] = data.pd_kode
        return nilai, {**jejak, **jejak_rp}

    hasil = [isi(ind, urutan) for _, ind, urutan in kerangka]
    rows += baris_dari_kerangka(idx, kerangka, (n for n, _ in hasil), (j for _, j in hasil))
    skala = data.skala_untuk("predikat")
    return Tabel(
        kode="e81",
        judul=f"Formulir E.81 Evaluasi terhadap Hasil Renja Perangkat Daerah Tahun {tahun} Triwulan {romawi(triwulan)}",
        kolom=_kolom_e81(tahun, triwulan),
        baris=rows,
        kaki=_kaki_e81(idx, rows, skala),
        catatan=[
            "K menurut akumulasi indikator; Rp dijumlahkan. Capaian Rp = serapan anggaran.",
            f"Predikat: {skala.nama} ({skala.versi}): {skala.uraian()}.",
        ],
        tahun=tahun,
        keterangan=_keterangan_e81(data, tahun=tahun, triwulan=triwulan),
    )


def _anggaran_dasar(
    idx: Indeks, data: DataRencana, *, tahun: int, versi: str
) -> tuple[dict[int, Decimal], dict[int, Decimal], dict[int, Decimal]]:
    """Per node, Rp columns 5-7: the Renstra period's pagu, the spending of every earlier year
    of the period (each year by the one rule, ``rumus.belanja_tahun``) and the year's pagu."""
    rp5 = idx.jumlah_rentang("pagu_renstra", range(data.tahun_mulai, data.tahun_selesai + 1))
    rp6 = idx.belanja_rentang(range(data.tahun_mulai, tahun))
    rp7 = idx.jumlah_anggaran("pagu_perubahan" if versi == "perubahan" else "pagu", tahun)
    if versi == "perubahan":  # sub kegiatan unchanged by the perubahan keep their murni pagu
        murni = idx.jumlah_anggaran("pagu", tahun)
        rp7 = {**{k: v for k, v in murni.items() if k not in rp7}, **rp7}
    return rp5, rp6, rp7


def _kolom_e81(tahun: int, triwulan: int) -> list[Kolom]:
    """Columns 5-15, each as K and Rp, then the unit (16)."""
    kolom = []
    judul = {
        5: "Target Renstra akhir periode",
        6: f"Realisasi Renstra s/d tahun lalu ({tahun - 1})",
        7: f"Target Renja tahun {tahun}",
        8: "Realisasi TW I",
        9: "Realisasi TW II",
        10: "Realisasi TW III",
        11: "Realisasi TW IV",
        12: f"Realisasi tahun {tahun} s/d TW {romawi(triwulan)}",
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
    return kolom


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
    idx: Indeks, inds: list[IndikatorData], *, tahun: int, triwulan: int, lalu: list[int]
) -> tuple[list[dict[str, Nilai]], list[dict[str, str]]]:
    """E.81 columns 5-15 (K) and their jejak for every indicator row, formulas per column."""
    m = len(inds)
    if not m:
        return [], []
    # Columns 5-7 do not depend on the triwulan: computed once per plan for all four.
    baru = [ind for ind in dict.fromkeys(inds) if ("e81_k", ind.id, tahun) not in idx.memo]
    if baru:
        akm_baru = kolom_sel([ind.akumulasi for ind in baru])
        per_tahun = {t: idx.realisasi_tahun_kolom(baru, t) for t in lalu}
        k6_baru = rumus.agregasi_baris(bingkai_periode(per_tahun, len(baru)), akm_baru).tolist()
        for ind, k6 in zip(baru, k6_baru, strict=True):
            idx.memo[("e81_k", ind.id, tahun)] = (
                idx.target_akhir(ind.id),
                k6,
                idx.target(ind.id, tahun)[0],
            )
    dasar = [idx.memo[("e81_k", ind.id, tahun)] for ind in inds]
    k5, k6, k7 = (list(c) for c in zip(*dasar, strict=True))
    pol = kolom_sel([ind.polaritas for ind in inds])
    akm = kolom_sel([ind.akumulasi for ind in inds])
    tw = {
        q: [idx.ind.get((ind.id, tahun, "realisasi", q)) for ind in inds]
        for q in range(1, triwulan + 1)
    }
    k12 = rumus.agregasi_baris(bingkai_periode(tw, m), akm)
    k14 = rumus.agregasi_baris(bingkai_periode({6: k6, 12: k12.tolist()}, m), akm)
    k13 = rumus.capaian_series(kolom_sel(k7), k12, pol).tolist()
    k15 = rumus.capaian_series(kolom_sel(k5), k14, pol).tolist()
    k12l, k14l = k12.tolist(), k14.tolist()
    kosong: list[Nilai] = [None] * m
    kolom = [k5, k6, k7, *(tw.get(q, kosong) for q in range(1, 5)), k12l, k13, k14l, k15]
    kunci = [f"k{nomor}_k" for nomor in range(5, 16)]
    nilai = [dict(zip(kunci, sel, strict=True)) for sel in zip(*kolom, strict=True)]
    s_d = f"TW I–{romawi(triwulan)} menurut akumulasi"
    jejak = [
        {
            "k12_k": f"{s_d} ({a})",
            "k13_k": f"capaian {p}: 12/7 = {angka_jejak(k12l[i])} / {angka_jejak(k7[i])}",
            "k14_k": f"6 dan 12 menurut akumulasi ({a})",
            "k15_k": f"capaian {p}: 14/5 = {angka_jejak(k14l[i])} / {angka_jejak(k5[i])}",
        }
        for i, (p, a) in enumerate((ind.polaritas, ind.akumulasi) for ind in inds)
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
        return rumus.jumlah_kelompok(values, kelompok)

    k5, k6, k7 = (jumlah(values) for values in dasar)
    tw = {q: jumlah(rp_tw[q]) for q in range(1, triwulan + 1)}
    k12 = rumus.agregasi_baris(bingkai_periode(tw, m), rumus.KUMULATIF)
    k14 = rumus.agregasi_baris(bingkai_periode({6: k6, 12: k12.tolist()}, m), rumus.KUMULATIF)
    k13 = rumus.serapan_series(k12, kolom_sel(k7)).tolist()
    k15 = rumus.serapan_series(k14, kolom_sel(k5)).tolist()
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
