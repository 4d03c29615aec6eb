"""One exporter interface per format; every exporter writes a computed ``Tabel`` as it is.

CSV (contract §2): header ``kode,uraian,indikator,satuan`` then one column per
official column (``k<number>``, E.81 ``k<number>_k``/``_rp``); numbers plain with a
dot decimal, rounded half-up to 2 decimals; empty where there is no value.
PDF and XLSX arrive with the documents issue behind the same interface.
"""

from __future__ import annotations

import csv
from decimal import Decimal
from typing import IO, Protocol

from evaluasi import rumus
from evaluasi.tabel import Nilai, Tabel


class Eksportir(Protocol):
    format: str

    def tulis(self, tabel: Tabel, keluaran: IO[bytes]) -> None: ...


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


class EksportirCsv:
    format = "csv"

    def tulis(self, tabel: Tabel, keluaran: IO[bytes]) -> None:
        import io

        text = io.TextIOWrapper(keluaran, encoding="utf-8", newline="")
        writer = csv.writer(text, lineterminator="\n")
        kunci = [k.kunci for k in tabel.kolom]
        writer.writerow(["kode", "uraian", "indikator", "satuan", *kunci])
        for baris in [*tabel.baris, *tabel.kaki]:
            writer.writerow(
                [baris.kode, baris.uraian, baris.indikator, baris.satuan]
                + [angka_csv(baris.nilai.get(k)) for k in kunci]
            )
        text.flush()
        text.detach()


EKSPORTIR: dict[str, Eksportir] = {"csv": EksportirCsv()}
