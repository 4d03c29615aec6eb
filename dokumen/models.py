"""Documents: the narrative a plan's authors write, and the tracked generation jobs.

``NarasiBagian`` holds one section's own text (Markdown) of one perangkat daerah's
document for one year; a section without one prints its default text
(``dokumen.kerangka``). ``PekerjaanDokumen`` is one request to generate a file: who asked,
what, with which parameters, its status and progress, the file, the error. The status
lives here, not only in Celery, so a page can poll it and a failure stays visible.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from renja.models import PerangkatDaerah


class JenisDokumen(models.TextChoices):
    RENJA = "renja", "Renja (dokumen lengkap)"
    LKJ = "lkj", "LKj (dokumen lengkap)"
    TABEL = "tabel", "Tabel"


class JenisNarasi(models.TextChoices):
    RENJA = "renja", "Renja"
    LKJ = "lkj", "LKj"


class NarasiBagian(models.Model):
    """The text of one section of one plan's document, as its authors wrote it."""

    perangkat_daerah = models.ForeignKey(
        PerangkatDaerah, on_delete=models.CASCADE, related_name="narasi"
    )
    tahun = models.PositiveSmallIntegerField()
    jenis_dokumen = models.CharField(max_length=10, choices=JenisNarasi.choices)
    kunci = models.CharField(max_length=60, help_text="Kunci bagian, mis. renja.2.3.1")
    isi = models.TextField(blank=True, help_text="Markdown")
    diubah_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    diubah_pada = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "narasi bagian"
        verbose_name_plural = "narasi bagian"
        constraints = [
            models.UniqueConstraint(
                fields=["perangkat_daerah", "tahun", "jenis_dokumen", "kunci"],
                name="narasi_satu_per_bagian",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kunci} {self.perangkat_daerah.kode} {self.tahun}"


class PekerjaanDokumen(models.Model):
    """One request to generate a document or a table file, tracked from queue to file."""

    class Status(models.TextChoices):
        ANTRE = "antre", "Dalam antrean"
        BERJALAN = "berjalan", "Sedang dibuat"
        SELESAI = "selesai", "Selesai"
        GAGAL = "gagal", "Gagal"

    diminta_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    perangkat_daerah = models.ForeignKey(
        PerangkatDaerah, on_delete=models.CASCADE, related_name="pekerjaan_dokumen"
    )
    tahun = models.PositiveSmallIntegerField()
    jenis = models.CharField(max_length=10, choices=JenisDokumen.choices)
    tabel = models.CharField(max_length=20, blank=True, help_text="Untuk jenis tabel: tc29 …")
    format = models.CharField(max_length=5, default="pdf")
    parameter = models.JSONField(
        default=dict, blank=True, help_text="versi, triwulan, kertas (bentuk kanonis)"
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.ANTRE)
    progres = models.PositiveSmallIntegerField(default=0, help_text="0–100")
    tahap = models.CharField(max_length=120, blank=True, help_text="Bagian yang sedang dibuat")
    sidik_jari = models.CharField(max_length=64, blank=True)
    berkas = models.FileField(upload_to="dokumen/%Y/%m/", blank=True)
    nama_berkas = models.CharField(max_length=200, blank=True)
    ukuran = models.PositiveIntegerField(default=0)
    halaman = models.PositiveIntegerField(default=0)
    galat = models.TextField(blank=True)
    dibuat_pada = models.DateTimeField(auto_now_add=True)
    mulai_pada = models.DateTimeField(null=True, blank=True)
    selesai_pada = models.DateTimeField(null=True, blank=True)
    durasi_ms = models.PositiveIntegerField(default=0)
    dari_cache = models.BooleanField(default=False)

    class Meta:
        verbose_name = "pekerjaan dokumen"
        verbose_name_plural = "pekerjaan dokumen"
        ordering = ["-dibuat_pada", "-id"]
        indexes = [
            models.Index(
                fields=["perangkat_daerah", "tahun", "jenis", "tabel", "format", "status"],
                name="pekerjaan_cari",
            ),
        ]
        constraints = [
            models.CheckConstraint(condition=models.Q(progres__lte=100), name="progres_maks_100"),
        ]

    def __str__(self) -> str:
        apa = self.tabel or self.jenis
        return f"{apa} {self.perangkat_daerah.kode} {self.tahun} ({self.get_status_display()})"

    @property
    def selesai(self) -> bool:
        return self.status == self.Status.SELESAI
