"""The outline of the complete documents: chapters, sections, where each table and each
generated narrative goes. Pure data; the renderer (``dokumen.render``) walks it.

A section's default text (``teks_baku``, Markdown) is what a new plan starts from; the
planner edits it per plan in the browser (``dokumen.models.NarasiBagian``, keyed by
``kunci``). The default texts are Markdown files under ``dokumen/teks/``, one per section,
named after its key: ``renja.2.1`` is ``teks/renja/2.1.md``, the kata pengantar
``teks/<jenis>/kata_pengantar.md``; each is read once, exactly as written. Default texts are formatted with ``str.format`` and these placeholders
(``PLACEHOLDER`` lists them; nothing else may appear in braces):

* ``{pemda}``: the regional government, e.g. ``Kota Batam``;
* ``{pd}``: the full name of the perangkat daerah *without* the pemda, e.g. ``Badan
  Kepegawaian dan Pengembangan Sumber Daya Manusia`` (the texts write ``{pd} {pemda}``);
* ``{pd_singkat}``: its short name, e.g. ``BKPSDM``;
* ``{tahun}``: the document year (Renja: the plan year n; LKj: the year reported);
* ``{tahun_lalu}``: ``tahun - 1``; ``{tahun_depan}``: ``tahun + 1``;
* ``{renstra_awal}``, ``{renstra_akhir}``: first and last year of the Renstra period;
* ``{tempat}``: the place printed before the date of the signature, e.g. ``Batam``.

Titles (``judul``) are printed as they are: they contain no placeholders. The signature block
(place, date, name, pangkat/golongan, NIP of the head of the PD) is the renderer's, after
``KATA_PENGANTAR`` and after the closing chapter.

The parts of a section are printed in the order given by ``Bagian.urutan``: by default the
text, then the generated narrative (``narasi``, names in ``dokumen.narasi.NARASI``), then the
tables (``tabel``); then its sub-sections. ``BAGIAN_AWAL`` holds sections printed after the
kata pengantar and before BAB I (the LKj's Ringkasan Eksekutif), ``LAMPIRAN`` the appendices
after the last chapter.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

TEKS = Path(__file__).resolve().parent / "teks"

PLACEHOLDER: frozenset[str] = frozenset(
    {
        "pemda",
        "pd",
        "pd_singkat",
        "tahun",
        "tahun_lalu",
        "tahun_depan",
        "renstra_awal",
        "renstra_akhir",
        "tempat",
    }
)

BAGIAN_BAGIAN: tuple[str, ...] = ("teks", "narasi", "tabel")


def _teks(kunci: str) -> str:
    """The default text of the section ``kunci`` (``renja.2.1`` → ``teks/renja/2.1.md``)."""
    jenis, _, nama = kunci.partition(".")
    with open(TEKS / jenis / f"{nama}.md", encoding="utf-8", newline="") as berkas:
        return berkas.read()


@dataclass(frozen=True)
class TabelDok:
    kode: str  # an evaluasi table: tc29, tc30, …, e81, pk, lkj_capaian …
    triwulan: int | None = None
    versi_sendiri: bool = False  # True: this table follows the document's versi (murni/perubahan)


@dataclass(frozen=True)
class Bagian:
    kunci: str  # stable key of the stored narrative, e.g. "renja.2.1"
    nomor: str  # printed number, e.g. "2.1" or "a." ("" for none)
    judul: str
    teks_baku: str = ""  # default Markdown text of the section
    narasi: tuple[str, ...] = ()  # generated narrative, names in dokumen.narasi.NARASI
    tabel: tuple[TabelDok, ...] = ()  # tables placed after the section's text
    sub: tuple[Bagian, ...] = field(default_factory=tuple)
    # Order of the section's own parts (a permutation of BAGIAN_BAGIAN); sub-sections follow.
    urutan: tuple[str, ...] = BAGIAN_BAGIAN


@dataclass(frozen=True)
class Bab:
    nomor: str  # "I" … "V"
    judul: str
    bagian: tuple[Bagian, ...]
    kunci: str = ""  # key of the chapter's opening text ("renja.4"); "" when it has none
    teks_baku: str = ""  # default Markdown text printed under the chapter title


# ---------------------------------------------------------------------------------------
# Kata pengantar
# ---------------------------------------------------------------------------------------

KATA_PENGANTAR: dict[str, str] = {
    "renja": _teks("renja.kata_pengantar"),
    "lkj": _teks("lkj.kata_pengantar"),
}


# ---------------------------------------------------------------------------------------
# Renja (Permendagri 86/2017; the outline of the Batam Renja 2024)
# ---------------------------------------------------------------------------------------


_RENJA = (
    Bab(
        "I",
        "PENDAHULUAN",
        (
            Bagian(
                "renja.1.1",
                "1.1",
                "Latar Belakang",
                _teks("renja.1.1"),
                sub=(
                    Bagian(
                        "renja.1.1.1",
                        "1.1.1",
                        "Pengertian Rencana Kerja Perangkat Daerah",
                        _teks("renja.1.1.1"),
                    ),
                    Bagian(
                        "renja.1.1.2",
                        "1.1.2",
                        "Proses Penyusunan Rencana Kerja Perangkat Daerah",
                        _teks("renja.1.1.2"),
                    ),
                    Bagian(
                        "renja.1.1.3",
                        "1.1.3",
                        "Keterkaitan Renja Perangkat Daerah dengan Dokumen Perencanaan Lainnya",
                        _teks("renja.1.1.3"),
                    ),
                ),
            ),
            Bagian("renja.1.2", "1.2", "Landasan Hukum", _teks("renja.1.2")),
            Bagian("renja.1.3", "1.3", "Maksud dan Tujuan", _teks("renja.1.3")),
            Bagian("renja.1.4", "1.4", "Sistematika Penulisan", _teks("renja.1.4")),
        ),
    ),
    Bab(
        "II",
        "HASIL EVALUASI RENCANA KERJA PERANGKAT DAERAH TAHUN LALU",
        (
            Bagian(
                "renja.2.1",
                "2.1",
                "Evaluasi Pelaksanaan Renja Perangkat Daerah Tahun Lalu dan Capaian Renstra "
                "Perangkat Daerah",
                _teks("renja.2.1"),
                narasi=("renja_2_1_ringkasan",),
                tabel=(TabelDok("tc29"),),
                sub=(
                    Bagian(
                        "renja.2.1.a",
                        "a.",
                        "Faktor-Faktor Penyebab Tidak Tercapainya, Terpenuhinya atau "
                        "Terlampauinya Target Kinerja Program dan Kegiatan",
                        _teks("renja.2.1.a"),
                        narasi=("renja_2_1_program",),
                        urutan=("narasi", "teks", "tabel"),
                    ),
                    Bagian(
                        "renja.2.1.b",
                        "b.",
                        "Implikasi yang Timbul terhadap Pencapaian Program Renstra Perangkat "
                        "Daerah",
                        _teks("renja.2.1.b"),
                    ),
                    Bagian(
                        "renja.2.1.c",
                        "c.",
                        "Kebijakan/Tindakan Perencanaan dan Penganggaran yang Perlu Diambil",
                        _teks("renja.2.1.c"),
                    ),
                ),
            ),
            Bagian(
                "renja.2.2",
                "2.2",
                "Analisis Kinerja Pelayanan Perangkat Daerah",
                _teks("renja.2.2"),
                narasi=("renja_2_2_kinerja_pelayanan",),
                tabel=(TabelDok("tc30"),),
                urutan=("teks", "tabel", "narasi"),
            ),
            Bagian(
                "renja.2.3",
                "2.3",
                "Isu-Isu Penting Penyelenggaraan Tugas dan Fungsi Perangkat Daerah",
                _teks("renja.2.3"),
                sub=(
                    Bagian(
                        "renja.2.3.1",
                        "2.3.1",
                        "Tingkat Kinerja Perangkat Daerah",
                        _teks("renja.2.3.1"),
                    ),
                    Bagian(
                        "renja.2.3.2", "2.3.2", "Permasalahan dan Hambatan", _teks("renja.2.3.2")
                    ),
                    Bagian("renja.2.3.3", "2.3.3", "Peluang dan Tantangan", _teks("renja.2.3.3")),
                    Bagian(
                        "renja.2.3.4",
                        "2.3.4",
                        "Isu-Isu Penting/Strategis Pelayanan Perangkat Daerah",
                        _teks("renja.2.3.4"),
                    ),
                ),
            ),
            Bagian(
                "renja.2.4",
                "2.4",
                "Reviu terhadap Rancangan Awal RKPD",
                _teks("renja.2.4"),
                tabel=(TabelDok("tc31"),),
            ),
            Bagian(
                "renja.2.5",
                "2.5",
                "Penelaahan Usulan Program dan Kegiatan Masyarakat",
                _teks("renja.2.5"),
                tabel=(TabelDok("tc32"),),
            ),
        ),
        kunci="renja.2",
        teks_baku=_teks("renja.2"),
    ),
    Bab(
        "III",
        "TUJUAN DAN SASARAN PERANGKAT DAERAH",
        (
            Bagian("renja.3.1", "3.1", "Telaahan terhadap Kebijakan Nasional", _teks("renja.3.1")),
            Bagian(
                "renja.3.2",
                "3.2",
                "Tujuan dan Sasaran Renja Perangkat Daerah",
                _teks("renja.3.2"),
                sub=(
                    Bagian("renja.3.2.1", "3.2.1", "Tujuan", _teks("renja.3.2.1")),
                    Bagian("renja.3.2.2", "3.2.2", "Sasaran", _teks("renja.3.2.2")),
                ),
            ),
            Bagian(
                "renja.3.3",
                "3.3",
                "Program dan Kegiatan",
                _teks("renja.3.3"),
                narasi=("renja_3_3_program",),
                tabel=(TabelDok("tc33"),),
            ),
        ),
    ),
    Bab(
        "IV",
        "RENCANA KERJA DAN PENDANAAN PERANGKAT DAERAH",
        (
            Bagian(
                "renja.4.1",
                "4.1",
                "Program dan Kegiatan Perangkat Daerah",
                _teks("renja.4.1"),
                narasi=("renja_4_1_ringkasan",),
                tabel=(TabelDok("t41"),),
            ),
            Bagian(
                "renja.4.2",
                "4.2",
                "Prioritas Perangkat Daerah yang Mendukung Prioritas Daerah",
                _teks("renja.4.2"),
            ),
            Bagian("renja.4.3", "4.3", "Prioritas Perangkat Daerah", _teks("renja.4.3")),
        ),
        kunci="renja.4",
        teks_baku=_teks("renja.4"),
    ),
    Bab(
        "V",
        "PENUTUP",
        (
            Bagian("renja.5.1", "5.1", "Kaidah Pelaksanaan", _teks("renja.5.1")),
            Bagian("renja.5.2", "5.2", "Rencana Tindak Lanjut", _teks("renja.5.2")),
        ),
    ),
)


# ---------------------------------------------------------------------------------------
# LKj (PermenPAN-RB 53/2014; the outline of the Dumai LKj 2023)
# ---------------------------------------------------------------------------------------


_LKJ = (
    Bab(
        "I",
        "PENDAHULUAN",
        (
            Bagian("lkj.1.1", "1.1", "Latar Belakang", _teks("lkj.1.1")),
            Bagian("lkj.1.2", "1.2", "Kedudukan, Tugas Pokok dan Fungsi", _teks("lkj.1.2")),
            Bagian("lkj.1.3", "1.3", "Maksud dan Tujuan", _teks("lkj.1.3")),
            Bagian("lkj.1.4", "1.4", "Isu Strategis", _teks("lkj.1.4")),
            Bagian("lkj.1.5", "1.5", "Cascading Kinerja", _teks("lkj.1.5")),
            Bagian("lkj.1.6", "1.6", "Peta Proses Bisnis", _teks("lkj.1.6")),
            Bagian(
                "lkj.1.7",
                "1.7",
                "Tindak Lanjut atas Hasil Evaluasi Akuntabilitas Kinerja",
                _teks("lkj.1.7"),
            ),
        ),
    ),
    Bab(
        "II",
        "PERENCANAAN KINERJA",
        (
            Bagian("lkj.2.1", "2.1", "Rencana Strategis", _teks("lkj.2.1")),
            Bagian("lkj.2.2", "2.2", "Tujuan dan Sasaran", _teks("lkj.2.2")),
            Bagian("lkj.2.3", "2.3", "Kebijakan, Strategi dan Program", _teks("lkj.2.3")),
            Bagian(
                "lkj.2.4",
                "2.4",
                "Perjanjian Kinerja",
                _teks("lkj.2.4"),
                narasi=("lkj_perjanjian_kinerja",),
                tabel=(TabelDok("pk"),),
                urutan=("teks", "tabel", "narasi"),
            ),
        ),
    ),
    Bab(
        "III",
        "AKUNTABILITAS KINERJA",
        (
            Bagian(
                "lkj.3.1",
                "3.1",
                "Capaian Kinerja Berdasarkan Target dan Realisasi",
                _teks("lkj.3.1"),
                narasi=("lkj_analisis_iku",),
                tabel=(TabelDok("lkj_capaian"),),
                urutan=("teks", "tabel", "narasi"),
            ),
            Bagian(
                "lkj.3.2",
                "3.2",
                "Perbandingan Realisasi Kinerja dengan Tahun Sebelumnya",
                _teks("lkj.3.2"),
                narasi=("lkj_perbandingan_tahun_lalu",),
            ),
            Bagian(
                "lkj.3.3",
                "3.3",
                "Perbandingan Realisasi Kinerja sampai dengan Akhir Periode Renstra",
                _teks("lkj.3.3"),
                narasi=("lkj_kemajuan_renstra",),
            ),
            Bagian(
                "lkj.3.4",
                "3.4",
                "Perbandingan Realisasi Kinerja dengan Target Nasional",
                _teks("lkj.3.4"),
            ),
            Bagian(
                "lkj.3.5",
                "3.5",
                "Akuntabilitas Keuangan",
                _teks("lkj.3.5"),
                narasi=("lkj_akuntabilitas_keuangan",),
            ),
            Bagian(
                "lkj.3.6",
                "3.6",
                "Pencapaian Kinerja dan Anggaran",
                _teks("lkj.3.6"),
                narasi=("lkj_kinerja_anggaran",),
                tabel=(TabelDok("lkj_anggaran"),),
                urutan=("teks", "tabel", "narasi"),
            ),
            Bagian(
                "lkj.3.7",
                "3.7",
                "Efisiensi Penggunaan Sumber Daya",
                _teks("lkj.3.7"),
                narasi=("lkj_efisiensi",),
                tabel=(TabelDok("lkj_efisiensi"),),
                urutan=("teks", "tabel", "narasi"),
            ),
            Bagian("lkj.3.8", "3.8", "Prestasi dan Penghargaan", _teks("lkj.3.8")),
        ),
        kunci="lkj.3",
        teks_baku=_teks("lkj.3"),
    ),
    Bab(
        "IV",
        "PENUTUP",
        (
            Bagian(
                "lkj.4.1",
                "4.1",
                "Kesimpulan",
                _teks("lkj.4.1"),
                narasi=("lkj_ringkasan_iku", "lkj_kesimpulan"),
            ),
            Bagian("lkj.4.2", "4.2", "Langkah Perbaikan dan Saran", _teks("lkj.4.2")),
        ),
        kunci="lkj.4",
        teks_baku=_teks("lkj.4"),
    ),
)


KERANGKA: dict[str, tuple[Bab, ...]] = {"renja": _RENJA, "lkj": _LKJ}


# ---------------------------------------------------------------------------------------
# Renja Perubahan: the murni outline with a chapter on the revision before the PENUTUP
# (Kota Banjarbaru, Renja Perubahan 2024: BAB V "Rencana Program dan Kegiatan dalam Perubahan
# Rencana Kerja" with Tabel 5.1–5.3, BAB VI Penutup).
# ---------------------------------------------------------------------------------------


_BAB_PERUBAHAN = Bab(
    "V",
    "RENCANA PROGRAM DAN KEGIATAN DALAM PERUBAHAN RENCANA KERJA",
    (
        Bagian(
            "renja.p.5.1",
            "5.1",
            "Rekapitulasi Perubahan Pagu Program, Kegiatan dan Sub Kegiatan",
            _teks("renja.p.5.1"),
            tabel=(TabelDok("perubahan_pagu"),),
        ),
        Bagian(
            "renja.p.5.2",
            "5.2",
            "Penambahan Anggaran",
            _teks("renja.p.5.2"),
            tabel=(TabelDok("t52"),),
        ),
        Bagian(
            "renja.p.5.3",
            "5.3",
            "Pergeseran Anggaran",
            _teks("renja.p.5.3"),
            tabel=(TabelDok("t53"),),
        ),
    ),
    kunci="renja.p.5",
    teks_baku=_teks("renja.p.5"),
)


def _bab_bernomor(bab: Bab, nomor: str, awalan: str) -> Bab:
    """The chapter under another number; its sections keep their keys (and stored texts)."""

    def ulang(b: Bagian) -> Bagian:
        lama = b.nomor.split(".", 1)
        baru = f"{awalan}.{lama[1]}" if len(lama) == 2 else b.nomor
        return replace(b, nomor=baru, sub=tuple(ulang(s) for s in b.sub))

    return replace(bab, nomor=nomor, bagian=tuple(ulang(b) for b in bab.bagian))


def kerangka(jenis: str, versi: str = "murni") -> tuple[Bab, ...]:
    """The chapters of a document kind in a version: a Renja Perubahan adds its own chapter."""
    if jenis == "renja" and versi == "perubahan":
        *isi, penutup = KERANGKA["renja"]
        return (*isi, _BAB_PERUBAHAN, _bab_bernomor(penutup, "VI", "6"))
    return KERANGKA[jenis]


BAGIAN_AWAL: dict[str, tuple[Bagian, ...]] = {
    "renja": (),
    "lkj": (
        Bagian(
            "lkj.ringkasan",
            "",
            "Ringkasan Eksekutif",
            _teks("lkj.ringkasan"),
            narasi=("lkj_kesimpulan", "lkj_akuntabilitas_keuangan", "lkj_efisiensi"),
        ),
    ),
}

# Appendices. The LKj of Kota Dumai appends the Perjanjian Kinerja and the year's evaluation
# of the Renja results per program, kegiatan and sub kegiatan with quarterly realisation
# (a Formulir E.81 of triwulan IV).
LAMPIRAN: dict[str, tuple[Bagian, ...]] = {
    "renja": (),
    "lkj": (
        Bagian(
            "lkj.lampiran.1",
            "Lampiran 1",
            "Perjanjian Kinerja",
            tabel=(TabelDok("pk"),),
        ),
        Bagian(
            "lkj.lampiran.2",
            "Lampiran 2",
            "Evaluasi Hasil Pelaksanaan Program, Kegiatan dan Sub Kegiatan",
            narasi=("lkj_e81_ringkasan",),
            tabel=(TabelDok("e81", triwulan=4, versi_sendiri=True),),
            urutan=("tabel", "narasi", "teks"),
        ),
    ),
}


def semua_bagian(jenis: str, versi: str = "murni") -> list[Bagian]:
    """Every section of a document kind, depth-first in print order (front matter, chapters,
    appendices)."""
    hasil: list[Bagian] = []

    def jalan(bagian: tuple[Bagian, ...]) -> None:
        for b in bagian:
            hasil.append(b)
            jalan(b.sub)

    jalan(BAGIAN_AWAL.get(jenis, ()))
    for bab in kerangka(jenis, versi):
        jalan(bab.bagian)
    jalan(LAMPIRAN.get(jenis, ()))
    return hasil
