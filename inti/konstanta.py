"""Small facts every layer checks the same way: valid years, quarters, Renja versions, paper.

Each is defined here once; views, commands, services and exporters import them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

# Plan years a URL, a command or a form may name. Real plans start in the 2000s; the bound
# keeps a typo (20240) from reaching the database as a "year".
TAHUN_SAH: Final = range(2000, 2101)

TRIWULAN: Final = (1, 2, 3, 4)
TRIWULAN_LABEL: Final = ((1, "TW I"), (2, "TW II"), (3, "TW III"), (4, "TW IV"))

# A Renja exists per year as the original (murni) and, mid-year, its revision (perubahan).
VERSI_RENJA: Final = ("murni", "perubahan")


@dataclass(frozen=True)
class Kertas:
    """A paper size, landscape (the report tables are wide)."""

    lebar_mm: int
    tinggi_mm: int
    kode_xlsx: int  # openpyxl/Excel paperSize

    @property
    def ukuran_css(self) -> str:
        return f"{self.lebar_mm}mm {self.tinggi_mm}mm"


# F4 (folio, 215 × 330 mm) is common in Indonesian government offices.
UKURAN_KERTAS: Final = {"A4": Kertas(297, 210, 9), "F4": Kertas(330, 215, 14)}
KERTAS: Final = tuple(UKURAN_KERTAS)
