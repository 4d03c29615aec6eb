"""Excel round trip (issue 5 point 3): template, upload check, preview, atomic apply."""

from __future__ import annotations

import io
import zipfile
from decimal import Decimal
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from renja.impor import impor_plan
from renja.models import Indikator, Level, Nilai, ProgramKegiatan, Renja, StatusRenja
from renja.perubahan.services import renja_perubahan_buat
from renja.unggah import periksa, susunan
from tests.conftest import ROOT

BATAM = ROOT / "fixtures" / "batam_renja_2024.csv"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@pytest.fixture
def rencana(bkpsdm, celery_eager):
    """The Batam demo plan imported into the personas' BKPSDM."""
    impor_plan([BATAM])
    return bkpsdm


def _url(nama: str, pd, *args: Any) -> str:
    return reverse(f"unggah:{nama}", args=[pd.pk, 2024, *args])


def _unduh(client, pd, templat: str = "rencana") -> Any:
    response = client.get(_url("templat", pd, templat))
    assert response.status_code == 200, response.content[:300]
    assert response["Content-Type"] == XLSX
    return load_workbook(io.BytesIO(response.content))


def _simpan(wb) -> bytes:
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _unggah(client, pd, data: bytes, nama: str = "isian.xlsx"):
    return client.post(
        _url("periksa", pd), {"berkas": SimpleUploadedFile(nama, data, content_type=XLSX)}
    )


def _baris(ws) -> dict[str, int]:
    """Hidden key → row number."""
    return {
        str(ws.cell(row=r, column=1).value): r
        for r in range(susunan.BARIS_JUDUL + 1, ws.max_row + 1)
        if ws.cell(row=r, column=1).value
    }


def _sub_kegiatan_dan_indikator(pd) -> tuple[ProgramKegiatan, ProgramKegiatan, Indikator]:
    subs = list(
        ProgramKegiatan.objects.filter(renstra__perangkat_daerah=pd, level=Level.SUB_KEGIATAN)
        .filter(nilai__jenis="pagu", nilai__tahun=2024)
        .order_by("kode")
    )
    ind = (
        Indikator.objects.filter(
            program_kegiatan__renstra__perangkat_daerah=pd,
            nilai__jenis="target",
            nilai__tahun=2024,
            nilai__angka__isnull=False,
        )
        .order_by("pk")
        .first()
    )
    assert ind is not None
    return subs[0], subs[1], ind


def _snapshot() -> list[tuple]:
    return list(
        Nilai.objects.order_by("pk").values_list("pk", "angka", "teks", "revisi", "triwulan")
    )


def _masalah(response) -> str:
    return " | ".join(str(m) for m in response.context["masalah"])


# --- round trip ------------------------------------------------------------------------


