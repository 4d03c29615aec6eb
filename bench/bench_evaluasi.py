"""Benchmark the evaluation engine (``evaluasi``) on a generated pemda, SQLite and PostgreSQL.

Targets (the issue), plan year 2024 (T-C.29 evaluates 2022 against the Renstra 2021-2026; E.81
has the quarterly realisasi of 2024):

1. Every table of the whole pemda (40 perangkat daerah × tc29, tc30, tc31, tc32, tc33, t41 and
   e81 for TW 1-4 = 400 tables) is computed in under 3 s once the plans are loaded. Loading
   (``muat_rencana``) is timed separately.
2. One perangkat daerah's T-C.29 + E.81 (TW 4) CSV export, end to end, in under 1.5 s: two
   ``manage.py export_table`` processes (wall time including Django start-up), and the same two
   commands in-process through ``call_command``. "cold" = no stored result (computed and stored),
   "warm" = the stored result is reused (the plan is still loaded to check its fingerprint).
3. Ten times the data costs at most twelve times the time. The 10× pemda holds the SAME data as
   the 1× one, regrouped: its 4 perangkat daerah are PD01-PD10, PD11-PD20, … merged (the
   ~1,500 sub kegiatan, indicators and values of ten plans in one plan). Each plan is computed on
   its own, so "4 agencies vs 40 agencies" would be linear by construction and say nothing
   about how the engine scales with the size of a plan; merging keeps the data identical and
   makes every plan ten times larger. Reported: mean compute time per plan, 10× / 1×, beside
   the ratio of their value rows. The 1× and 10× compute passes alternate in one process (the
   1× plans are handed over pickled), so that the noise of a shared machine hits both alike.
4. T-C.29 of one perangkat daerah computed by a straightforward per-row ORM loop (one query per
   cell, formulas from ``inti.rumus``), checked equal to the engine row by row, timed beside
   the engine (load + compute).

The generated file (``generate_pemda.py``, as in the import benchmark) gives indicators to sub
kegiatan only, and T-C.29 lists programs and kegiatan only: on that file T-C.29 is empty. So a
second file, written here, gives every program and kegiatan one indicator (Renstra targets per
year and at the end of the period, Renja targets, realisasi 2021-2023 and the quarters of 2024;
kumulatif, non-kumulatif and rata-rata; some negatif), as real Renstra documents have.

Flow: the code is copied to ``bench/out/`` first and the copy is measured, so that one run
measures one version even while the working tree is being edited (``--no-snapshot`` measures the
working tree). Per database engine, two fresh databases (one holding the 1× pemda, one the 10×
pemda: the same amount of data in each), ``migrate`` and ``import_plan`` (not timed), the two
export processes on the 1× database cold then warm, then this script again as worker processes
(``--worker 1x|10x``, Django set up with ``DATABASE_URL``) for the in-process measurements: the
in-process exports, the naive T-C.29, the pemda passes (median of ``--passes``), the cProfile of
one compute pass with some what-ifs, and the service path (``tabel_hitung`` for all 400 tables:
load, fingerprint, compute, store). Subprocesses run with ``DEBUG=0`` (no query log) and without
``REDIS_URL`` (tasks eager). Databases, snapshot and output folder are removed unless ``--keep``.

Usage: ``python bench/bench_evaluasi.py [--db sqlite,postgres] [--passes 3] [--keep]``.
Prints machine information and markdown tables; exits 1 if a target is missed.
"""

from __future__ import annotations

import argparse
import cProfile
import csv
import hashlib
import io
import json
import os
import pstats
import random
import shutil
import statistics
import subprocess
import sys
import time
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
OUT = BENCH / "out"
sys.path.insert(0, str(BENCH))

import bench_import  # noqa: E402
import generate_pemda  # noqa: E402

TAHUN = 2024
TABEL: list[tuple[str, int | None]] = [
    ("tc29", None),
    ("tc30", None),
    ("tc31", None),
    ("tc32", None),
    ("tc33", None),
    ("t41", None),
    ("e81", 1),
    ("e81", 2),
    ("e81", 3),
    ("e81", 4),
]
PEMDA_1X = generate_pemda.PEMDA
PEMDA_10X = f"{generate_pemda.PEMDA} 10x"
GABUNG = 10  # 1× plans merged into one 10× plan
BATAS_HITUNG_S = 3.0
BATAS_EKSPOR_S = 1.5
BATAS_SKALA = 1.2  # time ratio / data ratio: 12× the time for 10× the data
KOLOM_TC29 = ("k4", "k5", "k6", "k7", "k8", "k9", "k10", "k11")
PG_HOST, PG_PORT, PG_USER = bench_import.PG_HOST, bench_import.PG_PORT, bench_import.PG_USER


# What the benchmark runs: a snapshot of the product code taken at the start (others may edit the
# working tree while the benchmark runs, and one run must measure one version), or ROOT itself.
SALINAN = ("config", "evaluasi", "renja", "kepegawaian", "templates", "static", "manage.py")
AKAR = ROOT


def sidik_kode(akar: Path) -> str:
    """Fingerprint of the product code (evaluasi/, renja/) under ``akar``."""
    h = hashlib.sha256()
    for path in sorted([*akar.glob("evaluasi/**/*.py"), *akar.glob("renja/**/*.py")]):
        h.update(path.relative_to(akar).as_posix().encode())
        h.update(path.read_bytes())
    return h.hexdigest()[:12]


def salin_kode(tujuan: Path) -> Path:
    """Copy the code the benchmark runs (not .venv, data, tests) to ``tujuan``."""
    abaikan = shutil.ignore_patterns("__pycache__", "*.pyc")
    tujuan.mkdir(parents=True)
    for nama in SALINAN:
        if (ROOT / nama).is_dir():
            shutil.copytree(ROOT / nama, tujuan / nama, ignore=abaikan)
        else:
            shutil.copy2(ROOT / nama, tujuan / nama)
    (tujuan / "bench").mkdir()
    for path in BENCH.glob("*.py"):
        shutil.copy2(path, tujuan / "bench" / path.name)
    return tujuan


def label(kode: str, triwulan: int | None) -> str:
    return f"{kode} TW{triwulan}" if triwulan else kode


