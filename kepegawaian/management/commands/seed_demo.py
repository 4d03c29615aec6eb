"""``seed_demo``: the demonstration data (contract §6): plan, staff roster and demo users.

It lives in kepegawaian because that is the lowest app that sees both the plan data (renja)
and the roster; renja itself imports no app above it.
"""

from __future__ import annotations

import csv
import tempfile
from pathlib import Path
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.sessions.models import Session
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction

from inti.berkas import ImporGagal
from kepegawaian.demo import KOLOM as KOLOM_PEGAWAI
from kepegawaian.demo import roster_demo
from kepegawaian.impor import impor_pegawai
from kepegawaian.models import Pegawai
from renja.impor import impor_plan
from renja.models import (
    Indikator,
    Keanggotaan,
    Nilai,
    Nomenklatur,
    Pemda,
    Peran,
    PerangkatDaerah,
    PerjanjianKinerja,
    ProgramKegiatan,
    Renja,
    Renstra,
    RiwayatStatus,
)

FIXTURES = Path(settings.BASE_DIR) / "fixtures"
RENJA_BATAM = FIXTURES / "batam_renja_2024.csv"
# The document's printed totals, one file per table, imported for check_plan.
TERCETAK_BATAM = sorted(FIXTURES.glob("batam_renja_2024_tercetak_*.csv"))

DEMO_PASSWORD = "demo"
DEMO_USERS = (
    ("admin", "Administrator", None),
    ("perencana", "Perencana BKPSDM", Peran.PERENCANA),
    ("kepala", "Kepala BKPSDM", Peran.KEPALA),
    ("bappeda", "Verifikator Bappeda", Peran.BAPPEDA),
)


class Command(BaseCommand):
    help = "Muat data demo: Renja 2024 BKPSDM Kota Batam dan pengguna demo (contract.md §6)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--reset", action="store_true", help="hapus semua data lebih dulu")
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="tidak melakukan apa-apa (tanpa galat) bila basis data sudah berisi",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        User = get_user_model()
        berisi = PerangkatDaerah.objects.exists() or User.objects.exists()
        if berisi and not options["reset"]:
            if options["if_empty"]:
                self.stdout.write("Basis data sudah berisi; data demo tidak dimuat ulang.")
                self._cetak_login()
                return
            raise CommandError(
                "Basis data tidak kosong. Jalankan dengan --reset untuk menghapus semua data "
                "dan memuat ulang demo."
            )
        with transaction.atomic():
            if options["reset"]:
                self._kosongkan()
            try:
                for path in [RENJA_BATAM, *TERCETAK_BATAM]:
                    hasil = impor_plan([path])
                    self.stdout.write(f"{path.name}: {hasil.ringkasan()}")
            except ImporGagal as exc:
                for masalah in exc.masalah:
                    self.stderr.write(str(masalah))
                raise CommandError("Data demo tidak valid; tidak ada yang dimuat.") from exc
            self._lengkapi_batam()
            self._pegawai()
            self._pengguna()
        self._cetak_login()

    def _kosongkan(self) -> None:
        """Delete every plan, agency and user; the national nomenclature stays.

        Deleting in dependency order (rather than ``flush``) keeps this inside one
        transaction on PostgreSQL, so a failed reset loses nothing.
        """
        Pegawai.objects.all().delete()
        Pegawai.history.all().delete()
        RiwayatStatus.objects.all().delete()
        Renja.objects.filter(versi=Renja.Versi.PERUBAHAN).delete()
        for plain in (Renja, PerjanjianKinerja, Renstra, Keanggotaan):
            plain.objects.all().delete()
        Nomenklatur.objects.filter(pemda__isnull=False).delete()
        PerangkatDaerah.objects.all().delete()
        Pemda.objects.all().delete()
        for audited in (Nilai, Indikator, ProgramKegiatan, Renja):
            audited.history.all().delete()
        Session.objects.all().delete()
        get_user_model().objects.all().delete()

    def _lengkapi_batam(self) -> None:
        pemda = Pemda.objects.get(nama="Kota Batam")
        pemda.jenis = Pemda.JenisPemda.KOTA
        pemda.provinsi = "Kepulauan Riau"
        pemda.ibukota = "Batam"
        pemda.save()
        pd = PerangkatDaerah.objects.get(pemda=pemda, kode="BKPSDM")
        pd.nama = "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia"
        pd.kepala_nama = "Dra. H A S N A H"
        pd.kepala_pangkat = "Pembina Utama Muda/IVc"
        pd.kepala_nip = "196807141989092001"
        pd.save()
        # Another agency of the pemda, so that roles can be seen to separate agencies.
        PerangkatDaerah.objects.get_or_create(
            pemda=pemda,
            kode="BAPPEDA",
            defaults={"nama": "Badan Perencanaan Pembangunan, Riset dan Inovasi Daerah"},
        )

    def _pegawai(self) -> None:
        """A generated roster of the two demo agencies, loaded through the roster importer
        (contract.md §5), and BKPSDM's D-IV/S1 indicator computed from it."""
        pemda = Pemda.objects.get(nama="Kota Batam")
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "pegawai_demo.csv"
            with path.open("w", newline="", encoding="utf-8") as f:
                tulis = csv.DictWriter(f, fieldnames=KOLOM_PEGAWAI)
                tulis.writeheader()
                tulis.writerows(roster_demo(unit_kerja=("BKPSDM", "BAPPEDA"), jumlah=240))
            try:
                hasil = impor_pegawai([path], pemda_default=pemda)
            except ImporGagal as exc:
                for masalah in exc.masalah:
                    self.stderr.write(str(masalah))
                raise CommandError("Data pegawai demo tidak valid; tidak ada yang dimuat.") from exc
        self.stdout.write(f"pegawai demo: {hasil.dibuat} pegawai")
        Indikator.objects.filter(
            program_kegiatan__renstra__perangkat_daerah__pemda=pemda,
            nama__icontains="Kualifikasi Pendidikan DIV/S1",
        ).update(
            sumber_data=Indikator.SumberData.KEPEGAWAIAN,
            ukuran_kepegawaian=Indikator.UkuranKepegawaian.PERSEN_D4_KEATAS,
        )

    def _pengguna(self) -> None:
        User = get_user_model()
        pemda = Pemda.objects.get(nama="Kota Batam")
        bkpsdm = PerangkatDaerah.objects.get(pemda=pemda, kode="BKPSDM")
        for username, nama, peran in DEMO_USERS:
            user = User.objects.create_user(
                username=username,
                password=DEMO_PASSWORD,
                first_name=nama,
                is_staff=username == "admin",
                is_superuser=username == "admin",
            )
            if peran is None:
                Keanggotaan.objects.create(user=user, pemda=pemda, peran=Peran.ADMIN)
            elif peran == Peran.BAPPEDA:
                Keanggotaan.objects.create(user=user, pemda=pemda, peran=peran)
            else:
                Keanggotaan.objects.create(
                    user=user, pemda=pemda, perangkat_daerah=bkpsdm, peran=peran
                )

    def _cetak_login(self) -> None:
        self.stdout.write("")
        self.stdout.write(f"Pengguna demo (kata sandi: {DEMO_PASSWORD}):")
        for username, nama, _ in DEMO_USERS:
            self.stdout.write(f"  {username:<10} {nama}")
        jumlah = Renja.objects.count()
        self.stdout.write(
            f"{jumlah} Renja tersimpan. Masuk di http://127.0.0.1:8000/accounts/login/"
        )
