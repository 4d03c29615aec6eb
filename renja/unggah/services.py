"""Excel round trip: a template workbook out, the filled workbook back in, a preview, apply.

1. ``templat_tulis`` writes one sheet for a perangkat daerah and year: the plan (target and
   pagu of year N) or a quarter (realisasi K and Rp of triwulan n). Every row carries a hidden
   key (``I<indikator id>`` or ``N<node id>``) so an upload maps back to exactly one owner; cell
   A1 (hidden column) names the template (agency, year, kind).
2. ``unggahan_periksa`` refuses hostile or malformed files before openpyxl parses them (size,
   not a zip, macros, zip bombs, XML entities), then reads every row without writing: formula
   cells, bad numbers, foreign keys, duplicates, locked Renja. It returns a ``Pratinjau``: each
   filled cell as old → new with the revision read, or raises ``UnggahanDitolak`` listing every
   problem as sheet, row, column, message.
3. ``pratinjau_simpan``/``pratinjau_ambil`` keep the validated change set in the server-side
   session under a random token; the client only ever sends the token back.
4. ``pratinjau_terapkan`` re-checks access, then hands the changes to the one value writer
   (``renja.nilai.services.nilai_tulis``): lock, level and every revision read (a value changed
   by someone else since the preview refuses the whole upload), all in one transaction with
   history (change reason ``excel``, the uploading user).
"""

from __future__ import annotations

import io
import re
import secrets
import zipfile
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from decimal import Decimal, InvalidOperation
from typing import IO, Any

from django.contrib.auth.models import AbstractBaseUser
from django.db import IntegrityError, transaction
from django.utils import timezone
from openpyxl import Workbook, load_workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill, Protection
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from inti.berkas import Masalah
from inti.parsing import ParseError, format_angka, parse_angka, satuan_sama
from renja import akses, selectors
from renja.models import (
    Indikator,
    Jenis,
    Level,
    Nilai,
    PerangkatDaerah,
)
from renja.nilai.aturan import Penolakan, PerubahanNilai
from renja.nilai.selectors import pemilik_untuk
from renja.nilai.services import JALUR_EXCEL, NilaiDitolak, nilai_tulis
from renja.services import jenis_terkunci, renja_pemilik

ALASAN = JALUR_EXCEL
BATAS_UKURAN = 5 * 1024 * 1024  # bytes of the uploaded file
BATAS_UKURAN_ISI = 50 * 1024 * 1024  # uncompressed bytes of every archive member together
BATAS_RASIO = 200  # uncompressed / compressed size of one member
BATAS_ANGGOTA = 500  # archive members
BATAS_BARIS = 20_000  # sheet rows
BATAS_KOLOM = 30  # columns read per row
BATAS_DIGIT = 16  # digits before the decimal mark (Nilai.angka: 20 digits, 4 decimals)
SESI_KUNCI = "unggah_pratinjau"
SESI_MAKS = 5  # previews kept per session

PENANDA = "SAKIP-UNGGAH v1"
BARIS_JUDUL = 6  # header row; instructions above it
KOLOM = ("kunci", "Kode", "Uraian", "Indikator", "Satuan")
KOL_K = 6  # F: indicator value (target / realisasi K)
KOL_RP = 7  # G: sub kegiatan budget (pagu / realisasi Rp)
TEMPLAT_SAH = ("rencana", "tw1", "tw2", "tw3", "tw4", "perubahan")
KUNCI_RE = re.compile(r"^([IN])(\d{1,12})$")
TEKS_KUALITATIF_RE = re.compile(r"^[^\d]+$")

ABU = PatternFill("solid", fgColor="E4E8EC")
KUNING = PatternFill("solid", fgColor="FFF6CC")
JUDUL = PatternFill("solid", fgColor="0B4F6C")


class UnggahanDitolak(Exception):
    """The upload is refused as a whole; ``masalah`` says where and why."""

    def __init__(self, masalah: Iterable[Masalah]) -> None:
        self.masalah = sorted(set(masalah), key=lambda m: (m.file, m.baris, m.kolom, m.pesan))
        super().__init__(f"{len(self.masalah)} masalah; tidak ada yang diubah")