# ------------------------------------------------------------------------------------------------
# Files (no Django)
# ------------------------------------------------------------------------------------------------


def tulis_10x(sumber: Path, tujuan: Path) -> int:
    """The 1× file regrouped: pemda ``… 10x``, PD01-PD10 -> ``PD01-10`` and so on.

    A sub kegiatan code that two merged agencies share (their second bidang) stays with the first
    of them; the later agency's rows for it are dropped. Returns the rows written.
    """
    pemilik: dict[tuple[str, str], str] = {}
    rows = 0
    with (
        sumber.open(encoding="utf-8", newline="") as fin,
        tujuan.open("w", encoding="utf-8", newline="") as fout,
    ):
        reader = csv.DictReader(fin)
        writer = csv.DictWriter(fout, fieldnames=generate_pemda.HEADER, lineterminator="\n")
        writer.writeheader()
        for row in reader:
            nomor = int(row["opd"].removeprefix("PD"))
            awal = (nomor - 1) // GABUNG * GABUNG + 1
            opd = f"PD{awal:02d}-{awal + GABUNG - 1:02d}"
            if pemilik.setdefault((opd, row["kode"]), row["opd"]) != row["opd"]:
                continue
            writer.writerow({**row, "pemda": PEMDA_10X, "opd": opd})
            rows += 1
    return rows


def tulis_program_kegiatan(sumber: Path, tujuan: Path, seed: int) -> int:
    """One indicator for every program and kegiatan of the plans in ``sumber``.

    Deterministic per code (the same program gets the same indicator in the 1× and 10× files).
    The node's years are the years of its sub kegiatan. Returns the rows written.
    """
    tahun_node: dict[tuple[str, str, str], set[int]] = defaultdict(set)
    with sumber.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            parts = row["kode"].split(".")
            for kode in (".".join(parts[:3]), ".".join(parts[:5])):
                tahun_node[(row["pemda"], row["opd"], kode)].add(int(row["tahun"]))
    nama_master: dict[str, str] = {}
    with generate_pemda.MASTER.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            if row["level"] in ("program", "kegiatan"):
                nama_master[row["kode"]] = " ".join(row["nama"].split())
    stat = generate_pemda.Statistik()
    sen = Decimal("0.01")
    rows = 0
    akhir = generate_pemda.TAHUN[-1]
    periode = f"{generate_pemda.TAHUN[0]}-{akhir}"
    with tujuan.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(generate_pemda.HEADER)
        for (pemda, opd, kode), years in sorted(tahun_node.items()):
            rng = random.Random(f"{seed}:{kode}")
            nama = nama_master[kode]
            persen = True
            if kode.count(".") == 2 and rng.random() < 0.2:
                indikator, satuan, pol = f"Persentase Temuan Berulang {nama}", "%", "negatif"
                akm = "non_kumulatif"
                base = Decimal(rng.choice((5, 10, 15, 20)))
            elif kode.count(".") == 2:
                indikator, satuan, pol = f"Persentase Capaian Sasaran {nama}", "%", "positif"
                akm = rng.choice(("non_kumulatif", "rata_rata"))
                base = Decimal(rng.choice((80, 85, 90, 95, 100)))
            else:
                indikator, satuan, pol = f"Jumlah Keluaran {nama}", "Dokumen", "positif"
                akm = "kumulatif"
                base = Decimal(rng.randint(2, 24))
                persen = False

            renstra = {
                t: base if persen else base + rng.randint(0, 2) for t in generate_pemda.TAHUN
            }
            akhir_nilai = sum(renstra.values(), Decimal(0)) if akm == "kumulatif" else base
            nilai: list[tuple[int, str, Decimal]] = [
                *((t, "target_renstra", v) for t, v in renstra.items()),
                (akhir, "target_renstra_akhir", akhir_nilai),
            ]
            for t in sorted(years):
                target = renstra[t]
                nilai.append((t, "target", target))
                if t < generate_pemda.TAHUN_BERJALAN:
                    real = (target * Decimal(rng.uniform(0.7, 1.15))).quantize(sen)
                    nilai.append((t, "realisasi", real))
                elif t == generate_pemda.TAHUN_BERJALAN:
                    bagian = target if persen else target / 4
                    for q in range(1, 5):
                        real = (bagian * Decimal(rng.uniform(0.6, 1.2))).quantize(sen)
                        nilai.append((t, f"realisasi_tw{q}", real))
            for t, jenis, v in nilai:
                teks = generate_pemda.format_nilai(v, rng, stat, satuan)
                writer.writerow(
                    [pemda, opd, kode, nama, indikator, satuan, pol, akm, periode, t, jenis, teks]
                )
                rows += 1
    return rows


def pd_terbesar(path: Path) -> tuple[str, int]:
    """The perangkat daerah with the most sub kegiatan in a generated file (the worst case)."""
    sub: dict[str, set[str]] = defaultdict(set)
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            sub[row["opd"]].add(row["kode"])
    opd = max(sorted(sub), key=lambda k: len(sub[k]))
    return opd, len(sub[opd])


# ------------------------------------------------------------------------------------------------
# Worker (Django, in-process)
# ------------------------------------------------------------------------------------------------


def _django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    import evaluasi

    assert Path(evaluasi.__file__).resolve().is_relative_to(ROOT), evaluasi.__file__


def _pds(nama_pemda: str) -> list[Any]:
    from renja.models import PerangkatDaerah

    return list(
        PerangkatDaerah.objects.select_related("pemda")
        .filter(pemda__nama=nama_pemda)
        .order_by("kode")
    )


