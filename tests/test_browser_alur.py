"""Browser test of the Renja workflow (domain.md §6): kepala and Bappeda take the demo Renja
from draft to ditetapkan through the pages, with a return and its note on the way."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from tests.conftest import CHROMIUM, SCREENSHOTS

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not shutil.which(CHROMIUM), reason="Debian chromium is not installed"),
]


def _masuk(page, url: str, username: str) -> None:
    # Leave the page first: a request still in flight from it (the header htmx loads) would
    # otherwise come back after the cookies are cleared and set a new CSRF cookie that no
    # longer matches the login form's token.
    page.goto("about:blank")
    page.context.clear_cookies()
    page.goto(f"{url}/accounts/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", "demo")
    with page.expect_navigation():
        page.click("button[type=submit]")
    page.wait_for_url(f"{url}/", wait_until="domcontentloaded")
    page.locator("#konteks").wait_for()  # the header loaded by htmx


def _foto(page, nama: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(Path(SCREENSHOTS, nama)), full_page=True)


def _status(page) -> str:
    return page.inner_text("#status-renja").strip()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_kepala_and_bappeda_take_the_demo_renja_to_ditetapkan(page, live_server):
    from django.core.management import call_command

    from renja.models import Renja

    with open(os.devnull, "w") as devnull:
        call_command("seed_demo", stdout=devnull)
    renja = Renja.objects.get(perangkat_daerah__kode="BKPSDM", tahun=2024, versi="murni")
    url = live_server.url
    alur = f"{url}/alur/renja/{renja.pk}/"

    # The kepala's dashboard and waiting list: the draft waits for him.
    _masuk(page, url, "kepala")
    assert page.inner_text("#konteks-pemda") == "Kota Batam"
    assert page.inner_text("#konteks-pd") == "BKPSDM"
    assert int(page.inner_text("#jumlah-menunggu")) >= 1
    _foto(page, "beranda-kepala.png")
    with page.expect_navigation():
        page.click("#tautan-menunggu")
    page.wait_for_url(f"{url}/alur/", wait_until="domcontentloaded")
    assert "Perlu diajukan ke Bappeda" in page.inner_text("main")
    _foto(page, "alur-menunggu-kepala.png")
    page.click(f"a[href='/alur/renja/{renja.pk}/']")
    page.wait_for_url(alur, wait_until="domcontentloaded")
    assert _status(page) == "Draft"
    with page.expect_navigation():  # the POST and its redirect, before going on
        page.click("#form-diajukan button[type=submit]")
    page.wait_for_url(alur, wait_until="domcontentloaded")
    assert _status(page) == "Diajukan"

    # Bappeda returns it: first without a note (refused on the field), then with one.
    _masuk(page, url, "bappeda")
    with page.expect_navigation():
        page.click("#tautan-menunggu")
    assert "Perlu diverifikasi atau dikembalikan" in page.inner_text("main")
    _foto(page, "alur-menunggu-bappeda.png")
    page.goto(alur)
    page.click("#form-dikembalikan button[type=submit]")
    page.locator("#galat-dikembalikan").wait_for()
    assert "Catatan wajib diisi" in page.inner_text("#galat-dikembalikan")
    _foto(page, "alur-catatan-wajib.png")
    page.fill("#catatan-dikembalikan", "Target IKU 2 belum sesuai Renstra; mohon diperbaiki.")
    with page.expect_navigation():  # the POST and its redirect, before going on
        page.click("#form-dikembalikan button[type=submit]")
    page.wait_for_url(alur, wait_until="domcontentloaded")
    assert _status(page) == "Dikembalikan"

    # The kepala sees the note on his list and the page, then submits again.
    _masuk(page, url, "kepala")
    with page.expect_navigation():
        page.click("#tautan-menunggu")
    assert "Target IKU 2 belum sesuai Renstra" in page.inner_text("main")
    page.goto(alur)
    assert "Target IKU 2 belum sesuai Renstra" in page.inner_text("#catatan-pengembalian")
    _foto(page, "alur-dikembalikan-kepala.png")
    page.fill("#catatan-diajukan", "Target IKU 2 sudah disesuaikan.")
    with page.expect_navigation():  # the POST and its redirect, before going on
        page.click("#form-diajukan button[type=submit]")
    page.wait_for_url(alur, wait_until="domcontentloaded")
    assert _status(page) == "Diajukan"

    # Bappeda verifies.
    _masuk(page, url, "bappeda")
    page.goto(alur)
    with page.expect_navigation():  # the POST and its redirect, before going on
        page.click("#form-diverifikasi button[type=submit]")
    page.wait_for_url(alur, wait_until="domcontentloaded")
    assert _status(page) == "Diverifikasi"

    # The kepala sets it; the page shows it locked, with the whole history.
    _masuk(page, url, "kepala")
    page.goto(alur)
    with page.expect_navigation():  # the POST and its redirect, before going on
        page.click("#form-ditetapkan button[type=submit]")
    page.wait_for_url(alur, wait_until="domcontentloaded")
    assert _status(page) == "Ditetapkan"
    assert page.locator("#terkunci").is_visible()
    assert page.locator("#tindakan").count() == 0
    riwayat = page.inner_text("#riwayat")
    assert riwayat.count("Kepala BKPSDM") == 3 and riwayat.count("Verifikator Bappeda") == 2
    assert "Target IKU 2 belum sesuai Renstra" in riwayat
    page.locator("#konteks").wait_for()
    _foto(page, "alur-renja-ditetapkan.png")
    renja.refresh_from_db()
    assert renja.status == "ditetapkan" and renja.terkunci
