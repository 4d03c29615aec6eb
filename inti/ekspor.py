"""One exporter interface per format; every exporter writes a computed ``Tabel`` as it is.

CSV (contract §2): header ``kode,uraian,indikator,satuan`` then one column per
official column (``k<number>``, E.81 ``k<number>_k``/``_rp``); numbers plain with a
dot decimal, rounded half-up to 2 decimals; empty where there is no value.
PDF (``inti.ekspor_pdf``) and XLSX (``inti.ekspor_xlsx``) are registered lazily:
their modules (WeasyPrint, openpyxl) load on first use, and a format whose module is not
there yet is reported as unavailable instead of breaking the import of this module.

Every exporter takes ``tulis(tabel, keluaran, *, konteks=None)``; ``konteks`` (a
``KonteksCetak``, every key optional) names the pemda, the perangkat daerah, the year,
the versi and the paper for the human formats; CSV ignores it.
"""

from __future__ import annotations

import csv
import importlib
import io
from decimal import Decimal
from typing import IO, Any, Protocol, TypedDict

from inti import rumus
from inti.tabel import Nilai, Tabel


class KonteksCetak(TypedDict, total=False):
    """What a printed table says about itself beside the table (all keys optional)."""

    pemda: str  # "Kota Batam"
    pd_nama: str  # "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia"
    pd_kode: str  # "BKPSDM"
    perangkat_daerah: str  # both as one line, "Badan … Manusia (BKPSDM)" (the XLSX title block)
    tahun: int
    versi: str  # "murni" or "perubahan"
    kertas: str  # "A4" (default) or "F4"


class Eksportir(Protocol):
    format: str

    def tulis(
        self, tabel: Tabel, keluaran: IO[bytes], *, konteks: KonteksCetak | None = None
    ) -> None: ...


class FormatTidakTersedia(LookupError):
    """The format is unknown or its exporter module is not installed (yet)."""


def angka_csv(value: Nilai) -> str:
    if value is None:
        return ""
    if isinstance(value, Decimal):
        rounded = rumus.bulat(value, 2)
        assert rounded is not None
        text = format(rounded, "f")
        if "." in text:
            text = text.rstrip("0").rstrip(".")
        return "0" if text in ("-0", "") else text
    return value


# A cell starting with one of these is a formula to Excel and LibreOffice when a CSV is opened
# (CSV/formula injection): "=HYPERLINK(...)" typed as an indicator name must stay text.
AWALAN_RUMUS = ("=", "+", "-", "@", "\t", "\r")


def teks_aman(teks: str) -> str:
    """Text for a CSV cell that a spreadsheet shows as typed: an apostrophe before a leading
    ``= + - @``, tab or carriage return (OWASP's advice), everything else unchanged."""
    # A lone "-" (no value, as the documents print it) is not a formula.
    return "'" + teks if teks.startswith(AWALAN_RUMUS) and teks != "-" else teks


def sel_csv(value: Nilai) -> str:
    """A cell of the CSV: numbers plain (``angka_csv``), text neutralised (``teks_aman``)."""
    teks = angka_csv(value)
    return teks if isinstance(value, Decimal) else teks_aman(teks)


class EksportirCsv:
    format = "csv"

    def tulis(
        self, tabel: Tabel, keluaran: IO[bytes], *, konteks: KonteksCetak | None = None
    ) -> None:
        text = io.TextIOWrapper(keluaran, encoding="utf-8", newline="")
        writer = csv.writer(text, lineterminator="\n")
        kunci = [k.kunci for k in tabel.kolom]
        writer.writerow([judul for judul, _ in tabel.awal_csv] + kunci)
        for baris in [*tabel.baris, *tabel.kaki]:
            writer.writerow(
                [teks_aman(str(getattr(baris, atribut))) for _, atribut in tabel.awal_csv]
                + [sel_csv(baris.nilai.get(k)) for k in kunci]
            )
        text.flush()
        text.detach()


class EksportirTunda:
    """An exporter whose class is imported on first use (``modul:Kelas``).

    Keeps ``import inti.ekspor`` cheap and lets a format be registered before its
    module exists; ``muat()`` raises ``FormatTidakTersedia`` while it does not.
    """

    def __init__(self, format: str, modul: str, kelas: str) -> None:
        self.format = format
        self._modul = modul
        self._kelas = kelas
        self._isi: Any = None

    def muat(self) -> Any:
        if self._isi is None:
            try:
                modul = importlib.import_module(self._modul)
            except ModuleNotFoundError as exc:
                if exc.name != self._modul:  # a missing dependency inside the module: a bug
                    raise
                raise FormatTidakTersedia(f"Format {self.format} belum tersedia.") from exc
            kelas = getattr(modul, self._kelas, None)
            if kelas is None:
                raise FormatTidakTersedia(f"Format {self.format} belum tersedia.")
            self._isi = kelas()
        return self._isi

    def tersedia(self) -> bool:
        try:
            self.muat()
        except FormatTidakTersedia:
            return False
        return True

    def tulis(
        self, tabel: Tabel, keluaran: IO[bytes], *, konteks: KonteksCetak | None = None
    ) -> None:
        self.muat().tulis(tabel, keluaran, konteks=konteks)


EKSPORTIR: dict[str, Eksportir] = {
    "csv": EksportirCsv(),
    "xlsx": EksportirTunda("xlsx", "inti.ekspor_xlsx", "EksportirXlsx"),
    "pdf": EksportirTunda("pdf", "inti.ekspor_pdf", "EksportirPdf"),
}


def eksportir_untuk(format: str) -> Eksportir:
    """The exporter of a format, its module loaded; ``FormatTidakTersedia`` otherwise."""
    eksportir = EKSPORTIR.get(format)
    if eksportir is None:
        raise FormatTidakTersedia(
            f"Format {format} tidak dikenal; pilih salah satu: {', '.join(EKSPORTIR)}."
        )
    if isinstance(eksportir, EksportirTunda):
        eksportir.muat()
    return eksportir
