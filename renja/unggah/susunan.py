"""The Excel round trip's vocabulary: limits, the template kinds, a change, a preview."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from decimal import Decimal
from typing import Any

from openpyxl.styles import PatternFill

from inti.berkas import Masalah
from inti.parsing import format_angka
from renja.models import (
    Jenis,
)
from renja.nilai.services import JALUR_EXCEL

ALASAN = JALUR_EXCEL
BATAS_UKURAN = 5 * 1024 * 1024  # bytes of the uploaded file
BATAS_UKURAN_ISI = 50 * 1024 * 1024  # uncompressed bytes of every archive member together
BATAS_RASIO = 200  # uncompressed / compressed size of one member
BATAS_ANGGOTA = 500  # archive members
BATAS_BARIS = 20_000  # sheet rows
BATAS_KOLOM = 30  # columns read per row
BATAS_DIGIT = 16  # digits before the decimal mark (Nilai.angka: 20 digits, 4 decimals)
SESI_KUNCI = "unggah_pratinjau"
SESI_MAKS = 5  # previews kept per session

PENANDA = "SAKIP-UNGGAH v1"
BARIS_JUDUL = 6  # header row; instructions above it
KOLOM = ("kunci", "Kode", "Uraian", "Indikator", "Satuan")
KOL_K = 6  # F: indicator value (target / realisasi K)
KOL_RP = 7  # G: sub kegiatan budget (pagu / realisasi Rp)
TEMPLAT_SAH = ("rencana", "tw1", "tw2", "tw3", "tw4", "perubahan")
KUNCI_RE = re.compile(r"^([IN])(\d{1,12})$")
TEKS_KUALITATIF_RE = re.compile(r"^[^\d]+$")

ABU = PatternFill("solid", fgColor="E4E8EC")
KUNING = PatternFill("solid", fgColor="FFF6CC")
JUDUL = PatternFill("solid", fgColor="0B4F6C")


class UnggahanDitolak(Exception):
    """The upload is refused as a whole; ``masalah`` says where and why."""

    def __init__(self, masalah: Iterable[Masalah]) -> None:
        self.masalah = sorted(set(masalah), key=lambda m: (m.file, m.baris, m.kolom, m.pesan))
        super().__init__(f"{len(self.masalah)} masalah; tidak ada yang diubah")


@dataclass(frozen=True)
class Templat:
    """Which values a template carries: the plan of a year (murni or after the Perubahan) or
    one quarter's realisations."""

    kode: str  # "rencana", "perubahan" or "tw1".."tw4"
    tahun: int

    @property
    def triwulan(self) -> int:
        return int(self.kode[2]) if self.kode.startswith("tw") else 0

    @property
    def jenis_k(self) -> str:
        return {"rencana": Jenis.TARGET, "perubahan": Jenis.TARGET_PERUBAHAN}.get(
            self.kode, Jenis.REALISASI
        )

    @property
    def jenis_rp(self) -> str:
        return {"rencana": Jenis.PAGU, "perubahan": Jenis.PAGU_PERUBAHAN}.get(
            self.kode, Jenis.REALISASI_ANGGARAN
        )

    @property
    def judul_k(self) -> str:
        if self.kode == "rencana":
            return f"Target {self.tahun}"
        if self.kode == "perubahan":
            return f"Target perubahan {self.tahun}"
        return f"Realisasi K TW {self.triwulan} {self.tahun}"

    @property
    def judul_rp(self) -> str:
        if self.kode == "rencana":
            return f"Pagu {self.tahun} (Rp)"
        if self.kode == "perubahan":
            return f"Pagu perubahan {self.tahun} (Rp)"
        return f"Realisasi Rp TW {self.triwulan} {self.tahun}"

    @property
    def label(self) -> str:
        if self.kode == "rencana":
            return f"Rencana {self.tahun} (target dan pagu)"
        if self.kode == "perubahan":
            return f"Renja Perubahan {self.tahun} (target dan pagu setelah perubahan)"
        return f"Realisasi triwulan {self.triwulan} tahun {self.tahun}"


def templat_dari(kode: str, tahun: int) -> Templat:
    if kode not in TEMPLAT_SAH:
        raise ValueError(f"templat {kode!r} tidak dikenal")
    return Templat(kode=kode, tahun=tahun)


@dataclass
class Perubahan:
    """One filled cell of an upload and what is stored now (JSON-safe for the session)."""

    baris: int
    kolom: str
    pemilik: str  # "i" (indikator) or "n" (node)
    pemilik_id: int
    jenis: str
    triwulan: int
    kode: str
    nama: str  # indicator name or node uraian, for the preview
    angka: str | None  # Decimal as text
    teks: str
    satuan: str
    lama_angka: str | None
    lama_teks: str
    lama_revisi: int | None  # None: no value stored yet

    @property
    def baru(self) -> bool:
        return self.lama_revisi is None

    @property
    def tampil_lama(self) -> str:
        if self.lama_revisi is None:
            return "–"
        return tampil(self.lama_angka, self.lama_teks)

    @property
    def tampil_baru(self) -> str:
        return tampil(self.angka, self.teks)


@dataclass
class Pratinjau:
    pd_id: int
    tahun: int
    templat: str
    nama_berkas: str
    perubahan: list[Perubahan] = field(default_factory=list)
    sama: int = 0
    token: str = ""

    @property
    def jumlah_baru(self) -> int:
        return sum(1 for p in self.perubahan if p.baru)

    @property
    def jumlah_berubah(self) -> int:
        return sum(1 for p in self.perubahan if not p.baru)

    def ke_sesi(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def dari_sesi(cls, data: dict[str, Any]) -> Pratinjau:
        data = dict(data)
        data["perubahan"] = [Perubahan(**p) for p in data["perubahan"]]
        return cls(**data)


@dataclass
class HasilUnggah:
    baru: int = 0
    berubah: int = 0
    sama: int = 0

    def ringkasan(self) -> str:
        return f"{self.baru} nilai baru, {self.berubah} nilai berubah, {self.sama} sama."


def tampil(angka: str | Decimal | None, teks: str = "") -> str:
    """A stored value the Indonesian way: ``1.234.567,5``; text as is."""
    if angka is None or angka == "":
        return teks or "–"
    d = Decimal(angka).normalize()
    desimal = max(0, -int(d.as_tuple().exponent))
    return format_angka(d, min(desimal, 4))


def tolak(nama: str, pesan: str, baris: int = 0, kolom: str = "-") -> UnggahanDitolak:
    return UnggahanDitolak([Masalah(nama, baris, kolom, pesan)])
