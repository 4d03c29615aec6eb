"""PDF of one official table: the web page's partial in a print page, then WeasyPrint.

The table is rendered by ``templates/evaluasi/_tabel.html`` (the same markup as the web
page) inside ``templates/cetak/tabel.html``, styled by ``static/css/tabel.css`` and
``static/css/cetak.css`` (paged media: landscape A4 or F4, header rows repeated on every
page, "Halaman X dari Y" in the page margin, the vendored Liberation Sans).

Nothing is fetched over the network: ``PengambilUrl`` serves ``/static/`` and ``/media/``
from the disk and refuses every other URL. A document renderer that places tables inside a
whole document uses ``html_tabel(..., lengkap=False)``, ``css_cetak()``, ``BASE_URL`` and
``PengambilUrl()`` so that its tables look exactly like these.
"""

from __future__ import annotations

import logging
import mimetypes
import re
from pathlib import Path
from typing import IO, Any
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from weasyprint import CSS, HTML
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import URLFetcher, URLFetcherResponse

from inti.ekspor import KonteksCetak
from inti.konstanta import KERTAS, UKURAN_KERTAS
from inti.tabel import Tabel

# The HTML's base: "/static/css/x.css" resolves to BASE_URL + "static/css/x.css", which
# PengambilUrl serves from the disk. ".invalid" is reserved: it can never reach a network.
BASE_URL = "http://cetak.invalid/"

# Page sizes, landscape (width × height); F4 is the Indonesian folio, 215 × 330 mm.

LEMBAR_GAYA = ("css/tabel.css", "css/cetak.css")

# WeasyPrint reports every layout step at INFO; its warnings (logger "weasyprint") stay.
logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)

_NOMOR_JUDUL = re.compile(r"^((?:Tabel|Formulir)\s+\S+?)\.?\s+(\S.*)$")


class PengambilUrl(URLFetcher):
    """Serves ``/static/`` (the static files finders) and ``/media/`` from the disk.

    Accepts ``data:`` URLs and ``file:`` URLs inside the static directories; refuses
    everything else, so a stray external URL in a narrative never triggers a request.
    """

    def fetch(self, url: str, headers: Any = None) -> URLFetcherResponse:
        path = self._jalur(url)
        if path is None:
            if url.startswith("data:"):
                return super().fetch(url, headers)
            raise ValueError(f"URL luar tidak diambil saat mencetak: {url}")
        jenis = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        return URLFetcherResponse(path.as_uri(), path.read_bytes(), headers={"Content-Type": jenis})

    @staticmethod
    def _jalur(url: str) -> Path | None:
        bagian = urlsplit(url)
        jalur = unquote(bagian.path)
        if bagian.scheme in ("http", "https") and bagian.netloc == urlsplit(BASE_URL).netloc:
            return _berkas_situs(jalur)
        if bagian.scheme == "file":
            path = Path(jalur).resolve()
            if any(path.is_relative_to(akar) for akar in _akar_statis()) and path.is_file():
                return path
        return None


def _akar_statis() -> list[Path]:
    akar = [Path(p).resolve() for p in settings.STATICFILES_DIRS]
    return [*akar, Path(settings.STATIC_ROOT).resolve()]


def _berkas_situs(jalur: str) -> Path | None:
    """A site path ("/static/css/x.css", "/media/logo.png") as a file on the disk."""
    for awalan, akar in (
        (settings.STATIC_URL, None),
        (settings.MEDIA_URL, Path(settings.MEDIA_ROOT)),
    ):
        awalan = "/" + str(awalan).strip("/") + "/"
        if not jalur.startswith(awalan):
            continue
        relatif = jalur[len(awalan) :]
        if ".." in Path(relatif).parts:
            return None
        if akar is None:
            found = finders.find(relatif)
            if isinstance(found, list):
                found = found[0] if found else None
            candidate = Path(found) if found else Path(settings.STATIC_ROOT) / relatif
        else:
            candidate = akar / relatif
        return candidate if candidate.is_file() else None
    return None


def url_statis(relatif: str) -> str:
    """The URL WeasyPrint should use for a static file (resolved by ``PengambilUrl``)."""
    return BASE_URL + str(settings.STATIC_URL).strip("/") + "/" + relatif


def css_cetak(kertas: str = "A4", *, font_config: FontConfiguration | None = None) -> list[CSS]:
    """The print stylesheets: tables, print layout with its fonts, and the page size.

    Pass the same ``font_config`` to ``write_pdf``: it holds the @font-face fonts.
    """
    if kertas not in UKURAN_KERTAS:
        raise ValueError(f"Kertas {kertas!r} tidak dikenal; pilih {' atau '.join(KERTAS)}.")
    pengambil = PengambilUrl()
    lembar = [
        CSS(url=url_statis(nama), url_fetcher=pengambil, font_config=font_config)
        for nama in LEMBAR_GAYA
    ]
    ukuran = CSS(
        string=f"@page {{ size: {UKURAN_KERTAS[kertas].ukuran_css}; }}", font_config=font_config
    )
    return [*lembar, ukuran]


def pisah_judul(judul: str) -> tuple[str, str]:
    """ "Tabel T-C.33 Rumusan …" → ("Tabel T-C.33", "Rumusan …"); ("", judul) otherwise."""
    m = _NOMOR_JUDUL.match(judul)
    return (m.group(1), m.group(2)) if m else ("", judul)


def konteks_template(tabel: Tabel, konteks: KonteksCetak | None = None) -> dict[str, Any]:
    """The context ``evaluasi/_tabel.html`` needs, from a ``KonteksCetak``."""
    k: KonteksCetak = konteks or {}
    nomor, judul = pisah_judul(tabel.judul)
    pd: dict[str, Any] = {
        "nama": k.get("pd_nama") or k.get("perangkat_daerah", ""),
        "kode": k.get("pd_kode", ""),
        "pemda": {"nama": k.get("pemda", "")},
    }
    return {
        "tabel": tabel,
        "pd": pd,
        "versi": k.get("versi", "murni"),
        "cetak": True,
        "nomor_tabel": nomor,
        "judul_tabel": judul,
        "kertas": k.get("kertas", "A4"),
    }


def html_tabel(tabel: Tabel, *, konteks: KonteksCetak | None = None, lengkap: bool = True) -> str:
    """The table as print HTML: a whole page (``lengkap``) or the fragment for a document.

    Render it with ``base_url=BASE_URL``, ``url_fetcher=PengambilUrl()`` and
    ``stylesheets=css_cetak(kertas)``.
    """
    context = konteks_template(tabel, konteks)
    nama = "cetak/tabel.html" if lengkap else "evaluasi/_tabel.html"
    return render_to_string(nama, context)


def tulis_pdf(tabel: Tabel, keluaran: IO[bytes], *, konteks: KonteksCetak | None = None) -> None:
    kertas = (konteks or {}).get("kertas", "A4")
    fonts = FontConfiguration()
    stylesheets = css_cetak(kertas, font_config=fonts)
    dokumen = HTML(
        string=html_tabel(tabel, konteks=konteks),
        base_url=BASE_URL,
        url_fetcher=PengambilUrl(),
    )
    dokumen.write_pdf(keluaran, stylesheets=stylesheets, font_config=fonts)


class EksportirPdf:
    format = "pdf"

    def tulis(
        self, tabel: Tabel, keluaran: IO[bytes], *, konteks: KonteksCetak | None = None
    ) -> None:
        tulis_pdf(tabel, keluaran, konteks=konteks)
