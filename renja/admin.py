"""Django admin for data officers: master data and plans, searchable by code and name.

The tree is shown by indenting ``uraian`` by level and ordering by code; values
are edited inline on their node or indicator; history (who, when, old/new)
comes from django-simple-history.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.html import format_html
from simple_history.admin import SimpleHistoryAdmin

from renja import services
from renja.models import (
    LEVEL_URUTAN,
    CatatanEvaluasi,
    Indikator,
    Keanggotaan,
    Nilai,
    NilaiTercetak,
    Nomenklatur,
    Pemda,
    PerangkatDaerah,
    PerjanjianKinerja,
    ProgramKegiatan,
    Renja,
    Renstra,
    RiwayatStatus,
    Sasaran,
    SasaranProgram,
    Tujuan,
)


def _indent(level: str, text: str) -> str:
    return format_html(
        '<span style="padding-left:{}em">{}</span>', LEVEL_URUTAN.get(level, 0) * 1.5, text
    )


class PerangkatDaerahInline(admin.TabularInline):
    model = PerangkatDaerah
    extra = 0
    fields = ("kode", "nama", "kepala_nama", "kepala_pangkat", "kepala_nip")


def _pd_id(obj: Any) -> int | None:
    """The perangkat daerah whose plan data an admin-edited row belongs to."""
    if isinstance(obj, PerangkatDaerah):
        return obj.pk
    if getattr(obj, "perangkat_daerah_id", None) is not None:
        return int(obj.perangkat_daerah_id)
    # Up the ownership chain: value → indicator or node → Renstra; an IKU → sasaran/tujuan.
    for induk in ("renstra", "program_kegiatan", "indikator", "sasaran", "tujuan"):
        if (nilai := getattr(obj, induk, None)) is not None:
            return _pd_id(nilai)
    return None


class DataRencanaAdmin(admin.ModelAdmin):
    """Admin edits of plan data move the agency's data version, as the services do."""

    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        super().save_model(request, obj, form, change)
        if (pd_id := _pd_id(obj)) is not None:
            services.data_berubah(pd_id=pd_id)

    def save_related(self, request: HttpRequest, form: Any, formsets: Any, change: bool) -> None:
        super().save_related(request, form, formsets, change)  # inline values, indicators
        if (pd_id := _pd_id(form.instance)) is not None:
            services.data_berubah(pd_id=pd_id)

    def delete_model(self, request: HttpRequest, obj: Any) -> None:
        pd_id = _pd_id(obj)
        super().delete_model(request, obj)
        if pd_id is not None:
            services.data_berubah(pd_id=pd_id)

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[Any]) -> None:
        pd_ids = {_pd_id(obj) for obj in queryset}
        super().delete_queryset(request, queryset)
        for pd_id in pd_ids - {None}:
            services.data_berubah(pd_id=pd_id)  # type: ignore[arg-type]


class DataRencanaHistoryAdmin(DataRencanaAdmin, SimpleHistoryAdmin):
    pass


@admin.register(Pemda)
class PemdaAdmin(admin.ModelAdmin):
    list_display = ("nama", "jenis", "provinsi")
    search_fields = ("nama", "provinsi")
    inlines = [PerangkatDaerahInline]


@admin.register(PerangkatDaerah)
class PerangkatDaerahAdmin(admin.ModelAdmin):
    list_display = ("kode", "nama", "pemda", "kepala_nama")
    list_filter = ("pemda",)
    search_fields = ("kode", "nama", "kepala_nama", "kepala_nip")


@admin.register(Keanggotaan)
class KeanggotaanAdmin(admin.ModelAdmin):
    list_display = ("user", "peran", "pemda", "perangkat_daerah")
    list_filter = ("peran", "pemda", "perangkat_daerah")
    search_fields = ("user__username", "user__first_name", "perangkat_daerah__kode")
    autocomplete_fields = ("user", "perangkat_daerah")


