"""Apply step 3: indicators (bulk, with history), then values through the one value writer
(``renja.nilai.services.nilai_tulis``) and printed figures kept for ``check_plan``."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path
from typing import Any

from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from renja.impor.data import KOLOM_PENOLAKAN, Baris, Konteks
from renja.impor.pohon import Nodes
from renja.models import (
    Akumulasi,
    Indikator,
    NilaiTercetak,
    Polaritas,
    Renstra,
    Sasaran,
    Tujuan,
)
from renja.nilai.aturan import Pemilik, PerubahanNilai
from renja.nilai.services import NilaiDitolak, nilai_tulis

Pemilik_ = tuple[str, int]  # ("program_kegiatan" | "sasaran" | "tujuan", id)
IndikatorKunci = tuple[str, int, str]  # owner kind, owner id, casefolded name


def _pemilik(
    i: int,
    b: Baris,
    renstra_baris: dict[int, Renstra],
    nodes: Nodes,
    tujuan: dict[tuple[int, str], Tujuan],
    sasaran: dict[tuple[int, str], Sasaran],
) -> Pemilik_:
    renstra = renstra_baris[i]
    if b.kode.level == "tujuan":
        return ("tujuan", tujuan[(renstra.pk, b.kode.kanonik.split("-", 1)[1])].pk)
    if b.kode.level == "sasaran":
        return ("sasaran", sasaran[(renstra.pk, b.kode.kanonik.split("-", 1)[1])].pk)
    return ("program_kegiatan", nodes[(renstra.pk, b.kode.kanonik)].pk)


def indikator(
    ctx: Konteks,
    renstra_baris: dict[int, Renstra],
    nodes: Nodes,
    tujuan: dict[tuple[int, str], Tujuan],
    sasaran: dict[tuple[int, str], Sasaran],
) -> tuple[dict[IndikatorKunci, Indikator], dict[int, Pemilik_]]:
    """Create or update every indicator the rows name; returns them and each row's owner."""
    pemilik = {
        i: _pemilik(i, b, renstra_baris, nodes, tujuan, sasaran) for i, b in enumerate(ctx.semua)
    }
    spec: dict[IndikatorKunci, Baris] = {}
    attrs: dict[IndikatorKunci, dict[str, str]] = defaultdict(dict)
    for i, b in enumerate(ctx.semua):
        if not b.indikator:
            continue
        key = (*pemilik[i], b.indikator.casefold())
        spec.setdefault(key, b)
        for kolom in ("polaritas", "akumulasi"):
            if getattr(b, kolom):
                attrs[key].setdefault(kolom, getattr(b, kolom))
    existing = _indikator_tersimpan({(k[0], k[1]) for k in spec})
    baru, berubah = _indikator_beda(spec, attrs, existing)
    if baru:
        bulk_create_with_history(
            baru,
            Indikator,
            batch_size=1000,
            default_user=ctx.oleh,
            default_change_reason=ctx.alasan,
        )
    if berubah:
        bulk_update_with_history(
            berubah,
            Indikator,
            ["satuan", "polaritas", "akumulasi"],
            batch_size=1000,
            default_user=ctx.oleh,
            default_change_reason=ctx.alasan,
        )
    ctx.hasil.indikator_baru += len(baru)
    ctx.hasil.indikator_berubah += len(berubah)
    return existing, pemilik


def _indikator_tersimpan(pemilik: set[Pemilik_]) -> dict[IndikatorKunci, Indikator]:
    """The stored indicators of these owners: one query per owner kind."""
    owners: dict[str, set[int]] = defaultdict(set)
    for kind, owner_id in pemilik:
        owners[kind].add(owner_id)
    existing: dict[IndikatorKunci, Indikator] = {}
    for kind, ids in owners.items():
        for ind in Indikator.objects.filter(**{f"{kind}_id__in": ids}):
            existing[(kind, getattr(ind, f"{kind}_id"), ind.nama.casefold())] = ind
    return existing


def _indikator_beda(
    spec: dict[IndikatorKunci, Baris],
    attrs: dict[IndikatorKunci, dict[str, str]],
    existing: dict[IndikatorKunci, Indikator],
) -> tuple[list[Indikator], list[Indikator]]:
    """New indicators (added to ``existing``, numbered after the owner's last) and changed ones."""
    next_urutan: dict[tuple[str, int], int] = defaultdict(int)
    for (kind, owner_id, _), ind in existing.items():
        next_urutan[(kind, owner_id)] = max(next_urutan[(kind, owner_id)], ind.urutan + 1)
    baru: list[Indikator] = []
    berubah: list[Indikator] = []
    for key, b in spec.items():
        kind, owner_id, _ = key
        wanted = {
            "satuan": b.satuan,
            "polaritas": attrs[key].get("polaritas", Polaritas.POSITIF),
            "akumulasi": attrs[key].get("akumulasi", Akumulasi.NON_KUMULATIF),
        }
        found = existing.get(key)
        if found is None:
            ind = Indikator(
                nama=b.indikator,
                urutan=next_urutan[(kind, owner_id)],
                **{f"{kind}_id": owner_id},
                **wanted,
            )
            next_urutan[(kind, owner_id)] += 1
            baru.append(ind)
            existing[key] = ind
            continue
        ind = found
        # Columns left empty keep what is stored; given ones win.
        if not attrs[key].get("polaritas"):
            wanted["polaritas"] = ind.polaritas
        if not attrs[key].get("akumulasi"):
            wanted["akumulasi"] = ind.akumulasi
        if any(getattr(ind, k) != v for k, v in wanted.items()):
            for k, v in wanted.items():
                setattr(ind, k, v)
            berubah.append(ind)
    return baru, berubah


