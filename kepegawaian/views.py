"""The staff rekap of one perangkat daerah on a date, on screen and as CSV, Excel or PDF.

Counts only (no names, no NIP), readable by whoever may read the agency (``akses``); the
pemda-wide rekap is the ``export_table rekap_pegawai`` command. The file is written directly by
the format's exporter: a count of a few hundred rows needs no background job.
"""

from __future__ import annotations

import io
from datetime import date

from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST

from inti.ekspor import EKSPORTIR, KonteksCetak
from inti.konstanta import TAHUN_SAH
from kepegawaian import services
from kepegawaian.tabel import rekap_pegawai
from renja import akses, selectors
from renja.models import PerangkatDaerah

JENIS_BERKAS = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pdf": "application/pdf",
}


def _tanggal(teks: str | None) -> date:
    if not teks:
        return timezone.localdate()
    try:
        return date.fromisoformat(teks)
    except ValueError as exc:
        raise Http404("Tanggal harus berbentuk YYYY-MM-DD.") from exc


@login_required
@require_GET
def rekap(request: HttpRequest, pd_id: int) -> HttpResponse:
    pd = get_object_or_404(PerangkatDaerah.objects.select_related("pemda"), pk=pd_id)
    akses.wajib_melihat(request.user, pd)
    tanggal = _tanggal(request.GET.get("tanggal"))
    tabel = rekap_pegawai(pemda=pd.pemda, tanggal=tanggal, unit_kerja=pd)
    fmt = request.GET.get("format", "")
    if fmt:
        if fmt not in JENIS_BERKAS:
            raise Http404("Format tidak dikenal.")
        konteks: KonteksCetak = {
            "pemda": pd.pemda.nama,
            "pd_nama": pd.nama,
            "pd_kode": pd.kode,
            "perangkat_daerah": f"{pd.nama} ({pd.kode})",
            "tahun": tanggal.year,
        }
        keluaran = io.BytesIO()
        EKSPORTIR[fmt].tulis(tabel, keluaran, konteks=konteks)
        respons = HttpResponse(keluaran.getvalue(), content_type=JENIS_BERKAS[fmt])
        nama = f"rekap_pegawai_{pd.kode}_{tanggal:%Y%m%d}.{fmt}"
        respons["Content-Disposition"] = f'attachment; filename="{nama}"'
        return respons
    return render(
        request,
        "kepegawaian/rekap.html",
        {"pd": pd, "tabel": tabel, "tanggal": tanggal},
    )


@login_required
@require_POST
def hitung_realisasi(request: HttpRequest, pd_id: int, tahun: int, pk: int) -> HttpResponse:
    """Compute an indicator's quarterly realisations from the staff roster, then reload.

    Posted by the realisation grid's "Hitung" button (htmx); the service checks the role.
    """
    if tahun not in TAHUN_SAH:
        raise Http404("Tahun tidak dikenal.")
    pd = get_object_or_404(PerangkatDaerah, pk=pd_id)
    akses.wajib_melihat(request.user, pd)  # AksesDitolak is a PermissionDenied: 403
    indikator = selectors.indikator_pd(pd=pd, pk=pk)
    try:
        services.realisasi_hitung(oleh=request.user, indikator=indikator, tahun=tahun)  # type: ignore[arg-type]
    except akses.AksesDitolak as e:
        return HttpResponse(str(e), status=403)
    except ValidationError as e:
        return HttpResponse(" ".join(e.messages), status=422)
    respons = HttpResponse("")
    respons["HX-Refresh"] = "true"
    return respons