@dataclass(frozen=True)
class Templat:
    """Which values a template carries: the plan of a year (murni or after the Perubahan) or
    one quarter's realisations."""

    kode: str  # "rencana", "perubahan" or "tw1".."tw4"
    tahun: int

    @property
    def triwulan(self) -> int:
        return int(self.kode[2]) if self.kode.startswith("tw") else 0

    @property
    def jenis_k(self) -> str:
        return {"rencana": Jenis.TARGET, "perubahan": Jenis.TARGET_PERUBAHAN}.get(
            self.kode, Jenis.REALISASI
        )

    @property
    def jenis_rp(self) -> str:
        return {"rencana": Jenis.PAGU, "perubahan": Jenis.PAGU_PERUBAHAN}.get(
            self.kode, Jenis.REALISASI_ANGGARAN
        )

    @property
    def judul_k(self) -> str:
        if self.kode == "rencana":
            return f"Target {self.tahun}"
        if self.kode == "perubahan":
            return f"Target perubahan {self.tahun}"
        return f"Realisasi K TW {self.triwulan} {self.tahun}"

    @property
    def judul_rp(self) -> str:
        if self.kode == "rencana":
            return f"Pagu {self.tahun} (Rp)"
        if self.kode == "perubahan":
            return f"Pagu perubahan {self.tahun} (Rp)"
        return f"Realisasi Rp TW {self.triwulan} {self.tahun}"

    @property
    def label(self) -> str:
        if self.kode == "rencana":
            return f"Rencana {self.tahun} (target dan pagu)"
        if self.kode == "perubahan":
            return f"Renja Perubahan {self.tahun} (target dan pagu setelah perubahan)"
        return f"Realisasi triwulan {self.triwulan} tahun {self.tahun}"


def templat_dari(kode: str, tahun: int) -> Templat:
    if kode not in TEMPLAT_SAH:
        raise ValueError(f"templat {kode!r} tidak dikenal")
    return Templat(kode=kode, tahun=tahun)


@dataclass
class Perubahan:
    """One filled cell of an upload and what is stored now (JSON-safe for the session)."""

    baris: int
    kolom: str
    pemilik: str  # "i" (indikator) or "n" (node)
    pemilik_id: int
    jenis: str
    triwulan: int
    kode: str
    nama: str  # indicator name or node uraian, for the preview
    angka: str | None  # Decimal as text
    teks: str
    satuan: str
    lama_angka: str | None
    lama_teks: str
    lama_revisi: int | None  # None: no value stored yet

    @property
    def baru(self) -> bool:
        return self.lama_revisi is None

    @property
    def tampil_lama(self) -> str:
        if self.lama_revisi is None:
            return "–"
        return tampil(self.lama_angka, self.lama_teks)

    @property
    def tampil_baru(self) -> str:
        return tampil(self.angka, self.teks)


