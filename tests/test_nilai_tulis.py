"""The one value writer (issue 10): every path writes through ``renja.nilai.services``.

Each path (grid cell, ``import_plan``, Excel upload, staff roster) records its own history reason
and user, and each obeys the same rules: a ditetapkan Renja refuses, a budget belongs on a sub
kegiatan, a revisi read stale refuses where a person read it (grid, upload).
"""

from __future__ import annotations

import io
from datetime import date
from decimal import Decimal
from unittest import mock

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone
from openpyxl import load_workbook

import kepegawaian.services as kepegawaian_services
from inti.berkas import ImporGagal
from kepegawaian.models import Pegawai
from renja import impor, services
from renja.impor import impor_plan
from renja.isian import services as services_isian
from renja.isian.services import Isian
from renja.models import Indikator, Jenis, Level, Nilai, NilaiTercetak, Renja, StatusRenja
from renja.nilai import services as nilai_services
from renja.nilai.aturan import PerubahanNilai, pemilik_dari
from renja.nilai.services import NilaiDitolak, nilai_tulis
from renja.unggah import periksa, susunan, templat
from renja.unggah import services as unggah
from tests.factories import RenjaFactory, sub_kegiatan

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("celery_eager")]

SUB = "5.03.02.2.04.0003"


@pytest.fixture
def node(renstra):
    return sub_kegiatan(renstra, SUB)


@pytest.fixture
def ind(node):
    return Indikator.objects.filter(program_kegiatan=node).get()


@pytest.fixture
def murni(renstra):
    return RenjaFactory(renstra=renstra, tahun=2024)


def _kunci(renja: Renja) -> None:
    Renja.objects.filter(pk=renja.pk).update(
        status=StatusRenja.DITETAPKAN, ditetapkan_pada=timezone.now()
    )


def _riwayat(**saring) -> tuple[str, object]:
    h = Nilai.history.filter(**saring).latest("history_date")
    return h.history_change_reason, h.history_user


# --- the paths, each with its history reason and user --------------------------------------


def _grid(oleh, *, node, angka, revisi=None, jenis=Jenis.PAGU):
    return services_isian.sel_simpan(
        oleh=oleh,
        jenis=jenis,
        tahun=2024,
        isian=Isian(angka=Decimal(angka)),
        node=node,
        revisi_dibaca=revisi,
    )


def _csv_pagu(tulis_csv, kode: str, angka: str, nama: str = "plan.csv"):
    return tulis_csv([f"Kota Batam,BKPSDM,{kode},S,,,,,2021-2026,2024,pagu,{angka}"], nama=nama)


def _pratinjau(pd, oleh, isi: dict[str, tuple[int, object]]) -> susunan.Pratinjau:
    """Download the plan template, fill cells (key → (column, value)), check the upload."""
    _, data = templat.templat_tulis(pd=pd, tahun=2024, templat="rencana", oleh=oleh)
    wb = load_workbook(io.BytesIO(data))
    ws = wb.active
    baris = {
        str(ws.cell(row=r, column=1).value): r
        for r in range(susunan.BARIS_JUDUL + 1, ws.max_row + 1)
    }
    for kunci, (kolom, nilai) in isi.items():
        ws.cell(row=baris[kunci], column=kolom).value = nilai
    buf = io.BytesIO()
    wb.save(buf)
    buf.seek(0)
    return periksa.unggahan_periksa(pd=pd, tahun=2024, berkas=buf, nama="isian.xlsx", oleh=oleh)


def test_the_grid_records_form_and_the_planner(alice, node):
    nilai = _grid(alice, node=node, angka="100")
    assert _riwayat(id=nilai.pk) == ("form", alice)


