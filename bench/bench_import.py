"""Benchmark ``manage.py import_plan`` of a pemda-sized file on SQLite and PostgreSQL.

For each database: a fresh database (a new SQLite file under ``bench/out/``; a new PostgreSQL
database ``bench_import_<pid>`` on 127.0.0.1:5432, user postgres, dropped afterwards), ``migrate``
(not timed), then ``import_plan FILE`` twice, each as its own process so that the settings read
``DATABASE_URL``. The first run creates everything; the second must report
``0 nilai baru, 0 berubah`` and should be faster. Wall time includes Django start-up.
Targets (the issue): under 120 s per import, second run faster than the first.

Usage: ``python bench/bench_import.py [--db sqlite,postgres] [--seed N] [--keep]``
(``make bench``). Prints machine information and a markdown table.
"""

from __future__ import annotations

import argparse
import datetime
import os
import platform
import re
import resource
import sqlite3
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
OUT = BENCH / "out"
sys.path.insert(0, str(BENCH))

import generate_pemda  # noqa: E402

PG_HOST, PG_PORT, PG_USER = "127.0.0.1", "5432", "postgres"
LIMIT_S = 120.0
RINGKASAN_RE = re.compile(r"(\d+) nilai baru, (\d+) berubah, (\d+) sama")


@dataclass
class Run:
    seconds: float
    max_rss_mb: float
    output: str
    baru: int
    berubah: int
    sama: int