def ukur_pemda(nama_pemda: str, passes: int) -> dict[str, Any]:
    """Load every plan, then build its ten tables; ``passes`` times over the whole pemda."""
    from evaluasi.muat import muat_rencana
    from evaluasi.services import bangun, tahun_renstra
    from renja.selectors import renstra_untuk_tahun

    pds = _pds(nama_pemda)
    for p in pds:  # one load serves T-C.29 (Renstra of 2022) and the rest (2024): same plan
        a = renstra_untuk_tahun(pd=p, tahun=tahun_renstra("tc29", TAHUN))
        b = renstra_untuk_tahun(pd=p, tahun=TAHUN)
        assert a is not None and b is not None and a.pk == b.pk, p.kode
    hasil: list[dict[str, Any]] = []
    ukuran: list[dict[str, Any]] = []
    baris: dict[str, int] = defaultdict(int)
    for nomor in range(passes):
        muat = hitung = 0.0
        per_tabel: dict[str, float] = defaultdict(float)
        for p in pds:
            mulai = time.perf_counter()
            data = muat_rencana(pd_obj=p, tahun=TAHUN)
            muat += time.perf_counter() - mulai
            for kode, tw in TABEL:
                mulai = time.perf_counter()
                tabel = bangun(data, tabel=kode, tahun=TAHUN, triwulan=tw, versi="murni")
                detik = time.perf_counter() - mulai
                hitung += detik
                per_tabel[label(kode, tw)] += detik
                if nomor == 0:
                    baris[label(kode, tw)] += len(tabel.baris)
            if nomor == 0:
                ukuran.append(
                    {
                        "kode": p.kode,
                        "node": len(data.node),
                        "sub_kegiatan": int((data.node["level"] == "sub_kegiatan").sum()),
                        "indikator": len(data.indikator),
                        "nilai": len(data.nilai_indikator) + len(data.nilai_node),
                    }
                )
        hasil.append({"muat": muat, "hitung": hitung, "per_tabel": dict(per_tabel)})
    return {
        "pemda": nama_pemda,
        "pd": len(pds),
        "ukuran": ukuran,
        "baris": dict(baris),
        "muat": [h["muat"] for h in hasil],
        "hitung": [h["hitung"] for h in hasil],
        "per_tabel": {k: [h["per_tabel"][k] for h in hasil] for k in hasil[0]["per_tabel"]},
    }


def profil_pemda(nama_pemda: str, path: Path) -> dict[str, Any]:
    """cProfile of one compute pass (plans loaded beforehand); top functions."""
    from evaluasi.muat import muat_rencana
    from evaluasi.services import bangun

    datas = [muat_rencana(pd_obj=p, tahun=TAHUN) for p in _pds(nama_pemda)]
    prof = cProfile.Profile()
    prof.enable()
    for data in datas:
        for kode, tw in TABEL:
            bangun(data, tabel=kode, tahun=TAHUN, triwulan=tw, versi="murni")
    prof.disable()
    prof.dump_stats(str(path))
    st = pstats.Stats(prof)
    entries = []
    for (filename, line, func), (_cc, nc, tt, ct, _callers) in st.stats.items():  # type: ignore[attr-defined]
        short = Path(filename).name if filename != "~" else ""
        where = filename.replace(str(ROOT) + "/", "") if str(ROOT) in filename else short
        entries.append({"fungsi": f"{func} ({where}:{line})", "n": nc, "tt": tt, "ct": ct})
    total = st.total_tt  # type: ignore[attr-defined]
    sendiri = sorted(entries, key=lambda e: -e["tt"])[:15]
    kumulatif = sorted(
        (e for e in entries if e["fungsi"].find("evaluasi/") >= 0),
        key=lambda e: -e["ct"],
    )[:12]
    return {"total": total, "sendiri": sendiri, "kumulatif": kumulatif}


def hitung_indeks_sekali(nama_pemda: str) -> float:
    """What-if (bench only): the same compute pass with ONE ``Indeks`` per plan, not per table."""
    from evaluasi import indeks as modul
    from evaluasi.muat import muat_rencana
    from evaluasi.services import bangun

    datas = [muat_rencana(pd_obj=p, tahun=TAHUN) for p in _pds(nama_pemda)]
    asli = modul.Indeks
    simpan: dict[int, Any] = {}

    def sekali(data: Any) -> Any:
        if id(data) not in simpan:
            simpan[id(data)] = asli(data)
        return simpan[id(data)]

    modul.Indeks = sekali  # type: ignore[misc,assignment]
    try:
        mulai = time.perf_counter()
        for data in datas:
            for kode, tw in TABEL:
                bangun(data, tabel=kode, tahun=TAHUN, triwulan=tw, versi="murni")
        return time.perf_counter() - mulai
    finally:
        modul.Indeks = asli  # type: ignore[misc]


def tc29_naif(pd_obj: Any, tahun: int) -> list[tuple[str, str, str, dict[str, Any]]]:
    """T-C.29 the straightforward way: walk the nodes, one ORM query per value."""
    from inti import rumus
    from renja.models import Indikator, Nilai, ProgramKegiatan
    from renja.selectors import renstra_untuk_tahun

    n3, n2, n1 = tahun - 3, tahun - 2, tahun - 1
    renstra = renstra_untuk_tahun(pd=pd_obj, tahun=n2)
    assert renstra is not None
    akhir = renstra.tahun_selesai

    def nilai(ind: Any, t: int, jenis: str, triwulan: int = 0) -> Decimal | None:
        row = Nilai.objects.filter(indikator=ind, tahun=t, jenis=jenis, triwulan=triwulan).first()
        return None if row is None else row.angka

    def target(ind: Any, t: int) -> Decimal | None:
        per = nilai(ind, t, "target_perubahan")
        return per if per is not None else nilai(ind, t, "target")

    def realisasi(ind: Any, t: int) -> Decimal | None:
        tahunan = nilai(ind, t, "realisasi")
        if tahunan is not None:
            return tahunan
        return rumus.agregasi([nilai(ind, t, "realisasi", q) for q in range(1, 5)], ind.akumulasi)

    nodes = list(ProgramKegiatan.objects.filter(renstra=renstra).order_by("kode"))
    tampil: set[int] = set()
    for node in nodes:
        if node.level not in ("program", "kegiatan"):
            continue
        for ind in Indikator.objects.filter(program_kegiatan=node):
            if any(
                nilai(ind, t, j) is not None
                for t, j in (
                    (akhir, "target_renstra_akhir"),
                    (n2, "target"),
                    (n2, "realisasi"),
                    (n1, "target"),
                )
            ):
                current = node
                while current is not None:
                    tampil.add(current.pk)
                    current = current.parent
                break
    rows: list[tuple[str, str, str, dict[str, Any]]] = []
    for node in nodes:
        if node.pk not in tampil:
            continue
        indikator = list(Indikator.objects.filter(program_kegiatan=node).order_by("urutan", "id"))
        if not indikator:
            rows.append((node.kode, node.uraian, "", {}))
        for ind in indikator:
            k4 = nilai(ind, akhir, "target_renstra_akhir")
            if k4 is None:
                k4 = nilai(ind, akhir, "target_renstra")
            tahun_lalu = range(renstra.tahun_mulai, n3 + 1)
            k5 = rumus.agregasi([realisasi(ind, t) for t in tahun_lalu], ind.akumulasi)
            k6, k7, k9 = target(ind, n2), realisasi(ind, n2), target(ind, n1)
            k10 = rumus.agregasi([k5, k7, k9], ind.akumulasi)
            hitungan = {
                "k4": k4,
                "k5": k5,
                "k6": k6,
                "k7": k7,
                "k8": rumus.capaian(k6, k7, ind.polaritas),
                "k9": k9,
                "k10": k10,
                "k11": rumus.capaian(k4, k10, ind.polaritas),
            }
            rows.append((node.kode, node.uraian, ind.nama, hitungan))
    return rows


