"""Build the T-C.29 truth data of the Batam Renja 2024 from the shared extraction.

Run from the repository root: ``python tests/data/build_batam_tc29.py ../shared/data/tables``.
Writes two committed files (tests never read ../shared):

* ``batam_tc29_input.csv``: T-C.29's own inputs in the long format (columns 4, 5, 6, 7, 9),
  with the indicator attributes of the demo fixture (satuan, polaritas, akumulasi);
* ``batam_tc29_tercetak.csv``: the printed columns 8, 10 and 11 as raw text, with the status
  the extraction's arithmetic check gave each (``000_checks.csv``).

Rows whose input cells were lost or garbled in the source (lines 304-307, 322, 331, 332) keep
only the cells that survive; 000_batam.md §2.1 and §6.3 describe them.
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

HEADER = (
    "pemda,opd,kode,uraian,indikator,satuan,polaritas,akumulasi,periode,sasaran,tahun,jenis,nilai"
)
INPUT_COLUMNS = (
    ("c4_target_renstra_2026", 2026, "target_renstra_akhir"),
    ("c5_real_sd_2021", 2021, "realisasi"),
    ("c6_target_renja_2022", 2022, "target"),
    ("c7_real_renja_2022", 2022, "realisasi"),
    ("c9_target_renja_2023", 2023, "target"),
)
# Cells the extraction flags as garbled: their value is not an input (000_batam.md §6.3).
GARBLED = {("322", "c5_real_sd_2021"), ("331", "c5_real_sd_2021"), ("332", "c6_target_renja_2022")}


def main(tables: Path) -> None:
    root = Path(__file__).resolve().parent
    fixture = {
        (r["kode"], r["indikator"]): r
        for r in csv.DictReader((root.parent.parent / "fixtures" / "batam_renja_2024.csv").open())
        if r["indikator"]
    }
    names = {
        r["kode"]: r["uraian"]
        for r in csv.DictReader((root.parent.parent / "fixtures" / "batam_renja_2024.csv").open())
    }
    checks: dict[tuple[str, str], str] = {}
    for r in csv.DictReader((tables / "000_checks.csv").open()):
        if r["table"] == "T-C.29":
            col = r["check_type"].split("=")[0].split()[-1]
            checks[(r["src_line"], f"k{col}")] = r["status"]
    inputs, printed = [], []
    for r in csv.DictReader((tables / "000_TC29.csv").open()):
        if not r["indicator"]:
            continue
        kode, ind = r["code_norm"], r["indicator"]
        attrs = fixture[(kode, ind)]
        for col, tahun, jenis in INPUT_COLUMNS:
            value = r[f"{col}_value"]
            if value and (r["src_line"], col) not in GARBLED:
                inputs.append(
                    ["Kota Batam", "BKPSDM", kode, names[kode], ind, attrs["satuan"], attrs["polaritas"],
                     attrs["akumulasi"], "2021-2026", "", str(tahun), jenis, value]
                )  # fmt: skip
        printed.append(
            [r["src_line"], kode, ind,
             r["c8_tingkat_realisasi_pct_raw"], checks.get((r["src_line"], "k8"), ""),
             r["c10_real_sd_2023_raw"], checks.get((r["src_line"], "k10"), ""),
             r["c11_tingkat_capaian_renstra_pct_raw"], checks.get((r["src_line"], "k11"), "")]
        )  # fmt: skip
    with (root / "batam_tc29_input.csv").open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(HEADER.split(","))
        w.writerows(inputs)
    with (root / "batam_tc29_tercetak.csv").open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(
            ["baris", "kode", "indikator", "k8", "cek_k8", "k10", "cek_k10", "k11", "cek_k11"]
        )
        w.writerows(printed)


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/data/tables"))
