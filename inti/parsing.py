"""Membaca kode nomenklatur dan angka seperti tercetak di dokumen perencanaan daerah.

Pure Python (tanpa Django): dipakai oleh ``import_plan``, formulir, API dan skrip, sehingga
satu aturan berlaku di mana-mana. Semua angka adalah ``Decimal``; ``float`` tidak pernah dipakai
karena anggaran dan persentase harus dijumlahkan tanpa galat biner.

Dokumen asli (Renja, Renstra, LKj hasil ekspor PDF/OCR) mencetak angka dan kode dalam banyak bentuk,
kadang dalam satu tabel yang sama. Aturan di bawah total dan deterministik: setiap teks
menghasilkan satu nilai atau satu ``ParseError`` yang menyebut teks dan alasannya. Tidak ada yang
ditebak diam-diam; bacaan yang sah menurut aturan tetapi bisa dimaksudkan lain ditandai
``Angka.ambigu``. Salinan aturan untuk pengguna ada di ``docs/PARSING.md``.

Aturan angka (``parse_angka``)
------------------------------
A1. Spasi di awal/akhir diabaikan. ``""``, ``"-"``, ``"–"``, ``"—"``, ``"−"`` berarti "tidak ada
    nilai": ``parse_angka_opsional`` mengembalikan ``None``, ``parse_angka`` menolak.
A2. Negatif: ``-`` (atau ``−``) tepat di depan angka (``-5``), atau tanda kurung akuntansi di
    sekeliling seluruh nilai (``(17.640.000)`` = -17640000). Tidak keduanya sekaligus; ``+``
    ditolak. ``-0`` dibaca 0.
A3. Awalan ``Rp`` / ``Rp.`` boleh; satuannya menjadi ``"Rp"``.
A4. Angka = digit 0-9 dengan pemisah ``.`` dan ``,``, diawali digit. Sisanya (dengan atau tanpa
    spasi) adalah satuan: tepat ``%``, atau teks yang diawali huruf (huruf, spasi,
    ``/ . - ( ) ' & ² ³``, digit hanya langsung sesudah huruf seperti ``m2``). Selain itu ditolak
    (``100,00%,1%``, ``7484 Eks 5175 lbr``, ``1 234``, notasi ilmiah ``1E3``).
A5. Satu pemisah di ujung angka dibuang: ``12,463,171,770,`` = 12463171770, ``56, orang`` = 56.
A6. Tanpa pemisah: bilangan bulat.
A7. Satu pemisah diikuti tepat 3 digit, dan di depannya 1-3 digit yang tidak diawali 0: pemisah
    ribuan, apa pun karakternya. ``1.234`` = ``1,234`` = 1234 (``ambigu=True``: bisa juga desimal
    tiga angka, tetapi dokumen kita tidak pernah mencetak tiga desimal dan selalu mencetak ribuan).
A8. Satu pemisah selain itu: pemisah desimal, apa pun karakternya. ``72,62`` = ``72.62`` = 72.62;
    ``0,125`` = 0.125; ``1234.567`` = 1234.567; ``1,5`` = 1.5.
A9. Dua pemisah atau lebih, semua kelompok sesudah yang pertama tepat 3 digit, kelompok pertama
    1-3 digit tidak diawali 0: bilangan bulat berpemisah ribuan, juga bila ``.`` dan ``,`` bercampur
    (``666.091,000`` = 666091000, ``ambigu=True`` karena campuran).
A10. Selain itu pemisah terakhir adalah desimal; semua pemisah sebelumnya harus karakter lain yang
    sama, dengan kelompok tepat 3 digit sesudah kelompok pertama 1-3 digit (``1.234.567,89``,
    ``12,815,000,000.00``). Yang lain ditolak: ``1.23.4`` (pemisah ribuan tidak konsisten),
    ``1.234,567.8`` (pemisah ribuan campuran), ``1.23,45`` (kelompok ribuan harus 3 digit).
A11. Satuan ``%`` atau ``persen`` memberi ``persen=True``; nilainya tetap seperti tercetak
    (``72,62%`` = 72.62, bukan 0.7262).

Akibat A7: angka dengan tepat tiga desimal tidak bisa ditulis ulang dalam format Indonesia lalu
dibaca kembali (``1,500`` dibaca 1500). ``format_angka`` karena itu dipakai dengan 0-2 desimal.

Aturan kode (``parse_kode``), bentuk kanonik ``U.BB.PP.K.KK.SSSS``
----------------------------------------------------------------
K1. ``TUJUAN-<kunci>`` / ``SASARAN-<kunci>`` (awalan tanpa peduli huruf besar, ditulis besar;
    kunci huruf, digit dan titik, tanpa spasi, tidak diawali/diakhiri titik): level ``tujuan`` /
    ``sasaran``, tanpa induk.
K2. Karakter yang boleh hanya digit, pemisah (``|`` sel tabel, spasi, ``.``, ``,``) dan ``X``/``x``
    dari kode templat ``X.XX``. Hasil OCR yang rusak (``5(3|1``, ``§|3|zj2.04``) ditolak, tidak
    diperbaiki.
K3. Pemisah boleh dipertukarkan: ``5 03 01 2.02 1`` = ``5 | 03 | 01 | 2 | 02 | 01`` =
    ``5.03.01.2.02.0001``. Sel kosong di awal/akhir diabaikan; bagian kosong di tengah ditolak.
    Bila spasi atau ``|`` memisah bagian, titik hanya boleh di dalam kegiatan (``5 03 01 2.02 1``);
    ``1|2.08`` (potongan kode yang kehilangan selnya) ditolak.
K4. Spasi nyasar: bila bacaan K3 gagal, teks tidak memuat ``|``, dan setiap spasinya menempel pada
    titik/koma atau membelah bagian dua digit menjadi dua digit tunggal, bacaan tanpa spasi dicoba
    (``5.03.0 1.2.06. 09`` = 5.03.01.2.06.0009, ``5.03.02 .2.01.1 0`` = 5.03.02.2.01.0010).
    Spasi lain tidak dibuang (``5.03.01.2.01.02 3`` ditolak, bukan sub kegiatan 0023). Kedua
    bacaan tidak pernah sama-sama sah, jadi tidak ada pilihan yang ditebak. Bila keduanya gagal,
    alasan bacaan K3 yang dilaporkan.
K5. Jumlah bagian: 1 urusan, 2 bidang, 3 program, 5 kegiatan, 6 sub kegiatan. Bagian ke-4 berisi
    tepat 3 digit adalah K dan KK yang tertulis rapat (``5.03.02.201`` = 5.03.02.2.01). Empat bagian
    selain itu (kegiatan tanpa KK) dan lebih dari enam bagian ditolak.
K6. Lebar: urusan 1 digit (1-9) atau ``X``; bidang 1-2 digit atau ``XX`` (hanya bersama ``X``, dan
    ``X`` hanya bersama ``XX``); program 1-2 digit; K 1 digit; KK 1-2 digit; sub kegiatan 1-4 digit
    (maks. 9999). Bagian pendek diberi nol di depan; bagian lebih panjang dan bagian bernilai 0
    ditolak.
K7. Hanya bentuk yang dinilai. Apakah kode ada di nomenklatur, atau cocok dengan level baris, diuji
    pemanggil: kode kegiatan ``5 03 02 2 01`` yang tercetak di baris program (Tabel 4.1 Batam)
    tetap dibaca sebagai kegiatan.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Context, Decimal
from typing import Final, Literal

__all__ = [
    "LEVEL_NOMENKLATUR",
    "Angka",
    "AngkaError",
    "Kode",
    "KodeError",
    "LevelKode",
    "LevelNomenklatur",
    "ParseError",
    "format_angka",
    "format_persen",
    "format_polos",
    "normalisasi_satuan",
    "parse_angka",
    "parse_angka_opsional",
    "parse_kode",
    "romawi",
    "satuan_sama",
]


# --------------------------------------------------------------------------------------------
# Kesalahan
# --------------------------------------------------------------------------------------------


class ParseError(ValueError):
    """Teks tidak bisa dibaca. ``nilai`` = teks asli, ``alasan`` = sebabnya (untuk pesan baris)."""

    def __init__(self, nilai: str, alasan: str) -> None:
        self.nilai = nilai
        self.alasan = alasan
        # Teks asli dikutip apa adanya agar pengguna menemukannya kembali di berkasnya.
        super().__init__(f'"{nilai}": {alasan}')


class KodeError(ParseError):
    """Kode nomenklatur / tujuan / sasaran tidak sah."""


class AngkaError(ParseError):
    """Angka tidak sah."""


# --------------------------------------------------------------------------------------------
# Kode nomenklatur
# --------------------------------------------------------------------------------------------

LevelNomenklatur = Literal["urusan", "bidang", "program", "kegiatan", "sub_kegiatan"]
LevelKode = Literal["urusan", "bidang", "program", "kegiatan", "sub_kegiatan", "tujuan", "sasaran"]

# Urutan level = jumlah bagian kanonik (kegiatan "K.KK" dihitung satu bagian).
LEVEL_NOMENKLATUR: Final[tuple[LevelNomenklatur, ...]] = (
    "urusan",
    "bidang",
    "program",
    "kegiatan",
    "sub_kegiatan",
)

# Jumlah kelompok digit (K dan KK terpisah) -> level. Empat kelompok sengaja tidak ada (K5).
_LEVEL_MENURUT_KELOMPOK: Final[dict[int, LevelNomenklatur]] = {
    1: "urusan",
    2: "bidang",
    3: "program",
    5: "kegiatan",
    6: "sub_kegiatan",
}

_KHUSUS = re.compile(r"(TUJUAN|SASARAN)-(.*)", re.IGNORECASE | re.DOTALL)
_KUNCI_KHUSUS = re.compile(r"[A-Za-z0-9]+(?:\.[A-Za-z0-9]+)*", re.ASCII)
_DIGIT: Final = frozenset("0123456789")
_PEMISAH_KODE: Final = frozenset(".,|")


@dataclass(frozen=True, order=True, slots=True)
class Kode:
    """Kode dalam bentuk kanonik. Buat lewat ``parse_kode``; urutan = urutan ``kanonik``.

    ``bagian`` berisi satu unsur per level: ``("5", "03", "02", "2.01", "0002")``; untuk tujuan/
    sasaran isinya kunci saja.
    """

    kanonik: str
    level: LevelKode
    bagian: tuple[str, ...]

    def __str__(self) -> str:
        return self.kanonik

    @property
    def khusus(self) -> bool:
        """Kode tujuan/sasaran Renstra, bukan nomenklatur."""
        return self.level in ("tujuan", "sasaran")

    @property
    def templat(self) -> bool:
        """Kode templat ``X.XX`` (program penunjang berlaku untuk setiap bidang).

        Nomenklatur yang dibundel mengisi templat ini per bidang (5.03.01, 5.04.01 ...); pemanggil
        mengganti ``X.XX`` dengan bidang perangkat daerahnya lewat ``isi_templat``.
        """
        return not self.khusus and self.bagian[0] == "X"

    @property
    def parent(self) -> Kode | None:
        """Induk langsung (sub kegiatan -> kegiatan -> program -> bidang -> urusan)."""
        if self.khusus or len(self.bagian) <= 1:
            return None
        bagian = self.bagian[:-1]
        return Kode(".".join(bagian), LEVEL_NOMENKLATUR[len(bagian) - 1], bagian)

    def isi_templat(self, bidang: Kode) -> Kode:
        """``X.XX.01.2.01`` + bidang ``5.03`` -> ``5.03.01.2.01``. Kode bukan templat tetap."""
        if not self.templat:
            return self
        if bidang.level != "bidang" or bidang.templat:
            raise KodeError(bidang.kanonik, "pengisi templat X.XX harus kode bidang, mis. 5.03")
        bagian = bidang.bagian + self.bagian[2:]
        return Kode(".".join(bagian), self.level, bagian)


@functools.lru_cache(maxsize=16384)
def parse_kode(raw: str) -> Kode:
    """Baca kode dalam bentuk cetak apa pun (aturan K1-K7 di docstring modul)."""
    teks = raw.strip()
    if not teks:
        raise KodeError(raw, "kode kosong")

    khusus = _KHUSUS.fullmatch(teks)
    if khusus:
        kunci = khusus.group(2)
        if not _KUNCI_KHUSUS.fullmatch(kunci):
            raise KodeError(
                raw,
                f"kunci {khusus.group(1).upper()} harus huruf, angka dan titik tanpa spasi "
                f"(mis. {khusus.group(1).upper()}-1.2), ditemukan '{kunci}'",
            )
        prefiks = khusus.group(1).upper()
        level: LevelKode = "tujuan" if prefiks == "TUJUAN" else "sasaran"
        return Kode(f"{prefiks}-{kunci}", level, (kunci,))
    if teks.upper().startswith(("TUJUAN", "SASARAN")):
        raise KodeError(raw, "kode tujuan/sasaran harus berbentuk TUJUAN-<kunci> / SASARAN-<kunci>")

    for ch in teks:
        if ch in _DIGIT or ch in _PEMISAH_KODE or ch in "xX" or ch.isspace():
            continue
        if ch.isalpha():
            raise KodeError(
                raw, f"huruf '{ch}' tidak boleh ada di kode (hanya X pada templat X.XX)"
            )
        raise KodeError(raw, f"karakter '{ch}' tidak boleh ada di kode")

    # Bacaan utama: spasi, "|", "." dan "," semuanya pemisah (K3).
    try:
        return _susun_kode(raw, _kelompok_terpisah(raw, teks))
    except KodeError as salah_utama:
        # Bacaan kedua untuk spasi nyasar di kode bertitik (K4); hanya tanpa "|", karena sel tabel
        # yang digabung dengan " | " memang bagian yang terpisah. Kedua bacaan tidak mungkin sama-
        # sama sah: bacaan utama dengan lebih dari satu token menuntut token pertama tanpa titik,
        # sehingga tanpa spasi urusan menjadi lebih dari satu karakter. Jadi tidak ada pilihan.
        if "|" in teks or not _spasi_nyasar(teks):
            raise
        try:
            return _susun_kode(raw, _pecah_titik(raw, "".join(teks.split())))
        except KodeError:
            raise salah_utama from None


def _spasi_nyasar(teks: str) -> bool:
    """Semua spasi di kode bertitik adalah sisa ekstraksi PDF yang aman dibuang (K4).

    Aman: spasi yang menempel pada titik/koma (``. 09``, ``01 .2``), atau yang membelah bagian dua
    digit menjadi dua digit tunggal (``.0 1.``). Spasi lain (``…2.01.02 3``) bisa memisahkan angka
    lain; membuangnya berarti menebak, jadi bacaan tanpa spasi tidak dicoba.
    """
    runtun = list(re.finditer(r"\s+", teks))
    if not runtun or not any(c in ".," for c in teks):
        return False
    for m in runtun:
        i, j = m.start(), m.end()
        kiri = teks[i - 1] if i > 0 else ""
        kanan = teks[j] if j < len(teks) else ""
        if kiri in (".", ",") or kanan in (".", ","):
            continue
        kiri_tunggal = kiri in _DIGIT and (i < 2 or teks[i - 2] in ".,")
        kanan_tunggal = kanan in _DIGIT and (j + 1 >= len(teks) or teks[j + 1] in ".,")
        if not (kiri_tunggal and kanan_tunggal):
            return False
    return True


def _pecah_titik(raw: str, token: str) -> list[str]:
    """Pecah satu token pada "." / ","; bagian kosong ("5..03", "5.03.") berarti ada yang hilang."""
    hasil = re.split(r"[.,]", token)
    if any(not h for h in hasil):
        raise KodeError(raw, "ada bagian kosong (pemisah ganda, atau pemisah di awal/akhir)")
    return hasil


def _kelompok_terpisah(raw: str, teks: str) -> list[str]:
    sel = [s.strip() for s in teks.split("|")]
    # Sel kosong di tepi muncul bila sel tabel kosong ikut digabung; di tengah: bagian hilang.
    while sel and not sel[0]:
        sel.pop(0)
    while sel and not sel[-1]:
        sel.pop()
    if not sel:
        raise KodeError(raw, "kode kosong")
    if any(not s for s in sel):
        raise KodeError(raw, "ada sel kosong di antara '|' (bagian kode hilang)")
    token_semua = [token for s in sel for token in s.split()]
    kelompok: list[str] = []
    for token in token_semua:
        bagian = _pecah_titik(raw, token)
        # Bila spasi/"|" memisah bagian, titik hanya muncul pada kegiatan "2.02" (K3). Titik di
        # posisi lain ("1|2.08") adalah potongan kode yang kehilangan selnya; dibaca apa adanya
        # potongan itu menjadi kode lain yang sah (1.02.08), jadi ditolak.
        if len(bagian) > 1 and len(token_semua) > 1 and len(kelompok) != 3:
            raise KodeError(
                raw,
                f"bagian bertitik '{token}' hanya boleh di posisi kegiatan (K.KK) bila bagian "
                "lain dipisah spasi atau '|'",
            )
        kelompok.extend(bagian)
    return kelompok


def _angka_bagian(raw: str, nilai: str, nama: str, lebar: int) -> str:
    """Satu bagian numerik: 1..lebar digit, bukan 0, dikembalikan dengan nol di depan."""
    if not all(c in _DIGIT for c in nilai):
        raise KodeError(raw, f"huruf X hanya boleh pada urusan/bidang templat X.XX, bukan {nama}")
    # Tanpa int(): teks digit yang sangat panjang melewati batas konversi int Python.
    tanpa_nol = nilai.lstrip("0")
    if len(nilai) > lebar:
        if len(tanpa_nol) > lebar:
            raise KodeError(raw, f"{nama} lebih dari {'9' * lebar}: '{nilai}'")
        raise KodeError(raw, f"{nama} paling banyak {lebar} digit: '{nilai}'")
    if not tanpa_nol:
        raise KodeError(raw, f"{nama} tidak boleh 0: '{nilai}'")
    return nilai.zfill(lebar)


def _susun_kode(raw: str, kelompok: list[str]) -> Kode:
    kel = list(kelompok)
    # K+KK rapat: "201" di posisi kegiatan (K5). Satu-satunya pembacaan: K selalu 1 digit, KK 2.
    if len(kel) >= 4 and len(kel[3]) == 3 and all(c in _DIGIT for c in kel[3]):
        kel[3:4] = [kel[3][0], kel[3][1:]]
    n = len(kel)
    if n > 6:
        raise KodeError(raw, f"terlalu banyak bagian ({n}); paling banyak 6: U.BB.PP.K.KK.SSSS")
    if n == 4:
        raise KodeError(
            raw,
            f"kegiatan tidak lengkap: sesudah program harus K.KK (mis. 2.01), ditemukan '{kel[3]}'",
        )
    level = _LEVEL_MENURUT_KELOMPOK[n]

    urusan = kel[0]
    if urusan in ("X", "x"):
        urusan = "X"
    elif "x" in urusan.lower():
        raise KodeError(raw, f"urusan templat harus tepat 'X', ditemukan '{urusan}'")
    elif len(urusan) != 1:
        raise KodeError(raw, f"urusan harus 1 digit, ditemukan '{urusan}'")
    elif urusan == "0":
        raise KodeError(raw, "urusan tidak boleh 0")
    bagian = [urusan]

    if n >= 2:
        bidang = kel[1]
        if urusan == "X":
            if bidang.upper() != "XX":
                raise KodeError(raw, f"urusan templat X harus diikuti bidang XX, bukan '{bidang}'")
            bagian.append("XX")
        elif bidang.upper() == "XX":
            raise KodeError(raw, "bidang XX hanya boleh sesudah urusan templat X")
        else:
            bagian.append(_angka_bagian(raw, bidang, "bidang", 2))
    if n >= 3:
        bagian.append(_angka_bagian(raw, kel[2], "program", 2))
    if n >= 5:
        if len(kel[3]) != 1:
            raise KodeError(raw, f"K pada kegiatan K.KK harus 1 digit, ditemukan '{kel[3]}'")
        k = _angka_bagian(raw, kel[3], "K kegiatan", 1)
        kk = _angka_bagian(raw, kel[4], "nomor kegiatan (KK)", 2)
        bagian.append(f"{k}.{kk}")
    if n == 6:
        bagian.append(_angka_bagian(raw, kel[5], "sub kegiatan", 4))

    return Kode(".".join(bagian), level, tuple(bagian))


# --------------------------------------------------------------------------------------------
# Angka
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Angka:
    """Angka tercetak: ``nilai`` persis (tanpa pembulatan), satuan seperti tertulis.

    ``ambigu`` bernilai True bila aturan A7 atau A9-campuran dipakai: hasilnya pasti menurut
    aturan, tetapi teksnya juga bisa dimaksudkan sebagai desimal tiga angka. Pengimpor boleh
    menyebutnya dalam laporan.
    """

    nilai: Decimal
    satuan: str | None = None
    persen: bool = False
    ambigu: bool = False


_TIDAK_ADA: Final = frozenset({"", "-", "–", "—", "−"})
_MINUS: Final = ("-", "−")
_BADAN = re.compile(
    r"(?P<rp>Rp\.?\s*)?(?P<angka>[0-9][0-9.,]*)(?P<sisa>.*)", re.IGNORECASE | re.DOTALL
)
_TANDA_SATUAN: Final = frozenset("/.-()'&²³ ")
_EKSPONEN = re.compile(r"[eE][+-]?[0-9]+")


def parse_angka_opsional(raw: str) -> Angka | None:
    """Seperti ``parse_angka``, tetapi sel kosong atau tanda strip berarti ``None`` (A1)."""
    if raw.strip() in _TIDAK_ADA:
        return None
    return parse_angka(raw)


def parse_angka(raw: str) -> Angka:
    """Baca angka tercetak menurut aturan A1-A11 di docstring modul."""
    teks = raw.strip()
    if teks in _TIDAK_ADA:
        raise AngkaError(raw, "tidak ada angka (sel kosong atau '-')")

    negatif = False
    if teks.startswith("(") and teks.endswith(")"):
        # Kurung akuntansi (A2): "(17.640.000)".
        negatif = True
        teks = teks[1:-1].strip()
        if teks.startswith(_MINUS) or teks.startswith("("):
            raise AngkaError(raw, "tanda minus dan kurung negatif tidak boleh bersamaan")
    elif teks.startswith(_MINUS):
        negatif = True
        teks = teks[1:]
        if teks[:1] not in _DIGIT and teks[:2].lower() != "rp":
            raise AngkaError(raw, "tanda minus harus langsung diikuti angka")

    cocok = _BADAN.fullmatch(teks)
    if cocok is None:
        raise AngkaError(raw, "bukan angka (harus diawali digit 0-9)")

    nilai, ambigu = _nilai_angka(raw, cocok.group("angka"))
    satuan = _satuan(raw, cocok.group("sisa"))
    if cocok.group("rp") is not None:
        if satuan is not None:
            raise AngkaError(raw, f"sesudah 'Rp' tidak boleh ada satuan lain ('{satuan}')")
        satuan = "Rp"

    if negatif:
        # copy_negate/copy_abs, bukan -x/abs(x): operator memakai presisi konteks (28 digit) dan
        # akan membulatkan angka yang lebih panjang.
        nilai = nilai.copy_negate()
    if nilai.is_zero():
        # "-0" dari OCR bukan nilai negatif; tanpa ini format_angka bisa mencetak "-0".
        nilai = nilai.copy_abs()
    persen = satuan is not None and normalisasi_satuan(satuan) == "%"
    return Angka(nilai=nilai, satuan=satuan, persen=persen, ambigu=ambigu)


def _satuan(raw: str, sisa: str) -> str | None:
    satuan = sisa.strip()
    if not satuan:
        return None
    if satuan == "%":
        return satuan
    if _EKSPONEN.fullmatch(satuan):
        # "1.2E+09" dari spreadsheet: jangan sampai "E3" dibaca sebagai satuan.
        raise AngkaError(raw, "notasi ilmiah (E) tidak didukung; tulis angkanya lengkap")
    if not satuan[0].isalpha():
        if satuan[0] in _DIGIT:
            raise AngkaError(raw, "ada angka kedua sesudah spasi (spasi bukan pemisah ribuan)")
        raise AngkaError(raw, f"teks sesudah angka tidak dikenali: '{satuan}'")
    sebelumnya = ""
    for ch in satuan:
        if ch in _DIGIT:
            # "m2" boleh; "Eks 5175 lbr" (dua nilai dalam satu sel) tidak.
            if not (sebelumnya.isalpha() or sebelumnya in _DIGIT):
                raise AngkaError(raw, f"satuan memuat angka lain: '{satuan}'")
        elif not (ch.isalpha() or ch in _TANDA_SATUAN or ch.isspace()):
            raise AngkaError(raw, f"karakter '{ch}' tidak boleh ada di satuan '{satuan}'")
        sebelumnya = ch
    return satuan


def _awal_ribuan(kelompok: str) -> bool:
    """Kelompok pertama bilangan berpemisah ribuan: 1-3 digit, tidak diawali 0."""
    return 1 <= len(kelompok) <= 3 and kelompok[0] != "0"


def _nilai_angka(raw: str, angka: str) -> tuple[Decimal, bool]:
    """Digit dan pemisah -> (nilai, ambigu), aturan A5-A10."""
    if angka[-1] in ".,":
        angka = angka[:-1]  # A5
    kelompok = re.split(r"[.,]", angka)
    pemisah = re.findall(r"[.,]", angka)
    if any(not k for k in kelompok):
        raise AngkaError(raw, "pemisah ganda")
    if not pemisah:  # A6
        return Decimal(angka), False

    if len(pemisah) == 1:
        depan, belakang = kelompok
        if len(belakang) == 3 and _awal_ribuan(depan):  # A7
            return Decimal(depan + belakang), True
        return Decimal(f"{depan}.{belakang}"), False  # A8

    if _awal_ribuan(kelompok[0]) and all(len(k) == 3 for k in kelompok[1:]):  # A9
        return Decimal("".join(kelompok)), len(set(pemisah)) > 1

    # A10: pemisah terakhir adalah desimal.
    ribuan, desimal = pemisah[:-1], pemisah[-1]
    if len(set(ribuan)) > 1:
        raise AngkaError(raw, "pemisah ribuan campuran ('.' dan ',') sebelum desimal")
    if ribuan[0] == desimal:
        raise AngkaError(
            raw,
            f"pemisah ribuan tidak konsisten: sesudah setiap '{desimal}' harus tepat 3 digit",
        )
    if not _awal_ribuan(kelompok[0]):
        raise AngkaError(
            raw, "kelompok sebelum pemisah ribuan pertama harus 1-3 digit tanpa 0 di depan"
        )
    if any(len(k) != 3 for k in kelompok[1:-1]):
        raise AngkaError(raw, "kelompok ribuan harus tepat 3 digit")
    return Decimal("".join(kelompok[:-1]) + "." + kelompok[-1]), False


# --------------------------------------------------------------------------------------------
# Format
# --------------------------------------------------------------------------------------------


def _bulatkan(value: Decimal | int, desimal: int) -> Decimal:
    """Bulatkan setengah ke atas (ROUND_HALF_UP), satu-satunya tempat pembulatan di modul ini."""
    if isinstance(value, bool) or not isinstance(value, Decimal | int):
        # float ditolak: nilainya sudah tidak persis sebelum sampai di sini.
        raise TypeError(f"nilai harus Decimal atau int, bukan {type(value).__name__}")
    if desimal < 0:
        raise ValueError("desimal tidak boleh negatif")
    d = Decimal(value)
    if not d.is_finite():
        raise ValueError(f"nilai tidak terhingga / bukan angka: {d}")
    # Presisi konteks bawaan (28 digit) bisa kurang untuk angka besar + banyak desimal.
    presisi = max(28, d.adjusted() + desimal + 3)
    hasil = d.quantize(
        Decimal(1).scaleb(-desimal), rounding=ROUND_HALF_UP, context=Context(presisi)
    )
    return hasil.copy_abs() if hasil.is_zero() else hasil


def _tulis(value: Decimal | int, desimal: int, ribuan: str, koma: str) -> str:
    q = _bulatkan(value, desimal)
    tanda = "-" if q < 0 else ""
    bulat, _, pecahan = f"{q.copy_abs():f}".partition(".")
    if ribuan:
        awal = len(bulat) % 3 or 3
        bulat = ribuan.join([bulat[:awal], *(bulat[i : i + 3] for i in range(awal, len(bulat), 3))])
    return tanda + bulat + (koma + pecahan if desimal else "")


def format_angka(value: Decimal | int, desimal: int = 2, *, ribuan: bool = True) -> str:
    """Format Indonesia: ``1.234.567,89``; negatif dengan ``-`` di depan; setengah ke atas."""
    return _tulis(value, desimal, "." if ribuan else "", ",")


_ROMAWI: tuple[tuple[int, str], ...] = (
    (1000, "M"),
    (900, "CM"),
    (500, "D"),
    (400, "CD"),
    (100, "C"),
    (90, "XC"),
    (50, "L"),
    (40, "XL"),
    (10, "X"),
    (9, "IX"),
    (5, "V"),
    (4, "IV"),
    (1, "I"),
)


def romawi(n: int) -> str:
    """A positive number in Roman numerals (triwulan ``4`` → ``IV``, category ``2`` → ``II``)."""
    hasil = ""
    for nilai, huruf in _ROMAWI:
        while n >= nilai:
            hasil += huruf
            n -= nilai
    return hasil


def format_persen(value: Decimal | int, desimal: int = 2) -> str:
    """``72,62%`` (tanpa spasi, seperti PUEBI). ``value`` sudah persen: 72.62, bukan 0.7262."""
    return format_angka(value, desimal) + "%"


def format_polos(value: Decimal | int, desimal: int = 2) -> str:
    """Bentuk mesin untuk CSV: titik desimal, tanpa pemisah ribuan (``1234567.89``)."""
    return _tulis(value, desimal, "", ".")


# --------------------------------------------------------------------------------------------
# Satuan
# --------------------------------------------------------------------------------------------

# Hanya sinonim yang pasti sama; "org" vs "orang" dan sejenisnya sengaja tidak disamakan.
_SINONIM_SATUAN: Final[dict[str, str]] = {"persen": "%", "percent": "%", "prosen": "%"}


def normalisasi_satuan(s: str) -> str:
    """Bentuk pembanding: huruf kecil, spasi dirapatkan, tanpa spasi di sekitar ``/``.

    ``Orang/ bulan`` -> ``orang/bulan``; ``Persen`` -> ``%``. NFKC menyamakan spasi tak-putus dan
    ``m²`` dengan ``m2``.
    """
    t = unicodedata.normalize("NFKC", s).casefold()
    t = " ".join(t.split())
    t = re.sub(r" ?/ ?", "/", t)
    return _SINONIM_SATUAN.get(t, t)


def satuan_sama(a: str, b: str) -> bool:
    """Dua teks satuan menyatakan satuan yang sama (setelah ``normalisasi_satuan``)."""
    return normalisasi_satuan(a) == normalisasi_satuan(b)


BULAN = (
    "Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli",
    "Agustus", "September", "Oktober", "November", "Desember",
)  # fmt: skip


def tanggal_indonesia(d: date, *, hari: bool = False) -> str:
    """``Juli 2024``, or with ``hari`` ``14 Juli 2024`` (how the documents print dates)."""
    bulan_tahun = f"{BULAN[d.month - 1]} {d.year}"
    return f"{d.day} {bulan_tahun}" if hari else bulan_tahun