def test_round_trip_preview_apply_history_and_idempotent(client, alice, rencana):
    client.force_login(alice)
    sub1, _, ind = _sub_kegiatan_dan_indikator(rencana)
    pagu_lama = Nilai.objects.get(program_kegiatan=sub1, jenis="pagu", tahun=2024)
    target_lama = Nilai.objects.get(indikator=ind, jenis="target", tahun=2024)
    tanpa_nilai = Indikator.objects.create(
        program_kegiatan=sub1, nama="Persentase dokumen baru", satuan="%", urutan=9
    )
    wb = _unduh(client, rencana)
    ws = wb.active
    rows = _baris(ws)
    # The template is pre-filled with the stored values and carries its hidden mark.
    assert ws["A1"].value.startswith("SAKIP-UNGGAH v1;pd=")
    assert ws.column_dimensions["A"].hidden
    assert ws.cell(row=rows[f"N{sub1.pk}"], column=7).value == pagu_lama.angka
    assert ws.cell(row=rows[f"N{sub1.pk}"], column=2).value == sub1.kode
    assert ws.protection.sheet
    assert ws.cell(row=rows[f"N{sub1.pk}"], column=2).protection.locked
    assert not ws.cell(row=rows[f"N{sub1.pk}"], column=7).protection.locked

    # Indonesian text format, Excel number format, and a value where none was stored.
    ws.cell(row=rows[f"N{sub1.pk}"], column=7).value = "1.234.567.890"
    ws.cell(row=rows[f"I{ind.pk}"], column=6).value = 87.5
    ws.cell(row=rows[f"I{tanpa_nilai.pk}"], column=6).value = "12,5"
    data = _simpan(wb)

    response = _unggah(client, rencana, data)
    assert response.status_code == 200, _masalah(response) if response.context else ""
    pratinjau = response.context["pratinjau"]
    perubahan = {(p.pemilik, p.pemilik_id): p for p in pratinjau.perubahan}
    assert set(perubahan) == {("n", sub1.pk), ("i", ind.pk), ("i", tanpa_nilai.pk)}
    assert perubahan[("n", sub1.pk)].tampil_baru == "1.234.567.890"
    assert perubahan[("n", sub1.pk)].tampil_lama == susunan.tampil(pagu_lama.angka)
    assert perubahan[("i", ind.pk)].tampil_baru == "87,5"
    assert perubahan[("i", tanpa_nilai.pk)].tampil_lama == "–"
    assert pratinjau.jumlah_baru == 1 and pratinjau.jumlah_berubah == 2
    assert pratinjau.sama > 50
    html = response.content.decode()
    assert "1.234.567.890" in html and "87,5" in html and "1 nilai baru" in html
    # Nothing is written before confirmation.
    pagu_lama_angka = pagu_lama.angka
    pagu_lama.refresh_from_db()
    assert pagu_lama.angka == pagu_lama_angka

    token = response.context["token"]
    response = client.post(_url("terapkan", rencana, token))
    assert response.status_code == 200
    assert "1 nilai baru, 2 nilai berubah" in response.content.decode()
    pagu_lama.refresh_from_db()
    target_lama.refresh_from_db()
    assert pagu_lama.angka == Decimal("1234567890")
    assert target_lama.angka == Decimal("87.5")
    assert Nilai.objects.get(indikator=tanpa_nilai, jenis="target", tahun=2024).angka == Decimal(
        "12.5"
    )
    for nilai in (pagu_lama, target_lama):
        terakhir = nilai.history.latest()
        assert terakhir.history_change_reason == "excel"
        assert terakhir.history_user == alice
    baru = Nilai.objects.get(indikator=tanpa_nilai, jenis="target", tahun=2024)
    assert baru.history.latest().history_change_reason == "excel"
    assert baru.history.latest().history_user == alice
    # The token is single use.
    assert client.post(_url("terapkan", rencana, token)).status_code == 409

    # The same file again: nothing changes.
    sebelum = _snapshot()
    response = _unggah(client, rencana, data)
    assert response.status_code == 200
    pratinjau = response.context["pratinjau"]
    assert pratinjau.perubahan == []
    assert "Tidak ada nilai yang berubah" in response.content.decode()
    response = client.post(_url("terapkan", rencana, response.context["token"]))
    assert response.status_code == 200
    assert _snapshot() == sebelum


def test_quarter_template_round_trip(client, alice, rencana):
    client.force_login(alice)
    sub1, _, ind = _sub_kegiatan_dan_indikator(rencana)
    wb = _unduh(client, rencana, "tw2")
    ws = wb.active
    assert ws.cell(row=susunan.BARIS_JUDUL, column=6).value == "Realisasi K TW 2 2024"
    rows = _baris(ws)
    ws.cell(row=rows[f"N{sub1.pk}"], column=7).value = "Rp 17.640.000"
    ws.cell(row=rows[f"I{ind.pk}"], column=6).value = "45,25"
    response = _unggah(client, rencana, _simpan(wb))
    assert response.status_code == 200, _masalah(response)
    client.post(_url("terapkan", rencana, response.context["token"]))
    rp = Nilai.objects.get(program_kegiatan=sub1, jenis="realisasi_anggaran", triwulan=2)
    assert rp.angka == Decimal("17640000") and rp.tahun == 2024
    k = Nilai.objects.get(indikator=ind, jenis="realisasi", triwulan=2, tahun=2024)
    assert k.angka == Decimal("45.25")