@dataclass
class Pratinjau:
    pd_id: int
    tahun: int
    templat: str
    nama_berkas: str
    perubahan: list[Perubahan] = field(default_factory=list)
    sama: int = 0
    token: str = ""

    @property
    def jumlah_baru(self) -> int:
        return sum(1 for p in self.perubahan if p.baru)

    @property
    def jumlah_berubah(self) -> int:
        return sum(1 for p in self.perubahan if not p.baru)

    def ke_sesi(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def dari_sesi(cls, data: dict[str, Any]) -> Pratinjau:
        data = dict(data)
        data["perubahan"] = [Perubahan(**p) for p in data["perubahan"]]
        return cls(**data)


@dataclass
class HasilUnggah:
    baru: int = 0
    berubah: int = 0
    sama: int = 0

    def ringkasan(self) -> str:
        return f"{self.baru} nilai baru, {self.berubah} nilai berubah, {self.sama} sama."


def tampil(angka: str | Decimal | None, teks: str = "") -> str:
    """A stored value the Indonesian way: ``1.234.567,5``; text as is."""
    if angka is None or angka == "":
        return teks or "–"
    d = Decimal(angka).normalize()
    desimal = max(0, -int(d.as_tuple().exponent))
    return format_angka(d, min(desimal, 4))


# --- 1. Template ---------------------------------------------------------------------


@dataclass
class _Baris:
    kunci: str
    kode: str
    uraian: str
    indikator: str = ""
    satuan: str = ""
    k: Nilai | None = None
    rp: Nilai | None = None
    boleh_k: bool = False
    boleh_rp: bool = False
    level: str = ""


def _baris_rencana(*, pd: PerangkatDaerah, templat: Templat) -> list[_Baris]:
    """The plan's rows in tree order with their stored values: four queries."""
    renstra = selectors.renstra_untuk_tahun(pd=pd, tahun=templat.tahun)
    if renstra is None:
        return []
    nodes = selectors.node_pohon(renstra=renstra)
    indikator: dict[int, list[Indikator]] = {}
    for ind in Indikator.objects.filter(program_kegiatan__renstra=renstra).order_by("urutan", "pk"):
        assert ind.program_kegiatan_id is not None
        indikator.setdefault(ind.program_kegiatan_id, []).append(ind)
    saring = {"tahun": templat.tahun, "triwulan": templat.triwulan}
    nilai_node = {
        n.program_kegiatan_id: n
        for n in Nilai.objects.filter(
            program_kegiatan__renstra=renstra, jenis=templat.jenis_rp, **saring
        )
    }
    nilai_ind = {
        n.indikator_id: n
        for n in Nilai.objects.filter(
            indikator__program_kegiatan__renstra=renstra, jenis=templat.jenis_k, **saring
        )
    }
    rows: list[_Baris] = []
    for node in nodes:
        sub = node.level == Level.SUB_KEGIATAN
        rows.append(
            _Baris(
                kunci=f"N{node.pk}",
                kode=node.kode,
                uraian=node.uraian,
                rp=nilai_node.get(node.pk),
                boleh_rp=sub,
                level=node.level,
            )
        )
        for ind in indikator.get(node.pk, []):
            rows.append(
                _Baris(
                    kunci=f"I{ind.pk}",
                    kode=node.kode,
                    uraian=node.uraian,
                    indikator=ind.nama,
                    satuan=ind.satuan,
                    k=nilai_ind.get(ind.pk),
                    boleh_k=True,
                    level=node.level,
                )
            )
    return rows


def _isi_sel(nilai: Nilai | None) -> Any:
    if nilai is None:
        return None
    if nilai.angka is not None:
        d = nilai.angka.normalize()
        return int(d) if d == d.to_integral_value() else d
    return nilai.teks


def nama_berkas(*, pd: PerangkatDaerah, templat: Templat) -> str:
    return f"unggah_{pd.kode}_{templat.tahun}_{templat.kode}.xlsx"


def templat_tulis(
    *, pd: PerangkatDaerah, tahun: int, templat: str, oleh: akses.AnyUser
) -> tuple[str, bytes]:
    """The template workbook (file name, bytes) of a plan or a quarter. Readers only."""
    akses.wajib_melihat(oleh, pd)
    t = templat_dari(templat, tahun)
    rows = _baris_rencana(pd=pd, templat=t)

    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = {"rencana": "Rencana", "perubahan": "Perubahan"}.get(t.kode, f"TW{t.triwulan}")
    ws["A1"] = f"{PENANDA};pd={pd.pk};tahun={t.tahun};templat={t.kode}"
    ws["B1"] = f"{t.label} – {pd.nama} ({pd.kode}), {pd.pemda.nama}"
    ws["B1"].font = Font(bold=True, size=13)
    petunjuk = (
        f"Petunjuk: isi hanya sel berwarna kuning (kolom {t.judul_k} pada baris indikator, "
        f"kolom {t.judul_rp} pada baris sub kegiatan). Kolom abu-abu jangan diubah; "
        "urutan baris boleh diubah, tetapi jangan menyalin baris.",
        "Angka boleh ditulis dengan format Indonesia (1.234.567,89) atau format Excel biasa; "
        "tanpa rumus (rumus ditolak: tempel sebagai nilai). Target kualitatif (mis. BB) "
        "boleh berupa teks."
        if t.triwulan == 0
        else "Angka boleh ditulis dengan format Indonesia (1.234.567,89) atau format Excel "
        "biasa; tanpa rumus (rumus ditolak: tempel sebagai nilai).",
        "Sel kosong berarti tidak ada perubahan; nilai tidak dapat dihapus lewat unggahan. "
        "Setelah diunggah, aplikasi menampilkan laporan pemeriksaan dan pratinjau perubahan "
        "sebelum disimpan.",
        f"Kolom kunci (A) tersembunyi menghubungkan setiap baris dengan datanya. "
        f"Templat ini hanya untuk {pd.kode} tahun {t.tahun}; diunduh "
        f"{timezone.localtime():%d-%m-%Y %H:%M}.",
    )
    for i, teks in enumerate(petunjuk, start=2):
        ws.cell(row=i, column=2, value=teks).alignment = Alignment(wrap_text=False)
        ws.cell(row=i, column=2).font = Font(italic=True, color="35506B")

    judul = (*KOLOM, t.judul_k, t.judul_rp)
    for col, teks in enumerate(judul, start=1):
        c = ws.cell(row=BARIS_JUDUL, column=col, value=teks)
        c.font = Font(bold=True, color="FFFFFF")
        c.fill = JUDUL
        c.alignment = Alignment(wrap_text=True, vertical="center")

    dv_k = DataValidation(
        type="decimal",
        operator="greaterThanOrEqual",
        formula1="-1000000000000",
        allow_blank=True,
        errorStyle="warning",
        showErrorMessage=True,
        showInputMessage=True,
        promptTitle=t.judul_k,
        prompt="Angka (1.234,5 atau 1234.5)"
        + ("; target kualitatif boleh teks" if t.triwulan == 0 else ""),
        errorTitle="Periksa nilai",
        error="Bukan angka Excel. Teks angka Indonesia (1.234,5) tetap diterima saat diunggah.",
    )
    dv_rp = DataValidation(
        type="decimal",
        operator="greaterThanOrEqual",
        formula1="0",
        allow_blank=True,
        errorStyle="warning",
        showErrorMessage=True,
        showInputMessage=True,
        promptTitle=t.judul_rp,
        prompt="Rupiah, tidak negatif, tanpa rumus",
        errorTitle="Periksa nilai",
        error="Anggaran harus angka rupiah tidak negatif.",
    )
    ws.add_data_validation(dv_k)
    ws.add_data_validation(dv_rp)

    r = BARIS_JUDUL
    for row in rows:
        r += 1
        nilai = (row.kunci, row.kode, row.uraian, row.indikator, row.satuan)
        for col, v in enumerate(nilai, start=1):
            c = ws.cell(row=r, column=col, value=v)
            c.fill = ABU
            c.protection = Protection(locked=True)
            if not row.indikator and col in (2, 3):
                c.font = Font(bold=row.level != Level.SUB_KEGIATAN)
        for col, boleh, isi, dv in (
            (KOL_K, row.boleh_k, row.k, dv_k),
            (KOL_RP, row.boleh_rp, row.rp, dv_rp),
        ):
            c = ws.cell(row=r, column=col)
            if boleh:
                c.value = _isi_sel(isi)
                c.fill = KUNING
                c.protection = Protection(locked=False)
                c.number_format = "#,##0.####" if col == KOL_K else "#,##0"
                dv.add(c)
            else:
                c.fill = ABU
                c.protection = Protection(locked=True)
    if not rows:
        ws.cell(row=BARIS_JUDUL + 1, column=2, value="Belum ada Renstra yang memuat tahun ini.")

    ws.column_dimensions["A"].hidden = True
    for kolom, lebar in zip("BCDEFG", (22, 48, 48, 14, 18, 22), strict=True):
        ws.column_dimensions[kolom].width = lebar
    ws.freeze_panes = ws.cell(row=BARIS_JUDUL + 1, column=2)
    ws["F" + str(BARIS_JUDUL)].comment = Comment(
        "Kolom isian. Sel abu-abu tidak diisi.", "SAKIP Renja"
    )
    # Protect the sheet (no password): pre-filled cells stay read-only in Excel, the yellow
    # cells stay editable. This is a guard against slips, not security: the upload re-checks.
    ws.protection.sheet = True
    ws.protection.formatColumns = False
    ws.protection.formatRows = False
    ws.protection.sort = False
    ws.protection.autoFilter = False
    buf = io.BytesIO()
    wb.save(buf)
    return nama_berkas(pd=pd, templat=t), buf.getvalue()


# --- 2. Reading and checking an upload -------------------------------------------------


def _tolak(nama: str, pesan: str, baris: int = 0, kolom: str = "-") -> UnggahanDitolak:
    return UnggahanDitolak([Masalah(nama, baris, kolom, pesan)])


def periksa_arsip(data: bytes, nama: str) -> None:
    """Refuse what is not a plain .xlsx before openpyxl reads a byte of XML."""
    if len(data) > BATAS_UKURAN:
        raise _tolak(nama, f"berkas lebih dari {BATAS_UKURAN // (1024 * 1024)} MB")
    akhiran = nama.rsplit(".", 1)[-1].lower() if "." in nama else ""
    if akhiran in ("xlsm", "xltm", "xlam"):
        raise _tolak(nama, "berkas Excel bermakro (.xlsm) tidak diterima; simpan sebagai .xlsx")
    if akhiran != "xlsx":
        raise _tolak(
            nama,
            f"format .{akhiran or '(tanpa ekstensi)'} tidak diterima; unggah templat .xlsx "
            "yang diunduh dari aplikasi ini",
        )
    if not data.startswith(b"PK\x03\x04") or not zipfile.is_zipfile(io.BytesIO(data)):
        raise _tolak(nama, "bukan berkas Excel .xlsx (isinya bukan arsip XLSX); unduh templat")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as arsip:
            anggota = arsip.infolist()
            if len(anggota) > BATAS_ANGGOTA:
                raise _tolak(nama, f"arsip berisi lebih dari {BATAS_ANGGOTA} bagian; ditolak")
            total = 0
            nama_anggota = set()
            for info in anggota:
                nama_anggota.add(info.filename)
                lower = info.filename.lower()
                if lower.endswith("vbaproject.bin") or lower.endswith("vbadata.xml"):
                    raise _tolak(nama, "berkas berisi makro (vbaProject.bin); makro tidak diterima")
                total += info.file_size
                if info.file_size > 1024 * 1024 and info.file_size > BATAS_RASIO * max(
                    info.compress_size, 1
                ):
                    raise _tolak(
                        nama,
                        f"bagian {info.filename} terlalu termampatkan "
                        f"({info.file_size:,} byte dari {info.compress_size:,}); "
                        "berkas ditolak (zip bomb)",
                    )
            if total > BATAS_UKURAN_ISI:
                raise _tolak(
                    nama,
                    f"isi berkas bila dibuka {total // (1024 * 1024)} MB, lebih dari "
                    f"{BATAS_UKURAN_ISI // (1024 * 1024)} MB; berkas ditolak (zip bomb)",
                )
            if "[Content_Types].xml" not in nama_anggota or "xl/workbook.xml" not in nama_anggota:
                raise _tolak(nama, "bukan berkas Excel .xlsx (bagian workbook tidak ada)")
            jenis_isi = arsip.read("[Content_Types].xml")
            if b"macroEnabled" in jenis_isi or b"vbaProject" in jenis_isi:
                raise _tolak(nama, "berkas berisi makro; simpan sebagai .xlsx tanpa makro")
            for info in anggota:
                if info.filename.endswith((".xml", ".rels")):
                    with arsip.open(info) as fh:
                        kepala = fh.read(2048)
                    if b"<!DOCTYPE" in kepala or b"<!ENTITY" in kepala:
                        raise _tolak(nama, f"bagian {info.filename} berisi DOCTYPE; ditolak")
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, OSError) as exc:
        raise _tolak(nama, f"arsip XLSX rusak ({exc.__class__.__name__})") from exc


