"""Writes of the planners' grid (issue 5): one cell, an indicator's attributes, a new node.

HackSoft style like ``renja.services``: keyword-only arguments, the acting user as ``oleh``,
role checks through ``renja.akses`` and the lock rules through ``services.nilai_boleh_diubah``.
Every value write, a cleared cell included, goes through the one writer
(``renja.nilai.services.nilai_tulis``: lock, level, stale write, history with the path as change
reason); indicator attributes are written here with the same rules.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from inti.konstanta import TRIWULAN
from renja import akses, services
from renja.models import (
    Akumulasi,
    CatatanEvaluasi,
    Indikator,
    Jenis,
    Level,
    Nilai,
    PerangkatDaerah,
    Polaritas,
    ProgramKegiatan,
    Renja,
    Renstra,
    Sasaran,
    Tujuan,
)
from renja.nilai.aturan import PerubahanNilai, pemilik_dari
from renja.nilai.services import nilai_tulis_satu
from renja.services import NilaiBerubah


@dataclass(frozen=True)
class Isian:
    """What a planner typed into one cell, already parsed: a number, a text, or nothing."""

    angka: Decimal | None = None
    teks: str = ""

    @property
    def kosong(self) -> bool:
        return self.angka is None and not self.teks


def _pemilik(
    indikator: Indikator | None, node: ProgramKegiatan | None
) -> ProgramKegiatan | Sasaran | Tujuan:
    """The row placing a value in a Renstra: the node, or the indicator's node/sasaran/tujuan."""
    owner = node or (services.indikator_pemilik(indikator) if indikator else None)
    if owner is None:
        raise ValidationError("Nilai ini tidak memiliki pemilik.")
    return owner


def sel_simpan(
    *,
    oleh: AbstractBaseUser,
    jenis: str,
    tahun: int,
    isian: Isian,
    indikator: Indikator | None = None,
    node: ProgramKegiatan | None = None,
    triwulan: int = 0,
    revisi_dibaca: int | None,
    jalur: str = "form",
) -> Nilai | None:
    """Save (or clear) one grid cell; returns the stored value, None when cleared.

    ``revisi_dibaca`` is the ``Nilai.revisi`` the cell showed, or None when it showed an empty
    cell. A new ``Nilai`` starts at revisi 0, so "empty" must be told apart from "revisi 0":
    a value that appeared since the cell was read is a conflict too (``NilaiBerubah``).
    """
    owner = _pemilik(indikator, node)
    pd = owner.renstra.perangkat_daerah
    akses.wajib(akses.dapat_mengubah_nilai(oleh, pd), f"Anda tidak berhak mengubah data {pd.kode}.")
    perubahan = PerubahanNilai(
        pemilik=pemilik_dari(indikator=indikator, node=node, baris=owner),
        jenis=jenis,
        tahun=tahun,
        triwulan=triwulan,
        angka=isian.angka,
        teks=isian.teks,
        hapus=isian.kosong,
        cek_revisi=True,
        revisi_dibaca=revisi_dibaca,
    )
    try:
        return nilai_tulis_satu(perubahan=perubahan, oleh=oleh, jalur=jalur)
    except IntegrityError:
        # Two first saves of the same empty cell at once: the later one is the conflict.
        ada = Nilai.objects.filter(
            indikator=indikator, program_kegiatan=node, tahun=tahun, jenis=jenis, triwulan=triwulan
        ).first()
        if ada is None:
            raise
        raise NilaiBerubah(nilai=ada, revisi_dibaca=-1) from None


def indikator_ubah(
    *,
    oleh: AbstractBaseUser,
    indikator: Indikator,
    tahun: int,
    nama: str | None = None,
    satuan: str | None = None,
    polaritas: str | None = None,
    akumulasi: str | None = None,
    ukuran_kepegawaian: str | None = None,
    jalur: str = "form",
) -> Indikator:
    """Change an indicator's name, unit, polarity or accumulation (None = unchanged).

    The indicator serves every year of the Renstra; a ditetapkan Renja of ``tahun`` (the year
    the planner works on) locks it like that year's targets.
    """
    owner = _pemilik(indikator, None)
    pd = owner.renstra.perangkat_daerah
    akses.wajib(akses.dapat_mengubah_nilai(oleh, pd), f"Anda tidak berhak mengubah data {pd.kode}.")
    services.nilai_boleh_diubah(node=None, owner_node=owner, jenis=Jenis.TARGET, tahun=tahun)
    if nama is not None:
        nama = " ".join(nama.split())
        if not nama:
            raise ValidationError("Nama indikator wajib diisi.")
        indikator.nama = nama
    if satuan is not None:
        satuan = satuan.strip()
        if not satuan:
            raise ValidationError("Satuan wajib diisi (mis. %, orang, dokumen).")
        indikator.satuan = satuan
    if polaritas is not None:
        if polaritas not in Polaritas.values:
            raise ValidationError(f"Polaritas tidak dikenal: {polaritas}.")
        indikator.polaritas = polaritas
    if akumulasi is not None:
        if akumulasi not in Akumulasi.values:
            raise ValidationError(f"Akumulasi tidak dikenal: {akumulasi}.")
        indikator.akumulasi = akumulasi
    if ukuran_kepegawaian is not None:
        # "" = typed by hand; otherwise the realisation is computed from the staff roster.
        if ukuran_kepegawaian and ukuran_kepegawaian not in Indikator.UkuranKepegawaian.values:
            raise ValidationError(f"Ukuran kepegawaian tidak dikenal: {ukuran_kepegawaian}.")
        indikator.ukuran_kepegawaian = ukuran_kepegawaian
        indikator.sumber_data = (
            Indikator.SumberData.KEPEGAWAIAN if ukuran_kepegawaian else Indikator.SumberData.MANUAL
        )
    indikator._change_reason = jalur  # type: ignore[attr-defined]
    indikator._history_user = oleh  # type: ignore[attr-defined]
    indikator.full_clean(validate_unique=False, validate_constraints=False)
    with transaction.atomic():
        indikator.save()
        services.data_berubah(pd_id=pd.pk)
    return indikator


