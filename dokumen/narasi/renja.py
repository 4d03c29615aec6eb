"""Generated narrative of the Renja (BAB II 2.1 and 2.2, BAB III 3.3, BAB IV 4.1), from
T-C.29, T-C.30, T-C.33 and Tabel 4.1 (and the loaded plan where a table is not enough)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from inti import rumus
from inti.parsing import romawi

if TYPE_CHECKING:
    from inti.tabel import Baris
from dokumen.narasi.kata import (
    DEVIASI,
    SURPLUS,
    TEPAT,
    KonteksNarasi,
    Simpul,
    adalah_persen,
    anak_simpul,
    angka_sel,
    arah_kinerja,
    cacah,
    daftar_kata,
    huruf_urut,
    kalimat_selisih,
    kelompok_simpul,
    keuangan_tahun,
    kutip,
    nama_kegiatan,
    nama_sub_dari_data,
    paragraf,
    polaritas_baris,
    rupiah_terbilang,
    teks_angka,
    teks_persen,
    teks_rupiah,
    teks_sel,
)

# ---------------------------------------------------------------------------------------
# Renja BAB II 2.1
# ---------------------------------------------------------------------------------------


def renja_2_1_ringkasan(konteks: KonteksNarasi) -> str:
    """Opening paragraph of 2.1: the evaluated year's physical and financial realisation and
    the counts of programs, kegiatan and sub kegiatan (000_batam.md §2.8)."""
    tabel = konteks.tabel.get("tc29")
    if tabel is None:
        return ""
    tahun = konteks.tahun - 2
    simpul = kelompok_simpul(tabel.baris)
    program = [s for s in simpul if s.level == "program"]
    kegiatan = [s for s in simpul if s.level == "kegiatan"]
    sub = [s for s in simpul if s.level == "sub_kegiatan"]
    nama = f"{konteks.pd_singkat} {konteks.pemda}"
    if not program and not kegiatan:
        return paragraf(
            [
                f"Tabel T-C.29 belum memuat program dan kegiatan {nama} yang dievaluasi untuk "
                f"tahun {tahun}, sehingga realisasi fisik dan keuangannya belum dapat diuraikan."
            ]
        )

    # Physical realisation: the mean tingkat realisasi (column 8) of the lowest level the table
    # shows, as the E.81 footer averages the capaian of its lowest rows.
    terbawah, capaian = program, []
    for tingkat in (sub, kegiatan, program):
        nilai = [
            c for s in tingkat for b in s.baris if (c := angka_sel(b.nilai.get("k8"))) is not None
        ]
        if nilai:
            terbawah, capaian = tingkat, nilai
            break
    level_kata = {"sub_kegiatan": "sub kegiatan", "kegiatan": "kegiatan", "program": "program"}[
        (terbawah or kegiatan)[0].level
    ]
    fisik = rumus.agregasi_nilai(capaian, rumus.RATA_RATA)
    if fisik is not None:
        kalimat_fisik = (
            f"Pelaksanaan program dan kegiatan {nama} sampai dengan akhir Desember tahun "
            f"anggaran {tahun} mencapai realisasi fisik sebesar {teks_persen(fisik)}, yaitu "
            f"rata-rata tingkat realisasi kinerja {cacah(len(capaian))} indikator {level_kata} "
            "pada Tabel T-C.29"
        )
    else:
        kalimat_fisik = (
            f"Realisasi fisik program dan kegiatan {nama} tahun anggaran {tahun} belum dapat "
            "dihitung karena Tabel T-C.29 belum memuat tingkat realisasi kinerja"
        )
    pagu, belanja = keuangan_tahun(konteks.data, tahun)
    serapan = rumus.serapan(belanja, pagu)
    if pagu is not None and belanja is not None and serapan is not None:
        kalimat_fisik += (
            f", dengan realisasi keuangan sebesar {teks_rupiah(belanja)} atau {teks_persen(serapan)} "
            f"dari total pagu anggaran sebesar {teks_rupiah(pagu)}."
        )
    else:
        kalimat_fisik += f". Data realisasi keuangan tahun {tahun} belum tersedia."

    if sub:
        jumlah_sub = len(sub)
    else:
        jumlah_sub = sum(len(nama_sub_dari_data(konteks, s.kode, tahun)) for s in kegiatan)
    cakupan = f"{cacah(len(program))} program dan {cacah(len(kegiatan))} kegiatan"
    if jumlah_sub:
        cakupan = (
            f"{cacah(len(program))} program, {cacah(len(kegiatan))} kegiatan dan "
            f"{cacah(jumlah_sub)} sub kegiatan"
        )
    return paragraf(
        [
            kalimat_fisik + f" Pelaksanaan tersebut mencakup {cakupan}.",
            f"Rekapitulasi hasil pelaksanaan Renja {nama} tahun {tahun} dan pencapaian Renstra "
            f"sampai dengan tahun {konteks.tahun - 1} menurut indikator program dan kegiatan "
            "disajikan pada Tabel T-C.29 berikut.",
        ]
    )


def _kalimat_indikator_tc29(konteks: KonteksNarasi, b: Baris, tahun: int, pembuka: str) -> str:
    """ "{pembuka} dengan target kinerja s/d 31 Desember … sehingga terjadi surplus sebesar …"
    for one indicator row of T-C.29 (target column 6, realisasi 7, tingkat realisasi 8)."""
    t = angka_sel(b.nilai.get("k6"))
    r = angka_sel(b.nilai.get("k7"))
    pol = polaritas_baris(konteks, b, "k6", "k7", "k8")
    selisih = kalimat_selisih(t, r, b.satuan, pol)
    batas = f"s/d 31 Desember {tahun}"
    if t is not None and r is not None:
        teks = (
            f"{pembuka} dengan target kinerja {batas} adalah sebesar {teks_angka(t, b.satuan)} dan "
            f"terealisasi sebesar {teks_angka(r, b.satuan)}, {selisih}"
        )
        c = angka_sel(b.nilai.get("k8"))
        if c is not None and not adalah_persen(b.satuan):
            teks += f" Tingkat realisasinya {teks_persen(c)}."
        elif c is None and t.is_zero():
            teks += " Tingkat realisasi tidak dapat dihitung karena targetnya bernilai nol."
        return teks
    if t is not None:
        return f"{pembuka} dengan target kinerja {batas} sebesar {teks_angka(t, b.satuan)}, namun {selisih}"
    if r is not None:
        return f"{pembuka} dengan realisasi kinerja {batas} sebesar {teks_angka(r, b.satuan)}, namun {selisih}"
    return f"{pembuka}; target dan realisasi kinerjanya untuk tahun {tahun} belum tersedia."


def renja_2_1_program(konteks: KonteksNarasi) -> str:
    """Per program and per kegiatan of T-C.29: target vs realisasi of year n-2 with the
    surplus/deviasi sentence, then the kegiatan's sub kegiatan (000_batam.md §7)."""
    tabel = konteks.tabel.get("tc29")
    if tabel is None:
        return ""
    tahun = konteks.tahun - 2
    simpul = kelompok_simpul(tabel.baris)
    program = [s for s in simpul if s.level == "program"]
    nama = f"{konteks.pd_singkat} {konteks.pemda}"
    if not program:
        return paragraf(
            [f"Tabel T-C.29 belum memuat program {nama} yang dievaluasi untuk tahun {tahun}."]
        )
    bagian = [
        f"Dari Tabel T-C.29 dapat dijelaskan hasil pelaksanaan program dan kegiatan {nama} "
        f"tahun {tahun} sebagai berikut:"
    ]
    for i, prog in enumerate(program, start=1):
        bagian.append(f"**{i}. {prog.uraian}**")
        kegiatan = anak_simpul(simpul, prog, "kegiatan")
        indikator = prog.berindikator
        if not indikator:
            bagian.append(
                f"Program ini terdiri dari {len(kegiatan)} kegiatan dan belum memiliki indikator "
                "kinerja program pada Tabel T-C.29."
            )
        elif len(indikator) == 1:
            bagian.append(
                _kalimat_indikator_tc29(
                    konteks,
                    indikator[0],
                    tahun,
                    f"Program ini terdiri dari {len(kegiatan)} kegiatan",
                )
            )
        else:
            bagian.append(
                f"Program ini terdiri dari {len(kegiatan)} kegiatan dengan "
                f"{len(indikator)} indikator kinerja program:"
            )
            bagian.append(
                "\n".join(
                    "- "
                    + _kalimat_indikator_tc29(konteks, b, tahun, f"Indikator {kutip(b.indikator)}")
                    for b in indikator
                )
            )
        if kegiatan:
            bagian.append(
                "Hal ini dapat dijelaskan terhadap pencapaian kinerja kegiatan sebagai berikut:"
            )
        for j, keg in enumerate(kegiatan):
            bagian.extend(_paragraf_kegiatan(konteks, simpul, keg, huruf_urut(j), tahun))
    return paragraf(bagian)