def test_an_import_records_its_files_and_its_user_or_none(alice, bkpsdm, renstra, tulis_csv):
    impor_plan([_csv_pagu(tulis_csv, SUB, "1.000", nama="a.csv")], oleh=alice)
    nilai = Nilai.objects.get(jenis=Jenis.PAGU)
    assert _riwayat(id=nilai.pk) == ("impor:a.csv", alice)
    # The command line has no user.
    impor_plan([_csv_pagu(tulis_csv, SUB, "2.000", nama="b.csv")])
    assert _riwayat(id=nilai.pk) == ("impor:b.csv", None)
    nilai.refresh_from_db()
    assert (nilai.angka, nilai.revisi) == (Decimal(2000), 1)


def test_the_upload_records_excel_and_the_uploader(alice, bkpsdm, node, ind):
    pratinjau = _pratinjau(bkpsdm, alice, {f"N{node.pk}": (susunan.KOL_RP, 5000)})
    hasil = unggah.pratinjau_terapkan(pd=bkpsdm, tahun=2024, pratinjau=pratinjau, oleh=alice)
    assert (hasil.baru, hasil.berubah) == (1, 0)
    assert _riwayat(program_kegiatan=node, jenis=Jenis.PAGU) == ("excel", alice)


@pytest.fixture
def asn(node, batam, bkpsdm):
    Pegawai.objects.create(
        pemda=batam, nip="198001012010031001", nama="A", status="PNS", golongan="III/a",
        jenis_jabatan="pelaksana", pendidikan="S1", unit_kerja=bkpsdm, jenis_kelamin="L",
        tmt=date(2010, 3, 1),
    )  # fmt: skip
    return Indikator.objects.create(
        program_kegiatan=node,
        nama="Jumlah ASN",
        satuan="orang",
        sumber_data=Indikator.SumberData.KEPEGAWAIAN,
        ukuran_kepegawaian=Indikator.UkuranKepegawaian.JUMLAH_ASN,
    )


def test_the_roster_records_kepegawaian_and_who_pressed_the_button(alice, asn):
    kepegawaian_services.realisasi_hitung(
        oleh=alice, indikator=asn, tahun=2024, hari_ini=date(2024, 4, 1)
    )
    assert _riwayat(indikator=asn, triwulan=1) == ("kepegawaian", alice)
    # The same figure again is counted, not written: no new revision, no history row.
    kepegawaian_services.realisasi_hitung(
        oleh=alice, indikator=asn, tahun=2024, hari_ini=date(2024, 4, 1)
    )
    assert Nilai.objects.get(indikator=asn).revisi == 0
    assert Nilai.history.filter(indikator=asn).count() == 1


# --- the rules, in every path ---------------------------------------------------------------


def test_a_ditetapkan_renja_refuses_the_grid(alice, node, murni):
    _kunci(murni)
    with pytest.raises(ValidationError, match=r"\(murni\) sudah ditetapkan"):
        _grid(alice, node=node, angka="1")
    assert not Nilai.objects.exists()


def test_a_ditetapkan_renja_refuses_the_import(alice, node, murni, tulis_csv):
    _kunci(murni)
    with pytest.raises(ImporGagal) as exc:
        impor_plan([_csv_pagu(tulis_csv, SUB, "1.000")], oleh=alice)
    (masalah,) = exc.value.masalah
    assert str(masalah).endswith(
        "plan.csv:2: jenis: Renja BKPSDM 2024 (murni) sudah ditetapkan; nilainya tidak dapat diubah"
    )
    assert not Nilai.objects.exists()


def test_a_renja_ditetapkan_between_preview_and_apply_refuses_the_upload(
    alice, bkpsdm, node, murni
):
    pratinjau = _pratinjau(bkpsdm, alice, {f"N{node.pk}": (susunan.KOL_RP, 5000)})
    _kunci(murni)
    with pytest.raises(susunan.UnggahanDitolak) as exc:
        unggah.pratinjau_terapkan(pd=bkpsdm, tahun=2024, pratinjau=pratinjau, oleh=alice)
    (masalah,) = exc.value.masalah
    assert "Renja BKPSDM 2024 (murni) sudah ditetapkan; nilainya tidak dapat diubah" in str(masalah)
    assert not Nilai.objects.exists()


