"""Server-side time of every planner screen with the full Batam plan, on PostgreSQL.

Creates a fresh database ``bench_halaman_<pid>`` on 127.0.0.1:5432 (user postgres, trust),
migrates, loads the demo (``seed_demo``), then with Django's test client (no network, the whole
request through middleware, view, template) times each page as the demo planner, head and
Bappeda see it: median of 7 requests after one warm-up, with the number of SQL queries. Then
saves one cell of the grid 7 times (a pagu, alternating values) and reports the median; the
recomputation it triggers is queued to Redis as in production (not consumed here).
Targets (issue 5): every page < 300 ms, one cell saved < 150 ms. The database is dropped at
the end unless ``--keep``.

Usage: ``python bench/bench_halaman.py [--keep]``. Prints markdown.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DB = f"bench_halaman_{os.getpid()}"
REDIS = "redis://127.0.0.1:6379/13"
URL = f"postgres://postgres@127.0.0.1:5432/{DB}"
# As in production: DEBUG off (no query log, manifest static files), plain HTTP for the client.
PRODUKSI = {
    "DATABASE_URL": URL,
    "DEBUG": "0",
    "SECURE_SSL_REDIRECT": "0",
    "SECRET_KEY": "bench-only-" + "x" * 50,
    "ALLOWED_HOSTS": "testserver",
    "STATIC_ROOT": str(ROOT / "bench" / "out" / "static"),
}


def psql(sql: str) -> None:
    subprocess.run(
        ["psql", "-h", "127.0.0.1", "-U", "postgres", "-qc", sql],
        check=True,
        stdout=subprocess.DEVNULL,
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--keep", action="store_true")
    args = parser.parse_args(argv)
    psql(f"DROP DATABASE IF EXISTS {DB}")
    psql(f"CREATE DATABASE {DB}")
    env = dict(os.environ, **PRODUKSI)
    env.pop("REDIS_URL", None)
    for cmd in (["migrate", "-v0"], ["seed_demo"], ["collectstatic", "--noinput", "-v0"]):
        subprocess.run(
            [sys.executable, "manage.py", *cmd], cwd=ROOT, env=env, check=True,
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
    try:
        return ukur(args)
    finally:
        if not args.keep:
            from django.db import connections

            connections.close_all()
            psql(f"DROP DATABASE IF EXISTS {DB} WITH (FORCE)")
        subprocess.run(["redis-cli", "-n", "13", "flushdb"], check=False, stdout=subprocess.DEVNULL)


def ukur(args: argparse.Namespace) -> int:
    # As in production, the recomputation a saved value triggers is queued to the worker
    # (Redis database 13; nobody consumes it here, it is flushed at the end), not run inside
    # the request as in the in-process development mode.
    os.environ.update(PRODUKSI, DJANGO_SETTINGS_MODULE="config.settings", REDIS_URL=REDIS)
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse

    from renja.models import Nilai, PerangkatDaerah, Renja

    pd = PerangkatDaerah.objects.get(pemda__nama="Kota Batam", kode="BKPSDM")
    renja = Renja.objects.filter(perangkat_daerah=pd, tahun=2024, versi="murni").first()
    assert renja is not None
    pk, t = pd.pk, 2024
    # The Perubahan grid needs a Renja Perubahan: set the murni and make one (throwaway DB).
    from django.utils import timezone

    from renja.models import Renstra, StatusRenja
    from renja.perubahan.services import renja_perubahan_buat

    perencana = get_user_model().objects.get(username="perencana")
    if not Renja.objects.filter(perangkat_daerah=pd, tahun=t, versi="perubahan").exists():
        Renja.objects.filter(pk=renja.pk).update(
            status=StatusRenja.DITETAPKAN, ditetapkan_pada=timezone.now()
        )
        renja.refresh_from_db()
        renja_perubahan_buat(murni=renja, oleh=perencana)
    renstra = Renstra.objects.get(perangkat_daerah=pd, tahun_mulai__lte=t, tahun_selesai__gte=t)
    halaman: list[tuple[str, str, str]] = [
        ("perencana", "Beranda", reverse("beranda")),
        ("perencana", "Header (htmx)", reverse("alur:kepala")),
        ("perencana", "Isian Renja (grid)", reverse("isian:rencana", args=[pk, t])),
        ("perencana", "Realisasi triwulan (grid)", reverse("isian:realisasi", args=[pk, t])),
        ("perencana", "Renja Perubahan (grid)", reverse("isian:perubahan", args=[pk, t])),
        ("perencana", "Renstra", reverse("renstra:isian", args=[pk, renstra.tahun_mulai])),
        ("perencana", "Unggah Excel", reverse("unggah:halaman", args=[pk, t])),
        ("kepala", "Menunggu tindakan", reverse("alur:menunggu")),
        ("kepala", "Alur Renja", reverse("alur:renja", args=[renja.pk])),
        ("kepala", "Renja Perubahan", reverse("perubahan:halaman", args=[renja.pk])),
        ("bappeda", "Daftar dokumen", reverse("dokumen:daftar")),
        ("bappeda", "Unduhan PD", reverse("dokumen:unduhan", args=[pk, t])),
        ("bappeda", "Naskah Renja", reverse("dokumen:naskah", args=[pk, t, "renja"])),
        ("bappeda", "Tabel rencana", reverse("evaluasi:rencana", args=[pk, t])),
    ]
    for kode in ("tc29", "tc30", "tc31", "tc33", "t41"):
        halaman.append(("bappeda", f"Tabel {kode}", reverse("evaluasi:tabel", args=[pk, t, kode])))
    halaman.append(
        (
            "bappeda",
            "Tabel e81 TW 2",
            reverse("evaluasi:tabel", args=[pk, t, "e81"]) + "?triwulan=2",
        )
    )
    User = get_user_model()
    klien: dict[str, Any] = {}
    for nama in ("perencana", "kepala", "bappeda"):
        c = Client()
        c.force_login(User.objects.get(username=nama))
        klien[nama] = c
    baris: list[tuple[str, str, float, int, int]] = []
    for persona, judul, url in halaman:
        c = klien[persona]
        r = c.get(url)
        assert r.status_code == 200, (judul, r.status_code)
        kali = []
        n_query = 0
        for _ in range(7):
            with CaptureQueriesContext(connection) as q:
                t0 = time.perf_counter()
                r = c.get(url)
                kali.append(time.perf_counter() - t0)
            n_query = len(q)
        baris.append((persona, judul, statistics.median(kali), n_query, len(r.content)))

    # One cell saved through the grid (the planner's pagu of the first sub kegiatan).
    nilai = (
        Nilai.objects.filter(jenis="pagu", tahun=t, program_kegiatan__renstra__perangkat_daerah=pd)
        .order_by("id")
        .first()
    )
    assert nilai is not None and nilai.program_kegiatan_id is not None
    c = klien["perencana"]
    simpan = []
    n_simpan = 0
    # The murni is set (above), so the cell saved is the same sub kegiatan's pagu perubahan.
    for i in range(8):
        sekarang = Nilai.objects.filter(
            program_kegiatan_id=nilai.program_kegiatan_id, jenis="pagu_perubahan", tahun=t
        ).first()
        data = {
            "kunci": f"n-{nilai.program_kegiatan_id}-pagu_perubahan-{t}-0",
            "nilai": str(1_000_000 + i),
            "revisi": "" if sekarang is None else str(sekarang.revisi),
            "tampilan": "perubahan",
        }
        with CaptureQueriesContext(connection) as q:
            t0 = time.perf_counter()
            r = c.post(reverse("isian:sel_simpan", args=[pk, t]), data)
            detik = time.perf_counter() - t0
        assert r.status_code == 200, (r.status_code, r.content[:300])
        if i:
            simpan.append(detik)
            n_simpan = len(q)

    print(
        f"Machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}, PostgreSQL, "
        f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}"
    )
    print()
    print("| page (persona) | median ms | SQL queries | HTML KB |")
    print("|---|---:|---:|---:|")
    for persona, judul, s, n, kb in baris:
        print(f"| {judul} ({persona}) | {s * 1000:.0f} | {n} | {kb / 1024:.0f} |")
    print(
        f"| **one cell saved** (perencana, pagu perubahan) | {statistics.median(simpan) * 1000:.0f} | {n_simpan} | – |"
    )
    lambat = [b for b in baris if b[2] >= 0.3]
    return 1 if lambat or statistics.median(simpan) >= 0.15 else 0


if __name__ == "__main__":
    raise SystemExit(main())
