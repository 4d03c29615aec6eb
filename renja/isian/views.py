"""Thin views of the planners' grid (issue 5): pages, one-cell saves, history, adding nodes.

Access: every view reads the agency through ``renja.isian.selectors.akses_pd`` (403 for a user who
may not read it); writes go through ``renja.isian.services``/``services``, which check the role and
the Renja lock themselves. A cell key names an indicator or node of *this* agency only, so an
id guessed from another agency is a 404.

Cell responses use status codes htmx is told to swap (``isian/grid.html`` sets
``htmx.config.responseHandling``): 200 saved, 409 stale write (both values and a choice),
422 a value the planner must correct, 403 refused by role or lock.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST

from inti.konstanta import TAHUN_SAH, TRIWULAN
from renja.akses import AksesDitolak
from renja.isian import selectors as sel_q
from renja.isian import services as services_isian
from renja.isian.forms import (
    AtributForm,
    CariForm,
    CatatanEvaluasiForm,
    KunciForm,
    NodeTambahForm,
    SelForm,
    baca_isian,
)
from renja.models import (
    Akumulasi,
    CatatanEvaluasi,
    Indikator,
    Jenis,
    Nomenklatur,
    Polaritas,
    Renja,
)
from renja.services import NilaiBerubah


def _akses(request: HttpRequest, pd_id: int, tahun: int) -> sel_q.Akses:
    if tahun not in TAHUN_SAH:
        raise Http404("Tahun tidak dikenal.")
    return sel_q.akses_pd(user=request.user, pd_id=pd_id)


def _pesan(e: ValidationError | Exception) -> str:
    if isinstance(e, ValidationError):
        return " ".join(e.messages)
    return str(e)


@login_required
@require_GET
def grid(request: HttpRequest, pd_id: int, tahun: int, tampilan: str = "rencana") -> HttpResponse:
    """The Renja grid (``rencana``), the quarterly realisation grid (``realisasi``) or the
    Renja Perubahan grid (``perubahan``, once the Perubahan exists)."""
    a = _akses(request, pd_id, tahun)
    m = sel_q.muat(pd=a.pd, tahun=tahun, bisa_ubah=a.bisa_ubah)
    renja_list = sel_q.renja_versi(pd=a.pd, tahun=tahun)
    versi = {r.versi: r for r in renja_list}
    murni, perubahan = versi.get("murni"), versi.get("perubahan")
    context: dict[str, Any] = {
        "pd": a.pd,
        "tahun": tahun,
        "tahun1": tahun + 1,
        "tampilan": tampilan,
        "bisa_ubah": a.bisa_ubah,
        "renja_list": renja_list,
        "murni": murni,
        "perubahan": perubahan,
        "muatan": m,
        "polaritas_pilihan": Polaritas.choices,
        "akumulasi_pilihan": Akumulasi.choices,
        "ukuran_pilihan": Indikator.UkuranKepegawaian.choices,
        "node_form": NodeTambahForm(),
    }
    if m is not None:
        if tampilan == "realisasi":
            context["baris"] = sel_q.baris_realisasi(m)
            context["total"] = sel_q.total_realisasi(m)
            q = sel_q.triwulan_terakhir(m)
            context["catatan_triwulan"] = q
            context["catatan_form"] = _catatan_form(
                q, sel_q.catatan_evaluasi(pd=a.pd, tahun=tahun, triwulan=q)
            )
        elif tampilan == "perubahan":
            if perubahan is not None:
                context["baris"] = sel_q.baris_perubahan(m)
                context["total"] = sel_q.total_perubahan(m)
        else:
            context["baris"] = sel_q.baris_rencana(m)
            context["total"] = sel_q.total_rencana(m)
        # Kinds this view edits that are locked, by their labels.
        dilihat = {
            "rencana": {"target", "pagu", "lokasi", "sumber_dana", "catatan"},
            "realisasi": {"target", "pagu"},
            "perubahan": {"target_perubahan", "pagu_perubahan"},
        }[tampilan]
        context["terkunci"] = [Jenis(j).label for j in sorted({j for _, j in m.terkunci} & dilihat)]
        # Whether anything of this view can still be typed (the add panel, the hints).
        context["bisa_ketik"] = a.bisa_ubah and (
            tampilan == "realisasi"
            or (tampilan == "perubahan" and perubahan is not None and not perubahan.terkunci)
            or (tampilan == "rencana" and not (murni is not None and murni.terkunci))
        )
    return render(request, "renja/isian/grid.html", context)


@login_required
@require_POST
def sel_simpan(request: HttpRequest, pd_id: int, tahun: int) -> HttpResponse:
    """Save one cell; answer the cell and, out of band, the totals and capaian it changes."""
    a = _akses(request, pd_id, tahun)
    form = SelForm(request.POST)
    if not form.is_valid():
        return HttpResponseBadRequest(" ".join(str(e) for e in form.errors.values()))
    kunci = form.cleaned_data["kunci"]
    tampilan = form.cleaned_data.get("tampilan") or "rencana"
    pemilik = sel_q.pemilik_sel(pd=a.pd, kunci=kunci)
    indikator = pemilik if isinstance(pemilik, Indikator) else None
    node = None if indikator is not None else pemilik
    diketik: str = form.cleaned_data["nilai"]
    sel = sel_q.Sel(
        kunci=kunci,
        nilai=None,
        bisa_ubah=a.bisa_ubah,
        satuan=indikator.satuan if indikator else None,
        tampilan=tampilan,
        isian=diketik,
    )
    status = 200
    angka: list[sel_q.Angka] = []
    try:
        if kunci.tahun == tahun + 1 and (kunci.tahun, kunci.jenis) in sel_q.kunci_grid(
            pd=a.pd, tahun=tahun
        ):
            raise ValidationError(
                f"Renja {tahun} sudah ditetapkan; ubah nilai {kunci.tahun} melalui isian "
                f"Renja {kunci.tahun}."
            )
        isian = baca_isian(jenis=kunci.jenis, teks=diketik, satuan=sel.satuan)
        nilai = services_isian.sel_simpan(
            oleh=request.user,  # type: ignore[arg-type]
            jenis=kunci.jenis,
            tahun=kunci.tahun,
            isian=isian,
            indikator=indikator,
            node=node,  # type: ignore[arg-type]
            triwulan=kunci.triwulan,
            revisi_dibaca=form.cleaned_data["revisi"],
            jalur="form",
        )
    except NilaiBerubah as e:
        # Keep the revisi the planner read: only the explicit "timpa" button overwrites.
        dibaca = form.cleaned_data["revisi"]
        sel.revisi_tetap = "" if dibaca is None else str(dibaca)
        sel.konflik = sel_q.konflik(nilai=e.nilai, nilai_anda=diketik)
        status = 409
    except AksesDitolak as e:
        sel.galat, sel.bisa_ubah, status = _pesan(e), False, 403
    except ValidationError as e:
        sel.galat, status = _pesan(e), 422
    else:
        sel.nilai, sel.isian, sel.tersimpan = nilai, None, True
        if indikator is not None and kunci.tahun == tahun:
            angka = sel_q.angka_indikator(indikator=indikator, tahun=tahun)
        elif node is not None and kunci.jenis in ("pagu", "realisasi_anggaran", "pagu_perubahan"):
            angka = sel_q.angka_anggaran_leluhur(node=node, tahun=tahun)  # type: ignore[arg-type]
    return render(
        request,
        "renja/isian/_sel_respons.html",
        {"sel": sel, "angka": angka, "pd": a.pd, "tahun": tahun},
        status=status,
    )


@login_required
@require_GET
def sel_baca(request: HttpRequest, pd_id: int, tahun: int) -> HttpResponse:
    """One cell as stored now: the "keep theirs" answer to a conflict."""
    a = _akses(request, pd_id, tahun)
    form = KunciForm(request.GET)
    if not form.is_valid():
        return HttpResponseBadRequest("Sel tidak dikenal.")
    kunci = form.cleaned_data["kunci"]
    pemilik = sel_q.pemilik_sel(pd=a.pd, kunci=kunci)
    sel = sel_q.sel_baca(
        kunci=kunci,
        pemilik=pemilik,
        bisa_ubah=a.bisa_ubah,
        tampilan=form.cleaned_data.get("tampilan") or "rencana",
        tahun_grid=tahun,
    )
    return render(request, "renja/isian/_sel.html", {"sel": sel, "pd": a.pd, "tahun": tahun})


@login_required
@require_GET
def riwayat(request: HttpRequest, pd_id: int, tahun: int) -> HttpResponse:
    """The history of one cell (who, when, old → new, path); readers of the agency see it."""
    a = _akses(request, pd_id, tahun)
    form = KunciForm(request.GET)
    if not form.is_valid():
        return HttpResponseBadRequest("Sel tidak dikenal.")
    kunci = form.cleaned_data["kunci"]
    sel_q.pemilik_sel(pd=a.pd, kunci=kunci)  # 404 outside the agency
    return render(
        request,
        "renja/isian/_riwayat.html",
        {"kunci": kunci, "perubahan": sel_q.riwayat_sel(kunci=kunci)},
    )


@login_required
@require_POST
def indikator_atribut(request: HttpRequest, pd_id: int, tahun: int, pk: int) -> HttpResponse:
    """Edit an indicator's name, satuan, polaritas or akumulasi in place."""
    a = _akses(request, pd_id, tahun)
    indikator = get_object_or_404(
        Indikator.objects.select_related("program_kegiatan__renstra__perangkat_daerah"),
        pk=pk,
        program_kegiatan__renstra__perangkat_daerah=a.pd,
    )
    form = AtributForm(request.POST)
    galat, status = "", 200
    angka: list[sel_q.Angka] = []
    atribut = request.POST.get("atribut", "")
    if not form.is_valid():
        galat, status = " ".join(str(m) for ms in form.errors.values() for m in ms), 422
    else:
        atribut = form.cleaned_data["atribut"]
        try:
            services_isian.indikator_ubah(
                oleh=request.user,  # type: ignore[arg-type]
                indikator=indikator,
                tahun=tahun,
                **{
                    "ukuran_kepegawaian" if atribut == "sumber" else atribut: form.cleaned_data[
                        "nilai"
                    ]
                },
            )
            angka = sel_q.angka_indikator(indikator=indikator, tahun=tahun)
        except AksesDitolak as e:
            galat, status = _pesan(e), 403
        except ValidationError as e:
            galat, status = _pesan(e), 422
            indikator.refresh_from_db()
    return render(
        request,
        "renja/isian/_atribut_respons.html",
        {
            "ind": indikator,
            "atribut": atribut,
            "galat": galat,
            "diketik": request.POST.get("nilai", ""),
            "angka": angka,
            "pd": a.pd,
            "tahun": tahun,
            "bisa_ubah": a.bisa_ubah,
            "polaritas_pilihan": Polaritas.choices,
            "akumulasi_pilihan": Akumulasi.choices,
            "ukuran_pilihan": Indikator.UkuranKepegawaian.choices,
        },
        status=status,
    )


