"""Thin views of the Renstra planner page (issue 5 point 2): tujuan, sasaran, their indicators
and the Renstra targets per year, plus the plan tree's Renstra targets and budgets.

Access: every view reads the agency through ``renja.renstra.selectors.akses_pd`` (404 unknown agency,
403 not theirs) and the Renstra of that agency (404 otherwise); objects are looked up within
that Renstra, so an id guessed from another agency is a 404. Writes go through
``renja.renstra.services`` (role checked there: 403 for the kepala and Bappeda). Cells post to the
grid's ``isian:sel_simpan``.

Form answers: 200 the form (GET); 422 the form again with the message on its field and the
typed values; 403 the form with the refusal; on success the whole tujuan/sasaran section,
swapped in place of ``#bagian-sasaran`` (``HX-Retarget``), with a confirmation in the panel.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from inti.konstanta import TAHUN_SAH
from renja.akses import AksesDitolak
from renja.models import Indikator, Renstra, Sasaran, Tujuan
from renja.renstra import selectors as sel_q
from renja.renstra import services as services_renstra
from renja.renstra.forms import HapusForm, IndikatorForm, SasaranForm, TujuanForm


def _akses(request: HttpRequest, pd_id: int, tahun_mulai: int) -> tuple[sel_q.Akses, Renstra]:
    if tahun_mulai not in TAHUN_SAH:
        raise Http404("Tahun tidak dikenal.")
    a = sel_q.akses_pd(user=request.user, pd_id=pd_id)
    return a, sel_q.renstra_dari(pd=a.pd, tahun_mulai=tahun_mulai)


def _pesan(e: Exception) -> str:
    if isinstance(e, ValidationError):
        return " ".join(e.messages)
    return str(e)


def _konteks(a: sel_q.Akses, renstra: Renstra) -> dict[str, Any]:
    return {
        "pd": a.pd,
        "renstra": renstra,
        # The cell partial posts to isian:sel_simpan/<pd>/<tahun>/: any year of the period.
        "tahun": renstra.tahun_mulai,
        "bisa_ubah": a.bisa_ubah,
    }


@login_required
@require_GET
def masuk(request: HttpRequest, pd_id: int, tahun: int) -> HttpResponse:
    """The navigation's entry: the Renstra containing the selected year."""
    if tahun not in TAHUN_SAH:
        raise Http404("Tahun tidak dikenal.")
    renstra = sel_q.renstra_untuk_tahun(user=request.user, pd_id=pd_id, tahun=tahun)
    if renstra is None:
        a = sel_q.akses_pd(user=request.user, pd_id=pd_id)
        return render(
            request,
            "renja/renstra/halaman.html",
            {"pd": a.pd, "renstra": None, "tahun_dicari": tahun, "bisa_ubah": a.bisa_ubah},
            status=404,
        )
    return redirect("renstra:isian", pd_id=pd_id, tahun_mulai=renstra.tahun_mulai)


@login_required
@require_GET
def isian(request: HttpRequest, pd_id: int, tahun_mulai: int) -> HttpResponse:
    """The Renstra page: tujuan and sasaran first, then the plan tree."""
    a, renstra = _akses(request, pd_id, tahun_mulai)
    m = sel_q.muat(pd=a.pd, renstra=renstra, bisa_ubah=a.bisa_ubah)
    return render(
        request,
        "renja/renstra/halaman.html",
        {**_konteks(a, renstra), "m": m, "renstra_list": sel_q.renstra_daftar(pd=a.pd)},
    )


@login_required
@require_GET
def jumlah_pagu(request: HttpRequest, pd_id: int, tahun_mulai: int) -> HttpResponse:
    """The parents' and grand total Renstra budgets, out of band (after a budget cell save)."""
    _, renstra = _akses(request, pd_id, tahun_mulai)
    return render(
        request,
        "renja/renstra/_jumlah_pagu.html",
        {"angka": sel_q.total_pagu_renstra(renstra=renstra)},
    )


# --- form plumbing ------------------------------------------------------------------------------


def _form(
    request: HttpRequest,
    a: sel_q.Akses,
    renstra: Renstra,
    *,
    form: Any,
    judul: str,
    aksi: str,
    status: int = 200,
) -> HttpResponse:
    form.tandai()
    return render(
        request,
        "renja/renstra/_form.html",
        {**_konteks(a, renstra), "form": form, "judul": judul, "aksi": aksi},
        status=status,
    )


