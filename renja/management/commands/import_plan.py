from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from inti.berkas import ImporGagal
from renja.impor import impor_plan


class Command(BaseCommand):
    help = (
        "Impor data perencanaan format panjang (CSV/XLSX), atomik dan idempoten (contract.md §1)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("paths", nargs="+", metavar="PATH")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            hasil = impor_plan(options["paths"])
        except ImporGagal as exc:
            for masalah in exc.masalah:
                self.stderr.write(str(masalah))
            raise CommandError(f"{len(exc.masalah)} masalah; tidak ada yang diimpor.") from exc
        self.stdout.write(hasil.ringkasan())
