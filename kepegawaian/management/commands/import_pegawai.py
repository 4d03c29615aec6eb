from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from kepegawaian.impor import ImporGagal, impor_pegawai


class Command(BaseCommand):
    help = "Impor daftar pegawai (CSV/XLSX), atomik, upsert menurut NIP (contract.md §5)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("paths", nargs="+", metavar="PATH")
        parser.add_argument(
            "--pemda",
            metavar="NAMA",
            help="pemda untuk baris tanpa kolom pemda (wajib bila basis data berisi >1 pemda)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            hasil = impor_pegawai(options["paths"], pemda_default=options["pemda"])
        except ImporGagal as exc:
            for masalah in exc.masalah:
                self.stderr.write(str(masalah))
            raise CommandError(f"{len(exc.masalah)} masalah; tidak ada yang diimpor.") from exc
        self.stdout.write(hasil.ringkasan())
