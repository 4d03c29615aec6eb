"""The official tables of the Renja (domain.md §5), by the modules that build them.

``evaluasi.tabel_renja`` holds T-C.29 … T-C.33 and Tabel 4.1, ``evaluasi.tabel_e81`` the E.81;
the LKj tables are in ``evaluasi.tabel_lkj`` and the Perubahan's in ``evaluasi.tabel_perubahan``.
Every builder is registered in the kernel's catalogue by ``evaluasi.katalog``.
"""

from __future__ import annotations

from evaluasi.tabel_e81 import e81
from evaluasi.tabel_renja import t41, tc29, tc30, tc31, tc32, tc33

__all__ = ["e81", "t41", "tc29", "tc30", "tc31", "tc32", "tc33"]
