"""Common wording of the generated narrative: numbers in words and figures, the
surplus/deviasi clause, an indicator's polaritas, rows grouped into the plan tree, and the
plan figures a sentence needs beyond its table (``KonteksNarasi.data``).

Wording of the surplus/deviasi sentences (000_batam.md §7, without the document's errors):
"surplus" only when the realisasi beats the target in the indicator's direction (above it for
a positive indicator, below it for a negative one), "deviasi" when it falls short, and
"target tercapai 100%" when realisasi equals target. The difference is printed in the
indicator's unit (percentage points written with "%" for a percentage indicator).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING

from inti import rumus
from inti.parsing import format_angka, normalisasi_satuan

if TYPE_CHECKING:
    from evaluasi.muat import DataRencana
    from inti.tabel import Baris, Nilai, Tabel


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


def cacah(n: int) -> str:
    """A count as the documents write it: "3 (tiga)"."""
    return f"{n} ({terbilang(n)})"


def huruf_urut(i: int) -> str:
    """0 → a, 25 → z, 26 → aa."""
    teks = ""
    i += 1
    while i > 0:
        i, sisa = divmod(i - 1, 26)
        teks = chr(ord("a") + sisa) + teks
    return teks


def angka_sel(x: object) -> Decimal | None:
    """A figure of a table cell: a finite Decimal, else None (text, missing, NaN)."""
    if isinstance(x, Decimal) and x.is_finite():
        return x
    return None


def teks_persen(x: Decimal) -> str:
    return format_angka(bulat_tampil(x), 2) + "%"


def bulat_tampil(x: Decimal, desimal: int = 2) -> Decimal:
    hasil = rumus.bulat(x, desimal)
    assert hasil is not None
    return hasil


def adalah_persen(satuan: str) -> bool:
    return bool(satuan) and normalisasi_satuan(satuan) == "%"


def teks_angka(x: Decimal, satuan: str = "") -> str:
    """A value in its unit: "93,75%", "5.500 orang", "2,50 dokumen"."""
    if adalah_persen(satuan):
        return teks_persen(x)
    v = bulat_tampil(x)
    teks = format_angka(v, 0 if v == v.to_integral_value() else 2)
    teks = "0" if teks == "-0" else teks
    return f"{teks} {satuan}".strip()


def teks_sel(x: Nilai, satuan: str = "") -> str | None:
    """A cell as printed, or None when it has no value."""
    d = angka_sel(x)
    if d is not None:
        return teks_angka(d, satuan)
    if isinstance(x, str) and x.strip() and x.strip() != "-":
        return x.strip()
    return None


def teks_rupiah(x: Decimal) -> str:
    v = bulat_tampil(x)
    return "Rp" + format_angka(v, 0 if v == v.to_integral_value() else 2)


def rupiah_terbilang(x: Decimal) -> str:
    v = bulat_tampil(x, 0)
    return f"{teks_rupiah(x)} ({terbilang(int(v))} rupiah)"


def teks_rasio(x: Decimal) -> str:
    return format_angka(bulat_tampil(x), 2)


def kutip(teks: str) -> str:
    return f"“{teks.strip()}”"


def paragraf(bagian: Iterable[str]) -> str:
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
    kalimat = f"sehingga terjadi {arah} sebesar {teks_angka(abs(beda), satuan)}."
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


def peta_indikator(data: DataRencana | None) -> dict[tuple[str, str], tuple[int, str]]:
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


def polaritas_baris(
    konteks: KonteksNarasi,
    baris: Baris,
    kolom_target: str | None = None,
    kolom_realisasi: str | None = None,
    kolom_capaian: str | None = None,
) -> str:
    kunci = (baris.kode, baris.indikator)
    if kunci in konteks.polaritas:
        return konteks.polaritas[kunci]
    dikenal = peta_indikator(konteks.data).get(kunci)
    if dikenal is not None:
        return dikenal[1]
    if kolom_target and kolom_realisasi and kolom_capaian:
        t = angka_sel(baris.nilai.get(kolom_target))
        r = angka_sel(baris.nilai.get(kolom_realisasi))
        c = angka_sel(baris.nilai.get(kolom_capaian))
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
class Simpul:
    kode: str
    uraian: str
    level: str
    baris: list[Baris]

    @property
    def berindikator(self) -> list[Baris]:
        return [b for b in self.baris if b.indikator]


def kelompok_simpul(baris: Iterable[Baris]) -> list[Simpul]:
    """Rows grouped per node (a node's continuation rows carry its other indicators)."""
    hasil: list[Simpul] = []
    for b in baris:
        if hasil and hasil[-1].kode == b.kode and hasil[-1].level == b.level:
            hasil[-1].baris.append(b)
        else:
            hasil.append(Simpul(b.kode, b.uraian, b.level, [b]))
    return hasil


def anak_simpul(simpul: list[Simpul], induk: Simpul, level: str) -> list[Simpul]:
    awalan = induk.kode + "."
    return [s for s in simpul if s.level == level and s.kode.startswith(awalan)]


def nama_kegiatan(uraian: str) -> str:
    return uraian if uraian.lower().startswith("kegiatan") else f"Kegiatan {uraian}"


def nama_sub_dari_data(konteks: KonteksNarasi, kode_kegiatan: str, tahun: int) -> list[str]:
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


def keuangan_tahun(data: DataRencana | None, tahun: int) -> tuple[Decimal | None, Decimal | None]:
    """(pagu, realisasi anggaran) of the whole plan in ``tahun``, as the LKj tables sum them."""
    if data is None:
        return None, None
    from evaluasi.indeks import indeks

    idx = indeks(data)
    akar = idx.anak.get(None, [])
    pagu = idx.pagu_berlaku(tahun)
    belanja = idx.belanja(tahun)
    return rumus.jumlah(pagu.get(n) for n in akar), rumus.jumlah(belanja.get(n) for n in akar)


def daftar_kata(hal: list[str]) -> str:
    if len(hal) <= 1:
        return "".join(hal)
    if len(hal) == 2:
        return f"{hal[0]} dan {hal[1]}"
    return ", ".join(hal[:-1]) + f", dan {hal[-1]}"
