"""The one writer of values (``Nilai``): the grid, ``import_plan``, the Excel upload, the staff
roster and the API all write through ``nilai_tulis``.

It owns what every path must do the same way:

* the rules (``aturan.aturan_periksa``): budgets only on sub kegiatan, Renstra years, a Renja
  Perubahan before its values, and no change to a ditetapkan Renja version;
* stale writes: a change that carries the revisi it was read at is refused when the stored
  revisi differs (``NilaiBerubah`` for one cell, a ``Penolakan`` per change for a batch);
* ``revisi`` + 1 and ``diubah_pada`` on every change, history with the user and the path as
  change reason (``form``, ``impor:<files>``, ``excel``, ``kepegawaian``, ``api``);
* unchanged values are counted, not written (no new revision, no history row);
* after a write, the data version of each agency touched moves (``services.data_berubah``, in
  the writing transaction; for values called from here only), so stored tables and documents
  know they are stale.

Who may write is the caller's check (``akses.dapat_mengubah_nilai``): each caller refuses before
it does any work (reading a file, parsing a cell), and the command-line import has no user.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from renja import services
from renja.models import Nilai
from renja.nilai.aturan import Penolakan, PerubahanNilai, aturan_periksa

JALUR_FORM = "form"
JALUR_EXCEL = "excel"
JALUR_KEPEGAWAIAN = "kepegawaian"
JALUR_API = "api"
BATCH = 2000  # ids per IN list and rows per bulk statement


def jalur_impor(nama_berkas: Sequence[str]) -> str:
    """The history reason of an import: ``impor:`` and the file names (the column holds 100)."""
    return "impor:" + ",".join(sorted(set(nama_berkas)))[:90]


class NilaiDitolak(Exception):
    """Some changes of a batch break a rule or were read stale; nothing was written."""

    def __init__(self, penolakan: Sequence[Penolakan]) -> None:
        self.penolakan = list(penolakan)
        super().__init__(f"{len(self.penolakan)} nilai ditolak; tidak ada yang diubah")


# Every stored column, in model order: a stored value is read as a row of these and becomes a
# model instance only when it is written or handed back (``HasilTulis.nilai``).
KOLOM = tuple(f.attname for f in Nilai._meta.concrete_fields)
Kunci = tuple[str, int, int, str, int]


@dataclass
class HasilTulis:
    """What a batch did. ``nilai`` follows the order of the changes (None: cleared or absent)."""

    baru: int = 0
    berubah: int = 0
    dihapus: int = 0
    sama: int = 0
    _isi: list[Nilai | Any | None] = field(default_factory=list, repr=False)

    @property
    def ada_perubahan(self) -> bool:
        return bool(self.baru or self.berubah or self.dihapus)

    @property
    def nilai(self) -> list[Nilai | None]:
        """The values as stored after the write; an unchanged one is built on each access (an
        import leaves ~100,000 of them as rows, not model instances)."""
        return [_sebagai_model(x) if isinstance(x, tuple) else x for x in self._isi]


def _sebagai_model(baris: Any) -> Nilai:
    """A stored row (``_nilai_tersimpan``) as the model instance the database would give."""
    return Nilai.from_db(Nilai.objects.db, KOLOM, tuple(baris))


def _nilai_tersimpan(perubahan: Sequence[PerubahanNilai], *, kunci_baris: bool) -> dict[Kunci, Any]:
    """The stored values the changes address, as named rows: one query per 2,000 owners."""
    ind_ids = sorted({p.pemilik.indikator_id for p in perubahan if p.pemilik.indikator_id})
    node_ids = sorted({p.pemilik.node_id for p in perubahan if p.pemilik.node_id})
    # Narrowed to the years, kinds and quarters asked, so a grid cell locks its own row only.
    saring = Q(
        tahun__in={p.tahun for p in perubahan},
        jenis__in={p.jenis for p in perubahan},
        triwulan__in={p.triwulan for p in perubahan},
    )
    qs = Nilai.objects.select_for_update() if kunci_baris else Nilai.objects.all()
    qs = qs.filter(saring)
    ada: dict[Kunci, Any] = {}
    for mulai in range(0, len(ind_ids), BATCH):
        for r in qs.filter(indikator_id__in=ind_ids[mulai : mulai + BATCH]).values_list(
            *KOLOM, named=True
        ):
            ada[("i", r.indikator_id, r.tahun, r.jenis, r.triwulan)] = r
    for mulai in range(0, len(node_ids), BATCH):
        for r in qs.filter(program_kegiatan_id__in=node_ids[mulai : mulai + BATCH]).values_list(
            *KOLOM, named=True
        ):
            ada[("n", r.program_kegiatan_id, r.tahun, r.jenis, r.triwulan)] = r
    return ada


def _basi(p: PerubahanNilai, kini: Any) -> bool:
    """Was the value changed since the caller read it? Clearing a vanished value is no conflict."""
    if not p.cek_revisi or (p.hapus and kini is None):
        return False
    return (None if kini is None else kini.revisi) != p.revisi_dibaca


def _sama(p: PerubahanNilai, kini: Any) -> bool:
    satuan = kini.satuan if p.satuan is None else p.satuan
    return (kini.angka, kini.teks, kini.satuan) == (p.angka, p.teks, satuan)


def nilai_tulis(
    *,
    perubahan: Sequence[PerubahanNilai],
    oleh: AbstractBaseUser | None,
    jalur: str,
    kunci_baris: bool = True,
    pd_diubah_lain: Sequence[int] = (),
) -> HasilTulis:
    """Write a batch of value changes, all or nothing; raises ``NilaiDitolak`` listing every
    refused change (rules first: then no value is read).

    ``kunci_baris`` locks the stored rows (SELECT … FOR UPDATE) until the transaction ends, so a
    revisi compared is the revisi overwritten. The importer passes False: it does not compare
    revisions, and on PostgreSQL locking ~100,000 rows writes every tuple once more.

    One change (a grid cell, a roster quarter) is validated by the model (``full_clean``) and
    saved as before; batches come from files validated row by row and go in bulk statements,
    so their queries grow with the batch size / 2,000, not with the rows.

    ``pd_diubah_lain``: agencies whose plan the caller changed otherwise in the same transaction
    (the importer's nodes and indicators); their data version moves here too, so that this
    stays the one place a value write moves it.
    """
    perubahan = list(perubahan)
    hasil = HasilTulis(_isi=[None] * len(perubahan))
    if not perubahan:
        _data_berubah(set(pd_diubah_lain))
        return hasil
    tolak = aturan_periksa(perubahan)
    if tolak:
        raise NilaiDitolak(tolak)
    kunci = [p.kunci() for p in perubahan]
    if len(set(kunci)) != len(kunci):
        raise ValueError("perubahan ganda untuk nilai yang sama")  # the caller's bug
    with transaction.atomic():
        ada = _nilai_tersimpan(perubahan, kunci_baris=kunci_baris)
        if any(p.cek_revisi for p in perubahan):
            tolak = [
                Penolakan(
                    p,
                    "berubah",
                    "nilai sudah diubah orang lain sejak dibaca",
                    None if ada.get(k) is None else _sebagai_model(ada[k]),
                )
                for p, k in zip(perubahan, kunci, strict=True)
                if _basi(p, ada.get(k))
            ]
            if tolak:
                raise NilaiDitolak(tolak)
        baru, berubah, hapus = _pilah(perubahan, kunci, ada, hasil)
        if len(baru) + len(berubah) + len(hapus) == 1:
            _tulis_satu([*baru, *berubah, *hapus][0], oleh=oleh, jalur=jalur, hapus=bool(hapus))
        else:
            _tulis_banyak(baru, berubah, hapus, oleh=oleh, jalur=jalur)
        hasil.baru, hasil.berubah, hasil.dihapus = len(baru), len(berubah), len(hapus)
        ditulis = {p.pemilik.pd_id for p in perubahan} if hasil.ada_perubahan else set()
        _data_berubah(ditulis | set(pd_diubah_lain))
    return hasil


def _pilah(
    perubahan: list[PerubahanNilai], kunci: list[Kunci], ada: dict[Kunci, Any], hasil: HasilTulis
) -> tuple[list[Nilai], list[Nilai], list[Nilai]]:
    """Sort the changes into new, changed and deleted values; count the unchanged ones."""
    baru: list[Nilai] = []
    berubah: list[Nilai] = []
    hapus: list[Nilai] = []
    now = timezone.now()
    for i, (p, k) in enumerate(zip(perubahan, kunci, strict=True)):
        tersimpan = ada.get(k)
        if p.hapus:
            if tersimpan is None:
                hasil.sama += 1
            else:
                hapus.append(_sebagai_model(tersimpan))
            continue
        if tersimpan is None:
            kini = Nilai(
                indikator_id=p.pemilik.indikator_id,
                program_kegiatan_id=p.pemilik.node_id,
                tahun=p.tahun,
                jenis=p.jenis,
                triwulan=p.triwulan,
                angka=p.angka,
                teks=p.teks,
                satuan=p.satuan or "",
            )
            baru.append(kini)
        elif _sama(p, tersimpan):
            hasil.sama += 1
            hasil._isi[i] = tersimpan
            continue  # counted, not written: no revision, no history row
        else:
            kini = _sebagai_model(tersimpan)
            kini.angka, kini.teks = p.angka, p.teks
            if p.satuan is not None:
                kini.satuan = p.satuan
            kini.revisi += 1
            kini.diubah_pada = now
            berubah.append(kini)
        hasil._isi[i] = kini
    return baru, berubah, hapus


def _data_berubah(pd_ids: set[int]) -> None:
    """These agencies' plan data changed: move their data version."""
    for pd_id in sorted(pd_ids):
        services.data_berubah(pd_id=pd_id)


def _tulis_satu(nilai: Nilai, *, oleh: AbstractBaseUser | None, jalur: str, hapus: bool) -> None:
    nilai._change_reason = jalur  # type: ignore[attr-defined]
    nilai._history_user = oleh  # type: ignore[attr-defined]
    if hapus:
        nilai.delete()
        return
    nilai.full_clean(validate_unique=False)
    nilai.save()


def _tulis_banyak(
    baru: list[Nilai],
    berubah: list[Nilai],
    hapus: list[Nilai],
    *,
    oleh: AbstractBaseUser | None,
    jalur: str,
) -> None:
    if baru:
        bulk_create_with_history(
            baru, Nilai, batch_size=BATCH, default_user=oleh, default_change_reason=jalur
        )
    if berubah:
        bulk_update_with_history(
            berubah,
            Nilai,
            ["angka", "teks", "satuan", "revisi", "diubah_pada"],
            batch_size=BATCH,
            default_user=oleh,
            default_change_reason=jalur,
        )
    for nilai in hapus:
        # Each deletion writes its own history row (simple-history has no bulk delete).
        nilai._change_reason = jalur  # type: ignore[attr-defined]
        nilai._history_user = oleh  # type: ignore[attr-defined]
        nilai.delete()


def nilai_tulis_satu(
    *, perubahan: PerubahanNilai, oleh: AbstractBaseUser | None, jalur: str
) -> Nilai | None:
    """One change through ``nilai_tulis``, refusals as a form shows them: ``NilaiBerubah`` for a
    stale read, ``ValidationError`` for a rule. Returns the stored value (None when cleared)."""
    try:
        hasil = nilai_tulis(perubahan=[perubahan], oleh=oleh, jalur=jalur)
    except NilaiDitolak as exc:
        (t,) = exc.penolakan
        if t.sebab != "berubah":
            raise ValidationError(t.pesan) from None
        if t.nilai is None:
            raise ValidationError(
                "Nilai ini sudah dihapus orang lain sejak Anda membacanya; muat ulang halaman."
            ) from None
        dibaca = perubahan.revisi_dibaca
        raise services.NilaiBerubah(
            nilai=t.nilai, revisi_dibaca=-1 if dibaca is None else dibaca
        ) from None
    return hasil.nilai[0]
