"""Render a complete document (Renja or LKj) to PDF as separately cached parts.

A document is a sequence of *parts*: the cover, the kata pengantar, the daftar isi and
daftar tabel, then each chapter's text and each table on its own (landscape) pages.
Every part is rendered to HTML first (cheap: Django templates), and the HTML, with the
page number it starts on, is the part's cache key. Only parts whose key is not in the
cache go through WeasyPrint (the expensive step); the PDF is then the cached parts
merged with pypdf. So after one value changes, only the tables and the narrative that
show it are rendered again; if a part's page count changes, the parts after it start on
another page, get a new key and are rendered again too, so page numbers and the daftar
isi are always right.

Nothing here reads the database except through ``dokumen.isi`` (the content), and
nothing computes a figure: tables come from the evaluation engine, sentences from
``dokumen.narasi``.
"""

from __future__ import annotations

import atexit
import hashlib
import json
import os
import tempfile
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from django.conf import settings
from django.template.loader import render_to_string


def _sidik_templat() -> str:
    """Hash of every template, stylesheet, font and default section text (``dokumen/teks``) a
    document is made with: editing any of them makes every cached part and stored file stale,
    with nothing to remember to bump."""
    akar = Path(settings.BASE_DIR)
    h = hashlib.sha256()
    pola = (
        "templates/dokumen/*.html",
        "templates/cetak/*.html",
        "templates/evaluasi/_tabel.html",
        "inti/templatetags/*.py",
        "dokumen/teks/*/*.md",
        "static/css/tabel.css",
        "static/css/cetak.css",
        "static/css/dokumen.css",
        "static/fonts/*",
    )
    for path in sorted(p for g in pola for p in akar.glob(g)):
        h.update(path.relative_to(akar).as_posix().encode() + b"\0" + path.read_bytes())
    return h.hexdigest()[:16]


# Bump the first part when the renderer's logic changes; the second follows the files.
VERSI_TEMPLAT = f"2026.11.1+{_sidik_templat()}"

CSS_DOKUMEN = ("css/dokumen.css",)

Progres = Callable[[int, str], None]


@dataclass(frozen=True)
class Judul:
    """A heading the daftar isi (or daftar tabel) lists, with its anchor."""

    jangkar: str
    teks: str
    tingkat: int  # 0 = BAB, 1 = section, 2 = subsection; -1 = a table (daftar tabel)


@dataclass
class Bagian:
    """One part of a document, rendered to HTML, not yet to PDF."""

    kunci: str  # human-readable id, e.g. "bab-II" or "tabel-tc29"
    judul: str  # shown in the progress bar
    html: str
    orientasi: str = "potret"  # potret | lanskap
    penomoran: str = "arab"  # arab | romawi | tanpa
    judul_daftar: list[Judul] = field(default_factory=list)


@dataclass(frozen=True)
class BagianJadi:
    """A part rendered to PDF (from the cache or just now)."""

    kunci: str
    path: Path
    halaman: int
    mulai: int  # printed number of its first page
    jangkar: dict[str, int]  # anchor → page index within the part
    dari_cache: bool


@dataclass(frozen=True)
class HasilRender:
    pdf: bytes
    halaman: int
    bagian: list[BagianJadi]
    detik: float

    @property
    def dirender(self) -> int:
        return sum(not b.dari_cache for b in self.bagian)


def _kertas(kertas: str, orientasi: str) -> str:
    ukuran = "215mm 330mm" if kertas == "F4" else "210mm 297mm"
    if orientasi == "lanskap":
        w, h = ukuran.split()
        return f"{h} {w}"
    return ukuran


