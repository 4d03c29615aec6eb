from typing import Any

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest

from evaluasi.models import HasilTabel, SkalaPenilaian
from renja.services import data_pemda_berubah


@admin.register(SkalaPenilaian)
class SkalaPenilaianAdmin(admin.ModelAdmin):
    """A scale is an input of every table of the pemda: a change moves their data versions."""

    list_display = ("pemda", "jenis", "versi", "berlaku_mulai")
    list_filter = ("jenis", "pemda")

    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        super().save_model(request, obj, form, change)
        data_pemda_berubah(pemda_id=obj.pemda_id)

    def delete_model(self, request: HttpRequest, obj: Any) -> None:
        super().delete_model(request, obj)
        data_pemda_berubah(pemda_id=obj.pemda_id)

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[Any]) -> None:
        pemda_ids = set(queryset.values_list("pemda_id", flat=True))
        super().delete_queryset(request, queryset)
        for pemda_id in pemda_ids:
            data_pemda_berubah(pemda_id=pemda_id)


@admin.register(HasilTabel)
class HasilTabelAdmin(admin.ModelAdmin):
    list_display = ("perangkat_daerah", "tahun", "tabel", "opsi", "dihitung_pada", "durasi_ms")
    list_filter = ("tabel", "tahun", "perangkat_daerah")
    readonly_fields = ("sidik_jari", "versi_data", "isi", "dihitung_pada", "durasi_ms")
