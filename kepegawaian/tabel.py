"""The rekap of the roster as an engine table (``inti.tabel.Tabel``), so that the one
exporter interface writes it to CSV (``dimensi,kategori,jumlah`` and ``total,,N``, contract.md
§2), Excel and PDF like every other table."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from inti.parsing import tanggal_indonesia
from inti.tabel import Baris, Kolom, Tabel
from kepegawaian import selectors
from kepegawaian.models import JenisJabatan, JenisKelamin, Pendidikan
from renja.models import Pemda, PerangkatDaerah

JUDUL_DIMENSI = {
    "golongan": "Golongan/ruang",
    "pendidikan": "Pendidikan terakhir",
    "jenis_jabatan": "Jenis jabatan",
    "jenis_kelamin": "Jenis kelamin",
    "status": "Status kepegawaian",
}
_LABEL = {
    "pendidikan": dict(Pendidikan.choices),
    "jenis_jabatan": dict(JenisJabatan.choices),
    "jenis_kelamin": dict(JenisKelamin.choices),
}


def rekap_pegawai(
    *, pemda: Pemda, tanggal: date, unit_kerja: PerangkatDaerah | None = None
) -> Tabel:
    """Counts by golongan, pendidikan, jenis jabatan, gender and status on ``tanggal``.

    Rows: ``kode`` = the dimension, ``uraian`` = the category as stored (the CSV's values),
    ``indikator`` = its label for people; the total is the footer row ``total``.
    """
    baris_rekap, total = selectors.rekap(pemda=pemda, tanggal=tanggal, unit_kerja=unit_kerja)
    baris = [
        Baris(
            kode=b.dimensi,
            uraian=b.kategori,
            level="kategori",
            indikator=_LABEL.get(b.dimensi, {}).get(b.kategori, b.kategori),
            nilai={"jumlah": Decimal(b.jumlah)},
        )
        for b in baris_rekap
    ]
    lingkup = f"{unit_kerja.nama} ({unit_kerja.kode})" if unit_kerja else pemda.nama
    return Tabel(
        kode="rekap_pegawai",
        judul=f"Rekapitulasi Pegawai {lingkup} per {tanggal_indonesia(tanggal, hari=True)}",
        kolom=[Kolom("jumlah", "4", "Jumlah pegawai")],
        baris=baris,
        kaki=[Baris(kode="total", uraian="", level="kaki", nilai={"jumlah": Decimal(total)})],
        catatan=[
            "Pegawai dihitung bila TMT-nya tidak setelah tanggal rekap dan belum keluar pada "
            "tanggal itu. Setiap dimensi berjumlah sama dengan total.",
        ],
        tahun=tanggal.year,
        awal_csv=(("dimensi", "kode"), ("kategori", "uraian")),
    )