@admin.register(Nomenklatur)
class NomenklaturAdmin(admin.ModelAdmin):
    list_display = ("kode", "nama_berjenjang", "level", "indikator", "satuan", "lokal_pemda")
    list_filter = ("level", ("pemda", admin.RelatedOnlyFieldListFilter))
    search_fields = ("kode", "nama", "indikator")
    list_per_page = 100

    @admin.display(description="nama", ordering="kode")
    def nama_berjenjang(self, obj: Nomenklatur) -> str:
        return _indent(obj.level, obj.nama)

    @admin.display(description="entri lokal", ordering="pemda")
    def lokal_pemda(self, obj: Nomenklatur) -> str:
        return obj.pemda.nama if obj.pemda else ""

    def get_queryset(self, request: HttpRequest) -> QuerySet[Nomenklatur]:
        return super().get_queryset(request).select_related("pemda")


class TujuanInline(admin.TabularInline):
    model = Tujuan
    extra = 0


@admin.register(Renstra)
class RenstraAdmin(DataRencanaAdmin):
    list_display = ("perangkat_daerah", "periode", "tahun_mulai", "tahun_selesai")
    list_filter = ("perangkat_daerah__pemda", "tahun_mulai")
    search_fields = ("perangkat_daerah__kode", "perangkat_daerah__nama")
    inlines = [TujuanInline]


class NilaiAdminForm(forms.ModelForm):
    """Admin edits obey the same rules as the services: no budget on a parent, no lock bypass."""

    class Meta:
        model = Nilai
        fields = (
            "indikator",
            "program_kegiatan",
            "tahun",
            "jenis",
            "triwulan",
            "angka",
            "teks",
            "satuan",
        )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        node, indikator = data.get("program_kegiatan"), data.get("indikator")
        owner_node = node or (indikator.program_kegiatan if indikator else None)
        if owner_node is not None and data.get("jenis") and data.get("tahun"):
            services.nilai_boleh_diubah(
                node=node, owner_node=owner_node, jenis=data["jenis"], tahun=data["tahun"]
            )
            if self.instance.pk and self.instance.tahun != data["tahun"]:
                services.nilai_boleh_diubah(
                    node=node,
                    owner_node=owner_node,
                    jenis=self.instance.jenis,
                    tahun=self.instance.tahun,
                )
        return data

    def save(self, commit: bool = True) -> Nilai:
        # A changed value moves its revision, so an open form elsewhere sees the conflict.
        if self.instance.pk and self.has_changed():
            self.instance.revisi += 1
        return super().save(commit)


class NilaiIndikatorInline(admin.TabularInline):
    model = Nilai
    form = NilaiAdminForm
    fk_name = "indikator"
    extra = 0
    fields = ("tahun", "jenis", "triwulan", "angka", "teks", "satuan", "revisi")
    readonly_fields = ("revisi",)
    ordering = ("tahun", "jenis", "triwulan")


class NilaiNodeInline(NilaiIndikatorInline):
    fk_name = "program_kegiatan"


class IndikatorInline(admin.TabularInline):
    model = Indikator
    fk_name = "program_kegiatan"
    extra = 0
    fields = ("nama", "satuan", "polaritas", "akumulasi", "urutan", "sumber_data")
    show_change_link = True


class SasaranProgramInline(admin.TabularInline):
    model = SasaranProgram
    extra = 0
    autocomplete_fields = ("program",)


@admin.register(Tujuan)
class TujuanAdmin(DataRencanaAdmin):
    list_display = ("kunci", "uraian", "renstra")
    search_fields = ("kunci", "uraian")
    list_filter = ("renstra__perangkat_daerah",)


@admin.register(Sasaran)
class SasaranAdmin(DataRencanaAdmin):
    list_display = ("kunci", "uraian", "tujuan", "renstra")
    search_fields = ("kunci", "uraian")
    list_filter = ("renstra__perangkat_daerah",)
    inlines = [SasaranProgramInline]


