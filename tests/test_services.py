"""Services: adding nodes, saving values, and the workflow state machine (domain.md §6)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from renja import services
from renja.akses import AksesDitolak
from renja.models import Indikator, Jenis, Nomenklatur, RiwayatStatus, StatusRenja
from tests.factories import sub_kegiatan


def test_a_sub_kegiatan_added_to_a_plan_gets_the_master_indicator(renstra, alice):
    node = services.node_tambah(renstra=renstra, kode="5 03 02 2.04 3", oleh=alice)
    master = Nomenklatur.objects.get(kode="5.03.02.2.04.0003")
    ind = Indikator.objects.get(program_kegiatan=node)
    assert (ind.nama, ind.satuan) == (master.indikator, master.satuan)
    assert [n.kode for n in [node.parent, node.parent.parent]] == ["5.03.02.2.04", "5.03.02"]


def test_a_planner_of_another_agency_cannot_add_to_this_plan(renstra, bob):
    with pytest.raises(AksesDitolak):
        services.node_tambah(renstra=renstra, kode="5.03.02.2.04.0003", oleh=bob)


def test_alice_saves_a_budget_and_the_history_says_who_and_how(renstra, alice):
    node = sub_kegiatan(renstra)
    nilai = services.nilai_simpan(
        oleh=alice, node=node, jenis=Jenis.PAGU, tahun=2024, angka=Decimal("51898000")
    )
    services.nilai_simpan(
        oleh=alice,
        node=node,
        jenis=Jenis.PAGU,
        tahun=2024,
        angka=Decimal("60000000"),
        revisi_dibaca=nilai.revisi,
    )
    latest = nilai.history.latest()
    assert (latest.angka, latest.history_user, latest.history_change_reason) == (
        Decimal("60000000"),
        alice,
        "form",
    )
    assert latest.prev_record.angka == Decimal("51898000")


def test_a_stale_save_is_refused_not_silently_overwritten(renstra, alice):
    node = sub_kegiatan(renstra)
    first = services.nilai_simpan(
        oleh=alice, node=node, jenis=Jenis.PAGU, tahun=2024, angka=Decimal(1)
    )
    services.nilai_simpan(
        oleh=alice, node=node, jenis=Jenis.PAGU, tahun=2024, angka=Decimal(2), revisi_dibaca=0
    )
    with pytest.raises(services.NilaiBerubah) as exc:
        services.nilai_simpan(
            oleh=alice,
            node=node,
            jenis=Jenis.PAGU,
            tahun=2024,
            angka=Decimal(3),
            revisi_dibaca=first.revisi,
        )
    assert exc.value.nilai.angka == 2


def test_a_budget_is_entered_on_sub_kegiatan_only(renstra, alice):
    node = sub_kegiatan(renstra)
    with pytest.raises(ValidationError, match="hanya diisi pada sub kegiatan"):
        services.nilai_simpan(
            oleh=alice, node=node.parent, jenis=Jenis.PAGU, tahun=2024, angka=Decimal(1)
        )


def test_the_full_workflow_with_a_return_and_its_history(renja, alice, charlie, dina):
    services.renja_ajukan(renja=renja, oleh=charlie)
    services.renja_kembalikan(
        renja=renja, oleh=dina, catatan="Target sub kegiatan 2.04.0003 belum diisi"
    )
    services.renja_ajukan(renja=renja, oleh=charlie, catatan="Sudah diperbaiki")
    services.renja_verifikasi(renja=renja, oleh=dina)
    renja = services.renja_tetapkan(renja=renja, oleh=charlie)
    assert renja.status == StatusRenja.DITETAPKAN and renja.ditetapkan_pada
    assert list(
        RiwayatStatus.objects.filter(renja=renja).values_list("dari", "ke", "oleh__username")
    ) == [
        ("draft", "diajukan", "charlie"),
        ("diajukan", "dikembalikan", "dina"),
        ("dikembalikan", "diajukan", "charlie"),
        ("diajukan", "diverifikasi", "dina"),
        ("diverifikasi", "ditetapkan", "charlie"),
    ]


def test_a_planner_cannot_submit_and_a_head_cannot_verify(renja, alice, charlie):
    with pytest.raises(AksesDitolak):
        services.renja_ajukan(renja=renja, oleh=alice)
    services.renja_ajukan(renja=renja, oleh=charlie)
    with pytest.raises(AksesDitolak):
        services.renja_verifikasi(renja=renja, oleh=charlie)


def test_returning_a_renja_needs_a_note(renja, charlie, dina):
    services.renja_ajukan(renja=renja, oleh=charlie)
    with pytest.raises(ValidationError, match="Catatan wajib"):
        services.renja_kembalikan(renja=renja, oleh=dina, catatan="  ")


def test_a_draft_cannot_jump_to_ditetapkan(renja, charlie):
    with pytest.raises(ValidationError, match="tidak dapat diubah menjadi Ditetapkan"):
        services.renja_tetapkan(renja=renja, oleh=charlie)


def test_nothing_changes_a_ditetapkan_version(renja, alice, charlie, dina):
    node = sub_kegiatan(renja.renstra)
    services.nilai_simpan(oleh=alice, node=node, jenis=Jenis.PAGU, tahun=2024, angka=Decimal(1))
    for step in (services.renja_ajukan, services.renja_verifikasi):
        step(renja=renja, oleh=charlie if step is services.renja_ajukan else dina)
    services.renja_tetapkan(renja=renja, oleh=charlie)
    with pytest.raises(ValidationError, match="sudah ditetapkan"):
        services.nilai_simpan(oleh=alice, node=node, jenis=Jenis.PAGU, tahun=2024, angka=Decimal(2))
    with pytest.raises(ValidationError):
        services.renja_kembalikan(renja=renja, oleh=dina, catatan="terlambat")
    # Realisations are monitoring data of the year and stay open.
    ind = node.indikator.get()
    services.nilai_simpan(
        oleh=alice, indikator=ind, jenis=Jenis.REALISASI, tahun=2024, triwulan=1, angka=Decimal(1)
    )


def test_available_transitions_follow_the_role(renja, alice, charlie, dina):
    assert services.transisi_tersedia(renja=renja, user=alice) == []
    assert services.transisi_tersedia(renja=renja, user=charlie) == ["diajukan"]
    renja = services.renja_ajukan(renja=renja, oleh=charlie)
    assert sorted(services.transisi_tersedia(renja=renja, user=dina)) == [
        "dikembalikan",
        "diverifikasi",
    ]
