"""Compute and store tables; recompute when their inputs change.

A stored ``HasilTabel`` carries the fingerprint of every input (the plan's
frames, the table, its options and the engine version). Asking for a table
loads the plan (a fixed number of queries), compares fingerprints and
computes only when they differ.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable

from django.db import transaction

from evaluasi.models import HasilTabel
from evaluasi.muat import DataRencana, RencanaTidakAda, muat_rencana
from evaluasi.tabel import PEMBANGUN as PEMBANGUN_RENJA
from evaluasi.tabel_lkj import PEMBANGUN_LKJ
from evaluasi.tabel_perubahan import PEMBANGUN_PERUBAHAN
from inti.serial import tabel_ke_json
from inti.tabel import Tabel, TabelTidakDapatDibuat
from renja.models import PerangkatDaerah

PEMBANGUN: dict[str, Callable[..., Tabel]] = {
    **PEMBANGUN_RENJA,
    **PEMBANGUN_LKJ,
    **PEMBANGUN_PERUBAHAN,
}

# Bump when a formula or a table layout changes: every stored result becomes stale.
VERSI_MESIN = "2026.11.2"  # .2: E.81 prints the quarter's account (faktor pendorong …)

__all__ = ["RencanaTidakAda", "TabelTidakDapatDibuat", "hitung_ulang_pd", "tabel_hitung"]


def tahun_renstra(tabel: str, tahun: int) -> int:
    """T-C.29 of plan year N evaluates N-2 against the Renstra that contains N-2."""
    return tahun - 2 if tabel == "tc29" else tahun


def opsi_teks(*, triwulan: int | None, versi: str) -> str:
    parts = []
    if triwulan:
        parts.append(f"triwulan={triwulan}")
    if versi != "murni":
        parts.append(f"versi={versi}")
    return ";".join(parts)


def _periksa_permintaan(*, tabel: str, triwulan: int | None) -> None:
    if tabel not in PEMBANGUN:
        raise TabelTidakDapatDibuat(
            f"Tabel {tabel!r} belum tersedia; yang tersedia: {', '.join(sorted(PEMBANGUN))}."
        )
    if tabel == "e81" and triwulan is None:
        raise TabelTidakDapatDibuat("E.81 memerlukan --triwulan 1-4.")


def bangun(data: DataRencana, *, tabel: str, tahun: int, triwulan: int | None, versi: str) -> Tabel:
    _periksa_permintaan(tabel=tabel, triwulan=triwulan)
    if tabel == "e81":
        return PEMBANGUN["e81"](data, tahun=tahun, triwulan=triwulan, versi=versi)
    return PEMBANGUN[tabel](data, tahun=tahun)


def tabel_hitung(
    *,
    pd: PerangkatDaerah,
    tahun: int,
    tabel: str,
    triwulan: int | None = None,
    versi: str = "murni",
    paksa: bool = False,
    data: DataRencana | None = None,
) -> HasilTabel:
    """The stored table, recomputed first if any input changed since it was stored.

    ``data`` lets a caller that computes several tables of one plan load it once.
    """
    _periksa_permintaan(tabel=tabel, triwulan=triwulan)
    if data is None:
        data = muat_rencana(pd_obj=pd, tahun=tahun_renstra(tabel, tahun))
    opsi = opsi_teks(triwulan=triwulan, versi=versi)
    sidik = hashlib.sha256(
        f"{VERSI_MESIN}|{tabel}|{tahun}|{opsi}|{data.sidik_jari()}".encode()
    ).hexdigest()
    lama = HasilTabel.objects.filter(
        perangkat_daerah=pd, tahun=tahun, tabel=tabel, opsi=opsi
    ).first()
    if lama is not None and lama.sidik_jari == sidik and not paksa:
        return lama
    mulai = time.perf_counter()
    hasil = bangun(data, tabel=tabel, tahun=tahun, triwulan=triwulan, versi=versi)
    durasi = int((time.perf_counter() - mulai) * 1000)
    obj, _ = HasilTabel.objects.update_or_create(
        perangkat_daerah=pd,
        tahun=tahun,
        tabel=tabel,
        opsi=opsi,
        defaults={"sidik_jari": sidik, "isi": tabel_ke_json(hasil), "durasi_ms": durasi},
    )
    return obj


def _opsi_dari_teks(opsi: str) -> tuple[int | None, str]:
    pairs = dict(p.split("=", 1) for p in opsi.split(";") if p)
    return (int(pairs["triwulan"]) if "triwulan" in pairs else None, pairs.get("versi", "murni"))


def hitung_ulang_pd(*, pd_id: int) -> int:
    """Recompute every stored table of an agency whose inputs changed; returns how many."""
    pd = PerangkatDaerah.objects.select_related("pemda").get(pk=pd_id)
    dihitung = 0
    # The plan is loaded once per Renstra year, not once per stored table.
    dimuat: dict[int, DataRencana | None] = {}
    for lama in HasilTabel.objects.filter(perangkat_daerah=pd):
        triwulan, versi = _opsi_dari_teks(lama.opsi)
        th = tahun_renstra(lama.tabel, lama.tahun)
        if th not in dimuat:
            try:
                dimuat[th] = muat_rencana(pd_obj=pd, tahun=th)
            except RencanaTidakAda:
                dimuat[th] = None
        data = dimuat[th]
        if data is None:
            continue
        try:
            baru = tabel_hitung(
                pd=pd,
                tahun=lama.tahun,
                tabel=lama.tabel,
                triwulan=triwulan,
                versi=versi,
                data=data,
            )
        except TabelTidakDapatDibuat:
            continue
        dihitung += int(baru.sidik_jari != lama.sidik_jari)
    return dihitung


def jadwalkan_hitung_ulang(*, pd_id: int) -> None:
    """After the current transaction commits, recompute the agency's stored tables."""
    from evaluasi.tasks import hitung_ulang_tugas

    transaction.on_commit(lambda: hitung_ulang_tugas.delay(pd_id))
