"""Reads of the staff roster on a reporting date: who counts, and the counts.

A pegawai counts on ``tanggal`` when they had started (``tmt`` on or before it, or unknown)
and had not left (``tanggal_keluar`` after it, or empty). Every function runs a fixed number of
queries whatever the roster's size: counts are grouped in the database.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db.models import Count, Q, QuerySet

from kepegawaian.models import (
    GOLONGAN_PNS,
    GOLONGAN_PPPK,
    URUTAN_PENDIDIKAN,
    JenisJabatan,
    JenisKelamin,
    Pegawai,
    Pendidikan,
    StatusPegawai,
)
from renja.models import Pemda, PerangkatDaerah

# The dimensions of the rekap, in the contract's order (contract.md §2), each with its
# categories in their natural order (a category nobody is in is still listed, with 0).
DIMENSI: dict[str, tuple[str, ...]] = {
    "golongan": (*GOLONGAN_PNS, *GOLONGAN_PPPK),
    "pendidikan": tuple(Pendidikan.values),
    "jenis_jabatan": tuple(JenisJabatan.values),
    "jenis_kelamin": tuple(JenisKelamin.values),
    "status": tuple(StatusPegawai.values),
}


def pegawai_aktif(
    *, pemda: Pemda, tanggal: date, unit_kerja: PerangkatDaerah | None = None
) -> QuerySet[Pegawai]:
    qs = Pegawai.objects.filter(pemda=pemda).filter(
        Q(tmt__isnull=True) | Q(tmt__lte=tanggal),
        Q(tanggal_keluar__isnull=True) | Q(tanggal_keluar__gt=tanggal),
    )
    if unit_kerja is not None:
        qs = qs.filter(unit_kerja=unit_kerja)
    return qs


@dataclass(frozen=True)
class BarisRekap:
    dimensi: str
    kategori: str
    jumlah: int


def rekap(
    *, pemda: Pemda, tanggal: date, unit_kerja: PerangkatDaerah | None = None
) -> tuple[list[BarisRekap], int]:
    """Counts per dimension and category on ``tanggal``, and the total: one query per dimension.

    PPPK golongan (I … XVII) are listed only when the roster has PPPK, so that a PNS-only
    roster does not print seventeen empty rows.
    """
    aktif = pegawai_aktif(pemda=pemda, tanggal=tanggal, unit_kerja=unit_kerja)
    hasil: list[BarisRekap] = []
    total = 0
    for dimensi, kategori in DIMENSI.items():
        hitung = {
            row[dimensi]: row["n"]
            for row in aktif.order_by().values(dimensi).annotate(n=Count("id"))
        }
        if dimensi == "status":
            total = sum(hitung.values())
        for k in kategori:
            if dimensi == "golongan" and k in GOLONGAN_PPPK and not hitung.get(k):
                continue
            hasil.append(BarisRekap(dimensi, k, hitung.get(k, 0)))
    return hasil, total


def persen_pendidikan_minimal(
    *,
    pemda: Pemda,
    tanggal: date,
    minimal: str = Pendidikan.D4,
    unit_kerja: PerangkatDaerah | None = None,
) -> tuple[int, int]:
    """(pegawai with ``minimal`` or higher education, all pegawai) on ``tanggal``.

    The share "ASN berkualifikasi D-IV/S1 ke atas" of BKPSDM's indicators; the caller turns it
    into a percentage with ``inti.rumus`` (no formula here).
    """
    cukup = [p for p, i in URUTAN_PENDIDIKAN.items() if i >= URUTAN_PENDIDIKAN[minimal]]
    aktif = pegawai_aktif(pemda=pemda, tanggal=tanggal, unit_kerja=unit_kerja)
    angka = aktif.aggregate(semua=Count("id"), cukup=Count("id", filter=Q(pendidikan__in=cukup)))
    return int(angka["cukup"]), int(angka["semua"])