def test_the_roster_obeys_the_same_lock_rule_realisations_stay_open(alice, asn, murni):
    # The roster writes realisations, monitoring data a ditetapkan Renja does not lock
    # (models.JENIS_VERSI); the writer applies that rule to the roster as to the grid.
    _kunci(murni)
    kepegawaian_services.realisasi_hitung(
        oleh=alice, indikator=asn, tahun=2024, hari_ini=date(2024, 7, 1)
    )
    assert Nilai.objects.filter(indikator=asn, jenis=Jenis.REALISASI).count() == 2
    realisasi = _grid(alice, node=asn.program_kegiatan, angka="5", jenis=Jenis.REALISASI_ANGGARAN)
    assert realisasi.angka == 5


def test_a_budget_on_a_kegiatan_is_refused_by_the_grid(alice, node):
    with pytest.raises(ValidationError, match="anggaran hanya diisi pada sub kegiatan"):
        _grid(alice, node=node.parent, angka="1")


def test_a_budget_on_a_kegiatan_is_refused_by_the_upload_even_when_forged(alice, bkpsdm, node):
    pratinjau = _pratinjau(bkpsdm, alice, {f"N{node.pk}": (susunan.KOL_RP, 5000)})
    (p,) = pratinjau.perubahan
    p.pemilik_id = node.parent_id  # a key of the kegiatan row, as a tampered session would hold
    with pytest.raises(susunan.UnggahanDitolak) as exc:
        unggah.pratinjau_terapkan(pd=bkpsdm, tahun=2024, pratinjau=pratinjau, oleh=alice)
    assert "anggaran hanya diisi pada sub kegiatan" in str(exc.value.masalah[0])
    assert not Nilai.objects.exists()


def test_a_budget_on_a_kegiatan_is_a_printed_total_in_the_import_never_a_value(
    alice, node, tulis_csv
):
    # contract §1: a parent's budget in a file is its declared total, kept for check_plan only.
    impor_plan([_csv_pagu(tulis_csv, node.parent.kode, "1.000")], oleh=alice)
    assert not Nilai.objects.filter(program_kegiatan=node.parent).exists()
    assert NilaiTercetak.objects.get(program_kegiatan=node.parent).angka == 1000
    # The writer itself refuses such a value whoever calls it.
    with pytest.raises(NilaiDitolak) as exc:
        nilai_tulis(
            perubahan=[
                PerubahanNilai(
                    pemilik=pemilik_dari(node=node.parent, baris=node.parent),
                    jenis=Jenis.PAGU,
                    tahun=2024,
                    angka=Decimal(1),
                )
            ],
            oleh=None,
            jalur="impor:x.csv",
        )
    assert exc.value.penolakan[0].sebab == "level"
    assert node.parent.level == Level.KEGIATAN


def test_a_stale_revisi_is_refused_by_the_grid(alice, node):
    awal = _grid(alice, node=node, angka="1")
    _grid(alice, node=node, angka="2", revisi=awal.revisi)
    with pytest.raises(services.NilaiBerubah) as exc:
        _grid(alice, node=node, angka="3", revisi=awal.revisi)
    assert exc.value.nilai.angka == 2
    # A cell read empty while someone filled it is stale too.
    with pytest.raises(services.NilaiBerubah):
        _grid(alice, node=node, angka="4", revisi=None)


def test_a_stale_revisi_is_refused_by_the_upload(alice, bkpsdm, node):
    _grid(alice, node=node, angka="1")
    pratinjau = _pratinjau(bkpsdm, alice, {f"N{node.pk}": (susunan.KOL_RP, 5000)})
    kini = Nilai.objects.get(program_kegiatan=node)
    _grid(alice, node=node, angka="333", revisi=kini.revisi)
    with pytest.raises(susunan.UnggahanDitolak) as exc:
        unggah.pratinjau_terapkan(pd=bkpsdm, tahun=2024, pratinjau=pratinjau, oleh=alice)
    assert "nilai sudah diubah orang lain sejak pratinjau (kini 333" in str(exc.value.masalah[0])
    assert Nilai.objects.get(program_kegiatan=node).angka == 333


