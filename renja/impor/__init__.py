"""``import_plan``: the long format of contract.md §1, from CSV or XLSX.

Two phases, one transaction:

1. *Read and validate* (``validasi``) every row of every file without touching the database:
   header, codes, numbers, kinds, units, and conflicts between rows. Reading CSV/XLSX is
   ``inti.berkas``'s.
2. *Apply* (``terapan``, then ``pohon`` and ``nilai``) with a fixed number of queries per file
   (not per row): load what exists for the plans involved, compute the difference, bulk-create
   and bulk-update; values go through the one value writer (``renja.nilai.services``), which
   refuses rows that address a ditetapkan Renja version.

Any problem in either phase means nothing is written (the transaction rolls back) and every
problem is reported as ``FILE:ROW: column: message``. Importing the same file twice changes
nothing the second time.
"""

from inti.berkas import ImporGagal, Masalah
from renja.impor.data import Baris, HasilImpor
from renja.impor.terapan import impor_plan
from renja.impor.validasi import baca_dan_validasi

__all__ = ["Baris", "HasilImpor", "ImporGagal", "Masalah", "baca_dan_validasi", "impor_plan"]
