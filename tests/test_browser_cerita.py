"""One continuous browser story of a Renja year (issue 5 point 9).

alice (perencana BKPSDM) fills the plan and the first quarter in the grid, has an Excel upload
refused, charlie (kepala) submits, dina (Bappeda) returns it with a note, alice fixes the
target, charlie submits again, dina verifies, charlie sets it; the grid is then locked and the
Renja's history shows every transition with its notes. Only the starting data is made with
factories; every step after that goes through the pages, as the users would.
"""

from __future__ import annotations

import io
import re
import shutil
from decimal import Decimal
from pathlib import Path

import pytest

from tests.conftest import CHROMIUM, SCREENSHOTS

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not shutil.which(CHROMIUM), reason="Debian chromium is not installed"),
]

# Generous: the machine running the suite is slow and busy. Every wait is on a condition.
TUNGGU = 20_000
TERSIMPAN = re.compile(r"\btersimpan\b")  # the class of a cell just saved

CATATAN_KEMBALI = "Target persentase ASN 2024 harus 90% sesuai Renstra; mohon diperbaiki."
CATATAN_AJU_ULANG = "Target sudah disesuaikan menjadi 90%."


def _masuk(page, url: str, username: str) -> None:
    """Log in as ``username`` from a clean slate and wait for the full header."""
    # Leave the page first: a request still in flight from it (the header htmx loads) would
    # otherwise come back after the cookies are cleared and set a CSRF cookie that no longer
    # matches the login form's token.
    page.goto("about:blank")
    page.context.clear_cookies()
    page.goto(f"{url}/accounts/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", "demo")
    with page.expect_navigation():
        page.click("button[type=submit]")
    page.wait_for_url(f"{url}/", wait_until="domcontentloaded")
    page.locator("#konteks").wait_for(timeout=TUNGGU)  # the header loaded by htmx


def _menu(page, nama: str) -> None:
    """Follow a link of the header's navigation (loaded by htmx) and wait for the page."""
    page.locator("#konteks").wait_for(timeout=TUNGGU)
    tautan = page.locator("#kepala nav").get_by_role("link", name=nama, exact=True)
    href = tautan.get_attribute("href")
    with page.expect_navigation():
        tautan.click()
    page.wait_for_url(f"**{href}", wait_until="domcontentloaded")


def _foto(page, nama: str, *, penuh: bool = True) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(Path(SCREENSHOTS, nama)), full_page=penuh)


def _ketik(page, selector: str, teks: str, tombol: str = "Tab") -> None:
    """Focus a cell, replace its text with the keyboard and leave it with a key (saves it)."""
    page.click(selector)
    page.keyboard.press("Control+A")
    page.keyboard.type(teks)
    with page.expect_response(lambda r: "/sel/" in r.url and r.request.method == "POST"):
        page.keyboard.press(tombol)


def _buka_dari_menunggu(page, url: str, renja_id: int) -> None:
    """Waiting list (header link) → the Renja's workflow page."""
    with page.expect_navigation():
        page.click("#tautan-menunggu")
    page.wait_for_url(f"{url}/alur/", wait_until="domcontentloaded")
    with page.expect_navigation():
        page.click(f"main a[href='/alur/renja/{renja_id}/']")
    page.wait_for_url(f"{url}/alur/renja/{renja_id}/", wait_until="domcontentloaded")


