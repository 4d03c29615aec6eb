"""Database constraints: what must never be stored, whichever path writes it."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.db import IntegrityError, transaction

from renja.models import (
    Indikator,
    Jenis,
    Keanggotaan,
    Nilai,
    Nomenklatur,
    Peran,
    ProgramKegiatan,
    Renja,
    Renstra,
)
from tests.factories import RenjaFactory, UserFactory, sub_kegiatan


def gagal_disimpan(fn) -> None:
    with pytest.raises(IntegrityError), transaction.atomic():
        fn()


def test_the_national_nomenclature_is_loaded_by_the_migrations(db):
    assert Nomenklatur.objects.filter(pemda__isnull=True).count() == 9439
    sub = Nomenklatur.objects.get(kode="5.03.02.2.04.0003")
    assert sub.level == "sub_kegiatan"
    assert sub.indikator and sub.satuan


def test_a_plan_cannot_hold_the_same_node_twice(renstra):
    node = sub_kegiatan(renstra)
    gagal_disimpan(
        lambda: ProgramKegiatan.objects.create(
            renstra=renstra,
            nomenklatur=node.nomenklatur,
            kode=node.kode,
            level=node.level,
            parent=node.parent,
        )
    )


def test_a_budget_cannot_be_negative(renstra):
    node = sub_kegiatan(renstra)
    gagal_disimpan(
        lambda: Nilai.objects.create(
            program_kegiatan=node, tahun=2024, jenis=Jenis.PAGU, angka=Decimal("-1")
        )
    )


@pytest.mark.parametrize("triwulan", [5, 9])
def test_a_quarter_outside_one_to_four_is_refused(renstra, triwulan):
    node = sub_kegiatan(renstra)
    ind = node.indikator.get()
    gagal_disimpan(
        lambda: Nilai.objects.create(
            indikator=ind, tahun=2024, jenis=Jenis.REALISASI, triwulan=triwulan, angka=1
        )
    )


def test_only_realisations_have_quarters(renstra):
    node = sub_kegiatan(renstra)
    gagal_disimpan(
        lambda: Nilai.objects.create(
            program_kegiatan=node, tahun=2024, jenis=Jenis.PAGU, triwulan=2, angka=1
        )
    )


def test_a_budget_cannot_belong_to_an_indicator(renstra):
    ind = sub_kegiatan(renstra).indikator.get()
    gagal_disimpan(
        lambda: Nilai.objects.create(indikator=ind, tahun=2024, jenis=Jenis.PAGU, angka=1)
    )


def test_a_target_cannot_belong_to_a_node(renstra):
    node = sub_kegiatan(renstra)
    gagal_disimpan(
        lambda: Nilai.objects.create(program_kegiatan=node, tahun=2024, jenis=Jenis.TARGET, angka=1)
    )


def test_a_printed_capaian_is_never_a_stored_value(renstra):
    ind = sub_kegiatan(renstra).indikator.get()
    gagal_disimpan(
        lambda: Nilai.objects.create(
            indikator=ind, tahun=2022, jenis=Jenis.CAPAIAN_TERCETAK, angka=100
        )
    )


def test_a_value_has_exactly_one_owner(renstra):
    node = sub_kegiatan(renstra)
    ind = node.indikator.get()
    gagal_disimpan(
        lambda: Nilai.objects.create(
            indikator=ind, program_kegiatan=node, tahun=2024, jenis=Jenis.TARGET, angka=1
        )
    )


def test_a_value_is_stored_once_per_year_kind_and_quarter(renstra):
    ind = sub_kegiatan(renstra).indikator.get()
    Nilai.objects.create(indikator=ind, tahun=2024, jenis=Jenis.TARGET, angka=1)
    gagal_disimpan(
        lambda: Nilai.objects.create(indikator=ind, tahun=2024, jenis=Jenis.TARGET, angka=2)
    )


def test_numbers_are_decimals_not_floats(renstra):
    node = sub_kegiatan(renstra)
    Nilai.objects.create(
        program_kegiatan=node, tahun=2024, jenis=Jenis.PAGU, angka=Decimal("12410531770.10")
    )
    stored = Nilai.objects.get(program_kegiatan=node).angka
    assert isinstance(stored, Decimal)
    assert stored == Decimal("12410531770.10")


def test_a_text_value_needs_text_and_no_number(renstra):
    node = sub_kegiatan(renstra)
    gagal_disimpan(
        lambda: Nilai.objects.create(program_kegiatan=node, tahun=2024, jenis=Jenis.LOKASI, angka=1)
    )


def test_an_indicator_needs_a_unit_and_one_owner(renstra):
    node = sub_kegiatan(renstra)
    gagal_disimpan(lambda: Indikator.objects.create(program_kegiatan=node, nama="x", satuan=""))
    gagal_disimpan(lambda: Indikator.objects.create(nama="tanpa pemilik", satuan="%"))


def test_a_planner_belongs_to_an_agency_and_bappeda_to_the_whole_pemda(bkpsdm):
    user = UserFactory(username="zed")
    gagal_disimpan(
        lambda: Keanggotaan.objects.create(user=user, pemda=bkpsdm.pemda, peran=Peran.PERENCANA)
    )
    gagal_disimpan(
        lambda: Keanggotaan.objects.create(
            user=user, pemda=bkpsdm.pemda, perangkat_daerah=bkpsdm, peran=Peran.BAPPEDA
        )
    )


def test_a_renstra_period_runs_forward_and_at_most_six_years(bkpsdm):
    gagal_disimpan(
        lambda: Renstra.objects.create(
            perangkat_daerah=bkpsdm, tahun_mulai=2026, tahun_selesai=2021
        )
    )
    gagal_disimpan(
        lambda: Renstra.objects.create(
            perangkat_daerah=bkpsdm, tahun_mulai=2021, tahun_selesai=2035
        )
    )


def test_one_renja_per_agency_year_and_version(renja):
    gagal_disimpan(lambda: RenjaFactory(renstra=renja.renstra, tahun=2024, versi="murni"))


def test_a_ditetapkan_renja_carries_its_date(renja):
    renja.status = "ditetapkan"
    gagal_disimpan(lambda: renja.save())
    assert Renja.objects.get(pk=renja.pk).status == "draft"


def test_the_nomenclature_survives_transactional_tests_that_ran_before(db):
    """Browser and worker tests flush the database; serialized_rollback restores the master."""
    assert Nomenklatur.objects.filter(pemda__isnull=True).count() == 9439
