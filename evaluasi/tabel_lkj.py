"""LKj tables (domain.md §5): Perjanjian Kinerja, capaian per IKU, kinerja dan anggaran, efisiensi.

IKU are the indicators of the Renstra's tujuan and sasaran. A plan without them
gets the capaian and efisiensi tables per program indicator instead.
"""

from __future__ import annotations

from decimal import Decimal

import pandas as pd

from evaluasi.muat import DataRencana
from evaluasi.tabel import (
    Baris,
    Indeks,
    Kolom,
    Nilai,
    Tabel,
    TabelTidakDapatDibuat,
    _fmt,
    indeks,
)
from inti import rumus

Ind = tuple[int, str, str, str, str]


def _pagu_berlaku(idx: Indeks, tahun: int) -> dict[int, Decimal]:
    """The year's budget per node: the perubahan one where a sub kegiatan has it."""
    key = ("lkj_pagu", tahun)
    if key not in idx.memo:

        def pagu(node_id: int) -> Decimal | None:
            value = idx.nod.get((node_id, tahun, "pagu_perubahan", 0))
            return value if value is not None else idx.nod.get((node_id, tahun, "pagu", 0))

        idx.memo[key] = idx.jumlah_ke_atas(pagu)
    return dict(idx.memo[key])


def _realisasi_anggaran(idx: Indeks, tahun: int) -> dict[int, Decimal]:
    """A year's spending per node: each sub kegiatan's yearly figure, else its quarters' sum."""
    key = ("lkj_belanja", tahun)
    if key not in idx.memo:
        subs = [n for n, (_, level, _, _) in idx.node.items() if level == "sub_kegiatan"]
        belanja = {n: idx.nod.get((n, tahun, "realisasi_anggaran", 0)) for n in subs}
        kuartal = {
            n: [idx.nod.get((n, tahun, "realisasi_anggaran", q)) for q in range(1, 5)]
            for n, value in belanja.items()
            if value is None
        }
        # The quarters of every sub kegiatan without a yearly figure, summed in one call.
        ada = [n for n, values in kuartal.items() if any(v is not None for v in values)]
        if ada:
            frame = pd.DataFrame([kuartal[n] for n in ada], dtype=object)
            jumlah = rumus.agregasi_baris(frame, rumus.KUMULATIF).tolist()
            belanja.update(zip(ada, jumlah, strict=True))
        idx.memo[key] = idx.jumlah_ke_atas(belanja.get)
    return dict(idx.memo[key])


def _iku(idx: Indeks, data: DataRencana) -> list[tuple[str, str, str, Ind]]:
    """(level, kode, uraian, indicator) of every tujuan and sasaran indicator, tujuan first."""
    rows: list[tuple[str, str, str, Ind]] = []
    tujuan_seen: set[int] = set()
    for s in data.sasaran.itertuples(index=False):
        tujuan_id = s.tujuan_id
        if tujuan_id == tujuan_id and tujuan_id is not None and int(tujuan_id) not in tujuan_seen:
            tujuan_seen.add(int(tujuan_id))
            for ind in idx.indikator_tujuan.get(int(tujuan_id), []):
                rows.append(("tujuan", "", s.tujuan_uraian, ind))
    for tujuan_id, inds in idx.indikator_tujuan.items():
        if tujuan_id not in tujuan_seen:
            rows += [("tujuan", "", "", ind) for ind in inds]
    for s in data.sasaran.itertuples(index=False):
        for ind in idx.indikator_sasaran.get(int(s.id), []):
            rows.append(("sasaran", f"SASARAN-{s.kunci}", s.uraian, ind))
    return rows


def _indikator_program(idx: Indeks) -> list[tuple[str, str, str, Ind]]:
    return [
        ("program", idx.node[n][0], idx.node[n][3], ind)
        for n in idx.urut_pohon()
        if idx.node[n][1] == "program"
        for ind in idx.indikator_node.get(n, [])
    ]


def pk(data: DataRencana, *, tahun: int) -> Tabel:
    """Perjanjian Kinerja: sasaran, indikator, target (original and revision)."""
    idx = indeks(data)
    rows = []
    for level, kode, uraian, (ind_id, nama, satuan, _, _) in _iku(idx, data):
        awal = idx.ind.get((ind_id, tahun, "target", 0))
        revisi = idx.ind.get((ind_id, tahun, "target_perubahan", 0))
        if awal is None and revisi is None:
            continue
        rows.append(
            Baris(
                kode=kode,
                uraian=uraian,
                level=level,
                indikator=nama,
                satuan=satuan,
                nilai={
                    "k4": awal
                    if awal is not None
                    else idx.ind_teks.get((ind_id, tahun, "target", 0)),
                    "k5": revisi,
                },
            )
        )
    if not rows:
        raise TabelTidakDapatDibuat(f"Tidak ada target Perjanjian Kinerja (IKU) tahun {tahun}.")
    dokumen = data.perjanjian_kinerja
    catatan = [
        f"{'Perjanjian kinerja awal' if r.revisi == 0 else f'Revisi {r.revisi}'} tanggal {r.tanggal:%d-%m-%Y}"
        + (f": {r.keterangan}" if r.keterangan else "")
        for r in dokumen[dokumen["tahun"] == tahun].sort_values("revisi").itertuples(index=False)
    ]
    return Tabel(
        kode="pk",
        judul=f"Perjanjian Kinerja Tahun {tahun}",
        kolom=[
            Kolom("k4", "4", "Target (perjanjian awal)"),
            Kolom("k5", "5", "Target (perubahan)"),
        ],
        baris=rows,
        catatan=catatan,
        tahun=tahun,
    )


