"""Browser test of the Excel round trip: download, refused upload, preview, apply."""

from __future__ import annotations

import io
import os
import shutil
from decimal import Decimal
from pathlib import Path

import pytest

from tests.conftest import CHROMIUM, SCREENSHOTS

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not shutil.which(CHROMIUM), reason="Debian chromium is not installed"),
]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_planner_round_trips_a_workbook(page, live_server, tmp_path):
    from django.core.management import call_command
    from openpyxl import load_workbook

    from renja.models import Level, Nilai, PerangkatDaerah

    with open(os.devnull, "w") as devnull:
        call_command("seed_demo", stdout=devnull)
    pd = PerangkatDaerah.objects.get(pemda__nama="Kota Batam", kode="BKPSDM")
    pagu = (
        Nilai.objects.filter(
            program_kegiatan__renstra__perangkat_daerah=pd,
            program_kegiatan__level=Level.SUB_KEGIATAN,
            jenis="pagu",
            tahun=2024,
        )
        .order_by("program_kegiatan__kode")
        .first()
    )
    assert pagu is not None

    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("#id_username", "perencana")
    page.fill("#id_password", "demo")
    page.click("button[type=submit]")
    page.wait_for_url(f"{live_server.url}/")
    page.goto(f"{live_server.url}/unggah/{pd.pk}/2024/")
    with page.expect_download() as info:
        page.click("a[data-templat=rencana]")
    download = info.value
    assert download.suggested_filename == "unggah_BKPSDM_2024_rencana.xlsx"
    wb = load_workbook(io.BytesIO(Path(download.path()).read_bytes()))
    ws = wb.active
    baris = {
        str(ws.cell(row=r, column=1).value): r
        for r in range(7, ws.max_row + 1)
        if ws.cell(row=r, column=1).value
    }
    r = baris[f"N{pagu.program_kegiatan_id}"]

    # One bad cell: refused, with its row and column, nothing stored.
    ws.cell(row=r, column=7).value = "12,3,4"
    salah = tmp_path / "isian_salah.xlsx"
    wb.save(salah)
    page.set_input_files("#id_berkas", str(salah))
    page.click("button.utama")
    laporan = page.locator("#laporan")
    laporan.wait_for()
    teks = laporan.inner_text()
    assert f"Baris {r}, kolom Pagu 2024 (Rp): angka tidak dikenali '12,3,4'" in teks
    assert "Tidak ada nilai yang diubah" in teks
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(Path(SCREENSHOTS, "unggah-laporan.png")), full_page=True)
    pagu_lama = pagu.angka
    pagu.refresh_from_db()
    assert pagu.angka == pagu_lama

    # A good file: preview old → new, then apply.
    ws.cell(row=r, column=7).value = "1.500.000.000"
    benar = tmp_path / "isian.xlsx"
    wb.save(benar)
    page.set_input_files("#id_berkas", str(benar))
    page.click("button.utama")
    pratinjau = page.locator("#pratinjau")
    pratinjau.wait_for()
    teks = pratinjau.inner_text()
    assert "1 nilai berubah" in teks and "1.500.000.000" in teks
    page.screenshot(path=str(Path(SCREENSHOTS, "unggah-pratinjau.png")), full_page=False)
    page.click("button:has-text('Simpan 1 perubahan')")
    page.locator("#selesai").wait_for()
    assert "1 nilai berubah" in page.inner_text("#selesai")
    page.screenshot(path=str(Path(SCREENSHOTS, "unggah-selesai.png")), full_page=False)
    pagu.refresh_from_db()
    assert pagu.angka == Decimal("1500000000")
    terakhir = pagu.history.latest()
    assert terakhir.history_change_reason == "excel"
    assert terakhir.history_user.username == "perencana"