@login_required
@require_GET
def nomenklatur_cari(request: HttpRequest, pd_id: int, tahun: int) -> HttpResponse:
    """Search-as-you-type over the master list by code or name."""
    a = _akses(request, pd_id, tahun)
    form = CariForm(request.GET)
    q = form.cleaned_data["q"] if form.is_valid() else ""
    hasil = sel_q.nomenklatur_cari(q=q, pemda_id=a.pd.pemda_id, tahun=tahun)
    return render(
        request,
        "renja/isian/_cari.html",
        {"hasil": hasil, "q": q, "pd": a.pd, "tahun": tahun},
    )


@login_required
def node_form(request: HttpRequest, pd_id: int, tahun: int) -> HttpResponse:
    """GET: the add form pre-filled from a master entry. POST: add the node."""
    a = _akses(request, pd_id, tahun)
    if request.method == "POST":
        form = NodeTambahForm(request.POST)
        if form.is_valid():
            perubahan = form.cleaned_data.get("tampilan") == "perubahan"
            m = sel_q.muat(pd=a.pd, tahun=tahun, bisa_ubah=a.bisa_ubah)
            try:
                if m is None:
                    raise ValidationError("Belum ada Renstra untuk tahun ini.")
                services_isian.node_tambah_dari_master(
                    oleh=request.user,  # type: ignore[arg-type]
                    renstra=m.renstra,
                    kode=form.cleaned_data["kode"],
                    indikator_nama=form.cleaned_data["indikator"],
                    satuan=form.cleaned_data["satuan"],
                    tahun=tahun,
                    versi=Renja.Versi.PERUBAHAN if perubahan else Renja.Versi.MURNI,
                )
            except AksesDitolak as e:
                form.add_error(None, _pesan(e))
            except (ValidationError, ValueError) as e:
                form.add_error(None, _pesan(e))
            else:
                respons = HttpResponse("")
                tujuan = "isian:perubahan" if perubahan else "isian:rencana"
                respons["HX-Redirect"] = reverse(tujuan, args=[a.pd.pk, tahun])
                return respons
        return render(
            request,
            "renja/isian/_node_form.html",
            {"node_form": form, "pd": a.pd, "tahun": tahun},
            status=422,
        )
    master = None
    kode = request.GET.get("kode", "")
    if kode:
        master = (
            Nomenklatur.objects.filter(kode=kode, pemda__isnull=True).first()
            or Nomenklatur.objects.filter(kode=kode, pemda_id=a.pd.pemda_id).first()
        )
    awal = {"tampilan": request.GET.get("tampilan", "rencana")}
    if master is not None:
        awal |= {"kode": master.kode, "indikator": master.indikator, "satuan": master.satuan}
    return render(
        request,
        "renja/isian/_node_form.html",
        {"node_form": NodeTambahForm(initial=awal), "master": master, "pd": a.pd, "tahun": tahun},
    )