def _baca_lembar(data: bytes, nama: str) -> tuple[str, str, list[tuple[int, list[Any]]]]:
    """Sheet name, cell A1 (the template mark), header + data rows. Formula cells refused."""
    try:
        wb = load_workbook(io.BytesIO(data), read_only=True, data_only=False, keep_links=False)
    except Exception as exc:  # openpyxl raises many kinds on malformed XML
        raise _tolak(nama, f"berkas XLSX tidak dapat dibaca ({exc.__class__.__name__})") from exc
    try:
        if not wb.worksheets:
            raise _tolak(nama, "berkas tidak berisi lembar kerja")
        ws = wb.worksheets[0]
        lembar = ws.title
        rows: list[tuple[int, list[Any]]] = []
        rumus: list[Masalah] = []
        penanda = ""
        for nomor, cells in enumerate(ws.iter_rows(max_col=BATAS_KOLOM), start=1):
            if nomor > BATAS_BARIS:
                raise _tolak(
                    lembar, f"lebih dari {BATAS_BARIS:,} baris; berkas ditolak".replace(",", ".")
                )
            values: list[Any] = []
            for col, cell in enumerate(cells, start=1):
                v = cell.value
                if getattr(cell, "data_type", None) == "f" or (
                    isinstance(v, str) and v.startswith("=")
                ):
                    ref = f"{get_column_letter(col)}{nomor}"
                    teks = str(getattr(v, "text", v))[:40]
                    rumus.append(
                        Masalah(
                            lembar,
                            nomor,
                            ref,
                            f"sel {ref} berisi rumus {teks!r}; rumus tidak diterima, "
                            "tempel sebagai nilai",
                        )
                    )
                    v = None
                values.append(v)
            if nomor == 1 and values:
                penanda = str(values[0] or "")
            if nomor >= BARIS_JUDUL:
                rows.append((nomor, values))
        if rumus:
            raise UnggahanDitolak(rumus)
        return lembar, penanda, rows
    finally:
        wb.close()


