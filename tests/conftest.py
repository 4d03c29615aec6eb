"""Personas used across the suite.

* alice   – perencana (planner) of BKPSDM Kota Batam
* bob     – perencana of another agency (DISDIK) of the same pemda
* charlie – kepala (head) of BKPSDM
* dina    – Bappeda verifier, sees every agency of Kota Batam
* erik    – perencana of BKPSDM in another pemda (Kota Dumai)
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from renja.models import Peran
from tests.factories import (
    PemdaFactory,
    PerangkatDaerahFactory,
    RenjaFactory,
    RenstraFactory,
    UserFactory,
    anggota,
)

ROOT = Path(__file__).resolve().parent.parent

# Browser tests (tests/test_browser*.py): Debian's chromium driven by Playwright. Screenshots go
# to docs/ only when asked (SAVE_SCREENSHOTS=1), so a test run leaves the work tree clean.
CHROMIUM = "/usr/bin/chromium"
SCREENSHOTS = ROOT / ("docs" if os.environ.get("SAVE_SCREENSHOTS") else "var") / "screenshots"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def media_uji(tmp_path_factory) -> Path:
    """This test process's folder for uploads, generated files and the part cache.

    Under pytest-xdist each worker has its own basetemp, so parallel workers never write the
    same file; tests of one worker share it (the part cache stays warm between them).
    """
    return tmp_path_factory.mktemp("media")


@pytest.fixture(autouse=True)
def _pengaturan_uji(request, settings, media_uji) -> None:
    """Settings every test gets.

    * A fast password hasher: every persona and demo user gets the password "demo", and
      PBKDF2's million rounds cost a quarter of a second per user (about 1.5 s of each
      tests/test_izin_url.py setup). No test is about the hash's strength.
    * Files away from var/media, in the worker's own folder. Not for the celery_worker
      tests: the real worker writes to its own MEDIA_ROOT (the default), and the test reads
      the file back from there.
    """
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    if request.node.get_closest_marker("celery_worker"):
        return
    settings.MEDIA_ROOT = media_uji
    settings.DOKUMEN_CACHE_DIR = media_uji / "bagian"


@pytest.fixture
def browser(live_server, monkeypatch) -> Iterator[Any]:
    """Headless chromium against the live server (one per test)."""
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in this thread; the ORM calls the test makes
    # around it are still synchronous and safe.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser) -> Any:
    """A page in an Indonesian-locale context that accepts downloads."""
    context = browser.new_context(
        locale="id-ID", viewport={"width": 1280, "height": 720}, accept_downloads=True
    )
    return context.new_page()


@pytest.fixture
def batam(db):
    return PemdaFactory(nama="Kota Batam")


@pytest.fixture
def bkpsdm(batam):
    return PerangkatDaerahFactory(pemda=batam, kode="BKPSDM")


@pytest.fixture
def disdik(batam):
    return PerangkatDaerahFactory(pemda=batam, kode="DISDIK", nama="Dinas Pendidikan")


@pytest.fixture
def renstra(bkpsdm):
    return RenstraFactory(perangkat_daerah=bkpsdm)


@pytest.fixture
def renja(renstra):
    return RenjaFactory(renstra=renstra, tahun=2024)


@pytest.fixture
def alice(bkpsdm):
    user = UserFactory(username="alice")
    anggota(user, peran=Peran.PERENCANA, pd=bkpsdm)
    return user


@pytest.fixture
def bob(disdik):
    user = UserFactory(username="bob")
    anggota(user, peran=Peran.PERENCANA, pd=disdik)
    return user


@pytest.fixture
def charlie(bkpsdm):
    user = UserFactory(username="charlie")
    anggota(user, peran=Peran.KEPALA, pd=bkpsdm)
    return user


@pytest.fixture
def dina(batam):
    user = UserFactory(username="dina")
    anggota(user, peran=Peran.BAPPEDA, pemda=batam)
    return user


@pytest.fixture
def erik(db):
    dumai = PemdaFactory(nama="Kota Dumai")
    pd = PerangkatDaerahFactory(pemda=dumai, kode="BKPSDM")
    user = UserFactory(username="erik")
    anggota(user, peran=Peran.PERENCANA, pd=pd)
    return user


@pytest.fixture
def tulis_csv(tmp_path):
    """Write a long-format CSV (header + rows) and return its path."""

    def tulis(rows: list[str], nama: str = "plan.csv", header: str | None = None) -> Path:
        path = tmp_path / nama
        head = (
            header
            or "pemda,opd,kode,uraian,indikator,satuan,polaritas,akumulasi,periode,tahun,jenis,nilai"
        )
        path.write_text("\n".join([head, *rows]) + "\n", encoding="utf-8")
        return path

    return tulis


@pytest.fixture
def alice_bkpsdm_batam(db):
    """alice as planner of the seeded demo's BKPSDM (use after seed_demo)."""
    from renja.models import PerangkatDaerah

    pd = PerangkatDaerah.objects.get(pemda__nama="Kota Batam", kode="BKPSDM")
    user = UserFactory(username="alice")
    anggota(user, peran=Peran.PERENCANA, pd=pd)
    return user


@pytest.fixture
def celery_eager(monkeypatch):
    """Run tasks in-process even when REDIS_URL points at a real broker.

    A real worker cannot see the data of a test's uncommitted transaction; the
    broker path is covered by the celery_worker tests in tests/test_tasks.py.
    """
    from config.celery import app

    monkeypatch.setitem(app.conf, "task_always_eager", True)
    monkeypatch.setitem(app.conf, "task_eager_propagates", True)