def test_perubahan_template_round_trip_writes_the_revised_kinds_only(client, alice, rencana):
    client.force_login(alice)
    sub1, _, ind = _sub_kegiatan_dan_indikator(rencana)
    murni = Renja.objects.get(perangkat_daerah=rencana, tahun=2024, versi="murni")
    # Before the Perubahan exists the page offers no such template and an upload is refused.
    page = client.get(_url("halaman", rencana)).content.decode()
    assert _url("templat", rencana, "perubahan") not in page
    Renja.objects.filter(pk=murni.pk).update(
        status=StatusRenja.DITETAPKAN, ditetapkan_pada=timezone.now()
    )
    wb = _unduh(client, rencana, "perubahan")
    ws = wb.active
    assert ws.title == "Perubahan"
    assert ws.cell(row=susunan.BARIS_JUDUL, column=6).value == "Target perubahan 2024"
    assert ws.cell(row=susunan.BARIS_JUDUL, column=7).value == "Pagu perubahan 2024 (Rp)"
    rows = _baris(ws)
    ws.cell(row=rows[f"N{sub1.pk}"], column=7).value = "75.000.000"
    ws.cell(row=rows[f"I{ind.pk}"], column=6).value = "92,5"
    pesan = _ditolak(client, rencana, _simpan(wb))
    assert "Belum ada Renja Perubahan BKPSDM 2024" in pesan
    renja_perubahan_buat(murni=Renja.objects.get(pk=murni.pk), oleh=alice)
    assert (
        _url("templat", rencana, "perubahan")
        in client.get(_url("halaman", rencana)).content.decode()
    )
    pagu_murni = Nilai.objects.get(program_kegiatan=sub1, jenis="pagu", tahun=2024).angka
    response = _unggah(client, rencana, _simpan(wb))
    assert response.status_code == 200, _masalah(response)
    client.post(_url("terapkan", rencana, response.context["token"]))
    pp = Nilai.objects.get(program_kegiatan=sub1, jenis="pagu_perubahan", tahun=2024)
    assert pp.angka == Decimal("75000000")
    assert pp.history.get().history_change_reason.startswith("excel")
    tp = Nilai.objects.get(indikator=ind, jenis="target_perubahan", tahun=2024)
    assert tp.angka == Decimal("92.5")
    # The murni values stay as they were.
    assert Nilai.objects.get(program_kegiatan=sub1, jenis="pagu", tahun=2024).angka == pagu_murni


# --- refusals: each leaves the database untouched --------------------------------------


def _ditolak(client, pd, data: bytes, nama: str = "isian.xlsx", status: int = 422) -> str:
    sebelum = _snapshot()
    response = _unggah(client, pd, data, nama)
    assert response.status_code == status
    assert "Tidak ada nilai yang diubah" in response.content.decode()
    assert _snapshot() == sebelum
    return _masalah(response)


def test_not_an_xlsx_is_refused(client, alice, rencana):
    client.force_login(alice)
    pesan = _ditolak(client, rencana, b"pemda,opd,kode\nKota Batam,BKPSDM,5\n", "isian.xlsx")
    assert "bukan berkas Excel .xlsx" in pesan
    pesan = _ditolak(client, rencana, b"pemda,opd,kode\n", "isian.csv")
    assert "format .csv tidak diterima" in pesan


