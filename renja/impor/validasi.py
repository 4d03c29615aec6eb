"""Phase 1 of ``import_plan``: read every row of every file and validate it, then find rows that
contradict each other, without touching the database. Every problem is collected; any problem
raises ``ImporGagal`` listing them all.

Runs once per row of a ~100,000-row file: each cell is cleaned to text once (``_validasi_baris``)
and the checks below are small functions over those texts.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from inti.berkas import ImporGagal, Masalah, baris_berkas
from inti.parsing import Kode, ParseError, parse_angka, parse_kode, satuan_sama
from renja.impor.data import (
    AKUMULASI_SAH,
    JENIS_FILE,
    KOLOM_SEMUA,
    KOLOM_WAJIB,
    PERIODE_RE,
    POLARITAS_SAH,
    TEKS_KUALITATIF_RE,
    Baris,
)
from renja.models import (
    JENIS_ANGGARAN,
    JENIS_INDIKATOR,
    JENIS_TARGET,
    JENIS_TEKS,
    Jenis,
    Level,
)
from renja.services import nama_sama

Teks = Callable[[str], str]  # a column's cleaned text
Salah = Callable[[str, str], None]  # report a problem: column, message

KHUSUS = ("tujuan", "sasaran")


def _sebagai_teks(value: Any) -> str:
    if isinstance(value, Decimal | int | float):
        return format(value, "f") if isinstance(value, Decimal) else str(value)
    return str(value).strip()


def _kode(teks: Teks, salah: Salah) -> Kode | None:
    if not teks("kode"):
        return None
    try:
        return parse_kode(teks("kode"))
    except ParseError as exc:
        salah("kode", str(exc))
        return None


def _tahun(teks: Teks, salah: Salah) -> int:
    if not teks("tahun"):
        return 0
    try:
        tahun = int(Decimal(teks("tahun")))
        if not (2000 <= tahun <= 2100) or Decimal(teks("tahun")) != tahun:
            raise InvalidOperation
    except (InvalidOperation, ValueError):
        salah("tahun", f"{teks('tahun')!r} bukan tahun (2000-2100)")
        return 0
    return tahun


def _jenis(teks: Teks, salah: Salah) -> tuple[str, int]:
    """The stored kind and quarter of the file's kind (``realisasi_tw2`` → realisasi, 2)."""
    jenis_raw = teks("jenis")
    if not jenis_raw:
        return "", 0
    if jenis_raw.lower() in JENIS_FILE:
        return JENIS_FILE[jenis_raw.lower()]
    salah("jenis", f"{jenis_raw!r} tidak dikenal; yang sah: {', '.join(sorted(JENIS_FILE))}")
    return "", 0


def _sifat(teks: Teks, salah: Salah) -> tuple[str, str, tuple[int, int] | None]:
    """Polarity, accumulation and Renstra period ("" / None when not given)."""
    polaritas = teks("polaritas").lower()
    if polaritas and polaritas not in POLARITAS_SAH:
        salah("polaritas", f"{teks('polaritas')!r} tidak dikenal; isi positif atau negatif")
    akumulasi = teks("akumulasi").lower().replace("-", "_").replace(" ", "_")
    if akumulasi and akumulasi not in AKUMULASI_SAH:
        salah(
            "akumulasi",
            f"{teks('akumulasi')!r} tidak dikenal; isi kumulatif, non_kumulatif atau rata_rata",
        )
    periode = None
    if teks("periode"):
        m = PERIODE_RE.match(teks("periode"))
        if not m or not (0 <= int(m[2]) - int(m[1]) <= 6):
            salah("periode", f"{teks('periode')!r} bukan periode Renstra (contoh 2021-2026)")
        else:
            periode = (int(m[1]), int(m[2]))
    return polaritas, akumulasi, periode


def _indikator_cek(teks: Teks, salah: Salah, jenis: str, kode: Kode | None) -> None:
    """An indicator's kind needs the indicator and its unit; a node's kind refuses them."""
    indikator, satuan, jenis_raw = teks("indikator"), teks("satuan"), teks("jenis")
    if jenis in JENIS_INDIKATOR or jenis == Jenis.CAPAIAN_TERCETAK:
        if not indikator:
            salah(
                "indikator",
                f"jenis {jenis_raw} adalah nilai indikator; kolom indikator wajib diisi",
            )
        if not satuan:
            salah("satuan", "wajib diisi bila ada indikator")
    elif jenis and indikator and kode and kode.level not in KHUSUS:
        salah(
            "indikator",
            f"jenis {jenis_raw} milik program/kegiatan, bukan indikator; kosongkan kolom indikator",
        )