def _paragraf_kegiatan(
    konteks: KonteksNarasi, simpul: list[Simpul], keg: Simpul, huruf: str, tahun: int
) -> list[str]:
    bagian = [f"**{huruf}. {nama_kegiatan(keg.uraian)}**"]
    indikator = keg.berindikator
    if not indikator:
        bagian.append("Kegiatan ini belum memiliki indikator kinerja pada Tabel T-C.29.")
    for b in indikator:
        t = angka_sel(b.nilai.get("k6"))
        r = angka_sel(b.nilai.get("k7"))
        subjek = "kegiatan ini"
        if len(indikator) > 1:
            subjek = f"kegiatan ini untuk indikator {kutip(b.indikator)}"
        selisih = kalimat_selisih(t, r, b.satuan, polaritas_baris(konteks, b, "k6", "k7", "k8"))
        if t is not None and r is not None:
            teks = (
                f"Realisasi kinerja {subjek} sebesar {teks_angka(r, b.satuan)} dari target kinerja "
                f"sebesar {teks_angka(t, b.satuan)}, {selisih}"
            )
            c = angka_sel(b.nilai.get("k8"))
            if c is not None and not adalah_persen(b.satuan):
                teks += f" Tingkat realisasinya {teks_persen(c)}."
        elif t is not None:
            teks = f"Target kinerja {subjek} sebesar {teks_angka(t, b.satuan)}, namun {selisih}"
        elif r is not None:
            teks = f"Realisasi kinerja {subjek} sebesar {teks_angka(r, b.satuan)}, namun {selisih}"
        else:
            teks = f"Target dan realisasi kinerja {subjek} untuk tahun {tahun} belum tersedia."
        bagian.append(teks)
    subs = [s.uraian for s in anak_simpul(simpul, keg, "sub_kegiatan")]
    if not subs:
        subs = nama_sub_dari_data(konteks, keg.kode, tahun)
    if subs:
        bagian.append(f"Kegiatan ini terdiri dari {len(subs)} sub kegiatan, yaitu:")
        bagian.append(
            "\n".join(f"- {nama}{';' if k < len(subs) - 1 else '.'}" for k, nama in enumerate(subs))
        )
    return bagian