def _baca_penanda(penanda: str) -> dict[str, str]:
    if not penanda.startswith(PENANDA + ";"):
        return {}
    bagian = dict(p.split("=", 1) for p in penanda.split(";")[1:] if "=" in p)
    return bagian


def _teks(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, float | int | Decimal) and not isinstance(v, bool):
        return format(Decimal(str(v)), "f")
    return str(v).strip()


@dataclass
class _Nilai:
    angka: Decimal | None
    teks: str
    satuan: str


def _baca_nilai(
    raw: Any, *, jenis: str, satuan_indikator: str, anggaran: bool
) -> tuple[_Nilai | None, str]:
    """A filled cell as a value, or an error message (Indonesian)."""
    if isinstance(raw, bool):
        return None, f"{raw!r} bukan angka"
    if isinstance(raw, int | float | Decimal):
        try:
            angka = Decimal(str(raw))
        except InvalidOperation:
            return None, f"angka tidak dikenali {raw!r}"
        if not angka.is_finite():
            return None, f"angka tidak dikenali {raw!r}"
        satuan = ""
    else:
        teks = str(raw).strip()
        if jenis == Jenis.TARGET and TEKS_KUALITATIF_RE.match(teks) and teks not in "-–—−":
            return _Nilai(None, " ".join(teks.split()), ""), ""
        try:
            parsed = parse_angka(teks)
        except ParseError as exc:
            return None, f"angka tidak dikenali {teks!r}: {exc.alasan}"
        angka = parsed.nilai
        satuan = "%" if parsed.persen else (parsed.satuan or "")
        if anggaran and satuan and satuan.lower() not in ("rp", "rupiah"):
            return None, f"anggaran dalam rupiah; satuan {satuan!r} tidak sah"
        if (
            not anggaran
            and satuan
            and satuan_indikator
            and not satuan_sama(satuan, satuan_indikator)
        ):
            return None, (f"satuan {satuan!r} berbeda dengan satuan indikator {satuan_indikator!r}")
    if anggaran and angka < 0:
        return None, f"anggaran tidak boleh negatif ({tampil(angka)})"
    if jenis == Jenis.REALISASI and angka < 0:
        return None, f"realisasi tidak boleh negatif ({tampil(angka)})"
    eksponen = angka.as_tuple().exponent
    if isinstance(eksponen, int) and eksponen < -4:
        if angka != angka.quantize(Decimal("0.0001")):
            return None, f"{_teks(raw)}: paling banyak 4 angka di belakang koma"
        angka = angka.quantize(Decimal("0.0001"))
    if angka.adjusted() >= BATAS_DIGIT:
        return None, f"angka terlalu besar ({raw})"
    return _Nilai(angka, "", satuan), ""


