"""Generated narrative of the Renja and LKj documents, as Markdown.

Every function of ``NARASI`` takes a ``KonteksNarasi`` and returns Markdown (``""`` when the
table it describes was not computed). The sentences are written from the already-computed
tables (``evaluasi.tabel`` / ``evaluasi.tabel_lkj``): nothing here divides a realisasi by a
target. What is not in a table (a polaritas, a budget of the evaluated year, the sub kegiatan
of a kegiatan) is read from the loaded plan (``KonteksNarasi.data``) when it is given; sums
and means go through ``inti.rumus``. Figures are printed the Indonesian way; percentages
with two decimals rounded half-up (``inti.rumus.bulat``). A missing value gives a sentence
that says so, never "None" or "nan".

Modules: ``kata`` (common wording: numbers in words and figures, the surplus/deviasi clause,
polaritas, rows grouped into the plan tree), ``renja`` (the Renja's sentences), ``lkj`` (the
LKj's). ``NARASI`` names every narrative an outline section can place
(``dokumen.kerangka.Bagian.narasi``).
"""

from __future__ import annotations

from collections.abc import Callable

from dokumen.narasi.kata import (
    DEVIASI,
    SURPLUS,
    TEPAT,
    KonteksNarasi,
    arah_kinerja,
    kalimat_selisih,
    terbilang,
)
from dokumen.narasi.lkj import (
    lkj_akuntabilitas_keuangan,
    lkj_analisis_iku,
    lkj_e81_ringkasan,
    lkj_efisiensi,
    lkj_kemajuan_renstra,
    lkj_kesimpulan,
    lkj_kinerja_anggaran,
    lkj_perbandingan_tahun_lalu,
    lkj_perjanjian_kinerja,
    lkj_ringkasan_iku,
)
from dokumen.narasi.renja import (
    renja_2_1_program,
    renja_2_1_ringkasan,
    renja_2_2_kinerja_pelayanan,
    renja_3_3_program,
    renja_4_1_ringkasan,
)

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
