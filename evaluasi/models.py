"""Stored results of the evaluation engine, with the fingerprint of their inputs."""

from __future__ import annotations

from django.db import models

from renja.models import PerangkatDaerah


class HasilTabel(models.Model):
    """One computed table of one plan, as the engine produced it.

    ``sidik_jari`` hashes what the table was computed from: the engine version, the table
    and its options, and the agency's data version. A result whose fingerprint differs from
    the current one is stale and is recomputed (``evaluasi.services.tabel_hitung``).
    """

    perangkat_daerah = models.ForeignKey(
        PerangkatDaerah, on_delete=models.CASCADE, related_name="hasil_tabel"
    )
    tahun = models.PositiveSmallIntegerField()
    tabel = models.CharField(max_length=20)
    opsi = models.CharField(
        max_length=60, blank=True, help_text="Parameter tambahan, mis. triwulan=2;versi=murni"
    )
    sidik_jari = models.CharField(max_length=64)
    # The agency's ``PerangkatDaerah.versi_data`` the table was computed at: lower than the
    # agency's current one means stale (``services.hitung_ulang_basi`` finds those).
    versi_data = models.PositiveBigIntegerField(default=0)
    isi = models.JSONField(help_text="Tabel terhitung; angka sebagai teks Decimal")
    dihitung_pada = models.DateTimeField(auto_now=True)
    durasi_ms = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = "hasil tabel"
        verbose_name_plural = "hasil tabel"
        constraints = [
            models.UniqueConstraint(
                fields=["perangkat_daerah", "tahun", "tabel", "opsi"], name="hasil_tabel_unik"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.tabel} {self.perangkat_daerah.kode} {self.tahun} {self.opsi}".strip()


class SkalaPenilaian(models.Model):
    """A pemda's own scale (predikat, atribut or efisiensi), versioned by the year it applies from.

    Without one, the defaults of domain.md §4 apply (``inti.rumus.SKALA_*``). Every
    table names the scale it used.
    """

    class Jenis(models.TextChoices):
        PREDIKAT = "predikat", "Predikat (skala nilai peringkat kinerja)"
        ATRIBUT = "atribut", "Atribut capaian (LKj)"
        EFISIENSI = "efisiensi", "Kategori efisiensi"

    pemda = models.ForeignKey("renja.Pemda", on_delete=models.CASCADE, related_name="skala")
    jenis = models.CharField(max_length=10, choices=Jenis.choices)
    versi = models.CharField(max_length=40, help_text="Nama versi, mis. Perwako 12/2024")
    berlaku_mulai = models.PositiveSmallIntegerField(help_text="Tahun penilaian pertama")
    definisi = models.JSONField(
        help_text='{"nama": …, "batas": [[91, "Sangat Tinggi"], …], "terendah": "Sangat Rendah"}'
    )

    class Meta:
        verbose_name = "skala penilaian"
        verbose_name_plural = "skala penilaian"
        constraints = [
            models.UniqueConstraint(
                fields=["pemda", "jenis", "berlaku_mulai"], name="skala_satu_per_tahun_mulai"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_jenis_display()} {self.pemda} {self.versi} (mulai {self.berlaku_mulai})"
