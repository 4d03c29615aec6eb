"""3-4 of the Excel round trip: the preview kept server-side, then applied through the one
value writer (``renja.nilai.services.nilai_tulis``) in one transaction."""

from __future__ import annotations

import secrets
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from django.contrib.auth.models import AbstractBaseUser
from django.db import IntegrityError, transaction

from inti.berkas import Masalah
from renja import akses
from renja.models import (
    Nilai,
    PerangkatDaerah,
)
from renja.nilai.aturan import Penolakan, PerubahanNilai
from renja.nilai.selectors import pemilik_untuk
from renja.nilai.services import NilaiDitolak, nilai_tulis
from renja.unggah.susunan import (
    ALASAN,
    SESI_KUNCI,
    SESI_MAKS,
    HasilUnggah,
    Perubahan,
    Pratinjau,
    UnggahanDitolak,
    tampil,
    tolak,
)

# --- 3. Keeping the preview server-side ------------------------------------------------


def pratinjau_simpan(session: Any, pratinjau: Pratinjau) -> str:
    """Store the change set in the session under a fresh random token; returns the token."""
    token = secrets.token_urlsafe(18)
    pratinjau.token = token
    semua = dict(session.get(SESI_KUNCI, {}))
    while len(semua) >= SESI_MAKS:
        semua.pop(next(iter(semua)))
    semua[token] = pratinjau.ke_sesi()
    session[SESI_KUNCI] = semua
    return token


def pratinjau_ambil(session: Any, token: str, *, hapus: bool = False) -> Pratinjau | None:
    semua = dict(session.get(SESI_KUNCI, {}))
    data = semua.pop(token, None) if hapus else semua.get(token)
    if hapus:
        session[SESI_KUNCI] = semua
    return Pratinjau.dari_sesi(data) if data else None


# --- 4. Applying -----------------------------------------------------------------------


def pratinjau_terapkan(
    *, pd: PerangkatDaerah, tahun: int, pratinjau: Pratinjau, oleh: AbstractBaseUser
) -> HasilUnggah:
    """Phase 2: write the previewed changes, all or nothing, in a fixed number of queries."""
    akses.wajib(akses.dapat_mengubah_nilai(oleh, pd), f"Anda tidak berhak mengubah data {pd.kode}.")
    if pratinjau.pd_id != pd.pk or pratinjau.tahun != tahun:
        raise akses.AksesDitolak("Pratinjau ini milik perangkat daerah atau tahun lain.")
    lembar = pratinjau.nama_berkas
    try:
        with transaction.atomic():
            # The owners must still be this agency's (a node may have been deleted meanwhile).
            pemilik = pemilik_untuk(
                pd_id=pd.pk,
                indikator_ids={p.pemilik_id for p in pratinjau.perubahan if p.pemilik == "i"},
                node_ids={p.pemilik_id for p in pratinjau.perubahan if p.pemilik == "n"},
            )
            hilang = [
                Masalah(lembar, p.baris, p.kolom, "baris ini sudah tidak ada di rencana")
                for p in pratinjau.perubahan
                if (p.pemilik, p.pemilik_id) not in pemilik
            ]
            if hilang:
                raise UnggahanDitolak(hilang)
            tulis = nilai_tulis(
                perubahan=[
                    PerubahanNilai(
                        pemilik=pemilik[(p.pemilik, p.pemilik_id)],
                        jenis=p.jenis,
                        tahun=tahun,
                        triwulan=p.triwulan,
                        angka=None if p.angka is None else Decimal(p.angka),
                        teks=p.teks,
                        satuan=p.satuan,
                        # Every revision read for the preview is re-checked: a value changed
                        # by someone else since then refuses the whole upload.
                        cek_revisi=True,
                        revisi_dibaca=p.lama_revisi,
                        asal=p,
                    )
                    for p in pratinjau.perubahan
                ],
                oleh=oleh,
                jalur=ALASAN,
            )
    except NilaiDitolak as exc:
        raise UnggahanDitolak(_masalah_penolakan(exc.penolakan, lembar=lembar)) from None
    except IntegrityError as exc:
        # Someone created one of these values between our read and our write.
        raise tolak(
            lembar, "nilai sudah diubah orang lain sejak pratinjau; unggah ulang berkas"
        ) from exc
    return HasilUnggah(baru=tulis.baru, berubah=tulis.berubah, sama=pratinjau.sama + tulis.sama)


def _masalah_penolakan(penolakan: Iterable[Penolakan], *, lembar: str) -> list[Masalah]:
    """The writer's refusals as the upload reports them: a lock for the sheet, the rest by row."""
    masalah: list[Masalah] = []
    for t in penolakan:
        p: Perubahan = t.perubahan.asal
        if t.sebab == "berubah":
            kini: Nilai | None = t.nilai
            sekarang = "kosong" if kini is None else tampil(kini.angka, kini.teks)
            pesan = (
                f"nilai sudah diubah orang lain sejak pratinjau (kini {sekarang}, "
                f"di pratinjau {p.tampil_lama}); unggah ulang berkas"
            )
            masalah.append(Masalah(lembar, p.baris, p.kolom, pesan))
        elif t.sebab in ("terkunci", "perubahan_belum_ada"):
            masalah.append(Masalah(lembar, 0, "-", t.pesan.rstrip(".")))
        else:
            masalah.append(Masalah(lembar, p.baris, p.kolom, t.pesan.rstrip(".")))
    return masalah