def test_a_file_over_the_size_limit_is_refused_before_parsing(client, alice, rencana, monkeypatch):
    client.force_login(alice)

    def tidak_boleh(*args, **kwargs):
        raise AssertionError("parsed a file over the limit")

    monkeypatch.setattr(periksa, "load_workbook", tidak_boleh)
    pesan = _ditolak(client, rencana, b"PK\x03\x04" + b"0" * (susunan.BATAS_UKURAN + 10))
    assert "berkas lebih dari 5 MB" in pesan


def test_a_zip_bomb_is_refused_from_its_member_sizes(client, alice, rencana, monkeypatch):
    client.force_login(alice)
    data = _simpan(_unduh(client, rencana))
    buf = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as src,
        zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as dst,
    ):
        for info in src.infolist():
            dst.writestr(info, src.read(info))
        dst.writestr("xl/media/bom.xml", b"\0" * (60 * 1024 * 1024))
    assert len(buf.getvalue()) < susunan.BATAS_UKURAN

    def tidak_boleh(*args, **kwargs):
        raise AssertionError("opened a zip bomb")

    monkeypatch.setattr(periksa, "load_workbook", tidak_boleh)
    pesan = _ditolak(client, rencana, buf.getvalue())
    assert "zip bomb" in pesan


def test_formula_cells_are_refused_with_their_reference(client, alice, rencana):
    client.force_login(alice)
    sub1, _, _ = _sub_kegiatan_dan_indikator(rencana)
    wb = _unduh(client, rencana)
    ws = wb.active
    r = _baris(ws)[f"N{sub1.pk}"]
    ws.cell(row=r, column=7).value = "=SUM(G1:G3)"
    pesan = _ditolak(client, rencana, _simpan(wb))
    assert f"sel G{r} berisi rumus '=SUM(G1:G3)'" in pesan


def test_a_macro_workbook_is_refused(client, alice, rencana):
    client.force_login(alice)
    data = _simpan(_unduh(client, rencana))
    pesan = _ditolak(client, rencana, data, "isian.xlsm")
    assert "makro" in pesan
    buf = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as src,
        zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as dst,
    ):
        for info in src.infolist():
            dst.writestr(info, src.read(info))
        dst.writestr("xl/vbaProject.bin", b"\xd0\xcf\x11\xe0 macro")
    pesan = _ditolak(client, rencana, buf.getvalue(), "isian.xlsx")
    assert "vbaProject.bin" in pesan


def test_a_template_of_another_agency_or_year_is_refused(client, alice, bob, rencana, disdik):
    # bob's DISDIK template uploaded by alice to BKPSDM.
    client.force_login(bob)
    response = client.get(reverse("unggah:templat", args=[disdik.pk, 2024, "rencana"]))
    data_disdik = response.content
    client.force_login(alice)
    pesan = _ditolak(client, rencana, data_disdik)
    assert "templat ini untuk DISDIK Kota Batam, bukan BKPSDM Kota Batam" in pesan
    # A 2025 template uploaded as 2024.
    data_2025 = client.get(reverse("unggah:templat", args=[rencana.pk, 2025, "rencana"])).content
    pesan = _ditolak(client, rencana, data_2025)
    assert "templat ini untuk tahun 2025, bukan 2024" in pesan
    # A row pasted from another agency's plan: its hidden key is not one of ours.
    from tests.factories import RenstraFactory, sub_kegiatan

    node_lain = sub_kegiatan(RenstraFactory(perangkat_daerah=disdik))
    wb = _unduh(client, rencana)
    ws = wb.active
    r = ws.max_row + 1
    ws.cell(row=r, column=1).value = f"N{node_lain.pk}"
    ws.cell(row=r, column=2).value = node_lain.kode
    ws.cell(row=r, column=7).value = 5
    pesan = _ditolak(client, rencana, _simpan(wb))
    assert f"Rencana:{r}: kunci: baris ini bukan bagian rencana BKPSDM tahun 2024" in pesan


