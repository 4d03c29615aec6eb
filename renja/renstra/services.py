"""Writes of the Renstra planner page: tujuan, sasaran and their indicators.

HackSoft style like ``renja.services``: keyword-only arguments, the acting user as ``oleh``.
Only the agency's perencana and admin write (``akses.dapat_mengubah_nilai``); the kepala and
Bappeda read only (``AksesDitolak``). Values (targets, budgets) are not written here: the
page's cells go through ``renja.isian.services.sel_simpan`` → ``services.nilai_simpan`` (jalur
``form``). Deleting an indicator deletes its values one by one so that history records who
removed each (``_history_user``, reason ``form``).

Errors are ``ValidationError`` keyed by the form field they concern, so the form shows the
message next to it.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from typing import Any, TypeVar

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from renja import akses, services
from renja.models import Akumulasi, Indikator, Nilai, Polaritas, Renstra, Sasaran, Tujuan

_KUNCI_SAH = re.compile(r"^[A-Za-z0-9][A-Za-z0-9.\-]{0,39}$")


def _boleh_ubah(oleh: AbstractBaseUser, renstra: Renstra) -> None:
    pd = renstra.perangkat_daerah
    akses.wajib(
        akses.dapat_mengubah_nilai(oleh, pd),
        f"Anda tidak berhak mengubah Renstra {pd.kode}: hanya perencana dan admin.",
    )


def _catat(obj: Any, oleh: AbstractBaseUser) -> None:
    """Who and which path, for django-simple-history (ignored by models without history)."""
    obj._change_reason = "form"
    obj._history_user = oleh


def _rapikan(teks: str) -> str:
    return " ".join(teks.split())


def sidik_baris(obj: Tujuan | Sasaran | Indikator) -> str:
    """A fingerprint of a row's editable fields as a form showed them.

    The edit forms carry it back; a different fingerprint at save time means someone changed
    the row meanwhile (``BarisBerubah``): the later save is refused, never silently applied.
    These rows have no ``revisi`` column; the fingerprint needs none.
    """
    bagian: tuple[str, ...]
    if isinstance(obj, Indikator):
        bagian = (obj.nama, obj.satuan, obj.polaritas, obj.akumulasi)
    elif isinstance(obj, Sasaran):
        bagian = (obj.kunci, obj.uraian, str(obj.tujuan_id))
    else:
        bagian = (obj.kunci, obj.uraian)
    return hashlib.sha256("\x1f".join(bagian).encode()).hexdigest()[:16]


@dataclass(frozen=True)
class BarisBerubah(Exception):
    """The row was changed by someone else since the form was opened: what is stored now."""

    sekarang: Tujuan | Sasaran | Indikator


_Baris = TypeVar("_Baris", Tujuan, Sasaran, Indikator)


def _cek_sidik(obj: _Baris, sidik_dibaca: str) -> _Baris:
    """The row locked for this transaction, if it is still as the form read it."""
    sekarang = type(obj).objects.select_for_update().get(pk=obj.pk)
    if sidik_dibaca and sidik_baris(sekarang) != sidik_dibaca:
        raise BarisBerubah(sekarang)
    return sekarang


def kunci_berikutnya(*, awalan: str, dipakai: list[str]) -> str:
    """The next free automatic key: ``T1``, ``T2`` … (``S1`` … for sasaran)."""
    nomor = [
        int(k[len(awalan) :])
        for k in dipakai
        if k.startswith(awalan) and k[len(awalan) :].isdigit()
    ]
    return f"{awalan}{max(nomor, default=0) + 1}"


def _kunci_cek(kunci: str, *, jenis: str) -> str:
    kunci = kunci.strip()
    if not _KUNCI_SAH.match(kunci):
        raise ValidationError(
            {"kunci": f"Kode {jenis} hanya huruf, angka, titik atau tanda minus (mis. T1, 1.2)."}
        )
    return kunci


def _simpan_berkode(
    obj: Tujuan | Sasaran, *, kunci: str, awalan: str, jenis: str, oleh: AbstractBaseUser
) -> None:
    """Give a tujuan or sasaran its code and save it with history (inside the caller's atomic).

    A blank ``kunci`` keeps the row's code, or numbers a new row after the Renstra's others
    (T1, T2… / S1, S2…); a code another row of the Renstra uses is a message on the field,
    also when a concurrent save took it first (the unique constraint).
    """
    lain = type(obj).objects.filter(renstra_id=obj.renstra_id)
    if obj.pk is not None:
        lain = lain.exclude(pk=obj.pk)
    dipakai = list(lain.values_list("kunci", flat=True))
    if not kunci.strip():
        kunci = obj.kunci or kunci_berikutnya(awalan=awalan, dipakai=dipakai)
    kunci = _kunci_cek(kunci, jenis=jenis)
    dipakai_lain = ValidationError({"kunci": f"Kode {kunci} sudah dipakai {jenis} lain."})
    if kunci in dipakai:
        raise dipakai_lain
    obj.kunci = kunci
    _catat(obj, oleh)
    try:
        with transaction.atomic():
            obj.save()
    except IntegrityError:
        raise dipakai_lain from None


# --- tujuan ---------------------------------------------------------------------------------------


def tujuan_simpan(
    *,
    oleh: AbstractBaseUser,
    renstra: Renstra,
    uraian: str,
    kunci: str = "",
    tujuan: Tujuan | None = None,
    sidik_dibaca: str = "",
) -> Tujuan:
    """Add a tujuan (``tujuan`` None) or change one. A blank ``kunci`` is numbered T1, T2…

    ``sidik_dibaca``: ``sidik_baris`` of the tujuan as the form showed it (``BarisBerubah``
    when it changed since); empty skips the check.
    """
    _boleh_ubah(oleh, renstra)
    uraian = _rapikan(uraian)
    if not uraian:
        raise ValidationError({"uraian": "Uraian tujuan wajib diisi."})
    with transaction.atomic():
        if tujuan is not None:
            tujuan = _cek_sidik(tujuan, sidik_dibaca)
        obj = tujuan or Tujuan(renstra=renstra)
        obj.uraian = uraian
        _simpan_berkode(obj, kunci=kunci, awalan="T", jenis="tujuan", oleh=oleh)
        services.data_berubah(pd_id=renstra.perangkat_daerah_id)
    return obj


def tujuan_hapus(*, oleh: AbstractBaseUser, tujuan: Tujuan) -> None:
    """Delete a tujuan with its indicators and their values; refused while it has sasaran."""
    renstra = tujuan.renstra
    _boleh_ubah(oleh, renstra)
    with transaction.atomic():
        jumlah = tujuan.sasaran.count()
        if jumlah:
            raise ValidationError(
                f"Tujuan {tujuan.kunci} masih memiliki {jumlah} sasaran; "
                "hapus atau pindahkan sasarannya dahulu."
            )
        for ind in list(tujuan.indikator.all()):
            _indikator_hapus(oleh=oleh, indikator=ind)
        _catat(tujuan, oleh)
        tujuan.delete()
        services.data_berubah(pd_id=renstra.perangkat_daerah_id)


# --- sasaran --------------------------------------------------------------------------------------


def sasaran_simpan(
    *,
    oleh: AbstractBaseUser,
    renstra: Renstra,
    tujuan: Tujuan | None,
    uraian: str,
    kunci: str = "",
    sasaran: Sasaran | None = None,
    sidik_dibaca: str = "",
) -> Sasaran:
    """Add a sasaran under a tujuan (``sasaran`` None) or change one (also its tujuan).

    A blank ``kunci`` is numbered S1, S2…
    """
    _boleh_ubah(oleh, renstra)
    if tujuan is not None and tujuan.renstra_id != renstra.pk:
        raise ValidationError({"tujuan": "Tujuan itu bukan bagian dari Renstra ini."})
    if tujuan is None and sasaran is None:
        raise ValidationError({"tujuan": "Pilih tujuan tempat sasaran ini."})
    uraian = _rapikan(uraian)
    if not uraian:
        raise ValidationError({"uraian": "Uraian sasaran wajib diisi."})
    with transaction.atomic():
        if sasaran is not None:
            sasaran = _cek_sidik(sasaran, sidik_dibaca)
        obj = sasaran or Sasaran(renstra=renstra)
        obj.uraian, obj.tujuan = uraian, tujuan
        _simpan_berkode(obj, kunci=kunci, awalan="S", jenis="sasaran", oleh=oleh)
        services.data_berubah(pd_id=renstra.perangkat_daerah_id)
    return obj


def sasaran_hapus(*, oleh: AbstractBaseUser, sasaran: Sasaran) -> None:
    """Delete a sasaran with its indicators (IKU), their values and its program links."""
    renstra = sasaran.renstra
    _boleh_ubah(oleh, renstra)
    with transaction.atomic():
        for ind in list(sasaran.indikator.all()):
            _indikator_hapus(oleh=oleh, indikator=ind)
        _catat(sasaran, oleh)
        sasaran.delete()
        services.data_berubah(pd_id=renstra.perangkat_daerah_id)


# --- indicators of a tujuan or sasaran ---------------------------------------------------------


def _pemilik(indikator: Indikator) -> Tujuan | Sasaran:
    pemilik = indikator.sasaran or indikator.tujuan
    if pemilik is None:
        raise ValidationError("Indikator program/kegiatan diubah di Isian Renja.")
    return pemilik


def _atribut_cek(*, nama: str, satuan: str, polaritas: str, akumulasi: str) -> tuple[str, str]:
    galat: dict[str, str] = {}
    nama, satuan = _rapikan(nama), satuan.strip()
    if not nama:
        galat["nama"] = "Nama indikator wajib diisi."
    if not satuan:
        galat["satuan"] = "Satuan wajib diisi (mis. %, orang, dokumen, indeks)."
    if polaritas not in Polaritas.values:
        galat["polaritas"] = "Pilih polaritas positif atau negatif."
    if akumulasi not in Akumulasi.values:
        galat["akumulasi"] = "Pilih cara akumulasi: kumulatif, nilai akhir atau rata-rata."
    if galat:
        raise ValidationError(galat)
    return nama, satuan


def _nama_unik(*, pemilik: Tujuan | Sasaran, nama: str, kecuali: int | None) -> None:
    """Indicator names are unique per owner (``indikator_unik_*``), compared without case."""
    saudara = pemilik.indikator.exclude(pk=kecuali) if kecuali else pemilik.indikator.all()
    for lain in saudara.only("nama"):
        if services.nama_sama(lain.nama, nama):
            label = "sasaran" if isinstance(pemilik, Sasaran) else "tujuan"
            raise ValidationError(
                {"nama": f"Indikator “{lain.nama}” sudah ada pada {label} {pemilik.kunci}."}
            )


def indikator_tambah(
    *,
    oleh: AbstractBaseUser,
    pemilik: Tujuan | Sasaran,
    nama: str,
    satuan: str,
    polaritas: str = Polaritas.POSITIF,
    akumulasi: str = Akumulasi.NON_KUMULATIF,
) -> Indikator:
    """Add an indicator to a tujuan or a sasaran (IKU)."""
    _boleh_ubah(oleh, pemilik.renstra)
    nama, satuan = _atribut_cek(nama=nama, satuan=satuan, polaritas=polaritas, akumulasi=akumulasi)
    with transaction.atomic():
        _nama_unik(pemilik=pemilik, nama=nama, kecuali=None)
        ind = Indikator(
            nama=nama,
            satuan=satuan,
            polaritas=polaritas,
            akumulasi=akumulasi,
            urutan=pemilik.indikator.count(),
        )
        if isinstance(pemilik, Sasaran):
            ind.sasaran = pemilik
        else:
            ind.tujuan = pemilik
        _catat(ind, oleh)
        try:
            with transaction.atomic():
                ind.save()
        except IntegrityError:
            raise ValidationError({"nama": f"Indikator “{nama}” sudah ada."}) from None
        services.data_berubah(pd_id=pemilik.renstra.perangkat_daerah_id)
    return ind


def indikator_ubah(
    *,
    oleh: AbstractBaseUser,
    indikator: Indikator,
    nama: str,
    satuan: str,
    polaritas: str,
    akumulasi: str,
    sidik_dibaca: str = "",
) -> Indikator:
    """Change a tujuan's or sasaran's indicator (Renstra attributes are not Renja-locked)."""
    pemilik = _pemilik(indikator)
    _boleh_ubah(oleh, pemilik.renstra)
    nama, satuan = _atribut_cek(nama=nama, satuan=satuan, polaritas=polaritas, akumulasi=akumulasi)
    with transaction.atomic():
        indikator = _cek_sidik(indikator, sidik_dibaca)
        _nama_unik(pemilik=pemilik, nama=nama, kecuali=indikator.pk)
        indikator.nama, indikator.satuan = nama, satuan
        indikator.polaritas, indikator.akumulasi = polaritas, akumulasi
        _catat(indikator, oleh)
        try:
            with transaction.atomic():
                indikator.save()
        except IntegrityError:
            raise ValidationError({"nama": f"Indikator “{nama}” sudah ada."}) from None
        services.data_berubah(pd_id=pemilik.renstra.perangkat_daerah_id)
    return indikator


def _indikator_hapus(*, oleh: AbstractBaseUser, indikator: Indikator) -> None:
    # One by one, so that history records who deleted each value and the path.
    for nilai in list(Nilai.objects.filter(indikator=indikator)):
        _catat(nilai, oleh)
        nilai.delete()
    _catat(indikator, oleh)
    indikator.delete()


def indikator_hapus(*, oleh: AbstractBaseUser, indikator: Indikator) -> None:
    """Delete a tujuan's or sasaran's indicator with all its values."""
    pemilik = _pemilik(indikator)
    _boleh_ubah(oleh, pemilik.renstra)
    with transaction.atomic():
        _indikator_hapus(oleh=oleh, indikator=indikator)
        services.data_berubah(pd_id=pemilik.renstra.perangkat_daerah_id)
