"""``import_pegawai``: a staff roster from CSV or XLSX (contract.md §5).

Same shape as the plan importer (``renja.impor``), whose reader and problem format it reuses:

1. *Read and validate* every row of every file: header, NIP (``kepegawaian.nip``), status,
   golongan, jenis jabatan, pendidikan, dates, gender, and NIPs repeated across rows.
2. *Resolve* the pemda and the unit kerja (a few queries, not one per row) and compare with what
   is stored.
3. *Write* in one transaction: create new pegawai, update changed ones (history-aware bulk
   operations, change reason ``impor:<file name>``); unchanged ones are counted, not written.

Any problem means nothing is written; every problem is reported as ``FILE:ROW: column: message``
(``ImporGagal`` of ``renja.impor``; ROW is the file's line, 1 = the header).

Reading rules (documented in the README):

- ``pemda`` may be left out (column absent or cell empty) while the database holds exactly one
  pemda, or when the caller names one (``--pemda``).
- ``golongan``: ``III/a``, ``iii/a``, ``III-a``, ``III a``, ``IIIa``, ``3/a`` → ``III/a`` for a PNS;
  a PPPK's ``I`` … ``XVII`` (or ``1`` … ``17``, ``ix``) → roman.
- ``pendidikan``: ``SD``, ``SMP``, ``SMA``, ``D1``…``D4``, ``S1``…``S3`` in any case with or without
  ``-``/``.``/space (``D-IV``, ``D.III``, ``S-1``), roman diplomas (``DIII``), and the equivalents
  ``MI`` → SD, ``SLTP``/``MTs`` → SMP, ``SLTA``/``SMU``/``SMK``/``MA``/``MAK`` → SMA (the model's
  level SMA means "SMA/sederajat"). ``Profesi`` and other names are refused rather than guessed:
  a profession programme follows an S1 but is not itself one of the levels.
- ``jenis_kelamin``/``tanggal_lahir`` of a PNS are read from the NIP; a cell that contradicts the
  NIP is an error naming both. A PPPK number's layout is not regulated like a PNS NIP
  (``kepegawaian.nip``): the cells win, the NIP fills only what is empty, and a PPPK whose gender
  is neither given nor readable is an error.
- ``tmt`` (optional, beyond the contract's list): a PNS's TMT is the NIP's TMT CPNS month and a
  cell must agree with it; a PPPK's TMT can only come from this column.
- Optional cells left empty (``tanggal_lahir``, ``tmt``) keep what is stored; ``jabatan`` is set as
  given when the column is present. Pegawai absent from the file are left alone (no deletion).
- A NIP appearing twice in one invocation (same pemda) is an error naming both rows.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from django.contrib.auth.models import AbstractBaseUser
from django.db import models, transaction
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from inti.berkas import ImporGagal, Masalah, baris_berkas
from kepegawaian.models import (
    GOLONGAN_PNS,
    GOLONGAN_PPPK,
    JenisJabatan,
    JenisKelamin,
    Pegawai,
    Pendidikan,
    StatusPegawai,
)
from kepegawaian.nip import InfoNip, NipTidakSah, baca_nip
from renja.models import Pemda, PerangkatDaerah

KOLOM_WAJIB = ("nip", "nama", "status", "golongan", "jenis_jabatan", "pendidikan", "unit_kerja")
KOLOM_OPSIONAL = ("pemda", "jabatan", "tanggal_lahir", "jenis_kelamin", "tmt")
KOLOM_SEMUA = KOLOM_WAJIB + KOLOM_OPSIONAL

# Fields an import sets (``tanggal_keluar`` is kept: the roster file does not carry it).
FIELD_DIIMPOR = (
    "nama",
    "status",
    "golongan",
    "jenis_jabatan",
    "jabatan",
    "pendidikan",
    "unit_kerja",
    "tanggal_lahir",
    "jenis_kelamin",
    "tmt",
)

_ROMAWI = (
    "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X",
    "XI", "XII", "XIII", "XIV", "XV", "XVI", "XVII",
)  # fmt: skip
_GOLONGAN_PNS_RE = re.compile(r"^(IV|III|II|I|[1-4])[\s/.\-]*([A-E])$")
_GOLONGAN_PPPK_RE = re.compile(r"^([IVX]+|\d{1,2})$")

_PENDIDIKAN_ALIAS: dict[str, str] = {p: p for p in Pendidikan.values}
_PENDIDIKAN_ALIAS.update(
    {
        "DI": Pendidikan.D1,
        "DII": Pendidikan.D2,
        "DIII": Pendidikan.D3,
        "DIV": Pendidikan.D4,
        "MI": Pendidikan.SD,
        "SLTP": Pendidikan.SMP,
        "MTS": Pendidikan.SMP,
        "SLTA": Pendidikan.SMA,
        "SMU": Pendidikan.SMA,
        "SMK": Pendidikan.SMA,
        "MA": Pendidikan.SMA,
        "MAK": Pendidikan.SMA,
    }
)

_JENIS_JABATAN_ALIAS: dict[str, str] = {j: j for j in JenisJabatan.values}
_JENIS_JABATAN_ALIAS.update({str(label).casefold(): j for j, label in JenisJabatan.choices})
_JENIS_JABATAN_ALIAS.update({f"jpt {t}": JenisJabatan.JPT for t in ("pratama", "madya", "utama")})

_JENIS_KELAMIN_ALIAS = {
    "l": JenisKelamin.LAKI_LAKI,
    "laki-laki": JenisKelamin.LAKI_LAKI,
    "laki laki": JenisKelamin.LAKI_LAKI,
    "pria": JenisKelamin.LAKI_LAKI,
    "p": JenisKelamin.PEREMPUAN,
    "perempuan": JenisKelamin.PEREMPUAN,
    "wanita": JenisKelamin.PEREMPUAN,
}

_TANGGAL_ISO_RE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]00:00(?::00)?)?$")
_TANGGAL_ID_RE = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$")


def _panjang_maks(nama: str) -> int:
    kolom = Pegawai._meta.get_field(nama)
    assert isinstance(kolom, models.CharField) and kolom.max_length
    return kolom.max_length


_PANJANG_MAKS = {f: _panjang_maks(f) for f in ("nama", "jabatan")}  # 200, 255


@dataclass
class BarisPegawai:
    """One validated row (references to pemda and unit kerja still by name)."""

    file: str
    nomor: int
    pemda: str  # "" = not given
    nip: str
    nama: str
    status: str
    golongan: str
    jenis_jabatan: str
    jabatan: str | None  # None = column absent (keep stored)
    pendidikan: str
    unit_kerja: str
    tanggal_lahir: date | None
    jenis_kelamin: str
    tmt: date | None

    @property
    def lokasi(self) -> str:
        return f"{self.file}:{self.nomor}"


@dataclass
class HasilImpor:
    baris: int = 0
    dibuat: int = 0
    diubah: int = 0
    tetap: int = 0
    files: list[str] = field(default_factory=list)

    def ringkasan(self) -> str:
        return (
            f"{self.baris} pegawai dari {len(self.files)} berkas: "
            f"{self.dibuat} baru, {self.diubah} diubah, {self.tetap} tetap."
        )


# --- normalising single cells (pure) --------------------------------------------------


def normalisasi_golongan(teks: str, status: str) -> str:
    """``iii-a`` → ``III/a`` (PNS), ``9``/``ix`` → ``IX`` (PPPK). Raises ``ValueError``."""
    raw = " ".join(teks.split()).upper()
    if status == StatusPegawai.PPPK:
        m = _GOLONGAN_PPPK_RE.match(raw)
        if m:
            g = m[1]
            if g.isdigit():
                g = _ROMAWI[int(g) - 1] if 1 <= int(g) <= len(_ROMAWI) else ""
            if g in GOLONGAN_PPPK:
                return g
        raise ValueError(f"{teks!r} bukan golongan PPPK (I … XVII)")
    m = _GOLONGAN_PNS_RE.match(raw)
    if m:
        ruang = _ROMAWI[int(m[1]) - 1] if m[1].isdigit() else m[1]
        g = f"{ruang}/{m[2].lower()}"
        if g in GOLONGAN_PNS:
            return g
    raise ValueError(f"{teks!r} bukan golongan PNS (I/a … IV/e)")


def normalisasi_pendidikan(teks: str) -> str:
    kunci = re.sub(r"[\s.\-/]", "", teks).upper()
    if kunci in _PENDIDIKAN_ALIAS:
        return _PENDIDIKAN_ALIAS[kunci]
    raise ValueError(f"{teks!r} tidak dikenal; isi salah satu: {', '.join(Pendidikan.values)}")


def normalisasi_jenis_jabatan(teks: str) -> str:
    kunci = " ".join(teks.split()).casefold()
    if kunci in _JENIS_JABATAN_ALIAS:
        return _JENIS_JABATAN_ALIAS[kunci]
    raise ValueError(f"{teks!r} tidak dikenal; isi salah satu: {', '.join(JenisJabatan.values)}")


def baca_tanggal(teks: str) -> date:
    """``YYYY-MM-DD`` or ``DD-MM-YYYY`` (also with ``/`` or ``.``). Raises ``ValueError``."""
    raw = teks.strip()
    m = _TANGGAL_ISO_RE.match(raw)
    if m:
        y, mo, d = int(m[1]), int(m[2]), int(m[3])
    else:
        m = _TANGGAL_ID_RE.match(raw)
        if not m:
            raise ValueError(f"{teks!r} bukan tanggal; tulis TTTT-BB-HH atau HH-BB-TTTT")
        d, mo, y = int(m[1]), int(m[2]), int(m[3])
    try:
        return date(y, mo, d)
    except ValueError:
        raise ValueError(f"{teks!r} bukan tanggal yang sah") from None


def _teks(value: Any) -> str:
    if isinstance(value, Decimal | int):
        return str(value)
    if isinstance(value, float):
        return repr(value)
    return str(value).strip()


# --- phase 1: rows ---------------------------------------------------------------------


Salah = Callable[[str, str], None]  # (kolom, pesan): records a problem of the current row


def _nip(sel: dict[str, Any], teks: dict[str, str], status: str, salah: Salah) -> InfoNip | None:
    """The NIP read and checked against its status; None when absent or invalid."""
    # Excel keeps 15 significant digits: an 18-digit NIP typed into a number cell has lost
    # its last digits (…2001 becomes …2000), so a float NIP is refused, not repaired.
    if isinstance(sel.get("nip", ""), float | Decimal) and teks["nip"]:
        salah(
            "nip",
            f"NIP tersimpan sebagai angka ({teks['nip']}); Excel memotong digit terakhirnya, "
            "format sel sebagai Teks lalu ketik ulang",
        )
    elif teks["nip"] and status:
        try:
            return baca_nip(teks["nip"], status=status)
        except NipTidakSah as exc:
            salah("nip", str(exc))
    return None


def _kode(teks: str, baca: Callable[[str], str], kolom: str, salah: Salah) -> str:
    """A coded cell (golongan, jenis jabatan, pendidikan) normalised; "" when empty or wrong."""
    if not teks:
        return ""
    try:
        return baca(teks)
    except ValueError as exc:
        salah(kolom, str(exc))
        return ""


def _tanggal(teks: dict[str, str], salah: Salah) -> dict[str, date | None]:
    tanggal: dict[str, date | None] = {"tanggal_lahir": None, "tmt": None}
    for kolom in tanggal:
        if teks[kolom]:
            try:
                tanggal[kolom] = baca_tanggal(teks[kolom])
            except ValueError as exc:
                salah(kolom, str(exc))
    return tanggal


def _cocokkan_nip(
    info: InfoNip | None,
    *,
    status: str,
    teks: dict[str, str],
    kelamin: str,
    lahir: date | None,
    tmt: date | None,
    salah: Salah,
) -> tuple[str, date | None, date | None]:
    """Gender, birth date and TMT against the NIP: a PNS NIP wins (a conflict is an error),
    a PPPK number only fills the gaps."""
    if info is None:
        return kelamin, lahir, tmt
    if status == StatusPegawai.PNS:
        assert info.tanggal_lahir and info.tmt and info.jenis_kelamin
        if kelamin and kelamin != info.jenis_kelamin:
            salah(
                "jenis_kelamin",
                f"{kelamin} bertentangan dengan NIP: digit ke-15 ({info.nip[14]}) berarti "
                f"{info.jenis_kelamin}",
            )
        if lahir and lahir != info.tanggal_lahir:
            salah(
                "tanggal_lahir",
                f"{lahir.isoformat()} bertentangan dengan NIP: digit 1–8 berarti "
                f"{info.tanggal_lahir.isoformat()}",
            )
        if tmt and (tmt.year, tmt.month) != (info.tmt.year, info.tmt.month):
            salah(
                "tmt",
                f"{tmt.isoformat()} bertentangan dengan NIP: TMT CPNS pada digit 9–14 "
                f"adalah {info.tmt:%Y-%m}",
            )
        return info.jenis_kelamin, info.tanggal_lahir, info.tmt
    kelamin = kelamin or info.jenis_kelamin or ""
    if not kelamin and not teks["jenis_kelamin"]:
        salah("jenis_kelamin", "wajib diisi: tidak dapat dibaca dari NIP PPPK ini")
    return kelamin, lahir or info.tanggal_lahir, tmt


def _validasi_baris(
    nama_file: str, nomor: int, sel: dict[str, Any]
) -> tuple[BarisPegawai | None, list[Masalah]]:
    masalah: list[Masalah] = []

    def salah(kolom: str, pesan: str) -> None:
        masalah.append(Masalah(nama_file, nomor, kolom, pesan))

    teks = {k: _teks(sel.get(k, "")) for k in KOLOM_SEMUA}
    for kolom in KOLOM_WAJIB:
        if not teks[kolom]:
            salah(kolom, "wajib diisi")

    status = teks["status"].upper()
    if status and status not in StatusPegawai.values:
        salah("status", f"{teks['status']!r} tidak dikenal; isi PNS atau PPPK")
        status = ""
    info = _nip(sel, teks, status, salah)
    golongan = (
        _kode(teks["golongan"], lambda t: normalisasi_golongan(t, status), "golongan", salah)
        if status
        else ""
    )
    jenis_jabatan = _kode(teks["jenis_jabatan"], normalisasi_jenis_jabatan, "jenis_jabatan", salah)
    pendidikan = _kode(teks["pendidikan"], normalisasi_pendidikan, "pendidikan", salah)
    for kolom in ("nama", "jabatan"):
        batas = _PANJANG_MAKS[kolom]
        if len(teks[kolom]) > batas:
            salah(kolom, f"terlalu panjang ({len(teks[kolom])} karakter, paling banyak {batas})")
    tanggal = _tanggal(teks, salah)

    kelamin = ""
    if teks["jenis_kelamin"]:
        kelamin = _JENIS_KELAMIN_ALIAS.get(" ".join(teks["jenis_kelamin"].split()).casefold(), "")
        if not kelamin:
            salah("jenis_kelamin", f"{teks['jenis_kelamin']!r} tidak dikenal; isi L atau P")
    kelamin, lahir, tmt = _cocokkan_nip(
        info,
        status=status,
        teks=teks,
        kelamin=kelamin,
        lahir=tanggal["tanggal_lahir"],
        tmt=tanggal["tmt"],
        salah=salah,
    )
    if lahir and tmt and tmt < lahir:
        salah("tmt", f"{tmt.isoformat()} sebelum tanggal lahir {lahir.isoformat()}")

    if masalah:
        return None, masalah
    return (
        BarisPegawai(
            file=nama_file,
            nomor=nomor,
            pemda=" ".join(teks["pemda"].split()),
            nip=info.nip if info else "",
            nama=" ".join(teks["nama"].split()),
            status=status,
            golongan=golongan,
            jenis_jabatan=jenis_jabatan,
            jabatan=" ".join(teks["jabatan"].split()) if "jabatan" in sel else None,
            pendidikan=pendidikan,
            unit_kerja=teks["unit_kerja"],
            tanggal_lahir=lahir,
            jenis_kelamin=kelamin,
            tmt=tmt,
        ),
        [],
    )


def baca_dan_validasi(
    paths: Iterable[Path | str],
) -> tuple[list[BarisPegawai], list[str], list[Masalah]]:
    """Phase 1 (no database): the valid rows, the file names and every problem found."""
    semua: list[BarisPegawai] = []
    masalah: list[Masalah] = []
    names: list[str] = []
    for nama, nomor, sel in baris_berkas(
        paths,
        kolom_sah=KOLOM_SEMUA,
        kolom_wajib=KOLOM_WAJIB,
        masalah=masalah,
        names=names,
        lengkapi=True,
    ):
        rumus = [k for k, v in sel.items() if isinstance(v, str) and v.startswith("=")]
        for kolom in rumus:
            masalah.append(
                Masalah(
                    nama, nomor, kolom, f"berisi rumus {sel[kolom][:40]!r}; tempel sebagai nilai"
                )
            )
        if rumus:
            continue
        baris, row_masalah = _validasi_baris(nama, nomor, sel)
        masalah += row_masalah
        if baris:
            semua.append(baris)
    if not masalah and not semua:
        masalah.append(Masalah(names[0] if names else "-", 0, "-", "tidak ada baris data"))
    return semua, names, masalah


# --- phase 2: references, comparison and writing ---------------------------------------


def _pemda_baris(
    semua: list[BarisPegawai], pemda_default: Pemda | str | None, names: list[str]
) -> tuple[dict[int, Pemda], list[Masalah]]:
    """The pemda of every row (by index)."""
    masalah: list[Masalah] = []
    default: Pemda | None = None
    if isinstance(pemda_default, Pemda):
        default = pemda_default
    elif pemda_default:
        default = Pemda.objects.filter(nama__iexact=" ".join(pemda_default.split())).first()
        if default is None:
            return {}, [Masalah(names[0], 0, "pemda", f"pemda {pemda_default!r} tidak ada")]
    perlu_default = any(not b.pemda for b in semua)
    if default is None and perlu_default:
        jumlah = Pemda.objects.count()
        if jumlah == 1:
            default = Pemda.objects.get()
        else:
            # Reported once per file (line 1: the header), not on every row.
            pesan = (
                "belum ada pemda di basis data"
                if jumlah == 0
                else f"wajib diisi karena basis data berisi {jumlah} pemda (atau pakai --pemda)"
            )
            for nama in dict.fromkeys(b.file for b in semua if not b.pemda):
                masalah.append(Masalah(nama, 1, "pemda", pesan))
    per_nama = {
        p.nama.casefold(): p
        for p in Pemda.objects.filter(
            nama__in={b.pemda for b in semua if b.pemda}
        )  # exact names first
    }
    sisa = {b.pemda for b in semua if b.pemda and b.pemda.casefold() not in per_nama}
    if sisa:  # names written in another case: one more query
        for p in Pemda.objects.all().only("pk", "nama"):
            per_nama.setdefault(p.nama.casefold(), p)
    hasil: dict[int, Pemda] = {}
    for i, b in enumerate(semua):
        if not b.pemda:
            if default is not None:
                hasil[i] = default
            continue
        pemda = per_nama.get(b.pemda.casefold())
        if pemda is None:
            masalah.append(Masalah(b.file, b.nomor, "pemda", f"pemda {b.pemda!r} tidak ada"))
        elif default is not None and pemda_default and pemda.pk != default.pk:
            masalah.append(
                Masalah(
                    b.file,
                    b.nomor,
                    "pemda",
                    f"{pemda.nama!r} berbeda dengan pemda yang dipilih ({default.nama})",
                )
            )
        else:
            hasil[i] = pemda
    return hasil, masalah


def _unit_kerja(
    semua: list[BarisPegawai], pemda_baris: dict[int, Pemda]
) -> tuple[dict[int, PerangkatDaerah], list[Masalah]]:
    pds: dict[tuple[int, str], PerangkatDaerah] = {}
    daftar: dict[int, list[str]] = {}
    for pd in PerangkatDaerah.objects.filter(
        pemda_id__in={p.pk for p in pemda_baris.values()}
    ).order_by("kode"):
        pds[(pd.pemda_id, pd.kode.casefold())] = pd
        daftar.setdefault(pd.pemda_id, []).append(pd.kode)
    hasil: dict[int, PerangkatDaerah] = {}
    masalah: list[Masalah] = []
    for i, b in enumerate(semua):
        pemda = pemda_baris.get(i)
        if pemda is None:
            continue
        ditemukan = pds.get((pemda.pk, b.unit_kerja.casefold()))
        if ditemukan is None:
            kode = daftar.get(pemda.pk, [])
            contoh = ", ".join(kode[:12]) + (" …" if len(kode) > 12 else "")
            masalah.append(
                Masalah(
                    b.file,
                    b.nomor,
                    "unit_kerja",
                    f"{b.unit_kerja!r} bukan kode perangkat daerah {pemda.nama}"
                    + (f"; yang ada: {contoh}" if kode else "; belum ada perangkat daerah"),
                )
            )
        else:
            hasil[i] = ditemukan
    return hasil, masalah


def _nip_ganda(semua: list[BarisPegawai], pemda_baris: dict[int, Pemda]) -> list[Masalah]:
    masalah: list[Masalah] = []
    pertama: dict[tuple[Any, str], BarisPegawai] = {}
    for i, b in enumerate(semua):
        pemda = pemda_baris.get(i)
        kunci = (pemda.pk if pemda else b.pemda.casefold(), b.nip)
        awal = pertama.setdefault(kunci, b)
        if awal is not b:
            masalah.append(
                Masalah(
                    b.file,
                    b.nomor,
                    "nip",
                    f"NIP {b.nip} sudah ada di {awal.lokasi} ({awal.nama}); satu baris per pegawai",
                )
            )
    return masalah


def _tersimpan(
    semua: list[BarisPegawai], pemda_baris: dict[int, Pemda]
) -> dict[tuple[int, str], Pegawai]:
    """The stored staff the file names, by (pemda, NIP), locked until the import commits."""
    ada: dict[tuple[int, str], Pegawai] = {}
    nip_per_pemda: dict[int, set[str]] = {}
    for i, b in enumerate(semua):
        nip_per_pemda.setdefault(pemda_baris[i].pk, set()).add(b.nip)
    for pemda_id, nips in nip_per_pemda.items():
        daftar_nip = sorted(nips)
        for mulai in range(0, len(daftar_nip), 2000):
            for p in Pegawai.objects.select_for_update().filter(
                pemda_id=pemda_id, nip__in=daftar_nip[mulai : mulai + 2000]
            ):
                ada[(pemda_id, p.nip)] = p
    return ada


def _isian(b: BarisPegawai, pd: PerangkatDaerah) -> dict[str, Any]:
    """The fields a row sets; an absent optional column keeps what is stored."""
    nilai: dict[str, Any] = {
        "nama": b.nama,
        "status": b.status,
        "golongan": b.golongan,
        "jenis_jabatan": b.jenis_jabatan,
        "pendidikan": b.pendidikan,
        "unit_kerja": pd,
        "jenis_kelamin": b.jenis_kelamin,
    }
    if b.jabatan is not None:
        nilai["jabatan"] = b.jabatan
    if b.tanggal_lahir is not None:
        nilai["tanggal_lahir"] = b.tanggal_lahir
    if b.tmt is not None:
        nilai["tmt"] = b.tmt
    return nilai


def impor_pegawai(
    paths: Iterable[Path | str],
    *,
    pemda_default: Pemda | str | None = None,
    oleh: AbstractBaseUser | None = None,
) -> HasilImpor:
    """Import every roster file, all or nothing. Raises ``ImporGagal`` listing every problem.

    ``pemda_default`` (a ``Pemda`` or its name) serves rows without a ``pemda``; without it such
    rows need the database to hold exactly one pemda.
    """
    semua, names, masalah = baca_dan_validasi(paths)
    if not semua:
        raise ImporGagal(masalah)
    hasil = HasilImpor(baris=len(semua), files=names)
    alasan = ("impor:" + ",".join(sorted({Path(n).name for n in names})))[:100]
    with transaction.atomic():
        pemda_baris, m_pemda = _pemda_baris(semua, pemda_default, names)
        pd_baris, m_pd = _unit_kerja(semua, pemda_baris)
        masalah += m_pemda + m_pd + _nip_ganda(semua, pemda_baris)
        if masalah:
            raise ImporGagal(masalah)
        ada = _tersimpan(semua, pemda_baris)
        baru: list[Pegawai] = []
        berubah: list[Pegawai] = []
        for i, b in enumerate(semua):
            pemda, nilai = pemda_baris[i], _isian(b, pd_baris[i])
            lama = ada.get((pemda.pk, b.nip))
            if lama is None:
                baru.append(Pegawai(pemda=pemda, nip=b.nip, **nilai))
                continue
            keluar = lama.tanggal_keluar
            if keluar and b.tmt and b.tmt > keluar:
                masalah.append(
                    Masalah(
                        b.file,
                        b.nomor,
                        "tmt",
                        f"{b.tmt.isoformat()} sesudah tanggal keluar yang tercatat "
                        f"({keluar.isoformat()})",
                    )
                )
                continue
            beda = [
                k
                for k, v in nilai.items()
                if (lama.unit_kerja_id != v.pk if k == "unit_kerja" else getattr(lama, k) != v)
            ]
            for k in beda:
                setattr(lama, k, nilai[k])
            if beda:
                berubah.append(lama)
            else:
                hasil.tetap += 1
        if masalah:
            raise ImporGagal(masalah)
        riwayat = {"batch_size": 1000, "default_user": oleh, "default_change_reason": alasan}
        if baru:
            bulk_create_with_history(baru, Pegawai, **riwayat)
        if berubah:
            bulk_update_with_history(berubah, Pegawai, list(FIELD_DIIMPOR), **riwayat)
        hasil.dibuat, hasil.diubah = len(baru), len(berubah)
    return hasil


__all__ = [
    "HasilImpor",
    "ImporGagal",
    "Masalah",
    "baca_dan_validasi",
    "baca_tanggal",
    "impor_pegawai",
    "normalisasi_golongan",
    "normalisasi_jenis_jabatan",
    "normalisasi_pendidikan",
]