def test_duplicate_rows_are_refused(client, alice, rencana):
    client.force_login(alice)
    sub1, _, _ = _sub_kegiatan_dan_indikator(rencana)
    wb = _unduh(client, rencana)
    ws = wb.active
    r = _baris(ws)[f"N{sub1.pk}"]
    akhir = ws.max_row + 1
    for col in range(1, 8):
        ws.cell(row=akhir, column=col).value = ws.cell(row=r, column=col).value
    ws.cell(row=akhir, column=7).value = 5
    pesan = _ditolak(client, rencana, _simpan(wb))
    assert f"Rencana:{akhir}: kunci: baris ganda: baris yang sama sudah ada di baris {r}" in pesan


def test_a_ditetapkan_renja_is_refused(client, alice, rencana):
    client.force_login(alice)
    sub1, _, _ = _sub_kegiatan_dan_indikator(rencana)
    wb = _unduh(client, rencana)
    ws = wb.active
    ws.cell(row=_baris(ws)[f"N{sub1.pk}"], column=7).value = 5
    Renja.objects.filter(perangkat_daerah=rencana, tahun=2024, versi="murni").update(
        status=StatusRenja.DITETAPKAN, ditetapkan_pada=timezone.now()
    )
    pesan = _ditolak(client, rencana, _simpan(wb))
    assert "Renja BKPSDM 2024 sudah ditetapkan; nilainya tidak dapat diubah" in pesan


def test_a_bad_number_is_reported_with_its_row_and_column(client, alice, rencana):
    client.force_login(alice)
    sub1, sub2, ind = _sub_kegiatan_dan_indikator(rencana)
    wb = _unduh(client, rencana)
    ws = wb.active
    rows = _baris(ws)
    ws.cell(row=rows[f"I{ind.pk}"], column=6).value = "12,3,4"
    ws.cell(row=rows[f"N{sub1.pk}"], column=7).value = "-5"
    ws.cell(row=rows[f"N{sub2.pk}"], column=7).value = 1000  # a good cell: not applied either
    ws.cell(row=rows[f"I{ind.pk}"], column=7).value = 3  # budget on an indicator row
    sebelum = _snapshot()
    response = _unggah(client, rencana, _simpan(wb))
    assert response.status_code == 422
    assert _snapshot() == sebelum
    html = response.content.decode()
    r = rows[f"I{ind.pk}"]
    assert f"Baris {r}, kolom Target 2024: angka tidak dikenali &#x27;12,3,4&#x27;" in html
    pesan = _masalah(response)
    assert f"Rencana:{rows[f'N{sub1.pk}']}: Pagu 2024 (Rp): anggaran tidak boleh negatif" in pesan
    assert f"Rencana:{r}: Pagu 2024 (Rp): sel ini tidak diisi pada baris ini" in pesan


def test_a_value_changed_since_the_preview_refuses_the_whole_apply(client, alice, rencana):
    client.force_login(alice)
    sub1, sub2, _ = _sub_kegiatan_dan_indikator(rencana)
    wb = _unduh(client, rencana)
    ws = wb.active
    rows = _baris(ws)
    ws.cell(row=rows[f"N{sub1.pk}"], column=7).value = 111
    ws.cell(row=rows[f"N{sub2.pk}"], column=7).value = 222
    response = _unggah(client, rencana, _simpan(wb))
    token = response.context["token"]
    # Someone else saves sub2's pagu meanwhile.
    lain = Nilai.objects.get(program_kegiatan=sub2, jenis="pagu", tahun=2024)
    lain.angka, lain.revisi = Decimal(333), lain.revisi + 1
    lain.save()
    sebelum = _snapshot()
    response = client.post(_url("terapkan", rencana, token))
    assert response.status_code == 409
    assert _snapshot() == sebelum
    pesan = _masalah(response)
    assert "nilai sudah diubah orang lain sejak pratinjau (kini 333" in pesan
    assert Nilai.objects.get(program_kegiatan=sub1, jenis="pagu", tahun=2024).angka != 111


