"""LKj tables (domain.md §5): Perjanjian Kinerja, capaian per IKU, kinerja dan anggaran, efisiensi.

IKU are the indicators of the Renstra's tujuan and sasaran. A plan without them
gets the capaian and efisiensi tables per program indicator instead.
"""

from __future__ import annotations

from evaluasi.indeks import Indeks, IndikatorData, indeks
from evaluasi.muat import DataRencana
from inti import rumus
from inti.tabel import Baris, Kolom, Nilai, Tabel, TabelTidakDapatDibuat, angka_jejak


def _iku(idx: Indeks, data: DataRencana) -> list[tuple[str, str, str, IndikatorData]]:
    """(level, kode, uraian, indicator) of every tujuan and sasaran indicator, tujuan first."""
    rows: list[tuple[str, str, str, IndikatorData]] = []
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


def _indikator_program(idx: Indeks) -> list[tuple[str, str, str, IndikatorData]]:
    return [
        ("program", idx.node[n].kode, idx.node[n].uraian, ind)
        for n in idx.urut_pohon()
        if idx.node[n].level == "program"
        for ind in idx.indikator_node.get(n, [])
    ]


def pk(data: DataRencana, *, tahun: int) -> Tabel:
    """Perjanjian Kinerja: sasaran, indikator, target (original and revision)."""
    idx = indeks(data)
    rows = []
    for level, kode, uraian, ind in _iku(idx, data):
        awal = idx.ind.get((ind.id, tahun, "target", 0))
        revisi = idx.ind.get((ind.id, tahun, "target_perubahan", 0))
        if awal is None and revisi is None:
            continue
        rows.append(
            Baris(
                kode=kode,
                uraian=uraian,
                level=level,
                indikator=ind.nama,
                satuan=ind.satuan,
                nilai={
                    "k4": awal
                    if awal is not None
                    else idx.ind_teks.get((ind.id, tahun, "target", 0)),
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
    for level, kode, uraian, ind in sumber:
        pol = ind.polaritas
        target, jenis_target = idx.target(ind.id, tahun)
        realisasi = idx.realisasi_tahun(ind.id, tahun, ind.akumulasi)
        if target is None and realisasi is None:
            continue
        capaian = rumus.capaian(target, realisasi, pol)
        target_lalu = idx.target(ind.id, tahun - 1)[0]
        realisasi_lalu = idx.realisasi_tahun(ind.id, tahun - 1, ind.akumulasi)
        capaian_lalu = rumus.capaian(target_lalu, realisasi_lalu, pol)
        akhir = idx.target_akhir(ind.id)
        kemajuan = rumus.capaian(akhir, realisasi, pol)
        rows.append(
            Baris(
                kode=kode,
                uraian=uraian,
                level=level,
                indikator=ind.nama,
                satuan=ind.satuan,
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
                    "k5": f"capaian {pol}: {angka_jejak(realisasi)} / {angka_jejak(target)} × 100",
                    "k8": f"capaian {pol} {tahun - 1}: {angka_jejak(realisasi_lalu)} / {angka_jejak(target_lalu)} × 100",
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
    pagu = idx.pagu_berlaku(tahun)
    belanja = idx.belanja(tahun)
    rows = []
    for node_id in idx.urut_pohon():
        node = idx.node[node_id]
        if node.level != "program":
            continue
        indikator: list[IndikatorData | None] = list(idx.indikator_node.get(node_id, [])) or [None]
        for i, ind in enumerate(indikator):
            nilai: dict[str, Nilai] = {}
            if ind is not None:
                target = idx.target(ind.id, tahun)[0]
                realisasi = idx.realisasi_tahun(ind.id, tahun, ind.akumulasi)
                capaian = rumus.capaian(target, realisasi, ind.polaritas)
                nilai.update({"k3": target, "k4": realisasi, "k5": capaian})
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
                    kode=node.kode,
                    uraian=node.uraian,
                    level=node.level,
                    indikator=ind.nama if ind else "",
                    satuan=ind.satuan if ind else "",
                    lanjutan=i > 0,
                    nilai=nilai,
                    jejak={"k6": "jumlah pagu sub kegiatan", "k8": "serapan: 7/6 × 100"},
                )
            )
    akar = idx.anak.get(None, [])
    total_pagu = rumus.jumlah(pagu.get(n) for n in akar)
    total_belanja = rumus.jumlah(belanja.get(n) for n in akar)
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
    pagu = idx.pagu_berlaku(tahun)
    belanja = idx.belanja(tahun)
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
    for node in idx.node.values():
        node_kode.setdefault(node.kode, []).append(node.id)
    rows = []
    for level, kode, uraian, ind in sumber:
        if level == "sasaran":
            programs = program_sasaran.get(kunci_ke_id[kode], [])
        else:
            programs = node_kode.get(kode, [])
        p = rumus.jumlah(pagu.get(n) for n in programs)
        r = rumus.jumlah(belanja.get(n) for n in programs)
        serapan = rumus.serapan(r, p)
        target = idx.target(ind.id, tahun)[0]
        realisasi = idx.realisasi_tahun(ind.id, tahun, ind.akumulasi)
        capaian = rumus.capaian(target, realisasi, ind.polaritas)
        efisiensi = rumus.efisiensi(capaian, serapan)
        rows.append(
            Baris(
                kode=kode,
                uraian=uraian,
                level=level,
                indikator=ind.nama,
                satuan=ind.satuan,
                nilai={
                    "k3": capaian,
                    "k4": serapan,
                    "k5": efisiensi,
                    "k6": skala.kategori(efisiensi),
                },
                jejak={
                    "k4": f"serapan {metode}: "
                    + ", ".join(idx.node[n].kode for n in programs)
                    + f" = {angka_jejak(r)} / {angka_jejak(p)} × 100",
                    "k5": f"{angka_jejak(rumus.bulat(capaian))} / {angka_jejak(rumus.bulat(serapan))}",
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
