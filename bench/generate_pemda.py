"""Generate a pemda-sized planning file in the long format of ``import_plan``.

Deterministic (seeded): the same seed always writes the same bytes. The file imitates the whole
plan data of one pemda, ``Kota Benchmark``:

* 40 perangkat daerah ``PD01`` … ``PD40``. Each gets its own bidang urusan of the national
  nomenclature (``renja/data/nomenklatur_lengkap.csv``); when that bidang has fewer kabupaten/kota
  sub kegiatan than the perangkat daerah needs, a second bidang (one of the four left over) adds
  the rest, as real agencies that handle two bidang do.
* 130–170 sub kegiatan per perangkat daerah (5,980 in total with the default seed), REAL codes of
  kabupaten/kota kegiatan (``U.BB.PP.2.KK.SSSS``) with the master's name as ``uraian``. Programs,
  kegiatan, bidang and urusan are created by the importer from the codes.
* Two indicators per sub kegiatan: the master's output indicator and unit, and
  ``Persentase Ketepatan Waktu Pelaksanaan <name>`` in ``%``.
* Renstra period 2021-2026 (``periode`` on every row), values for the 6 years 2021 … 2026. A sub
  kegiatan runs in the Renja of a contiguous window of 1–4 of those years (sub kegiatan enter and
  leave the annual plans). For every year of its window: ``pagu`` (on the sub kegiatan) and a
  ``target`` per indicator; for the past years 2021–2023 also ``realisasi`` per indicator and
  ``realisasi_anggaran``; for the current year 2024 the quarterly ``realisasi_tw1`` … ``_tw4`` per
  indicator and ``realisasi_anggaran``.
* Numbers: about 60 % plain (``952669000``, ``93.72``), 40 % Indonesian (``952.669.000``,
  ``2.084.850.290,41``, ``86,41``), and a few with their unit (``86,41 %``, ``3 Dokumen``), so
  that the number parser does real work. Never three decimals (they would read as thousands, rule 2).

Usage: ``python bench/generate_pemda.py [--seed N] [--out PATH]``; prints the path and the counts.
"""

from __future__ import annotations

import argparse
import csv
import random
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MASTER = ROOT / "renja" / "data" / "nomenklatur_lengkap.csv"
OUT_DIR = Path(__file__).resolve().parent / "out"

SEED = 20240101
PEMDA = "Kota Benchmark"
N_PD = 40
SUB_KEGIATAN_PER_PD = (130, 170)
TAHUN = list(range(2021, 2027))
PERIODE = "2021-2026"
TAHUN_BERJALAN = 2024  # quarterly realisasi; earlier years have a yearly realisasi
WINDOW = (1, 4)  # years a sub kegiatan runs in the Renja
SHARE_INDONESIA = 0.4
SHARE_SATUAN = 0.05

HEADER = [
    "pemda",
    "opd",
    "kode",
    "uraian",
    "indikator",
    "satuan",
    "polaritas",
    "akumulasi",
    "periode",
    "tahun",
    "jenis",
    "nilai",
]

SEN = Decimal("0.01")


@dataclass
class Statistik:
    rows: int = 0
    pd: int = 0
    sub_kegiatan: int = 0
    indikator: int = 0
    per_jenis: Counter[str] = field(default_factory=Counter)
    indonesia: int = 0
    bersatuan: int = 0


def _ribuan(digits: str) -> str:
    """``1234567`` -> ``1.234.567``."""
    groups = []
    while len(digits) > 3:
        groups.append(digits[-3:])
        digits = digits[:-3]
    groups.append(digits)
    return ".".join(reversed(groups))


def format_nilai(
    value: Decimal, rng: random.Random, stat: Statistik, satuan: str | None = None
) -> str:
    """``value`` (0 or 2 decimals) in plain or Indonesian notation, sometimes with its unit."""
    value = value.quantize(SEN, rounding=ROUND_HALF_UP) if value != value.to_integral() else value
    integral = value == value.to_integral()
    whole, _, frac = format(value.quantize(Decimal(1)) if integral else value, "f").partition(".")
    if rng.random() < SHARE_INDONESIA:
        stat.indonesia += 1
        text = _ribuan(whole) + ("," + frac if frac else "")
    else:
        text = whole + ("." + frac if frac else "")
    if satuan and rng.random() < SHARE_SATUAN:
        stat.bersatuan += 1
        text += f" {satuan}" if satuan != "%" else " %"
    return text


def _sub_kegiatan_master() -> tuple[dict[str, list[dict[str, str]]], list[str]]:
    """Kabupaten/kota sub kegiatan of the master, per bidang (``U.BB``), in file order."""
    per_bidang: dict[str, list[dict[str, str]]] = defaultdict(list)
    with MASTER.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            if row["level"] != "sub_kegiatan":
                continue
            parts = row["kode"].split(".")
            if parts[3] != "2":  # 1 = provinsi; 3-7 = other government levels
                continue
            per_bidang[".".join(parts[:2])].append(row)
    return per_bidang, sorted(per_bidang)


