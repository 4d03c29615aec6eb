"""Writes: every change to planning data goes through a function here.

Functions take keyword arguments and the acting user (``oleh``) where a role
decides; they raise ``AksesDitolak`` or ``ValidationError`` with a message a
planner can act on.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from inti.parsing import Kode, parse_kode
from renja import akses
from renja.models import (
    JENIS_VERSI,
    Indikator,
    Level,
    Nilai,
    Nomenklatur,
    Peran,
    PerangkatDaerah,
    ProgramKegiatan,
    Renja,
    Renstra,
    RiwayatStatus,
    Sasaran,
    StatusRenja,
    Tujuan,
)
from renja.nilai.aturan import PerubahanNilai, aturan_periksa, pemilik_dari

NOMENKLATUR_CSV = Path(__file__).resolve().parent / "data" / "nomenklatur_lengkap.csv"
NOMENKLATUR_SUMBER = "Kepmendagri 900.1.15.5-1317/2023 (lampiran kab/kota)"


# --- Nomenclature master -------------------------------------------------------------


def nomenklatur_baca_csv(path: Path = NOMENKLATUR_CSV) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def nomenklatur_muat(*, model: Any = Nomenklatur, path: Path = NOMENKLATUR_CSV) -> int:
    """Load (or refresh) the national master list; returns the number of new rows.

    Takes the model as an argument so that the data migration can pass its
    historical model. Existing national rows keep their id (plan nodes point
    at them) and get the list's name, indicator and unit.
    """
    rows = nomenklatur_baca_csv(path)
    existing = {n.kode: n for n in model.objects.filter(pemda__isnull=True)}
    baru, berubah = [], []
    for row in rows:
        fields = {
            "level": row["level"],
            "nama": row["nama"],
            "kinerja": row["kinerja"],
            "indikator": row["indikator"],
            "satuan": row["satuan"],
            "sumber": NOMENKLATUR_SUMBER,
        }
        obj = existing.get(row["kode"])
        if obj is None:
            baru.append(model(kode=row["kode"], **fields))
        elif any(getattr(obj, k) != v for k, v in fields.items()):
            for k, v in fields.items():
                setattr(obj, k, v)
            berubah.append(obj)
    model.objects.bulk_create(baru, batch_size=2000)
    if berubah:
        model.objects.bulk_update(berubah, list(fields), batch_size=2000)
    return len(baru)


def nomenklatur_untuk(*, kode: Kode, pemda_id: int | None) -> Nomenklatur | None:
    """The master entry of a code: the national one, else the pemda's local one."""
    candidates = Nomenklatur.objects.filter(kode=kode.kanonik, pemda__isnull=True)
    if pemda_id is not None:
        candidates |= Nomenklatur.objects.filter(kode=kode.kanonik, pemda_id=pemda_id)
    found = {n.pemda_id: n for n in candidates}
    return found.get(None) or found.get(pemda_id)


def nomenklatur_lokal_buat(*, pemda_id: int, kode: Kode, uraian: str) -> Nomenklatur:
    """A code the national list lacks, as the pemda's local entry (check_plan reports it).

    Regions really use local programs (contract §1); an ancestor added only because a
    child needs it is named by its code until someone names it.
    """
    return Nomenklatur.objects.create(
        kode=kode.kanonik,
        level=kode.level,
        nama=uraian or kode.kanonik,
        pemda_id=pemda_id,
        sumber="entri lokal",
    )


# --- Plan tree -----------------------------------------------------------------------


def node_tambah(
    *,
    renstra: Renstra,
    kode: str,
    oleh: AbstractBaseUser | None = None,
    uraian: str = "",
    dengan_indikator_bawaan: bool = True,
) -> ProgramKegiatan:
    """Add a program/kegiatan/sub kegiatan (and its missing ancestors) to a plan tree.

    A sub kegiatan gets the master's indikator and satuan as its first
    indicator, which the planner may then edit. A code absent from the
    national list becomes a local entry of the pemda (named by ``uraian``).
    """
    pd = renstra.perangkat_daerah
    if oleh is not None:
        akses.wajib(
            akses.dapat_mengubah_nilai(oleh, pd), f"Anda tidak berhak mengubah rencana {pd.kode}."
        )
    parsed = parse_kode(kode)
    if parsed.level not in Level.values:
        raise ValidationError(f"{kode}: bukan kode program/kegiatan/sub kegiatan.")
    with transaction.atomic():
        parent = None
        for bagian in leluhur(parsed):
            parent = _node_pastikan(renstra=renstra, kode=bagian, parent=parent, uraian="")
        node = _node_pastikan(renstra=renstra, kode=parsed, parent=parent, uraian=uraian)
        master = node.nomenklatur
        if (
            dengan_indikator_bawaan
            and node.level == Level.SUB_KEGIATAN
            and master.indikator
            and not node.indikator.exists()
        ):
            Indikator.objects.create(
                program_kegiatan=node, nama=master.indikator, satuan=master.satuan or "-"
            )
        data_berubah(pd_id=pd.pk)
    return node