def _transisi(page, url: str, renja_id: int, ke: str, catatan: str = "") -> None:
    """Press a workflow button (with an optional note) and wait for the redirect back."""
    if catatan:
        page.fill(f"#catatan-{ke}", catatan)
    with page.expect_navigation():  # the POST and its redirect, before going on
        page.click(f"#form-{ke} button[type=submit]")
    page.wait_for_url(f"{url}/alur/renja/{renja_id}/", wait_until="domcontentloaded")


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_renja_year_from_the_first_figure_to_the_locked_plan(
    page, live_server, tmp_path, bkpsdm, renstra, renja, alice, charlie, dina
):
    from django.contrib.auth import get_user_model
    from openpyxl import load_workbook
    from playwright.sync_api import expect

    from renja.models import Indikator, Jenis, Nilai, StatusRenja
    from renja.services import node_tambah

    # --- Starting data (factories/ORM only): two sub kegiatan under one kegiatan; the one alice
    # fills has a percentage indicator with an old target of 80, the other a pagu already.
    User = get_user_model()
    for u, depan, belakang in (
        (alice, "Alice", "Rahmawati"),
        (charlie, "Charlie", "Siregar"),
        (dina, "Dina", "Lestari"),
    ):
        User.objects.filter(pk=u.pk).update(first_name=depan, last_name=belakang)
    sub = node_tambah(renstra=renstra, kode="5.03.02.2.04.0003", dengan_indikator_bawaan=False)
    ind = Indikator.objects.create(
        program_kegiatan=sub, nama="Persentase ASN yang dievaluasi kinerjanya", satuan="%"
    )
    lain = node_tambah(renstra=renstra, kode="5.03.02.2.04.0001")
    kegiatan, program = sub.parent, sub.parent.parent
    assert lain.parent_id == kegiatan.pk
    Nilai.objects.create(indikator=ind, jenis=Jenis.TARGET, tahun=2024, angka=Decimal("80"))
    Nilai.objects.create(
        program_kegiatan=lain, jenis=Jenis.PAGU, tahun=2024, angka=Decimal("250000000")
    )

    url = live_server.url
    pd = bkpsdm.pk
    alur = f"{url}/alur/renja/{renja.pk}/"
    target = f"#sel-i-{ind.pk}-target-2024-0"
    pagu = f"#sel-n-{sub.pk}-pagu-2024-0"
    real_k = f"#sel-i-{ind.pk}-realisasi-2024-1"
    real_rp = f"#sel-n-{sub.pk}-realisasi_anggaran-2024-1"

    def target_tersimpan() -> Decimal | None:
        return Nilai.objects.get(indikator=ind, jenis=Jenis.TARGET, tahun=2024).angka

    # --- 1. alice opens the Renja grid of her year and types a target and a pagu.
    # Wide enough for the whole grid (capaian, serapan, lokasi…) in the screenshots.
    page.set_viewport_size({"width": 1600, "height": 900})
    _masuk(page, url, "alice")
    assert page.inner_text("#konteks-pd") == "BKPSDM"
    assert page.inner_text("#konteks-tahun") == "2024"
    _menu(page, "Isian Renja")
    assert page.url == f"{url}/isian/{pd}/2024/"
    expect(page.locator(f"#jml-n{kegiatan.pk}-pagu")).to_have_text("250.000.000")
    expect(page.locator(f"{target} input")).to_have_value("80")
    _ketik(page, f"{target} input", "87,5")
    expect(page.locator(target)).to_have_class(TERSIMPAN, timeout=TUNGGU)
    expect(page.locator(f"{target} input")).to_have_value("87,5")
    _ketik(page, f"{pagu} input", "1.250.000.000", "Enter")
    expect(page.locator(pagu)).to_have_class(TERSIMPAN, timeout=TUNGGU)
    # The parents' totals follow: 1.250.000.000 + the other sub kegiatan's 250.000.000.
    for dom_id in (f"jml-n{kegiatan.pk}-pagu", f"jml-n{program.pk}-pagu", "jml-total-pagu"):
        expect(page.locator(f"#{dom_id}")).to_have_text("1.500.000.000", timeout=TUNGGU)
    _foto(page, "cerita-1-rencana.png")

    # --- 2. The quarterly grid: TW I realisation K and Rp, capaian and serapan computed.
    _menu(page, "Realisasi")
    assert page.url == f"{url}/isian/{pd}/2024/realisasi/"
    expect(page.locator(f"{target} input")).to_have_value("87,5")
    _ketik(page, f"{real_k} input", "75")
    # 75 / 87,5 × 100 = 85,714… → 85,71 %
    expect(page.locator(f"#jml-i{ind.pk}-capaian")).to_have_text("85,71%", timeout=TUNGGU)
    expect(page.locator(f"#jml-i{ind.pk}-tahun")).to_have_text("75")
    _ketik(page, f"{real_rp} input", "333.333.333", "Enter")
    # 333.333.333 / 1.250.000.000 × 100 = 26,666… → 26,67 %; the kegiatan's pagu is
    # 1.500.000.000: 22,222… → 22,22 %.
    expect(page.locator(f"#jml-n{sub.pk}-serapan")).to_have_text("26,67%", timeout=TUNGGU)
    expect(page.locator(f"#jml-n{kegiatan.pk}-tw1")).to_have_text("333.333.333", timeout=TUNGGU)
    expect(page.locator(f"#jml-n{kegiatan.pk}-serapan")).to_have_text("22,22%", timeout=TUNGGU)
    expect(page.locator("#jml-total-serapan")).to_have_text("22,22%", timeout=TUNGGU)
    _foto(page, "cerita-2-realisasi.png")

    # --- 3. An Excel upload built from the app's own template with one bad cell is refused.
    _menu(page, "Excel")
    with page.expect_download() as info:
        page.click("a[data-templat=rencana]")
    wb = load_workbook(io.BytesIO(Path(info.value.path()).read_bytes()))
    ws = wb.active
    baris = {
        str(ws.cell(row=r, column=1).value): r
        for r in range(7, ws.max_row + 1)
        if ws.cell(row=r, column=1).value
    }
    r_ind, r_sub = baris[f"I{ind.pk}"], baris[f"N{sub.pk}"]
    assert ws.cell(row=r_ind, column=6).value in ("87,5", 87.5, Decimal("87.5"))
    ws.cell(row=r_sub, column=7).value = "2.000.000.000"  # a good change…
    ws.cell(row=r_ind, column=6).value = "12,3,4"  # …and a bad cell: the whole file is refused
    berkas = tmp_path / "isian_bkpsdm_2024.xlsx"
    wb.save(berkas)
    page.set_input_files("#id_berkas", str(berkas))
    with page.expect_navigation():
        page.click("button.utama")
    laporan = page.locator("#laporan")
    laporan.wait_for(timeout=TUNGGU)
    teks = laporan.inner_text()
    assert f"Baris {r_ind}, kolom Target 2024: angka tidak dikenali '12,3,4'" in teks
    assert "Tidak ada nilai yang diubah" in teks
    _foto(page, "cerita-3-unggah-ditolak.png")
    # Nothing changed: the grid still shows the values typed in step 1.
    _menu(page, "Isian Renja")
    expect(page.locator(f"{pagu} input")).to_have_value("1.250.000.000")
    expect(page.locator(f"{target} input")).to_have_value("87,5")

    # --- 4. charlie (kepala) submits the Renja from his waiting list.
    _masuk(page, url, "charlie")
    _buka_dari_menunggu(page, url, renja.pk)
    expect(page.locator("#status-renja")).to_have_text("Draft")
    _transisi(page, url, renja.pk, "diajukan")
    expect(page.locator("#status-renja")).to_have_text("Diajukan")
    _foto(page, "cerita-4-diajukan.png")

    # --- 5. dina (Bappeda) returns it with a note.
    _masuk(page, url, "dina")
    _buka_dari_menunggu(page, url, renja.pk)
    _transisi(page, url, renja.pk, "dikembalikan", CATATAN_KEMBALI)
    expect(page.locator("#status-renja")).to_have_text("Dikembalikan")
    _foto(page, "cerita-5-dikembalikan.png")

    # --- 6. alice finds the note on her waiting list and the Renja's page, then fixes the
    # target in the grid, which is editable again.
    _masuk(page, url, "alice")
    expect(page.locator("#jumlah-menunggu")).to_have_text("1")
    with page.expect_navigation():
        page.click("#tautan-menunggu")
    page.wait_for_url(f"{url}/alur/", wait_until="domcontentloaded")
    assert "Perlu diperbaiki sesuai catatan Bappeda" in page.inner_text("main")
    assert CATATAN_KEMBALI in page.inner_text("main .catatan-kembali")
    _foto(page, "cerita-6-menunggu-perencana.png")
    with page.expect_navigation():
        page.click(f"main a[href='/alur/renja/{renja.pk}/']")
    page.wait_for_url(alur, wait_until="domcontentloaded")
    assert CATATAN_KEMBALI in page.inner_text("#catatan-pengembalian")
    assert "Dina Lestari" in page.inner_text("#catatan-pengembalian")
    _menu(page, "Isian Renja")
    expect(page.locator(".lencana.mode-ubah")).to_be_visible()
    assert page.locator(f"{target} input").get_attribute("readonly") is None
    _ketik(page, f"{target} input", "90")
    expect(page.locator(target)).to_have_class(TERSIMPAN, timeout=TUNGGU)
    _foto(page, "cerita-6-diperbaiki.png")
    page.reload(wait_until="domcontentloaded")
    expect(page.locator(f"{target} input")).to_have_value("90", timeout=TUNGGU)
    assert target_tersimpan() == Decimal("90")
    # The quarter's capaian follows the new target: 75 / 90 × 100 = 83,33 %.
    _menu(page, "Realisasi")
    expect(page.locator(f"#jml-i{ind.pk}-capaian")).to_have_text("83,33%")

    # --- 7. charlie submits again, dina verifies, charlie sets it (TRANSISI: kepala sets).
    _masuk(page, url, "charlie")
    _buka_dari_menunggu(page, url, renja.pk)
    expect(page.locator("#status-renja")).to_have_text("Dikembalikan")
    assert CATATAN_KEMBALI in page.inner_text("#catatan-pengembalian")
    _transisi(page, url, renja.pk, "diajukan", CATATAN_AJU_ULANG)
    expect(page.locator("#status-renja")).to_have_text("Diajukan")
    _masuk(page, url, "dina")
    _buka_dari_menunggu(page, url, renja.pk)
    _transisi(page, url, renja.pk, "diverifikasi")
    expect(page.locator("#status-renja")).to_have_text("Diverifikasi")
    _masuk(page, url, "charlie")
    _buka_dari_menunggu(page, url, renja.pk)
    _transisi(page, url, renja.pk, "ditetapkan")
    expect(page.locator("#status-renja")).to_have_text("Ditetapkan")
    expect(page.locator("#terkunci")).to_be_visible()
    assert page.locator("#tindakan").count() == 0
    _foto(page, "cerita-7-ditetapkan.png")

    # --- 8. alice's grid is locked: no editable cell, the lock message, a forged save refused.
    _masuk(page, url, "alice")
    _menu(page, "Isian Renja")
    expect(page.locator(".terkunci-info")).to_contain_text("Terkunci karena Renja ditetapkan")
    # Every cell of the year 2024 is read-only (the n+1 columns belong to the year 2025).
    tahun_ini = page.locator(".isian-grid .sel[id$='-2024-0'] input[name=nilai]")
    # 2 targets, 2 pagu, lokasi/sumber dana/catatan of program, kegiatan and 2 sub kegiatan.
    assert tahun_ini.count() == 2 + 2 + 4 * 3
    bebas = page.locator(".isian-grid .sel input[name=nilai]:not([readonly])")
    ids = bebas.evaluate_all("els => els.map(e => e.closest('.sel').id)")
    assert not [i for i in ids if i.endswith("-2024-0")], ids
    assert page.locator(".isian-grid .sel[id$='-2024-0'] input[hx-post]").count() == 0
    expect(page.locator(f"{target} .gembok")).to_be_visible()
    expect(page.locator(f"{target} input")).to_have_value("90")
    _foto(page, "cerita-8-terkunci.png")
    masukan = page.locator(f"{target} input")
    token = page.evaluate("JSON.parse(document.body.getAttribute('hx-headers'))['X-CSRFToken']")
    jawab = page.request.post(
        f"{url}/isian/{pd}/2024/sel/",
        form={
            "kunci": masukan.get_attribute("data-kunci") or "",
            "nilai": "95",
            "revisi": masukan.get_attribute("data-revisi") or "",
            "tampilan": "rencana",
        },
        headers={"X-CSRFToken": token, "HX-Request": "true", "Referer": page.url},
    )
    # Refused. The view's docstring says a lock answers 403; it answers 422 today (the
    # ValidationError of services.nilai_boleh_diubah): either is a refusal of the write.
    assert jawab.status in (403, 422), jawab.status
    assert "ditetapkan" in jawab.text()
    assert target_tersimpan() == Decimal("90")
    page.reload(wait_until="domcontentloaded")
    expect(page.locator(f"{target} input")).to_have_value("90", timeout=TUNGGU)

    # --- 9. The Renja's history: every transition, in order, with the notes.
    page.locator("#konteks").wait_for(timeout=TUNGGU)
    with page.expect_navigation():
        page.click(f"#konteks a[href='/alur/renja/{renja.pk}/']")
    page.wait_for_url(alur, wait_until="domcontentloaded")
    expect(page.locator("#status-renja")).to_have_text("Ditetapkan")
    baris_riwayat = page.locator("#riwayat tbody tr")
    expect(baris_riwayat).to_have_count(5)
    riwayat = [
        [t.strip() for t in baris_riwayat.nth(i).locator("td").all_inner_texts()[1:]]
        for i in range(5)
    ]
    assert riwayat == [
        ["Draft", "Diajukan", "Charlie Siregar", "–"],
        ["Diajukan", "Dikembalikan", "Dina Lestari", CATATAN_KEMBALI],
        ["Dikembalikan", "Diajukan", "Charlie Siregar", CATATAN_AJU_ULANG],
        ["Diajukan", "Diverifikasi", "Dina Lestari", "–"],
        ["Diverifikasi", "Ditetapkan", "Charlie Siregar", "–"],
    ]
    _foto(page, "cerita-9-riwayat.png")
    renja.refresh_from_db()
    assert renja.status == StatusRenja.DITETAPKAN and renja.terkunci
