"""Realisations computed from the staff roster (domain.md §7).

An indicator with ``sumber_data`` kepegawaian measures the pemda's roster; its realisation of a
quarter is the measure on the quarter's last day. The value is written like any other through
the one writer ``renja.nilai.services.nilai_tulis`` (lock, history with the path
``kepegawaian``) after the role check, so the
grid, the tables and the history treat it as a realisation the planner could have typed.
"""

from __future__ import annotations

from calendar import monthrange
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.utils import timezone

from inti import rumus
from inti.konstanta import TRIWULAN
from kepegawaian import selectors
from kepegawaian.models import Pendidikan
from renja import akses, services
from renja.models import Indikator, Jenis, Nilai
from renja.nilai.aturan import PerubahanNilai, pemilik_dari
from renja.nilai.services import JALUR_KEPEGAWAIAN, NilaiDitolak, nilai_tulis

U = Indikator.UkuranKepegawaian


def akhir_triwulan(tahun: int, triwulan: int) -> date:
    bulan = 3 * triwulan
    return date(tahun, bulan, monthrange(tahun, bulan)[1])


def ukur(*, indikator: Indikator, tanggal: date) -> Decimal | None:
    """The indicator's measure of the pemda's roster on ``tanggal`` (None: nobody counted)."""
    pemilik = services.indikator_pemilik(indikator)
    assert pemilik is not None  # an indicator has exactly one owner (DB constraint)
    pemda = pemilik.renstra.perangkat_daerah.pemda
    ukuran = indikator.ukuran_kepegawaian
    if ukuran in (U.PERSEN_D4_KEATAS, U.PERSEN_S2_KEATAS):
        minimal = Pendidikan.D4 if ukuran == U.PERSEN_D4_KEATAS else Pendidikan.S2
        cukup, semua = selectors.persen_pendidikan_minimal(
            pemda=pemda, tanggal=tanggal, minimal=minimal
        )
        return rumus.persentase(Decimal(cukup), Decimal(semua))
    if ukuran == U.JUMLAH_S2_KEATAS:
        cukup, semua = selectors.persen_pendidikan_minimal(
            pemda=pemda, tanggal=tanggal, minimal=Pendidikan.S2
        )
        return Decimal(cukup) if semua else None
    if ukuran == U.JUMLAH_ASN:
        jumlah = selectors.pegawai_aktif(pemda=pemda, tanggal=tanggal).count()
        return Decimal(jumlah) if jumlah else None
    raise ValidationError(f"Indikator “{indikator.nama}” tidak dihitung dari data kepegawaian.")


@dataclass(frozen=True)
class HasilHitung:
    triwulan: int
    tanggal: date
    nilai: Nilai | None  # None: nobody on the roster on that date, nothing written


def realisasi_hitung(
    *, oleh: AbstractBaseUser, indikator: Indikator, tahun: int, hari_ini: date | None = None
) -> list[HasilHitung]:
    """Write the realisation of every quarter of ``tahun`` that has ended by ``hari_ini``.

    Rounded to 2 decimals as printed (half-up, ``rumus.bulat``); a quarter not yet over is left
    alone (its figure would change until its last day).
    """
    pemilik = services.indikator_pemilik(indikator)
    assert pemilik is not None
    pd = pemilik.renstra.perangkat_daerah
    akses.wajib(akses.dapat_mengubah_nilai(oleh, pd), f"Anda tidak berhak mengubah data {pd.kode}.")
    if indikator.sumber_data != Indikator.SumberData.KEPEGAWAIAN:
        raise ValidationError(f"Indikator “{indikator.nama}” diisi manual, bukan dari kepegawaian.")
    hari_ini = hari_ini or timezone.localdate()
    diukur: list[tuple[int, date, Decimal | None]] = []
    for q in TRIWULAN:
        tanggal = akhir_triwulan(tahun, q)
        if tanggal > hari_ini:
            break
        diukur.append((q, tanggal, rumus.bulat(ukur(indikator=indikator, tanggal=tanggal))))
    # The quarters with a measure in one batch: the writer skips an unchanged figure (no new
    # revision) and refuses them all when the Renja is ditetapkan.
    pemilik_nilai = pemilik_dari(indikator=indikator, baris=pemilik)
    ditulis = [(q, angka) for q, _, angka in diukur if angka is not None]
    try:
        tulis = nilai_tulis(
            perubahan=[
                PerubahanNilai(
                    pemilik=pemilik_nilai,
                    jenis=Jenis.REALISASI,
                    tahun=tahun,
                    triwulan=q,
                    angka=angka,
                )
                for q, angka in ditulis
            ],
            oleh=oleh,
            jalur=JALUR_KEPEGAWAIAN,
        )
    except NilaiDitolak as exc:
        raise ValidationError(exc.penolakan[0].pesan) from None
    nilai_q = {q: n for (q, _), n in zip(ditulis, tulis.nilai, strict=True)}
    return [HasilHitung(q, tanggal, nilai_q.get(q)) for q, tanggal, _ in diukur]