def unggahan_periksa(
    *,
    pd: PerangkatDaerah,
    tahun: int,
    berkas: IO[bytes],
    nama: str,
    ukuran: int | None = None,
    oleh: akses.AnyUser,
) -> Pratinjau:
    """Phase 1: check the upload and compute the change set. Writes nothing."""
    akses.wajib(akses.dapat_mengubah_nilai(oleh, pd), f"Anda tidak berhak mengubah data {pd.kode}.")
    if ukuran is not None and ukuran > BATAS_UKURAN:
        raise _tolak(nama, f"berkas lebih dari {BATAS_UKURAN // (1024 * 1024)} MB")
    data = berkas.read(BATAS_UKURAN + 1)
    periksa_arsip(data, nama)
    lembar, penanda, rows = _baca_lembar(data, nama)

    meta = _baca_penanda(penanda)
    if not meta or meta.get("templat") not in TEMPLAT_SAH:
        raise _tolak(
            lembar,
            "bukan templat unggahan aplikasi ini (penanda di sel A1 tidak ada); "
            "unduh templat terlebih dahulu",
            1,
            "A",
        )
    if meta.get("pd") != str(pd.pk):
        lain = (
            PerangkatDaerah.objects.filter(pk=meta.get("pd") or 0).select_related("pemda").first()
        )
        siapa = f"{lain.kode} {lain.pemda.nama}" if lain and lain.pk else "perangkat daerah lain"
        raise _tolak(
            lembar,
            f"templat ini untuk {siapa}, bukan {pd.kode} {pd.pemda.nama}; tidak ada yang diubah",
            1,
            "A",
        )
    if meta.get("tahun") != str(tahun):
        raise _tolak(
            lembar,
            f"templat ini untuk tahun {meta.get('tahun')}, bukan {tahun}; tidak ada yang diubah",
            1,
            "A",
        )
    t = templat_dari(meta["templat"], tahun)
    _periksa_kunci_renja(pd=pd, templat=t, lembar=lembar)

    if not rows or [_teks(v) for v in rows[0][1][: len(KOLOM)]] != list(KOLOM):
        raise _tolak(
            lembar, "baris judul kolom templat berubah; unduh templat baru", BARIS_JUDUL, "-"
        )
    judul = [_teks(v) for v in rows[0][1]]
    if judul[KOL_K - 1 : KOL_RP] != [t.judul_k, t.judul_rp]:
        raise _tolak(
            lembar,
            f"judul kolom nilai harus {t.judul_k!r} dan {t.judul_rp!r}; unduh templat baru",
            BARIS_JUDUL,
            "-",
        )

    # What the template's keys may point at: this agency's plan of this year, four queries.
    sah = {b.kunci: b for b in _baris_rencana(pd=pd, templat=t)}
    masalah: list[Masalah] = []
    pratinjau = Pratinjau(pd_id=pd.pk, tahun=tahun, templat=t.kode, nama_berkas=nama)
    dilihat: dict[str, int] = {}
    for nomor, values in rows[1:]:
        values = values + [None] * (KOL_RP - len(values))
        kunci = _teks(values[0])
        isi = {KOL_K: values[KOL_K - 1], KOL_RP: values[KOL_RP - 1]}
        terisi = {c: v for c, v in isi.items() if _teks(v) != ""}
        if any(_teks(v) for v in values[KOL_RP:]):
            masalah.append(
                Masalah(lembar, nomor, "-", "ada isian di luar kolom templat; hapus isian itu")
            )
        if not kunci:
            if terisi:
                masalah.append(
                    Masalah(lembar, nomor, "kunci", "baris tanpa kunci; jangan menambah baris")
                )
            continue
        m = KUNCI_RE.match(kunci)
        if not m:
            masalah.append(Masalah(lembar, nomor, "kunci", f"kunci {kunci!r} rusak"))
            continue
        if kunci in dilihat:
            masalah.append(
                Masalah(
                    lembar,
                    nomor,
                    "kunci",
                    f"baris ganda: baris yang sama sudah ada di baris {dilihat[kunci]}",
                )
            )
            continue
        dilihat[kunci] = nomor
        row = sah.get(kunci)
        if row is None:
            masalah.append(
                Masalah(
                    lembar,
                    nomor,
                    "kunci",
                    f"baris ini bukan bagian rencana {pd.kode} tahun {tahun} "
                    "(perangkat daerah atau tahun lain, atau sudah dihapus)",
                )
            )
            continue
        if _teks(values[1]) != row.kode:
            masalah.append(
                Masalah(
                    lembar,
                    nomor,
                    "Kode",
                    f"kode {_teks(values[1])!r} tidak sesuai dengan kunci baris ({row.kode}); "
                    "jangan mengubah kolom abu-abu",
                )
            )
            continue
        for col, raw in terisi.items():
            judul_kol = t.judul_k if col == KOL_K else t.judul_rp
            boleh = row.boleh_k if col == KOL_K else row.boleh_rp
            if not boleh:
                masalah.append(
                    Masalah(
                        lembar,
                        nomor,
                        judul_kol,
                        "sel ini tidak diisi pada baris ini"
                        + (
                            " (anggaran hanya pada sub kegiatan)"
                            if col == KOL_RP
                            else " (nilai indikator diisi pada baris indikator)"
                        ),
                    )
                )
                continue
            jenis = t.jenis_k if col == KOL_K else t.jenis_rp
            nilai, pesan = _baca_nilai(
                raw, jenis=jenis, satuan_indikator=row.satuan, anggaran=col == KOL_RP
            )
            if nilai is None:
                masalah.append(Masalah(lembar, nomor, judul_kol, pesan))
                continue
            lama = row.k if col == KOL_K else row.rp
            if lama is not None and (lama.angka, lama.teks) == (nilai.angka, nilai.teks):
                pratinjau.sama += 1
                continue
            pratinjau.perubahan.append(
                Perubahan(
                    baris=nomor,
                    kolom=judul_kol,
                    pemilik="i" if m[1] == "I" else "n",
                    pemilik_id=int(m[2]),
                    jenis=jenis,
                    triwulan=t.triwulan,
                    kode=row.kode,
                    nama=row.indikator or row.uraian,
                    angka=None if nilai.angka is None else format(nilai.angka, "f"),
                    teks=nilai.teks,
                    satuan=nilai.satuan or (lama.satuan if lama is not None else ""),
                    lama_angka=None
                    if lama is None or lama.angka is None
                    else format(lama.angka.normalize(), "f"),
                    lama_teks="" if lama is None else lama.teks,
                    lama_revisi=None if lama is None else lama.revisi,
                )
            )
    if masalah:
        raise UnggahanDitolak(masalah)
    return pratinjau


