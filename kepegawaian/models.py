"""The staff roster of a pemda (domain.md §7, contract.md §5).

One ``Pegawai`` per civil servant (PNS) or contract civil servant (PPPK), keyed by NIP within
the pemda. The PNS NIP encodes the birth date, the TMT CPNS month and the gender
(``kepegawaian.nip``); the importer derives and cross-checks those, so the stored fields are
consistent with the number. Counts and the indicators computed from the roster
(``kepegawaian.selectors``) look at the roster on a reporting date: who had started (``tmt``)
and had not yet left (``tanggal_keluar``).

Personal data (NIP, birth date) is shown only to roles that need it (admin, the BKPSDM).
"""

from __future__ import annotations

from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from renja.models import Pemda, PerangkatDaerah

nip_18_digit = RegexValidator(r"^\d{18}$", "NIP harus 18 digit angka.")


class StatusPegawai(models.TextChoices):
    PNS = "PNS", "PNS"
    PPPK = "PPPK", "PPPK"


class JenisJabatan(models.TextChoices):
    JPT = "jpt", "Jabatan pimpinan tinggi"
    ADMINISTRATOR = "administrator", "Administrator"
    PENGAWAS = "pengawas", "Pengawas"
    FUNGSIONAL = "fungsional", "Fungsional"
    PELAKSANA = "pelaksana", "Pelaksana"


class Pendidikan(models.TextChoices):
    SD = "SD", "SD"
    SMP = "SMP", "SMP"
    SMA = "SMA", "SMA/sederajat"
    D1 = "D1", "D-I"
    D2 = "D2", "D-II"
    D3 = "D3", "D-III"
    D4 = "D4", "D-IV"
    S1 = "S1", "S-1"
    S2 = "S2", "S-2"
    S3 = "S3", "S-3"


# Order of the education levels, lowest first ("D-IV/S1 or higher" compares by it).
URUTAN_PENDIDIKAN = {p: i for i, p in enumerate(Pendidikan.values)}


class JenisKelamin(models.TextChoices):
    LAKI_LAKI = "L", "Laki-laki"
    PEREMPUAN = "P", "Perempuan"


# PNS: I/a … IV/e; PPPK: I … XVII (Perpres 98/2020).
GOLONGAN_PNS = (*(f"{g}/{r}" for g in ("I", "II", "III", "IV") for r in "abcd"), "IV/e")
GOLONGAN_PPPK = (
    "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X",
    "XI", "XII", "XIII", "XIV", "XV", "XVI", "XVII",
)  # fmt: skip


class Pegawai(models.Model):
    pemda = models.ForeignKey(Pemda, on_delete=models.PROTECT, related_name="pegawai")
    nip = models.CharField("NIP", max_length=18, validators=[nip_18_digit])
    nama = models.CharField(max_length=200)
    status = models.CharField(max_length=4, choices=StatusPegawai.choices)
    golongan = models.CharField(max_length=5, help_text="PNS: I/a … IV/e; PPPK: I … XVII")
    jenis_jabatan = models.CharField(max_length=13, choices=JenisJabatan.choices)
    jabatan = models.CharField(max_length=255, blank=True)
    pendidikan = models.CharField(max_length=3, choices=Pendidikan.choices)
    unit_kerja = models.ForeignKey(
        PerangkatDaerah, on_delete=models.PROTECT, related_name="pegawai"
    )
    tanggal_lahir = models.DateField(null=True, blank=True)
    jenis_kelamin = models.CharField(max_length=1, choices=JenisKelamin.choices)
    tmt = models.DateField(
        "TMT", null=True, blank=True, help_text="Mulai bertugas (PNS: TMT CPNS dari NIP)"
    )
    tanggal_keluar = models.DateField(
        null=True, blank=True, help_text="Pensiun, pindah atau berhenti; kosong bila masih aktif"
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = "pegawai"
        verbose_name_plural = "pegawai"
        ordering = ["pemda", "nama", "nip"]
        constraints = [
            models.UniqueConstraint(fields=["pemda", "nip"], name="pegawai_nip_unik_per_pemda"),
            models.CheckConstraint(
                condition=Q(status="PNS", golongan__in=GOLONGAN_PNS)
                | Q(status="PPPK", golongan__in=GOLONGAN_PPPK),
                name="pegawai_golongan_sesuai_status",
            ),
            models.CheckConstraint(
                condition=Q(tanggal_keluar__isnull=True)
                | Q(tmt__isnull=True)
                | Q(tanggal_keluar__gte=models.F("tmt")),
                name="pegawai_keluar_setelah_tmt",
            ),
        ]
        indexes = [models.Index(fields=["unit_kerja", "status"])]

    def __str__(self) -> str:
        return f"{self.nama} ({self.nip})"
