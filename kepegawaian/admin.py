"""Django admin for the staff roster (BKPSDM data officers; staff-only like the whole admin).

Rows are normally loaded with ``import_pegawai`` (kepegawaian.impor); the admin is for looking up
and correcting single pegawai, e.g. recording a ``tanggal_keluar``. Changes keep their history.
"""

from __future__ import annotations

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from kepegawaian.models import Pegawai
from kepegawaian.nip import nip_cetak


@admin.register(Pegawai)
class PegawaiAdmin(SimpleHistoryAdmin):
    list_display = (
        "nama",
        "nip_tercetak",
        "status",
        "golongan",
        "jenis_jabatan",
        "jabatan",
        "pendidikan",
        "unit_kerja",
        "jenis_kelamin",
        "tmt",
        "tanggal_keluar",
    )
    list_filter = (
        "pemda",
        "status",
        "jenis_jabatan",
        "pendidikan",
        "jenis_kelamin",
        ("unit_kerja", admin.RelatedOnlyFieldListFilter),
    )
    search_fields = ("nama", "nip", "jabatan")
    list_select_related = ("pemda", "unit_kerja", "unit_kerja__pemda")
    autocomplete_fields = ("unit_kerja",)
    list_per_page = 100
    fieldsets = (
        (None, {"fields": ("pemda", "nip", "nama", "status", "golongan")}),
        ("Jabatan", {"fields": ("jenis_jabatan", "jabatan", "unit_kerja", "pendidikan")}),
        ("Data pribadi", {"fields": ("tanggal_lahir", "jenis_kelamin")}),
        ("Masa kerja", {"fields": ("tmt", "tanggal_keluar")}),
    )

    @admin.display(description="NIP", ordering="nip")
    def nip_tercetak(self, obj: Pegawai) -> str:
        return nip_cetak(obj.nip)
