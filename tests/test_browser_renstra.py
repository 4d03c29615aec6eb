"""Browser test of the Renstra page: a planner adds a sasaran indicator and types its targets."""

from __future__ import annotations

import shutil
from decimal import Decimal
from pathlib import Path

import pytest

from tests.conftest import CHROMIUM, SCREENSHOTS

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not shutil.which(CHROMIUM), reason="Debian chromium is not installed"),
]


def _masuk(page, live_server, username: str) -> None:
    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", "demo")
    page.click("button[type=submit]")
    page.wait_for_url(f"{live_server.url}/")


def _ketik(page, selector: str, teks: str) -> None:
    page.click(selector)
    page.keyboard.press("Control+A")
    page.keyboard.type(teks)
    with page.expect_response(lambda r: "/sel/" in r.url):
        page.keyboard.press("Tab")


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_planner_adds_a_sasaran_indicator_types_its_targets_and_finds_them_after_reload(
    browser, live_server, alice, renstra, renja
):
    from renja.models import Indikator, Jenis, Nilai, Sasaran, Tujuan
    from tests.factories import sub_kegiatan

    pd = renstra.perangkat_daerah
    tujuan = Tujuan.objects.create(
        renstra=renstra,
        kunci="T1",
        uraian="Meningkatkan kualitas pelayanan kepegawaian dan profesionalisme aparatur",
    )
    ind_t = Indikator.objects.create(
        tujuan=tujuan, nama="Indeks Profesionalitas ASN", satuan="indeks"
    )
    for tahun, angka in zip(range(2021, 2027), ("70", "72", "74", "76", "78", "80"), strict=True):
        Nilai.objects.create(indikator=ind_t, jenis=Jenis.TARGET_RENSTRA, tahun=tahun, angka=angka)
    Nilai.objects.create(indikator=ind_t, jenis=Jenis.TARGET_RENSTRA_AKHIR, tahun=2026, angka=80)
    sasaran = Sasaran.objects.create(
        renstra=renstra,
        tujuan=tujuan,
        kunci="S1",
        uraian="Meningkatnya kualitas pelayanan administrasi kepegawaian",
    )
    sub = sub_kegiatan(renstra)
    Nilai.objects.create(
        program_kegiatan=sub, jenis=Jenis.PAGU_RENSTRA, tahun=2024, angka=Decimal("51898000")
    )

    context = browser.new_context(locale="id-ID", viewport={"width": 1440, "height": 900})
    page = context.new_page()
    _masuk(page, live_server, "alice")
    page.goto(f"{live_server.url}/renstra/{pd.pk}/tahun/2024/")
    page.wait_for_url(f"{live_server.url}/renstra/{pd.pk}/2021/")

    # Add the indicator to sasaran S1; a missing unit is refused on its field first.
    page.click(f"#sasaran-{sasaran.pk} button:has-text('+ Indikator')")
    page.wait_for_selector("#panel form")
    page.fill("#panel input[name=nama]", "Persentase layanan kepegawaian tepat waktu")
    with page.expect_response(lambda r: "/indikator/" in r.url):
        page.click("#panel button[type=submit]")
    page.wait_for_selector("#panel .galat-teks")
    assert "Satuan wajib diisi" in page.inner_text("#panel")
    assert (
        page.input_value("#panel input[name=nama]") == "Persentase layanan kepegawaian tepat waktu"
    )
    page.fill("#panel input[name=satuan]", "%")
    with page.expect_response(lambda r: "/indikator/" in r.url):
        page.click("#panel button[type=submit]")
    page.wait_for_selector("#panel .berhasil")
    ind = Indikator.objects.get(sasaran=sasaran)

    # Targets: Indonesian decimals, Tab to the next year, then the end target.
    _ketik(page, f"#sel-i-{ind.pk}-target_renstra-2021-0 input", "85,5")
    page.wait_for_selector(f"#sel-i-{ind.pk}-target_renstra-2021-0.tersimpan")
    focused = page.evaluate("document.activeElement.closest('.sel').id")
    assert focused == f"sel-i-{ind.pk}-target_renstra-2022-0"
    _ketik(page, f"#sel-i-{ind.pk}-target_renstra_akhir-2026-0 input", "100")
    page.wait_for_selector(f"#sel-i-{ind.pk}-target_renstra_akhir-2026-0.tersimpan")
    assert Nilai.objects.get(
        indikator=ind, jenis=Jenis.TARGET_RENSTRA, tahun=2021
    ).angka == Decimal("85.5")
    assert (
        Nilai.objects.get(indikator=ind, jenis=Jenis.TARGET_RENSTRA_AKHIR, tahun=2026).angka == 100
    )

    # A sub kegiatan's Renstra budget: its parents' totals follow.
    program = sub.parent.parent
    _ketik(page, f"#sel-n-{sub.pk}-pagu_renstra-2025-0 input", "1.250.000")
    page.wait_for_function(
        f"document.getElementById('rs-n{program.pk}-pagu-2025').textContent.trim() === '1.250.000'"
    )

    page.reload()
    assert page.input_value(f"#sel-i-{ind.pk}-target_renstra-2021-0 input") == "85,5"
    assert page.input_value(f"#sel-i-{ind.pk}-target_renstra_akhir-2026-0 input") == "100"
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.click(f"#sasaran-{sasaran.pk} button:has-text('+ Indikator')")
    page.wait_for_selector("#panel form")
    page.fill("#panel input[name=nama]", "Indeks kepuasan layanan")
    page.evaluate(
        "window.scrollTo(0, 0); document.querySelectorAll('.grid-bungkus')"
        ".forEach(e => { e.scrollLeft = 0; })"
    )
    page.screenshot(path=str(Path(SCREENSHOTS, "renstra.png")), full_page=True)