@admin.register(ProgramKegiatan)
class ProgramKegiatanAdmin(DataRencanaHistoryAdmin):
    list_display = ("kode", "uraian_berjenjang", "level", "renstra")
    list_filter = ("level", "renstra__perangkat_daerah", "renstra__tahun_mulai")
    search_fields = ("kode", "nomenklatur__nama", "uraian_lokal")
    list_select_related = ("nomenklatur", "renstra__perangkat_daerah")
    raw_id_fields = ("nomenklatur", "parent")
    list_per_page = 200
    inlines = [IndikatorInline, NilaiNodeInline]

    @admin.display(description="uraian", ordering="kode")
    def uraian_berjenjang(self, obj: ProgramKegiatan) -> str:
        return _indent(obj.level, obj.uraian)


@admin.register(Indikator)
class IndikatorAdmin(DataRencanaHistoryAdmin):
    list_display = ("nama", "satuan", "polaritas", "akumulasi", "pemilik")
    list_filter = ("polaritas", "akumulasi", "satuan", "program_kegiatan__level")
    search_fields = ("nama", "program_kegiatan__kode", "sasaran__kunci", "tujuan__kunci")
    list_select_related = ("program_kegiatan", "sasaran", "tujuan")
    raw_id_fields = ("program_kegiatan", "sasaran", "tujuan")
    inlines = [NilaiIndikatorInline]

    @admin.display(description="pemilik")
    def pemilik(self, obj: Indikator) -> str:
        return str(obj.program_kegiatan or obj.sasaran or obj.tujuan)


@admin.register(Nilai)
class NilaiAdmin(DataRencanaHistoryAdmin):
    form = NilaiAdminForm
    list_display = ("pemilik", "tahun", "jenis", "triwulan", "angka", "teks", "revisi")
    list_filter = ("tahun", "jenis", "triwulan")
    search_fields = (
        "program_kegiatan__kode",
        "indikator__nama",
        "indikator__program_kegiatan__kode",
    )
    list_select_related = ("program_kegiatan", "indikator")
    raw_id_fields = ("program_kegiatan", "indikator")

    @admin.display(description="pemilik")
    def pemilik(self, obj: Nilai) -> str:
        return str(obj.indikator or obj.program_kegiatan)


@admin.register(NilaiTercetak)
class NilaiTercetakAdmin(DataRencanaAdmin):
    list_display = ("program_kegiatan", "indikator", "tahun", "jenis", "angka", "sumber")
    list_filter = ("sumber", "tahun", "jenis")
    search_fields = ("program_kegiatan__kode", "indikator__nama")
    raw_id_fields = ("program_kegiatan", "indikator")


class RiwayatStatusInline(admin.TabularInline):
    model = RiwayatStatus
    extra = 0
    readonly_fields = ("dari", "ke", "oleh", "catatan", "waktu")
    can_delete = False

    def has_add_permission(self, request: HttpRequest, obj: object = None) -> bool:
        # Transitions go through the workflow services, which check the roles.
        return False


@admin.register(Renja)
class RenjaAdmin(DataRencanaHistoryAdmin):
    list_display = ("perangkat_daerah", "tahun", "versi", "status", "ditetapkan_pada")
    list_filter = ("tahun", "versi", "status", "perangkat_daerah__pemda")
    search_fields = ("perangkat_daerah__kode", "perangkat_daerah__nama")
    readonly_fields = ("status", "ditetapkan_pada")
    inlines = [RiwayatStatusInline]


@admin.register(PerjanjianKinerja)
class PerjanjianKinerjaAdmin(DataRencanaAdmin):
    list_display = ("perangkat_daerah", "tahun", "revisi", "tanggal")
    list_filter = ("tahun", "perangkat_daerah")


@admin.register(CatatanEvaluasi)
class CatatanEvaluasiAdmin(DataRencanaHistoryAdmin):
    list_display = ("perangkat_daerah", "tahun", "triwulan", "diubah_pada")
    list_filter = ("tahun", "triwulan", "perangkat_daerah__pemda")
    search_fields = ("perangkat_daerah__kode", "faktor_pendorong", "faktor_penghambat")
    readonly_fields = ("revisi", "diubah_pada")
