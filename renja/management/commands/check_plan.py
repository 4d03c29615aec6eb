from __future__ import annotations

import csv
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from renja.models import PerangkatDaerah
from renja.pemeriksaan import KOLOM_CSV, TidakDapatMemeriksa, periksa_plan
from renja.selectors import pd_dari_kode


class Command(BaseCommand):
    help = "Temuan konsistensi satu rencana, sebagai CSV (contract.md §4)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--pemda", required=True)
        parser.add_argument("--opd", required=True)
        parser.add_argument("--tahun", required=True, type=int)

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            pd = pd_dari_kode(pemda=options["pemda"], opd=options["opd"])
            temuan = periksa_plan(pd=pd, tahun=options["tahun"])
        except PerangkatDaerah.DoesNotExist as exc:
            raise CommandError(
                f"Perangkat daerah {options['opd']!r} di {options['pemda']!r} tidak ditemukan."
            ) from exc
        except TidakDapatMemeriksa as exc:
            raise CommandError(str(exc)) from exc
        writer = csv.writer(self.stdout, lineterminator="\n")
        writer.writerow(KOLOM_CSV)
        for t in temuan:
            writer.writerow(t.sebagai_baris())
