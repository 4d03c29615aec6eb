"""The working context every page shows in its header (base.html).

* ``kerja_pilihan`` (no query): the selected perangkat daerah and year as ids, first to last
  from what the view chose (``pilih_konteks``), the page's own URL (``pd_id``/``tahun`` of
  /evaluasi/… and /dokumen/…), the querystring (``?pd=…&tahun=…``, remembered in the session)
  and the session.
* ``kerja`` (lazy, four queries when used): roles, agencies, the selected agency (default the
  first) and year (default its latest Renja year), its Renja versions, the waiting count.

base.html uses only ``kerja_pilihan`` and loads the header's navigation and context bar with
htmx from ``alur:kepala``, which renders ``kerja``: the shell adds no query to a page whose
query count is budgeted (the table pages).
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject

from renja.alur import selectors as selectors_alur

SESI_PD = "konteks_pd"
SESI_TAHUN = "konteks_tahun"


def pilih_konteks(request: HttpRequest, *, pd_id: int, tahun: int) -> None:
    """A view showing one agency and year makes it the header's selection."""
    request.konteks_pilihan = (pd_id, tahun)  # type: ignore[attr-defined]


def _angka(nilai: object) -> int | None:
    try:
        return int(str(nilai))
    except (TypeError, ValueError):
        return None


def _pilihan_halaman(request: HttpRequest) -> tuple[int | None, int | None] | None:
    """The agency and year the page itself is about, if any."""
    dipilih = getattr(request, "konteks_pilihan", None)
    if dipilih is not None:
        return dipilih
    kwargs = request.resolver_match.kwargs if request.resolver_match else {}
    if "pd_id" in kwargs and "tahun" in kwargs:
        return _angka(kwargs["pd_id"]), _angka(kwargs["tahun"])
    return None


def _pilihan(request: HttpRequest) -> tuple[int | None, int | None]:
    halaman = _pilihan_halaman(request)
    if halaman is not None:
        return halaman
    pd_id = _angka(request.GET.get("pd"))
    tahun = _angka(request.GET.get("tahun"))
    sesi = getattr(request, "session", None)
    if sesi is None:
        return pd_id, tahun
    if pd_id is None:
        pd_id = _angka(sesi.get(SESI_PD))
    if tahun is None:
        tahun = _angka(sesi.get(SESI_TAHUN))
    return pd_id, tahun


def _hitung(request: HttpRequest) -> selectors_alur.KonteksKerja:
    pd_id, tahun = _pilihan(request)
    kerja = selectors_alur.konteks_kerja(user=request.user, pd_id=pd_id, tahun=tahun)
    # Remember an explicit choice from the querystring (the header's selector), not the
    # agency of a page merely visited (``sementara``).
    sesi = getattr(request, "session", None)
    dipilih = "pd" in request.GET and "sementara" not in request.GET
    if sesi is not None and dipilih and kerja.pd_aktif is not None:
        pilihan = {SESI_PD: kerja.pd_aktif.pk, SESI_TAHUN: kerja.tahun_aktif}
        if any(sesi.get(k) != v for k, v in pilihan.items()):
            sesi.update(pilihan)
    return kerja


def konteks_kerja(request: HttpRequest) -> dict[str, Any]:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    pd_id, tahun = _pilihan(request)
    pilihan: dict[str, Any] = {"pd": pd_id or "", "tahun": tahun or ""}
    if _pilihan_halaman(request) is not None:
        pilihan["sementara"] = 1
    elif "pd" not in request.GET:
        pilihan["sementara"] = 1  # from the session: already remembered
    return {
        "kerja": SimpleLazyObject(lambda: _hitung(request)),
        "kerja_pilihan": urlencode(pilihan),
    }
