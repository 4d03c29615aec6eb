"""The official Renja tables (domain.md §5) computed from a loaded plan, by key.

Every builder takes a ``DataRencana`` (no database access here) and returns a ``Tabel``:
typed rows whose computed cells carry their formula and inputs (``Baris.jejak``), so the HTML
page can explain each cell on hover and the exporters never compute anything themselves.
Formulas come from ``inti.rumus`` only; rounding happens in the exporters.

The builders live in ``evaluasi.tabel_renja`` (T-C.29 … T-C.33, Tabel 4.1) and
``evaluasi.tabel_e81`` (Formulir E.81), on the plan index of ``evaluasi.indeks``; the LKj
tables are in ``evaluasi.tabel_lkj`` and the Renja Perubahan ones in
``evaluasi.tabel_perubahan``. ``PEMBANGUN`` maps a table key to its builder.
"""

from __future__ import annotations

from collections.abc import Callable

from evaluasi.tabel_e81 import e81
from evaluasi.tabel_renja import t41, tc29, tc30, tc31, tc32, tc33
from inti.tabel import Tabel

__all__ = ["PEMBANGUN", "e81", "t41", "tc29", "tc30", "tc31", "tc32", "tc33"]

PEMBANGUN: dict[str, Callable[..., Tabel]] = {
    "tc29": tc29,
    "tc30": tc30,
    "tc31": tc31,
    "tc32": tc32,
    "tc33": tc33,
    "t41": t41,
    "e81": e81,
}
