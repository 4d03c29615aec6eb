"""Forms of the Renstra planner page (tujuan, sasaran, indicators).

Cells (targets, budgets) are the grid's (``renja.isian.forms.SelForm``/``baca_isian``). These forms
only check the request's shape; the rules (required text, unique keys and names) are the
services', whose ``ValidationError`` is put back on the field it names (``tampilkan_galat``).
Every field in error gets ``aria-invalid`` so that Pico marks it.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError

from renja.models import Akumulasi, Polaritas, Tujuan

WAJIB = "Wajib diisi."


class _FormRenstra(forms.Form):
    # ``renja.renstra.services.sidik_baris`` of the row an edit form was opened on (empty: a new row).
    sidik = forms.CharField(required=False, max_length=64, widget=forms.HiddenInput)

    def tampilkan_galat(self, e: ValidationError) -> None:
        """A service's error on its field (or on the form), the typed values kept."""
        if hasattr(e, "error_dict"):
            for nama, galat in e.error_dict.items():
                self.add_error(nama if nama in self.fields else None, galat)
        else:
            self.add_error(None, e)

    def tandai(self) -> None:
        for nama in self.errors:
            if nama in self.fields:
                self.fields[nama].widget.attrs["aria-invalid"] = "true"


class TujuanForm(_FormRenstra):
    kunci = forms.CharField(
        required=False,
        max_length=40,
        label="Kode",
        help_text="Kosongkan untuk penomoran otomatis (T1, T2, …).",
        widget=forms.TextInput(attrs={"placeholder": "otomatis", "size": 8}),
    )
    uraian = forms.CharField(
        max_length=4000,
        label="Uraian tujuan",
        error_messages={"required": "Uraian tujuan wajib diisi."},
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class _PilihTujuan(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.kunci} — {obj.uraian[:90]}"


class SasaranForm(_FormRenstra):
    tujuan = _PilihTujuan(
        queryset=Tujuan.objects.none(),
        label="Tujuan",
        error_messages={
            "required": "Pilih tujuan tempat sasaran ini.",
            "invalid_choice": "Tujuan itu bukan bagian dari Renstra ini.",
        },
    )
    kunci = forms.CharField(
        required=False,
        max_length=40,
        label="Kode",
        help_text="Kosongkan untuk penomoran otomatis (S1, S2, …).",
        widget=forms.TextInput(attrs={"placeholder": "otomatis", "size": 8}),
    )
    uraian = forms.CharField(
        max_length=4000,
        label="Uraian sasaran",
        error_messages={"required": "Uraian sasaran wajib diisi."},
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args: Any, renstra_id: int, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["tujuan"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = Tujuan.objects.filter(renstra_id=renstra_id).order_by("kunci")


class IndikatorForm(_FormRenstra):
    nama = forms.CharField(
        max_length=2000,
        label="Nama indikator",
        error_messages={"required": "Nama indikator wajib diisi."},
    )
    satuan = forms.CharField(
        max_length=80,
        label="Satuan",
        error_messages={"required": "Satuan wajib diisi (mis. %, orang, dokumen, indeks)."},
        widget=forms.TextInput(attrs={"placeholder": "%, orang, dokumen…", "size": 12}),
    )
    polaritas = forms.ChoiceField(
        choices=Polaritas.choices,
        initial=Polaritas.POSITIF,
        label="Polaritas",
        error_messages={"invalid_choice": "Pilih polaritas positif atau negatif."},
    )
    akumulasi = forms.ChoiceField(
        choices=Akumulasi.choices,
        initial=Akumulasi.NON_KUMULATIF,
        label="Akumulasi",
        error_messages={"invalid_choice": "Pilih cara akumulasi."},
    )


class HapusForm(forms.Form):
    """A delete carries an explicit confirmation (the button asks first)."""

    konfirmasi = forms.CharField(max_length=10)

    def clean_konfirmasi(self) -> str:
        if self.cleaned_data["konfirmasi"] != "ya":
            raise ValidationError("Penghapusan harus dikonfirmasi.")
        return "ya"