def run_manage(args: list[str], database_url: str) -> Run:
    """``manage.py ARGS`` in a child process; wall time and that child's peak RSS."""
    env = dict(os.environ, DATABASE_URL=database_url)
    with tempfile.TemporaryFile() as out:
        start = time.perf_counter()
        proc = subprocess.Popen(
            [sys.executable, "manage.py", *args],
            cwd=ROOT,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
        # os.wait4 gives this child's own rusage (RUSAGE_CHILDREN is a running maximum).
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        output = out.read().decode("utf-8", "replace")
    if proc.returncode != 0:
        raise SystemExit(f"manage.py {' '.join(args)} failed ({proc.returncode}):\n{output}")
    m = RINGKASAN_RE.search(output)
    baru, berubah, sama = (int(g) for g in m.groups()) if m else (-1, -1, -1)
    # ru_maxrss is in KiB on Linux.
    return Run(seconds, usage.ru_maxrss / 1024, output.strip(), baru, berubah, sama)


def bench_database(name: str, database_url: str, csv_path: Path, rows: int) -> dict[str, object]:
    print(f"\n## {name}: migrate (not timed)", flush=True)
    run_manage(["migrate", "--noinput", "-v", "0"], database_url)
    print(f"## {name}: import_plan, first run", flush=True)
    first = run_manage(["import_plan", str(csv_path)], database_url)
    print(f"   {first.seconds:.1f} s: {first.output}", flush=True)
    assert first.baru == rows and first.berubah == 0, f"first run should add {rows} values"
    print(f"## {name}: import_plan, second run (must change nothing)", flush=True)
    second = run_manage(["import_plan", str(csv_path)], database_url)
    print(f"   {second.seconds:.1f} s: {second.output}", flush=True)
    assert "0 nilai baru, 0 berubah" in second.output, "second run changed values"
    assert second.sama == rows, f"second run should find {rows} values unchanged"
    return {"name": name, "first": first, "second": second}


def sqlite_url() -> tuple[str, Path]:
    path = OUT / f"bench_import_{os.getpid()}.sqlite3"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    return f"sqlite:///{path}", path


def psql(sql: str, dbname: str = "postgres") -> str:
    return subprocess.run(
        ["psql", "-h", PG_HOST, "-p", PG_PORT, "-U", PG_USER, "-d", dbname, "-Atc", sql],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()


def machine_info() -> list[tuple[str, str]]:
    cpu = "?"
    with open("/proc/cpuinfo", encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    mem_kb = 0
    with open("/proc/meminfo", encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("MemTotal:"):
                mem_kb = int(line.split()[1])
    try:
        pg = psql("SHOW server_version")
    except (OSError, subprocess.CalledProcessError):
        pg = "not reachable"
    return [
        ("date", datetime.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z")),
        ("CPU", f"{cpu}, {os.cpu_count()} cores"),
        ("RAM", f"{mem_kb / 1024 / 1024:.1f} GiB"),
        ("OS", platform.platform()),
        ("Python", platform.python_version()),
        ("SQLite", sqlite3.sqlite_version),
        ("PostgreSQL", pg),
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", default="sqlite,postgres", help="comma-separated: sqlite,postgres")
    parser.add_argument("--seed", type=int, default=generate_pemda.SEED)
    parser.add_argument("--keep", action="store_true", help="keep the benchmark databases")
    args = parser.parse_args(argv)
    databases = [d.strip() for d in args.db.split(",") if d.strip()]

    info = machine_info()
    print("# Machine")
    for key, value in info:
        print(f"- {key}: {value}")

    csv_path = OUT / "kota_benchmark.csv"
    start = time.perf_counter()
    stat = generate_pemda.generate(csv_path, args.seed)
    size_mb = csv_path.stat().st_size / 1e6
    print(
        f"\n# File\n{csv_path.relative_to(ROOT)}: {size_mb:.1f} MB, {stat.rows:,} value rows, "
        f"{stat.pd} perangkat daerah, {stat.sub_kegiatan:,} sub kegiatan, "
        f"{stat.indikator:,} indicators (seed {args.seed}, generated in "
        f"{time.perf_counter() - start:.1f} s)"
    )

    results = []
    for db in databases:
        if db == "sqlite":
            url, path = sqlite_url()
            try:
                results.append(bench_database("SQLite", url, csv_path, stat.rows))
            finally:
                if not args.keep:
                    for suffix in ("", "-wal", "-shm"):
                        Path(f"{path}{suffix}").unlink(missing_ok=True)
        elif db == "postgres":
            dbname = f"bench_import_{os.getpid()}"
            subprocess.run(
                ["createdb", "-h", PG_HOST, "-p", PG_PORT, "-U", PG_USER, dbname], check=True
            )
            try:
                url = f"postgres://{PG_USER}@{PG_HOST}:{PG_PORT}/{dbname}"
                results.append(bench_database("PostgreSQL", url, csv_path, stat.rows))
            finally:
                if not args.keep:
                    subprocess.run(
                        ["dropdb", "-h", PG_HOST, "-p", PG_PORT, "-U", PG_USER, dbname],
                        check=True,
                    )
        else:
            parser.error(f"unknown database {db!r}")

    print(f"\n# import_plan of {stat.rows:,} rows\n")
    print(
        "| database | first import (s) | rows/s | peak RSS (MB) "
        "| second import (s) | rows/s | peak RSS (MB) | second/first |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    failed = []
    for r in results:
        first, second = r["first"], r["second"]
        assert isinstance(first, Run) and isinstance(second, Run)
        print(
            f"| {r['name']} | {first.seconds:.1f} | {stat.rows / first.seconds:,.0f} "
            f"| {first.max_rss_mb:,.0f} | {second.seconds:.1f} "
            f"| {stat.rows / second.seconds:,.0f} | {second.max_rss_mb:,.0f} "
            f"| {second.seconds / first.seconds:.2f} |"
        )
        for label, run in (("first", first), ("second", second)):
            if run.seconds >= LIMIT_S:
                failed.append(f"{r['name']} {label} import {run.seconds:.1f} s >= {LIMIT_S:.0f} s")
        if second.seconds >= first.seconds:
            failed.append(f"{r['name']} second import not faster than the first")
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"\n(benchmark driver itself: peak RSS {own:,.0f} MB)")
    if failed:
        print("\nTARGETS NOT MET:\n" + "\n".join(f"- {f}" for f in failed))
        return 1
    print("\nTargets met: every import under 120 s, the second run faster and changing nothing.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