def _node_pastikan(
    *, renstra: Renstra, kode: Kode, parent: ProgramKegiatan | None, uraian: str
) -> ProgramKegiatan:
    node = ProgramKegiatan.objects.filter(renstra=renstra, kode=kode.kanonik).first()
    if node is not None:
        return node
    pemda = renstra.perangkat_daerah.pemda
    master = nomenklatur_untuk(kode=kode, pemda_id=pemda.pk)
    if master is None:
        master = nomenklatur_lokal_buat(pemda_id=pemda.pk, kode=kode, uraian=uraian)
    lokal = uraian if uraian and not nama_sama(uraian, master.nama) else ""
    return ProgramKegiatan.objects.create(
        renstra=renstra,
        nomenklatur=master,
        kode=kode.kanonik,
        level=kode.level,
        parent=parent,
        uraian_lokal=lokal,
    )


def leluhur(kode: Kode) -> list[Kode]:
    """Ancestors of a code, urusan first."""
    chain: list[Kode] = []
    parent = kode.parent
    while parent is not None:
        chain.append(parent)
        parent = parent.parent
    return chain[::-1]


def data_berubah(*, pd_id: int) -> None:
    """This agency's plan data changed: move its data version (``PerangkatDaerah.versi_data``).

    Called by every write service inside its transaction, so the version commits (or rolls
    back) with the data. Whatever is computed from the plan (stored tables, documents) keys
    itself on the version and knows it is stale without loading the plan; nothing here
    needs to know who computes what.
    """
    PerangkatDaerah.objects.filter(pk=pd_id).update(versi_data=F("versi_data") + 1)


def data_pemda_berubah(*, pemda_id: int) -> None:
    """Something every agency of a pemda is computed with changed (e.g. its rating scales)."""
    PerangkatDaerah.objects.filter(pemda_id=pemda_id).update(versi_data=F("versi_data") + 1)


def nama_sama(a: str, b: str) -> bool:
    """Names equal but for case and spacing (the documents vary both freely)."""
    return " ".join(a.casefold().split()) == " ".join(b.casefold().split())


# --- Values --------------------------------------------------------------------------


def renja_pemilik(*, pd: PerangkatDaerah, tahun: int, jenis: str) -> Renja | None:
    """The Renja version whose state governs a value of this year and kind."""
    versi = JENIS_VERSI.get(jenis)
    if versi is None:
        return None
    return Renja.objects.filter(perangkat_daerah=pd, tahun=tahun, versi=versi).first()


@dataclass(frozen=True)
class NilaiBerubah(Exception):
    """Optimistic-lock conflict: someone saved this value since the form was loaded."""

    nilai: Nilai
    revisi_dibaca: int

    def __str__(self) -> str:
        return (
            f"Nilai ini sudah diubah orang lain (revisi {self.nilai.revisi}, "
            f"Anda membaca revisi {self.revisi_dibaca}): {self.nilai.angka or self.nilai.teks}."
        )


def nilai_boleh_diubah(
    *,
    node: ProgramKegiatan | None,
    owner_node: ProgramKegiatan | Sasaran | Tujuan,
    jenis: str,
    tahun: int,
) -> None:
    """The value writer's rules (``renja.nilai.aturan``) for one value: raises ``ValidationError``.

    For the writes beside the writer that a lock governs too (the admin form, an indicator's
    attributes). ``owner_node`` is the row that places the value in a Renstra: the node, or the
    sasaran or tujuan of a Renstra indicator. Renstra kinds have no Renja version, so no lock.
    """
    pemilik = pemilik_dari(node=node, baris=owner_node)
    tolak = aturan_periksa([PerubahanNilai(pemilik=pemilik, jenis=jenis, tahun=tahun)])
    if tolak:
        raise ValidationError(tolak[0].pesan)


def indikator_pemilik(indikator: Indikator) -> ProgramKegiatan | Sasaran | Tujuan | None:
    """The row an indicator belongs to: its node, sasaran (IKU) or tujuan."""
    return indikator.program_kegiatan or indikator.sasaran or indikator.tujuan


def nilai_simpan(
    *,
    oleh: AbstractBaseUser,
    jenis: str,
    tahun: int,
    angka: Decimal | None = None,
    teks: str = "",
    indikator: Indikator | None = None,
    node: ProgramKegiatan | None = None,
    triwulan: int = 0,
    revisi_dibaca: int | None = None,
    jalur: str = "form",
) -> Nilai:
    """Set one value: the role check, then the one writer (``renja.nilai.services.nilai_tulis``:
    lock, level, stale write when ``revisi_dibaca`` is given, history with the path)."""
    # Deferred: the writer builds on this module (NilaiBerubah, data_berubah).
    from renja.nilai.services import nilai_tulis_satu

    owner_node = node or (indikator_pemilik(indikator) if indikator else None)
    if owner_node is None:
        raise ValidationError("Nilai ini tidak memiliki pemilik.")
    pd = owner_node.renstra.perangkat_daerah
    akses.wajib(akses.dapat_mengubah_nilai(oleh, pd), f"Anda tidak berhak mengubah data {pd.kode}.")
    nilai = nilai_tulis_satu(
        perubahan=PerubahanNilai(
            pemilik=pemilik_dari(indikator=indikator, node=node, baris=owner_node),
            jenis=jenis,
            tahun=tahun,
            triwulan=triwulan,
            angka=angka,
            teks=teks,
            cek_revisi=revisi_dibaca is not None,
            revisi_dibaca=revisi_dibaca,
        ),
        oleh=oleh,
        jalur=jalur,
    )
    assert nilai is not None  # only a clear returns None
    return nilai


