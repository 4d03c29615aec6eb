"""Browser tests: headless Debian Chromium driven by Playwright against a live server."""

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


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_planner_logs_in_and_sees_the_batam_renja(page, live_server):
    from django.core.management import call_command

    with open(os.devnull, "w") as devnull:
        call_command("seed_demo", stdout=devnull)
    page.goto(f"{live_server.url}/")
    assert page.url.startswith(f"{live_server.url}/accounts/login/")
    page.fill("#id_username", "perencana")
    page.fill("#id_password", "demo")
    page.click("button[type=submit]")
    page.wait_for_url(f"{live_server.url}/")
    body = page.inner_text("main")
    assert "BKPSDM" in body and "2024" in body
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(Path(SCREENSHOTS, "beranda-perencana.png")), full_page=True)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_wrong_password_is_refused_with_a_message(page, live_server):
    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("#id_username", "perencana")
    page.fill("#id_password", "salah")
    page.click("button[type=submit]")
    assert "salah" in page.inner_text("main")


# With REDIS_URL the job goes to the real worker, which CI starts only for the celery_worker
# tests (stage 2b, one test database); without it the job runs in-process (stage 1).
@pytest.mark.celery_worker
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_bappeda_makes_a_table_pdf_follows_its_progress_and_downloads_it(page, live_server):
    from django.core.management import call_command

    from renja.models import PerangkatDaerah

    with open(os.devnull, "w") as devnull:
        call_command("seed_demo", stdout=devnull)
    pd = PerangkatDaerah.objects.get(pemda__nama="Kota Batam", kode="BKPSDM")
    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("#id_username", "bappeda")
    page.fill("#id_password", "demo")
    page.click("button[type=submit]")
    page.wait_for_url(f"{live_server.url}/")
    page.click(f"a[href='/dokumen/{pd.pk}/2024/']")
    page.get_by_text("Dokumen Renja lengkap").wait_for()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(Path(SCREENSHOTS, "dokumen-unduhan.png")), full_page=False)
    # The T-C.33 PDF row: make it. Eager (no Redis) it is done before the page loads; with
    # the CI worker the page polls its progress until the download link appears.
    baris = page.locator("tr", has_text="T-C.33").filter(has_text="PDF").first
    baris.locator("button", has_text="Buat").click()
    page.wait_for_url(f"{live_server.url}/dokumen/pekerjaan/*/")
    unduh = page.locator("a.unduh", has_text="Unduh tc33_BKPSDM_2024.pdf")
    unduh.wait_for(timeout=120_000)
    page.screenshot(path=str(Path(SCREENSHOTS, "dokumen-pekerjaan.png")), full_page=False)
    with page.expect_download() as info:
        unduh.click()
    path = info.value.path()
    assert Path(path).read_bytes()[:5] == b"%PDF-"
    # Back on the downloads page the row is ready with a download link.
    page.goto(f"{live_server.url}/dokumen/{pd.pk}/2024/")
    baris = page.locator("tr", has_text="T-C.33").filter(has_text="PDF").first
    assert "Siap" in baris.inner_text() and "Unduh PDF" in baris.inner_text()
