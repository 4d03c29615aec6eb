from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from dokumen import services as dokumen
from inti import katalog
from inti.ekspor import EKSPORTIR, KonteksCetak
from inti.konstanta import KERTAS, TRIWULAN, VERSI_RENJA
from renja.models import Pemda, PerangkatDaerah
from renja.selectors import pd_dari_kode


class Command(BaseCommand):
    help = "Tulis satu tabel laporan satu perangkat daerah (contract.md §2)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("tabel", choices=katalog.kode_semua())
        parser.add_argument("--pemda", required=True)
        parser.add_argument(
            "--opd", help="Kode perangkat daerah (semua tabel kecuali rekap_pegawai)"
        )
        parser.add_argument("--tahun", type=int, help="Tahun (semua tabel kecuali rekap_pegawai)")
        parser.add_argument(
            "--tanggal",
            type=date.fromisoformat,
            help="rekap_pegawai: tanggal rekap YYYY-MM-DD (bawaan: hari ini).",
        )
        parser.add_argument("--triwulan", type=int, choices=TRIWULAN)
        parser.add_argument("--versi", choices=VERSI_RENJA, default="murni")
        parser.add_argument("--format", choices=sorted(EKSPORTIR), default="csv")
        parser.add_argument(
            "--kertas",
            choices=KERTAS,
            default="A4",
            help="Ukuran kertas PDF, mendatar: A4 (bawaan) atau F4 (215 × 330 mm).",
        )
        parser.add_argument("--output", required=True)

    def handle(self, *args: Any, **o: Any) -> None:
        if katalog.jenis_tabel(o["tabel"]).lingkup == "pemda":
            self._tabel_pemda(o)
            return
        for wajib in ("opd", "tahun"):
            if o[wajib] is None:
                raise CommandError(f"Tabel {o['tabel']} memerlukan --{wajib}.")
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

    def _tabel_pemda(self, o: dict[str, Any]) -> None:
        """A whole-pemda table: the staff rekap (optionally one unit) on a date, contract.md §5.

        A count of the roster, computed in one pass of grouped queries; written directly by
        the format's exporter (no plan, so no document job).
        """
        rekap_pegawai = katalog.jenis_tabel(o["tabel"]).pembangun

        try:
            pemda = Pemda.objects.get(nama=o["pemda"])
        except Pemda.DoesNotExist as exc:
            raise CommandError(f"Pemda {o['pemda']!r} tidak ditemukan.") from exc
        unit = None
        if o["opd"]:
            unit = PerangkatDaerah.objects.filter(pemda=pemda, kode=o["opd"]).first()
            if unit is None:
                raise CommandError(
                    f"Perangkat daerah {o['opd']!r} di {pemda.nama} tidak ditemukan."
                )
        tanggal = o["tanggal"] or timezone.localdate()
        tabel = rekap_pegawai(pemda=pemda, tanggal=tanggal, unit_kerja=unit)
        path = Path(o["output"])
        path.parent.mkdir(parents=True, exist_ok=True)
        konteks: KonteksCetak = {"pemda": pemda.nama, "tahun": tanggal.year, "kertas": o["kertas"]}
        if unit is not None:
            konteks["pd_nama"], konteks["pd_kode"] = unit.nama, unit.kode
            konteks["perangkat_daerah"] = f"{unit.nama} ({unit.kode})"
        sementara = path.with_name(path.name + ".sebagian")
        with sementara.open("wb") as keluaran:
            EKSPORTIR[o["format"]].tulis(tabel, keluaran, konteks=konteks)
        sementara.replace(path)  # the file appears only once complete
        total = tabel.kaki[0].nilai["jumlah"]
        self.stdout.write(f"rekap_pegawai {pemda.nama} {tanggal}: {total} pegawai → {path}")
