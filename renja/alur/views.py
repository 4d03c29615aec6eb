"""Thin views: the dashboard and the Renja workflow screens (domain.md §6).

Roles and transitions are checked by ``renja.akses`` and ``renja.services``; an
``AksesDitolak`` (a ``PermissionDenied``) becomes a 403 page.
"""

from __future__ import annotations

from collections.abc import Callable

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from renja import akses, selectors, services
from renja.alur import selectors as selectors_alur
from renja.context_processors import pilih_konteks
from renja.models import Renja, StatusRenja

S = StatusRenja

# One button per target state: the service that makes the transition and its labels.
LAYANAN: dict[str, Callable[..., Renja]] = {
    S.DIAJUKAN: services.renja_ajukan,
    S.DIVERIFIKASI: services.renja_verifikasi,
    S.DIKEMBALIKAN: services.renja_kembalikan,
    S.DITETAPKAN: services.renja_tetapkan,
}
TOMBOL: dict[str, str] = {
    S.DIAJUKAN: "Ajukan ke Bappeda",
    S.DIVERIFIKASI: "Verifikasi",
    S.DIKEMBALIKAN: "Kembalikan",
    S.DITETAPKAN: "Tetapkan",
}
BERHASIL: dict[str, str] = {
    S.DIAJUKAN: "diajukan ke Bappeda",
    S.DIVERIFIKASI: "diverifikasi",
    S.DIKEMBALIKAN: "dikembalikan dengan catatan",
    S.DITETAPKAN: "ditetapkan dan kini terkunci",
}


class TransisiForm(forms.Form):
    catatan = forms.CharField(required=False, max_length=4000, widget=forms.Textarea)


@login_required
def beranda(request: HttpRequest) -> HttpResponse:
    renja_list = selectors.renja_terlihat(user=request.user)
    return render(request, "renja/beranda.html", {"renja_list": renja_list})


@login_required
def kepala(request: HttpRequest) -> HttpResponse:
    """The full header (navigation by role, waiting count, working context), loaded by htmx."""
    return render(request, "renja/alur/_kepala.html", {"lengkap": True})


@login_required
def menunggu(request: HttpRequest) -> HttpResponse:
    kelompok = selectors_alur.renja_menunggu(user=request.user)
    return render(request, "renja/alur/menunggu.html", {"kelompok": kelompok})


def _renja_terlihat(request: HttpRequest, renja_id: int) -> Renja:
    try:
        renja = selectors_alur.renja_untuk_alur(renja_id=renja_id)
    except Renja.DoesNotExist:
        raise Http404("Renja tidak ditemukan.") from None
    akses.wajib_melihat(request.user, renja.perangkat_daerah)
    pilih_konteks(request, pd_id=renja.perangkat_daerah_id, tahun=renja.tahun)
    return renja


def _halaman_renja(
    request: HttpRequest,
    renja: Renja,
    *,
    gagal_ke: str = "",
    form_gagal: TransisiForm | None = None,
    status: int = 200,
) -> HttpResponse:
    tersedia = services.transisi_tersedia(renja=renja, user=request.user)
    tombol = [
        {
            "ke": ke,
            "label": TOMBOL[ke],
            "form": form_gagal if ke == gagal_ke and form_gagal else TransisiForm(),
            "catatan_wajib": ke == S.DIKEMBALIKAN,
        }
        for ke in tersedia
    ]
    riwayat = selectors_alur.riwayat_renja(renja=renja)
    kembali = [r for r in riwayat if r.ke == S.DIKEMBALIKAN]
    konteks = {
        "renja": renja,
        "galat_umum": form_gagal.non_field_errors() if form_gagal else [],
        "riwayat": riwayat,
        # The note to act on while the Renja is returned.
        "pengembalian": kembali[-1] if kembali and renja.status == S.DIKEMBALIKAN else None,
        "langkah": _langkah(renja.status),
        "tombol": tombol,
    }
    return render(request, "renja/alur/renja.html", konteks, status=status)


def _langkah(status: str) -> list[dict[str, str]]:
    """The main path draft → diajukan → diverifikasi → ditetapkan, marked for the page."""
    jalur: list[str] = [S.DRAFT, S.DIAJUKAN, S.DIVERIFIKASI, S.DITETAPKAN]
    # A returned Renja is back before submission.
    posisi = jalur.index(S.DRAFT if status == S.DIKEMBALIKAN else status)
    hasil = []
    for i, s in enumerate(jalur):
        keadaan = "lewat" if i < posisi else ("kini" if i == posisi else "nanti")
        label = StatusRenja(s).label
        if i == posisi and status == S.DIKEMBALIKAN:
            label = StatusRenja.DIKEMBALIKAN.label
        hasil.append({"label": label, "keadaan": keadaan})
    return hasil


@login_required
def renja_alur(request: HttpRequest, renja_id: int) -> HttpResponse:
    return _halaman_renja(request, _renja_terlihat(request, renja_id))


@login_required
@require_POST
def renja_transisi(request: HttpRequest, renja_id: int, ke: str) -> HttpResponse:
    renja = _renja_terlihat(request, renja_id)
    layanan = LAYANAN.get(ke)
    if layanan is None:
        raise Http404("Perubahan status tidak dikenal.")
    form = TransisiForm(request.POST)
    if form.is_valid():
        catatan = form.cleaned_data["catatan"]
        try:
            layanan(renja=renja, oleh=request.user, catatan=catatan)
        except ValidationError as galat:
            # A missing return note belongs to the note field; anything else (the state
            # moved since the page was loaded) to the form as a whole.
            form.add_error(
                "catatan" if ke == S.DIKEMBALIKAN and not catatan.strip() else None, galat
            )
        else:
            messages.success(request, f"{renja} telah {BERHASIL[ke]}.")
            return redirect("alur:renja", renja_id=renja.pk)
    renja.refresh_from_db(fields=["status", "ditetapkan_pada"])
    return _halaman_renja(request, renja, gagal_ke=ke, form_gagal=form, status=400)
