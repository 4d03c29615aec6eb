from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from evaluasi.ekspor import EKSPORTIR
from evaluasi.models import HasilTabel
from evaluasi.muat import RencanaTidakAda
from evaluasi.serial import tabel_dari_json
from evaluasi.tabel import TabelTidakDapatDibuat
from evaluasi.tasks import hitung_tabel_tugas
from renja.models import PerangkatDaerah
from renja.selectors import pd_dari_kode

TABEL_KONTRAK = (
    "tc29", "tc30", "tc31", "tc32", "tc33", "t41", "e81",
    "pk", "lkj_capaian", "lkj_anggaran", "lkj_efisiensi", "rekap_pegawai",
)  # fmt: skip


class Command(BaseCommand):
    help = "Tulis satu tabel laporan satu perangkat daerah (contract.md §2)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("tabel", choices=TABEL_KONTRAK)
        parser.add_argument("--pemda", required=True)
        parser.add_argument("--opd", required=True)
        parser.add_argument("--tahun", required=True, type=int)
        parser.add_argument("--triwulan", type=int, choices=[1, 2, 3, 4])
        parser.add_argument("--versi", choices=["murni", "perubahan"], default="murni")
        parser.add_argument("--format", choices=["csv", "xlsx", "pdf"], default="csv")
        parser.add_argument("--output", required=True)

    def handle(self, *args: Any, **o: Any) -> None:
        eksportir = EKSPORTIR.get(o["format"])
        if eksportir is None:
            raise CommandError(f"Format {o['format']} belum tersedia; gunakan csv.")
        try:
            pd = pd_dari_kode(pemda=o["pemda"], opd=o["opd"])
        except PerangkatDaerah.DoesNotExist as exc:
            raise CommandError(
                f"Perangkat daerah {o['opd']!r} di {o['pemda']!r} tidak ditemukan."
            ) from exc
        try:
            # The same path as the web application: the Celery task (eager without REDIS_URL).
            hasil_id = hitung_tabel_tugas.delay(
                pd.pk, o["tahun"], o["tabel"], o["triwulan"], o["versi"]
            ).get(timeout=600)
        except (RencanaTidakAda, TabelTidakDapatDibuat) as exc:
            raise CommandError(str(exc)) from exc
        tabel = tabel_dari_json(HasilTabel.objects.get(pk=hasil_id).isi)
        path = Path(o["output"])
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("wb") as fh:
            eksportir.tulis(tabel, fh)
        self.stdout.write(f"{tabel.judul}: {len(tabel.baris)} baris → {path}")