def _periksa_kunci_renja(*, pd: PerangkatDaerah, templat: Templat, lembar: str) -> None:
    if templat.kode == "perubahan" and not renja_pemilik(
        pd=pd, tahun=templat.tahun, jenis=templat.jenis_rp
    ):
        raise _tolak(
            lembar,
            f"Belum ada Renja Perubahan {pd.kode} {templat.tahun}; buat dulu dari Renja murni "
            "yang ditetapkan",
        )
    terkunci = jenis_terkunci(
        pd=pd, pasangan=[(templat.tahun, templat.jenis_k), (templat.tahun, templat.jenis_rp)]
    )
    if terkunci:
        raise _tolak(
            lembar,
            f"Renja {pd.kode} {templat.tahun} sudah ditetapkan; nilainya tidak dapat diubah",
        )


# --- 3. Keeping the preview server-side ------------------------------------------------


def pratinjau_simpan(session: Any, pratinjau: Pratinjau) -> str:
    """Store the change set in the session under a fresh random token; returns the token."""
    token = secrets.token_urlsafe(18)
    pratinjau.token = token
    semua = dict(session.get(SESI_KUNCI, {}))
    while len(semua) >= SESI_MAKS:
        semua.pop(next(iter(semua)))
    semua[token] = pratinjau.ke_sesi()
    session[SESI_KUNCI] = semua
    return token


