"""The Renja Perubahan page, mounted at /perubahan/ (thin views: services and the engine decide).

It lives in evaluasi because what it shows is computed (Tabel 5.2, 5.3 and the rekapitulasi);
creating the Perubahan is renja's service (``renja.perubahan.services``).

* ``GET /perubahan/<renja_id>/``: the state of the murni and of its Perubahan, a button to
  create the Perubahan when the user may, the check (pergeseran that do not net to zero) and
  the tables Tabel 5.2, Tabel 5.3 and the rekapitulasi, with links to the downloads page
  (CSV/XLSX/PDF). ``renja_id`` is either version of the year. Reading needs
  ``akses.wajib_melihat`` (else 403).
* ``POST /perubahan/<renja_id>/buat/``: ``renja.perubahan.services.renja_perubahan_buat`` (wrong role:
  ``AksesDitolak`` → 403; a refused state: the page with the message, status 400).
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_POST

from evaluasi import services as evaluasi
from evaluasi.katalog import TABEL_PERUBAHAN
from evaluasi.muat import muat_rencana
from evaluasi.tabel_perubahan import temuan
from inti import katalog
from inti.serial import tabel_dari_json
from renja import akses
from renja.models import Renja
from renja.perubahan import services as layanan


def _renja(request: HttpRequest, renja_id: int) -> Renja:
    renja = get_object_or_404(Renja.objects.select_related("perangkat_daerah__pemda"), pk=renja_id)
    akses.wajib_melihat(request.user, renja.perangkat_daerah)  # PermissionDenied: 403
    return renja


def _konteks(request: HttpRequest, renja: Renja, *, galat: str = "") -> dict[str, Any]:
    pd = renja.perangkat_daerah
    murni, perubahan = layanan.renja_murni_dan_perubahan(renja=renja)
    alasan = (
        layanan.alasan_tidak_dapat_dibuat(
            murni=murni, user=request.user, perubahan=perubahan, cek_ada=False
        )
        if murni is not None
        else "Belum ada Renja murni tahun ini."
    )
    tabel_list: list[dict[str, Any]] = []
    temuan_list: list[str] = []
    pesan_tabel = ""
    if perubahan is not None:
        try:
            # One load of the plan for the three tables and the check.
            data = muat_rencana(pd_obj=pd, tahun=renja.tahun)
        except evaluasi.RencanaTidakAda as exc:
            pesan_tabel = str(exc)
        else:
            temuan_list = temuan(data, tahun=renja.tahun)
            for kode in TABEL_PERUBAHAN:
                hasil = evaluasi.tabel_hitung(pd=pd, tahun=renja.tahun, tabel=kode, data=data)
                tabel_list.append(
                    {
                        "kode": kode,
                        "nama": katalog.jenis_tabel(kode).judul,
                        "tabel": tabel_dari_json(hasil.isi),
                    }
                )
    return {
        "pd": pd,
        "tahun": renja.tahun,
        "murni": murni,
        "perubahan": perubahan,
        "boleh_buat": murni is not None and not alasan,
        "alasan_tidak_buat": alasan,
        "galat": galat,
        "tabel_list": tabel_list,
        "temuan_list": temuan_list,
        "pesan_tabel": pesan_tabel,
        "versi": "perubahan",
    }


@require_GET
def halaman(request: HttpRequest, renja_id: int) -> HttpResponse:
    renja = _renja(request, renja_id)
    return render(request, "evaluasi/perubahan.html", _konteks(request, renja))


@require_POST
def buat(request: HttpRequest, renja_id: int) -> HttpResponse:
    renja = _renja(request, renja_id)
    murni, _ = layanan.renja_murni_dan_perubahan(renja=renja)
    if murni is None:
        galat = "Belum ada Renja murni tahun ini."
    else:
        try:
            baru = layanan.renja_perubahan_buat(murni=murni, oleh=request.user)  # type: ignore[arg-type]
        except ValidationError as exc:
            galat = " ".join(exc.messages)
        else:
            messages.success(request, f"Renja Perubahan {baru.tahun} dibuat sebagai draft.")
            return redirect("perubahan:halaman", renja_id=baru.pk)
    context = _konteks(request, renja, galat=galat)
    return render(request, "evaluasi/perubahan.html", context, status=400)