def _median(xs: list[float]) -> float:
    return statistics.median(xs)


def ukur_naif(nama_pemda: str, opd: str, ulang: int) -> dict[str, Any]:
    """Naive per-row ORM T-C.29 vs the engine (load + compute) for one agency; equal rows."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from evaluasi.muat import muat_rencana
    from evaluasi.services import bangun, tahun_renstra
    from renja.selectors import pd_dari_kode

    pd_obj = pd_dari_kode(pemda=nama_pemda, opd=opd)
    naif_s, muat_s, hitung_s = [], [], []
    naif: list[tuple[str, str, str, dict[str, Any]]] = []
    tabel = None
    for _ in range(ulang):
        mulai = time.perf_counter()
        naif = tc29_naif(pd_obj, TAHUN)
        naif_s.append(time.perf_counter() - mulai)
        mulai = time.perf_counter()
        data = muat_rencana(pd_obj=pd_obj, tahun=tahun_renstra("tc29", TAHUN))
        muat_s.append(time.perf_counter() - mulai)
        mulai = time.perf_counter()
        tabel = bangun(data, tabel="tc29", tahun=TAHUN, triwulan=None, versi="murni")
        hitung_s.append(time.perf_counter() - mulai)
    assert tabel is not None
    mesin = [
        (b.kode, b.uraian, b.indikator, {k: b.nilai[k] for k in KOLOM_TC29 if k in b.nilai})
        for b in tabel.baris
    ]
    beda = [(a, b) for a, b in zip(mesin, naif, strict=False) if a != b]
    assert len(mesin) == len(naif) and not beda, f"naive T-C.29 differs: {beda[:3]}"
    sel = sum(1 for _, _, _, nilai in mesin for v in nilai.values() if v is not None)
    with CaptureQueriesContext(connection) as q_naif:
        tc29_naif(pd_obj, TAHUN)
    with CaptureQueriesContext(connection) as q_mesin:
        data = muat_rencana(pd_obj=pd_obj, tahun=tahun_renstra("tc29", TAHUN))
    contoh = [
        {"kode": k, "indikator": i[:60], **{c: str(v) for c, v in n.items() if c in ("k8", "k11")}}
        for k, _, i, n in mesin
        if n.get("k8") is not None
    ][:3]
    return {
        "opd": opd,
        "baris": len(mesin),
        "baris_indikator": sum(1 for r in mesin if r[2]),
        "sel": sel,
        "naif": naif_s,
        "muat": muat_s,
        "hitung": hitung_s,
        "query_naif": len(q_naif.captured_queries),
        "query_mesin": len(q_mesin.captured_queries),
        "contoh": contoh,
    }


def ukur_ekspor_inproc(nama_pemda: str, opd: str, folder: Path) -> dict[str, dict[str, float]]:
    """``call_command('export_table', …)`` for T-C.29 and E.81 TW 4: cold, then warm."""
    from django.core.management import call_command

    from evaluasi.models import HasilTabel
    from renja.selectors import pd_dari_kode

    pd_obj = pd_dari_kode(pemda=nama_pemda, opd=opd)
    hasil: dict[str, dict[str, float]] = {}
    for keadaan in ("cold", "warm"):
        if keadaan == "cold":
            HasilTabel.objects.filter(perangkat_daerah=pd_obj).delete()
        hasil[keadaan] = {}
        for kode, extra in (("tc29", []), ("e81", ["--triwulan", "4"])):
            keluaran = folder / f"inproc_{kode}.csv"
            args = ["--pemda", nama_pemda, "--opd", opd, "--tahun", str(TAHUN), *extra]
            mulai = time.perf_counter()
            call_command(
                "export_table",
                kode,
                *args,
                "--format",
                "csv",
                "--output",
                str(keluaran),
                stdout=io.StringIO(),
            )
            hasil[keadaan][kode] = time.perf_counter() - mulai
    return hasil


def ukur_layanan(nama_pemda: str) -> float:
    """The application's path for every table of the pemda: ``tabel_hitung(paksa=True)``."""
    from evaluasi.services import tabel_hitung

    mulai = time.perf_counter()
    for p in _pds(nama_pemda):
        for kode, tw in TABEL:
            tabel_hitung(pd=p, tahun=TAHUN, tabel=kode, triwulan=tw, paksa=True)
    return time.perf_counter() - mulai