def _berhasil(request: HttpRequest, a: sel_q.Akses, renstra: Renstra, pesan: str) -> HttpResponse:
    """The tujuan/sasaran section as stored now, in place of the old one; the panel says so."""
    m = sel_q.muat(pd=a.pd, renstra=renstra, bisa_ubah=a.bisa_ubah)
    respons = render(
        request,
        "renja/renstra/_berhasil.html",
        {**_konteks(a, renstra), "m": m, "pesan": pesan},
    )
    respons["HX-Retarget"] = "#bagian-sasaran"
    respons["HX-Reswap"] = "outerHTML"
    return respons


def _simpan(
    request: HttpRequest,
    a: sel_q.Akses,
    renstra: Renstra,
    *,
    form: Any,
    judul: str,
    aksi: str,
    tulis: Any,
) -> HttpResponse:
    """GET: the form. POST: validate, call the service, answer the section or the form again."""
    if request.method != "POST":
        return _form(request, a, renstra, form=form, judul=judul, aksi=aksi)
    if not form.is_valid():
        return _form(request, a, renstra, form=form, judul=judul, aksi=aksi, status=422)
    try:
        pesan = tulis(form.cleaned_data)
    except AksesDitolak as e:
        form.add_error(None, _pesan(e))
        return _form(request, a, renstra, form=form, judul=judul, aksi=aksi, status=403)
    except services_renstra.BarisBerubah as e:
        # Both sides and a choice: the stored row is described, the typed values stay in the
        # form, which now carries the stored fingerprint, so "Simpan" again overwrites.
        form.data = form.data.copy()
        form.data["sidik"] = services_renstra.sidik_baris(e.sekarang)
        form.add_error(None, _pesan_berubah(e.sekarang))
        return _form(request, a, renstra, form=form, judul=judul, aksi=aksi, status=409)
    except ValidationError as e:
        form.tampilkan_galat(e)
        return _form(request, a, renstra, form=form, judul=judul, aksi=aksi, status=422)
    return _berhasil(request, a, renstra, pesan)


def _pesan_berubah(sekarang: Tujuan | Sasaran | Indikator) -> str:
    if isinstance(sekarang, Indikator):
        tersimpan = f"“{sekarang.nama}” ({sekarang.satuan})"
    else:
        tersimpan = f"{sekarang.kunci} “{sekarang.uraian}”"
    return (
        f"Sudah diubah orang lain sejak formulir ini dibuka. Tersimpan sekarang: {tersimpan}. "
        "Isian Anda masih di formulir: Simpan lagi untuk menimpanya, atau tutup formulir "
        "untuk memakai yang tersimpan."
    )


def _hapus(request: HttpRequest, a: sel_q.Akses, renstra: Renstra, *, hapus: Any) -> HttpResponse:
    form = HapusForm(request.POST)
    if not form.is_valid():
        return HttpResponseBadRequest("Penghapusan harus dikonfirmasi.")
    try:
        pesan = hapus()
    except AksesDitolak as e:
        return render(request, "renja/renstra/_galat.html", {"pesan": _pesan(e)}, status=403)
    except ValidationError as e:
        return render(request, "renja/renstra/_galat.html", {"pesan": _pesan(e)}, status=422)
    return _berhasil(request, a, renstra, pesan)


def _data(request: HttpRequest) -> Any:
    return request.POST if request.method == "POST" else None


# --- tujuan ---------------------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def tujuan_tambah(request: HttpRequest, pd_id: int, tahun_mulai: int) -> HttpResponse:
    a, renstra = _akses(request, pd_id, tahun_mulai)

    def tulis(d: dict[str, Any]) -> str:
        t = services_renstra.tujuan_simpan(
            oleh=request.user,  # type: ignore[arg-type]
            renstra=renstra,
            uraian=d["uraian"],
            kunci=d["kunci"],
        )
        return f"Tujuan {t.kunci} ditambahkan."

    return _simpan(
        request,
        a,
        renstra,
        form=TujuanForm(_data(request)),
        judul="Tambah tujuan",
        aksi=reverse("renstra:tujuan_tambah", args=[pd_id, tahun_mulai]),
        tulis=tulis,
    )


