"""The plan tables the engine builds, as entries of the kernel's catalogue (``inti.katalog``).

Registered by ``EvaluasiConfig.ready``; the order is the document order the pages list.
"""

from __future__ import annotations

from evaluasi import tabel, tabel_lkj, tabel_perubahan
from inti.katalog import JenisTabel

TABEL_RENCANA: tuple[JenisTabel, ...] = (
    JenisTabel(
        "tc29",
        "T-C.29",
        "Rekapitulasi evaluasi hasil pelaksanaan Renja dan pencapaian Renstra s/d tahun n-1",
        tabel.tc29,
        mundur_tahun=2,  # evaluates N-2 against the Renstra that contains N-2
    ),
    JenisTabel("tc30", "T-C.30", "Pencapaian kinerja pelayanan", tabel.tc30),
    JenisTabel("tc31", "T-C.31", "Review terhadap rancangan awal RKPD", tabel.tc31),
    JenisTabel(
        "tc32", "T-C.32", "Usulan program dan kegiatan dari para pemangku kepentingan", tabel.tc32
    ),
    JenisTabel(
        "tc33",
        "T-C.33",
        "Rumusan rencana program dan kegiatan tahun n dan prakiraan maju n+1",
        tabel.tc33,
    ),
    JenisTabel("t41", "Tabel 4.1", "Program dan kegiatan perangkat daerah tahun n", tabel.t41),
    JenisTabel(
        "e81", "E.81", "Evaluasi terhadap hasil Renja, per triwulan", tabel.e81, butuh_triwulan=True
    ),
    JenisTabel("pk", "PK", "Perjanjian Kinerja (awal dan perubahan)", tabel_lkj.pk),
    JenisTabel("lkj_capaian", "LKj", "Capaian indikator kinerja utama", tabel_lkj.lkj_capaian),
    JenisTabel("lkj_anggaran", "LKj", "Kinerja dan anggaran per program", tabel_lkj.lkj_anggaran),
    JenisTabel("lkj_efisiensi", "LKj", "Efisiensi penggunaan sumber daya", tabel_lkj.lkj_efisiensi),
    JenisTabel(
        "t52",
        "Tabel 5.2",
        "Penambahan pagu anggaran (Renja Perubahan)",
        tabel_perubahan.t52,
    ),
    JenisTabel(
        "t53",
        "Tabel 5.3",
        "Pergeseran pagu anggaran (Renja Perubahan)",
        tabel_perubahan.t53,
    ),
    JenisTabel(
        "perubahan_pagu",
        "Perubahan",
        "Rekapitulasi perubahan pagu per sub kegiatan",
        tabel_perubahan.perubahan_pagu,
    ),
)

# The Renja Perubahan's own tables (its page and BAB V).
TABEL_PERUBAHAN = ("t52", "t53", "perubahan_pagu")