def pratinjau_ambil(session: Any, token: str, *, hapus: bool = False) -> Pratinjau | None:
    semua = dict(session.get(SESI_KUNCI, {}))
    data = semua.pop(token, None) if hapus else semua.get(token)
    if hapus:
        session[SESI_KUNCI] = semua
    return Pratinjau.dari_sesi(data) if data else None


# --- 4. Applying -----------------------------------------------------------------------


def pratinjau_terapkan(
    *, pd: PerangkatDaerah, tahun: int, pratinjau: Pratinjau, oleh: AbstractBaseUser
) -> HasilUnggah:
    """Phase 2: write the previewed changes, all or nothing, in a fixed number of queries."""
    akses.wajib(akses.dapat_mengubah_nilai(oleh, pd), f"Anda tidak berhak mengubah data {pd.kode}.")
    if pratinjau.pd_id != pd.pk or pratinjau.tahun != tahun:
        raise akses.AksesDitolak("Pratinjau ini milik perangkat daerah atau tahun lain.")
    lembar = pratinjau.nama_berkas
    try:
        with transaction.atomic():
            # The owners must still be this agency's (a node may have been deleted meanwhile).
            pemilik = pemilik_untuk(
                pd_id=pd.pk,
                indikator_ids={p.pemilik_id for p in pratinjau.perubahan if p.pemilik == "i"},
                node_ids={p.pemilik_id for p in pratinjau.perubahan if p.pemilik == "n"},
            )
            hilang = [
                Masalah(lembar, p.baris, p.kolom, "baris ini sudah tidak ada di rencana")
                for p in pratinjau.perubahan
                if (p.pemilik, p.pemilik_id) not in pemilik
            ]
            if hilang:
                raise UnggahanDitolak(hilang)
            tulis = nilai_tulis(
                perubahan=[
                    PerubahanNilai(
                        pemilik=pemilik[(p.pemilik, p.pemilik_id)],
                        jenis=p.jenis,
                        tahun=tahun,
                        triwulan=p.triwulan,
                        angka=None if p.angka is None else Decimal(p.angka),
                        teks=p.teks,
                        satuan=p.satuan,
                        # Every revision read for the preview is re-checked: a value changed
                        # by someone else since then refuses the whole upload.
                        cek_revisi=True,
                        revisi_dibaca=p.lama_revisi,
                        asal=p,
                    )
                    for p in pratinjau.perubahan
                ],
                oleh=oleh,
                jalur=ALASAN,
            )
    except NilaiDitolak as exc:
        raise UnggahanDitolak(_masalah_penolakan(exc.penolakan, lembar=lembar)) from None
    except IntegrityError as exc:
        # Someone created one of these values between our read and our write.
        raise _tolak(
            lembar, "nilai sudah diubah orang lain sejak pratinjau; unggah ulang berkas"
        ) from exc
    return HasilUnggah(baru=tulis.baru, berubah=tulis.berubah, sama=pratinjau.sama + tulis.sama)


def _masalah_penolakan(penolakan: Iterable[Penolakan], *, lembar: str) -> list[Masalah]:
    """The writer's refusals as the upload reports them: a lock for the sheet, the rest by row."""
    masalah: list[Masalah] = []
    for t in penolakan:
        p: Perubahan = t.perubahan.asal
        if t.sebab == "berubah":
            kini: Nilai | None = t.nilai
            sekarang = "kosong" if kini is None else tampil(kini.angka, kini.teks)
            pesan = (
                f"nilai sudah diubah orang lain sejak pratinjau (kini {sekarang}, "
                f"di pratinjau {p.tampil_lama}); unggah ulang berkas"
            )
            masalah.append(Masalah(lembar, p.baris, p.kolom, pesan))
        elif t.sebab in ("terkunci", "perubahan_belum_ada"):
            masalah.append(Masalah(lembar, 0, "-", t.pesan.rstrip(".")))
        else:
            masalah.append(Masalah(lembar, p.baris, p.kolom, t.pesan.rstrip(".")))
    return masalah


__all__ = [
    "HasilUnggah",
    "Perubahan",
    "Pratinjau",
    "UnggahanDitolak",
    "nama_berkas",
    "periksa_arsip",
    "pratinjau_ambil",
    "pratinjau_simpan",
    "pratinjau_terapkan",
    "templat_tulis",
    "unggahan_periksa",
]