@login_required
@require_http_methods(["GET", "POST"])
def tujuan_ubah(request: HttpRequest, pd_id: int, tahun_mulai: int, pk: int) -> HttpResponse:
    a, renstra = _akses(request, pd_id, tahun_mulai)
    tujuan = sel_q.tujuan_dari(renstra=renstra, pk=pk)
    awal = {
        "kunci": tujuan.kunci,
        "uraian": tujuan.uraian,
        "sidik": services_renstra.sidik_baris(tujuan),
    }

    def tulis(d: dict[str, Any]) -> str:
        t = services_renstra.tujuan_simpan(
            oleh=request.user,  # type: ignore[arg-type]
            renstra=renstra,
            uraian=d["uraian"],
            kunci=d["kunci"],
            tujuan=tujuan,
            sidik_dibaca=d["sidik"],
        )
        return f"Tujuan {t.kunci} disimpan."

    return _simpan(
        request,
        a,
        renstra,
        form=TujuanForm(_data(request), initial=awal),
        judul=f"Ubah tujuan {tujuan.kunci}",
        aksi=reverse("renstra:tujuan_ubah", args=[pd_id, tahun_mulai, pk]),
        tulis=tulis,
    )


@login_required
@require_POST
def tujuan_hapus(request: HttpRequest, pd_id: int, tahun_mulai: int, pk: int) -> HttpResponse:
    a, renstra = _akses(request, pd_id, tahun_mulai)
    tujuan = sel_q.tujuan_dari(renstra=renstra, pk=pk)

    def hapus() -> str:
        services_renstra.tujuan_hapus(oleh=request.user, tujuan=tujuan)  # type: ignore[arg-type]
        return f"Tujuan {tujuan.kunci} dihapus."

    return _hapus(request, a, renstra, hapus=hapus)


# --- sasaran --------------------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def sasaran_tambah(request: HttpRequest, pd_id: int, tahun_mulai: int, pk: int) -> HttpResponse:
    """A sasaran under tujuan ``pk`` (the form lets the planner pick another)."""
    a, renstra = _akses(request, pd_id, tahun_mulai)
    tujuan = sel_q.tujuan_dari(renstra=renstra, pk=pk)

    def tulis(d: dict[str, Any]) -> str:
        s = services_renstra.sasaran_simpan(
            oleh=request.user,  # type: ignore[arg-type]
            renstra=renstra,
            tujuan=d["tujuan"],
            uraian=d["uraian"],
            kunci=d["kunci"],
        )
        return (
            f"Sasaran {s.kunci} ditambahkan di bawah tujuan {s.tujuan.kunci if s.tujuan else '-'}."
        )

    return _simpan(
        request,
        a,
        renstra,
        form=SasaranForm(_data(request), initial={"tujuan": tujuan.pk}, renstra_id=renstra.pk),
        judul=f"Tambah sasaran di bawah tujuan {tujuan.kunci}",
        aksi=reverse("renstra:sasaran_tambah", args=[pd_id, tahun_mulai, pk]),
        tulis=tulis,
    )


@login_required
@require_http_methods(["GET", "POST"])
def sasaran_ubah(request: HttpRequest, pd_id: int, tahun_mulai: int, pk: int) -> HttpResponse:
    a, renstra = _akses(request, pd_id, tahun_mulai)
    sasaran = sel_q.sasaran_dari(renstra=renstra, pk=pk)
    awal = {
        "tujuan": sasaran.tujuan_id,
        "kunci": sasaran.kunci,
        "uraian": sasaran.uraian,
        "sidik": services_renstra.sidik_baris(sasaran),
    }

    def tulis(d: dict[str, Any]) -> str:
        s = services_renstra.sasaran_simpan(
            oleh=request.user,  # type: ignore[arg-type]
            renstra=renstra,
            tujuan=d["tujuan"],
            uraian=d["uraian"],
            kunci=d["kunci"],
            sasaran=sasaran,
            sidik_dibaca=d["sidik"],
        )
        return f"Sasaran {s.kunci} disimpan."

    return _simpan(
        request,
        a,
        renstra,
        form=SasaranForm(_data(request), initial=awal, renstra_id=renstra.pk),
        judul=f"Ubah sasaran {sasaran.kunci}",
        aksi=reverse("renstra:sasaran_ubah", args=[pd_id, tahun_mulai, pk]),
        tulis=tulis,
    )