def ukur_query_nilai(nama_pemda: str) -> dict[str, float]:
    """What-if for the load: each plan's indicators and their values fetched with the filters
    ``muat.py`` uses now (an OR over the indicator's three owners: node, sasaran, tujuan), and
    with plain indexed filters: one query per owner kind, or values by ``indikator_id IN ids``.
    All must return the same rows. Sums over the pemda's plans, seconds."""
    from collections import Counter

    from django.db.models import Q

    from renja.models import Indikator, Nilai
    from renja.selectors import renstra_untuk_tahun

    kolom = ("indikator_id", "tahun", "jenis", "triwulan", "angka", "teks")
    pemilik = ("program_kegiatan__renstra", "sasaran__renstra", "tujuan__renstra")
    waktu: dict[str, float] = defaultdict(float)
    for p in _pds(nama_pemda):
        r = renstra_untuk_tahun(pd=p, tahun=TAHUN)
        milik = Q(program_kegiatan__renstra=r) | Q(sasaran__renstra=r) | Q(tujuan__renstra=r)
        nilai_milik = (
            Q(indikator__program_kegiatan__renstra=r)
            | Q(indikator__sasaran__renstra=r)
            | Q(indikator__tujuan__renstra=r)
        )
        mulai = time.perf_counter()
        ids_or = list(Indikator.objects.filter(milik).values_list("id", flat=True))
        waktu["indikator_or"] += time.perf_counter() - mulai
        mulai = time.perf_counter()
        ids = [
            i
            for f in pemilik
            for i in Indikator.objects.filter(**{f: r}).values_list("id", flat=True)
        ]
        waktu["indikator_per_jenis"] += time.perf_counter() - mulai
        mulai = time.perf_counter()
        a = list(Nilai.objects.filter(nilai_milik).values_list(*kolom))
        waktu["nilai_or"] += time.perf_counter() - mulai
        mulai = time.perf_counter()
        b = [
            v
            for f in pemilik
            for v in Nilai.objects.filter(**{f"indikator__{f}": r}).values_list(*kolom)
        ]
        waktu["nilai_per_jenis"] += time.perf_counter() - mulai
        mulai = time.perf_counter()
        c = list(Nilai.objects.filter(indikator_id__in=ids).values_list(*kolom))
        waktu["nilai_in"] += time.perf_counter() - mulai
        assert sorted(ids) == sorted(ids_or), p.kode
        assert Counter(a) == Counter(b) == Counter(c), p.kode
    return dict(waktu)


def ukur_iterasi_kolom(nama_pemda: str) -> dict[str, float]:
    """What-if for ``Indeks``: walking the four frames it reads (node, indikator, nilai_indikator,
    nilai_node) row by row with ``zip`` over the columns, as pandas Series (what ``Indeks``
    does) or as ``.tolist()``. One walk per plan, summed over the pemda, seconds."""
    from evaluasi.muat import muat_rencana

    datas = [muat_rencana(pd_obj=p, tahun=TAHUN) for p in _pds(nama_pemda)]
    waktu = {"series": 0.0, "tolist": 0.0}
    for data in datas:
        for frame in (data.node, data.indikator, data.nilai_indikator, data.nilai_node):
            mulai = time.perf_counter()
            n1 = sum(1 for _ in zip(*(frame[c] for c in frame.columns), strict=True))
            waktu["series"] += time.perf_counter() - mulai
            mulai = time.perf_counter()
            n2 = sum(1 for _ in zip(*(frame[c].tolist() for c in frame.columns), strict=True))
            waktu["tolist"] += time.perf_counter() - mulai
            assert n1 == n2
    return waktu


def _hitung_semua(datas: list[Any]) -> float:
    from evaluasi.services import bangun

    mulai = time.perf_counter()
    for data in datas:
        for kode, tw in TABEL:
            bangun(data, tabel=kode, tahun=TAHUN, triwulan=tw, versi="murni")
    return time.perf_counter() - mulai


def ukur_skala(acar_1x: Path, passes: int) -> dict[str, list[float]]:
    """Compute of every table of the 1× plans (unpickled from the 1× worker) and of the 10× plans
    (loaded here), in alternating passes in one process, so that the machine's noise (a shared VM)
    falls on both sides of the ratio alike. Seconds per pass, whole pemda."""
    import pickle

    from evaluasi.muat import muat_rencana

    datas_1x = pickle.loads(acar_1x.read_bytes())
    datas_10x = [muat_rencana(pd_obj=p, tahun=TAHUN) for p in _pds(PEMDA_10X)]
    hasil: dict[str, list[float]] = {"1x": [], "10x": []}
    for _ in range(passes):
        hasil["1x"].append(_hitung_semua(datas_1x))
        hasil["10x"].append(_hitung_semua(datas_10x))
    return hasil


def worker(args: argparse.Namespace) -> int:
    _django()
    folder = Path(args.folder)
    hasil: dict[str, Any] = {}
    if args.mode == "10x":
        print("   worker 10x: pemda passes", flush=True)
        hasil["10x"] = ukur_pemda(PEMDA_10X, args.passes)
        print("   worker 10x: 1x and 10x compute passes, alternating", flush=True)
        hasil["skala"] = ukur_skala(folder / "rencana_1x.pickle", args.passes)
        Path(args.json).write_text(json.dumps(hasil, indent=1), encoding="utf-8")
        return 0
    # Warm-up (imports, first queries), not measured.
    ukur_naif(PEMDA_1X, args.opd, 1)
    print("   worker 1x: in-process exports", flush=True)
    hasil["ekspor"] = ukur_ekspor_inproc(PEMDA_1X, args.opd, folder)
    print("   worker 1x: naive T-C.29", flush=True)
    hasil["naif"] = ukur_naif(PEMDA_1X, args.opd, args.passes)
    print("   worker 1x: pemda passes", flush=True)
    hasil["1x"] = ukur_pemda(PEMDA_1X, args.passes)
    import pickle

    from evaluasi.muat import muat_rencana

    datas = [muat_rencana(pd_obj=p, tahun=TAHUN) for p in _pds(PEMDA_1X)]
    (folder / "rencana_1x.pickle").write_bytes(pickle.dumps(datas))
    print("   worker 1x: cProfile, what-ifs", flush=True)
    hasil["profil"] = profil_pemda(PEMDA_1X, folder / "compute.prof")
    hasil["indeks_sekali"] = hitung_indeks_sekali(PEMDA_1X)
    hasil["query"] = ukur_query_nilai(PEMDA_1X)
    hasil["iterasi"] = ukur_iterasi_kolom(PEMDA_1X)
    print("   worker 1x: service path", flush=True)
    hasil["layanan"] = ukur_layanan(PEMDA_1X)
    Path(args.json).write_text(json.dumps(hasil, indent=1), encoding="utf-8")
    return 0