@login_required
def catatan_evaluasi(request: HttpRequest, pd_id: int, tahun: int) -> HttpResponse:
    """The quarter's account (faktor pendorong, penghambat, tindak lanjut): GET shows one
    quarter's, POST saves it. Answers 200 saved, 409 stale (both texts and a choice), 422
    invalid (what was typed kept), 403 refused."""
    a = _akses(request, pd_id, tahun)
    status, tersimpan = 200, False
    konflik: CatatanEvaluasi | None = None
    if request.method == "POST":
        form = CatatanEvaluasiForm(request.POST)
        triwulan = _triwulan(request.POST)
        if form.is_valid():
            d = form.cleaned_data
            try:
                catatan = services_isian.catatan_evaluasi_simpan(
                    oleh=request.user,  # type: ignore[arg-type]
                    pd=a.pd,
                    tahun=tahun,
                    triwulan=d["triwulan"],
                    isi={b: d[b] for b in services_isian.BIDANG_CATATAN},
                    revisi_dibaca=d["revisi"],
                )
            except services_isian.CatatanBerubah as e:
                konflik, status = e.catatan, 409
            except AksesDitolak as e:
                form.add_error(None, _pesan(e))
                status = 403
            except ValidationError as e:
                form.add_error(None, _pesan(e))
                status = 422
            else:
                form, tersimpan = _catatan_form(catatan.triwulan, catatan), True
        else:
            status = 422
    else:
        triwulan = _triwulan(request.GET)
        form = _catatan_form(
            triwulan, sel_q.catatan_evaluasi(pd=a.pd, tahun=tahun, triwulan=triwulan)
        )
    return render(
        request,
        "renja/isian/_catatan.html",
        {
            "form": form,
            "pd": a.pd,
            "tahun": tahun,
            "triwulan": triwulan,
            "bisa_ubah": a.bisa_ubah,
            "tersimpan": tersimpan,
            "konflik": konflik,
        },
        status=status,
    )


def _triwulan(data: Any) -> int:
    teks = str(data.get("triwulan") or "1")
    if teks not in {str(q) for q in TRIWULAN}:
        raise Http404("Triwulan tidak dikenal.")
    return int(teks)


def _catatan_form(triwulan: int, catatan: CatatanEvaluasi | None) -> CatatanEvaluasiForm:
    awal: dict[str, Any] = {"triwulan": triwulan, "revisi": ""}
    if catatan is not None:
        awal["revisi"] = str(catatan.revisi)
        awal.update({b: getattr(catatan, b) for b in services_isian.BIDANG_CATATAN})
    return CatatanEvaluasiForm(initial=awal)