@login_required
@require_POST
def sasaran_hapus(request: HttpRequest, pd_id: int, tahun_mulai: int, pk: int) -> HttpResponse:
    a, renstra = _akses(request, pd_id, tahun_mulai)
    sasaran = sel_q.sasaran_dari(renstra=renstra, pk=pk)

    def hapus() -> str:
        services_renstra.sasaran_hapus(oleh=request.user, sasaran=sasaran)  # type: ignore[arg-type]
        return f"Sasaran {sasaran.kunci} dihapus."

    return _hapus(request, a, renstra, hapus=hapus)


# --- indicators -----------------------------------------------------------------------------------


def _indikator_tambah(
    request: HttpRequest, a: sel_q.Akses, renstra: Renstra, pemilik: Tujuan | Sasaran, aksi: str
) -> HttpResponse:
    label = "sasaran" if isinstance(pemilik, Sasaran) else "tujuan"

    def tulis(d: dict[str, Any]) -> str:
        ind = services_renstra.indikator_tambah(
            oleh=request.user,  # type: ignore[arg-type]
            pemilik=pemilik,
            nama=d["nama"],
            satuan=d["satuan"],
            polaritas=d["polaritas"],
            akumulasi=d["akumulasi"],
        )
        return f"Indikator “{ind.nama}” ditambahkan pada {label} {pemilik.kunci}."

    return _simpan(
        request,
        a,
        renstra,
        form=IndikatorForm(_data(request)),
        judul=f"Tambah indikator {label} {pemilik.kunci}",
        aksi=aksi,
        tulis=tulis,
    )


@login_required
@require_http_methods(["GET", "POST"])
def indikator_tujuan(request: HttpRequest, pd_id: int, tahun_mulai: int, pk: int) -> HttpResponse:
    a, renstra = _akses(request, pd_id, tahun_mulai)
    tujuan = sel_q.tujuan_dari(renstra=renstra, pk=pk)
    aksi = reverse("renstra:indikator_tujuan", args=[pd_id, tahun_mulai, pk])
    return _indikator_tambah(request, a, renstra, tujuan, aksi)


@login_required
@require_http_methods(["GET", "POST"])
def indikator_sasaran(request: HttpRequest, pd_id: int, tahun_mulai: int, pk: int) -> HttpResponse:
    a, renstra = _akses(request, pd_id, tahun_mulai)
    sasaran = sel_q.sasaran_dari(renstra=renstra, pk=pk)
    aksi = reverse("renstra:indikator_sasaran", args=[pd_id, tahun_mulai, pk])
    return _indikator_tambah(request, a, renstra, sasaran, aksi)


@login_required
@require_http_methods(["GET", "POST"])
def indikator_ubah(request: HttpRequest, pd_id: int, tahun_mulai: int, pk: int) -> HttpResponse:
    a, renstra = _akses(request, pd_id, tahun_mulai)
    ind = sel_q.indikator_dari(renstra=renstra, pk=pk)
    awal = {
        "nama": ind.nama,
        "satuan": ind.satuan,
        "polaritas": ind.polaritas,
        "akumulasi": ind.akumulasi,
        "sidik": services_renstra.sidik_baris(ind),
    }

    def tulis(d: dict[str, Any]) -> str:
        services_renstra.indikator_ubah(
            oleh=request.user,  # type: ignore[arg-type]
            indikator=ind,
            nama=d["nama"],
            satuan=d["satuan"],
            polaritas=d["polaritas"],
            akumulasi=d["akumulasi"],
            sidik_dibaca=d["sidik"],
        )
        return f"Indikator “{ind.nama}” disimpan."

    return _simpan(
        request,
        a,
        renstra,
        form=IndikatorForm(_data(request), initial=awal),
        judul="Ubah indikator",
        aksi=reverse("renstra:indikator_ubah", args=[pd_id, tahun_mulai, pk]),
        tulis=tulis,
    )


@login_required
@require_POST
def indikator_hapus(request: HttpRequest, pd_id: int, tahun_mulai: int, pk: int) -> HttpResponse:
    a, renstra = _akses(request, pd_id, tahun_mulai)
    ind = sel_q.indikator_dari(renstra=renstra, pk=pk)

    def hapus() -> str:
        nama = ind.nama
        services_renstra.indikator_hapus(oleh=request.user, indikator=ind)  # type: ignore[arg-type]
        return f"Indikator “{nama}” dan nilainya dihapus."

    return _hapus(request, a, renstra, hapus=hapus)
