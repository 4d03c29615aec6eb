"""Thin views: the computed tables of one plan as HTML (the templates the PDFs reuse).

Each view checks access (``renja.akses``), asks ``evaluasi.services.tabel_hitung`` for the
stored table (recomputed only when an input changed) and renders it. Nothing is computed here.
"""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from evaluasi import services
from inti.serial import tabel_dari_json
from renja import akses
from renja.models import PerangkatDaerah, Renja

# The tables a plan page offers, in document order.
TABEL_HALAMAN: dict[str, tuple[str, str]] = {
    "tc29": (
        "T-C.29",
        "Rekapitulasi evaluasi hasil pelaksanaan Renja dan pencapaian Renstra s/d tahun n-1",
    ),
    "tc30": ("T-C.30", "Pencapaian kinerja pelayanan"),
    "tc31": ("T-C.31", "Review terhadap rancangan awal RKPD"),
    "tc32": ("T-C.32", "Usulan program dan kegiatan dari para pemangku kepentingan"),
    "tc33": ("T-C.33", "Rumusan rencana program dan kegiatan tahun n dan prakiraan maju n+1"),
    "t41": ("Tabel 4.1", "Program dan kegiatan perangkat daerah tahun n"),
    "e81": ("E.81", "Evaluasi terhadap hasil Renja, per triwulan"),
    "pk": ("PK", "Perjanjian Kinerja (awal dan perubahan)"),
    "lkj_capaian": ("LKj", "Capaian indikator kinerja utama"),
    "lkj_anggaran": ("LKj", "Kinerja dan anggaran per program"),
    "lkj_efisiensi": ("LKj", "Efisiensi penggunaan sumber daya"),
    "t52": ("Tabel 5.2", "Penambahan pagu anggaran (Renja Perubahan)"),
    "t53": ("Tabel 5.3", "Pergeseran pagu anggaran (Renja Perubahan)"),
    "perubahan_pagu": ("Perubahan", "Rekapitulasi perubahan pagu per sub kegiatan"),
}
TRIWULAN = ((1, "TW I"), (2, "TW II"), (3, "TW III"), (4, "TW IV"))
VERSI = ("murni", "perubahan")
TAHUN_WAJAR = range(1900, 2201)


def _pd_yang_boleh_dilihat(request: HttpRequest, pd_id: int, tahun: int) -> PerangkatDaerah:
    if tahun not in TAHUN_WAJAR:
        raise Http404("Tahun tidak dikenal.")
    pd = get_object_or_404(PerangkatDaerah.objects.select_related("pemda"), pk=pd_id)
    akses.wajib_melihat(request.user, pd)  # AksesDitolak is a PermissionDenied: 403
    return pd


def _pesan(
    request: HttpRequest, *, pd: PerangkatDaerah, tahun: int, kode: str, pesan: str
) -> HttpResponse:
    context = {
        "pd": pd,
        "tahun": tahun,
        "kode": kode,
        "nama_tabel": " ".join(TABEL_HALAMAN.get(kode, ("Tabel", ""))),
        "pesan": pesan,
        "triwulan_pilihan": TRIWULAN if kode == "e81" else (),
    }
    return render(request, "evaluasi/pesan.html", context, status=404)


def rencana(request: HttpRequest, pd_id: int, tahun: int) -> HttpResponse:
    """Overview of one perangkat daerah's plan year: links to every table."""
    pd = _pd_yang_boleh_dilihat(request, pd_id, tahun)
    renja_list = Renja.objects.filter(perangkat_daerah=pd, tahun=tahun).order_by("versi")
    context = {
        "pd": pd,
        "tahun": tahun,
        "tabel_list": [(k, *v) for k, v in TABEL_HALAMAN.items()],
        "triwulan_pilihan": TRIWULAN,
        "renja_list": renja_list,
    }
    return render(request, "evaluasi/rencana.html", context)


def tabel(request: HttpRequest, pd_id: int, tahun: int, tabel: str) -> HttpResponse:
    """One table; ``?triwulan=1..4`` for E.81, ``?versi=perubahan`` optional."""
    if tabel not in TABEL_HALAMAN:
        raise Http404("Tabel tidak dikenal.")
    pd = _pd_yang_boleh_dilihat(request, pd_id, tahun)
    versi = request.GET.get("versi") or "murni"
    if versi not in VERSI:
        return _pesan(
            request, pd=pd, tahun=tahun, kode=tabel, pesan="Versi harus murni atau perubahan."
        )
    triwulan: int | None = None
    if tabel == "e81":
        teks = request.GET.get("triwulan", "")
        if teks not in ("1", "2", "3", "4"):
            return _pesan(
                request,
                pd=pd,
                tahun=tahun,
                kode=tabel,
                pesan="Formulir E.81 disusun per triwulan: pilih triwulan 1–4.",
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
        "tabel_list": [(k, *v) for k, v in TABEL_HALAMAN.items()],
        "triwulan_pilihan": TRIWULAN,
    }
    return render(request, "evaluasi/tabel.html", context)
