"""Forms of the planners' grid: what a cell POST carries and how its text becomes a value.

A cell is named by a key ``<i|n>-<id>-<jenis>-<tahun>-<triwulan>`` (indicator or node owner).
Numbers are read by ``inti.parsing.parse_angka`` (``1.234.567,89`` and ``1234567.89``); a
target without digits (``BB``) is kept as qualitative text, as the import does.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django import forms
from django.core.exceptions import ValidationError

from inti.konstanta import TRIWULAN_LABEL
from inti.parsing import AngkaError, parse_angka, satuan_sama
from renja.isian.services import Isian
from renja.models import (
    JENIS_ANGGARAN,
    JENIS_TARGET,
    JENIS_TEKS,
    JENIS_TRIWULANAN,
    Akumulasi,
    Indikator,
    Jenis,
    Polaritas,
)

# The kinds a grid cell may edit, by owner.
JENIS_SEL_INDIKATOR = frozenset(
    {
        Jenis.TARGET,
        Jenis.REALISASI,
        Jenis.TARGET_RENSTRA,
        Jenis.TARGET_RENSTRA_AKHIR,
        Jenis.TARGET_PERUBAHAN,
    }
)
JENIS_SEL_NODE = frozenset(
    {
        Jenis.PAGU,
        Jenis.REALISASI_ANGGARAN,
        Jenis.LOKASI,
        Jenis.SUMBER_DANA,
        Jenis.CATATAN,
        Jenis.PAGU_RENSTRA,
        Jenis.PAGU_PERUBAHAN,
    }
)
TAMPILAN = (
    ("rencana", "Rencana"),
    ("realisasi", "Realisasi triwulan"),
    ("perubahan", "Renja Perubahan"),
)

_KUNCI = re.compile(
    r"^(?P<pemilik>[in])-(?P<id>\d{1,12})-(?P<jenis>[a-z_]+)-(?P<tahun>\d{4})-(?P<tw>[0-4])$"
)


@dataclass(frozen=True)
class KunciSel:
    """Which value a cell shows: owner kind and id, jenis, tahun, triwulan."""

    pemilik: str  # "i" indikator, "n" node (program/kegiatan/sub kegiatan)
    id: int
    jenis: str
    tahun: int
    triwulan: int

    @property
    def teks(self) -> str:
        return f"{self.pemilik}-{self.id}-{self.jenis}-{self.tahun}-{self.triwulan}"

    @property
    def dom_id(self) -> str:
        return f"sel-{self.teks}"

    @property
    def angka(self) -> bool:
        return self.jenis not in JENIS_TEKS

    @property
    def rupiah(self) -> bool:
        return self.jenis in JENIS_ANGGARAN

    @classmethod
    def baca(cls, teks: str) -> KunciSel:
        cocok = _KUNCI.match(teks)
        if cocok is None:
            raise ValidationError("Sel tidak dikenal.")
        pemilik, jenis, tw = cocok["pemilik"], cocok["jenis"], int(cocok["tw"])
        boleh = JENIS_SEL_INDIKATOR if pemilik == "i" else JENIS_SEL_NODE
        if jenis not in boleh:
            raise ValidationError("Jenis nilai ini tidak diisi di sini.")
        if tw and jenis not in JENIS_TRIWULANAN:
            raise ValidationError("Hanya realisasi yang diisi per triwulan.")
        tahun = int(cocok["tahun"])
        if not 2000 <= tahun <= 2100:
            raise ValidationError("Tahun di luar jangkauan.")
        return cls(pemilik, int(cocok["id"]), jenis, tahun, tw)


def baca_isian(*, jenis: str, teks: str, satuan: str | None) -> Isian:
    """The typed text of a cell as a value; ``ValidationError`` with the message for the cell.

    ``satuan`` is the indicator's unit (None for budgets): a unit typed with the number must
    be that one (``75%`` in a ``%`` indicator), ``Rp`` for budgets.
    """
    teks = teks.strip()
    if jenis in JENIS_TEKS:
        return Isian(teks=" ".join(teks.split()) if "\n" not in teks else teks)
    if not teks or teks in {"-", "–", "—"}:
        return Isian()
    if jenis in JENIS_TARGET and not any(c.isdigit() for c in teks):
        # Qualitative target (predikat BB, A): shown, never divided.
        return Isian(teks=teks)
    try:
        angka = parse_angka(teks)
    except AngkaError as e:
        raise ValidationError(f"Angka tidak dikenali: {teks} ({e.alasan}).") from None
    if jenis in JENIS_ANGGARAN:
        if angka.satuan not in (None, "Rp"):
            raise ValidationError(f"Anggaran ditulis dalam rupiah, bukan '{angka.satuan}'.")
        if angka.nilai < 0:
            raise ValidationError("Anggaran tidak boleh negatif.")
    elif angka.satuan is not None and satuan is not None and not satuan_sama(angka.satuan, satuan):
        raise ValidationError(
            f"Satuan '{angka.satuan}' berbeda dengan satuan indikator ({satuan})."
        )
    if abs(angka.nilai) >= 10**16:  # Nilai.angka: 20 digits, 4 of them decimals
        raise ValidationError("Angka terlalu besar.")
    return Isian(angka=angka.nilai)


def revisi_dari_teks(teks: str) -> int | None:
    """The revisi a cell was read at; empty means the cell was empty."""
    teks = teks.strip()
    if not teks:
        return None
    if not teks.isdigit():
        raise ValidationError("Revisi tidak sah; muat ulang halaman.")
    return int(teks)


class SelForm(forms.Form):
    kunci = forms.CharField(max_length=80)
    nilai = forms.CharField(required=False, strip=False, max_length=4000)
    revisi = forms.CharField(required=False, max_length=12)
    tampilan = forms.ChoiceField(choices=TAMPILAN, required=False)

    def clean_kunci(self) -> KunciSel:
        return KunciSel.baca(self.cleaned_data["kunci"])

    def clean_revisi(self) -> int | None:
        return revisi_dari_teks(self.cleaned_data.get("revisi") or "")


class KunciForm(forms.Form):
    """A GET naming one cell (history, re-read after a conflict)."""

    kunci = forms.CharField(max_length=80)
    tampilan = forms.ChoiceField(choices=TAMPILAN, required=False)

    def clean_kunci(self) -> KunciSel:
        return KunciSel.baca(self.cleaned_data["kunci"])


# "sumber": "" (typed by hand) or what the roster measures (Indikator.UkuranKepegawaian).
ATRIBUT_INDIKATOR = ("nama", "satuan", "polaritas", "akumulasi", "sumber")


class AtributForm(forms.Form):
    """One attribute of an indicator, edited in place."""

    atribut = forms.ChoiceField(choices=[(a, a) for a in ATRIBUT_INDIKATOR])
    nilai = forms.CharField(required=False, max_length=2000)

    def clean(self) -> dict[str, object]:
        data = super().clean() or {}
        atribut, nilai = data.get("atribut"), (data.get("nilai") or "").strip()
        if atribut == "polaritas" and nilai not in Polaritas.values:
            raise ValidationError("Pilih polaritas positif atau negatif.")
        if atribut == "akumulasi" and nilai not in Akumulasi.values:
            raise ValidationError("Pilih cara akumulasi.")
        if atribut == "sumber" and nilai and nilai not in Indikator.UkuranKepegawaian.values:
            raise ValidationError("Pilih sumber data: diisi manual atau salah satu ukuran pegawai.")
        data["nilai"] = nilai
        return data


class NodeTambahForm(forms.Form):
    kode = forms.CharField(max_length=40, label="Kode nomenklatur")
    # The grid the node is added from: "perubahan" adds a sub kegiatan new in the revision.
    tampilan = forms.ChoiceField(choices=TAMPILAN, required=False)
    indikator = forms.CharField(required=False, max_length=2000, label="Indikator")
    satuan = forms.CharField(required=False, max_length=80, label="Satuan")


class CariForm(forms.Form):
    q = forms.CharField(required=False, max_length=120)


class CatatanEvaluasiForm(forms.Form):
    """Faktor pendorong / penghambat / tindak lanjut of one quarter (E.81 closing rows)."""

    triwulan = forms.TypedChoiceField(choices=TRIWULAN_LABEL, coerce=int, label="Triwulan")
    revisi = forms.CharField(required=False, max_length=12)
    faktor_pendorong = forms.CharField(
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3}),
        label="Faktor pendorong",
    )
    faktor_penghambat = forms.CharField(
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3}),
        label="Faktor penghambat",
    )
    tindak_lanjut_triwulan = forms.CharField(
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3}),
        label="Tindak lanjut pada triwulan berikutnya",
    )
    tindak_lanjut_renja = forms.CharField(
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3}),
        label="Tindak lanjut pada Renja berikutnya",
    )

    def clean_revisi(self) -> int | None:
        return revisi_dari_teks(self.cleaned_data.get("revisi") or "")
