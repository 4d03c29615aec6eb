from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from evaluasi.ekspor import EKSPORTIR, KERTAS, FormatTidakTersedia, eksportir_untuk, konteks_dari_pd
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
        parser.add_argument("--format", choices=sorted(EKSPORTIR), default="csv")
        parser.add_argument(
            "--kertas",
            choices=KERTAS,
            default="A4",
            help="Ukuran kertas PDF, mendatar: A4 (bawaan) atau F4 (215 × 330 mm).",
        )
        parser.add_argument("--output", required=True)

    def handle(self, *args: Any, **o: Any) -> None:
        try:
            eksportir = eksportir_untuk(o["format"])
        except FormatTidakTersedia as exc:
            raise CommandError(f"{exc} Gunakan csv.") from exc
        try:
            pd = pd_dari_kode(pemda=o["pemda"], opd=o["opd"])
        except PerangkatDaerah.DoesNotExist as exc:
            raise CommandError(
                f"Perangkat daerah {o['opd']!r} di {o['pemda']!r} tidak ditemukan."
            ) from exc
        try:
            # The same path as the web application: the Celery task (eager without REDIS_URL)
            # computes and stores the table; the exporter only writes it.
            hasil_id = hitung_tabel_tugas.delay(
                pd.pk, o["tahun"], o["tabel"], o["triwulan"], o["versi"]
            ).get(timeout=600)
        except (RencanaTidakAda, TabelTidakDapatDibuat) as exc:
            raise CommandError(str(exc)) from exc
        tabel = tabel_dari_json(HasilTabel.objects.get(pk=hasil_id).isi)
        konteks = konteks_dari_pd(pd, tahun=o["tahun"], versi=o["versi"], kertas=o["kertas"])
        isi = io.BytesIO()  # no half-written file when the exporter fails
        eksportir.tulis(tabel, isi, konteks=konteks)
        path = Path(o["output"])
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(isi.getvalue())
        self.stdout.write(f"{tabel.judul}: {len(tabel.baris)} baris → {path}")
