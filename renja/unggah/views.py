"""Thin views of the Excel round trip; the logic is in ``templat``, ``periksa`` and ``services``."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET, require_POST

from renja import akses
from renja.models import PerangkatDaerah, Renja
from renja.unggah import services as unggah
from renja.unggah import susunan
from renja.unggah.periksa import unggahan_periksa
from renja.unggah.templat import templat_tulis


def _pd(pd_id: int) -> PerangkatDaerah:
    return get_object_or_404(PerangkatDaerah.objects.select_related("pemda"), pk=pd_id)


def _konteks(request: HttpRequest, pd: PerangkatDaerah, tahun: int) -> dict[str, object]:
    renja_list = list(Renja.objects.filter(perangkat_daerah=pd, tahun=tahun))
    ada_perubahan = any(r.versi == Renja.Versi.PERUBAHAN for r in renja_list)
    return {
        "pd": pd,
        "tahun": tahun,
        "boleh_ubah": akses.dapat_mengubah_nilai(request.user, pd),
        "renja_list": renja_list,
        # The Perubahan template once the Perubahan exists (an upload before is refused anyway).
        "templat_list": [
            susunan.templat_dari(k, tahun)
            for k in susunan.TEMPLAT_SAH
            if k != "perubahan" or ada_perubahan
        ],
        "batas_mb": susunan.BATAS_UKURAN // (1024 * 1024),
    }


@login_required
@require_GET
def halaman(request: HttpRequest, pd_id: int, tahun: int) -> HttpResponse:
    pd = _pd(pd_id)
    akses.wajib_melihat(request.user, pd)
    return render(request, "renja/unggah/halaman.html", _konteks(request, pd, tahun))


@login_required
@require_GET
def templat(request: HttpRequest, pd_id: int, tahun: int, templat: str) -> HttpResponse:
    pd = _pd(pd_id)
    if templat not in susunan.TEMPLAT_SAH:
        raise Http404("Templat tidak dikenal.")
    nama, isi = templat_tulis(pd=pd, tahun=tahun, templat=templat, oleh=request.user)
    response = HttpResponse(
        isi, content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    response["Content-Disposition"] = f'attachment; filename="{nama}"'
    return response


@login_required
@require_POST
def periksa(request: HttpRequest, pd_id: int, tahun: int) -> HttpResponse:
    pd = _pd(pd_id)
    akses.wajib(
        akses.dapat_mengubah_nilai(request.user, pd), f"Anda tidak berhak mengubah data {pd.kode}."
    )
    konteks = _konteks(request, pd, tahun)
    berkas = request.FILES.get("berkas")
    if berkas is None:
        konteks["galat"] = "Pilih berkas .xlsx yang akan diunggah."
        return render(request, "renja/unggah/halaman.html", konteks, status=400)
    nama = berkas.name or "unggahan"
    try:
        pratinjau = unggahan_periksa(
            pd=pd, tahun=tahun, berkas=berkas, nama=nama, ukuran=berkas.size, oleh=request.user
        )
    except susunan.UnggahanDitolak as exc:
        konteks.update(masalah=exc.masalah, nama_berkas=nama)
        return render(request, "renja/unggah/halaman.html", konteks, status=422)
    token = unggah.pratinjau_simpan(request.session, pratinjau)
    konteks.update(pratinjau=pratinjau, token=token)
    return render(request, "renja/unggah/pratinjau.html", konteks)


@login_required
@require_POST
def terapkan(request: HttpRequest, pd_id: int, tahun: int, token: str) -> HttpResponse:
    pd = _pd(pd_id)
    akses.wajib(
        akses.dapat_mengubah_nilai(request.user, pd), f"Anda tidak berhak mengubah data {pd.kode}."
    )
    konteks = _konteks(request, pd, tahun)
    pratinjau = unggah.pratinjau_ambil(request.session, token, hapus=True)
    if pratinjau is None:
        konteks["galat"] = "Pratinjau tidak ditemukan atau sudah dipakai; unggah ulang berkas Anda."
        return render(request, "renja/unggah/halaman.html", konteks, status=409)
    try:
        hasil = unggah.pratinjau_terapkan(
            pd=pd,
            tahun=tahun,
            pratinjau=pratinjau,
            oleh=request.user,  # type: ignore[arg-type]
        )
    except susunan.UnggahanDitolak as exc:
        konteks.update(masalah=exc.masalah, nama_berkas=pratinjau.nama_berkas)
        return render(request, "renja/unggah/halaman.html", konteks, status=409)
    konteks.update(hasil=hasil, pratinjau=pratinjau)
    return render(request, "renja/unggah/selesai.html", konteks)
