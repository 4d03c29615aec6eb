"""Compute and store tables; recompute when their inputs change.

A stored ``HasilTabel`` is keyed on the engine version, the table, its options and the
agency's data version (``PerangkatDaerah.versi_data``, moved by every write in renja).
Asking for a table costs one query for the version and one for the stored row; the plan
is loaded (a fixed number of queries) only when the table has to be computed. The beat
task ``hitung_ulang_basi_tugas`` recomputes stale stored tables in the background, so
that pages find them ready after an edit.
"""

from __future__ import annotations

import hashlib
import time

from django.db.models import F

from evaluasi.models import HasilTabel
from evaluasi.muat import DataRencana, RencanaTidakAda, muat_rencana
from inti import katalog
from inti.serial import tabel_ke_json
from inti.tabel import Tabel, TabelTidakDapatDibuat
from renja.models import PerangkatDaerah

# Bump when a formula or a table layout changes: every stored result becomes stale.
VERSI_MESIN = "2026.12.1"  # .12.1: one spending rule (E.81 Rp s/d tahun lalu counts quarters)

__all__ = [
    "RencanaTidakAda",
    "TabelTidakDapatDibuat",
    "hitung_ulang_basi",
    "hitung_ulang_pd",
    "tabel_hitung",
]


def tahun_renstra(tabel: str, tahun: int) -> int:
    """The year whose Renstra the table of plan year ``tahun`` reads (T-C.29: N-2)."""
    return katalog.jenis_tabel(tabel).tahun_renstra(tahun)


def opsi_teks(*, triwulan: int | None, versi: str) -> str:
    parts = []
    if triwulan:
        parts.append(f"triwulan={triwulan}")
    if versi != "murni":
        parts.append(f"versi={versi}")
    return ";".join(parts)


def jenis_tabel_rencana(tabel: str, *, triwulan: int | None) -> katalog.JenisTabel:
    """The catalogue entry of a plan table, or ``TabelTidakDapatDibuat`` saying why not."""
    try:
        jenis = katalog.jenis_tabel(tabel)
    except katalog.TabelTidakDikenal as exc:
        raise TabelTidakDapatDibuat(str(exc)) from exc
    if jenis.lingkup != "pd":
        raise TabelTidakDapatDibuat(f"{jenis.judul} bukan tabel rencana perangkat daerah.")
    if jenis.butuh_triwulan and triwulan is None:
        raise TabelTidakDapatDibuat(f"{jenis.singkat} memerlukan --triwulan 1-4.")
    return jenis


def bangun(data: DataRencana, *, tabel: str, tahun: int, triwulan: int | None, versi: str) -> Tabel:
    jenis = jenis_tabel_rencana(tabel, triwulan=triwulan)
    if jenis.butuh_triwulan:
        return jenis.pembangun(data, tahun=tahun, triwulan=triwulan, versi=versi)
    return jenis.pembangun(data, tahun=tahun)


def versi_data(pd: PerangkatDaerah) -> int:
    """The agency's current data version, read fresh (the object may predate a write)."""
    return int(PerangkatDaerah.objects.values_list("versi_data", flat=True).get(pk=pd.pk))


def sidik_tabel(*, tabel: str, tahun: int, opsi: str, versi: int) -> str:
    return hashlib.sha256(f"{VERSI_MESIN}|{tabel}|{tahun}|{opsi}|{versi}".encode()).hexdigest()


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
    """The stored table, recomputed first if the agency's data changed since it was stored.

    ``data`` lets a caller that computes several tables of one plan load it once.
    """
    jenis_tabel_rencana(tabel, triwulan=triwulan)
    opsi = opsi_teks(triwulan=triwulan, versi=versi)
    # Read before the plan is loaded: a write in between makes the stored table look
    # older than it is (recomputed once more), never newer.
    versi_kini = versi_data(pd)
    sidik = sidik_tabel(tabel=tabel, tahun=tahun, opsi=opsi, versi=versi_kini)
    lama = HasilTabel.objects.filter(
        perangkat_daerah=pd, tahun=tahun, tabel=tabel, opsi=opsi
    ).first()
    if lama is not None and lama.sidik_jari == sidik and not paksa:
        return lama
    if data is None:
        data = muat_rencana(pd_obj=pd, tahun=tahun_renstra(tabel, tahun))
    mulai = time.perf_counter()
    hasil = bangun(data, tabel=tabel, tahun=tahun, triwulan=triwulan, versi=versi)
    durasi = int((time.perf_counter() - mulai) * 1000)
    obj, _ = HasilTabel.objects.update_or_create(
        perangkat_daerah=pd,
        tahun=tahun,
        tabel=tabel,
        opsi=opsi,
        defaults={
            "sidik_jari": sidik,
            "versi_data": versi_kini,
            "isi": tabel_ke_json(hasil),
            "durasi_ms": durasi,
        },
    )
    return obj


def _opsi_dari_teks(opsi: str) -> tuple[int | None, str]:
    pairs = dict(p.split("=", 1) for p in opsi.split(";") if p)
    return (int(pairs["triwulan"]) if "triwulan" in pairs else None, pairs.get("versi", "murni"))


def hitung_ulang_pd(*, pd_id: int) -> int:
    """Recompute every stored table of an agency that is stale; returns how many."""
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


def hitung_ulang_basi() -> int:
    """Recompute the stored tables of every agency whose data moved since; returns how many.

    One query finds the stale agencies; each is recomputed with its plan loaded once per year.
    """
    pd_ids = (
        HasilTabel.objects.filter(versi_data__lt=F("perangkat_daerah__versi_data"))
        .values_list("perangkat_daerah_id", flat=True)
        .distinct()
    )
    return sum(hitung_ulang_pd(pd_id=pd_id) for pd_id in sorted(set(pd_ids)))
