"""Thin views: the computed tables of one plan as HTML (the templates the PDFs reuse).

Each view checks access (``renja.akses``), asks ``evaluasi.services.tabel_hitung`` for the
stored table (recomputed only when an input changed) and renders it. Nothing is computed here.
"""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from evaluasi import services
from inti import katalog
from inti.konstanta import TAHUN_SAH, TRIWULAN_LABEL, VERSI_RENJA
from inti.serial import tabel_dari_json
from renja import akses
from renja.models import PerangkatDaerah, Renja


def tabel_halaman() -> list[tuple[str, str, str]]:
    """(kode, singkat, nama) of every plan table, in document order (the catalogue's)."""
    return [(j.kode, j.singkat, j.nama) for j in katalog.semua("pd")]


def _pd_yang_boleh_dilihat(request: HttpRequest, pd_id: int, tahun: int) -> PerangkatDaerah:
    if tahun not in TAHUN_SAH:
        raise Http404("Tahun tidak dikenal.")
    pd = get_object_or_404(PerangkatDaerah.objects.select_related("pemda"), pk=pd_id)
    akses.wajib_melihat(request.user, pd)  # AksesDitolak is a PermissionDenied: 403
    return pd


def _pesan(
    request: HttpRequest, *, pd: PerangkatDaerah, tahun: int, kode: str, pesan: str
) -> HttpResponse:
    jenis = katalog.cari(kode)
    context = {
        "pd": pd,
        "tahun": tahun,
        "kode": kode,
        "nama_tabel": jenis.judul if jenis else "Tabel",
        "pesan": pesan,
        "triwulan_pilihan": TRIWULAN_LABEL if jenis and jenis.butuh_triwulan else (),
    }
    return render(request, "evaluasi/pesan.html", context, status=404)


def rencana(request: HttpRequest, pd_id: int, tahun: int) -> HttpResponse:
    """Overview of one perangkat daerah's plan year: links to every table."""
    pd = _pd_yang_boleh_dilihat(request, pd_id, tahun)
    renja_list = Renja.objects.filter(perangkat_daerah=pd, tahun=tahun).order_by("versi")
    context = {
        "pd": pd,
        "tahun": tahun,
        "tabel_list": tabel_halaman(),
        "triwulan_pilihan": TRIWULAN_LABEL,
        "renja_list": renja_list,
    }
    return render(request, "evaluasi/rencana.html", context)


def tabel(request: HttpRequest, pd_id: int, tahun: int, tabel: str) -> HttpResponse:
    """One table; ``?triwulan=1..4`` for E.81, ``?versi=perubahan`` optional."""
    jenis = katalog.cari(tabel, lingkup="pd")
    if jenis is None:
        raise Http404("Tabel tidak dikenal.")
    pd = _pd_yang_boleh_dilihat(request, pd_id, tahun)
    versi = request.GET.get("versi") or "murni"
    if versi not in VERSI_RENJA:
        return _pesan(
            request, pd=pd, tahun=tahun, kode=tabel, pesan="Versi harus murni atau perubahan."
        )
    triwulan: int | None = None
    if jenis.butuh_triwulan:
        teks = request.GET.get("triwulan", "")
        if teks not in {str(q) for q, _ in TRIWULAN_LABEL}:
            return _pesan(
                request,
                pd=pd,
                tahun=tahun,
                kode=tabel,
                pesan=f"Formulir {jenis.singkat} disusun per triwulan: pilih triwulan 1–4.",
            )
        triwulan = int(teks)
    try:
        hasil = services.tabel_hitung(
            pd=pd, tahun=tahun, tabel=tabel, triwulan=triwulan, versi=versi
        )
    except (services.RencanaTidakAda, services.TabelTidakDapatDibuat) as exc:
        return _pesan(request, pd=pd, tahun=tahun, kode=tabel, pesan=str(exc))
    context = {
        "pd": pd,
        "tahun": tahun,
        "kode": tabel,
        "triwulan": triwulan,
        "versi": versi,
        "hasil": hasil,
        "tabel": tabel_dari_json(hasil.isi),
        "tabel_list": tabel_halaman(),
        "triwulan_pilihan": TRIWULAN_LABEL,
    }
    return render(request, "evaluasi/tabel.html", context)