def _css_halaman(*, kertas: str, orientasi: str, penomoran: str, mulai: int, kaki: str) -> str:
    """The @page rules of one part: size, margins, running footer, first page number.

    Applied after every other stylesheet, so a table's own print footer ("Halaman x dari y"
    of a single-table PDF) gives way to the document's numbering."""
    gaya = {"arab": "decimal", "romawi": "lower-roman"}.get(penomoran)
    nomor = f"counter(page, {gaya})" if gaya else "none"
    kaki_css = json.dumps(kaki) if gaya else "none"  # a CSS string (JSON escaping is valid CSS)
    margin = "12mm 12mm 14mm 12mm" if orientasi == "lanskap" else "22mm 20mm 20mm 25mm"
    return (
        f"@page {{ size: {_kertas(kertas, orientasi)}; margin: {margin};"
        f" @bottom-right {{ content: {nomor}; font-size: 8pt; font-style: normal; }}"
        f" @bottom-left {{ content: {kaki_css}; font-size: 7.5pt; font-style: italic; }} }}"
        f"@page :first {{ counter-reset: page {mulai}; }}"
    )


@lru_cache(maxsize=1)
def _weasy() -> tuple[Any, list[Any]]:
    """WeasyPrint's font configuration and the parsed stylesheets, once per process: the
    tables' print stylesheets (shared with ``export_table --format pdf``) and the document's."""
    from weasyprint import CSS
    from weasyprint.text.fonts import FontConfiguration

    from inti.ekspor_pdf import LEMBAR_GAYA, PengambilUrl, url_statis

    fonts = FontConfiguration()
    pengambil = PengambilUrl()
    sheets = [
        CSS(url=url_statis(nama), url_fetcher=pengambil, font_config=fonts)
        for nama in (*LEMBAR_GAYA, *CSS_DOKUMEN)
    ]
    return fonts, sheets


# Drop WeasyPrint's font configuration before interpreter shutdown (its __del__ fails late).
atexit.register(_weasy.cache_clear)


def _html_lengkap(bagian: Bagian, *, css_halaman: str) -> str:
    # The page CSS is part of the cache key (it carries the first page number) but is
    # applied as the last stylesheet (see render_bagian), so it is only a comment here.
    return (
        '<!doctype html><html lang="id"><head><meta charset="utf-8">'
        f"<!-- {css_halaman} --></head>"
        f'<body class="dokumen {bagian.orientasi}">{bagian.html}</body></html>'
    )


def _kunci_cache(html: str) -> str:
    return hashlib.sha256(f"{VERSI_TEMPLAT}\n{html}".encode()).hexdigest()


def _folder_cache() -> Path:
    folder = Path(settings.DOKUMEN_CACHE_DIR)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _tulis_atomik(path: Path, isi: bytes) -> None:
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
    with os.fdopen(fd, "wb") as fh:
        fh.write(isi)
    os.replace(tmp, path)


def _lokasi(bagian: Bagian, *, mulai: int, kertas: str, kaki: str) -> tuple[str, str, Path]:
    """(page CSS, full HTML, cache path without suffix) of a part starting on page ``mulai``."""
    css_halaman = _css_halaman(
        kertas=kertas,
        orientasi=bagian.orientasi,
        penomoran=bagian.penomoran,
        mulai=mulai,
        kaki=kaki,
    )
    html = _html_lengkap(bagian, css_halaman=css_halaman)
    kunci = _kunci_cache(html)
    folder = _folder_cache() / kunci[:2]
    folder.mkdir(exist_ok=True)
    return css_halaman, html, folder / kunci


def _di_cache(bagian: Bagian, *, mulai: int, kertas: str, kaki: str) -> bool:
    _, _, dasar = _lokasi(bagian, mulai=mulai, kertas=kertas, kaki=kaki)
    return dasar.with_suffix(".pdf").exists() and dasar.with_suffix(".json").exists()


def render_bagian(bagian: Bagian, *, mulai: int, kertas: str, kaki: str) -> BagianJadi:
    """One part to PDF, from the cache when the same HTML starting on the same page exists."""
    css_halaman, html, dasar = _lokasi(bagian, mulai=mulai, kertas=kertas, kaki=kaki)
    pdf_path, meta_path = dasar.with_suffix(".pdf"), dasar.with_suffix(".json")
    if pdf_path.exists() and meta_path.exists():
        meta = json.loads(meta_path.read_text())
        os.utime(pdf_path)  # last use: the cleaner keeps parts that are still used
        return BagianJadi(
            bagian.kunci, pdf_path, meta["halaman"], mulai, meta["jangkar"], dari_cache=True
        )
    from weasyprint import CSS, HTML

    from inti.ekspor_pdf import BASE_URL, PengambilUrl

    fonts, sheets = _weasy()
    halaman = CSS(string=css_halaman, font_config=fonts)
    doc = HTML(string=html, base_url=BASE_URL, url_fetcher=PengambilUrl()).render(
        stylesheets=[*sheets, halaman], font_config=fonts
    )
    jangkar = {a: i for i, page in enumerate(doc.pages) for a in page.anchors}
    _tulis_atomik(pdf_path, doc.write_pdf())
    _tulis_atomik(meta_path, json.dumps({"halaman": len(doc.pages), "jangkar": jangkar}).encode())
    return BagianJadi(bagian.kunci, pdf_path, len(doc.pages), mulai, jangkar, dari_cache=False)