# --- Workflow (domain.md §6) ---------------------------------------------------------

S = StatusRenja
# (from, to) -> roles allowed. Anything not listed is not a transition.
TRANSISI: dict[tuple[str, str], frozenset[str]] = {
    (S.DRAFT, S.DIAJUKAN): frozenset({Peran.KEPALA, Peran.ADMIN}),
    (S.DIKEMBALIKAN, S.DIAJUKAN): frozenset({Peran.KEPALA, Peran.ADMIN}),
    (S.DIAJUKAN, S.DIVERIFIKASI): frozenset({Peran.BAPPEDA, Peran.ADMIN}),
    (S.DIAJUKAN, S.DIKEMBALIKAN): frozenset({Peran.BAPPEDA, Peran.ADMIN}),
    (S.DIVERIFIKASI, S.DIKEMBALIKAN): frozenset({Peran.BAPPEDA, Peran.ADMIN}),
    (S.DIVERIFIKASI, S.DITETAPKAN): frozenset({Peran.KEPALA, Peran.ADMIN}),
}


def transisi_tersedia(*, renja: Renja, user: akses.AnyUser) -> list[str]:
    peran = akses.peran_atas_pd(user, renja.perangkat_daerah)
    return [ke for (dari, ke), boleh in TRANSISI.items() if dari == renja.status and peran & boleh]


def _transisi(*, renja: Renja, ke: str, oleh: Any, catatan: str = "") -> Renja:
    with transaction.atomic():
        renja = (
            Renja.objects.select_for_update().select_related("perangkat_daerah").get(pk=renja.pk)
        )
        boleh = TRANSISI.get((renja.status, ke))
        if boleh is None:
            raise ValidationError(
                f"{renja} berstatus {renja.get_status_display()}; "
                f"tidak dapat diubah menjadi {StatusRenja(ke).label}."
            )
        peran = akses.peran_atas_pd(oleh, renja.perangkat_daerah)
        akses.wajib(
            bool(peran & boleh),
            f"Peran Anda tidak berhak mengubah {renja} menjadi {StatusRenja(ke).label}.",
        )
        if ke == S.DIKEMBALIKAN and not catatan.strip():
            raise ValidationError("Catatan wajib diisi saat mengembalikan Renja.")
        RiwayatStatus.objects.create(
            renja=renja, dari=renja.status, ke=ke, oleh=oleh, catatan=catatan.strip()
        )
        renja.status = ke
        if ke == S.DITETAPKAN:
            renja.ditetapkan_pada = timezone.now()
        renja.save(update_fields=["status", "ditetapkan_pada"])
        # A set Renja prints its date; the documents key on the data version.
        data_berubah(pd_id=renja.perangkat_daerah_id)
    return renja


def renja_ajukan(*, renja: Renja, oleh: AbstractBaseUser, catatan: str = "") -> Renja:
    return _transisi(renja=renja, ke=S.DIAJUKAN, oleh=oleh, catatan=catatan)


def renja_verifikasi(*, renja: Renja, oleh: AbstractBaseUser, catatan: str = "") -> Renja:
    return _transisi(renja=renja, ke=S.DIVERIFIKASI, oleh=oleh, catatan=catatan)


def renja_kembalikan(*, renja: Renja, oleh: AbstractBaseUser, catatan: str) -> Renja:
    return _transisi(renja=renja, ke=S.DIKEMBALIKAN, oleh=oleh, catatan=catatan)


def renja_tetapkan(*, renja: Renja, oleh: AbstractBaseUser, catatan: str = "") -> Renja:
    return _transisi(renja=renja, ke=S.DITETAPKAN, oleh=oleh, catatan=catatan)


def jenis_terkunci(
    *, pd: PerangkatDaerah, pasangan: Iterable[tuple[int, str]]
) -> set[tuple[int, str]]:
    """Of the (tahun, jenis) pairs given, those a ditetapkan Renja version locks."""
    dicari = {(t, j) for t, j in pasangan if j in JENIS_VERSI}
    if not dicari:
        return set()
    terkunci = set(
        Renja.objects.filter(
            perangkat_daerah=pd,
            status=StatusRenja.DITETAPKAN,
            tahun__in={t for t, _ in dicari},
        ).values_list("tahun", "versi")
    )
    return {(t, j) for t, j in dicari if (t, JENIS_VERSI[j]) in terkunci}
