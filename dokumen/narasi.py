"""Generated narrative of the Renja and LKj documents, as Markdown.

Every function of ``NARASI`` takes a ``KonteksNarasi`` and returns Markdown (``""`` when the
table it describes was not computed). The sentences are written from the already-computed
tables (``evaluasi.tabel`` / ``evaluasi.tabel_lkj``): nothing here divides a realisasi by a
target. What is not in a table (a polaritas, a budget of the evaluated year, the sub kegiatan
of a kegiatan) is read from the loaded plan (``KonteksNarasi.data``) when it is given; sums
and means go through ``inti.rumus``. Figures are printed the Indonesian way; percentages
with two decimals rounded half-up (``inti.rumus.bulat``). A missing value gives a sentence
that says so, never "None" or "nan".

Wording of the surplus/deviasi sentences (000_batam.md §7, without the document's errors):
"surplus" only when the realisasi beats the target in the indicator's direction (above it for
a positive indicator, below it for a negative one), "deviasi" when it falls short, and
"target tercapai 100%" when realisasi equals target. The difference is printed in the
indicator's unit (percentage points written with "%" for a percentage indicator).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING

from inti import rumus
from inti.parsing import format_angka, normalisasi_satuan, romawi

if TYPE_CHECKING:
    from evaluasi.muat import DataRencana
    from inti.tabel import Baris, Nilai, Tabel

__all__ = [
    "DEVIASI",
    "NARASI",
    "SURPLUS",
    "TEPAT",
    "KonteksNarasi",
    "arah_kinerja",
    "kalimat_selisih",
    "terbilang",
]

SURPLUS = "surplus"
DEVIASI = "deviasi"
TEPAT = "tepat"


@dataclass(frozen=True)
class KonteksNarasi:
    jenis: str  # "renja" | "lkj"
    pemda: str
    pd: str
    pd_singkat: str
    tahun: int  # Renja: the plan year n (BAB II evaluates n-2); LKj: the year reported
    # Computed tables by key: "tc29", "tc30", "tc33", "t41", "e81_4", "pk", "lkj_capaian",
    # "lkj_anggaran", "lkj_efisiensi".
    tabel: Mapping[str, Tabel]
    data: DataRencana | None = None  # the loaded plan, if a narrative needs more than tables
    # Optional override: (row kode, indicator name) -> "positif" | "negatif". Else the plan's
    # indicator (``data``), else inferred from the row's capaian, else positif.
    polaritas: Mapping[tuple[str, str], str] = field(default_factory=dict)


# ---------------------------------------------------------------------------------------
# Numbers and words
# ---------------------------------------------------------------------------------------

_SATUAN_KATA = (
    "",
    "satu",
    "dua",
    "tiga",
    "empat",
    "lima",
    "enam",
    "tujuh",
    "delapan",
    "sembilan",
    "sepuluh",
    "sebelas",
)
_SKALA_KATA = ((10**12, "triliun"), (10**9, "miliar"), (10**6, "juta"))


def terbilang(n: int) -> str:
    """An integer in Indonesian words: 10070867140 → "sepuluh miliar tujuh puluh juta delapan
    ratus enam puluh tujuh ribu seratus empat puluh"."""
    if n < 0:
        return "minus " + terbilang(-n)
    if n == 0:
        return "nol"
    return _terbilang(n)