# ---------------------------------------------------------------------------------------
# Renja BAB II 2.2
# ---------------------------------------------------------------------------------------


def renja_2_2_kinerja_pelayanan(konteks: KonteksNarasi) -> str:
    """T-C.30: how many service indicators met their Renstra target of year n-2."""
    tabel = konteks.tabel.get("tc30")
    if tabel is None:
        return ""
    tahun = konteks.tahun - 2
    if not tabel.baris:
        return paragraf(["Tabel T-C.30 belum memuat indikator kinerja pelayanan."])
    hitung = {SURPLUS: 0, TEPAT: 0, DEVIASI: 0}
    kosong = 0
    kurang: list[str] = []
    for b in tabel.baris:
        t = angka_sel(b.nilai.get("k5"))
        r = angka_sel(b.nilai.get("k9"))
        pol = polaritas_baris(konteks, b)
        arah = arah_kinerja(t, r, pol)
        if arah is None or t is None or r is None:
            kosong += 1
            continue
        hitung[arah] += 1
        if arah == DEVIASI:
            beda = rumus.selisih(t, r)
            assert beda is not None
            kurang.append(
                f"- {b.indikator}: target {teks_angka(t, b.satuan)}, realisasi "
                f"{teks_angka(r, b.satuan)} (deviasi {teks_angka(abs(beda), b.satuan)})"
            )
    bagian = [
        f"Dari {cacah(len(tabel.baris))} indikator kinerja pelayanan pada Tabel T-C.30, pada "
        f"tahun {tahun} sebanyak {cacah(hitung[TEPAT])} indikator tepat mencapai target "
        f"Renstra, {cacah(hitung[SURPLUS])} indikator melampaui target, "
        f"{cacah(hitung[DEVIASI])} indikator belum mencapai target, dan {cacah(kosong)} "
        "indikator belum memiliki target atau realisasi."
    ]
    if kurang:
        bagian.append(f"Indikator yang belum mencapai target tahun {tahun} adalah:")
        bagian.append("\n".join(kurang))
    return paragraf(bagian)


# ---------------------------------------------------------------------------------------
# Renja BAB III 3.3 and BAB IV 4.1
# ---------------------------------------------------------------------------------------


def _target_tc33(b: Baris) -> str | None:
    return teks_sel(b.nilai.get("k5"), b.satuan)