def lkj_capaian(data: DataRencana, *, tahun: int) -> Tabel:
    """Capaian per IKU with atribut, the previous year and progress to the Renstra end target."""
    idx = indeks(data)
    skala = data.skala_untuk("atribut")
    sumber = _iku(idx, data) or _indikator_program(idx)
    rows = []
    for level, kode, uraian, (ind_id, nama, satuan, pol, akm) in sumber:
        target, jenis_target = idx.target(ind_id, tahun)
        realisasi = idx.realisasi_tahun(ind_id, tahun, akm)
        if target is None and realisasi is None:
            continue
        capaian = rumus.capaian(target, realisasi, pol)
        target_lalu = idx.target(ind_id, tahun - 1)[0]
        realisasi_lalu = idx.realisasi_tahun(ind_id, tahun - 1, akm)
        capaian_lalu = rumus.capaian(target_lalu, realisasi_lalu, pol)
        akhir = idx.target_akhir(ind_id)
        kemajuan = rumus.capaian(akhir, realisasi, pol)
        rows.append(
            Baris(
                kode=kode,
                uraian=uraian,
                level=level,
                indikator=nama,
                satuan=satuan,
                nilai={
                    "k3": target,
                    "k4": realisasi,
                    "k5": capaian,
                    "k6": skala.kategori(capaian),
                    "k7": realisasi_lalu,
                    "k8": capaian_lalu,
                    "k9": rumus.selisih(capaian_lalu, capaian),
                    "k10": akhir,
                    "k11": kemajuan,
                },
                jejak={
                    "k3": jenis_target.replace("_", " ") + f" {tahun}",
                    "k5": f"capaian {pol}: {_fmt(realisasi)} / {_fmt(target)} × 100",
                    "k8": f"capaian {pol} {tahun - 1}: {_fmt(realisasi_lalu)} / {_fmt(target_lalu)} × 100",
                    "k9": "kolom 5 − kolom 8 (poin persen)",
                    "k11": f"realisasi {tahun} / target akhir Renstra × 100",
                },
            )
        )
    kolom = [
        Kolom("k3", "3", f"Target {tahun}"),
        Kolom("k4", "4", f"Realisasi {tahun}"),
        Kolom("k5", "5", "Capaian (%)", "5 = 4/3"),
        Kolom("k6", "6", "Atribut"),
        Kolom("k7", "7", f"Realisasi {tahun - 1}"),
        Kolom("k8", "8", f"Capaian {tahun - 1} (%)"),
        Kolom("k9", "9", "Perubahan capaian (poin)", "9 = 5 − 8"),
        Kolom("k10", "10", f"Target akhir Renstra {data.tahun_selesai}"),
        Kolom("k11", "11", "Tingkat kemajuan (%)", "11 = 4/10"),
    ]
    return Tabel(
        kode="lkj_capaian",
        judul=f"Capaian Indikator Kinerja Utama Tahun {tahun}",
        kolom=kolom,
        baris=rows,
        catatan=[f"Atribut: {skala.nama} ({skala.versi}): {skala.uraian()}."],
        tahun=tahun,
    )


