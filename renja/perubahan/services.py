"""Renja Perubahan (domain.md §6): the mid-year revision of a ditetapkan murni Renja.

Services (keyword-only, the acting user as ``oleh``; ``AksesDitolak`` / ``ValidationError``
with a message a planner can act on):

* ``renja_perubahan_buat``: a draft ``perubahan`` version with ``dasar`` = the murni. Only from a
  ditetapkan murni, only by the agency's kepala, perencana or an admin, one per agency and year.
* ``pagu_perubahan_simpan`` / ``target_perubahan_simpan``: a changed budget or target, through
  ``renja.services.nilai_simpan`` (role, lock, stale-write checks, history) after checking that
  the Perubahan exists and is still open.
* ``sub_kegiatan_baru_tambah``: a sub kegiatan new in the revision (``node_tambah``) with its
  perubahan budget.

**What creating the Perubahan copies: nothing.** Values are keyed by kind, not by version
(``JENIS_VERSI``): the murni keeps ``pagu``/``target``, the revision writes ``pagu_perubahan``/
``target_perubahan``, and every reader falls back to the murni value where a sub kegiatan or an
indicator has no perubahan value (``Indeks.target``, E.81 versi perubahan, the LKj budget,
``evaluasi.tabel_perubahan``). Copying the murni into perubahan kinds would make every sub
kegiatan look "revised", hide which ones the planner changed, and duplicate the budget that the
locked murni already holds. The existence of a ``pagu_perubahan`` value is what the Perubahan
tables (Tabel 5.2 / 5.3) classify.
"""

from __future__ import annotations

from decimal import Decimal

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from renja import akses
from renja.models import (
    Indikator,
    Jenis,
    Level,
    Nilai,
    Peran,
    ProgramKegiatan,
    Renja,
    StatusRenja,
)
from renja.services import data_berubah, nilai_simpan, node_tambah

PERAN_PEMBUAT = frozenset({Peran.KEPALA, Peran.PERENCANA, Peran.ADMIN})


def renja_murni_dan_perubahan(*, renja: Renja) -> tuple[Renja | None, Renja | None]:
    """The murni and the perubahan version of the agency-year of ``renja`` (either may be None)."""
    versi = {
        r.versi: r
        for r in Renja.objects.filter(
            perangkat_daerah_id=renja.perangkat_daerah_id, tahun=renja.tahun
        ).select_related("perangkat_daerah")
    }
    return versi.get(Renja.Versi.MURNI), versi.get(Renja.Versi.PERUBAHAN)


def alasan_tidak_dapat_dibuat(
    *, murni: Renja, user: akses.AnyUser, perubahan: Renja | None = None, cek_ada: bool = True
) -> str:
    """Why ``user`` may not create the Perubahan of ``murni`` ("" when they may)."""
    if murni.versi != Renja.Versi.MURNI:
        return "Renja Perubahan dibuat dari Renja murni."
    if murni.status != StatusRenja.DITETAPKAN:
        return (
            f"{murni} berstatus {murni.get_status_display()}; Renja Perubahan hanya dapat "
            "dibuat dari Renja murni yang sudah ditetapkan."
        )
    if cek_ada and perubahan is None:
        perubahan = Renja.objects.filter(
            perangkat_daerah_id=murni.perangkat_daerah_id,
            tahun=murni.tahun,
            versi=Renja.Versi.PERUBAHAN,
        ).first()
    if perubahan is not None:
        return f"Renja Perubahan {murni.tahun} sudah ada (status {perubahan.get_status_display()})."
    if not akses.peran_atas_pd(user, murni.perangkat_daerah) & PERAN_PEMBUAT:
        return "Hanya kepala, perencana perangkat daerah ini atau admin yang dapat membuatnya."
    return ""


