"""The importer's data: columns, one validated row (``Baris``), the result, the apply context."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from django.contrib.auth.models import AbstractBaseUser

from inti.berkas import Masalah
from inti.parsing import Kode
from renja.models import Akumulasi, Jenis, Polaritas
from renja.nilai.services import jalur_impor

KOLOM_WAJIB = ("pemda", "opd", "kode", "uraian", "tahun", "jenis", "nilai")
KOLOM_OPSIONAL = ("indikator", "satuan", "polaritas", "akumulasi", "periode", "sasaran")
KOLOM_SEMUA = KOLOM_WAJIB + KOLOM_OPSIONAL

# File kind -> (stored kind, triwulan). Quarters are one kind with triwulan 1-4.
JENIS_FILE: dict[str, tuple[str, int]] = {j: (j, 0) for j in Jenis.values}
for _q in range(1, 5):
    JENIS_FILE[f"realisasi_tw{_q}"] = (Jenis.REALISASI, _q)
    JENIS_FILE[f"realisasi_anggaran_tw{_q}"] = (Jenis.REALISASI_ANGGARAN, _q)

# Choices' ``.values`` builds a new list on every access; validation runs per row.
POLARITAS_SAH = frozenset(Polaritas.values)
AKUMULASI_SAH = frozenset(Akumulasi.values)
PERIODE_RE = re.compile(r"^\s*(\d{4})\s*[-–/]\s*(\d{4})\s*$")
TEKS_KUALITATIF_RE = re.compile(r"^[^\d]+$")
# The column a refusal of the value writer is reported in.
KOLOM_PENOLAKAN = {
    "level": "jenis",
    "perubahan_belum_ada": "jenis",
    "terkunci": "jenis",
    "tahun": "tahun",
    "berubah": "nilai",
}


@dataclass
class Baris:
    """One validated row."""

    file: str
    nomor: int
    pemda: str
    opd: str
    kode: Kode
    uraian: str
    indikator: str
    satuan: str
    polaritas: str  # "" = not given
    akumulasi: str  # "" = not given
    periode: tuple[int, int] | None
    sasaran: str
    tahun: int
    jenis: str
    triwulan: int
    angka: Decimal | None
    teks: str
    satuan_nilai: str
    tercetak: bool  # declared/printed figure: kept for checking only
    desimal: int | None = None  # decimals as printed in a text cell (for comparisons)

    @property
    def lokasi(self) -> str:
        return f"{self.file}:{self.nomor}"

    @property
    def kunci_pd(self) -> tuple[str, str]:
        return (self.pemda, self.opd)

    @property
    def khusus(self) -> bool:
        return self.kode.level in ("tujuan", "sasaran")


@dataclass
class HasilImpor:
    baris: int = 0
    node_baru: int = 0
    indikator_baru: int = 0
    indikator_berubah: int = 0
    nilai_baru: int = 0
    nilai_berubah: int = 0
    nilai_sama: int = 0
    tercetak_baru: int = 0
    tercetak_berubah: int = 0
    nomenklatur_lokal_baru: int = 0
    renja_baru: int = 0
    files: list[str] = field(default_factory=list)

    @property
    def rencana_berubah(self) -> bool:
        """Anything of the plan beside its values changed."""
        return any(
            (
                self.node_baru,
                self.indikator_baru,
                self.indikator_berubah,
                self.tercetak_baru,
                self.tercetak_berubah,
                self.nomenklatur_lokal_baru,
                self.renja_baru,
            )
        )

    @property
    def ada_perubahan(self) -> bool:
        return self.rencana_berubah or bool(self.nilai_baru or self.nilai_berubah)

    def ringkasan(self) -> str:
        return (
            f"{self.baris} baris dari {len(self.files)} berkas: "
            f"{self.nilai_baru} nilai baru, {self.nilai_berubah} berubah, "
            f"{self.nilai_sama} sama; {self.node_baru} node baru, "
            f"{self.indikator_baru} indikator baru, {self.indikator_berubah} indikator berubah; "
            f"{self.tercetak_baru + self.tercetak_berubah} angka tercetak untuk pemeriksaan; "
            f"{self.nomenklatur_lokal_baru} kode lokal baru; {self.renja_baru} Renja baru."
        )


class Konteks:
    """What every apply step shares: the rows, who imports, the running result, the problems."""

    def __init__(
        self, semua: list[Baris], oleh: AbstractBaseUser | None, hasil: HasilImpor
    ) -> None:
        self.semua = semua
        self.oleh = oleh
        self.hasil = hasil
        self.masalah: list[Masalah] = []
        self.pd_ids: list[int] = []
        self.alasan = jalur_impor([Path(b.file).name for b in semua])

    def salah(self, b: Baris, kolom: str, pesan: str) -> None:
        self.masalah.append(Masalah(b.file, b.nomor, kolom, pesan))
