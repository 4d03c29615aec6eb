"""Reading tabular input files (CSV or XLSX, header row first) and reporting their problems.

Shared by every importer (the plan's long format, the staff roster): the file is read whole,
each problem becomes a ``Masalah`` printed as ``FILE:ROW: column: message`` (contract.md §1),
and an importer raises ``ImporGagal`` with all of them so that nothing is written. No app and
no database here: importers validate and apply their own rows.
"""

from __future__ import annotations

import csv
import zipfile
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

BATAS_BARIS = 1_000_000  # a pemda's whole plan is ~100,000 rows


@dataclass(frozen=True, order=True)
class Masalah:
    """One problem, printed as ``FILE:ROW: column: message``. ROW 0 = the file itself."""

    file: str
    baris: int
    kolom: str
    pesan: str

    def __str__(self) -> str:
        return f"{self.file}:{self.baris}: {self.kolom}: {self.pesan}"


class ImporGagal(Exception):
    def __init__(self, masalah: Sequence[Masalah]) -> None:
        super().__init__(f"{len(masalah)} masalah; tidak ada yang diimpor")
        self.masalah = sorted(set(masalah), key=lambda m: (m.file, m.baris, m.kolom, m.pesan))


def _sel(value: Any) -> Any:
    """An XLSX cell as text or as an exact number; CSV cells are already text."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int | float | Decimal):
        return value
    return str(value).strip()


def baca_berkas(
    path: Path, nama: str
) -> tuple[list[str], list[tuple[int, list[Any]]], list[Masalah]]:
    """Header and rows (with their line numbers) of a CSV or XLSX file."""
    suffix = path.suffix.lower()
    if not path.exists():
        return [], [], [Masalah(nama, 0, "-", "berkas tidak ditemukan")]
    if suffix == ".csv":
        return _baca_csv(path, nama)
    if suffix == ".xlsx":
        return _baca_xlsx(path, nama)
    return (
        [],
        [],
        [
            Masalah(
                nama,
                0,
                "-",
                f"format {suffix or '(tanpa ekstensi)'} tidak didukung; gunakan .csv atau .xlsx",
            )
        ],
    )


def _baca_csv(
    path: Path, nama: str
) -> tuple[list[str], list[tuple[int, list[Any]]], list[Masalah]]:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        return (
            [],
            [],
            [
                Masalah(
                    nama,
                    0,
                    "-",
                    f"bukan teks UTF-8 (byte ke-{exc.start + 1}); simpan ulang sebagai CSV UTF-8",
                )
            ],
        )
    first_line = text.split("\n", 1)[0]
    # Excel in Indonesian locale saves CSV with ';' because ',' is the decimal mark.
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    reader = csv.reader(text.splitlines(keepends=True), delimiter=delimiter)
    rows: list[tuple[int, list[Any]]] = []
    header: list[str] = []
    start = 1
    try:
        for record in reader:
            if not header:
                header = [h.strip() for h in record]
            else:
                rows.append((start, [c.strip() for c in record]))
            start = reader.line_num + 1
            if len(rows) > BATAS_BARIS:
                return [], [], [Masalah(nama, start, "-", f"lebih dari {BATAS_BARIS} baris")]
    except csv.Error as exc:
        return [], [], [Masalah(nama, reader.line_num, "-", f"CSV rusak: {exc}")]
    return header, rows, []


def _baca_xlsx(
    path: Path, nama: str
) -> tuple[list[str], list[tuple[int, list[Any]]], list[Masalah]]:
    from openpyxl import load_workbook

    try:
        wb = load_workbook(path, read_only=True, data_only=False)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        return (
            [],
            [],
            [Masalah(nama, 0, "-", f"bukan berkas XLSX yang sah ({exc.__class__.__name__})")],
        )
    try:
        ws = wb.worksheets[0]
        header: list[str] = []
        rows: list[tuple[int, list[Any]]] = []
        for nomor, values in enumerate(ws.iter_rows(values_only=True), start=1):
            cells = [_sel(v) for v in values]
            if not header:
                header = [str(c).strip() for c in cells]
                while header and header[-1] == "":
                    header.pop()
                continue
            rows.append((nomor, cells))
            if len(rows) > BATAS_BARIS:
                return [], [], [Masalah(nama, nomor, "-", f"lebih dari {BATAS_BARIS} baris")]
        return header, rows, []
    finally:
        wb.close()


def _periksa_header(
    header: list[str], nama: str, *, sah: Sequence[str], wajib: Sequence[str]
) -> list[Masalah]:
    """Duplicate, unknown and missing required columns of a file's header row."""
    masalah: list[Masalah] = []
    if not header:
        return [Masalah(nama, 1, "-", "berkas kosong: baris judul kolom tidak ada")]
    seen: set[str] = set()
    for kolom in header:
        if kolom in seen:
            masalah.append(Masalah(nama, 1, kolom, "kolom muncul dua kali"))
        seen.add(kolom)
        if kolom not in sah:
            masalah.append(
                Masalah(
                    nama,
                    1,
                    kolom or "(kosong)",
                    f"kolom tidak dikenal; kolom yang sah: {', '.join(sah)}",
                )
            )
    for kolom in wajib:
        if kolom not in seen:
            masalah.append(Masalah(nama, 1, kolom, "kolom wajib tidak ada"))
    return masalah


def baris_berkas(
    paths: Iterable[Path | str],
    *,
    kolom_sah: Sequence[str],
    kolom_wajib: Sequence[str],
    masalah: list[Masalah],
    names: list[str],
    lengkapi: bool = False,
) -> Iterator[tuple[str, int, dict[str, Any]]]:
    """Every non-empty data row of the files as (file, line, {column: cell}).

    The header must name only ``kolom_sah``, each once, and every one of ``kolom_wajib``.
    File, header and overlong-row problems are appended to ``masalah`` (and the file or row
    skipped); ``names`` receives each file name. With ``lengkapi`` a short row (trailing cells
    missing) still has every column, empty. Shared by the plan and the roster importers.
    """
    for path in paths:
        nama = str(path)
        names.append(nama)
        header, rows, file_masalah = baca_berkas(Path(path), nama)
        masalah += file_masalah
        if file_masalah:
            continue
        header_masalah = _periksa_header(header, nama, sah=kolom_sah, wajib=kolom_wajib)
        masalah += header_masalah
        if header_masalah:
            continue
        for nomor, cells in rows:
            if all(c == "" for c in cells):
                continue
            if len(cells) > len(header) and any(c != "" for c in cells[len(header) :]):
                masalah.append(
                    Masalah(
                        nama,
                        nomor,
                        "-",
                        f"{len(cells)} sel, padahal judul kolom hanya {len(header)}",
                    )
                )
                continue
            sel = dict(zip(header, cells, strict=False))
            if lengkapi:
                sel = {kolom: "" for kolom in header} | sel
            yield nama, nomor, sel