def generate(out: Path, seed: int = SEED) -> Statistik:
    rng = random.Random(seed)
    per_bidang, bidang = _sub_kegiatan_master()
    rng.shuffle(bidang)
    primer, cadangan = bidang[:N_PD], bidang[N_PD:]
    stat = Statistik(pd=N_PD)
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(HEADER)

        def tulis(
            opd: str,
            sk: dict[str, str],
            indikator: tuple[str, str, str] | None,
            tahun: int,
            jenis: str,
            nilai: str,
        ) -> None:
            nama, satuan, akumulasi = indikator or ("", "", "")
            writer.writerow(
                [
                    PEMDA,
                    opd,
                    sk["kode"],
                    sk["nama"],
                    nama,
                    satuan,
                    "positif" if indikator else "",
                    akumulasi,
                    PERIODE,
                    tahun,
                    jenis,
                    nilai,
                ]
            )
            stat.rows += 1
            stat.per_jenis[jenis] += 1

        for nomor, kode_bidang in enumerate(primer, start=1):
            opd = f"PD{nomor:02d}"
            want = rng.randint(*SUB_KEGIATAN_PER_PD)
            pool = list(per_bidang[kode_bidang])
            if len(pool) < want:
                extra = per_bidang[cadangan[nomor % len(cadangan)]]
                pool += rng.sample(extra, min(len(extra), want - len(pool)))
            chosen = sorted(rng.sample(pool, want), key=lambda r: r["kode"])
            for sk in chosen:
                stat.sub_kegiatan += 1
                indikator = [
                    (" ".join(sk["indikator"].split()), sk["satuan"].strip(), "non_kumulatif"),
                    (
                        f"Persentase Ketepatan Waktu Pelaksanaan {' '.join(sk['nama'].split())}",
                        "%",
                        "non_kumulatif",
                    ),
                ]
                stat.indikator += len(indikator)
                length = rng.randint(*WINDOW)
                start = rng.randint(TAHUN[0], TAHUN[-1] - length + 1)
                base_target = Decimal(rng.choice((1, 1, 2, 3, 4, 5, 6, 10, 12, 24, 50, 120, 1500)))
                base_pagu = Decimal(rng.randint(25_000, 2_500_000)) * 1000
                for tahun in range(start, start + length):
                    pagu = (base_pagu * Decimal(rng.uniform(0.85, 1.2)) / 1000).quantize(
                        Decimal(1)
                    ) * 1000
                    tulis(opd, sk, None, tahun, "pagu", format_nilai(pagu, rng, stat, None))
                    for i, ind in enumerate(indikator):
                        if i == 0:
                            target = base_target + rng.randint(0, 2) * (base_target > 10)
                        else:
                            target = Decimal(rng.choice((80, 85, 90, 95, 100)))
                        tulis(
                            opd, sk, ind, tahun, "target", format_nilai(target, rng, stat, ind[1])
                        )
                        if tahun < TAHUN_BERJALAN:
                            real = (target * Decimal(rng.uniform(0.7, 1.1))).quantize(
                                SEN if i else Decimal(1)
                            )
                            tulis(
                                opd,
                                sk,
                                ind,
                                tahun,
                                "realisasi",
                                format_nilai(real, rng, stat, ind[1]),
                            )
                        elif tahun == TAHUN_BERJALAN:
                            for q in range(1, 5):
                                if i == 0:  # a count: the quarter's own share of the target
                                    real = (target / 4 * Decimal(rng.uniform(0.5, 1.3))).quantize(
                                        SEN
                                    )
                                else:  # a percentage: the quarter's own figure
                                    real = Decimal(rng.uniform(60, 100)).quantize(SEN)
                                tulis(
                                    opd,
                                    sk,
                                    ind,
                                    tahun,
                                    f"realisasi_tw{q}",
                                    format_nilai(real, rng, stat, ind[1]),
                                )
                    if tahun <= TAHUN_BERJALAN:
                        serapan = (pagu * Decimal(rng.uniform(0.6, 1.0))).quantize(SEN)
                        tulis(
                            opd,
                            sk,
                            None,
                            tahun,
                            "realisasi_anggaran",
                            format_nilai(serapan, rng, stat, None),
                        )
    return stat


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--out", type=Path, default=OUT_DIR / "kota_benchmark.csv")
    args = parser.parse_args(argv)
    stat = generate(args.out, args.seed)
    print(f"{args.out}: {args.out.stat().st_size:,} bytes")
    print(
        f"{stat.rows:,} value rows; {stat.pd} perangkat daerah, {stat.sub_kegiatan:,} sub kegiatan, "
        f"{stat.indikator:,} indicators"
    )
    print(f"{stat.indonesia:,} numbers in Indonesian notation, {stat.bersatuan:,} with their unit")
    print("per jenis: " + ", ".join(f"{j} {n:,}" for j, n in sorted(stat.per_jenis.items())))
    return 0


if __name__ == "__main__":
    sys.exit(main())