def renja_perubahan_buat(*, murni: Renja, oleh: AbstractBaseUser) -> Renja:
    """Start the Renja Perubahan of a ditetapkan murni as a draft (copies no value, see above)."""
    pd = murni.perangkat_daerah
    akses.wajib(
        bool(akses.peran_atas_pd(oleh, pd) & PERAN_PEMBUAT),
        f"Peran Anda tidak berhak membuat Renja Perubahan {pd.kode}.",
    )
    try:
        with transaction.atomic():
            # Lock the murni row: two simultaneous requests create one Perubahan.
            murni = (
                Renja.objects.select_for_update()
                .select_related("perangkat_daerah")
                .get(pk=murni.pk)
            )
            alasan = alasan_tidak_dapat_dibuat(murni=murni, user=oleh)
            if alasan:
                raise ValidationError(alasan)
            perubahan = Renja(
                perangkat_daerah=pd,
                renstra_id=murni.renstra_id,
                tahun=murni.tahun,
                versi=Renja.Versi.PERUBAHAN,
                status=StatusRenja.DRAFT,
                dasar=murni,
            )
            perubahan._history_user = oleh  # type: ignore[attr-defined]
            perubahan._change_reason = "perubahan:buat"  # type: ignore[attr-defined]
            perubahan.save()
            data_berubah(pd_id=pd.pk)
    except IntegrityError as exc:  # renja_unik_per_tahun_versi: created meanwhile
        raise ValidationError(f"Renja Perubahan {murni.tahun} sudah ada.") from exc
    return perubahan


def _wajib_perubahan_terbuka(perubahan: Renja) -> None:
    if perubahan.versi != Renja.Versi.PERUBAHAN:
        raise ValidationError("Nilai perubahan diisi pada Renja Perubahan.")
    if perubahan.terkunci:
        raise ValidationError(f"{perubahan} sudah ditetapkan; nilainya tidak dapat diubah.")


def pagu_perubahan_simpan(
    *,
    perubahan: Renja,
    node: ProgramKegiatan,
    angka: Decimal,
    oleh: AbstractBaseUser,
    revisi_dibaca: int | None = None,
) -> Nilai:
    """A sub kegiatan's budget after the revision (0 = dihapus)."""
    _wajib_perubahan_terbuka(perubahan)
    if node.renstra_id != perubahan.renstra_id:
        raise ValidationError(f"{node.kode} bukan bagian dari rencana {perubahan}.")
    return nilai_simpan(
        oleh=oleh,
        jenis=Jenis.PAGU_PERUBAHAN,
        tahun=perubahan.tahun,
        angka=angka,
        node=node,
        revisi_dibaca=revisi_dibaca,
    )


def target_perubahan_simpan(
    *,
    perubahan: Renja,
    indikator: Indikator,
    oleh: AbstractBaseUser,
    angka: Decimal | None = None,
    teks: str = "",
    revisi_dibaca: int | None = None,
) -> Nilai:
    """An indicator's target after the revision."""
    _wajib_perubahan_terbuka(perubahan)
    node = indikator.program_kegiatan
    if node is None or node.renstra_id != perubahan.renstra_id:
        raise ValidationError(f"Indikator {indikator.nama} bukan bagian dari {perubahan}.")
    return nilai_simpan(
        oleh=oleh,
        jenis=Jenis.TARGET_PERUBAHAN,
        tahun=perubahan.tahun,
        angka=angka,
        teks=teks,
        indikator=indikator,
        revisi_dibaca=revisi_dibaca,
    )


def sub_kegiatan_baru_tambah(
    *,
    perubahan: Renja,
    kode: str,
    pagu: Decimal,
    oleh: AbstractBaseUser,
    uraian: str = "",
) -> ProgramKegiatan:
    """A sub kegiatan added in the revision, with its budget (it has no murni budget)."""
    _wajib_perubahan_terbuka(perubahan)
    with transaction.atomic():
        node = node_tambah(renstra=perubahan.renstra, kode=kode, oleh=oleh, uraian=uraian)
        if node.level != Level.SUB_KEGIATAN:
            raise ValidationError(f"{kode}: anggaran hanya diisi pada sub kegiatan.")
        pagu_perubahan_simpan(perubahan=perubahan, node=node, angka=pagu, oleh=oleh)
    return node
