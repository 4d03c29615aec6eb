from django.contrib import admin

from evaluasi.models import HasilTabel, SkalaPenilaian


@admin.register(SkalaPenilaian)
class SkalaPenilaianAdmin(admin.ModelAdmin):
    list_display = ("pemda", "jenis", "versi", "berlaku_mulai")
    list_filter = ("jenis", "pemda")


@admin.register(HasilTabel)
class HasilTabelAdmin(admin.ModelAdmin):
    list_display = ("perangkat_daerah", "tahun", "tabel", "opsi", "dihitung_pada", "durasi_ms")
    list_filter = ("tabel", "tahun", "perangkat_daerah")
    readonly_fields = ("sidik_jari", "isi", "dihitung_pada", "durasi_ms")