def renja_3_3_program(konteks: KonteksNarasi) -> str:
    """T-C.33: per program an introduction (kegiatan, sub kegiatan, pagu, indicators, funding),
    per kegiatan its sub kegiatan, one sentence per sub kegiatan naming its indicator."""
    tabel = konteks.tabel.get("tc33")
    if tabel is None:
        return ""
    simpul = kelompok_simpul(tabel.baris)
    program = [s for s in simpul if s.level == "program"]
    tahun = konteks.tahun
    if not program:
        return paragraf([f"Tabel T-C.33 belum memuat program untuk tahun {tahun}."])
    bagian: list[str] = []
    for i, prog in enumerate(program, start=1):
        kegiatan = anak_simpul(simpul, prog, "kegiatan")
        subs = anak_simpul(simpul, prog, "sub_kegiatan")
        bagian.append(f"**{romawi(i)}. {prog.uraian}**")
        kalimat = (
            f"Program ini dilaksanakan melalui {cacah(len(kegiatan))} kegiatan dan "
            f"{cacah(len(subs))} sub kegiatan"
        )
        pagu = angka_sel(prog.baris[0].nilai.get("k6"))
        kalimat += (
            f" dengan pagu indikatif tahun {tahun} sebesar {teks_rupiah(pagu)}."
            if pagu is not None
            else f"; pagu indikatif tahun {tahun} belum ditetapkan."
        )
        indikator = [
            f"{kutip(b.indikator)} dengan target {t}"
            if (t := _target_tc33(b)) is not None
            else f"{kutip(b.indikator)} yang targetnya belum ditetapkan"
            for b in prog.berindikator
        ]
        if indikator:
            kalimat += f" Indikator kinerja program ini adalah {daftar_kata(indikator)}."
        bagian.append(kalimat)
        sumber = sorted(
            {
                bagian_dana.strip()
                for s in subs
                for b in s.baris
                if isinstance(b.nilai.get("k7"), str)
                for bagian_dana in str(b.nilai.get("k7")).replace(";", "\n").splitlines()
                if bagian_dana.strip()
            }
        )
        dana = daftar_kata(sumber) if sumber else f"APBD {konteks.pemda}"
        if kegiatan:
            bagian.append(
                f"Pendanaan kegiatan pada program ini bersumber dari {dana} melalui kegiatan "
                "berikut:"
            )
        for j, keg in enumerate(kegiatan, start=1):
            anak = anak_simpul(simpul, keg, "sub_kegiatan")
            judul = f"**{j}. {nama_kegiatan(keg.uraian)}**"
            bagian.append(
                f"{judul}, terdiri dari {cacah(len(anak))} sub kegiatan:"
                if anak
                else f"{judul} belum memiliki sub kegiatan."
            )
            if anak:
                bagian.append("\n".join(f"- {_kalimat_sub_tc33(s, tahun)}" for s in anak))
    return paragraf(bagian)


def _kalimat_sub_tc33(sub: Simpul, tahun: int) -> str:
    teks = f"*{sub.uraian}*."
    indikator = sub.berindikator
    if not indikator:
        teks += " Sub kegiatan ini belum memiliki indikator kinerja."
    elif len(indikator) == 1:
        b = indikator[0]
        t = _target_tc33(b)
        teks += f" Indikator kinerja dari sub kegiatan ini adalah {kutip(b.indikator)}"
        teks += f" dengan target {t}" if t is not None else ", yang targetnya belum ditetapkan"
    else:
        daftar = [
            f"{kutip(b.indikator)} (target {t})"
            if (t := _target_tc33(b)) is not None
            else f"{kutip(b.indikator)} (target belum ditetapkan)"
            for b in indikator
        ]
        teks += f" Indikator kinerja dari sub kegiatan ini adalah {daftar_kata(daftar)}"
    pagu = angka_sel(sub.baris[0].nilai.get("k6"))
    if pagu is None:
        teks += ("; p" if indikator else " P") + f"agu indikatif tahun {tahun} belum ditetapkan."
    elif pagu.is_zero():
        teks += ("; b" if indikator else " B") + f"elum dialokasikan pagu indikatif tahun {tahun}."
    else:
        teks += (" dan p" if indikator else " P") + f"agu indikatifnya sebesar {teks_rupiah(pagu)}."
    return teks


def renja_4_1_ringkasan(konteks: KonteksNarasi) -> str:
    """Tabel 4.1: counts and the total pagu indikatif of the plan year."""
    tabel = konteks.tabel.get("t41")
    if tabel is None:
        return ""
    simpul = kelompok_simpul(tabel.baris)
    jumlah = {
        lv: sum(1 for s in simpul if s.level == lv)
        for lv in ("program", "kegiatan", "sub_kegiatan")
    }
    nama = f"{konteks.pd_singkat} {konteks.pemda}"
    if not jumlah["program"]:
        return paragraf([f"Tabel 4.1 belum memuat program {nama} tahun {konteks.tahun}."])
    total = rumus.agregasi_nilai(
        [angka_sel(s.baris[0].nilai.get("k5")) for s in simpul if s.level == "program"],
        rumus.KUMULATIF,
    )
    kalimat = (
        f"Pada tahun {konteks.tahun}, {nama} merencanakan {cacah(jumlah['program'])} program, "
        f"{cacah(jumlah['kegiatan'])} kegiatan dan {cacah(jumlah['sub_kegiatan'])} sub "
        "kegiatan"
    )
    kalimat += (
        f" dengan total pagu indikatif sebesar {rupiah_terbilang(total)}."
        if total is not None
        else "; pagu indikatifnya belum ditetapkan."
    )
    return paragraf([kalimat])