def lkj_anggaran(data: DataRencana, *, tahun: int) -> Tabel:
    """Kinerja dan anggaran per program: target, realisasi, capaian; pagu, realisasi, serapan."""
    idx = indeks(data)
    pagu = _pagu_berlaku(idx, tahun)
    belanja = _realisasi_anggaran(idx, tahun)
    rows = []
    for node_id in idx.urut_pohon():
        kode, level, _, uraian = idx.node[node_id]
        if level != "program":
            continue
        indikator: list[Ind | None] = list(idx.indikator_node.get(node_id, [])) or [None]
        for i, ind in enumerate(indikator):
            nilai: dict[str, Nilai] = {}
            if ind is not None:
                ind_id, _, _, pol, akm = ind
                target = idx.target(ind_id, tahun)[0]
                realisasi = idx.realisasi_tahun(ind_id, tahun, akm)
                nilai.update(
                    {"k3": target, "k4": realisasi, "k5": rumus.capaian(target, realisasi, pol)}
                )
            if i == 0:
                nilai.update(
                    {
                        "k6": pagu.get(node_id),
                        "k7": belanja.get(node_id),
                        "k8": rumus.serapan(belanja.get(node_id), pagu.get(node_id)),
                    }
                )
            rows.append(
                Baris(
                    kode=kode,
                    uraian=uraian,
                    level=level,
                    indikator=ind[1] if ind else "",
                    satuan=ind[2] if ind else "",
                    lanjutan=i > 0,
                    nilai=nilai,
                    jejak={"k6": "jumlah pagu sub kegiatan", "k8": "serapan: 7/6 × 100"},
                )
            )
    total_pagu = (
        sum((pagu[n] for n in idx.anak.get(None, []) if n in pagu), Decimal(0)) if pagu else None
    )
    total_belanja = (
        sum((belanja[n] for n in idx.anak.get(None, []) if n in belanja), Decimal(0))
        if belanja
        else None
    )
    kaki = [
        Baris(
            kode="",
            uraian="JUMLAH",
            level="kaki",
            nilai={
                "k6": total_pagu,
                "k7": total_belanja,
                "k8": rumus.serapan(total_belanja, total_pagu),
            },
            jejak={"k8": "total realisasi ÷ total pagu × 100 (tertimbang)"},
        )
    ]
    kolom = [
        Kolom("k3", "3", f"Target kinerja {tahun}"),
        Kolom("k4", "4", f"Realisasi kinerja {tahun}"),
        Kolom("k5", "5", "Capaian kinerja (%)", "5 = 4/3"),
        Kolom("k6", "6", "Pagu (Rp)"),
        Kolom("k7", "7", "Realisasi anggaran (Rp)"),
        Kolom("k8", "8", "Serapan (%)", "8 = 7/6"),
    ]
    return Tabel(
        kode="lkj_anggaran",
        judul=f"Kinerja dan Anggaran per Program Tahun {tahun}",
        kolom=kolom,
        baris=rows,
        kaki=kaki,
        tahun=tahun,
    )


def lkj_efisiensi(data: DataRencana, *, tahun: int) -> Tabel:
    """Efisiensi per IKU: capaian ÷ serapan of the programs serving its sasaran."""
    idx = indeks(data)
    skala = data.skala_untuk("efisiensi")
    pagu = _pagu_berlaku(idx, tahun)
    belanja = _realisasi_anggaran(idx, tahun)
    program_sasaran: dict[int, list[int]] = {}
    for row in data.sasaran_program.itertuples(index=False):
        program_sasaran.setdefault(int(row.sasaran_id), []).append(int(row.program_id))
    kunci_ke_id = {f"SASARAN-{s.kunci}": int(s.id) for s in data.sasaran.itertuples(index=False)}
    sumber = [r for r in _iku(idx, data) if r[0] == "sasaran"]
    metode = "program yang melayani sasarannya"
    if not sumber:
        sumber = _indikator_program(idx)
        metode = "programnya sendiri"
    node_kode: dict[str, list[int]] = {}
    for node_id, (node_kode_id, *_) in idx.node.items():
        node_kode.setdefault(node_kode_id, []).append(node_id)
    rows = []
    for level, kode, uraian, (ind_id, nama, satuan, pol, akm) in sumber:
        if level == "sasaran":
            programs = program_sasaran.get(kunci_ke_id[kode], [])
        else:
            programs = node_kode.get(kode, [])
        p = [pagu[n] for n in programs if n in pagu]
        r = [belanja[n] for n in programs if n in belanja]
        serapan = rumus.serapan(
            sum(r, Decimal(0)) if r else None, sum(p, Decimal(0)) if p else None
        )
        target = idx.target(ind_id, tahun)[0]
        realisasi = idx.realisasi_tahun(ind_id, tahun, akm)
        capaian = rumus.capaian(target, realisasi, pol)
        efisiensi = rumus.efisiensi(capaian, serapan)
        rows.append(
            Baris(
                kode=kode,
                uraian=uraian,
                level=level,
                indikator=nama,
                satuan=satuan,
                nilai={
                    "k3": capaian,
                    "k4": serapan,
                    "k5": efisiensi,
                    "k6": skala.kategori(efisiensi),
                },
                jejak={
                    "k4": f"serapan {metode}: "
                    + ", ".join(idx.node[n][0] for n in programs)
                    + f" = {_fmt(sum(r, Decimal(0)) if r else None)} / {_fmt(sum(p, Decimal(0)) if p else None)} × 100",
                    "k5": f"{_fmt(rumus.bulat(capaian))} / {_fmt(rumus.bulat(serapan))}",
                    "k6": "kategori menurut rasio sebelum dibulatkan",
                },
            )
        )
    kolom = [
        Kolom("k3", "3", f"Capaian kinerja {tahun} (%)"),
        Kolom("k4", "4", f"Penyerapan anggaran {tahun} (%)"),
        Kolom("k5", "5", "Tingkat efisiensi", "5 = 3/4"),
        Kolom("k6", "6", "Kategori"),
    ]
    return Tabel(
        kode="lkj_efisiensi",
        judul=f"Efisiensi Penggunaan Sumber Daya Tahun {tahun}",
        kolom=kolom,
        baris=rows,
        catatan=[
            f"Efisiensi = capaian kinerja (%) ÷ penyerapan anggaran (%) dari {metode}; "
            "penyerapan = jumlah realisasi ÷ jumlah pagu.",
            f"Kategori: {skala.nama} ({skala.versi}): {skala.uraian()}; ditentukan dari rasio sebelum dibulatkan.",
        ],
        tahun=tahun,
    )
