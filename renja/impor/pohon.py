"""Apply step 2: the plan tree (program, kegiatan, sub kegiatan and their ancestors, level by
level in bulk), tujuan and sasaran with the sasaran a program serves."""

from __future__ import annotations

from typing import Any

from simple_history.utils import bulk_create_with_history

from inti.parsing import Kode
from renja.impor.data import Konteks
from renja.models import (
    LEVEL_URUTAN,
    Jenis,
    Level,
    Nomenklatur,
    ProgramKegiatan,
    Renstra,
    Sasaran,
    SasaranProgram,
    Tujuan,
)
from renja.services import leluhur, nama_sama, nomenklatur_lokal_buat

Nodes = dict[tuple[int, str], ProgramKegiatan]  # (renstra id, code) -> node


Dibutuhkan = dict[tuple[int, str], tuple[Kode, str]]  # (renstra id, code) -> code, uraian


def _dibutuhkan(
    ctx: Konteks, renstra_baris: dict[int, Renstra]
) -> tuple[Dibutuhkan, dict[int, Renstra]]:
    """Every node the rows name and their ancestors, with the uraian given (first non-empty)."""
    needed: Dibutuhkan = {}
    renstras: dict[int, Renstra] = {}
    for i, b in enumerate(ctx.semua):
        if b.khusus or i not in renstra_baris:
            continue
        renstra = renstra_baris[i]
        renstras[renstra.pk] = renstra
        key = (renstra.pk, b.kode.kanonik)
        if key not in needed or not needed[key][1]:
            needed[key] = (b.kode, b.uraian)
        for anc in leluhur(b.kode):
            needed.setdefault((renstra.pk, anc.kanonik), (anc, ""))
    return needed, renstras


class _Master:
    """The nomenclature entries of the codes needed (one query per 500 codes); a code the
    national list lacks becomes the pemda's local entry on first use."""

    def __init__(self, ctx: Konteks, kodes: set[str], pemda_ids: set[int]) -> None:
        self.ctx = ctx
        self.master: dict[tuple[int | None, str], Nomenklatur] = {}
        kode_list = sorted(kodes)
        for start in range(0, len(kode_list), 500):
            potong = kode_list[start : start + 500]
            for n in Nomenklatur.objects.filter(
                kode__in=potong, pemda__isnull=True
            ) | Nomenklatur.objects.filter(kode__in=potong, pemda_id__in=pemda_ids):
                self.master[(n.pemda_id, n.kode)] = n

    def untuk(self, renstra: Renstra, kode: Kode, uraian: str) -> Nomenklatur:
        pemda_id = renstra.perangkat_daerah.pemda_id
        found = self.master.get((None, kode.kanonik)) or self.master.get((pemda_id, kode.kanonik))
        if found is None:
            found = nomenklatur_lokal_buat(pemda_id=pemda_id, kode=kode, uraian=uraian)
            self.master[(pemda_id, kode.kanonik)] = found
            self.ctx.hasil.nomenklatur_lokal_baru += 1
        return found


def nodes(ctx: Konteks, renstra_baris: dict[int, Renstra]) -> Nodes:
    """Create the missing nodes level by level (a parent before its children), in bulk."""
    needed, renstras = _dibutuhkan(ctx, renstra_baris)
    nodes: Nodes = {
        (n.renstra_id, n.kode): n
        for n in ProgramKegiatan.objects.filter(renstra__in=renstras.values()).select_related(
            "nomenklatur"
        )
    }
    master = _Master(
        ctx,
        {kanonik for _, kanonik in needed},
        {r.perangkat_daerah.pemda_id for r in renstras.values()},
    )
    ordered = sorted(needed.items(), key=lambda kv: (LEVEL_URUTAN[kv[1][0].level], kv[0][1]))
    for level in Level.values:
        batch = []
        for (renstra_id, kanonik), (kode, uraian) in ordered:
            if kode.level != level:
                continue
            node = nodes.get((renstra_id, kanonik))
            if node is None:
                m = master.untuk(renstras[renstra_id], kode, uraian)
                parent = nodes[(renstra_id, kode.parent.kanonik)] if kode.parent else None
                node = ProgramKegiatan(
                    renstra=renstras[renstra_id],
                    nomenklatur=m,
                    kode=kanonik,
                    level=kode.level,
                    parent=parent,
                    uraian_lokal=uraian if uraian and not nama_sama(uraian, m.nama) else "",
                )
                batch.append(node)
                nodes[(renstra_id, kanonik)] = node
            elif uraian and not nama_sama(uraian, node.uraian):
                node.uraian_lokal = "" if nama_sama(uraian, node.nomenklatur.nama) else uraian
                node._change_reason = ctx.alasan  # type: ignore[attr-defined]
                node.save(update_fields=["uraian_lokal"])
        if batch:
            bulk_create_with_history(
                batch,
                ProgramKegiatan,
                batch_size=1000,
                default_user=ctx.oleh,
                default_change_reason=ctx.alasan,
            )
            ctx.hasil.node_baru += len(batch)
    return nodes


