"""Write every report table of several databases as CSV, to prove a refactor changes nothing.

    .venv/bin/python bench/snapshot_tabel.py bench/out/snapshot-before
    ... change the code ...
    .venv/bin/python bench/snapshot_tabel.py bench/out/snapshot-after
    diff -r bench/out/snapshot-before bench/out/snapshot-after

It drives only the public contract (``seed_demo``, ``import_plan``, ``export_table``,
``check_plan``), so the same script runs unchanged on both sides of a refactor. Each database
is a fresh SQLite file in ``bench/out/``; each is filled in its own process:

- ``demo``: ``seed_demo`` (Kota Batam BKPSDM Renja 2024 with its roster);
- ``dumai_banjarbaru``: the Dumai LKj 2023 and Banjarbaru Renja 2024 fixtures;
- ``benchmark``: the generated 40-agency pemda of ``bench/generate_pemda.py`` plus one indicator
  on every program and kegiatan (as ``bench_evaluasi.py``), so that T-C.29 is not empty.

For every perangkat daerah, each plan year in ``--tahun`` and every table (E.81 for TW 1–4) it
writes ``<db>/<opd>/<tahun>/<tabel>.csv``, or ``.galat`` with the command's message when the
table cannot be made; plus ``check_plan`` per plan. ``--cepat`` limits the benchmark pemda to
its first five agencies.
"""

from __future__ import annotations

import argparse
import io
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
TABEL = (
    "tc29", "tc30", "tc31", "tc32", "tc33", "t41", "pk",
    "lkj_capaian", "lkj_anggaran", "lkj_efisiensi", "t52", "t53", "perubahan_pagu",
)  # fmt: skip


def _django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def isi(db: str) -> None:
    """Fill the database named by DATABASE_URL (a child process)."""
    _django()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    if db == "demo":
        call_command("seed_demo", stdout=io.StringIO())
    elif db == "dumai_banjarbaru":
        call_command(
            "import_plan",
            str(ROOT / "fixtures/dumai_lkj_2023.csv"),
            str(ROOT / "fixtures/dumai_lkj_2023_tercetak.csv"),
            str(ROOT / "fixtures/banjarbaru_renja_2024.csv"),
            str(ROOT / "fixtures/banjarbaru_renja_2024_tercetak.csv"),
            stdout=io.StringIO(),
        )
    else:
        sys.path.insert(0, str(ROOT / "bench"))
        import bench_evaluasi
        import generate_pemda

        sub = OUT / "snapshot_1x.csv"
        pk = OUT / "snapshot_1x_program_kegiatan.csv"
        generate_pemda.generate(sub, generate_pemda.SEED)
        bench_evaluasi.tulis_program_kegiatan(sub, pk, generate_pemda.SEED)
        call_command("import_plan", str(sub), str(pk), stdout=io.StringIO())


def tulis(db: str, tujuan: Path, tahun: list[int], cepat: bool) -> int:
    """Export every table of the database (a child process). Returns the files written."""
    _django()
    from django.core.management import call_command
    from django.core.management.base import CommandError

    from renja.models import PerangkatDaerah

    n = 0
    pds = list(PerangkatDaerah.objects.select_related("pemda").order_by("pemda__nama", "kode"))
    if cepat and db == "benchmark":
        pds = pds[:5]
    for pd in pds:
        for t in tahun:
            folder = tujuan / db / pd.pemda.nama / pd.kode / str(t)
            folder.mkdir(parents=True, exist_ok=True)
            permintaan = [(t_, None) for t_ in TABEL] + [("e81", q) for q in (1, 2, 3, 4)]
            for tabel, q in permintaan:
                nama = f"{tabel}_tw{q}" if q else tabel
                args = [tabel, "--pemda", pd.pemda.nama, "--opd", pd.kode, "--tahun", str(t)]
                if q:
                    args += ["--triwulan", str(q)]
                path = folder / f"{nama}.csv"
                try:
                    call_command(
                        "export_table", *args, "--format", "csv", "--output", str(path),
                        stdout=io.StringIO(),
                    )  # fmt: skip
                except CommandError as exc:
                    (folder / f"{nama}.galat").write_text(str(exc) + "\n", encoding="utf-8")
                n += 1
            keluar = io.StringIO()
            try:
                call_command(
                    "check_plan", "--pemda", pd.pemda.nama, "--opd", pd.kode, "--tahun", str(t),
                    stdout=keluar,
                )  # fmt: skip
            except CommandError as exc:
                keluar.write(f"GALAT {exc}\n")
            (folder / "check_plan.csv").write_text(keluar.getvalue(), encoding="utf-8")
            n += 1
    return n


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("tujuan", help="output folder")
    parser.add_argument("--db", default="demo,dumai_banjarbaru,benchmark")
    parser.add_argument("--tahun", default="2023,2024")
    parser.add_argument("--cepat", action="store_true", help="five agencies of the benchmark")
    parser.add_argument("--anak", choices=["isi", "tulis"], help=argparse.SUPPRESS)
    parser.add_argument("--nama", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    tahun = [int(t) for t in args.tahun.split(",")]
    if args.anak == "isi":
        isi(args.nama)
        return 0
    if args.anak == "tulis":
        print(tulis(args.nama, Path(args.tujuan), tahun, args.cepat))
        return 0
    OUT.mkdir(parents=True, exist_ok=True)
    tujuan = Path(args.tujuan).resolve()
    for db in [d for d in args.db.split(",") if d]:
        berkas = OUT / f"snapshot_{db}_{os.getpid()}.sqlite3"
        env = dict(
            os.environ,
            DATABASE_URL=f"sqlite:///{berkas}",
            REDIS_URL="",
            MEDIA_ROOT=str(OUT / f"snapshot_media_{os.getpid()}"),
            DOKUMEN_CACHE_DIR=str(OUT / f"snapshot_cache_{os.getpid()}"),
        )
        mulai = time.perf_counter()
        diri = [sys.executable, __file__, str(tujuan), "--tahun", args.tahun, "--nama", db]
        if args.cepat:
            diri.append("--cepat")
        try:
            subprocess.run([*diri, "--anak", "isi"], env=env, check=True)
            hasil = subprocess.run(
                [*diri, "--anak", "tulis"], env=env, check=True, capture_output=True, text=True
            )
        finally:
            berkas.unlink(missing_ok=True)
        print(f"{db}: {hasil.stdout.strip()} files in {time.perf_counter() - mulai:.0f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
