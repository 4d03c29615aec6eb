"""Stored results of the evaluation engine, with the fingerprint of their inputs."""

from __future__ import annotations

from django.db import models

from renja.models import PerangkatDaerah


class HasilTabel(models.Model):
    """One computed table of one plan, as the engine produced it.

    ``sidik_jari`` hashes every input the table was computed from; a result
    whose fingerprint differs from the plan's current one is stale and is
    recomputed (``evaluasi.services.tabel_hitung``).
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
