"""1. The template workbook: one sheet per agency, year and kind, every row keyed to its owner."""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import Any

from django.utils import timezone
from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, Protection
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from renja import akses, selectors
from renja.models import (
    Indikator,
    Level,
    Nilai,
    PerangkatDaerah,
)
from renja.unggah.susunan import (
    ABU,
    BARIS_JUDUL,
    JUDUL,
    KOL_K,
    KOL_RP,
    KOLOM,
    KUNING,
    PENANDA,
    Templat,
    templat_dari,
)

# --- 1. Template ---------------------------------------------------------------------


@dataclass
class BarisTemplat:
    """One row of the template: its hidden key, what it shows and which value cells are open."""

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


def baris_rencana(*, pd: PerangkatDaerah, templat: Templat) -> list[BarisTemplat]:
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
    rows: list[BarisTemplat] = []
    for node in nodes:
        sub = node.level == Level.SUB_KEGIATAN
        rows.append(
            BarisTemplat(
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
                BarisTemplat(
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
    """A stored value as the cell shows it: a whole number as int, else Decimal or text."""
    if nilai is None:
        return None
    if nilai.angka is not None:
        d = nilai.angka.normalize()
        return int(d) if d == d.to_integral_value() else d
    return nilai.teks


def nama_berkas(*, pd: PerangkatDaerah, templat: Templat) -> str:
    """The download file name of this agency's template."""
    return f"unggah_{pd.kode}_{templat.tahun}_{templat.kode}.xlsx"


def templat_tulis(
    *, pd: PerangkatDaerah, tahun: int, templat: str, oleh: akses.AnyUser
) -> tuple[str, bytes]:
    """The template workbook (file name, bytes) of a plan or a quarter. Readers only."""
    akses.wajib_melihat(oleh, pd)
    t = templat_dari(templat, tahun)
    rows = baris_rencana(pd=pd, templat=t)

    wb = Workbook()
    ws = wb.active
    assert ws is not None
    _tulis_kepala(ws, pd=pd, templat=t)
    dv_k, dv_rp = _validasi(ws, templat=t)
    _tulis_baris(ws, rows, dv_k=dv_k, dv_rp=dv_rp)
    _rapikan(ws)
    buf = io.BytesIO()
    wb.save(buf)
    return nama_berkas(pd=pd, templat=t), buf.getvalue()


def _petunjuk(*, pd: PerangkatDaerah, templat: Templat) -> tuple[str, ...]:
    """The instruction lines printed above the header row."""
    t = templat
    return (
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


def _tulis_kepala(ws: Worksheet, *, pd: PerangkatDaerah, templat: Templat) -> None:
    """Sheet name, the template mark in A1, the title, the instructions and the header row."""
    t = templat
    ws.title = {"rencana": "Rencana", "perubahan": "Perubahan"}.get(t.kode, f"TW{t.triwulan}")
    ws["A1"] = f"{PENANDA};pd={pd.pk};tahun={t.tahun};templat={t.kode}"
    ws["B1"] = f"{t.label} – {pd.nama} ({pd.kode}), {pd.pemda.nama}"
    ws["B1"].font = Font(bold=True, size=13)
    for i, teks in enumerate(_petunjuk(pd=pd, templat=t), start=2):
        ws.cell(row=i, column=2, value=teks).alignment = Alignment(wrap_text=False)
        ws.cell(row=i, column=2).font = Font(italic=True, color="35506B")

    judul = (*KOLOM, t.judul_k, t.judul_rp)
    for col, teks in enumerate(judul, start=1):
        c = ws.cell(row=BARIS_JUDUL, column=col, value=teks)
        c.font = Font(bold=True, color="FFFFFF")
        c.fill = JUDUL
        c.alignment = Alignment(wrap_text=True, vertical="center")


def _validasi(ws: Worksheet, *, templat: Templat) -> tuple[DataValidation, DataValidation]:
    """The data validations of the value column and the budget column, added to the sheet."""
    t = templat
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
    return dv_k, dv_rp


def _tulis_baris(
    ws: Worksheet, rows: list[BarisTemplat], *, dv_k: DataValidation, dv_rp: DataValidation
) -> None:
    """One row per plan row under the header: grey locked cells, yellow open value cells."""
    r = BARIS_JUDUL
    for row in rows:
        r += 1
        nilai = (row.kunci, row.kode, row.uraian, row.indikator, row.satuan)
        for col, v in enumerate(nilai, start=1):
            c = ws.cell(row=r, column=col, value=v)
            if isinstance(v, str) and v:
                c.data_type = "s"  # a name typed as "=HYPERLINK(…)" stays text, not a formula
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
                if isinstance(c.value, str) and c.value:
                    c.data_type = "s"
                c.fill = KUNING
                c.protection = Protection(locked=False)
                c.number_format = "#,##0.####" if col == KOL_K else "#,##0"
                dv.add(c)
            else:
                c.fill = ABU
                c.protection = Protection(locked=True)
    if not rows:
        ws.cell(row=BARIS_JUDUL + 1, column=2, value="Belum ada Renstra yang memuat tahun ini.")


def _rapikan(ws: Worksheet) -> None:
    """Hidden key column, column widths, frozen header, the input note and sheet protection."""
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