# ------------------------------------------------------------------------------------------------
# Driver (no Django)
# ------------------------------------------------------------------------------------------------


@dataclass
class Proses:
    seconds: float
    output: str


def run_manage(args: list[str], url: str) -> Proses:
    """``manage.py ARGS`` of the measured code in a child process; wall time and output."""
    env = dict(os.environ, DATABASE_URL=url)
    mulai = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=AKAR,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    seconds = time.perf_counter() - mulai
    output = proc.stdout.decode("utf-8", "replace")
    if proc.returncode != 0:
        raise SystemExit(f"manage.py {' '.join(args)} failed ({proc.returncode}):\n{output}")
    return Proses(seconds, output.strip())


def run_python(code: str, url: str) -> float:
    """Wall time of ``python -c CODE`` with the benchmark's environment (start-up costs)."""
    env = dict(os.environ, DATABASE_URL=url, DJANGO_SETTINGS_MODULE="config.settings")
    mulai = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], cwd=AKAR, env=env, check=True)
    return time.perf_counter() - mulai


def run_worker(mode: str, url: str, folder: Path, opd: str, passes: int) -> dict[str, Any]:
    json_path = folder / f"hasil_{mode}.json"
    log = folder / f"worker_{mode}.log"  # the eager tasks log every table at INFO
    skrip = AKAR / "bench" / Path(__file__).name
    perintah = [sys.executable, str(skrip), "--worker", mode, "--json", str(json_path)]
    perintah += ["--opd", opd, "--folder", str(folder), "--passes", str(passes)]
    with log.open("wb") as fh:
        proc = subprocess.run(perintah, cwd=AKAR, env=dict(os.environ, DATABASE_URL=url), stderr=fh)
    if proc.returncode != 0:
        tail = log.read_text(encoding="utf-8", errors="replace")[-3000:]
        raise SystemExit(f"worker failed ({proc.returncode}), see {log}:\n{tail}")
    hasil: dict[str, Any] = json.loads(json_path.read_text(encoding="utf-8"))
    return hasil


def bench_database(
    name: str,
    urls: dict[str, str],
    folder: Path,
    files: dict[str, list[Path]],
    opd: str,
    passes: int,
) -> dict[str, Any]:
    """Two databases: one holding the 1× pemda, one the 10× pemda (the same values)."""
    folder.mkdir(parents=True, exist_ok=True)
    for mode in ("1x", "10x"):
        print(f"\n## {name} ({mode}): migrate, import_plan (not timed here)", flush=True)
        run_manage(["migrate", "--noinput", "-v", "0"], urls[mode])
        r = run_manage(["import_plan", *map(str, files[mode])], urls[mode])
        ringkas = next(line for line in r.output.splitlines() if "nilai baru" in line)
        print(f"   {r.seconds:.1f} s: {ringkas}", flush=True)
    url = urls["1x"]
    hasil: dict[str, Any] = {"name": name, "proses": {}}
    for keadaan in ("cold", "warm"):
        hasil["proses"][keadaan] = {}
        for kode, extra in (("tc29", []), ("e81", ["--triwulan", "4"])):
            keluaran = folder / f"proc_{kode}.csv"
            perintah = ["export_table", kode, "--pemda", PEMDA_1X, "--opd", opd]
            perintah += ["--tahun", str(TAHUN), *extra]
            perintah += ["--format", "csv", "--output", str(keluaran)]
            r = run_manage(perintah, url)
            hasil["proses"][keadaan][kode] = r.seconds
            print(f"   export_table {kode} ({keadaan}): {r.seconds:.2f} s", flush=True)
    setup = "import django; django.setup()"
    hasil["start"] = {
        "python": run_python("pass", url),
        "django": run_python(setup, url),
        "impor": run_python(f"{setup}; import evaluasi.management.commands.export_table", url),
    }
    print(f"## {name}: workers (in-process measurements)", flush=True)
    hasil.update(run_worker("1x", url, folder, opd, passes))
    hasil.update(run_worker("10x", urls["10x"], folder, opd, passes))
    for kode in ("tc29", "e81"):
        a, b = folder / f"proc_{kode}.csv", folder / f"inproc_{kode}.csv"
        assert a.read_bytes() == b.read_bytes(), f"{kode}: process and in-process CSV differ"
        hasil.setdefault("csv_baris", {})[kode] = len(a.read_text(encoding="utf-8").splitlines())
    return hasil


