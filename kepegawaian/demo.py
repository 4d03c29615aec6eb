"""A generated staff roster for the demo (no real roster may be used: domain.md §7).

Deterministic (seeded), in the import format of contract.md §5, so that ``seed_demo`` loads it
through the same importer a BKPSDM uses. The shares are plausible for a city's civil service:
mostly golongan III, a majority with D-IV/S1, PNS with some PPPK.
"""

from __future__ import annotations

import random
from datetime import date

from kepegawaian.models import GOLONGAN_PNS, GOLONGAN_PPPK

KOLOM = (
    "nip", "nama", "status", "golongan", "jenis_jabatan", "jabatan", "pendidikan",
    "unit_kerja", "tanggal_lahir", "jenis_kelamin",
)  # fmt: skip

_NAMA_DEPAN_L = [
    "Agus",
    "Budi",
    "Dedi",
    "Eko",
    "Fajar",
    "Hendra",
    "Irwan",
    "Joko",
    "Rudi",
    "Slamet",
    "Taufik",
    "Yusuf",
]
_NAMA_DEPAN_P = [
    "Ani",
    "Dewi",
    "Fitri",
    "Indah",
    "Lestari",
    "Maya",
    "Nur",
    "Rina",
    "Sari",
    "Siti",
    "Wulan",
    "Yuni",
]
_NAMA_BELAKANG = [
    "Santoso",
    "Wijaya",
    "Lubis",
    "Siregar",
    "Nasution",
    "Hidayat",
    "Saputra",
    "Pratama",
    "Utami",
    "Rahayu",
]
_JABATAN = {
    "jpt": "Kepala Badan",
    "administrator": "Sekretaris",
    "pengawas": "Kepala Subbagian",
    "fungsional": "Analis SDM Aparatur",
    "pelaksana": "Pengelola Kepegawaian",
}


def _pilih(acak: random.Random, bobot: dict[str, float]) -> str:
    return acak.choices(list(bobot), weights=list(bobot.values()))[0]


def roster_demo(
    *, unit_kerja: tuple[str, ...], jumlah: int = 240, benih: int = 2024
) -> list[dict[str, str]]:
    """``jumlah`` pegawai spread over ``unit_kerja`` (agency codes), with valid NIPs."""
    acak = random.Random(benih)
    baris: list[dict[str, str]] = []
    urutan: dict[str, int] = {}
    for i in range(jumlah):
        pppk = acak.random() < 0.15
        lahir = date(acak.randint(1966, 1999), acak.randint(1, 12), acak.randint(1, 28))
        mulai = date(
            min(lahir.year + acak.randint(22, 35), 2023 if pppk else 2022), acak.randint(1, 12), 1
        )
        kelamin = "L" if acak.random() < 0.52 else "P"
        awal = f"{lahir:%Y%m%d}{mulai:%Y%m}{1 if kelamin == 'L' else 2}"
        urutan[awal] = urutan.get(awal, 0) + 1
        nip = f"{awal}{urutan[awal]:03d}"
        pendidikan = _pilih(acak, {"SMA": 20, "D3": 10, "D4": 8, "S1": 47, "S2": 13, "S3": 2})
        jenis_jabatan = (
            _pilih(acak, {"fungsional": 60, "pelaksana": 40})
            if pppk
            else _pilih(
                acak,
                {"pelaksana": 42, "fungsional": 36, "pengawas": 13, "administrator": 7, "jpt": 2},
            )
        )
        if pppk:
            golongan = _pilih(
                acak,
                {g: w for g, w in zip(GOLONGAN_PPPK[4:11], (2, 3, 4, 6, 8, 10, 6), strict=True)},
            )
        else:
            ruang = {"SMA": "II", "D3": "II", "D4": "III", "S1": "III", "S2": "III", "S3": "IV"}[
                pendidikan
            ]
            if jenis_jabatan in ("administrator", "jpt"):
                ruang = "IV"
            golongan = acak.choice([g for g in GOLONGAN_PNS if g.split("/")[0] == ruang])
        depan = acak.choice(_NAMA_DEPAN_L if kelamin == "L" else _NAMA_DEPAN_P)
        baris.append(
            {
                "nip": nip,
                "nama": f"{depan} {acak.choice(_NAMA_BELAKANG)}",
                "status": "PPPK" if pppk else "PNS",
                "golongan": golongan,
                "jenis_jabatan": jenis_jabatan,
                "jabatan": _JABATAN[jenis_jabatan],
                "pendidikan": pendidikan,
                "unit_kerja": unit_kerja[i % len(unit_kerja)],
                "tanggal_lahir": lahir.isoformat(),
                "jenis_kelamin": kelamin,
            }
        )
    return baris