def _terbilang(n: int) -> str:
    if n < 12:
        return _SATUAN_KATA[n]
    if n < 20:
        return _SATUAN_KATA[n - 10] + " belas"
    if n < 100:
        return _gabung(_SATUAN_KATA[n // 10] + " puluh", n % 10)
    if n < 200:
        return _gabung("seratus", n - 100)
    if n < 1000:
        return _gabung(_SATUAN_KATA[n // 100] + " ratus", n % 100)
    if n < 2000:
        return _gabung("seribu", n - 1000)
    if n < 10**6:
        return _gabung(_terbilang(n // 1000) + " ribu", n % 1000)
    for besar, nama in _SKALA_KATA:
        if n >= besar:
            return _gabung(_terbilang(n // besar) + " " + nama, n % besar)
    raise AssertionError(n)  # pragma: no cover - every n ≥ 10**6 has a scale


def _gabung(kepala: str, sisa: int) -> str:
    return kepala if sisa == 0 else f"{kepala} {_terbilang(sisa)}"


def _cacah(n: int) -> str:
    """A count as the documents write it: "3 (tiga)"."""
    return f"{n} ({terbilang(n)})"


def _huruf(i: int) -> str:
    """0 → a, 25 → z, 26 → aa."""
    teks = ""
    i += 1
    while i > 0:
        i, sisa = divmod(i - 1, 26)
        teks = chr(ord("a") + sisa) + teks
    return teks


def _desimal(x: object) -> Decimal | None:
    """A figure of a table cell: a finite Decimal, else None (text, missing, NaN)."""
    if isinstance(x, Decimal) and x.is_finite():
        return x
    return None


def _persen(x: Decimal) -> str:
    return format_angka(_bulat(x), 2) + "%"


def _bulat(x: Decimal, desimal: int = 2) -> Decimal:
    hasil = rumus.bulat(x, desimal)
    assert hasil is not None
    return hasil


def _adalah_persen(satuan: str) -> bool:
    return bool(satuan) and normalisasi_satuan(satuan) == "%"


def _angka(x: Decimal, satuan: str = "") -> str:
    """A value in its unit: "93,75%", "5.500 orang", "2,50 dokumen"."""
    if _adalah_persen(satuan):
        return _persen(x)
    v = _bulat(x)
    teks = format_angka(v, 0 if v == v.to_integral_value() else 2)
    teks = "0" if teks == "-0" else teks
    return f"{teks} {satuan}".strip()


def _nilai(x: Nilai, satuan: str = "") -> str | None:
    """A cell as printed, or None when it has no value."""
    d = _desimal(x)
    if d is not None:
        return _angka(d, satuan)
    if isinstance(x, str) and x.strip() and x.strip() != "-":
        return x.strip()
    return None


def _rupiah(x: Decimal) -> str:
    v = _bulat(x)
    return "Rp" + format_angka(v, 0 if v == v.to_integral_value() else 2)


def _rupiah_terbilang(x: Decimal) -> str:
    v = _bulat(x, 0)
    return f"{_rupiah(x)} ({terbilang(int(v))} rupiah)"


def _rasio(x: Decimal) -> str:
    return format_angka(_bulat(x), 2)


def _kutip(teks: str) -> str:
    return f"“{teks.strip()}”"


def _paragraf(bagian: Iterable[str]) -> str:
    teks = "\n\n".join(b.strip("\n") for b in bagian if b and b.strip())
    return teks + "\n" if teks else ""


# ---------------------------------------------------------------------------------------
# Surplus / deviasi
# ---------------------------------------------------------------------------------------


def arah_kinerja(
    target: Decimal | None, realisasi: Decimal | None, polaritas: str = rumus.POSITIF
) -> str | None:
    """SURPLUS when the realisasi beats the target in the indicator's direction, DEVIASI
    when it falls short, TEPAT when equal; None when either value is missing."""
    if target is None or realisasi is None:
        return None
    if realisasi == target:
        return TEPAT
    lebih = realisasi > target
    if polaritas == rumus.NEGATIF:
        lebih = not lebih
    return SURPLUS if lebih else DEVIASI


def kalimat_selisih(
    target: Decimal | None,
    realisasi: Decimal | None,
    satuan: str = "",
    polaritas: str = rumus.POSITIF,
) -> str:
    """The closing clause: "sehingga terjadi surplus sebesar 0,19%." / "… deviasi …" /
    "sehingga target tercapai 100%."; a sentence saying what is missing otherwise."""
    arah = arah_kinerja(target, realisasi, polaritas)
    if arah is None or target is None or realisasi is None:
        if target is None and realisasi is None:
            return "target dan realisasinya belum tersedia."
        if target is None:
            return "targetnya belum ditetapkan sehingga surplus atau deviasi tidak dapat dihitung."
        return "realisasinya belum tersedia sehingga surplus atau deviasi belum dapat dihitung."
    if arah == TEPAT:
        return "sehingga target tercapai 100%."
    beda = rumus.selisih(target, realisasi)
    assert beda is not None
    kalimat = f"sehingga terjadi {arah} sebesar {_angka(abs(beda), satuan)}."
    if polaritas == rumus.NEGATIF:
        if arah == SURPLUS:
            kalimat += (
                " Indikator ini berpolaritas negatif (semakin rendah realisasi semakin baik), "
                "sehingga realisasi di bawah target merupakan surplus."
            )
        else:
            kalimat += (
                " Indikator ini berpolaritas negatif (semakin rendah realisasi semakin baik), "
                "sehingga realisasi di atas target merupakan deviasi."
            )
    return kalimat


def _peta_indikator(data: DataRencana | None) -> dict[tuple[str, str], tuple[int, str]]:
    """(row kode as the tables print it, indicator name) → (indicator id, polaritas)."""
    if data is None:
        return {}
    cached = data.__dict__.get("_peta_indikator_narasi")
    if cached is not None:
        return dict(cached)
    kode_node = dict(zip(data.node["id"].tolist(), data.node["kode"].tolist(), strict=True))
    kode_sasaran = {
        int(i): f"SASARAN-{k}"
        for i, k in zip(data.sasaran["id"].tolist(), data.sasaran["kunci"].tolist(), strict=True)
    }
    peta: dict[tuple[str, str], tuple[int, str]] = {}
    for row in data.indikator.itertuples(index=False):
        if _ada(row.node_id):
            kode = str(kode_node.get(int(row.node_id), ""))
        elif _ada(row.sasaran_id):
            kode = kode_sasaran.get(int(row.sasaran_id), "")
        else:
            kode = ""
        peta.setdefault((kode, str(row.nama)), (int(row.id), str(row.polaritas)))
    # DataRencana is frozen; this cache is not one of its fields (the engine does the same).
    object.__setattr__(data, "_peta_indikator_narasi", peta)
    return peta


def _ada(value: object) -> bool:
    return value is not None and value == value


def _polaritas(
    konteks: KonteksNarasi,
    baris: Baris,
    kolom_target: str | None = None,
    kolom_realisasi: str | None = None,
    kolom_capaian: str | None = None,
) -> str:
    kunci = (baris.kode, baris.indikator)
    if kunci in konteks.polaritas:
        return konteks.polaritas[kunci]
    dikenal = _peta_indikator(konteks.data).get(kunci)
    if dikenal is not None:
        return dikenal[1]
    if kolom_target and kolom_realisasi and kolom_capaian:
        t = _desimal(baris.nilai.get(kolom_target))
        r = _desimal(baris.nilai.get(kolom_realisasi))
        c = _desimal(baris.nilai.get(kolom_capaian))
        if t is not None and r is not None and c is not None and not t.is_zero() and r != t:
            # The engine's capaian says which formula it used: above 100 means "better".
            lebih_baik = c > 100
            naik = (r > t) == (t > 0)
            return rumus.POSITIF if lebih_baik == naik else rumus.NEGATIF
    return rumus.POSITIF


# ---------------------------------------------------------------------------------------
# Grouping table rows into the plan tree
# ---------------------------------------------------------------------------------------


@dataclass
class _Simpul:
    kode: str
    uraian: str
    level: str
    baris: list[Baris]

    @property
    def berindikator(self) -> list[Baris]:
        return [b for b in self.baris if b.indikator]


def _simpul(baris: Iterable[Baris]) -> list[_Simpul]:
    """Rows grouped per node (a node's continuation rows carry its other indicators)."""
    hasil: list[_Simpul] = []
    for b in baris:
        if hasil and hasil[-1].kode == b.kode and hasil[-1].level == b.level:
            hasil[-1].baris.append(b)
        else:
            hasil.append(_Simpul(b.kode, b.uraian, b.level, [b]))
    return hasil


def _anak(simpul: list[_Simpul], induk: _Simpul, level: str) -> list[_Simpul]:
    awalan = induk.kode + "."
    return [s for s in simpul if s.level == level and s.kode.startswith(awalan)]


def _nama_kegiatan(uraian: str) -> str:
    return uraian if uraian.lower().startswith("kegiatan") else f"Kegiatan {uraian}"


def _nama_sub_dari_data(konteks: KonteksNarasi, kode_kegiatan: str, tahun: int) -> list[str]:
    """Names of a kegiatan's sub kegiatan in the plan: those with a value in ``tahun`` when
    any has one, else all of them."""
    if konteks.data is None:
        return []
    from evaluasi.indeks import indeks

    idx = indeks(konteks.data)
    node_id = idx.cari_kode(kode_kegiatan)
    if node_id is None:
        return []
    subs = [n for n in idx.anak.get(node_id, []) if idx.node[n].level == "sub_kegiatan"]
    ber_nilai = _simpul_bernilai(konteks.data, tahun)
    dipakai = [n for n in subs if n in ber_nilai] or subs
    return [idx.node[n].uraian for n in dipakai]


def _simpul_bernilai(data: DataRencana, tahun: int) -> set[int]:
    """Nodes with any stored value (budget, text or an indicator's value) in ``tahun``."""
    from evaluasi.indeks import indeks

    idx = indeks(data)
    kunci = ("narasi_bernilai", tahun)
    if kunci not in idx.memo:
        hasil = {n for (n, t, _, _) in idx.nod if t == tahun}
        milik = {
            ind.id: node_id for node_id, daftar in idx.indikator_node.items() for ind in daftar
        }
        hasil |= {milik[i] for (i, t, _, _) in idx.ind if t == tahun and i in milik}
        idx.memo[kunci] = hasil
    return set(idx.memo[kunci])


def _keuangan(data: DataRencana | None, tahun: int) -> tuple[Decimal | None, Decimal | None]:
    """(pagu, realisasi anggaran) of the whole plan in ``tahun``, as the LKj tables sum them."""
    if data is None:
        return None, None
    from evaluasi.indeks import indeks

    idx = indeks(data)
    akar = idx.anak.get(None, [])
    pagu = idx.pagu_berlaku(tahun)
    belanja = idx.belanja(tahun)
    return rumus.jumlah(pagu.get(n) for n in akar), rumus.jumlah(belanja.get(n) for n in akar)


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
    simpul = _simpul(tabel.baris)
    program = [s for s in simpul if s.level == "program"]
    kegiatan = [s for s in simpul if s.level == "kegiatan"]
    sub = [s for s in simpul if s.level == "sub_kegiatan"]
    nama = f"{konteks.pd_singkat} {konteks.pemda}"
    if not program and not kegiatan:
        return _paragraf(
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
            c for s in tingkat for b in s.baris if (c := _desimal(b.nilai.get("k8"))) is not None
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
            f"anggaran {tahun} mencapai realisasi fisik sebesar {_persen(fisik)}, yaitu "
            f"rata-rata tingkat realisasi kinerja {_cacah(len(capaian))} indikator {level_kata} "
            "pada Tabel T-C.29"
        )
    else:
        kalimat_fisik = (
            f"Realisasi fisik program dan kegiatan {nama} tahun anggaran {tahun} belum dapat "
            "dihitung karena Tabel T-C.29 belum memuat tingkat realisasi kinerja"
        )
    pagu, belanja = _keuangan(konteks.data, tahun)
    serapan = rumus.serapan(belanja, pagu)
    if pagu is not None and belanja is not None and serapan is not None:
        kalimat_fisik += (
            f", dengan realisasi keuangan sebesar {_rupiah(belanja)} atau {_persen(serapan)} "
            f"dari total pagu anggaran sebesar {_rupiah(pagu)}."
        )
    else:
        kalimat_fisik += f". Data realisasi keuangan tahun {tahun} belum tersedia."

    if sub:
        jumlah_sub = len(sub)
    else:
        jumlah_sub = sum(len(_nama_sub_dari_data(konteks, s.kode, tahun)) for s in kegiatan)
    cakupan = f"{_cacah(len(program))} program dan {_cacah(len(kegiatan))} kegiatan"
    if jumlah_sub:
        cakupan = (
            f"{_cacah(len(program))} program, {_cacah(len(kegiatan))} kegiatan dan "
            f"{_cacah(jumlah_sub)} sub kegiatan"
        )
    return _paragraf(
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
    t = _desimal(b.nilai.get("k6"))
    r = _desimal(b.nilai.get("k7"))
    pol = _polaritas(konteks, b, "k6", "k7", "k8")
    selisih = kalimat_selisih(t, r, b.satuan, pol)
    batas = f"s/d 31 Desember {tahun}"
    if t is not None and r is not None:
        teks = (
            f"{pembuka} dengan target kinerja {batas} adalah sebesar {_angka(t, b.satuan)} dan "
            f"terealisasi sebesar {_angka(r, b.satuan)}, {selisih}"
        )
        c = _desimal(b.nilai.get("k8"))
        if c is not None and not _adalah_persen(b.satuan):
            teks += f" Tingkat realisasinya {_persen(c)}."
        elif c is None and t.is_zero():
            teks += " Tingkat realisasi tidak dapat dihitung karena targetnya bernilai nol."
        return teks
    if t is not None:
        return f"{pembuka} dengan target kinerja {batas} sebesar {_angka(t, b.satuan)}, namun {selisih}"
    if r is not None:
        return f"{pembuka} dengan realisasi kinerja {batas} sebesar {_angka(r, b.satuan)}, namun {selisih}"
    return f"{pembuka}; target dan realisasi kinerjanya untuk tahun {tahun} belum tersedia."


def renja_2_1_program(konteks: KonteksNarasi) -> str:
    """Per program and per kegiatan of T-C.29: target vs realisasi of year n-2 with the
    surplus/deviasi sentence, then the kegiatan's sub kegiatan (000_batam.md §7)."""
    tabel = konteks.tabel.get("tc29")
    if tabel is None:
        return ""
    tahun = konteks.tahun - 2
    simpul = _simpul(tabel.baris)
    program = [s for s in simpul if s.level == "program"]
    nama = f"{konteks.pd_singkat} {konteks.pemda}"
    if not program:
        return _paragraf(
            [f"Tabel T-C.29 belum memuat program {nama} yang dievaluasi untuk tahun {tahun}."]
        )
    bagian = [
        f"Dari Tabel T-C.29 dapat dijelaskan hasil pelaksanaan program dan kegiatan {nama} "
        f"tahun {tahun} sebagai berikut:"
    ]
    for i, prog in enumerate(program, start=1):
        bagian.append(f"**{i}. {prog.uraian}**")
        kegiatan = _anak(simpul, prog, "kegiatan")
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
                    + _kalimat_indikator_tc29(konteks, b, tahun, f"Indikator {_kutip(b.indikator)}")
                    for b in indikator
                )
            )
        if kegiatan:
            bagian.append(
                "Hal ini dapat dijelaskan terhadap pencapaian kinerja kegiatan sebagai berikut:"
            )
        for j, keg in enumerate(kegiatan):
            bagian.extend(_paragraf_kegiatan(konteks, simpul, keg, _huruf(j), tahun))
    return _paragraf(bagian)


def _paragraf_kegiatan(
    konteks: KonteksNarasi, simpul: list[_Simpul], keg: _Simpul, huruf: str, tahun: int
) -> list[str]:
    bagian = [f"**{huruf}. {_nama_kegiatan(keg.uraian)}**"]
    indikator = keg.berindikator
    if not indikator:
        bagian.append("Kegiatan ini belum memiliki indikator kinerja pada Tabel T-C.29.")
    for b in indikator:
        t = _desimal(b.nilai.get("k6"))
        r = _desimal(b.nilai.get("k7"))
        subjek = "kegiatan ini"
        if len(indikator) > 1:
            subjek = f"kegiatan ini untuk indikator {_kutip(b.indikator)}"
        selisih = kalimat_selisih(t, r, b.satuan, _polaritas(konteks, b, "k6", "k7", "k8"))
        if t is not None and r is not None:
            teks = (
                f"Realisasi kinerja {subjek} sebesar {_angka(r, b.satuan)} dari target kinerja "
                f"sebesar {_angka(t, b.satuan)}, {selisih}"
            )
            c = _desimal(b.nilai.get("k8"))
            if c is not None and not _adalah_persen(b.satuan):
                teks += f" Tingkat realisasinya {_persen(c)}."
        elif t is not None:
            teks = f"Target kinerja {subjek} sebesar {_angka(t, b.satuan)}, namun {selisih}"
        elif r is not None:
            teks = f"Realisasi kinerja {subjek} sebesar {_angka(r, b.satuan)}, namun {selisih}"
        else:
            teks = f"Target dan realisasi kinerja {subjek} untuk tahun {tahun} belum tersedia."
        bagian.append(teks)
    subs = [s.uraian for s in _anak(simpul, keg, "sub_kegiatan")]
    if not subs:
        subs = _nama_sub_dari_data(konteks, keg.kode, tahun)
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
        return _paragraf(["Tabel T-C.30 belum memuat indikator kinerja pelayanan."])
    hitung = {SURPLUS: 0, TEPAT: 0, DEVIASI: 0}
    kosong = 0
    kurang: list[str] = []
    for b in tabel.baris:
        t = _desimal(b.nilai.get("k5"))
        r = _desimal(b.nilai.get("k9"))
        pol = _polaritas(konteks, b)
        arah = arah_kinerja(t, r, pol)
        if arah is None or t is None or r is None:
            kosong += 1
            continue
        hitung[arah] += 1
        if arah == DEVIASI:
            beda = rumus.selisih(t, r)
            assert beda is not None
            kurang.append(
                f"- {b.indikator}: target {_angka(t, b.satuan)}, realisasi "
                f"{_angka(r, b.satuan)} (deviasi {_angka(abs(beda), b.satuan)})"
            )
    bagian = [
        f"Dari {_cacah(len(tabel.baris))} indikator kinerja pelayanan pada Tabel T-C.30, pada "
        f"tahun {tahun} sebanyak {_cacah(hitung[TEPAT])} indikator tepat mencapai target "
        f"Renstra, {_cacah(hitung[SURPLUS])} indikator melampaui target, "
        f"{_cacah(hitung[DEVIASI])} indikator belum mencapai target, dan {_cacah(kosong)} "
        "indikator belum memiliki target atau realisasi."
    ]
    if kurang:
        bagian.append(f"Indikator yang belum mencapai target tahun {tahun} adalah:")
        bagian.append("\n".join(kurang))
    return _paragraf(bagian)


# ---------------------------------------------------------------------------------------
# Renja BAB III 3.3 and BAB IV 4.1
# ---------------------------------------------------------------------------------------


def _target_tc33(b: Baris) -> str | None:
    return _nilai(b.nilai.get("k5"), b.satuan)


def renja_3_3_program(konteks: KonteksNarasi) -> str:
    """T-C.33: per program an introduction (kegiatan, sub kegiatan, pagu, indicators, funding),
    per kegiatan its sub kegiatan, one sentence per sub kegiatan naming its indicator."""
    tabel = konteks.tabel.get("tc33")
    if tabel is None:
        return ""
    simpul = _simpul(tabel.baris)
    program = [s for s in simpul if s.level == "program"]
    tahun = konteks.tahun
    if not program:
        return _paragraf([f"Tabel T-C.33 belum memuat program untuk tahun {tahun}."])
    bagian: list[str] = []
    for i, prog in enumerate(program, start=1):
        kegiatan = _anak(simpul, prog, "kegiatan")
        subs = _anak(simpul, prog, "sub_kegiatan")
        bagian.append(f"**{romawi(i)}. {prog.uraian}**")
        kalimat = (
            f"Program ini dilaksanakan melalui {_cacah(len(kegiatan))} kegiatan dan "
            f"{_cacah(len(subs))} sub kegiatan"
        )
        pagu = _desimal(prog.baris[0].nilai.get("k6"))
        kalimat += (
            f" dengan pagu indikatif tahun {tahun} sebesar {_rupiah(pagu)}."
            if pagu is not None
            else f"; pagu indikatif tahun {tahun} belum ditetapkan."
        )
        indikator = [
            f"{_kutip(b.indikator)} dengan target {t}"
            if (t := _target_tc33(b)) is not None
            else f"{_kutip(b.indikator)} yang targetnya belum ditetapkan"
            for b in prog.berindikator
        ]
        if indikator:
            kalimat += f" Indikator kinerja program ini adalah {_daftar_kata(indikator)}."
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
        dana = _daftar_kata(sumber) if sumber else f"APBD {konteks.pemda}"
        if kegiatan:
            bagian.append(
                f"Pendanaan kegiatan pada program ini bersumber dari {dana} melalui kegiatan "
                "berikut:"
            )
        for j, keg in enumerate(kegiatan, start=1):
            anak = _anak(simpul, keg, "sub_kegiatan")
            judul = f"**{j}. {_nama_kegiatan(keg.uraian)}**"
            bagian.append(
                f"{judul}, terdiri dari {_cacah(len(anak))} sub kegiatan:"
                if anak
                else f"{judul} belum memiliki sub kegiatan."
            )
            if anak:
                bagian.append("\n".join(f"- {_kalimat_sub_tc33(s, tahun)}" for s in anak))
    return _paragraf(bagian)


def _kalimat_sub_tc33(sub: _Simpul, tahun: int) -> str:
    teks = f"*{sub.uraian}*."
    indikator = sub.berindikator
    if not indikator:
        teks += " Sub kegiatan ini belum memiliki indikator kinerja."
    elif len(indikator) == 1:
        b = indikator[0]
        t = _target_tc33(b)
        teks += f" Indikator kinerja dari sub kegiatan ini adalah {_kutip(b.indikator)}"
        teks += f" dengan target {t}" if t is not None else ", yang targetnya belum ditetapkan"
    else:
        daftar = [
            f"{_kutip(b.indikator)} (target {t})"
            if (t := _target_tc33(b)) is not None
            else f"{_kutip(b.indikator)} (target belum ditetapkan)"
            for b in indikator
        ]
        teks += f" Indikator kinerja dari sub kegiatan ini adalah {_daftar_kata(daftar)}"
    pagu = _desimal(sub.baris[0].nilai.get("k6"))
    if pagu is None:
        teks += ("; p" if indikator else " P") + f"agu indikatif tahun {tahun} belum ditetapkan."
    elif pagu.is_zero():
        teks += ("; b" if indikator else " B") + f"elum dialokasikan pagu indikatif tahun {tahun}."
    else:
        teks += (" dan p" if indikator else " P") + f"agu indikatifnya sebesar {_rupiah(pagu)}."
    return teks


def _daftar_kata(hal: list[str]) -> str:
    if len(hal) <= 1:
        return "".join(hal)
    if len(hal) == 2:
        return f"{hal[0]} dan {hal[1]}"
    return ", ".join(hal[:-1]) + f", dan {hal[-1]}"


def renja_4_1_ringkasan(konteks: KonteksNarasi) -> str:
    """Tabel 4.1: counts and the total pagu indikatif of the plan year."""
    tabel = konteks.tabel.get("t41")
    if tabel is None:
        return ""
    simpul = _simpul(tabel.baris)
    jumlah = {
        lv: sum(1 for s in simpul if s.level == lv)
        for lv in ("program", "kegiatan", "sub_kegiatan")
    }
    nama = f"{konteks.pd_singkat} {konteks.pemda}"
    if not jumlah["program"]:
        return _paragraf([f"Tabel 4.1 belum memuat program {nama} tahun {konteks.tahun}."])
    total = rumus.agregasi_nilai(
        [_desimal(s.baris[0].nilai.get("k5")) for s in simpul if s.level == "program"],
        rumus.KUMULATIF,
    )
    kalimat = (
        f"Pada tahun {konteks.tahun}, {nama} merencanakan {_cacah(jumlah['program'])} program, "
        f"{_cacah(jumlah['kegiatan'])} kegiatan dan {_cacah(jumlah['sub_kegiatan'])} sub "
        "kegiatan"
    )
    kalimat += (
        f" dengan total pagu indikatif sebesar {_rupiah_terbilang(total)}."
        if total is not None
        else "; pagu indikatifnya belum ditetapkan."
    )
    return _paragraf([kalimat])


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
        f"Perjanjian Kinerja {nama} Tahun {konteks.tahun} memuat {_cacah(len(baris))} "
        "indikator kinerja beserta targetnya."
    ]
    revisi = [c for c in tabel.catatan if c.startswith("Revisi")]
    if revisi:
        bagian.append(
            f"Perjanjian Kinerja tersebut mengalami {_cacah(len(revisi))} kali perubahan."
        )
    berubah = []
    for b in baris:
        awal, baru = b.nilai.get("k4"), b.nilai.get("k5")
        if _desimal(baru) is not None and baru != awal:
            sebelum = _nilai(awal, b.satuan)
            berubah.append(
                f"- {b.indikator}: dari {sebelum} menjadi {_nilai(baru, b.satuan)}"
                if sebelum is not None
                else f"- {b.indikator}: ditambahkan dengan target {_nilai(baru, b.satuan)}"
            )
    if berubah:
        bagian.append("Perubahan Perjanjian Kinerja mengubah atau menambah target berikut:")
        bagian.append("\n".join(berubah))
    elif revisi:
        bagian.append("Perubahan tersebut tidak mengubah target indikator kinerja.")
    if tabel.catatan:
        bagian.append("\n".join(f"- {c}" for c in tabel.catatan))
    return _paragraf(bagian)


def _kalimat_tren(b: Baris, tahun: int) -> str:
    c = _desimal(b.nilai.get("k5"))
    c_lalu = _desimal(b.nilai.get("k8"))
    r_lalu = _desimal(b.nilai.get("k7"))
    if c is None or c_lalu is None:
        if r_lalu is not None:
            return (
                f"Realisasi tahun {tahun - 1} sebesar {_angka(r_lalu, b.satuan)}; capaian kedua "
                "tahun belum dapat dibandingkan."
            )
        return f"Capaian tahun {tahun - 1} belum tersedia sehingga belum dapat dibandingkan."
    beda = _desimal(b.nilai.get("k9"))
    if beda is None:
        beda = rumus.selisih(c_lalu, c)
    assert beda is not None
    awal = (
        f"Bila dibandingkan dengan tahun {tahun - 1}"
        + (f" dengan realisasi sebesar {_angka(r_lalu, b.satuan)}" if r_lalu is not None else "")
        + f" dan capaian {_persen(c_lalu)}, capaian tahun {tahun}"
    )
    if _bulat(beda).is_zero():
        return f"{awal} tetap sama."
    arah = "meningkat" if beda > 0 else "menurun"
    return f"{awal} {arah} sebesar {format_angka(_bulat(abs(beda)), 2)} poin persen."


def lkj_analisis_iku(konteks: KonteksNarasi) -> str:
    """Per IKU: target, realisasi, capaian and atribut, surplus/deviasi and the trend against
    the previous year (002_dumai_lkj.md §9.1)."""
    tabel = konteks.tabel.get("lkj_capaian")
    if tabel is None:
        return ""
    baris = _baris_iku(tabel)
    tahun = konteks.tahun
    if not baris:
        return _paragraf([f"Belum terdapat indikator kinerja yang diukur untuk tahun {tahun}."])
    bagian: list[str] = []
    for label, b in _bernomor(baris):
        bagian.append(f"**{label}: {b.indikator}**")
        t = _desimal(b.nilai.get("k3"))
        r = _desimal(b.nilai.get("k4"))
        c = _desimal(b.nilai.get("k5"))
        atribut = b.nilai.get("k6")
        pol = _polaritas(konteks, b, "k3", "k4", "k5")
        if t is not None and r is not None:
            teks = (
                f"Target indikator ini pada tahun {tahun} adalah {_angka(t, b.satuan)} dengan "
                f"realisasi sebesar {_angka(r, b.satuan)}"
            )
            if c is not None:
                teks += f", sehingga capaian kinerjanya {_persen(c)}"
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
                    SURPLUS: f"Realisasi tersebut melampaui target sebesar {_angka(abs(beda), b.satuan)}.",
                    DEVIASI: f"Realisasi tersebut belum mencapai target; deviasinya sebesar {_angka(abs(beda), b.satuan)}.",
                    TEPAT: "Realisasi tersebut tepat sama dengan target (target tercapai 100%).",
                }[arah or TEPAT]
            )
            if pol == rumus.NEGATIF:
                teks += (
                    " Indikator ini berpolaritas negatif (semakin rendah realisasi semakin baik)."
                )
        elif t is not None:
            teks = (
                f"Target indikator ini pada tahun {tahun} adalah {_angka(t, b.satuan)}, namun "
                "realisasinya belum tersedia sehingga capaian belum dapat dihitung."
            )
        elif r is not None:
            teks = (
                f"Realisasi indikator ini pada tahun {tahun} sebesar {_angka(r, b.satuan)}, namun "
                "targetnya belum ditetapkan sehingga capaian tidak dapat dihitung."
            )
        else:
            teks = f"Target dan realisasi indikator ini untuk tahun {tahun} belum tersedia."
        bagian.append(teks + " " + _kalimat_tren(b, tahun))
    return _paragraf(bagian)


def _target_lalu(konteks: KonteksNarasi, b: Baris) -> Decimal | None:
    dikenal = _peta_indikator(konteks.data).get((b.kode, b.indikator))
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
        return _paragraf([f"Belum terdapat indikator kinerja yang diukur untuk tahun {tahun}."])
    bagian: list[str] = []
    for label, b in _bernomor(baris):
        bagian.append(f"**{label}: {b.indikator}**")
        t = _desimal(b.nilai.get("k3"))
        r = _desimal(b.nilai.get("k4"))
        c = _desimal(b.nilai.get("k5"))
        r_lalu = _desimal(b.nilai.get("k7"))
        c_lalu = _desimal(b.nilai.get("k8"))
        t_lalu = _target_lalu(konteks, b)
        kalimat = []
        if r_lalu is None and t_lalu is None:
            kalimat.append(f"Data kinerja tahun {tahun - 1} untuk indikator ini belum tersedia.")
        else:
            lalu = f"Pada tahun {tahun - 1}"
            if t_lalu is not None:
                lalu += f", target indikator ini sebesar {_angka(t_lalu, b.satuan)}"
            lalu += (
                f"{',' if t_lalu is not None else ''} realisasinya sebesar {_angka(r_lalu, b.satuan)}"
                if r_lalu is not None
                else " realisasinya belum tersedia"
            )
            if c_lalu is not None:
                lalu += f" dengan capaian {_persen(c_lalu)}"
            kalimat.append(lalu + ".")
        if t is None:
            kini = f"Pada tahun {tahun}, target kinerja belum ditetapkan"
        elif t_lalu is None:
            kini = f"Pada tahun {tahun}, target kinerja sebesar {_angka(t, b.satuan)}"
        elif t == t_lalu:
            kini = (
                f"Pada tahun {tahun}, target kinerja sama dengan tahun sebelumnya yaitu "
                f"{_angka(t, b.satuan)}"
            )
        else:
            arah = "naik" if t > t_lalu else "turun"
            kini = (
                f"Pada tahun {tahun}, target kinerja {arah} dari tahun sebelumnya menjadi "
                f"{_angka(t, b.satuan)}"
            )
        kini += (
            f" dengan realisasi {_angka(r, b.satuan)}"
            if r is not None
            else " dan realisasinya belum tersedia"
        )
        if c is not None:
            kini += f", sehingga capaian kinerja menjadi {_persen(c)}"
        kalimat.append(kini + ".")
        if c is not None and c_lalu is not None:
            kalimat.append(_kalimat_tren(b, tahun))
        bagian.append(" ".join(kalimat))
    return _paragraf(bagian)


def lkj_kemajuan_renstra(konteks: KonteksNarasi) -> str:
    """Per IKU: realisasi of the year against the Renstra end target (tingkat kemajuan)."""
    tabel = konteks.tabel.get("lkj_capaian")
    if tabel is None:
        return ""
    tahun = konteks.tahun
    akhir = f"tahun {konteks.data.tahun_selesai}" if konteks.data is not None else "akhir periode"
    baris = _baris_iku(tabel)
    if not baris:
        return _paragraf([f"Belum terdapat indikator kinerja yang diukur untuk tahun {tahun}."])
    bagian = []
    for b in baris:
        t_akhir = _desimal(b.nilai.get("k10"))
        r = _desimal(b.nilai.get("k4"))
        kemajuan = _desimal(b.nilai.get("k11"))
        if t_akhir is None:
            bagian.append(
                f"- {b.indikator}: target akhir Renstra belum ditetapkan sehingga tingkat "
                "kemajuan belum dapat dihitung."
            )
        elif r is None:
            bagian.append(
                f"- {b.indikator}: target akhir Renstra {akhir} sebesar "
                f"{_angka(t_akhir, b.satuan)}; realisasi tahun {tahun} belum tersedia."
            )
        elif kemajuan is None:
            bagian.append(
                f"- {b.indikator}: realisasi tahun {tahun} sebesar {_angka(r, b.satuan)} "
                "terhadap target akhir Renstra yang bernilai nol; tingkat kemajuan tidak dapat "
                "dihitung."
            )
        else:
            bagian.append(
                f"- {b.indikator}: realisasi tahun {tahun} sebesar {_angka(r, b.satuan)} "
                f"dibandingkan target akhir Renstra {akhir} sebesar {_angka(t_akhir, b.satuan)} "
                f"menunjukkan tingkat kemajuan {_persen(kemajuan)}."
            )
    return _paragraf(
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
    pagu = _desimal(kaki.get("k6"))
    belanja = _desimal(kaki.get("k7"))
    serapan = _desimal(kaki.get("k8"))
    if pagu is None:
        return _paragraf(
            [
                f"Data anggaran {nama} tahun {tahun} belum tersedia sehingga akuntabilitas keuangan belum dapat diuraikan."
            ]
        )
    bagian = [
        f"Pada tahun {tahun}, {nama} didukung anggaran sebesar {_rupiah_terbilang(pagu)} untuk "
        f"melaksanakan {_cacah(jumlah_program)} program."
    ]
    if belanja is None:
        bagian.append(f"Data realisasi anggaran sampai dengan 31 Desember {tahun} belum tersedia.")
    else:
        kalimat = (
            f"Realisasi anggaran sampai dengan 31 Desember {tahun} sebesar "
            f"{_rupiah_terbilang(belanja)}"
        )
        if serapan is not None:
            kalimat += f" atau {_persen(serapan)} dari total anggaran"
        kalimat += "."
        sisa = pagu - belanja
        if sisa > 0:
            kalimat += f" Anggaran yang tidak terserap sebesar {_rupiah(sisa)}."
        bagian.append(kalimat)
    return _paragraf(bagian)


def lkj_kinerja_anggaran(konteks: KonteksNarasi) -> str:
    """Per program: capaian kinerja of its indicators next to its budget absorption."""
    tabel = konteks.tabel.get("lkj_anggaran")
    if tabel is None:
        return ""
    simpul = [s for s in _simpul(tabel.baris) if s.level == "program"]
    if not simpul:
        return _paragraf([f"Belum terdapat program yang dianggarkan pada tahun {konteks.tahun}."])
    bagian = []
    for s in simpul:
        nilai = s.baris[0].nilai
        pagu, belanja = _desimal(nilai.get("k6")), _desimal(nilai.get("k7"))
        serapan = _desimal(nilai.get("k8"))
        capaian = []
        for b in s.berindikator:
            c = _desimal(b.nilai.get("k5"))
            capaian.append(
                f"capaian kinerja indikator {_kutip(b.indikator)} sebesar {_persen(c)}"
                if c is not None
                else f"capaian kinerja indikator {_kutip(b.indikator)} belum dapat dihitung"
            )
        teks = f"- **{s.uraian}**: " + (
            _daftar_kata(capaian) if capaian else "belum memiliki indikator kinerja program"
        )
        if serapan is not None and pagu is not None and belanja is not None:
            teks += (
                f"; penyerapan anggaran {_persen(serapan)} ({_rupiah(belanja)} dari "
                f"{_rupiah(pagu)})."
            )
        elif pagu is not None:
            teks += f"; pagu {_rupiah(pagu)}, realisasi anggaran belum tersedia."
        else:
            teks += "; anggaran belum tersedia."
        bagian.append(teks)
    return _paragraf(
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
        return _paragraf([f"Belum terdapat indikator untuk mengukur efisiensi tahun {tahun}."])
    bagian = []
    for i, b in enumerate(baris):
        c = _desimal(b.nilai.get("k3"))
        s = _desimal(b.nilai.get("k4"))
        e = _desimal(b.nilai.get("k5"))
        kategori = b.nilai.get("k6")
        if b.level == "sasaran":
            awal = f"{_huruf(i)}. Pada Indikator Kinerja Utama {i + 1} yaitu {b.indikator}"
        else:
            awal = f"{_huruf(i)}. Pada indikator {b.indikator} ({b.uraian})"
        if e is not None and c is not None and s is not None:
            teks = (
                f"{awal}, tingkat efisiensinya adalah {_rasio(e)} berasal dari perhitungan "
                f"persentase capaian kinerja tahun {tahun} ({_persen(c)}) dibagi dengan "
                f"persentase penyerapan anggaran tahun {tahun} ({_persen(s)})."
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
    return _paragraf(bagian)


def lkj_ringkasan_iku(konteks: KonteksNarasi) -> str:
    """BAB IV: one sentence per IKU with its capaian and category (002_dumai_lkj.md §9.9)."""
    tabel = konteks.tabel.get("lkj_capaian")
    if tabel is None:
        return ""
    tahun = konteks.tahun
    baris = _baris_iku(tabel)
    bagian = []
    for i, b in enumerate(baris, start=1):
        t = _desimal(b.nilai.get("k3"))
        r = _desimal(b.nilai.get("k4"))
        c = _desimal(b.nilai.get("k5"))
        atribut = b.nilai.get("k6")
        if c is not None and t is not None and r is not None:
            teks = (
                f"{i}. Indikator {i}: {b.indikator} dengan capaian {_persen(c)} pada tahun "
                f"{tahun}. Dari target {_angka(t, b.satuan)} dapat direalisasikan "
                f"{_angka(r, b.satuan)}"
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
        return _paragraf([f"Belum terdapat indikator kinerja yang diukur untuk tahun {tahun}."])
    return _paragraf(
        [
            f"Kinerja {konteks.pd_singkat} {konteks.pemda} tahun {tahun} diukur dengan "
            f"{_cacah(len(baris))} indikator dengan hasil sebagai berikut:",
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
    capaian = [c for b in iku if (c := _desimal(b.nilai.get("k5"))) is not None]
    if not capaian:
        return _paragraf(
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
        f"{_cacah(n)} indikator {lb}"
        for lb in label
        if (n := sum(1 for b in iku if b.nilai.get("k6") == lb))
    ]
    bagian = [
        f"Berdasarkan akumulasi capaian {_cacah(len(capaian))} {jenis} dengan rata-rata "
        f"capaian sebesar {_persen(rata)}, pelaksanaan kinerja {nama} selama tahun {tahun} "
        f"termasuk kategori {romawi(urut)} ({terbilang(urut)}) yaitu {kategori}."
    ]
    if per_kategori:
        bagian.append(f"Rinciannya: {_daftar_kata(per_kategori)}.")
    tanpa = len(iku) - len(capaian)
    if tanpa:
        bagian.append(
            f"Sebanyak {_cacah(tanpa)} indikator belum dapat dihitung capaiannya sehingga "
            "tidak termasuk dalam rata-rata."
        )
    bagian.append(f"Skala yang digunakan: {skala.nama} ({skala.uraian()}).")
    return _paragraf([" ".join(bagian)])


def lkj_e81_ringkasan(konteks: KonteksNarasi) -> str:
    """The E.81 (triwulan IV) footer: mean capaian kinerja and weighted capaian anggaran."""
    tabel = konteks.tabel.get("e81_4")
    if tabel is None:
        return ""
    tahun = konteks.tahun
    rata = next((b.nilai for b in tabel.kaki if b.uraian == "RATA-RATA CAPAIAN"), {})
    predikat = next((b.nilai for b in tabel.kaki if b.uraian == "PREDIKAT"), {})
    k, rp = _desimal(rata.get("k13_k")), _desimal(rata.get("k13_rp"))
    bagian = []
    if k is not None:
        teks = f"Rata-rata capaian kinerja sub kegiatan tahun {tahun} sebesar {_persen(k)}"
        p = predikat.get("k13_k")
        bagian.append(teks + (f" dengan predikat {p}." if isinstance(p, str) and p else "."))
    else:
        bagian.append(f"Rata-rata capaian kinerja sub kegiatan tahun {tahun} belum dapat dihitung.")
    if rp is not None:
        teks = (
            f"Capaian anggaran (total realisasi dibagi total pagu sub kegiatan) sebesar "
            f"{_persen(rp)}"
        )
        p = predikat.get("k13_rp")
        bagian.append(teks + (f" dengan predikat {p}." if isinstance(p, str) and p else "."))
    else:
        bagian.append(f"Capaian anggaran tahun {tahun} belum dapat dihitung.")
    return _paragraf([" ".join(bagian)])


NARASI: dict[str, Callable[[KonteksNarasi], str]] = {
    "renja_2_1_ringkasan": renja_2_1_ringkasan,
    "renja_2_1_program": renja_2_1_program,
    "renja_2_2_kinerja_pelayanan": renja_2_2_kinerja_pelayanan,
    "renja_3_3_program": renja_3_3_program,
    "renja_4_1_ringkasan": renja_4_1_ringkasan,
    "lkj_perjanjian_kinerja": lkj_perjanjian_kinerja,
    "lkj_analisis_iku": lkj_analisis_iku,
    "lkj_perbandingan_tahun_lalu": lkj_perbandingan_tahun_lalu,
    "lkj_kemajuan_renstra": lkj_kemajuan_renstra,
    "lkj_akuntabilitas_keuangan": lkj_akuntabilitas_keuangan,
    "lkj_kinerja_anggaran": lkj_kinerja_anggaran,
    "lkj_efisiensi": lkj_efisiensi,
    "lkj_ringkasan_iku": lkj_ringkasan_iku,
    "lkj_kesimpulan": lkj_kesimpulan,
    "lkj_e81_ringkasan": lkj_e81_ringkasan,
}
