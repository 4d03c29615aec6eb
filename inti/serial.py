"""Tables to and from JSON (stored results), Decimals kept exact as strings."""

from __future__ import annotations

from dataclasses import asdict
from decimal import Decimal
from typing import Any

from inti.tabel import Baris, Kolom, Nilai, Tabel


def _ke_json(value: Nilai) -> Any:
    if isinstance(value, Decimal):
        return {"d": str(value)}
    return value


def _dari_json(value: Any) -> Nilai:
    if isinstance(value, dict):
        return Decimal(value["d"])
    return value


def tabel_ke_json(tabel: Tabel) -> dict[str, Any]:
    def baris(b: Baris) -> dict[str, Any]:
        d = asdict(b)
        d["nilai"] = {k: _ke_json(v) for k, v in b.nilai.items()}
        return d

    return {
        "kode": tabel.kode,
        "judul": tabel.judul,
        "tahun": tabel.tahun,
        "kolom": [asdict(k) for k in tabel.kolom],
        "baris": [baris(b) for b in tabel.baris],
        "kaki": [baris(b) for b in tabel.kaki],
        "catatan": list(tabel.catatan),
        "keterangan": [list(k) for k in tabel.keterangan],
        "awal_csv": [list(k) for k in tabel.awal_csv],
    }


def tabel_dari_json(data: dict[str, Any]) -> Tabel:
    def baris(d: dict[str, Any]) -> Baris:
        return Baris(**{**d, "nilai": {k: _dari_json(v) for k, v in d["nilai"].items()}})

    return Tabel(
        kode=data["kode"],
        judul=data["judul"],
        tahun=data["tahun"],
        kolom=[Kolom(**k) for k in data["kolom"]],
        baris=[baris(b) for b in data["baris"]],
        kaki=[baris(b) for b in data["kaki"]],
        catatan=list(data["catatan"]),
        keterangan=[(str(a), str(b)) for a, b in data.get("keterangan", [])],
        **(
            {"awal_csv": tuple((str(a), str(b)) for a, b in data["awal_csv"])}
            if "awal_csv" in data
            else {}
        ),
    )