def _perubahan(
    ctx: Konteks,
    renstra_baris: dict[int, Renstra],
    indikator: dict[IndikatorKunci, Indikator],
    pemilik_baris: dict[int, Pemilik_],
) -> tuple[list[PerubahanNilai], list[tuple[dict[str, int], Baris]]]:
    """The rows as value changes for the writer, and the printed figures apart."""
    perubahan: list[PerubahanNilai] = []
    tercetak: list[tuple[dict[str, int], Baris]] = []
    pemilik: dict[tuple[str, int], Pemilik] = {}
    seen: set[tuple[Any, ...]] = set()
    for i, b in enumerate(ctx.semua):
        kind, owner_id = pemilik_baris[i]
        if b.khusus and not b.indikator:
            continue  # tujuan/sasaran declaration or its catatan, stored already
        if b.indikator:
            ind = indikator[(kind, owner_id, b.indikator.casefold())]
            owner = ("i", ind.pk)
        else:
            owner = ("n", owner_id)
        if b.tercetak:
            fk = {"indikator_id" if owner[0] == "i" else "program_kegiatan_id": owner[1]}
            tercetak.append((fk, b))
            continue
        key = (*owner, b.tahun, b.jenis, b.triwulan)
        if key in seen:
            continue  # an identical duplicate row (conflicting ones were refused)
        seen.add(key)
        milik = pemilik.get(owner)
        if milik is None:
            renstra = renstra_baris[i]
            milik = pemilik[owner] = Pemilik(
                pd_id=renstra.perangkat_daerah_id,
                periode=(renstra.tahun_mulai, renstra.tahun_selesai),
                indikator_id=owner[1] if owner[0] == "i" else None,
                node_id=owner[1] if owner[0] == "n" else None,
                level="" if owner[0] == "i" else b.kode.level,
                kode=b.kode.kanonik,
            )
        perubahan.append(
            PerubahanNilai(
                pemilik=milik,
                jenis=b.jenis,
                tahun=b.tahun,
                triwulan=b.triwulan,
                angka=b.angka,
                teks=b.teks,
                satuan=b.satuan_nilai,
                asal=b,
            )
        )
    return perubahan, tercetak


def nilai(
    ctx: Konteks,
    renstra_baris: dict[int, Renstra],
    indikator: dict[IndikatorKunci, Indikator],
    pemilik_baris: dict[int, Pemilik_],
) -> None:
    """Printed figures here; values through the one writer (``nilai_tulis``) in bulk."""
    perubahan, tercetak = _perubahan(ctx, renstra_baris, indikator, pemilik_baris)
    _tercetak(renstra_baris, tercetak, ctx=ctx)
    h = ctx.hasil
    try:
        tulis = nilai_tulis(
            perubahan=perubahan,
            oleh=ctx.oleh,
            jalur=ctx.alasan,
            # No revision is compared, and locking every row would cost PostgreSQL a write
            # per stored value.
            kunci_baris=False,
            # Nodes, indicators or printed figures changed: the tables are stale even when no
            # value is.
            pd_diubah_lain=ctx.pd_ids if h.rencana_berubah else (),
        )
    except NilaiDitolak as exc:
        for t in exc.penolakan:
            ctx.salah(t.perubahan.asal, KOLOM_PENOLAKAN[t.sebab], t.pesan.rstrip("."))
        return
    h.nilai_baru += tulis.baru
    h.nilai_berubah += tulis.berubah
    h.nilai_sama += tulis.sama


def _tercetak(
    renstra_baris: dict[int, Renstra], baris: list[tuple[dict[str, int], Baris]], *, ctx: Konteks
) -> None:
    """Declared and printed figures, kept for ``check_plan`` only (not values, no history)."""
    renstra_ids = {r.pk for r in renstra_baris.values()}
    ind_ids = sorted({fk["indikator_id"] for fk, _ in baris if "indikator_id" in fk})
    ada: dict[tuple[Any, ...], NilaiTercetak] = {}
    for t in NilaiTercetak.objects.filter(program_kegiatan__renstra_id__in=renstra_ids):
        ada[("n", t.program_kegiatan_id, t.tahun, t.jenis, t.triwulan, t.sumber)] = t
    for start in range(0, len(ind_ids), 2000):
        for t in NilaiTercetak.objects.filter(indikator_id__in=ind_ids[start : start + 2000]):
            ada[("i", t.indikator_id, t.tahun, t.jenis, t.triwulan, t.sumber)] = t
    baru: list[NilaiTercetak] = []
    berubah: list[NilaiTercetak] = []
    seen: set[tuple[Any, ...]] = set()
    for fk, b in baris:
        assert b.angka is not None
        owner = (
            ("i", fk["indikator_id"]) if "indikator_id" in fk else ("n", fk["program_kegiatan_id"])
        )
        sumber = Path(b.file).name
        tkey = (*owner, b.tahun, b.jenis, b.triwulan, sumber)
        if tkey in seen:
            continue
        seen.add(tkey)
        lama = ada.get(tkey)
        if lama is None:
            baru.append(
                NilaiTercetak(
                    tahun=b.tahun,
                    jenis=b.jenis,
                    triwulan=b.triwulan,
                    angka=b.angka,
                    desimal=b.desimal,
                    sumber=sumber,
                    **fk,
                )
            )
        elif (lama.angka, lama.desimal) != (b.angka, b.desimal):
            lama.angka, lama.desimal = b.angka, b.desimal
            berubah.append(lama)
    NilaiTercetak.objects.bulk_create(baru, batch_size=2000)
    if berubah:
        NilaiTercetak.objects.bulk_update(berubah, ["angka", "desimal"], batch_size=2000)
    ctx.hasil.tercetak_baru += len(baru)
    ctx.hasil.tercetak_berubah += len(berubah)