def tujuan_sasaran(
    ctx: Konteks, renstra_baris: dict[int, Renstra], nodes: dict[tuple[int, str], ProgramKegiatan]
) -> tuple[dict[tuple[int, str], Tujuan], dict[tuple[int, str], Sasaran]]:
    renstra_ids = {r.pk for r in renstra_baris.values()}
    tujuan = {(t.renstra_id, t.kunci): t for t in Tujuan.objects.filter(renstra_id__in=renstra_ids)}
    sasaran = {
        (s.renstra_id, s.kunci): s for s in Sasaran.objects.filter(renstra_id__in=renstra_ids)
    }
    khusus = [(i, b) for i, b in enumerate(ctx.semua) if b.khusus and i in renstra_baris]
    stores: tuple[tuple[str, dict[tuple[int, str], Any], Any], ...] = (
        ("tujuan", tujuan, Tujuan),
        ("sasaran", sasaran, Sasaran),
    )
    for level, store, model in stores:
        for i, b in khusus:
            if b.kode.level != level:
                continue
            renstra = renstra_baris[i]
            kunci = b.kode.kanonik.split("-", 1)[1]
            obj = store.get((renstra.pk, kunci))
            if obj is None:
                obj = model.objects.create(renstra=renstra, kunci=kunci, uraian=b.uraian)
                store[(renstra.pk, kunci)] = obj
            elif b.uraian and obj.uraian != b.uraian:
                obj.uraian = b.uraian
                obj.save(update_fields=["uraian"])
            if b.jenis == Jenis.CATATAN and not b.indikator and obj.keterangan != b.teks:
                obj.keterangan = b.teks
                obj.save(update_fields=["keterangan"])
    links = set(
        SasaranProgram.objects.filter(sasaran__renstra_id__in=renstra_ids).values_list(
            "sasaran_id", "program_id"
        )
    )
    for i, b in enumerate(ctx.semua):
        if not b.sasaran or i not in renstra_baris:
            continue
        renstra = renstra_baris[i]
        target_kunci = b.sasaran.split("-", 1)[1]
        if b.kode.level == "sasaran":
            t = tujuan.get((renstra.pk, target_kunci))
            s = sasaran[(renstra.pk, b.kode.kanonik.split("-", 1)[1])]
            if t is None:
                ctx.salah(b, "sasaran", f"{b.sasaran} tidak ada di Renstra {renstra.periode}")
            elif s.tujuan_id != t.pk:
                s.tujuan = t
                s.save(update_fields=["tujuan"])
        else:
            dilayani = sasaran.get((renstra.pk, target_kunci))
            if dilayani is None:
                ctx.salah(b, "sasaran", f"{b.sasaran} tidak ada di Renstra {renstra.periode}")
                continue
            s = dilayani
            program = nodes[(renstra.pk, b.kode.kanonik)]
            if (s.pk, program.pk) not in links:
                SasaranProgram.objects.create(sasaran=s, program=program)
                links.add((s.pk, program.pk))
    return tujuan, sasaran
