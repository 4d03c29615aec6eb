"""Personas used across the suite.

* alice   – perencana (planner) of BKPSDM Kota Batam
* bob     – perencana of another agency (DISDIK) of the same pemda
* charlie – kepala (head) of BKPSDM
* dina    – Bappeda verifier, sees every agency of Kota Batam
* erik    – perencana of BKPSDM in another pemda (Kota Dumai)
"""

from __future__ import annotations

from pathlib import Path

import pytest

from renja.models import Peran
from tests.factories import (
    PemdaFactory,
    PerangkatDaerahFactory,
    RenjaFactory,
    RenstraFactory,
    UserFactory,
    anggota,
)

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def batam(db):
    return PemdaFactory(nama="Kota Batam")


@pytest.fixture
def bkpsdm(batam):
    return PerangkatDaerahFactory(pemda=batam, kode="BKPSDM")


@pytest.fixture
def disdik(batam):
    return PerangkatDaerahFactory(pemda=batam, kode="DISDIK", nama="Dinas Pendidikan")


@pytest.fixture
def renstra(bkpsdm):
    return RenstraFactory(perangkat_daerah=bkpsdm)


@pytest.fixture
def renja(renstra):
    return RenjaFactory(renstra=renstra, tahun=2024)


@pytest.fixture
def alice(bkpsdm):
    user = UserFactory(username="alice")
    anggota(user, peran=Peran.PERENCANA, pd=bkpsdm)
    return user


@pytest.fixture
def bob(disdik):
    user = UserFactory(username="bob")
    anggota(user, peran=Peran.PERENCANA, pd=disdik)
    return user


@pytest.fixture
def charlie(bkpsdm):
    user = UserFactory(username="charlie")
    anggota(user, peran=Peran.KEPALA, pd=bkpsdm)
    return user


@pytest.fixture
def dina(batam):
    user = UserFactory(username="dina")
    anggota(user, peran=Peran.BAPPEDA, pemda=batam)
    return user


@pytest.fixture
def erik(db):
    dumai = PemdaFactory(nama="Kota Dumai")
    pd = PerangkatDaerahFactory(pemda=dumai, kode="BKPSDM")
    user = UserFactory(username="erik")
    anggota(user, peran=Peran.PERENCANA, pd=pd)
    return user


@pytest.fixture
def tulis_csv(tmp_path):
    """Write a long-format CSV (header + rows) and return its path."""

    def tulis(rows: list[str], nama: str = "plan.csv", header: str | None = None) -> Path:
        path = tmp_path / nama
        head = (
            header
            or "pemda,opd,kode,uraian,indikator,satuan,polaritas,akumulasi,periode,tahun,jenis,nilai"
        )
        path.write_text("\n".join([head, *rows]) + "\n", encoding="utf-8")
        return path

    return tulis


@pytest.fixture
def alice_bkpsdm_batam(db):
    """alice as planner of the seeded demo's BKPSDM (use after seed_demo)."""
    from renja.models import PerangkatDaerah

    pd = PerangkatDaerah.objects.get(pemda__nama="Kota Batam", kode="BKPSDM")
    user = UserFactory(username="alice")
    anggota(user, peran=Peran.PERENCANA, pd=pd)
    return user


@pytest.fixture
def celery_eager(monkeypatch):
    """Run tasks in-process even when REDIS_URL points at a real broker.

    A real worker cannot see the data of a test's uncommitted transaction; the
    broker path is covered by the celery_worker tests in tests/test_tasks.py.
    """
    from config.celery import app

    monkeypatch.setitem(app.conf, "task_always_eager", True)
    monkeypatch.setitem(app.conf, "task_eager_propagates", True)
