"""The evaluation formulas: capaian, agregasi, serapan, efisiensi, rounding and category scales.

This module is the software's single source of truth for the arithmetic of domain.md §4 (and the
computed columns of §5). Every table, export and API that shows a capaian, serapan or efisiensi
calls these functions; nothing else divides a realisasi by a target.

Rules that hold for every function here:

* Pure: no Django, no ORM, no I/O, no global state. Inputs in, a value out.
* ``decimal.Decimal`` only. ``float`` is rejected (binary rounding errors would leak into budgets
  and percentages); so is ``int``, so that a caller cannot pass a value whose origin is unclear.
* ``None`` means "no value" (domain.md: a missing value is not zero). A quiet ``Decimal('NaN')``
  also means "no value", because pandas treats it as missing too and the vectorised helpers must
  agree with the scalar ones. Infinities and signalling NaNs are rejected.
* Arithmetic runs in a private decimal context (34 significant digits, the size of IEEE decimal128)
  so results never depend on whatever ``decimal.getcontext()`` a caller or a library has set.
* Nothing is rounded until :func:`bulat`, which is meant for display and export only. The category
  of a value (predikat, atribut, efisiensi) is decided on the unrounded value.
* Bad input raises :class:`EvaluasiError` and nothing else.

Decisions where the documents are silent:

* Negative targets are computed with the same formula (``R / T × 100``; negatif
  ``(T − (R − T)) / T × 100``). The formulas stay mathematically defined, and indicators such as a
  growth rate can legitimately have a negative target, but the "higher is better" reading of the
  percentage no longer holds then; whether such a target is acceptable is the model's decision,
  not the formula's. Only ``T = 0`` (and a missing value) yields no capaian.
* A negative realisasi or pagu is computed as given (a refund can make realisasi anggaran negative).
* ``efisiensi`` with a serapan of 0 has no value (there is no finite ratio to categorise).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from decimal import (
    MAX_EMAX,
    MIN_EMIN,
    ROUND_HALF_EVEN,
    ROUND_HALF_UP,
    Context,
    Decimal,
    DecimalException,
    DivisionByZero,
    InvalidOperation,
    Overflow,
    localcontext,
)
from typing import Final

import numpy as np
import pandas as pd

__all__ = [
    "AKUMULASI",
    "KUMULATIF",
    "NEGATIF",
    "NON_KUMULATIF",
    "POLARITAS",
    "POSITIF",
    "RATA_RATA",
    "SKALA_ATRIBUT",
    "SKALA_EFISIENSI",
    "SKALA_PREDIKAT",
    "EvaluasiError",
    "Skala",
    "agregasi",
    "agregasi_baris",
    "agregasi_frame",
    "belanja_tahun",
    "belanja_tahun_kolom",
    "bulat",
    "bulat_series",
    "capaian",
    "capaian_series",
    "efisiensi",
    "jumlah",
    "jumlah_ke_atas",
    "selisih",
    "serapan",
    "serapan_series",
    "skala_dari_dict",
]


class EvaluasiError(ValueError):
    """Bad input to a formula (wrong type, unknown polaritas/akumulasi, invalid scale, …)."""


POSITIF: Final = "positif"
NEGATIF: Final = "negatif"
POLARITAS: Final = (POSITIF, NEGATIF)

KUMULATIF: Final = "kumulatif"
NON_KUMULATIF: Final = "non_kumulatif"
RATA_RATA: Final = "rata_rata"
AKUMULASI: Final = (KUMULATIF, NON_KUMULATIF, RATA_RATA)

# 34 digits is decimal128: far beyond any budget (Rp 10^15 with 2 decimals is 17 digits), so the
# only rounding a realistic computation sees is the last digit of an inexact quotient. The extreme
# exponent limits keep huge or tiny (but finite) inputs from overflowing into Infinity, and the
# traps turn anything that still goes wrong into an exception instead of a silent NaN/Infinity.
# Half-even for those intermediate digits avoids a systematic bias; half-up is a display rule and
# belongs to `bulat` alone.
_KONTEKS: Final = Context(
    prec=34,
    rounding=ROUND_HALF_EVEN,
    Emin=MIN_EMIN,
    Emax=MAX_EMAX,
    capitals=1,
    clamp=0,
    flags=[],
    traps=[InvalidOperation, DivisionByZero, Overflow],
)
# For ``jumlah``: a copy, so that the flags its additions set never touch ``_KONTEKS``.
_KONTEKS_JUMLAH: Final = _KONTEKS.copy()
_SERATUS: Final = Decimal(100)
_DUA: Final = Decimal(2)
# Passed explicitly to quantize, never installed as a thread's current context: sharing it is
# safe because only its status flags change, and nothing reads them.
_KONTEKS_BULAT: Final = _KONTEKS.copy()
_KONTEKS_BULAT.rounding = ROUND_HALF_UP

# `bulat` widens the precision to the number of digits its result needs; beyond this many digits
# the value cannot be a real figure and the work (memory) would be unbounded.
_DIGIT_MAKS_BULAT: Final = 1000
_DESIMAL_MAKS: Final = 20


@contextmanager
def _hitung() -> Iterator[None]:
    """Run arithmetic in the private context; report decimal failures as EvaluasiError."""
    try:
        with localcontext(_KONTEKS):
            yield
    except DecimalException as exc:
        raise EvaluasiError(f"perhitungan desimal gagal: {exc!r}") from exc


# ------------------------------------------------------------------------------------------------
# Input checks
# ------------------------------------------------------------------------------------------------


def _angka(x: object, nama: str) -> Decimal | None:
    """A finite Decimal, or None for "no value"; anything else is an EvaluasiError."""
    if x is None:
        return None
    # Strictly Decimal: an int or float here means a caller skipped the parsing layer, and a
    # float would already carry a binary rounding error.
    if not isinstance(x, Decimal):
        raise EvaluasiError(f"{nama} harus Decimal atau None, bukan {type(x).__name__}: {x!r}")
    if x.is_finite():
        return x
    if x.is_qnan():
        return None
    raise EvaluasiError(f"{nama} harus angka terhingga, bukan {x}")


def _negatif(polaritas: object) -> bool:
    # isinstance first: `==` on an arbitrary object (a numpy array, say) may itself raise.
    if isinstance(polaritas, str) and polaritas == POSITIF:
        return False
    if isinstance(polaritas, str) and polaritas == NEGATIF:
        return True
    raise EvaluasiError(f"polaritas tidak dikenal: {polaritas!r} (pilihan: {', '.join(POLARITAS)})")


def _akumulasi(akumulasi: object) -> str:
    if isinstance(akumulasi, str) and akumulasi in AKUMULASI:
        return akumulasi
    raise EvaluasiError(f"akumulasi tidak dikenal: {akumulasi!r} (pilihan: {', '.join(AKUMULASI)})")


# ------------------------------------------------------------------------------------------------
# Formula kernels. They assume validated inputs and must be called inside `_hitung()`; the scalar
# functions and the vectorised helpers both go through them, which is what makes the two agree
# exactly.
# ------------------------------------------------------------------------------------------------


def _capaian(t: Decimal | None, r: Decimal | None, negatif: bool) -> Decimal | None:
    if t is None or r is None or t.is_zero():
        return None
    # Divide first: the quotient is the only rounding. Multiplying by 100 afterwards only appends
    # zeros to the coefficient, so it is exact, whereas R × 100 first would round an R longer than
    # 32 digits before the division.
    rasio = r / t
    if negatif:
        # (T − (R − T)) / T = 2 − R/T. Computed from the same quotient so that R = T gives exactly
        # 100 (T − (R − T) itself would round a T longer than 34 digits), and the result is
        # monotone in R exactly like the positif one.
        rasio = _DUA - rasio
    return rasio * _SERATUS


def _agregasi(nilai: list[Decimal], akumulasi: str) -> Decimal | None:
    """`nilai` holds only values (no None), in period order."""
    if not nilai:
        # A sum over no values is no value (domain.md §5), not zero.
        return None
    if len(nilai) == 1 or akumulasi == NON_KUMULATIF:
        # One period aggregates to itself, untouched (no context rounding of a long input).
        return nilai[-1]
    total = nilai[0]
    for v in nilai[1:]:
        total += v
    if akumulasi == KUMULATIF:
        return total
    return total / len(nilai)


# ------------------------------------------------------------------------------------------------
# Scalar formulas
# ------------------------------------------------------------------------------------------------


def capaian(
    target: Decimal | None, realisasi: Decimal | None, polaritas: str = POSITIF
) -> Decimal | None:
    """Capaian (%) of a realisasi against its target; unrounded and not capped at 100.

    positif: ``R / T × 100``; negatif: ``(T − (R − T)) / T × 100`` (= ``(2T − R) / T × 100``).
    No value (None) when T is missing or zero, or R is missing: never a division error.
    """
    negatif = _negatif(polaritas)
    t = _angka(target, "target")
    r = _angka(realisasi, "realisasi")
    with _hitung():
        return _capaian(t, r, negatif)


def agregasi(nilai: Sequence[Decimal | None], akumulasi: str) -> Decimal | None:
    """Combine the values of several periods (given in period order) by the indicator's akumulasi.

    kumulatif: the sum; non_kumulatif: the latest value; rata_rata: the mean of the periods that
    have a value. None entries are periods without a value and are skipped; no value at all gives
    None.
    """
    jenis = _akumulasi(akumulasi)
    if isinstance(nilai, str | bytes) or not isinstance(nilai, Sequence | pd.Series):
        raise EvaluasiError(f"nilai harus daftar nilai per periode, bukan {type(nilai).__name__}")
    ada = [v for v in (_angka(x, "nilai") for x in nilai) if v is not None]
    if len(ada) <= 1 or jenis == NON_KUMULATIF:
        # No arithmetic: skip the decimal context (this is the engine's hottest call).
        return ada[-1] if ada else None
    with _hitung():
        return _agregasi(ada, jenis)


def agregasi_nilai(nilai: Sequence[Decimal | None], akumulasi: str) -> Decimal | None:
    """:func:`agregasi` for values already known to be Decimal or None (read from the database).

    The tables call this hundreds of thousands of times per pemda; it skips the per-element
    validation of :func:`agregasi` and gives the same result for such input (tested).
    """
    ada = [v for v in nilai if v is not None]
    if len(ada) <= 1 or akumulasi == NON_KUMULATIF:
        return ada[-1] if ada else None
    with _hitung():
        return _agregasi(ada, _akumulasi(akumulasi))


def serapan(realisasi_anggaran: Decimal | None, pagu: Decimal | None) -> Decimal | None:
    """Serapan anggaran (%) = realisasi anggaran ÷ pagu × 100; no value when pagu is 0 or missing."""
    r = _angka(realisasi_anggaran, "realisasi_anggaran")
    p = _angka(pagu, "pagu")
    with _hitung():
        return _capaian(p, r, negatif=False)


def persentase(bagian: Decimal | None, keseluruhan: Decimal | None) -> Decimal | None:
    """A share in percent: bagian ÷ keseluruhan × 100 (e.g. ASN with D-IV/S1 among all ASN).

    No value when the whole is 0 or missing; unrounded like every formula here.
    """
    b = _angka(bagian, "bagian")
    k = _angka(keseluruhan, "keseluruhan")
    with _hitung():
        return _capaian(k, b, negatif=False)


def efisiensi(capaian_kinerja: Decimal | None, serapan_anggaran: Decimal | None) -> Decimal | None:
    """Efisiensi = capaian kinerja (%) ÷ serapan anggaran (%), a plain ratio (not × 100).

    The Dumai LKj: 85.8 ÷ 92.87 = 0.92. No value when either is missing or serapan is 0.
    """
    c = _angka(capaian_kinerja, "capaian_kinerja")
    s = _angka(serapan_anggaran, "serapan_anggaran")
    if c is None or s is None or s.is_zero():
        return None
    with _hitung():
        return c / s


def selisih(target: Decimal | None, realisasi: Decimal | None) -> Decimal | None:
    """realisasi − target (percentage points when both are percentages); None if either is missing.

    Used for the surplus/deviation sentences of the LKj ("melebihi target sebesar …").
    """
    t = _angka(target, "target")
    r = _angka(realisasi, "realisasi")
    if t is None or r is None:
        return None
    with _hitung():
        return r - t


# ------------------------------------------------------------------------------------------------
# Budgets: one sum, one spending rule, one roll-up up the plan tree
# ------------------------------------------------------------------------------------------------

_NOL: Final = Decimal(0)


def jumlah(nilai: Iterable[Decimal | None]) -> Decimal | None:
    """The sum of the values present; no value over no values (domain.md §5: a missing value is
    not zero). Budgets (Rp) are always summed. The values are Decimal or None (read from the
    database or computed here); the sum starts from ``Decimal(0)``."""
    # Called per row and per column of every budget table (~150,000 times for a pemda's
    # tables): the private context's own ``add`` instead of entering ``_hitung()`` each time.
    # Only its flags change (informational); its precision and traps are the ones used.
    total: Decimal | None = None
    try:
        for v in nilai:
            if v is not None:
                total = _KONTEKS_JUMLAH.add(_NOL if total is None else total, v)
    except DecimalException as exc:
        raise EvaluasiError(f"perhitungan desimal gagal: {exc!r}") from exc
    return total


def jumlah_kelompok(
    nilai: Mapping[int, Decimal | None], kelompok: Sequence[Sequence[int]]
) -> list[Decimal | None]:
    """:func:`jumlah` of each group of keys (E.81: a node, or the programs of a sasaran) in one
    call: the same sums without a function call and a generator per group."""
    tambah = _KONTEKS_JUMLAH.add
    hasil: list[Decimal | None] = []
    try:
        for kunci in kelompok:
            total: Decimal | None = None
            for k in kunci:
                v = nilai.get(k)
                if v is not None:
                    total = tambah(_NOL if total is None else total, v)
            hasil.append(total)
    except DecimalException as exc:
        raise EvaluasiError(f"perhitungan desimal gagal: {exc!r}") from exc
    return hasil


def realisasi_tahun(
    tahunan: Decimal | None, kuartal: Iterable[Decimal | None], akumulasi: str
) -> Decimal | None:
    """A year's realisasi of one indicator: the yearly value where it was entered, else its
    quarters combined by the indicator's akumulasi (§3), else no value. The rule of the grid,
    the tables and ``check_plan`` alike. ``kuartal`` is read only when there is no yearly
    value (a generator spares the engine the lookups)."""
    return tahunan if tahunan is not None else agregasi_nilai(list(kuartal), akumulasi)


def belanja_tahun(tahunan: Decimal | None, kuartal: Iterable[Decimal | None]) -> Decimal | None:
    """A year's spending (realisasi anggaran) of one sub kegiatan.

    The yearly figure where it was entered (the closed year's figure from the finance system is
    authoritative), else the sum of the quarters entered, else no value.
    """
    return tahunan if tahunan is not None else jumlah(kuartal)


def belanja_tahun_kolom(
    tahunan: Sequence[Decimal | None], kuartal: Sequence[Sequence[Decimal | None]]
) -> list[Decimal | None]:
    """:func:`belanja_tahun` of many sub kegiatan at once (``kuartal[i]`` are row i's quarters)."""
    if len(tahunan) != len(kuartal):
        raise EvaluasiError("tahunan dan kuartal harus sama panjang")
    return [belanja_tahun(t, k) for t, k in zip(tahunan, kuartal, strict=True)]


def jumlah_ke_atas(
    induk: Mapping[int, int | None], nilai_sub: Mapping[int, Decimal | None]
) -> dict[int, Decimal]:
    """Roll the sub kegiatan's values up the plan tree: the one budget roll-up.

    ``induk`` maps every node to its parent (None at the top; a parent missing from it ends the
    walk); ``nilai_sub`` gives each sub kegiatan's value. Every node gets the sum of the values
    at and below it, summed from ``Decimal(0)``. A node with no value below it is absent: a sum
    over no values is no value (domain.md §5), never zero. Keys come in the order of
    ``nilai_sub`` and then up each chain.
    """
    total: dict[int, Decimal] = {}
    with _hitung():
        for node_id, nilai in nilai_sub.items():
            if nilai is None:
                continue
            naik: int | None = node_id
            while naik is not None:
                total[naik] = total.get(naik, _NOL) + nilai
                naik = induk.get(naik)
    return total


def _periksa_desimal(desimal: object) -> int:
    if isinstance(desimal, bool) or not isinstance(desimal, int):
        raise EvaluasiError(f"desimal harus bilangan bulat, bukan {desimal!r}")
    if abs(desimal) > _DESIMAL_MAKS:
        raise EvaluasiError(f"desimal harus antara -{_DESIMAL_MAKS} dan {_DESIMAL_MAKS}: {desimal}")
    return desimal


def _bulat(x: Decimal, desimal: int) -> Decimal:
    # Exponent -desimal with coefficient 1, built without touching any context.
    kuantum = Decimal((0, (1,), -desimal))
    # quantize fails if the result has more digits than the context precision, so give it as many
    # as the result can need (integer digits + decimals + a carry), never fewer than usual.
    perlu = x.adjusted() + desimal + 2
    if perlu > _DIGIT_MAKS_BULAT:
        raise EvaluasiError(f"nilai terlalu besar untuk dibulatkan: {x}")
    if perlu <= _KONTEKS_BULAT.prec:
        konteks = _KONTEKS_BULAT
    else:
        konteks = _KONTEKS_BULAT.copy()
        konteks.prec = perlu
    try:
        hasil = x.quantize(kuantum, context=konteks)
    except DecimalException as exc:
        raise EvaluasiError(f"nilai tidak dapat dibulatkan: {x}") from exc
    # -0.001 rounds to -0.00; print it as 0.00.
    return hasil.copy_abs() if hasil.is_zero() else hasil


def bulat(x: Decimal | None, desimal: int = 2) -> Decimal | None:
    """Round half-up to `desimal` places (97.125 → 97.13, 52.5 → 53 at 0 places).

    The documents round half-up (Python's round() and Decimal's default are half-even). For display
    and export only: never feed a rounded value back into a formula or a category.
    """
    d = _periksa_desimal(desimal)
    v = _angka(x, "x")
    if v is None:
        return None
    return _bulat(v, d)


# ------------------------------------------------------------------------------------------------
# Category scales
# ------------------------------------------------------------------------------------------------


def _tulis_batas(nilai: Decimal) -> str:
    """A bound in Indonesian notation (1.234,5), without trailing zeros; no context involved."""
    teks = format(nilai, "f")
    tanda = ""
    if teks.startswith("-"):
        tanda, teks = "-", teks[1:]
    utuh, _, pecahan = teks.partition(".")
    pecahan = pecahan.rstrip("0")
    awal = len(utuh) % 3 or 3
    utuh = ".".join([utuh[:awal], *(utuh[i : i + 3] for i in range(awal, len(utuh), 3))])
    return tanda + utuh + ("," + pecahan if pecahan else "")


def _teks_wajib(x: object, nama: str) -> str:
    if not isinstance(x, str) or not x.strip():
        raise EvaluasiError(f"{nama} harus teks yang tidak kosong, bukan {x!r}")
    return x.strip()


@dataclass(frozen=True)
class Skala:
    """A versioned category scale: half-open bands given by descending lower bounds.

    A value ``>= batas[i][0]`` gets ``batas[i][1]`` (first match wins); a value below every bound
    gets ``terendah``. Regions use their own scales, so scales are settings; every output names
    the scale (``nama``, ``versi``) it used and prints ``uraian()`` under the table.
    """

    nama: str
    versi: str
    batas: tuple[tuple[Decimal, str], ...]
    terendah: str

    def __post_init__(self) -> None:
        # Validate on construction too, so a Skala built in code is as safe as one from settings.
        object.__setattr__(self, "nama", _teks_wajib(self.nama, "nama skala"))
        object.__setattr__(self, "versi", _teks_wajib(self.versi, "versi skala"))
        object.__setattr__(self, "terendah", _teks_wajib(self.terendah, "label terendah"))
        if isinstance(self.batas, str | bytes) or not isinstance(self.batas, Sequence):
            raise EvaluasiError(f"batas skala harus daftar (batas, label), bukan {self.batas!r}")
        if not self.batas:
            raise EvaluasiError("skala harus punya sedikitnya satu batas")
        rapi: list[tuple[Decimal, str]] = []
        for i, pasangan in enumerate(self.batas, start=1):
            if not isinstance(pasangan, tuple | list) or len(pasangan) != 2:
                raise EvaluasiError(f"batas ke-{i} harus pasangan (batas, label): {pasangan!r}")
            nilai, label = pasangan
            if not isinstance(nilai, Decimal) or not nilai.is_finite():
                raise EvaluasiError(f"batas ke-{i} harus Decimal terhingga: {nilai!r}")
            label = _teks_wajib(label, f"label batas ke-{i}")
            if rapi and not nilai < rapi[-1][0]:
                raise EvaluasiError(
                    f"batas harus menurun tegas: batas ke-{i} ({nilai}) tidak lebih kecil dari "
                    f"batas ke-{i - 1} ({rapi[-1][0]})"
                )
            rapi.append((nilai, label))
        label_semua = [label for _, label in rapi] + [self.terendah]
        if len(set(label_semua)) != len(label_semua):
            raise EvaluasiError(f"label skala harus berbeda satu sama lain: {label_semua}")
        object.__setattr__(self, "batas", tuple(rapi))

    def kategori(self, nilai: Decimal | None) -> str | None:
        """The label of an (unrounded) value; None for no value."""
        v = _angka(nilai, "nilai")
        if v is None:
            return None
        for batas, label in self.batas:
            if v >= batas:
                return label
        return self.terendah

    def uraian(self) -> str:
        """The bands as printed under a table: ``≥ 91 Sangat Tinggi; 76 – < 91 Tinggi; …``."""
        bagian = []
        atas: Decimal | None = None
        for batas, label in self.batas:
            if atas is None:
                bagian.append(f"≥ {_tulis_batas(batas)} {label}")
            else:
                bagian.append(f"{_tulis_batas(batas)} – < {_tulis_batas(atas)} {label}")
            atas = batas
        bagian.append(f"< {_tulis_batas(self.batas[-1][0])} {self.terendah}")
        return "; ".join(bagian)

    def sebagai_dict(self) -> dict[str, object]:
        """The JSON-like form read by :func:`skala_dari_dict` (bounds as strings: exact)."""
        return {
            "nama": self.nama,
            "versi": self.versi,
            "batas": [[str(b), label] for b, label in self.batas],
            "terendah": self.terendah,
        }


def _batas_dari_json(x: object, i: int) -> Decimal:
    """A bound from settings: int, numeric string, Decimal, or float (read by its repr)."""
    if isinstance(x, bool):
        raise EvaluasiError(f"batas ke-{i} harus angka, bukan {x!r}")
    if isinstance(x, Decimal):
        nilai = x
    elif isinstance(x, int):
        nilai = Decimal(x)
    elif isinstance(x, float):
        # repr gives the shortest text that reads back as the same float: 0.5 -> "0.5", not
        # 0.5000000000000000277…, which is what the person who typed the setting meant.
        nilai = Decimal(repr(x))
    elif isinstance(x, str):
        try:
            nilai = Decimal(x.strip())
        except InvalidOperation:
            raise EvaluasiError(f"batas ke-{i} bukan angka: {x!r}") from None
    else:
        raise EvaluasiError(f"batas ke-{i} harus angka, bukan {type(x).__name__}: {x!r}")
    if not nilai.is_finite():
        raise EvaluasiError(f"batas ke-{i} harus angka terhingga: {x!r}")
    return nilai


def skala_dari_dict(d: Mapping[str, object]) -> Skala:
    """Build a Skala from settings: ``{"nama", "versi", "batas": [[91, "Sangat Tinggi"], …],
    "terendah"}``. Bounds must be strictly descending and labels non-empty and distinct; other
    keys are ignored (settings may carry metadata). Raises EvaluasiError naming the problem."""
    if not isinstance(d, Mapping):
        raise EvaluasiError(f"skala harus berupa dict, bukan {type(d).__name__}")
    kurang = [k for k in ("nama", "versi", "batas", "terendah") if k not in d]
    if kurang:
        raise EvaluasiError(f"skala tidak lengkap, tidak ada: {', '.join(kurang)}")
    mentah = d["batas"]
    if isinstance(mentah, str | bytes) or not isinstance(mentah, Sequence):
        raise EvaluasiError(f"batas skala harus daftar [batas, label], bukan {mentah!r}")
    batas: list[tuple[Decimal, str]] = []
    for i, pasangan in enumerate(mentah, start=1):
        if not isinstance(pasangan, list | tuple) or len(pasangan) != 2:
            raise EvaluasiError(f"batas ke-{i} harus pasangan [batas, label]: {pasangan!r}")
        nilai, label = pasangan
        batas.append((_batas_dari_json(nilai, i), _teks_wajib(label, f"label batas ke-{i}")))
    return Skala(
        nama=_teks_wajib(d["nama"], "nama skala"),
        versi=_teks_wajib(d["versi"], "versi skala"),
        batas=tuple(batas),
        terendah=_teks_wajib(d["terendah"], "label terendah"),
    )


SKALA_PREDIKAT: Final = Skala(
    nama="Skala nilai peringkat kinerja (Permendagri 86/2017)",
    versi="bawaan-2017",
    # Half-open bands without the gaps the Dumai LKj prints (≥90, 76–<90, 66–<75, …): domain.md §4.
    batas=(
        (Decimal(91), "Sangat Tinggi"),
        (Decimal(76), "Tinggi"),
        (Decimal(66), "Sedang"),
        (Decimal(51), "Rendah"),
    ),
    terendah="Sangat Rendah",
)

SKALA_ATRIBUT: Final = Skala(
    nama="Atribut capaian indikator kinerja (LKj)",
    versi="bawaan",
    # The LKj prints "85% s.d 100%" but applies Sangat Berhasil to 107, 118, 756: the top band is ≥ 85.
    batas=(
        (Decimal(85), "Sangat Berhasil"),
        (Decimal(70), "Berhasil"),
        (Decimal(55), "Cukup Berhasil"),
    ),
    terendah="Tidak Berhasil",
)

SKALA_EFISIENSI: Final = Skala(
    nama="Kategori efisiensi (capaian kinerja % ÷ serapan anggaran %)",
    versi="bawaan",
    # No thresholds are printed anywhere; these defaults fit the Dumai examples (0.92, 1.2, 7.6).
    batas=(
        (Decimal(2), "Sangat Efisien"),
        (Decimal(1), "Efisien"),
    ),
    terendah="Kurang Efisien",
)


# ------------------------------------------------------------------------------------------------
# Vectorised helpers over pandas. Values are Decimal objects in object-dtype Series; pandas'
# missing markers (None, NaN, pd.NA, NaT) are normalised to None. Each helper validates like its
# scalar twin and runs the same kernel per element, so results are identical by construction.
# ------------------------------------------------------------------------------------------------


def _kosong_pandas(v: object) -> bool:
    # pd.isna would be the obvious test, but it raises on Decimal('sNaN'); these are the markers
    # pandas itself inserts (reindex, merge, read_* and nullable dtypes).
    if v is None or v is pd.NA or v is pd.NaT:
        return True
    return isinstance(v, float | np.floating) and math.isnan(v)


def _sel(v: object, nama: str) -> Decimal | None:
    if _kosong_pandas(v):
        return None
    return _angka(v, nama)


def _kolom(s: object, nama: str) -> list[Decimal | None]:
    if not isinstance(s, pd.Series):
        raise EvaluasiError(f"{nama} harus pandas Series, bukan {type(s).__name__}")
    # Fast path for the common case (a finite Decimal) keeps 200k rows well under a second.
    return [v if type(v) is Decimal and v.is_finite() else _sel(v, nama) for v in s.tolist()]


def _indeks_sama(a: pd.Series, b: pd.Series, nama: str) -> None:
    # Refuse to align silently: mismatched rows would turn into NaN and vanish as "no value".
    if not isinstance(b, pd.Series):
        raise EvaluasiError(f"{nama} harus pandas Series, bukan {type(b).__name__}")
    if not a.index.equals(b.index):
        raise EvaluasiError(f"indeks {nama} tidak sama dengan indeks target/realisasi")


def capaian_series(
    target: pd.Series, realisasi: pd.Series, polaritas: pd.Series | str = POSITIF
) -> pd.Series:
    """:func:`capaian` per row. `polaritas` is one value for all rows or a Series per row.

    Returns an object-dtype Series (Decimal or None) with the index of `target`.
    """
    t = _kolom(target, "target")
    _indeks_sama(target, realisasi, "realisasi")
    r = _kolom(realisasi, "realisasi")
    if isinstance(polaritas, pd.Series):
        _indeks_sama(target, polaritas, "polaritas")
        negatif = [_negatif(p) for p in polaritas.tolist()]
    else:
        negatif = [_negatif(polaritas)] * len(t)
    with _hitung():
        hasil = [_capaian(a, b, n) for a, b, n in zip(t, r, negatif, strict=True)]
    return pd.Series(hasil, index=target.index, dtype=object, name="capaian")


def serapan_series(realisasi: pd.Series, pagu: pd.Series) -> pd.Series:
    """:func:`serapan` per row; object-dtype Series with the index of `realisasi`."""
    r = _kolom(realisasi, "realisasi")
    _indeks_sama(realisasi, pagu, "pagu")
    p = _kolom(pagu, "pagu")
    with _hitung():
        hasil = [_capaian(b, a, False) for a, b in zip(r, p, strict=True)]
    return pd.Series(hasil, index=realisasi.index, dtype=object, name="serapan")


def bulat_series(s: pd.Series, desimal: int = 2) -> pd.Series:
    """:func:`bulat` per row; keeps index and name."""
    d = _periksa_desimal(desimal)
    nilai = _kolom(s, "nilai")
    hasil = [None if v is None else _bulat(v, d) for v in nilai]
    return pd.Series(hasil, index=s.index, dtype=object, name=s.name)


def agregasi_frame(
    df: pd.DataFrame,
    kunci: list[str],
    urut: str,
    nilai: str,
    akumulasi: str | pd.Series,
) -> pd.Series:
    """:func:`agregasi` per group of `df`.

    Rows are grouped by the `kunci` columns (rows with a missing key form their own group rather
    than vanish), ordered within the group by column `urut` (tahun, triwulan; ties keep the frame's
    order), and column `nilai` is aggregated by the group's akumulasi. `akumulasi` is either one
    akumulasi for all groups, or per row: the name of a column of `df` or a Series with the index
    of `df`; per-row akumulasi must be constant within each group.

    Returns a Series indexed by the group keys (a MultiIndex when there are several), values
    Decimal or None, named after `nilai`.
    """
    if not isinstance(df, pd.DataFrame):
        raise EvaluasiError(f"df harus pandas DataFrame, bukan {type(df).__name__}")
    if isinstance(kunci, str) or not isinstance(kunci, list | tuple) or not kunci:
        raise EvaluasiError(f"kunci harus daftar nama kolom yang tidak kosong: {kunci!r}")
    kunci = list(kunci)
    hilang = [k for k in [*kunci, urut, nilai] if not isinstance(k, str) or k not in df.columns]

    if hilang:
        raise EvaluasiError(f"kolom tidak ada di df: {hilang}")

    # Per-row akumulasi (a column of df, or a Series aligned with df), or one for every group.
    per_baris: pd.Series | None = None
    satu: str | None = None
    if isinstance(akumulasi, pd.Series):
        if not akumulasi.index.equals(df.index):
            raise EvaluasiError("indeks akumulasi tidak sama dengan indeks df")
        per_baris = akumulasi
    elif isinstance(akumulasi, str) and akumulasi in df.columns:
        per_baris = df[akumulasi]
    else:
        satu = _akumulasi(akumulasi)

    if df[urut].isna().any():
        raise EvaluasiError(f"kolom urut {urut!r} memuat nilai kosong: urutan periode tidak jelas")
    try:
        # Stable sort: the positions of each group below then come in period order.
        urutan = np.argsort(df[urut].to_numpy(), kind="stable")
    except TypeError as exc:
        raise EvaluasiError(f"kolom urut {urut!r} tidak dapat diurutkan: {exc}") from exc

    nilai_baris = _kolom(df[nilai], "nilai")
    jenis_baris: list[object] = per_baris.tolist() if per_baris is not None else [satu] * len(df)
    kelompok = df[kunci].groupby(kunci, sort=True, dropna=False)
    # ngroup numbers the groups in the order of size().index, which becomes the result's index.
    nomor = kelompok.ngroup().to_numpy()
    indeks = kelompok.size().index
    jumlah = len(indeks)

    isi: list[list[Decimal]] = [[] for _ in range(jumlah)]
    jenis: list[str | None] = [None] * jumlah
    for pos in urutan.tolist():
        g = int(nomor[pos])
        j = _akumulasi(jenis_baris[pos]) if per_baris is not None else satu
        if jenis[g] is None:
            jenis[g] = j
        elif jenis[g] != j:
            raise EvaluasiError(
                f"akumulasi berbeda dalam satu kelompok {indeks[g]!r}: {jenis[g]!r} dan {j!r}"
            )
        v = nilai_baris[pos]
        if v is not None:
            isi[g].append(v)

    with _hitung():
        # Every group has at least one row, so jenis[g] is set; `or` only narrows the type.
        hasil = [_agregasi(isi[g], jenis[g] or KUMULATIF) for g in range(jumlah)]
    return pd.Series(hasil, index=indeks, dtype=object, name=nilai)


def agregasi_baris(df: pd.DataFrame, akumulasi: pd.Series | str) -> pd.Series:
    """:func:`agregasi` of every row of `df` over its columns, which are the periods in order.

    The wide counterpart of :func:`agregasi_frame` (one row per indicator, one column per year or
    triwulan). `akumulasi` is one akumulasi for every row, or a Series with the index of `df`.
    A frame without columns gives no value on every row. Returns an object-dtype Series (Decimal
    or None) with the index of `df`.
    """
    if not isinstance(df, pd.DataFrame):
        raise EvaluasiError(f"df harus pandas DataFrame, bukan {type(df).__name__}")
    if isinstance(akumulasi, pd.Series):
        if not akumulasi.index.equals(df.index):
            raise EvaluasiError("indeks akumulasi tidak sama dengan indeks df")
        jenis = [_akumulasi(a) for a in akumulasi.tolist()]
    else:
        jenis = [_akumulasi(akumulasi)] * len(df)
    # Row by row as plain lists (one conversion, not one Series per column); each cell is read
    # like `_kolom` reads it, the finite Decimal first.
    baris = df.to_numpy(dtype=object).tolist()
    with _hitung():
        hasil = [_agregasi(_nilai_ada(sel), j) for sel, j in zip(baris, jenis, strict=True)]
    return pd.Series(hasil, index=df.index, dtype=object, name="agregasi")


def _nilai_ada(sel: list[object]) -> list[Decimal]:
    """The values among one row's cells, each read as `_kolom` reads it; no-value cells left out."""
    ada: list[Decimal] = []
    for x in sel:
        if x is None:
            continue
        v = x if type(x) is Decimal and x.is_finite() else _sel(x, "nilai")
        if v is not None:
            ada.append(v)
    return ada