def test_clearing_a_cell_goes_through_the_writer_with_history(alice, node):
    awal = _grid(alice, node=node, angka="1")
    hapus = services_isian.sel_simpan(
        oleh=alice,
        jenis=Jenis.PAGU,
        tahun=2024,
        isian=Isian(),
        node=node,
        revisi_dibaca=awal.revisi,
    )
    assert hapus is None and not Nilai.objects.exists()
    assert Nilai.history.latest("history_date").history_type == "-"


def test_a_batch_is_refused_whole_and_lists_every_refusal(alice, node, murni):
    _kunci(murni)
    pemilik = pemilik_dari(node=node, baris=node)
    with pytest.raises(NilaiDitolak) as exc:
        nilai_tulis(
            perubahan=[
                PerubahanNilai(pemilik=pemilik, jenis=Jenis.PAGU, tahun=2024, angka=Decimal(1)),
                PerubahanNilai(pemilik=pemilik, jenis=Jenis.PAGU, tahun=2025, angka=Decimal(1)),
            ],
            oleh=alice,
            jalur="api",
        )
    assert [t.sebab for t in exc.value.penolakan] == ["terkunci"]
    assert not Nilai.objects.exists()


# --- the callers go through the one function ---------------------------------------------


def _spy(tempat: str):
    return mock.patch(tempat, wraps=nilai_services.nilai_tulis)


def test_every_caller_goes_through_nilai_tulis(alice, bkpsdm, node, asn, tulis_csv):
    # The grid (sel_simpan) and services.nilai_simpan reach it through nilai_tulis_satu.
    with _spy("renja.nilai.services.nilai_tulis") as spy:
        _grid(alice, node=node, angka="1")
        services.nilai_simpan(oleh=alice, jenis=Jenis.PAGU, tahun=2025, angka=Decimal(1), node=node)
    assert [c.kwargs["jalur"] for c in spy.call_args_list] == ["form", "form"]
    with _spy("renja.impor.nilai.nilai_tulis") as spy:
        impor_plan([_csv_pagu(tulis_csv, SUB, "7")], oleh=alice)
    assert spy.call_args.kwargs["jalur"] == "impor:plan.csv"
    assert impor.nilai.nilai_tulis is nilai_services.nilai_tulis
    pratinjau = _pratinjau(bkpsdm, alice, {f"N{node.pk}": (susunan.KOL_RP, 8)})
    with _spy("renja.unggah.services.nilai_tulis") as spy:
        unggah.pratinjau_terapkan(pd=bkpsdm, tahun=2024, pratinjau=pratinjau, oleh=alice)
    assert spy.call_args.kwargs["jalur"] == "excel"
    assert unggah.nilai_tulis is nilai_services.nilai_tulis
    with _spy("kepegawaian.services.nilai_tulis") as spy:
        kepegawaian_services.realisasi_hitung(
            oleh=alice, indikator=asn, tahun=2024, hari_ini=date(2024, 4, 1)
        )
    assert spy.call_args.kwargs["jalur"] == "kepegawaian"
    assert kepegawaian_services.nilai_tulis is nilai_services.nilai_tulis


def test_the_data_version_moves_once_per_write_and_not_for_an_unchanged_import(
    alice, node, tulis_csv
):
    with mock.patch("renja.services.data_berubah") as hook:
        _grid(alice, node=node, angka="1")
        impor_plan([_csv_pagu(tulis_csv, SUB, "5")], oleh=alice)
        impor_plan([_csv_pagu(tulis_csv, SUB, "5", nama="lagi.csv")], oleh=alice)  # unchanged
    pd_id = node.renstra.perangkat_daerah_id
    assert hook.call_args_list == [mock.call(pd_id=pd_id), mock.call(pd_id=pd_id)]