def _petunjuk_path(identitas: str) -> Path:
    folder = _folder_cache() / "petunjuk"
    folder.mkdir(exist_ok=True)
    return folder / f"{hashlib.sha256(identitas.encode()).hexdigest()[:32]}.json"


def _pra_render(
    rencana: list[tuple[Bagian, int]], *, kertas: str, kaki: str, proses: int
) -> set[tuple[str, int]]:
    """Render, in up to ``proses`` forked children at once, the parts that are not cached at
    their predicted start page. Only fills the cache: the caller's sequential pass then finds
    them (a wrong prediction simply misses and renders there). Returns (part, start page) of
    the parts rendered.
    """
    belum = [(b, m) for b, m in rencana if not _di_cache(b, mulai=m, kertas=kertas, kaki=kaki)]
    if proses < 2 or len(belum) < 2 or not hasattr(os, "fork"):
        return set()
    _weasy()  # stylesheets and fonts parsed once, before forking: the children share them
    berjalan: set[int] = set()
    # Longest first (HTML length as the estimate), so that two processes finish together.
    for b, mulai in sorted(belum, key=lambda bm: -len(bm[0].html)):
        while len(berjalan) >= proses:
            pid, _ = os.wait()
            berjalan.discard(pid)
        pid = os.fork()
        if pid == 0:  # child: render one part into the cache, nothing else
            kode = 1
            try:
                render_bagian(b, mulai=mulai, kertas=kertas, kaki=kaki)
                kode = 0
            finally:
                os._exit(kode)
        berjalan.add(pid)
    while berjalan:
        pid, _ = os.wait()
        berjalan.discard(pid)
    return {(b.kunci, m) for b, m in belum}


def _pra_render_berubah(
    depan: list[Bagian],
    isi: list[Bagian],
    *,
    identitas: str,
    kertas: str,
    kaki: str,
    proses: int,
    lapor: Progres,
) -> set[tuple[str, int]]:
    """Render the parts that changed side by side, at the start pages the last render predicts.

    The page counts of this document's parts last time predict the start page of every part,
    so the changed ones can be rendered in parallel before the sequential pass (which stays
    the single source of truth for page numbers). Returns the (part, start page) rendered.
    """
    if not identitas or proses <= 1:
        return set()
    path_petunjuk = _petunjuk_path(identitas)
    if not path_petunjuk.exists():
        return set()
    petunjuk: dict[str, int] = json.loads(path_petunjuk.read_text())
    if not petunjuk:
        return set()
    rencana: list[tuple[Bagian, int]] = []
    for daftar_bagian in (depan, isi):
        halaman_ke = 1
        for b in daftar_bagian:
            if b.kunci not in petunjuk:
                break
            rencana.append((b, halaman_ke))
            if b.penomoran != "tanpa":
                halaman_ke += petunjuk[b.kunci]
    lapor(3, "Menyusun bagian yang berubah (paralel)")
    return _pra_render(rencana, kertas=kertas, kaki=kaki, proses=proses)