def _sasaran(teks: Teks, salah: Salah, kode: Kode | None) -> str:
    sasaran = teks("sasaran")
    if sasaran and kode:
        if kode.level == "program" and not sasaran.upper().startswith("SASARAN-"):
            salah("sasaran", f"{sasaran!r}: isi kode sasaran, mis. SASARAN-1")
        elif kode.level == "sasaran" and not sasaran.upper().startswith("TUJUAN-"):
            salah("sasaran", f"{sasaran!r}: baris sasaran menyebut tujuannya, mis. TUJUAN-1")
        elif kode.level not in ("program", "sasaran"):
            salah(
                "sasaran",
                "hanya diisi pada baris program (sasaran yang dilayani) atau sasaran (tujuannya)",
            )
    return sasaran


@dataclass(slots=True)
class _Isi:
    """The value cell read: a number (with its printed decimals and unit) or a text."""

    angka: Decimal | None = None
    desimal: int | None = None
    teks: str = ""
    satuan: str = ""


def _isi(raw: Any, teks: Teks, salah: Salah, jenis: str) -> _Isi:
    isi = _Isi()
    if jenis in JENIS_TEKS:
        isi.teks = teks("nilai")
        if not isi.teks:
            salah("nilai", "wajib diisi")
        return isi
    if not jenis:
        return isi
    if raw == "" or raw is None:
        salah("nilai", "wajib diisi")
    elif isinstance(raw, int | float | Decimal):
        isi.angka = Decimal(str(raw))
    elif (
        jenis in JENIS_TARGET
        and TEKS_KUALITATIF_RE.match(str(raw))
        and raw.strip() not in ("-", "–")
    ):
        # A target without any digit (predikat "BB", "A") is a qualitative target.
        isi.teks = str(raw).strip()
    else:
        try:
            parsed = parse_angka(str(raw))
            isi.angka = parsed.nilai
            # The parser keeps the printed precision: "100,00%" → 100.00, "118%" → 118.
            isi.desimal = max(0, -int(isi.angka.as_tuple().exponent))
            isi.satuan = "%" if parsed.persen else (parsed.satuan or "")
        except ParseError as exc:
            salah("nilai", str(exc))
    if isi.satuan or (isi.angka is not None and isi.angka < 0):  # else nothing to check
        _isi_satuan_cek(raw, isi, salah, jenis, teks("satuan"))
    return isi


def _isi_satuan_cek(raw: Any, isi: _Isi, salah: Salah, jenis: str, satuan: str) -> None:
    """Budgets are non-negative rupiah; a value's unit is its indicator's (capaian: %)."""
    if isi.angka is not None and jenis in JENIS_ANGGARAN and isi.angka < 0:
        salah("nilai", f"anggaran tidak boleh negatif ({raw})")
    if jenis == Jenis.CAPAIAN_TERCETAK:
        # A printed capaian is a percentage whatever the indicator's unit.
        if isi.satuan and isi.satuan != "%":
            salah("nilai", f"capaian adalah persen; satuan {isi.satuan!r} tidak sah")
    elif isi.satuan and satuan and not satuan_sama(isi.satuan, satuan):
        salah(
            "nilai",
            f"satuan {isi.satuan!r} pada nilai berbeda dengan satuan indikator {satuan!r}",
        )
    if isi.satuan and jenis in JENIS_ANGGARAN and isi.satuan.lower() not in ("rp", "rupiah"):
        salah("nilai", f"anggaran dalam rupiah; satuan {isi.satuan!r} tidak sah")


def _validasi_baris(
    nama: str, nomor: int, sel: dict[str, Any]
) -> tuple[Baris | None, list[Masalah]]:
    masalah: list[Masalah] = []

    def salah(kolom: str, pesan: str) -> None:
        masalah.append(Masalah(nama, nomor, kolom, pesan))

    # Each cell as text once; the checks below read them many times.
    bersih = {kolom: _sebagai_teks(sel.get(kolom, "")) for kolom in KOLOM_SEMUA}
    teks = bersih.__getitem__

    for kolom in KOLOM_WAJIB:
        if kolom != "nilai" and not teks(kolom):
            salah(kolom, "wajib diisi")
    # Positional calls: this runs ~100,000 times per file.
    kode = _kode(teks, salah)
    tahun = _tahun(teks, salah)
    jenis, triwulan = _jenis(teks, salah)
    polaritas, akumulasi, periode = _sifat(teks, salah)
    _indikator_cek(teks, salah, jenis, kode)
    sasaran = _sasaran(teks, salah, kode) if bersih["sasaran"] else ""
    isi = _isi(sel.get("nilai", ""), teks, salah, jenis)
    if kode and kode.level in KHUSUS and jenis in JENIS_ANGGARAN | (JENIS_TEKS - {Jenis.CATATAN}):
        salah("jenis", f"{kode.kanonik} tidak memiliki {jenis}; hanya indikator dan catatan")

    if masalah or kode is None:
        return None, masalah
    tercetak = jenis == Jenis.CAPAIAN_TERCETAK or (
        jenis in JENIS_ANGGARAN and kode.level != Level.SUB_KEGIATAN
    )
    return (
        Baris(
            file=nama,
            nomor=nomor,
            pemda=teks("pemda"),
            opd=teks("opd"),
            kode=kode,
            uraian=teks("uraian"),
            indikator=" ".join(teks("indikator").split()),
            satuan=teks("satuan"),
            polaritas=polaritas,
            akumulasi=akumulasi,
            periode=periode,
            sasaran=sasaran.upper(),
            tahun=tahun,
            jenis=jenis,
            triwulan=triwulan,
            angka=isi.angka,
            teks=isi.teks,
            satuan_nilai=isi.satuan,
            tercetak=tercetak,
            desimal=isi.desimal,
        ),
        [],
    )


