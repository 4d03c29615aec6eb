"""Quick in-process measurement: load and compute every table of the generated pemda.

Needs the files bench_evaluasi.py generates (bench/out/kota_benchmark.csv and
bench/out/evaluasi_1x_program_kegiatan.csv). Imports them once into
bench/out/quick_compute.sqlite3, then times three passes of: load the 40 plans
(muat_rencana for 2022 and 2024), compute the 10 tables of each (tc29 … t41, e81 TW1-4).
Usage: .venv/bin/python bench/quick_compute.py
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DB = ROOT / "bench" / "out" / "quick_compute.sqlite3"
os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings"
os.environ["DATABASE_URL"] = f"sqlite:///{DB}"
sys.path.insert(0, str(ROOT))

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402

from evaluasi.muat import muat_rencana  # noqa: E402
from evaluasi.services import bangun, tahun_renstra  # noqa: E402
from renja.impor import impor_plan  # noqa: E402
from renja.models import PerangkatDaerah  # noqa: E402

TABLES = [(t, None) for t in ("tc29", "tc30", "tc31", "tc32", "tc33", "t41")] + [
    ("e81", q) for q in (1, 2, 3, 4)
]


def main() -> None:
    if not DB.exists():
        call_command("migrate", verbosity=0)
        out = ROOT / "bench" / "out"
        impor_plan([out / "kota_benchmark.csv"])
        impor_plan([out / "evaluasi_1x_program_kegiatan.csv"])
    pds = list(PerangkatDaerah.objects.select_related("pemda").filter(pemda__nama="Kota Benchmark"))
    for rep in range(3):
        t0 = time.perf_counter()
        data = {}
        for pd in pds:
            for tahun in (2022, 2024):
                data[(pd.pk, tahun)] = muat_rencana(pd_obj=pd, tahun=tahun)
        t1 = time.perf_counter()
        n = 0
        for pd in pds:
            for tabel, q in TABLES:
                d = data[(pd.pk, tahun_renstra(tabel, 2024))]
                bangun(d, tabel=tabel, tahun=2024, triwulan=q, versi="murni")
                n += 1
        t2 = time.perf_counter()
        print(
            f"pass {rep}: {len(pds)} PD, load {t1 - t0:.2f} s, compute {n} tables {t2 - t1:.2f} s"
        )


if __name__ == "__main__":
    main()