def test_the_preview_is_kept_server_side_under_a_token(client, alice, rencana):
    client.force_login(alice)
    response = client.post(_url("terapkan", rencana, "dibuat-buat"))
    assert response.status_code == 409
    assert "Pratinjau tidak ditemukan" in response.content.decode()


# --- access ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("persona", "unduh", "unggah_"),
    [
        ("alice", 200, 200),
        ("bob", 403, 403),
        ("charlie", 200, 403),
        ("dina", 200, 403),
        ("erik", 403, 403),
    ],
)
def test_access_per_persona(client, request, rencana, persona, unduh, unggah_):
    user = request.getfixturevalue(persona)
    alice = request.getfixturevalue("alice")
    client.force_login(alice)
    data = client.get(_url("templat", rencana, "rencana")).content
    client.force_login(user)
    assert client.get(_url("templat", rencana, "rencana")).status_code == unduh
    assert client.get(_url("halaman", rencana)).status_code == unduh
    sebelum = _snapshot()
    assert _unggah(client, rencana, data).status_code == unggah_
    assert client.post(_url("terapkan", rencana, "x")).status_code in (
        (409,) if unggah_ == 200 else (403,)
    )
    assert _snapshot() == sebelum


def test_anonymous_is_sent_to_login(client, rencana):
    response = client.get(_url("templat", rencana, "rencana"))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_apply_takes_a_fixed_number_of_queries(
    client, alice, rencana, django_assert_max_num_queries
):
    client.force_login(alice)
    wb = _unduh(client, rencana)
    ws = wb.active
    n = 0
    for r in range(susunan.BARIS_JUDUL + 1, ws.max_row + 1):
        kunci = str(ws.cell(row=r, column=1).value)
        if kunci.startswith("I"):
            ws.cell(row=r, column=6).value = 7
            n += 1
        elif ws.cell(row=r, column=7).protection.locked is False:
            ws.cell(row=r, column=7).value = 1000 + r
            n += 1
    response = _unggah(client, rencana, _simpan(wb))
    pratinjau = response.context["pratinjau"]
    assert len(pratinjau.perubahan) > 80
    token = response.context["token"]
    with django_assert_max_num_queries(30):
        response = client.post(_url("terapkan", rencana, token))
    assert response.status_code == 200
    assert Nilai.history.filter(history_change_reason="excel").count() == len(pratinjau.perubahan)


def test_a_name_typed_as_a_formula_stays_text_in_the_template_and_its_upload_is_accepted(
    client, alice, rencana
):
    """An indicator named "=HYPERLINK(…)" became a live formula in the template, and the
    upload then refused the application's own template."""
    client.force_login(alice)
    sub1, _, ind = _sub_kegiatan_dan_indikator(rencana)
    nama = '=HYPERLINK("http://contoh.invalid/","klik")'
    Indikator.objects.filter(pk=ind.pk).update(nama=nama)
    wb = _unduh(client, rencana)
    ws = wb.active
    sel = ws.cell(row=_baris(ws)[f"I{ind.pk}"], column=4)
    assert sel.value == nama and sel.data_type == "s"
    ws.cell(row=_baris(ws)[f"N{sub1.pk}"], column=susunan.KOL_RP).value = 1234
    response = _unggah(client, rencana, _simpan(wb))
    assert response.status_code == 200, _masalah(response) if response.context else ""


def test_a_formula_typed_in_a_value_cell_is_still_refused(client, alice, rencana):
    client.force_login(alice)
    sub1, _, _ = _sub_kegiatan_dan_indikator(rencana)
    wb = _unduh(client, rencana)
    ws = wb.active
    ws.cell(row=_baris(ws)[f"N{sub1.pk}"], column=susunan.KOL_RP).value = "=1+1"
    assert "rumus tidak diterima" in _ditolak(client, rencana, _simpan(wb))
