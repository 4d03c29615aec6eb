"""Generated narrative of the LKj (BAB II-IV, the Ringkasan Eksekutif and the E.81
appendix), from the Perjanjian Kinerja, capaian, anggaran and efisiensi tables and E.81."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from inti import rumus
from inti.parsing import format_angka, romawi

if TYPE_CHECKING:
    from inti.tabel import Baris, Tabel
from dokumen.narasi.kata import (
    DEVIASI,
    SURPLUS,
    TEPAT,
    KonteksNarasi,
    angka_sel,
    arah_kinerja,
    bulat_tampil,
    cacah,
    daftar_kata,
    huruf_urut,
    kelompok_simpul,
    kutip,
    paragraf,
    peta_indikator,
    polaritas_baris,
    rupiah_terbilang,
    teks_angka,
    teks_persen,
    teks_rasio,
    teks_rupiah,
    teks_sel,
    terbilang,
)

# ---------------------------------------------------------------------------------------
# LKj
# ---------------------------------------------------------------------------------------


def _baris_iku(tabel: Tabel) -> list[Baris]:
    return [b for b in tabel.baris if b.indikator]


def _bernomor(baris: list[Baris]) -> list[tuple[str, Baris]]:
    """Rows with their label, numbered per level: "Indikator Kinerja Utama 1" (sasaran),
    "Indikator Tujuan 1", "Indikator Program 1"."""
    nama = {"sasaran": "Indikator Kinerja Utama", "tujuan": "Indikator Tujuan"}
    hitung: dict[str, int] = {}
    hasil = []
    for b in baris:
        jenis = nama.get(b.level, "Indikator Program")
        hitung[jenis] = hitung.get(jenis, 0) + 1
        hasil.append((f"{jenis} {hitung[jenis]}", b))
    return hasil


def lkj_perjanjian_kinerja(konteks: KonteksNarasi) -> str:
    """The PK: how many indicators, which targets a revision changed, the dated documents."""
    tabel = konteks.tabel.get("pk")
    if tabel is None:
        return ""
    nama = f"{konteks.pd_singkat} {konteks.pemda}"
    baris = _baris_iku(tabel)
    bagian = [
        f"Perjanjian Kinerja {nama} Tahun {konteks.tahun} memuat {cacah(len(baris))} "
        "indikator kinerja beserta targetnya."
    ]
    revisi = [c for c in tabel.catatan if c.startswith("Revisi")]
    if revisi:
        bagian.append(f"Perjanjian Kinerja tersebut mengalami {cacah(len(revisi))} kali perubahan.")
    berubah = []
    for b in baris:
        awal, baru = b.nilai.get("k4"), b.nilai.get("k5")
        if angka_sel(baru) is not None and baru != awal:
            sebelum = teks_sel(awal, b.satuan)
            berubah.append(
                f"- {b.indikator}: dari {sebelum} menjadi {teks_sel(baru, b.satuan)}"
                if sebelum is not None
                else f"- {b.indikator}: ditambahkan dengan target {teks_sel(baru, b.satuan)}"
            )
    if berubah:
        bagian.append("Perubahan Perjanjian Kinerja mengubah atau menambah target berikut:")
        bagian.append("\n".join(berubah))
    elif revisi:
        bagian.append("Perubahan tersebut tidak mengubah target indikator kinerja.")
    if tabel.catatan:
        bagian.append("\n".join(f"- {c}" for c in tabel.catatan))
    return paragraf(bagian)


def _kalimat_tren(b: Baris, tahun: int) -> str:
    c = angka_sel(b.nilai.get("k5"))
    c_lalu = angka_sel(b.nilai.get("k8"))
    r_lalu = angka_sel(b.nilai.get("k7"))
    if c is None or c_lalu is None:
        if r_lalu is not None:
            return (
                f"Realisasi tahun {tahun - 1} sebesar {teks_angka(r_lalu, b.satuan)}; capaian kedua "
                "tahun belum dapat dibandingkan."
            )
        return f"Capaian tahun {tahun - 1} belum tersedia sehingga belum dapat dibandingkan."
    beda = angka_sel(b.nilai.get("k9"))
    if beda is None:
        beda = rumus.selisih(c_lalu, c)
    assert beda is not None
    awal = (
        f"Bila dibandingkan dengan tahun {tahun - 1}"
        + (
            f" dengan realisasi sebesar {teks_angka(r_lalu, b.satuan)}"
            if r_lalu is not None
            else ""
        )
        + f" dan capaian {teks_persen(c_lalu)}, capaian tahun {tahun}"
    )
    if bulat_tampil(beda).is_zero():
        return f"{awal} tetap sama."
    arah = "meningkat" if beda > 0 else "menurun"
    return f"{awal} {arah} sebesar {format_angka(bulat_tampil(abs(beda)), 2)} poin persen."


def lkj_analisis_iku(konteks: KonteksNarasi) -> str:
    """Per IKU: target, realisasi, capaian and atribut, surplus/deviasi and the trend against
    the previous year (002_dumai_lkj.md §9.1)."""
    tabel = konteks.tabel.get("lkj_capaian")
    if tabel is None:
        return ""
    baris = _baris_iku(tabel)
    tahun = konteks.tahun
    if not baris:
        return paragraf([f"Belum terdapat indikator kinerja yang diukur untuk tahun {tahun}."])
    bagian: list[str] = []
    for label, b in _bernomor(baris):
        bagian.append(f"**{label}: {b.indikator}**")
        t = angka_sel(b.nilai.get("k3"))
        r = angka_sel(b.nilai.get("k4"))
        c = angka_sel(b.nilai.get("k5"))
        atribut = b.nilai.get("k6")
        pol = polaritas_baris(konteks, b, "k3", "k4", "k5")
        if t is not None and r is not None:
            teks = (
                f"Target indikator ini pada tahun {tahun} adalah {teks_angka(t, b.satuan)} dengan "
                f"realisasi sebesar {teks_angka(r, b.satuan)}"
            )
            if c is not None:
                teks += f", sehingga capaian kinerjanya {teks_persen(c)}"
                if isinstance(atribut, str) and atribut:
                    teks += f" dengan atribut {atribut}"
            else:
                teks += "; capaian tidak dapat dihitung karena targetnya bernilai nol"
            arah = arah_kinerja(t, r, pol)
            beda = rumus.selisih(t, r)
            assert beda is not None
            teks += (
                ". "
                + {
                    SURPLUS: f"Realisasi tersebut melampaui target sebesar {teks_angka(abs(beda), b.satuan)}.",
                    DEVIASI: f"Realisasi tersebut belum mencapai target; deviasinya sebesar {teks_angka(abs(beda), b.satuan)}.",
                    TEPAT: "Realisasi tersebut tepat sama dengan target (target tercapai 100%).",
                }[arah or TEPAT]
            )
            if pol == rumus.NEGATIF:
                teks += (
                    " Indikator ini berpolaritas negatif (semakin rendah realisasi semakin baik)."
                )
        elif t is not None:
            teks = (
                f"Target indikator ini pada tahun {tahun} adalah {teks_angka(t, b.satuan)}, namun "
                "realisasinya belum tersedia sehingga capaian belum dapat dihitung."
            )
        elif r is not None:
            teks = (
                f"Realisasi indikator ini pada tahun {tahun} sebesar {teks_angka(r, b.satuan)}, namun "
                "targetnya belum ditetapkan sehingga capaian tidak dapat dihitung."
            )
        else:
            teks = f"Target dan realisasi indikator ini untuk tahun {tahun} belum tersedia."
        bagian.append(teks + " " + _kalimat_tren(b, tahun))
    return paragraf(bagian)


def _target_lalu(konteks: KonteksNarasi, b: Baris) -> Decimal | None:
    dikenal = peta_indikator(konteks.data).get((b.kode, b.indikator))
    if dikenal is None or konteks.data is None:
        return None
    from evaluasi.indeks import indeks

    return indeks(konteks.data).target(dikenal[0], konteks.tahun - 1)[0]


def lkj_perbandingan_tahun_lalu(konteks: KonteksNarasi) -> str:
    """Per IKU: last year's target, realisasi and capaian against this year's
    (002_dumai_lkj.md §9.2)."""
    tabel = konteks.tabel.get("lkj_capaian")
    if tabel is None:
        return ""
    tahun = konteks.tahun
    baris = _baris_iku(tabel)
    if not baris:
        return paragraf([f"Belum terdapat indikator kinerja yang diukur untuk tahun {tahun}."])
    bagian: list[str] = []
    for label, b in _bernomor(baris):
        bagian.append(f"**{label}: {b.indikator}**")
        t = angka_sel(b.nilai.get("k3"))
        r = angka_sel(b.nilai.get("k4"))
        c = angka_sel(b.nilai.get("k5"))
        r_lalu = angka_sel(b.nilai.get("k7"))
        c_lalu = angka_sel(b.nilai.get("k8"))
        t_lalu = _target_lalu(konteks, b)
        kalimat = []
        if r_lalu is None and t_lalu is None:
            kalimat.append(f"Data kinerja tahun {tahun - 1} untuk indikator ini belum tersedia.")
        else:
            lalu = f"Pada tahun {tahun - 1}"
            if t_lalu is not None:
                lalu += f", target indikator ini sebesar {teks_angka(t_lalu, b.satuan)}"
            lalu += (
                f"{',' if t_lalu is not None else ''} realisasinya sebesar {teks_angka(r_lalu, b.satuan)}"
                if r_lalu is not None
                else " realisasinya belum tersedia"
            )
            if c_lalu is not None:
                lalu += f" dengan capaian {teks_persen(c_lalu)}"
            kalimat.append(lalu + ".")
        if t is None:
            kini = f"Pada tahun {tahun}, target kinerja belum ditetapkan"
        elif t_lalu is None:
            kini = f"Pada tahun {tahun}, target kinerja sebesar {teks_angka(t, b.satuan)}"
        elif t == t_lalu:
            kini = (
                f"Pada tahun {tahun}, target kinerja sama dengan tahun sebelumnya yaitu "
                f"{teks_angka(t, b.satuan)}"
            )
        else:
            arah = "naik" if t > t_lalu else "turun"
            kini = (
                f"Pada tahun {tahun}, target kinerja {arah} dari tahun sebelumnya menjadi "
                f"{teks_angka(t, b.satuan)}"
            )
        kini += (
            f" dengan realisasi {teks_angka(r, b.satuan)}"
            if r is not None
            else " dan realisasinya belum tersedia"
        )
        if c is not None:
            kini += f", sehingga capaian kinerja menjadi {teks_persen(c)}"
        kalimat.append(kini + ".")
        if c is not None and c_lalu is not None:
            kalimat.append(_kalimat_tren(b, tahun))
        bagian.append(" ".join(kalimat))
    return paragraf(bagian)


def lkj_kemajuan_renstra(konteks: KonteksNarasi) -> str:
    """Per IKU: realisasi of the year against the Renstra end target (tingkat kemajuan)."""
    tabel = konteks.tabel.get("lkj_capaian")
    if tabel is None:
        return ""
    tahun = konteks.tahun
    akhir = f"tahun {konteks.data.tahun_selesai}" if konteks.data is not None else "akhir periode"
    baris = _baris_iku(tabel)
    if not baris:
        return paragraf([f"Belum terdapat indikator kinerja yang diukur untuk tahun {tahun}."])
    bagian = []
    for b in baris:
        t_akhir = angka_sel(b.nilai.get("k10"))
        r = angka_sel(b.nilai.get("k4"))
        kemajuan = angka_sel(b.nilai.get("k11"))
        if t_akhir is None:
            bagian.append(
                f"- {b.indikator}: target akhir Renstra belum ditetapkan sehingga tingkat "
                "kemajuan belum dapat dihitung."
            )
        elif r is None:
            bagian.append(
                f"- {b.indikator}: target akhir Renstra {akhir} sebesar "
                f"{teks_angka(t_akhir, b.satuan)}; realisasi tahun {tahun} belum tersedia."
            )
        elif kemajuan is None:
            bagian.append(
                f"- {b.indikator}: realisasi tahun {tahun} sebesar {teks_angka(r, b.satuan)} "
                "terhadap target akhir Renstra yang bernilai nol; tingkat kemajuan tidak dapat "
                "dihitung."
            )
        else:
            bagian.append(
                f"- {b.indikator}: realisasi tahun {tahun} sebesar {teks_angka(r, b.satuan)} "
                f"dibandingkan target akhir Renstra {akhir} sebesar {teks_angka(t_akhir, b.satuan)} "
                f"menunjukkan tingkat kemajuan {teks_persen(kemajuan)}."
            )
    return paragraf(
        [
            f"Perbandingan realisasi kinerja tahun {tahun} dengan target akhir periode Renstra "
            "adalah sebagai berikut:",
            "\n".join(bagian),
        ]
    )


def lkj_akuntabilitas_keuangan(konteks: KonteksNarasi) -> str:
    """The year's budget and its realisation (002_dumai_lkj.md §9.5), from the lkj_anggaran
    footer."""
    tabel = konteks.tabel.get("lkj_anggaran")
    if tabel is None:
        return ""
    tahun = konteks.tahun
    nama = f"{konteks.pd_singkat} {konteks.pemda}"
    jumlah_program = len({b.kode for b in tabel.baris if b.level == "program"})
    kaki = tabel.kaki[0].nilai if tabel.kaki else {}
    pagu = angka_sel(kaki.get("k6"))
    belanja = angka_sel(kaki.get("k7"))
    serapan = angka_sel(kaki.get("k8"))
    if pagu is None:
        return paragraf(
            [
                f"Data anggaran {nama} tahun {tahun} belum tersedia sehingga akuntabilitas keuangan belum dapat diuraikan."
            ]
        )
    bagian = [
        f"Pada tahun {tahun}, {nama} didukung anggaran sebesar {rupiah_terbilang(pagu)} untuk "
        f"melaksanakan {cacah(jumlah_program)} program."
    ]
    if belanja is None:
        bagian.append(f"Data realisasi anggaran sampai dengan 31 Desember {tahun} belum tersedia.")
    else:
        kalimat = (
            f"Realisasi anggaran sampai dengan 31 Desember {tahun} sebesar "
            f"{rupiah_terbilang(belanja)}"
        )
        if serapan is not None:
            kalimat += f" atau {teks_persen(serapan)} dari total anggaran"
        kalimat += "."
        sisa = pagu - belanja
        if sisa > 0:
            kalimat += f" Anggaran yang tidak terserap sebesar {teks_rupiah(sisa)}."
        bagian.append(kalimat)
    return paragraf(bagian)


def lkj_kinerja_anggaran(konteks: KonteksNarasi) -> str:
    """Per program: capaian kinerja of its indicators next to its budget absorption."""
    tabel = konteks.tabel.get("lkj_anggaran")
    if tabel is None:
        return ""
    simpul = [s for s in kelompok_simpul(tabel.baris) if s.level == "program"]
    if not simpul:
        return paragraf([f"Belum terdapat program yang dianggarkan pada tahun {konteks.tahun}."])
    bagian = []
    for s in simpul:
        nilai = s.baris[0].nilai
        pagu, belanja = angka_sel(nilai.get("k6")), angka_sel(nilai.get("k7"))
        serapan = angka_sel(nilai.get("k8"))
        capaian = []
        for b in s.berindikator:
            c = angka_sel(b.nilai.get("k5"))
            capaian.append(
                f"capaian kinerja indikator {kutip(b.indikator)} sebesar {teks_persen(c)}"
                if c is not None
                else f"capaian kinerja indikator {kutip(b.indikator)} belum dapat dihitung"
            )
        teks = f"- **{s.uraian}**: " + (
            daftar_kata(capaian) if capaian else "belum memiliki indikator kinerja program"
        )
        if serapan is not None and pagu is not None and belanja is not None:
            teks += (
                f"; penyerapan anggaran {teks_persen(serapan)} ({teks_rupiah(belanja)} dari "
                f"{teks_rupiah(pagu)})."
            )
        elif pagu is not None:
            teks += f"; pagu {teks_rupiah(pagu)}, realisasi anggaran belum tersedia."
        else:
            teks += "; anggaran belum tersedia."
        bagian.append(teks)
    return paragraf(
        [
            f"Pencapaian kinerja dan penyerapan anggaran setiap program tahun {konteks.tahun} "
            "adalah sebagai berikut:",
            "\n".join(bagian),
        ]
    )


def lkj_efisiensi(konteks: KonteksNarasi) -> str:
    """Per IKU: efisiensi = capaian ÷ serapan and its category (002_dumai_lkj.md §9.3)."""
    tabel = konteks.tabel.get("lkj_efisiensi")
    if tabel is None:
        return ""
    tahun = konteks.tahun
    baris = _baris_iku(tabel)
    if not baris:
        return paragraf([f"Belum terdapat indikator untuk mengukur efisiensi tahun {tahun}."])
    bagian = []
    for i, b in enumerate(baris):
        c = angka_sel(b.nilai.get("k3"))
        s = angka_sel(b.nilai.get("k4"))
        e = angka_sel(b.nilai.get("k5"))
        kategori = b.nilai.get("k6")
        if b.level == "sasaran":
            awal = f"{huruf_urut(i)}. Pada Indikator Kinerja Utama {i + 1} yaitu {b.indikator}"
        else:
            awal = f"{huruf_urut(i)}. Pada indikator {b.indikator} ({b.uraian})"
        if e is not None and c is not None and s is not None:
            teks = (
                f"{awal}, tingkat efisiensinya adalah {teks_rasio(e)} berasal dari perhitungan "
                f"persentase capaian kinerja tahun {tahun} ({teks_persen(c)}) dibagi dengan "
                f"persentase penyerapan anggaran tahun {tahun} ({teks_persen(s)})."
            )
            if isinstance(kategori, str) and kategori:
                teks += (
                    " Pencapaian tersebut menunjukkan bahwa efisiensi penggunaan sumber daya "
                    f"termasuk dalam kategori {kategori.upper()}."
                )
        elif c is None:
            teks = (
                f"{awal}, tingkat efisiensinya belum dapat dihitung karena capaian kinerja "
                f"tahun {tahun} belum tersedia."
            )
        elif s is None or s.is_zero():
            teks = (
                f"{awal}, tingkat efisiensinya belum dapat dihitung karena penyerapan anggaran "
                f"tahun {tahun} belum tersedia atau bernilai nol."
            )
        else:
            teks = f"{awal}, tingkat efisiensinya belum dapat dihitung."
        bagian.append(teks)
    return paragraf(bagian)


def lkj_ringkasan_iku(konteks: KonteksNarasi) -> str:
    """BAB IV: one sentence per IKU with its capaian and category (002_dumai_lkj.md §9.9)."""
    tabel = konteks.tabel.get("lkj_capaian")
    if tabel is None:
        return ""
    tahun = konteks.tahun
    baris = _baris_iku(tabel)
    bagian = []
    for i, b in enumerate(baris, start=1):
        t = angka_sel(b.nilai.get("k3"))
        r = angka_sel(b.nilai.get("k4"))
        c = angka_sel(b.nilai.get("k5"))
        atribut = b.nilai.get("k6")
        if c is not None and t is not None and r is not None:
            teks = (
                f"{i}. Indikator {i}: {b.indikator} dengan capaian {teks_persen(c)} pada tahun "
                f"{tahun}. Dari target {teks_angka(t, b.satuan)} dapat direalisasikan "
                f"{teks_angka(r, b.satuan)}"
            )
            teks += (
                f" dan termasuk kategori {atribut.upper()}."
                if isinstance(atribut, str) and atribut
                else "."
            )
        else:
            teks = (
                f"{i}. Indikator {i}: {b.indikator}; capaian tahun {tahun} belum dapat dihitung "
                "karena target atau realisasinya belum tersedia."
            )
        bagian.append(teks)
    if not bagian:
        return paragraf([f"Belum terdapat indikator kinerja yang diukur untuk tahun {tahun}."])
    return paragraf(
        [
            f"Kinerja {konteks.pd_singkat} {konteks.pemda} tahun {tahun} diukur dengan "
            f"{cacah(len(baris))} indikator dengan hasil sebagai berikut:",
            "\n".join(bagian),
        ]
    )


def lkj_kesimpulan(konteks: KonteksNarasi) -> str:
    """The overall conclusion: the mean capaian of the IKU and its category
    (002_dumai_lkj.md §9.4)."""
    tabel = konteks.tabel.get("lkj_capaian")
    if tabel is None:
        return ""
    tahun = konteks.tahun
    nama = f"{konteks.pd_singkat} {konteks.pemda}"
    semua = _baris_iku(tabel)
    iku = [b for b in semua if b.level == "sasaran"] or semua
    jenis = "Indikator Kinerja Utama" if any(b.level == "sasaran" for b in semua) else "indikator"
    capaian = [c for b in iku if (c := angka_sel(b.nilai.get("k5"))) is not None]
    if not capaian:
        return paragraf(
            [
                f"Capaian kinerja {nama} tahun {tahun} belum dapat disimpulkan karena belum "
                "terdapat capaian indikator yang dapat dihitung."
            ]
        )
    rata = rumus.agregasi_nilai(capaian, rumus.RATA_RATA)
    assert rata is not None
    skala = konteks.data.skala_untuk("atribut") if konteks.data is not None else rumus.SKALA_ATRIBUT
    label = [lb for _, lb in skala.batas] + [skala.terendah]
    kategori = skala.kategori(rata)
    assert kategori is not None
    urut = label.index(kategori) + 1
    per_kategori = [
        f"{cacah(n)} indikator {lb}"
        for lb in label
        if (n := sum(1 for b in iku if b.nilai.get("k6") == lb))
    ]
    bagian = [
        f"Berdasarkan akumulasi capaian {cacah(len(capaian))} {jenis} dengan rata-rata "
        f"capaian sebesar {teks_persen(rata)}, pelaksanaan kinerja {nama} selama tahun {tahun} "
        f"termasuk kategori {romawi(urut)} ({terbilang(urut)}) yaitu {kategori}."
    ]
    if per_kategori:
        bagian.append(f"Rinciannya: {daftar_kata(per_kategori)}.")
    tanpa = len(iku) - len(capaian)
    if tanpa:
        bagian.append(
            f"Sebanyak {cacah(tanpa)} indikator belum dapat dihitung capaiannya sehingga "
            "tidak termasuk dalam rata-rata."
        )
    bagian.append(f"Skala yang digunakan: {skala.nama} ({skala.uraian()}).")
    return paragraf([" ".join(bagian)])


def lkj_e81_ringkasan(konteks: KonteksNarasi) -> str:
    """The E.81 (triwulan IV) footer: mean capaian kinerja and weighted capaian anggaran."""
    tabel = konteks.tabel.get("e81_4")
    if tabel is None:
        return ""
    tahun = konteks.tahun
    rata = next((b.nilai for b in tabel.kaki if b.uraian == "RATA-RATA CAPAIAN"), {})
    predikat = next((b.nilai for b in tabel.kaki if b.uraian == "PREDIKAT"), {})
    k, rp = angka_sel(rata.get("k13_k")), angka_sel(rata.get("k13_rp"))
    bagian = []
    if k is not None:
        teks = f"Rata-rata capaian kinerja sub kegiatan tahun {tahun} sebesar {teks_persen(k)}"
        p = predikat.get("k13_k")
        bagian.append(teks + (f" dengan predikat {p}." if isinstance(p, str) and p else "."))
    else:
        bagian.append(f"Rata-rata capaian kinerja sub kegiatan tahun {tahun} belum dapat dihitung.")
    if rp is not None:
        teks = (
            f"Capaian anggaran (total realisasi dibagi total pagu sub kegiatan) sebesar "
            f"{teks_persen(rp)}"
        )
        p = predikat.get("k13_rp")
        bagian.append(teks + (f" dengan predikat {p}." if isinstance(p, str) and p else "."))
    else:
        bagian.append(f"Capaian anggaran tahun {tahun} belum dapat dihitung.")
    return paragraf([" ".join(bagian)])
