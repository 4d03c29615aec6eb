"""The shape of a report table: columns with their official numbers, typed rows, footers.

Every table of the product (the Permendagri 86/2017 tables, E.81, the LKj tables, Tabel 5.2/5.3,
the staff rekap) is a ``Tabel``; the pages, the exporters (CSV, XLSX, PDF), the stored results
and the documents read nothing else. Computed cells carry their formula and inputs in
``Baris.jejak``. This module knows no app and no database.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

Nilai = Decimal | str | None

LEVEL_NOMENKLATUR = ("urusan", "bidang", "program", "kegiatan", "sub_kegiatan")


@dataclass(frozen=True)
class Kolom:
    kunci: str  # machine name in CSV: k4, k12_rp …
    nomor: str  # the official column number printed under the header
    judul: str
    rumus: str = ""  # printed formula, e.g. "8 = 7/6"


@dataclass
class Baris:
    kode: str
    uraian: str
    level: str
    indikator: str = ""
    satuan: str = ""
    lanjutan: bool = False  # another indicator of the row above: no repeated code
    nilai: dict[str, Nilai] = field(default_factory=dict)
    jejak: dict[str, str] = field(default_factory=dict)


@dataclass
class Tabel:
    kode: str
    judul: str
    kolom: list[Kolom]
    baris: list[Baris]
    kaki: list[Baris] = field(default_factory=list)
    catatan: list[str] = field(default_factory=list)
    tahun: int = 0
    # Labelled texts printed after the table (E.81: faktor pendorong … tindak lanjut).
    keterangan: list[tuple[str, str]] = field(default_factory=list)
    # The CSV's leading columns as (header, Baris attribute): contract.md §2.
    awal_csv: tuple[tuple[str, str], ...] = (
        ("kode", "kode"),
        ("uraian", "uraian"),
        ("indikator", "indikator"),
        ("satuan", "satuan"),
    )


def angka_jejak(x: Decimal | None) -> str:
    """A figure as a cell's jejak writes it: plain digits, no trailing zeros on a whole
    number (``5500``, ``12.5``), ``-`` for no value."""
    return "-" if x is None else format(x.normalize(), "f") if x == x.to_integral() else str(x)


class TabelTidakDapatDibuat(Exception):
    """The table needs data the plan does not have (e.g. E.81 without a triwulan)."""