def laporan(results: list[dict[str, Any]], opd: str, n_sub: int) -> list[str]:
    """Print the markdown tables; return the missed targets."""
    gagal: list[str] = []
    med = _median
    r0 = results[0]
    u1, u10 = r0["1x"]["ukuran"], r0["10x"]["ukuran"]
    nilai1 = statistics.mean(u["nilai"] for u in u1)
    nilai10 = statistics.mean(u["nilai"] for u in u10)
    print("\n# Data (per plan = one perangkat daerah's Renstra 2021-2026)\n")
    print(
        "| pemda | plans | sub kegiatan / plan | nodes / plan | indicators / plan | values / plan |"
    )
    print("|---|---:|---:|---:|---:|---:|")
    for key, u in (("1x", u1), ("10x", u10)):
        print(
            f"| {r0[key]['pemda']} | {len(u)} "
            f"| {statistics.mean(x['sub_kegiatan'] for x in u):,.0f} "
            f"| {statistics.mean(x['node'] for x in u):,.0f} "
            f"| {statistics.mean(x['indikator'] for x in u):,.0f} "
            f"| {statistics.mean(x['nilai'] for x in u):,.0f} |"
        )
    print(
        "\nRows per table, whole 1× pemda: "
        + ", ".join(f"{k} {v:,}" for k, v in r0["1x"]["baris"].items())
    )

    print(f"\n# 1. Whole pemda, 40 plans × {len(TABEL)} tables (median of passes, seconds)\n")
    print(
        "| database | load, 40 plans | compute, 400 tables | target < 3 s | compute passes | service path (tabel_hitung ×400) |"
    )
    print("|---|---:|---:|---|---|---:|")
    for r in results:
        hit = med(r["1x"]["hitung"])
        muat = ", ".join(f"{x:.2f}" for x in r["1x"]["muat"])
        ok = hit < BATAS_HITUNG_S
        if not ok:
            gagal.append(f"{r['name']}: whole-pemda compute {hit:.2f} s >= {BATAS_HITUNG_S} s")
        print(
            f"| {r['name']} | {med(r['1x']['muat']):.2f} | {hit:.2f} | {'met' if ok else 'MISSED'} "
            f"| {', '.join(f'{x:.2f}' for x in r['1x']['hitung'])} (load {muat}) "
            f"| {r['layanan']:.1f} |"
        )
    print("\nCompute per table, whole pemda (median, s): ")
    for r in results:
        print(
            f"- {r['name']}: "
            + ", ".join(f"{k} {med(v):.3f}" for k, v in r["1x"]["per_tabel"].items())
        )

    print(
        f"\n# 2. Export of {opd} ({n_sub} sub kegiatan, the largest plan): T-C.29 + E.81 TW 4, csv\n"
    )
    print(
        "| database | state | 2 processes (s) | tc29 + e81 | target < 1.5 s "
        "| in-process (s) | tc29 + e81 | target < 1.5 s |"
    )
    print("|---|---|---:|---|---|---:|---|---|")
    for r in results:
        for keadaan in ("cold", "warm"):
            p, i = r["proses"][keadaan], r["ekspor"][keadaan]
            total, total_i = p["tc29"] + p["e81"], i["tc29"] + i["e81"]
            for cara, t in (("2 processes", total), ("in-process", total_i)):
                if t >= BATAS_EKSPOR_S:
                    gagal.append(f"{r['name']}: export {keadaan}, {cara}: {t:.2f} s >= 1.5 s")
            print(
                f"| {r['name']} | {keadaan} | {total:.2f} | {p['tc29']:.2f} + {p['e81']:.2f} "
                f"| {'met' if total < BATAS_EKSPOR_S else 'MISSED'} "
                f"| {total_i:.3f} | {i['tc29']:.3f} + {i['e81']:.3f} "
                f"| {'met' if total_i < BATAS_EKSPOR_S else 'MISSED'} |"
            )
    for r in results:
        st = r["start"]
        print(
            f"- {r['name']}, start-up of one process (wall): `python -c pass` {st['python']:.2f} s; "
            f"`django.setup()` {st['django']:.2f} s; `django.setup()` and importing the export "
            f"command (pandas, numpy, celery, evaluasi) {st['impor']:.2f} s. "
            f"CSV lines: tc29 {r['csv_baris']['tc29']}, e81 {r['csv_baris']['e81']} "
            "(the process and in-process files are byte-identical)."
        )

    rasio_data = nilai10 / nilai1
    print(
        f"\n# 3. Scaling: mean per plan, 10× plans vs 1× plans (data ratio {rasio_data:.2f}); "
        "compute passes of both alternate in one process\n"
    )
    print(
        "| database | compute 1× (s/plan) | compute 10× (s/plan) | ratio | ratio / data ratio "
        "| per-pass ratios | load 1× (s/plan) | load 10× (s/plan) | load ratio | target ≤ 12× |"
    )
    print("|---|---:|---:|---:|---:|---|---:|---:|---:|---|")
    for r in results:
        sk = r["skala"]
        n1, n10 = r["1x"]["pd"], r["10x"]["pd"]
        per_pass = [(b / n10) / (a / n1) for a, b in zip(sk["1x"], sk["10x"], strict=True)]
        rasio = med(per_pass)
        c1, c10 = med(sk["1x"]) / n1, med(sk["10x"]) / n10
        m1, m10 = med(r["1x"]["muat"]) / n1, med(r["10x"]["muat"]) / n10
        ok = rasio / rasio_data <= BATAS_SKALA
        if not ok:
            gagal.append(f"{r['name']}: 10× costs {rasio:.1f}× (data {rasio_data:.1f}×)")
        print(
            f"| {r['name']} | {c1:.4f} | {c10:.3f} | {rasio:.1f} | {rasio / rasio_data:.2f} "
            f"| {', '.join(f'{x:.1f}' for x in per_pass)} "
            f"| {m1:.4f} | {m10:.3f} | {m10 / m1:.1f} | {'met' if ok else 'MISSED'} |"
        )

    n = r0["naif"]
    print(
        f"\n# 4. T-C.29 of {n['opd']}: per-row ORM loop vs engine ({n['baris']} rows, "
        f"{n['baris_indikator']} indicator rows, {n['sel']} cells, all equal)\n"
    )
    print(
        "| database | naive ORM loop (s) | queries | engine load (s) | engine compute (s) | engine total (s) | queries | naive / engine |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    for r in results:
        n = r["naif"]
        total = med(n["muat"]) + med(n["hitung"])
        print(
            f"| {r['name']} | {med(n['naif']):.3f} | {n['query_naif']:,} | {med(n['muat']):.4f} "
            f"| {med(n['hitung']):.4f} | {total:.4f} | {n['query_mesin']} "
            f"| {med(n['naif']) / total:.0f} |"
        )
    print(
        "\nSample rows (engine = naive): " + "; ".join(json.dumps(c) for c in r0["naif"]["contoh"])
    )

    for r in results:
        p = r["profil"]
        print(
            f"\n# cProfile, one compute pass of the 1× pemda, {r['name']} (total {p['total']:.2f} s under the profiler)\n"
        )
        print("| function | calls | own s | cumulative s |")
        print("|---|---:|---:|---:|")
        for e in p["sendiri"]:
            print(f"| `{e['fungsi']}` | {e['n']:,} | {e['tt']:.3f} | {e['ct']:.3f} |")
        print("\nLargest cumulative (evaluasi/):")
        for e in p["kumulatif"]:
            print(f"- `{e['fungsi']}`: {e['n']:,} calls, {e['ct']:.3f} s")
        print(
            f"\nWhat-if (bench only, product code unchanged): one `Indeks` per plan instead of one per "
            f"table: compute {r['indeks_sekali']:.2f} s (measured {med(r['1x']['hitung']):.2f} s)."
        )
        it = r["iterasi"]
        print(
            f"What-if, `Indeks` input: walking the four frames of the 40 plans once with `zip` over "
            f"pandas Series {it['series']:.3f} s vs over `.tolist()` {it['tolist']:.3f} s "
            "(`Indeks` walks them once per table, 360 times per pass)."
        )
        q = r["query"]
        print(
            f"What-if, load queries summed over the 40 plans (whole load {med(r['1x']['muat']):.2f} s): "
            f"indicators with the OR filter of muat.py {q['indikator_or']:.2f} s vs one query per "
            f"owner kind {q['indikator_per_jenis']:.2f} s; their values with the OR filter "
            f"{q['nilai_or']:.2f} s vs one query per owner kind {q['nilai_per_jenis']:.2f} s vs "
            f"`indikator_id IN (ids)` {q['nilai_in']:.2f} s (same rows)."
        )
    return gagal


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", default="sqlite,postgres", help="comma-separated: sqlite,postgres")
    parser.add_argument("--seed", type=int, default=generate_pemda.SEED)
    parser.add_argument("--passes", type=int, default=3, help="passes over the pemda (median)")
    parser.add_argument("--keep", action="store_true", help="keep the databases and the snapshot")
    parser.add_argument(
        "--no-snapshot", action="store_true", help="run the working tree, not a copy taken at start"
    )
    parser.add_argument("--worker", choices=["1x", "10x"], dest="mode", help=argparse.SUPPRESS)
    parser.add_argument("--json", help=argparse.SUPPRESS)
    parser.add_argument("--opd", help=argparse.SUPPRESS)
    parser.add_argument("--folder", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.mode:
        return worker(args)
    databases = [d.strip() for d in args.db.split(",") if d.strip()]
    # Production-like subprocesses: no query log (DEBUG=0), tasks in-process (no REDIS_URL).
    os.environ.update(DEBUG="0", SECRET_KEY="bench-evaluasi-not-secret-" + "x" * 40, REDIS_URL="")

    global AKAR
    pid = os.getpid()
    sidik_awal = sidik_kode(ROOT)
    if not args.no_snapshot:
        AKAR = salin_kode(OUT / f"bench_evaluasi_kode_{pid}")
        assert sidik_kode(AKAR) == sidik_awal, "the code changed while it was being copied"
    info = bench_import.machine_info()
    print("# Machine")
    for key, value in info:
        print(f"- {key}: {value}")

    OUT.mkdir(parents=True, exist_ok=True)
    mulai = time.perf_counter()
    sub_1x = OUT / "evaluasi_1x.csv"
    stat = generate_pemda.generate(sub_1x, args.seed)
    pk_1x = OUT / "evaluasi_1x_program_kegiatan.csv"
    n_pk = tulis_program_kegiatan(sub_1x, pk_1x, args.seed)
    sub_10x = OUT / "evaluasi_10x.csv"
    n_10x = tulis_10x(sub_1x, sub_10x)
    pk_10x = OUT / "evaluasi_10x_program_kegiatan.csv"
    n_pk10 = tulis_program_kegiatan(sub_10x, pk_10x, args.seed)
    opd, n_sub = pd_terbesar(sub_1x)
    print(
        f"\n# Files (seed {args.seed}, {time.perf_counter() - mulai:.1f} s)\n"
        f"- 1×: {sub_1x.name} {stat.rows:,} rows ({stat.pd} PD, {stat.sub_kegiatan:,} sub kegiatan, "
        f"{stat.indikator:,} indicators) + {pk_1x.name} {n_pk:,} rows (program/kegiatan indicators)\n"
        f"- 10×: {sub_10x.name} {n_10x:,} rows + {pk_10x.name} {n_pk10:,} rows"
    )

    files = {"1x": [sub_1x, pk_1x], "10x": [sub_10x, pk_10x]}
    results = []
    bersihkan: list[Path] = []  # output folders (CSV, JSON, logs, profiles) removed at the end
    for db in databases:
        folder = OUT / f"bench_evaluasi_{db}_{pid}"
        if not args.keep:
            bersihkan.append(folder)
        if db == "sqlite":
            paths = {m: OUT / f"bench_evaluasi_{m}_{pid}.sqlite3" for m in ("1x", "10x")}
            try:
                urls = {m: f"sqlite:///{path}" for m, path in paths.items()}
                results.append(bench_database("SQLite", urls, folder, files, opd, args.passes))
            finally:
                if not args.keep:
                    for path in paths.values():
                        for suffix in ("", "-wal", "-shm"):
                            Path(f"{path}{suffix}").unlink(missing_ok=True)
        elif db == "postgres":
            pg = ["-h", PG_HOST, "-p", PG_PORT, "-U", PG_USER]
            names = {m: f"bench_evaluasi_{m}_{pid}" for m in ("1x", "10x")}
            for dbname in names.values():
                subprocess.run(["createdb", *pg, dbname], check=True)
            try:
                urls = {
                    m: f"postgres://{PG_USER}@{PG_HOST}:{PG_PORT}/{dbname}"
                    for m, dbname in names.items()
                }
                results.append(bench_database("PostgreSQL", urls, folder, files, opd, args.passes))
            finally:
                if not args.keep:
                    for dbname in names.values():
                        subprocess.run(["dropdb", *pg, dbname], check=True)
        else:
            parser.error(f"unknown database {db!r}")

    sidik_akhir = sidik_kode(ROOT)
    if AKAR != ROOT:
        print(
            f"\nMeasured a snapshot of the code taken at the start (evaluasi/ + renja/ sha256 "
            f"{sidik_awal}); the working tree {'is unchanged' if sidik_akhir == sidik_awal else f'has changed since ({sidik_akhir})'}."
        )
        if not args.keep:
            shutil.rmtree(AKAR)
    elif sidik_akhir != sidik_awal:
        print("\nWARNING: the product code changed during the run; the figures mix two versions.")
    gagal = laporan(results, opd, n_sub)
    for folder in bersihkan:
        shutil.rmtree(folder, ignore_errors=True)
    if gagal:
        print("\nTARGETS NOT MET:\n" + "\n".join(f"- {g}" for g in gagal))
        return 1
    print("\nAll targets met.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