def node_tambah_dari_master(
    *,
    oleh: AbstractBaseUser,
    renstra: Renstra,
    kode: str,
    indikator_nama: str = "",
    satuan: str = "",
    tahun: int | None = None,
    versi: str = Renja.Versi.MURNI,
) -> ProgramKegiatan:
    """Add a program/kegiatan/sub kegiatan from the master, with its (edited) first indicator.

    The form pre-fills the indicator and unit from the master; the planner may change them.
    An empty indicator name adds the node without an indicator. Added from the grid of year
    ``tahun``: a ditetapkan Renja of that year takes no new node (a sub kegiatan new in the year
    comes through the Renja Perubahan, ``versi="perubahan"``, which must exist and be open).
    """
    pd = renstra.perangkat_daerah
    akses.wajib(
        akses.dapat_mengubah_nilai(oleh, pd), f"Anda tidak berhak mengubah rencana {pd.kode}."
    )
    if tahun is not None:
        renja = Renja.objects.filter(perangkat_daerah=pd, tahun=tahun, versi=versi).first()
        if versi == Renja.Versi.PERUBAHAN and renja is None:
            raise ValidationError(f"Belum ada Renja Perubahan {tahun}.")
        if renja is not None and renja.terkunci:
            saran = (
                " Sub kegiatan baru ditambahkan melalui Renja Perubahan."
                if versi == Renja.Versi.MURNI
                else ""
            )
            raise ValidationError(f"{renja} sudah ditetapkan.{saran}")
    nama = " ".join(indikator_nama.split())
    if nama and not satuan.strip():
        raise ValidationError("Satuan indikator wajib diisi (mis. dokumen, orang, %).")
    with transaction.atomic():
        node = services.node_tambah(
            renstra=renstra, kode=kode, oleh=oleh, dengan_indikator_bawaan=False
        )
        if node.level not in (Level.PROGRAM, Level.KEGIATAN, Level.SUB_KEGIATAN):
            raise ValidationError(f"{node.kode}: pilih program, kegiatan atau sub kegiatan.")
        if nama and not node.indikator.filter(nama=nama).exists():
            urutan = node.indikator.count()
            Indikator.objects.create(
                program_kegiatan=node, nama=nama, satuan=satuan.strip(), urutan=urutan
            )
        services.data_berubah(pd_id=pd.pk)
    return node


# --- the quarter's account (E.81 closing rows) ------------------------------------------------

BIDANG_CATATAN = (
    "faktor_pendorong",
    "faktor_penghambat",
    "tindak_lanjut_triwulan",
    "tindak_lanjut_renja",
)


@dataclass(frozen=True)
class CatatanBerubah(Exception):
    """Someone saved the quarter's account after it was read (optimistic lock)."""

    catatan: CatatanEvaluasi
    revisi_dibaca: int | None


def catatan_evaluasi_simpan(
    *,
    oleh: AbstractBaseUser,
    pd: PerangkatDaerah,
    tahun: int,
    triwulan: int,
    isi: dict[str, str],
    revisi_dibaca: int | None,
) -> CatatanEvaluasi:
    """Save faktor pendorong / penghambat / tindak lanjut of one quarter.

    ``revisi_dibaca`` is the revisi the form showed, None when no account existed yet; a
    different stored revisi (or an account that appeared meanwhile) is ``CatatanBerubah``.
    """
    akses.wajib(akses.dapat_mengubah_nilai(oleh, pd), f"Anda tidak berhak mengubah data {pd.kode}.")
    if triwulan not in TRIWULAN:
        raise ValidationError("Triwulan harus 1 sampai 4.")
    with transaction.atomic():
        catatan = (
            CatatanEvaluasi.objects.select_for_update()
            .filter(perangkat_daerah=pd, tahun=tahun, triwulan=triwulan)
            .first()
        )
        if catatan is None:
            catatan = CatatanEvaluasi(perangkat_daerah=pd, tahun=tahun, triwulan=triwulan)
        elif revisi_dibaca != catatan.revisi:
            raise CatatanBerubah(catatan=catatan, revisi_dibaca=revisi_dibaca)
        else:
            catatan.revisi += 1
        for bidang in BIDANG_CATATAN:
            setattr(catatan, bidang, isi.get(bidang, "").strip())
        catatan._change_reason = "form"  # type: ignore[attr-defined]
        catatan._history_user = oleh  # type: ignore[attr-defined]
        catatan.full_clean(validate_unique=False)
        catatan.save()
        services.data_berubah(pd_id=pd.pk)
    return catatan
