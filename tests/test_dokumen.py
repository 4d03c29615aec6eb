"""The complete documents: parts cached by content, page numbers and daftar isi right,
tracked jobs (cache, failure keeps the previous file, cleanup), views and access.

Personas: alice (perencana BKPSDM), bob (perencana DISDIK), charlie (kepala BKPSDM),
dina (Bappeda Kota Batam), erik (perencana in Kota Dumai).
"""

from __future__ import annotations

import io
import re
from datetime import timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from dokumen import isi as isi_dokumen
from dokumen import render, services
from dokumen.models import NarasiBagian, PekerjaanDokumen
from renja import services as renja_services
from renja.impor import impor_plan
from renja.models import Nilai, Renja, StatusRenja

ROOT = Path(__file__).resolve().parent.parent
BATAM = ROOT / "fixtures" / "batam_renja_2024.csv"

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def folder_dokumen(settings, tmp_path):
    """Each test renders into its own cache and media folder: cold and isolated."""
    settings.DOKUMEN_CACHE_DIR = tmp_path / "bagian"
    settings.MEDIA_ROOT = tmp_path / "media"
    return tmp_path


@pytest.fixture(autouse=True)
def segera(django_capture_on_commit_callbacks, monkeypatch):
    """Run the queued task when the request's transaction would commit (tests never commit)."""
    asli = services.pekerjaan_minta

    def minta(**kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return asli(**kwargs)

    monkeypatch.setattr(services, "pekerjaan_minta", minta)


@pytest.fixture
def batam_bkpsdm(bkpsdm, celery_eager):
    """The demo plan (Batam BKPSDM Renja 2024) imported into the personas' agency."""
    impor_plan([BATAM])
    bkpsdm.refresh_from_db()
    bkpsdm.nama = "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia"
    bkpsdm.kepala_nama = "Dra. H A S N A H"
    bkpsdm.kepala_pangkat = "Pembina Utama Muda/IVc"
    bkpsdm.kepala_nip = "196807141989092001"
    bkpsdm.save()
    return bkpsdm


def _teks_halaman(pdf: bytes) -> list[str]:
    return [page.extract_text() or "" for page in PdfReader(io.BytesIO(pdf)).pages]


def _render(pd, jenis: str = "renja"):
    p = isi_dokumen.siapkan(pd=pd, tahun=2024 if jenis == "renja" else 2023, jenis=jenis)
    depan, badan, daftar = isi_dokumen.bagian_dokumen(p)
    return render.render_dokumen(
        depan=depan, isi=badan, daftar=daftar, kertas=p.kertas, kaki=isi_dokumen.kaki(p)
    )


def _nomor_di_kaki(teks: str) -> str:
    """The printed page number: the last token of the page's text (footer, bottom right)."""
    return teks.split()[-1] if teks.split() else ""


@pytest.mark.slow
def test_the_batam_renja_is_complete_and_its_daftar_isi_points_at_the_right_pages(batam_bkpsdm):
    hasil = _render(batam_bkpsdm)
    halaman = _teks_halaman(hasil.pdf)
    assert hasil.halaman == len(halaman) > 30
    semua = "\n".join(halaman)
    # Cover, kata pengantar with the signatory, every chapter.
    assert "RENCANA KERJA (RENJA)" in halaman[0]
    assert "KATA PENGANTAR" in halaman[1]
    assert "NIP. 19680714 198909 2 001" in halaman[1] and "Dra. H A S N A H" in halaman[1]
    for bab in ("BAB I", "BAB II", "BAB III", "BAB IV", "BAB V"):
        assert bab in semua
    # Every sub kegiatan code of the plan appears; T-C.33's grand total in Indonesian format.
    kode_sub = set(
        re.findall(r"^[^,]*,[^,]*,(\d\.\d\d\.\d\d\.\d\.\d\d\.\d{4}),", BATAM.read_text(), re.M)
    )
    assert len(kode_sub) >= 20
    rata = semua.replace("\n", " ")
    for kode in kode_sub:
        assert kode in rata, kode
    tc33 = isi_dokumen.siapkan(pd=batam_bkpsdm, tahun=2024, jenis="renja").tabel["tc33"]
    from inti.templatetags.angka import angka

    # The grand total: the sum of the top-level rows' pagu indikatif (column 6).
    atas = [b for b in tc33.baris if b.level == "urusan" and not b.lanjutan]
    pagu = sum((b.nilai["k6"] for b in atas), Decimal(0))
    assert pagu > 1_000_000_000
    assert angka(pagu) in rata
    # Table pages are landscape, text pages portrait.
    reader = PdfReader(io.BytesIO(hasil.pdf))
    lanskap = [i for i, p in enumerate(reader.pages) if p.mediabox.width > p.mediabox.height]
    assert lanskap and len(lanskap) < len(reader.pages)
    # The daftar isi: each entry's page number is the page that carries its heading.
    daftar = next(i for i, t in enumerate(halaman) if "DAFTAR ISI" in t)
    awal_isi = next(i for i, t in enumerate(halaman) if i > daftar and _nomor_di_kaki(t) == "1")
    diperiksa = 0
    for baris in halaman[daftar].splitlines():
        m = re.match(r"^(BAB [IV]+|\d\.\d(?:\.\d)?)\s+(.+?)\s*\.{3,}\s*(\d+)$", baris.strip())
        if not m:
            continue
        nomor = int(m.group(3))
        teks_halaman = halaman[awal_isi + nomor - 1]
        assert _nomor_di_kaki(teks_halaman) == str(nomor)
        assert m.group(1) in teks_halaman, (baris, nomor)
        diperiksa += 1
    assert diperiksa >= 10


@pytest.mark.slow
def test_an_unchanged_document_renders_nothing_again_and_one_changed_value_only_its_parts(
    batam_bkpsdm, alice
):
    pertama = _render(batam_bkpsdm)
    assert pertama.dirender == len(pertama.bagian)
    kedua = _render(batam_bkpsdm)
    assert kedua.dirender == 0
    assert kedua.halaman == pertama.halaman

    # One pagu of one sub kegiatan changes (the planner saves it through the service).
    nilai = (
        Nilai.objects.filter(jenis="pagu", tahun=2024, program_kegiatan__isnull=False)
        .select_related("program_kegiatan")
        .first()
    )
    assert nilai is not None
    renja_services.nilai_simpan(
        oleh=alice,
        jenis="pagu",
        tahun=2024,
        angka=nilai.angka + 1_000_000,
        node=nilai.program_kegiatan,
    )
    ketiga = _render(batam_bkpsdm)
    dirender = {b.kunci for b in ketiga.bagian if not b.dari_cache}
    assert "tabel-tc33" in dirender and "tabel-t41" in dirender
    assert "sampul" not in dirender and "tabel-tc29" not in dirender
    assert ketiga.dirender < len(ketiga.bagian) / 2
    assert ketiga.halaman == pertama.halaman


def test_narrative_written_by_the_planner_replaces_the_default_and_html_stays_text(batam_bkpsdm):
    NarasiBagian.objects.create(
        perangkat_daerah=batam_bkpsdm,
        tahun=2024,
        jenis_dokumen="renja",
        kunci="renja.pengantar",
        isi="Kata pengantar **khusus** tahun {tahun}. <script>alert(1)</script>",
    )
    p = isi_dokumen.siapkan(pd=batam_bkpsdm, tahun=2024, jenis="renja", dengan_tabel=False)
    depan, _, _ = isi_dokumen.bagian_dokumen(p)
    html = depan[1].html
    assert "<strong>khusus</strong> tahun 2024" in html
    assert "<script>" not in html and "&lt;script&gt;" in html


def test_placeholders_fill_only_known_names():
    assert isi_dokumen.isi_placeholder("{tahun} {x} {}", {"tahun": "2024"}) == "2024 {x} {}"


def test_nip_is_printed_in_its_official_groups():
    assert isi_dokumen.nip_cetak("196807141989092001") == "19680714 198909 2 001"
    assert isi_dokumen.nip_cetak("") == ""


# --- jobs ---------------------------------------------------------------------------------


def test_a_requested_table_is_generated_then_served_from_the_stored_file(batam_bkpsdm, alice):
    pertama = services.pekerjaan_minta(
        pd=batam_bkpsdm, tahun=2024, jenis="tabel", tabel="tc33", format="pdf", oleh=alice
    )
    pertama.refresh_from_db()
    assert pertama.status == "selesai" and pertama.progres == 100 and not pertama.dari_cache
    assert pertama.halaman >= 1 and pertama.ukuran > 1000
    assert pertama.diminta_oleh == alice and pertama.mulai_pada and pertama.selesai_pada
    kedua = services.pekerjaan_minta(
        pd=batam_bkpsdm, tahun=2024, jenis="tabel", tabel="tc33", format="pdf", oleh=alice
    )
    assert kedua.pk != pertama.pk and kedua.dari_cache and kedua.berkas.name == pertama.berkas.name
    # A changed input (saved through the service, which moves the data version) makes a new
    # file; the request itself loads no plan to find that out.
    pagu = Nilai.objects.get(program_kegiatan__kode="5.03.02.2.04.0003", jenis="pagu", tahun=2024)
    renja_services.nilai_simpan(
        oleh=alice, node=pagu.program_kegiatan, jenis="pagu", tahun=2024, angka=Decimal(5000)
    )
    ketiga = services.pekerjaan_minta(
        pd=batam_bkpsdm, tahun=2024, jenis="tabel", tabel="tc33", format="pdf", oleh=alice
    )
    ketiga.refresh_from_db()
    assert not ketiga.dari_cache and ketiga.berkas.name != pertama.berkas.name


def test_fingerprinting_a_request_loads_no_plan(
    batam_bkpsdm, monkeypatch, django_assert_max_num_queries
):
    """The web request answers from the data version; only the worker loads the plan."""

    def jangan(**_: object) -> None:
        raise AssertionError("the plan was loaded to fingerprint a request")

    monkeypatch.setattr("evaluasi.services.muat_rencana", jangan)
    monkeypatch.setattr("dokumen.isi.muat_rencana", jangan)
    for jenis, tabel, fmt in (("tabel", "tc33", "pdf"), ("renja", "", "pdf"), ("lkj", "", "pdf")):
        with django_assert_max_num_queries(6):
            services.sidik_pekerjaan(
                pd=batam_bkpsdm,
                tahun=2024,
                jenis=jenis,
                tabel=tabel,
                format=fmt,
                parameter={"versi": "murni", "kertas": "A4"},
            )


def test_csv_and_xlsx_tables_go_through_the_same_job(batam_bkpsdm, dina):
    for fmt in ("csv", "xlsx"):
        p = services.pekerjaan_minta(
            pd=batam_bkpsdm, tahun=2024, jenis="tabel", tabel="tc29", format=fmt, oleh=dina
        )
        p.refresh_from_db()
        assert p.status == "selesai", p.galat
        assert p.nama_berkas == f"tc29_BKPSDM_2024.{fmt}"
    isi = p.berkas.open("rb").read()
    assert isi[:2] == b"PK"  # a zip: the workbook


def test_a_failed_render_says_why_and_keeps_the_previous_good_file(
    batam_bkpsdm, alice, monkeypatch
):
    baik = services.pekerjaan_minta(
        pd=batam_bkpsdm, tahun=2024, jenis="tabel", tabel="tc30", format="csv", oleh=alice
    )

    def rusak(*args, **kwargs):
        raise RuntimeError("templat rusak")

    monkeypatch.setattr(services, "_render_tabel", rusak)
    gagal = services.pekerjaan_minta(
        pd=batam_bkpsdm,
        tahun=2024,
        jenis="tabel",
        tabel="tc30",
        format="csv",
        oleh=alice,
        paksa=True,
    )
    gagal.refresh_from_db()
    assert gagal.status == "gagal" and "templat rusak" in gagal.galat
    baik.refresh_from_db()
    assert baik.berkas.storage.exists(baik.berkas.name)
    assert (
        services.pekerjaan_terakhir(
            pd=batam_bkpsdm,
            tahun=2024,
            jenis="tabel",
            tabel="tc30",
            format="csv",
            parameter={"versi": "murni"},
        )
        == baik
    )


@pytest.mark.parametrize(
    ("jenis", "tabel", "fmt", "parameter", "pesan"),
    [
        ("tabel", "tc99", "pdf", {}, "Tabel tidak dikenal"),
        ("tabel", "e81", "pdf", {}, "triwulan"),
        ("tabel", "e81", "pdf", {"triwulan": "5"}, "triwulan"),
        ("tabel", "tc29", "docx", {}, "Format"),
        ("renja", "", "xlsx", {}, "PDF"),
        ("renja", "", "pdf", {"versi": "lain"}, "Versi"),
        ("renja", "", "pdf", {"kertas": "A3"}, "Kertas"),
        ("surat", "", "pdf", {}, "Jenis dokumen"),
    ],
)
def test_a_bad_request_is_refused_with_its_reason(
    bkpsdm, alice, jenis, tabel, fmt, parameter, pesan
):
    with pytest.raises(services.PermintaanTidakSah, match=pesan):
        services.pekerjaan_minta(
            pd=bkpsdm,
            tahun=2024,
            jenis=jenis,
            tabel=tabel,
            format=fmt,
            parameter=parameter,
            oleh=alice,
        )
    assert not PekerjaanDokumen.objects.exists()


def test_cleaning_removes_old_files_but_keeps_the_newest_good_one(batam_bkpsdm, alice):
    lama = services.pekerjaan_minta(
        pd=batam_bkpsdm, tahun=2024, jenis="tabel", tabel="tc30", format="csv", oleh=alice
    )
    baru = services.pekerjaan_minta(
        pd=batam_bkpsdm,
        tahun=2024,
        jenis="tabel",
        tabel="tc30",
        format="csv",
        oleh=alice,
        paksa=True,
    )
    lama.refresh_from_db()
    baru.refresh_from_db()
    PekerjaanDokumen.objects.filter(pk__in=[lama.pk, baru.pk]).update(
        dibuat_pada=timezone.now() - timedelta(days=90)
    )
    hasil = services.bersihkan(hari=30)
    assert hasil["pekerjaan"] == 1 and hasil["berkas"] == 1
    assert list(PekerjaanDokumen.objects.values_list("pk", flat=True)) == [baru.pk]
    assert not lama.berkas.storage.exists(lama.berkas.name)
    assert baru.berkas.storage.exists(baru.berkas.name)


@pytest.mark.slow
def test_export_document_writes_the_pdf_through_a_job(batam_bkpsdm, tmp_path):
    out = tmp_path / "renja.pdf"
    call_command(
        "export_document", "renja", pemda="Kota Batam", opd="BKPSDM", tahun=2024, output=str(out)
    )
    reader = PdfReader(str(out))
    assert len(reader.pages) > 30
    assert PekerjaanDokumen.objects.get().status == "selesai"


# --- views ----------------------------------------------------------------------------------


def test_anonymous_visitors_are_sent_to_the_login_page(client, bkpsdm):
    for url in (
        reverse("dokumen:daftar"),
        reverse("dokumen:unduhan", args=[bkpsdm.pk, 2024]),
        reverse("dokumen:naskah", args=[bkpsdm.pk, 2024, "renja"]),
    ):
        response = client.get(url)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_the_downloads_page_shows_each_document_and_table_with_its_state(
    client, batam_bkpsdm, dina, django_assert_max_num_queries
):
    services.pekerjaan_minta(
        pd=batam_bkpsdm, tahun=2024, jenis="tabel", tabel="tc30", format="csv", oleh=dina
    )
    client.force_login(dina)
    with django_assert_max_num_queries(12):
        response = client.get(reverse("dokumen:unduhan", args=[batam_bkpsdm.pk, 2024]))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Dokumen Renja lengkap" in html and "Dokumen LKj lengkap" in html
    assert "Siap" in html and "Unduh CSV" in html and "Belum dibuat" in html


def test_a_planner_of_another_agency_can_neither_see_nor_generate_nor_download(
    client, batam_bkpsdm, alice, bob, erik
):
    p = services.pekerjaan_minta(
        pd=batam_bkpsdm, tahun=2024, jenis="tabel", tabel="tc30", format="csv", oleh=alice
    )
    for orang in (bob, erik):
        client.force_login(orang)
        assert (
            client.get(reverse("dokumen:unduhan", args=[batam_bkpsdm.pk, 2024])).status_code == 403
        )
        assert client.get(reverse("dokumen:pekerjaan", args=[p.pk])).status_code == 403
        assert client.get(reverse("dokumen:status", args=[p.pk])).status_code == 403
        assert client.get(reverse("dokumen:unduh", args=[p.pk])).status_code == 403
        response = client.post(
            reverse("dokumen:buat", args=[batam_bkpsdm.pk, 2024]),
            {"jenis": "tabel", "tabel": "tc30", "format": "csv"},
        )
        assert response.status_code == 403
    assert PekerjaanDokumen.objects.count() == 1


def test_the_head_starts_a_table_and_follows_it_to_the_download(client, batam_bkpsdm, charlie):
    client.force_login(charlie)
    response = client.post(
        reverse("dokumen:buat", args=[batam_bkpsdm.pk, 2024]),
        {"jenis": "tabel", "tabel": "e81", "format": "xlsx", "triwulan": "2"},
    )
    assert response.status_code == 302
    p = PekerjaanDokumen.objects.get()
    assert response["Location"] == reverse("dokumen:pekerjaan", args=[p.pk])
    assert p.parameter == {"versi": "murni", "triwulan": 2}
    halaman = client.get(response["Location"]).content.decode()
    assert "Unduh e81_BKPSDM_2024_tw2.xlsx" in halaman
    unduh = client.get(reverse("dokumen:unduh", args=[p.pk]))
    assert unduh.status_code == 200
    assert 'attachment; filename="e81_BKPSDM_2024_tw2.xlsx"' in unduh["Content-Disposition"]


def test_the_status_fragment_polls_while_running_and_stops_when_done(client, bkpsdm, charlie):
    p = PekerjaanDokumen.objects.create(
        perangkat_daerah=bkpsdm,
        tahun=2024,
        jenis="renja",
        status="berjalan",
        progres=40,
        tahap="BAB II",
    )
    client.force_login(charlie)
    html = client.get(reverse("dokumen:status", args=[p.pk])).content.decode()
    assert 'hx-trigger="every 1s"' in html and 'value="40"' in html and "BAB II" in html
    PekerjaanDokumen.objects.filter(pk=p.pk).update(status="gagal", galat="Renstra belum ada.")
    html = client.get(reverse("dokumen:status", args=[p.pk])).content.decode()
    assert "hx-trigger" not in html and "Gagal: Renstra belum ada." in html


def test_a_bad_request_from_the_page_is_a_400_with_the_reason(client, bkpsdm, alice):
    client.force_login(alice)
    response = client.post(
        reverse("dokumen:buat", args=[bkpsdm.pk, 2024]),
        {"jenis": "tabel", "tabel": "e81", "format": "pdf"},
    )
    assert response.status_code == 400
    assert "pilih triwulan 1–4" in response.content.decode()


def test_the_planner_edits_a_section_and_the_head_only_reads(client, bkpsdm, alice, charlie):
    url = reverse("dokumen:naskah", args=[bkpsdm.pk, 2024, "renja"])
    client.force_login(alice)
    page = client.get(url)
    assert page.status_code == 200 and "Kata Pengantar" in page.content.decode()
    response = client.post(
        url, {"kunci": "renja.pengantar", "isi": "Teks baru."}, HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 200 and "Tersimpan." in response.content.decode()
    n = NarasiBagian.objects.get()
    assert (n.isi, n.diubah_oleh) == ("Teks baru.", alice)
    assert n.history.count() == 1
    # Unknown section: 404; too long: refused on the field, the typed text kept.
    assert client.post(url, {"kunci": "renja.99", "isi": "x"}).status_code == 404
    panjang = "a" * 50_001
    response = client.post(
        url, {"kunci": "renja.pengantar", "isi": panjang}, HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 400 and panjang in response.content.decode()
    client.force_login(charlie)
    assert "readonly" in client.get(url).content.decode()
    assert client.post(url, {"kunci": "renja.pengantar", "isi": "x"}).status_code == 403


def test_the_narrative_of_a_ditetapkan_renja_is_locked(client, bkpsdm, renja, alice):
    Renja.objects.filter(pk=renja.pk).update(
        status=StatusRenja.DITETAPKAN, ditetapkan_pada=timezone.now()
    )
    client.force_login(alice)
    url = reverse("dokumen:naskah", args=[bkpsdm.pk, 2024, "renja"])
    assert "naskah terkunci" in client.get(url).content.decode()
    assert client.post(url, {"kunci": "renja.pengantar", "isi": "x"}).status_code == 403
    assert not NarasiBagian.objects.exists()


@pytest.mark.slow
def test_changed_parts_render_side_by_side_and_give_the_same_document(
    batam_bkpsdm, alice, settings, tmp_path
):
    def render_ke(proses: int):
        p = isi_dokumen.siapkan(pd=batam_bkpsdm, tahun=2024, jenis="renja")
        depan, badan, daftar = isi_dokumen.bagian_dokumen(p)
        return render.render_dokumen(
            depan=depan, isi=badan, daftar=daftar, kaki=isi_dokumen.kaki(p),
            identitas="renja-uji", proses=proses,
        )  # fmt: skip

    render_ke(2)  # cold: no page counts known yet, so one part after the other
    nilai = (
        Nilai.objects.filter(jenis="pagu", tahun=2024, program_kegiatan__isnull=False)
        .select_related("program_kegiatan")
        .first()
    )
    renja_services.nilai_simpan(
        oleh=alice, jenis="pagu", tahun=2024, angka=nilai.angka + 5, node=nilai.program_kegiatan
    )
    paralel = render_ke(2)
    dirender = {b.kunci for b in paralel.bagian if not b.dari_cache}
    assert {"tabel-tc33", "tabel-t41"} <= dirender and "sampul" not in dirender
    # The same state, one process, in an empty cache: the same pages with the same text.
    settings.DOKUMEN_CACHE_DIR = tmp_path / "bagian-urut"
    urut = render_ke(1)
    assert _teks_halaman(paralel.pdf) == _teks_halaman(urut.pdf)


@pytest.mark.slow
def test_the_renja_perubahan_document_prints_its_tables_5_2_and_5_3(batam_bkpsdm, alice):
    from renja.perubahan.services import pagu_perubahan_simpan, renja_perubahan_buat

    murni = Renja.objects.get(perangkat_daerah=batam_bkpsdm, tahun=2024, versi="murni")
    Renja.objects.filter(pk=murni.pk).update(
        status=StatusRenja.DITETAPKAN, ditetapkan_pada=timezone.now()
    )
    murni.refresh_from_db()
    perubahan = renja_perubahan_buat(murni=murni, oleh=alice)
    pagu = Nilai.objects.filter(
        program_kegiatan__renstra__perangkat_daerah=batam_bkpsdm, jenis="pagu", tahun=2024
    ).order_by("program_kegiatan__kode")
    naik, turun = pagu[0], pagu[1]
    # +10.000.000 on the first sub kegiatan, −5.000.000 on the second.
    pagu_perubahan_simpan(
        perubahan=perubahan,
        node=naik.program_kegiatan,
        angka=naik.angka + 10_000_000,
        oleh=alice,
    )
    pagu_perubahan_simpan(
        perubahan=perubahan,
        node=turun.program_kegiatan,
        angka=turun.angka - 5_000_000,
        oleh=alice,
    )
    p = isi_dokumen.siapkan(pd=batam_bkpsdm, tahun=2024, jenis="renja", versi="perubahan")
    depan, badan, daftar = isi_dokumen.bagian_dokumen(p)
    hasil = render.render_dokumen(
        depan=depan, isi=badan, daftar=daftar, kertas=p.kertas, kaki=isi_dokumen.kaki(p)
    )
    semua = " ".join(_teks_halaman(hasil.pdf)).replace("\n", " ")
    assert "PERUBAHAN" in _teks_halaman(hasil.pdf)[0]
    assert "RENCANA PROGRAM DAN KEGIATAN DALAM PERUBAHAN RENCANA KERJA" in semua
    assert "BAB VI" in semua and "6.1 Kaidah Pelaksanaan" in semua
    assert "Penambahan Anggaran" in semua and "Pergeseran Anggaran" in semua
    assert naik.program_kegiatan.kode in semua and "10.000.000" in semua
    # The murni document has none of it.
    murni_p = isi_dokumen.siapkan(pd=batam_bkpsdm, tahun=2024, jenis="renja")
    assert "t52" not in murni_p.tabel and "t52" in p.tabel
