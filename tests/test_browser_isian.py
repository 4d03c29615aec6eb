"""Browser tests of the planners' grid: keyboard entry with live totals, and a two-person conflict."""

from __future__ import annotations

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


def _halaman(browser, live_server, username: str):
    context = browser.new_context(locale="id-ID", viewport={"width": 1440, "height": 900})
    page = context.new_page()
    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", "demo")
    page.click("button[type=submit]")
    page.wait_for_url(f"{live_server.url}/")
    return page


def _seed():
    from django.core.management import call_command

    with open(os.devnull, "w") as devnull:
        call_command("seed_demo", stdout=devnull)


def _ketik(page, selector: str, teks: str, tombol: str = "Tab") -> None:
    """Focus a cell, replace its text with the keyboard and leave it with a key."""
    page.click(selector)
    page.keyboard.press("Control+A")
    page.keyboard.type(teks)
    with page.expect_response(lambda r: "/sel/" in r.url):
        page.keyboard.press(tombol)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_planner_types_a_target_and_a_quarter_and_sees_total_and_capaian(browser, live_server):
    from renja.models import Indikator, Jenis, Level, Nilai, PerangkatDaerah

    _seed()
    pd = PerangkatDaerah.objects.get(pemda__nama="Kota Batam", kode="BKPSDM")
    ind = (
        Indikator.objects.filter(
            program_kegiatan__renstra__perangkat_daerah=pd,
            program_kegiatan__level=Level.SUB_KEGIATAN,
        )
        .select_related("program_kegiatan__parent__parent")
        .order_by("program_kegiatan__kode", "urutan", "id")
        .first()
    )
    assert ind is not None
    sub = ind.program_kegiatan
    kegiatan, program = sub.parent, sub.parent.parent
    page = _halaman(browser, live_server, "perencana")
    page.goto(f"{live_server.url}/isian/{pd.pk}/2024/realisasi/")

    # Target 8, Tab to TW I, type 2, Enter: capaian 25 % (non_kumulatif: the latest quarter).
    _ketik(page, f"#sel-i-{ind.pk}-target-2024-0 input", "8")
    focused = page.evaluate("document.activeElement.closest('.sel').id")
    assert focused == f"sel-i-{ind.pk}-realisasi-2024-1"
    page.keyboard.type("2")
    with page.expect_response(lambda r: "/sel/" in r.url):
        page.keyboard.press("Enter")
    page.wait_for_function(
        f"document.getElementById('jml-i{ind.pk}-capaian').textContent.trim() === '25%'"
    )
    assert page.inner_text(f"#jml-i{ind.pk}-tahun") == "2"

    # The sub kegiatan's TW I budget realisation, in the Indonesian format: totals up to the program.
    pagu_kegiatan_sebelum = page.inner_text(f"#jml-n{kegiatan.pk}-tw1")
    _ketik(page, f"#sel-n-{sub.pk}-realisasi_anggaran-2024-1 input", "1.234.567,89", "Enter")
    page.wait_for_function(
        f"document.getElementById('jml-n{program.pk}-tw1').textContent.trim() === '1.234.567,89'"
    )
    assert pagu_kegiatan_sebelum == "–"
    assert page.inner_text(f"#jml-n{kegiatan.pk}-tw1") == "1.234.567,89"
    assert page.inner_text(f"#jml-n{sub.pk}-tahun") == "1.234.567,89"
    assert "%" in page.inner_text(f"#jml-n{sub.pk}-serapan")

    # A bad number: the message on the cell, the typed text kept.
    _ketik(page, f"#sel-i-{ind.pk}-realisasi-2024-2 input", "12,3,4")
    sel = page.locator(f"#sel-i-{ind.pk}-realisasi-2024-2")
    assert "Angka tidak dikenali: 12,3,4" in sel.inner_text()
    assert sel.locator("input").input_value() == "12,3,4"

    assert Nilai.objects.get(indikator=ind, jenis=Jenis.TARGET, tahun=2024).angka == 8
    assert Nilai.objects.get(
        program_kegiatan=sub, jenis=Jenis.REALISASI_ANGGARAN, triwulan=1
    ).angka == Decimal("1234567.89")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.locator(f"#sel-i-{ind.pk}-realisasi-2024-2 input").focus()
    page.screenshot(path=str(Path(SCREENSHOTS, "isian-realisasi.png")))
    page.goto(f"{live_server.url}/isian/{pd.pk}/2024/")
    page.screenshot(path=str(Path(SCREENSHOTS, "isian-rencana.png")))


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_planners_edit_the_same_cell_and_the_later_sees_both_values(browser, live_server):
    from renja.models import Indikator, Jenis, Level, Nilai, Peran, PerangkatDaerah
    from tests.factories import UserFactory, anggota

    _seed()
    pd = PerangkatDaerah.objects.get(pemda__nama="Kota Batam", kode="BKPSDM")
    kedua = UserFactory(username="perencana2", first_name="Budi", last_name="Santoso")
    anggota(kedua, peran=Peran.PERENCANA, pd=pd)
    ind = (
        Indikator.objects.filter(
            program_kegiatan__renstra__perangkat_daerah=pd,
            program_kegiatan__level=Level.SUB_KEGIATAN,
        )
        .order_by("program_kegiatan__kode", "urutan", "id")
        .first()
    )
    assert ind is not None
    sel = f"#sel-i-{ind.pk}-target-2024-0"
    a = _halaman(browser, live_server, "perencana2")
    b = _halaman(browser, live_server, "perencana")
    for page in (a, b):
        page.goto(f"{live_server.url}/isian/{pd.pk}/2024/")

    _ketik(a, f"{sel} input", "111")
    a.wait_for_selector(f"{sel}.tersimpan")
    _ketik(b, f"{sel} input", "222")
    b.wait_for_selector(f"{sel}.konflik")
    kotak = b.locator(f"{sel} .konflik-box")
    assert kotak.locator(".nilai-mereka").inner_text() == "111"
    assert kotak.locator(".nilai-anda").inner_text() == "222"
    assert "Budi Santoso" in kotak.inner_text()
    assert b.locator(f"{sel} input").first.input_value() == "222"
    assert Nilai.objects.get(indikator=ind, jenis=Jenis.TARGET, tahun=2024).angka == 111
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    b.screenshot(path=str(Path(SCREENSHOTS, "isian-konflik.png")))

    # The explicit choice: overwrite with mine.
    with b.expect_response(lambda r: "/sel/" in r.url):
        kotak.locator("button.timpa").click()
    b.wait_for_selector(f"{sel}.tersimpan")
    assert Nilai.objects.get(indikator=ind, jenis=Jenis.TARGET, tahun=2024).angka == 222
    # The history shows both people, old and new.
    b.hover(sel)
    b.click(f"{sel} .riwayat-btn")
    b.wait_for_selector(f"{sel} .riwayat")
    teks = b.inner_text(f"{sel} .riwayat")
    assert "Budi Santoso" in teks and "Perencana BKPSDM" in teks and "Formulir" in teks
    b.screenshot(path=str(Path(SCREENSHOTS, "isian-riwayat.png")))
