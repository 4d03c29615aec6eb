"""Reading a NIP (Nomor Induk Pegawai): validate it and derive what it encodes (domain.md §7).

Pure: no database, no clock. A PNS NIP has 18 digits::

    19680714 198909 2 001
    │        │      │ └─ digits 16–18: sequence number (001–999) among equal prefixes
    │        │      └─── digit 15: gender, 1 = laki-laki (L), 2 = perempuan (P)
    │        └────────── digits 9–14: TMT CPNS, year and month (YYYYMM)
    └─────────────────── digits 1–8: birth date (YYYYMMDD)

Rules checked, in this order (the first rule broken is the one reported, by name):

1. 18 digits once spaces are removed (the printed form has spaces);
2. digits 1–8 a real calendar date, year 1900–2099;
3. digits 9–14 a real month (01–12), year 1900–2099;
4. digit 15 is 1 or 2;
5. digits 16–18 not 000;
6. TMT CPNS not before the month in which the person turned 18.

Rule 6: the minimum age to apply for CPNS is 18 (PP 11/2017 Pasal 23 ayat (1) huruf a, as in the
earlier PP 98/2000), and the TMT CPNS follows the application, so nobody starts before their 18th
birthday. The NIP holds only the TMT *month*, so the comparison is by month: a TMT in the very
month of the 18th birthday is accepted (refusing it would need the day, which the NIP lacks).
No upper age is checked: the upper limit (35, 40 for some posts, older for converted honorer
staff) has changed over the years and its exceptions cannot be read from the number.
The year range 1900–2099 only rejects numbers that cannot be anyone's (a mistyped first digit).

PPPK numbers (NI PPPK) are not laid out by the same regulation: numbers seen in practice start
with the birth date and carry the gender at digit 15, but digits 9–14 hold the appointment year
followed by a code, not a TMT month. So for ``status="PPPK"`` any 18 digits are accepted; the
birth date and gender are derived only when digits 1–8 are a valid date (rule 2) and digit 15
is 1/2, otherwise they are ``None``; ``tmt`` is always ``None`` (it cannot be read reliably) and
``urutan`` is digits 16–18 as a number, whatever it is.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

TAHUN_MIN = 1900
TAHUN_MAKS = 2099
USIA_MINIMAL_CPNS = 18  # PP 11/2017 Pasal 23 ayat (1) huruf a


class NipTidakSah(ValueError):
    """The text is not a valid NIP; the message names the rule broken (Indonesian)."""


@dataclass(frozen=True)
class InfoNip:
    """What a NIP says. For a PNS every field is set; for a PPPK some may be ``None``."""

    nip: str  # 18 digits, no spaces
    status: str  # "PNS" or "PPPK"
    tanggal_lahir: date | None
    tmt: date | None  # first day of the TMT CPNS month
    jenis_kelamin: str | None  # "L" / "P"
    urutan: int


def _bersih(teks: str) -> str:
    return "".join(str(teks).split())


def _tanggal(digit: str) -> date | None:
    """YYYYMMDD as a date within the accepted years, or None."""
    try:
        hasil = date(int(digit[:4]), int(digit[4:6]), int(digit[6:8]))
    except ValueError:
        return None
    return hasil if TAHUN_MIN <= hasil.year <= TAHUN_MAKS else None


def _kelamin(digit: str) -> str | None:
    return {"1": "L", "2": "P"}.get(digit)


def _periksa_format(nip: str) -> None:
    bukan_angka = sorted({c for c in nip if not ("0" <= c <= "9")})
    if bukan_angka:
        tanda = " ".join(repr(c) for c in bukan_angka[:5])
        raise NipTidakSah(f"NIP harus 18 digit angka (ditemukan tanda bukan angka {tanda})")
    if len(nip) != 18:
        raise NipTidakSah(f"NIP harus 18 digit angka (ditemukan {len(nip)})")


def baca_nip(teks: str, *, status: str = "PNS") -> InfoNip:
    """Validate ``teks`` as the NIP of a PNS (default) or a PPPK and read what it encodes.

    Spaces (the printed form ``19680714 198909 2 001``) are ignored. Raises ``NipTidakSah``.
    """
    status = status.strip().upper()
    if status not in ("PNS", "PPPK"):
        raise ValueError(f"status {status!r} tidak dikenal; PNS atau PPPK")
    nip = _bersih(teks)
    _periksa_format(nip)
    urutan = int(nip[15:])
    if status == "PPPK":
        lahir = _tanggal(nip[:8])
        kelamin = _kelamin(nip[14])
        if lahir is None or kelamin is None:
            lahir, kelamin = None, None
        return InfoNip(nip, "PPPK", lahir, None, kelamin, urutan)

    lahir = _tanggal(nip[:8])
    if lahir is None:
        raise NipTidakSah(
            f"tanggal lahir {nip[:8]} pada digit 1–8 bukan tanggal yang sah "
            f"(TTTTBBHH, tahun {TAHUN_MIN}–{TAHUN_MAKS})"
        )
    tahun, bulan = int(nip[8:12]), int(nip[12:14])
    if not (1 <= bulan <= 12 and TAHUN_MIN <= tahun <= TAHUN_MAKS):
        raise NipTidakSah(
            f"TMT CPNS {nip[8:14]} pada digit 9–14 bukan bulan yang sah "
            f"(TTTTBB, tahun {TAHUN_MIN}–{TAHUN_MAKS})"
        )
    tmt = date(tahun, bulan, 1)
    kelamin = _kelamin(nip[14])
    if kelamin is None:
        raise NipTidakSah(f"digit ke-15 (jenis kelamin) harus 1 atau 2, bukan {nip[14]}")
    if urutan == 0:
        raise NipTidakSah("nomor urut 000 pada digit 16–18 tidak sah (mulai dari 001)")
    dewasa = (lahir.year + USIA_MINIMAL_CPNS, lahir.month)
    if (tmt.year, tmt.month) < dewasa:
        raise NipTidakSah(
            f"TMT CPNS {tmt:%Y-%m} sebelum tanggal lahir ditambah {USIA_MINIMAL_CPNS} tahun "
            f"({dewasa[0]:04d}-{dewasa[1]:02d}); usia minimal CPNS {USIA_MINIMAL_CPNS} tahun"
        )
    return InfoNip(nip, "PNS", lahir, tmt, kelamin, urutan)


def nip_cetak(nip: str) -> str:
    """The printed form ``19680714 198909 2 001``; anything not 18 digits is returned as given."""
    bersih = _bersih(nip)
    if len(bersih) == 18 and bersih.isascii() and bersih.isdigit():
        return f"{bersih[:8]} {bersih[8:14]} {bersih[14]} {bersih[15:]}"
    return nip


__all__ = ["InfoNip", "NipTidakSah", "baca_nip", "nip_cetak"]