def _konflik(semua: list[Baris]) -> list[Masalah]:
    """Rows of one invocation that contradict each other."""
    masalah: list[Masalah] = []
    nilai_pertama: dict[tuple[Any, ...], Baris] = {}
    indikator_pertama: dict[tuple[Any, ...], Baris] = {}
    atribut: dict[tuple[Any, ...], dict[str, Baris]] = defaultdict(dict)
    uraian_pertama: dict[tuple[Any, ...], Baris] = {}
    for b in semua:
        node_key = (b.pemda, b.opd, b.kode.kanonik)
        first = uraian_pertama.setdefault(node_key, b)
        if first is not b and b.uraian and not nama_sama(first.uraian, b.uraian):
            masalah.append(
                Masalah(
                    b.file,
                    b.nomor,
                    "uraian",
                    f"{b.kode.kanonik} bernama {first.uraian!r} di {first.lokasi}; di sini {b.uraian!r}",
                )
            )
        if b.indikator:
            ind_key = (*node_key, b.indikator.casefold())
            first_ind = indikator_pertama.setdefault(ind_key, b)
            if first_ind is not b and not satuan_sama(first_ind.satuan, b.satuan):
                masalah.append(
                    Masalah(
                        b.file,
                        b.nomor,
                        "satuan",
                        f"indikator {b.indikator!r} bersatuan {first_ind.satuan!r} di {first_ind.lokasi}; di sini {b.satuan!r}",
                    )
                )
            for kolom in ("polaritas", "akumulasi"):
                value = getattr(b, kolom)
                if not value:
                    continue
                seen = atribut[ind_key].setdefault(kolom, b)
                if getattr(seen, kolom) != value:
                    masalah.append(
                        Masalah(
                            b.file,
                            b.nomor,
                            kolom,
                            f"indikator {b.indikator!r} ber{kolom} {getattr(seen, kolom)} di {seen.lokasi}; di sini {value}",
                        )
                    )
        value_key = (
            *node_key,
            b.indikator.casefold(),
            b.tahun,
            b.jenis,
            b.triwulan,
            b.file if b.tercetak else "",
        )
        first_val = nilai_pertama.setdefault(value_key, b)
        if first_val is not b and (first_val.angka, first_val.teks) != (b.angka, b.teks):
            isi_lama = first_val.angka if first_val.angka is not None else first_val.teks
            isi = b.angka if b.angka is not None else b.teks
            masalah.append(
                Masalah(
                    b.file,
                    b.nomor,
                    "nilai",
                    f"{b.jenis} {b.tahun} untuk {b.kode.kanonik} {b.indikator!r} sudah diberi {isi_lama} di {first_val.lokasi}; di sini {isi}",
                )
            )
    return masalah


def baca_dan_validasi(paths: Iterable[Path | str]) -> tuple[list[Baris], list[str]]:
    """Phase 1. Returns the rows, or raises ``ImporGagal`` with every problem found."""
    semua: list[Baris] = []
    masalah: list[Masalah] = []
    names: list[str] = []
    for nama, nomor, sel in baris_berkas(
        paths, kolom_sah=KOLOM_SEMUA, kolom_wajib=KOLOM_WAJIB, masalah=masalah, names=names
    ):
        for kolom, value in sel.items():
            if isinstance(value, str) and value.startswith("="):
                masalah.append(
                    Masalah(
                        nama, nomor, kolom, f"berisi rumus {value[:40]!r}; tempel sebagai nilai"
                    )
                )
        baris, row_masalah = _validasi_baris(nama, nomor, sel)
        masalah += row_masalah
        if baris:
            semua.append(baris)
    masalah += _konflik(semua)
    if masalah:
        raise ImporGagal(masalah)
    if not semua:
        raise ImporGagal([Masalah(names[0] if names else "-", 0, "-", "tidak ada baris data")])
    return semua, names
