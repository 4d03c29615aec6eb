"""Phase 2 of ``import_plan``: apply the validated rows in one transaction, with a fixed number of
queries per plan and level (not per row). The steps, in order:

1. pemda, perangkat daerah, Renstra of every row, the Renja versions values belong to (here);
2. the plan tree: nodes level by level, tujuan/sasaran and their links (``pohon``);
3. indicators, then values through the one value writer and printed figures (``nilai``).

A step that finds a problem records it on the ``Konteks``; ``impor_plan`` raises ``ImporGagal``
with all of them and the transaction rolls back.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction

from inti.berkas import ImporGagal
from renja.impor import nilai as langkah_nilai
from renja.impor import pohon
from renja.impor.data import HasilImpor, Konteks
from renja.impor.validasi import baca_dan_validasi
from renja.models import JENIS_VERSI, Pemda, PerangkatDaerah, Renja, Renstra


def impor_plan(paths: Iterable[Path | str], *, oleh: AbstractBaseUser | None = None) -> HasilImpor:
    """Import every file, all or nothing. Raises ``ImporGagal`` listing every problem."""
    semua, names = baca_dan_validasi(paths)
    hasil = HasilImpor(baris=len(semua), files=names)
    with transaction.atomic():
        ctx = Konteks(semua, oleh, hasil)
        terapkan(ctx)
        if ctx.masalah:
            raise ImporGagal(ctx.masalah)  # leaving the block by an exception rolls back
    return hasil


def terapkan(ctx: Konteks) -> None:
    """Every step in order; stops where a step's problems make the next meaningless."""
    pds = pemda_dan_pd(ctx)
    ctx.pd_ids = sorted(pd.pk for pd in pds.values())
    renstra_baris = renstra_per_baris(ctx, pds)
    if ctx.masalah:
        return
    renja_pastikan(ctx, pds, renstra_baris)
    nodes = pohon.nodes(ctx, renstra_baris)
    tujuan, sasaran = pohon.tujuan_sasaran(ctx, renstra_baris, nodes)
    if ctx.masalah:
        return
    indikator, pemilik = langkah_nilai.indikator(ctx, renstra_baris, nodes, tujuan, sasaran)
    langkah_nilai.nilai(ctx, renstra_baris, indikator, pemilik)


def pemda_dan_pd(ctx: Konteks) -> dict[tuple[str, str], PerangkatDaerah]:
    pemdas = {p.nama: p for p in Pemda.objects.filter(nama__in={b.pemda for b in ctx.semua})}
    pds: dict[tuple[str, str], PerangkatDaerah] = {}
    for pemda_nama, opd in sorted({b.kunci_pd for b in ctx.semua}):
        pemda = pemdas.get(pemda_nama)
        if pemda is None:
            pemda = pemdas[pemda_nama] = Pemda.objects.create(nama=pemda_nama)
        pd, _ = PerangkatDaerah.objects.get_or_create(pemda=pemda, kode=opd, defaults={"nama": opd})
        pds[(pemda_nama, opd)] = pd
    return pds


def renstra_per_baris(
    ctx: Konteks, pds: dict[tuple[str, str], PerangkatDaerah]
) -> dict[int, Renstra]:
    """The Renstra of every row (by row index)."""
    per_pd: dict[int, list[Renstra]] = defaultdict(list)
    for r in Renstra.objects.filter(perangkat_daerah__in=pds.values()):
        per_pd[r.perangkat_daerah_id].append(r)
    for b in ctx.semua:
        if b.periode is None:
            continue
        pd = pds[b.kunci_pd]
        existing = next((r for r in per_pd[pd.pk] if r.tahun_mulai == b.periode[0]), None)
        if existing is None:
            overlap = [
                r
                for r in per_pd[pd.pk]
                if r.tahun_mulai <= b.periode[1] and b.periode[0] <= r.tahun_selesai
            ]
            if overlap:
                ctx.salah(
                    b,
                    "periode",
                    f"periode {b.periode[0]}-{b.periode[1]} bertumpang tindih dengan Renstra {overlap[0].periode}",
                )
                continue
            existing = Renstra.objects.create(
                perangkat_daerah=pd, tahun_mulai=b.periode[0], tahun_selesai=b.periode[1]
            )
            per_pd[pd.pk].append(existing)
        elif existing.tahun_selesai != b.periode[1]:
            ctx.salah(
                b,
                "periode",
                f"Renstra {pd.kode} mulai {existing.tahun_mulai} berakhir {existing.tahun_selesai}, bukan {b.periode[1]}",
            )
    hasil: dict[int, Renstra] = {}
    for i, b in enumerate(ctx.semua):
        pd = pds[b.kunci_pd]
        daftar = sorted(per_pd[pd.pk], key=lambda r: -r.tahun_mulai)
        if b.periode is not None:
            found = next((r for r in daftar if r.tahun_mulai == b.periode[0]), None)
        else:
            found = next((r for r in daftar if r.tahun_mulai <= b.tahun <= r.tahun_selesai), None)
            # A transition year after the period belongs to the latest period (contract §1).
            found = found or next((r for r in daftar if r.tahun_mulai <= b.tahun), None)
        if found is None:
            ctx.salah(
                b,
                "periode",
                f"belum ada Renstra {b.opd} yang memuat tahun {b.tahun}; isi kolom periode (mis. 2021-2026)",
            )
        else:
            hasil[i] = found
    return hasil


def renja_pastikan(
    ctx: Konteks, pds: dict[tuple[str, str], PerangkatDaerah], renstra_baris: dict[int, Renstra]
) -> None:
    """Create the Renja versions values belong to (the value writer refuses a ditetapkan one)."""
    wanted: dict[tuple[int, int, str], Renstra] = {}
    for i, b in enumerate(ctx.semua):
        versi = JENIS_VERSI.get(b.jenis)
        if versi and not b.tercetak:
            wanted.setdefault((pds[b.kunci_pd].pk, b.tahun, versi), renstra_baris[i])
    if not wanted:
        return
    existing = {
        (r.perangkat_daerah_id, r.tahun, r.versi): r
        for r in Renja.objects.filter(
            perangkat_daerah__in={k[0] for k in wanted}, tahun__in={k[1] for k in wanted}
        )
    }
    # Murni first: a perubahan version is based on its murni version.
    for key in sorted(wanted, key=lambda k: (k[0], k[1], k[2] != "murni")):
        if key in existing:
            continue
        pd_id, tahun, versi = key
        dasar = None
        if versi == "perubahan":
            dasar = existing.get((pd_id, tahun, "murni"))
            if dasar is None:
                dasar = Renja.objects.create(
                    perangkat_daerah_id=pd_id, renstra=wanted[key], tahun=tahun, versi="murni"
                )
                existing[(pd_id, tahun, "murni")] = dasar
                ctx.hasil.renja_baru += 1
        existing[key] = Renja.objects.create(
            perangkat_daerah_id=pd_id,
            renstra=wanted[key],
            tahun=tahun,
            versi=versi,
            dasar=dasar,
        )
        ctx.hasil.renja_baru += 1
