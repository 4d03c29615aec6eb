from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from dokumen.models import NarasiBagian, PekerjaanDokumen


@admin.register(PekerjaanDokumen)
class PekerjaanDokumenAdmin(admin.ModelAdmin):
    list_display = ("id", "jenis", "tabel", "format", "perangkat_daerah", "tahun", "status", "progres", "dari_cache", "dibuat_pada", "durasi_ms")  # fmt: skip
    list_filter = ("status", "jenis", "format", "dari_cache")
    search_fields = ("perangkat_daerah__kode", "perangkat_daerah__nama", "tabel", "galat")
    list_select_related = ("perangkat_daerah",)
    readonly_fields = ("sidik_jari", "dibuat_pada", "mulai_pada", "selesai_pada", "durasi_ms")


@admin.register(NarasiBagian)
class NarasiBagianAdmin(SimpleHistoryAdmin):
    list_display = (
        "kunci",
        "perangkat_daerah",
        "tahun",
        "jenis_dokumen",
        "diubah_oleh",
        "diubah_pada",
    )
    list_filter = ("jenis_dokumen", "tahun")
    search_fields = ("kunci", "perangkat_daerah__kode", "isi")
    list_select_related = ("perangkat_daerah", "diubah_oleh")