def render_dokumen(
    *,
    depan: list[Bagian],
    isi: list[Bagian],
    daftar: Callable[[dict[str, str]], Bagian],
    kertas: str = "A4",
    kaki: str = "",
    progres: Progres | None = None,
    identitas: str = "",
    proses: int | None = None,
) -> HasilRender:
    """Render and merge: front parts (roman numbers), then the daftar isi built from the
    page numbers of the body parts (arabic numbers from 1).

    ``depan``: cover and kata pengantar, in order (the daftar follows them).
    ``daftar``: builds the daftar isi/tabel part from {anchor: printed page number}.
    """
    mulai_waktu = time.perf_counter()
    lapor = progres or (lambda _p, _t: None)
    proses = settings.DOKUMEN_PROSES_RENDER if proses is None else proses
    dipra = _pra_render_berubah(
        depan, isi, identitas=identitas, kertas=kertas, kaki=kaki, proses=proses, lapor=lapor
    )
    total = len(depan) + len(isi) + 1
    selesai = 0

    def maju(b: Bagian) -> None:
        nonlocal selesai
        selesai += 1
        lapor(min(99, int(100 * selesai / total)), b.judul)

    # Front parts first (roman numbers, independent of the body), then the body (arabic
    # from 1), then the daftar isi, which needs both.
    jadi_depan: list[BagianJadi] = []
    nomor_halaman: dict[str, str] = {}
    romawi = 1
    for b in depan:
        lapor(min(99, int(100 * selesai / total)), b.judul)
        r = render_bagian(b, mulai=romawi, kertas=kertas, kaki=kaki)
        jadi_depan.append(r)
        if b.penomoran == "romawi":
            nomor_halaman.update({a: angka_romawi(romawi + i) for a, i in r.jangkar.items()})
            romawi += r.halaman
        maju(b)
    jadi_isi: list[BagianJadi] = []
    halaman = 1
    for b in isi:
        lapor(min(99, int(100 * selesai / total)), b.judul)
        r = render_bagian(b, mulai=halaman, kertas=kertas, kaki=kaki)
        jadi_isi.append(r)
        nomor_halaman.update({a: str(halaman + i) for a, i in r.jangkar.items()})
        halaman += r.halaman
        maju(b)
    b = daftar(nomor_halaman)
    lapor(min(99, int(100 * selesai / total)), b.judul)
    jadi_daftar = render_bagian(b, mulai=romawi, kertas=kertas, kaki=kaki)
    jadi_depan.append(jadi_daftar)
    maju(b)
    # Parts the children rendered for this call count as rendered now, not as cached.
    semua = [
        replace(r, dari_cache=False) if (r.kunci, r.mulai) in dipra else r
        for r in [*jadi_depan, *jadi_isi]
    ]
    if identitas:
        _tulis_atomik(
            _petunjuk_path(identitas),
            json.dumps({r.kunci: r.halaman for r in semua}).encode(),
        )
    pdf = gabung(semua, isi_bab=[(b, j) for b, j in zip(isi, jadi_isi, strict=True)])
    return HasilRender(
        pdf=pdf,
        halaman=sum(r.halaman for r in semua),
        bagian=semua,
        detik=time.perf_counter() - mulai_waktu,
    )


def angka_romawi(n: int) -> str:
    """Lower-case roman numerals, as CSS ``lower-roman`` prints the front pages."""
    hasil = ""
    for nilai, huruf in (
        (1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
        (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"),
    ):  # fmt: skip
        while n >= nilai:
            hasil += huruf
            n -= nilai
    return hasil


def gabung(bagian: Iterable[BagianJadi], *, isi_bab: list[tuple[Bagian, BagianJadi]]) -> bytes:
    """Merge the parts' PDFs into one, with a bookmark per chapter and table."""
    import io

    from pypdf import PdfWriter

    daftar = list(bagian)
    writer = PdfWriter()
    awal: dict[str, int] = {}
    posisi = 0
    for r in daftar:
        writer.append(str(r.path))
        awal[r.kunci] = posisi
        posisi += r.halaman
    for b, r in isi_bab:
        for j in b.judul_daftar:
            if j.tingkat in (0, -1) and j.jangkar in r.jangkar:
                writer.add_outline_item(
                    title=j.teks, page_number=awal[r.kunci] + r.jangkar[j.jangkar]
                )
    writer.add_metadata({"/Producer": "SAKIP Renja"})
    keluaran = io.BytesIO()
    writer.write(keluaran)
    return keluaran.getvalue()


def html_dari(template: str, konteks: dict[str, object]) -> str:
    return render_to_string(template, konteks)
