from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from evaluasi.ekspor import EKSPORTIR, KERTAS
from renja.models import PerangkatDaerah
from renja.selectors import pd_dari_kode

TABEL_KONTRAK = (
    "tc29", "tc30", "tc31", "tc32", "tc33", "t41", "e81",
    "pk", "lkj_capaian", "lkj_anggaran", "lkj_efisiensi", "rekap_pegawai",
    "t52", "t53", "perubahan_pagu",
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
        from dokumen import services as dokumen

        if o["tabel"] == "rekap_pegawai":
            raise CommandError("Tabel rekap_pegawai belum tersedia (menunggu data kepegawaian).")
        try:
            pd = pd_dari_kode(pemda=o["pemda"], opd=o["opd"])
        except PerangkatDaerah.DoesNotExist as exc:
            raise CommandError(
                f"Perangkat daerah {o['opd']!r} di {o['pemda']!r} tidak ditemukan."
            ) from exc
        parameter: dict[str, Any] = {"versi": o["versi"], "kertas": o["kertas"]}
        if o["triwulan"]:
            parameter["triwulan"] = o["triwulan"]
        try:
            # The same path as the web download: a tracked job whose Celery task (eager
            # without REDIS_URL) computes the table through the engine and writes the file
            # with the format's exporter; an unchanged table is answered from the stored file.
            p = dokumen.pekerjaan_minta(
                pd=pd,
                tahun=o["tahun"],
                jenis="tabel",
                tabel=o["tabel"],
                format=o["format"],
                parameter=parameter,
                oleh=None,
                segera=True,
            )
            p = dokumen.pekerjaan_tunggu(p, batas_detik=600)
        except (dokumen.PermintaanTidakSah, TimeoutError) as exc:
            raise CommandError(str(exc)) from exc
        if p.status != "selesai":
            raise CommandError(p.galat)
        path = Path(o["output"])
        path.parent.mkdir(parents=True, exist_ok=True)
        with p.berkas.open("rb") as src:
            path.write_bytes(src.read())  # written only once the job succeeded
        self.stdout.write(f"{o['tabel']} {pd.kode} {o['tahun']}: {p.ukuran} byte → {path}")
