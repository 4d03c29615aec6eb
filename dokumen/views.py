"""Thin views: the downloads page, start-then-poll generation, downloads, narrative editing.

Access: reading and generating need read access to the perangkat daerah
(``renja.akses.wajib_melihat``); editing the narrative needs write access
(perencana or admin) and is refused once the Renja is ditetapkan.
"""

from __future__ import annotations

from typing import Any

from django.http import FileResponse, Http404, HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from dokumen import kerangka, services
from dokumen.isi import isi_placeholder, siapkan
from dokumen.models import JenisDokumen, PekerjaanDokumen
from inti import katalog
from inti.konstanta import TAHUN_SAH, TRIWULAN, VERSI_RENJA
from renja import akses, selectors
from renja.models import PerangkatDaerah, Renja, StatusRenja

FORMAT_LABEL = {"pdf": "PDF", "xlsx": "Excel", "csv": "CSV"}


def _pd(request: HttpRequest, pd_id: int, tahun: int) -> PerangkatDaerah:
    if tahun not in TAHUN_SAH:
        raise Http404("Tahun tidak dikenal.")
    pd = get_object_or_404(PerangkatDaerah.objects.select_related("pemda"), pk=pd_id)
    akses.wajib_melihat(request.user, pd)
    return pd


def _pekerjaan(request: HttpRequest, pekerjaan_id: int) -> PekerjaanDokumen:
    p = get_object_or_404(
        PekerjaanDokumen.objects.select_related("perangkat_daerah__pemda"), pk=pekerjaan_id
    )
    akses.wajib_melihat(request.user, p.perangkat_daerah)
    return p


@require_GET
def daftar(request: HttpRequest) -> HttpResponse:
    """Every plan the user may read, per perangkat daerah and year, with its state."""
    renja_list = selectors.renja_terlihat(user=request.user)
    return render(request, "dokumen/daftar_pd.html", {"renja_list": renja_list})


def _baris_unduhan(
    pd: PerangkatDaerah, tahun: int, *, ada_perubahan: bool = False
) -> list[dict[str, Any]]:
    """One row per file a user can ask for, with its latest job and latest good file.

    Once the Renja Perubahan exists, E.81 is offered in that version too (its Rp target
    column is the revised pagu); the other tables have one version.
    """
    permintaan: list[tuple[str, str, str, dict[str, Any], str]] = [
        ("renja", "", "pdf", {"versi": "murni", "kertas": "A4"}, "Dokumen Renja lengkap"),
        ("renja", "", "pdf", {"versi": "perubahan", "kertas": "A4"}, "Dokumen Renja Perubahan"),
        ("lkj", "", "pdf", {"versi": "murni", "kertas": "A4"}, "Dokumen LKj lengkap"),
    ]
    for jenis_tabel in katalog.semua("pd"):
        kode, singkat, nama = jenis_tabel.kode, jenis_tabel.singkat, jenis_tabel.nama
        versi_list = VERSI_RENJA if kode == "e81" and ada_perubahan else ("murni",)
        pilihan: list[tuple[str, int | None]] = (
            [(v, q) for v in versi_list for q in TRIWULAN]
            if jenis_tabel.butuh_triwulan
            else [("murni", None)]
        )
        for versi, triwulan in pilihan:
            label = (
                f"{singkat} {nama}"
                + (" (Perubahan)" if versi == "perubahan" else "")
                + (f" – TW {triwulan}" if triwulan else "")
            )
            for fmt in ("pdf", "xlsx", "csv"):
                param: dict[str, Any] = {"versi": versi}
                if triwulan:
                    param["triwulan"] = triwulan
                if fmt == "pdf":
                    param["kertas"] = "A4"
                permintaan.append(("tabel", kode, fmt, param, label))
    semua = list(
        PekerjaanDokumen.objects.filter(perangkat_daerah=pd, tahun=tahun).order_by(
            "-dibuat_pada", "-id"
        )
    )
    baris = []
    for jenis, tabel, fmt, param, label in permintaan:
        cocok = [
            p
            for p in semua
            if p.jenis == jenis and p.tabel == tabel and p.format == fmt and p.parameter == param
        ]
        terakhir = cocok[0] if cocok else None
        baik = next((p for p in cocok if p.selesai), None)
        baris.append(
            {
                "jenis": jenis,
                "tabel": tabel,
                "format": fmt,
                "format_label": FORMAT_LABEL[fmt],
                "parameter": param,
                "label": label,
                "terakhir": terakhir,
                "baik": baik,
            }
        )
    return baris


@require_GET
def unduhan(request: HttpRequest, pd_id: int, tahun: int) -> HttpResponse:
    pd = _pd(request, pd_id, tahun)
    renja_list = list(Renja.objects.filter(perangkat_daerah=pd, tahun=tahun).order_by("versi"))
    baris = _baris_unduhan(
        pd, tahun, ada_perubahan=any(r.versi == Renja.Versi.PERUBAHAN for r in renja_list)
    )
    konteks = {
        "pd": pd,
        "tahun": tahun,
        "dokumen": [b for b in baris if b["jenis"] != "tabel"],
        "tabel": [b for b in baris if b["jenis"] == "tabel"],
        "renja_list": renja_list,
        "boleh_ubah": akses.dapat_mengubah_nilai(request.user, pd),
    }
    return render(request, "dokumen/unduhan.html", konteks)


@require_POST
def buat(request: HttpRequest, pd_id: int, tahun: int) -> HttpResponse:
    """Start generating a file (or answer from the stored one); then show its progress."""
    pd = _pd(request, pd_id, tahun)
    data = request.POST
    parameter = {k: data[k] for k in ("versi", "triwulan", "kertas") if data.get(k)}
    try:
        pekerjaan = services.pekerjaan_minta(
            pd=pd,
            tahun=tahun,
            jenis=data.get("jenis", ""),
            tabel=data.get("tabel", ""),
            format=data.get("format", "pdf"),
            parameter=parameter,
            oleh=request.user,
            paksa=data.get("paksa") == "1",
        )
    except services.PermintaanTidakSah as exc:
        return render(
            request, "dokumen/galat.html", {"pd": pd, "tahun": tahun, "pesan": str(exc)}, status=400
        )
    return redirect("dokumen:pekerjaan", pekerjaan_id=pekerjaan.pk)


def _file_sebelumnya(p: PekerjaanDokumen) -> PekerjaanDokumen | None:
    """For a failed job: the last good file of the same request, still downloadable."""
    if p.status != PekerjaanDokumen.Status.GAGAL:
        return None
    return services.pekerjaan_terakhir(
        pd=p.perangkat_daerah,
        tahun=p.tahun,
        jenis=p.jenis,
        tabel=p.tabel,
        format=p.format,
        parameter=p.parameter,
    )


@require_GET
def pekerjaan(request: HttpRequest, pekerjaan_id: int) -> HttpResponse:
    p = _pekerjaan(request, pekerjaan_id)
    sebelumnya = _file_sebelumnya(p)
    if p.tabel:
        jenis = katalog.cari(p.tabel)
        judul = jenis.judul if jenis else p.tabel
        if p.parameter.get("triwulan"):
            judul += f" – TW {p.parameter['triwulan']}"
    else:
        judul = p.get_jenis_display()
    return render(
        request, "dokumen/pekerjaan.html", {"p": p, "sebelumnya": sebelumnya, "judul": judul}
    )


@require_GET
def status(request: HttpRequest, pekerjaan_id: int) -> HttpResponse:
    """The progress fragment the job page polls (htmx) until the file is ready or failed."""
    p = _pekerjaan(request, pekerjaan_id)
    sebelumnya = _file_sebelumnya(p)
    return render(request, "dokumen/_status.html", {"p": p, "sebelumnya": sebelumnya})


@require_GET
def unduh(request: HttpRequest, pekerjaan_id: int) -> HttpResponseBase:
    p = _pekerjaan(request, pekerjaan_id)
    if not p.selesai or not p.berkas:
        raise Http404("Berkas belum tersedia.")
    try:
        fh = p.berkas.open("rb")
    except FileNotFoundError as exc:
        raise Http404("Berkas sudah kedaluwarsa; buat ulang dari halaman unduhan.") from exc
    return FileResponse(
        fh,
        as_attachment=True,
        filename=p.nama_berkas or services.nama_berkas(p),
        content_type=services.MIME.get(p.format, "application/octet-stream"),
    )


def _renja_terkunci(pd: PerangkatDaerah, tahun: int, jenis: str) -> bool:
    if jenis != JenisDokumen.RENJA:
        return False
    return Renja.objects.filter(
        perangkat_daerah=pd, tahun=tahun, status=StatusRenja.DITETAPKAN
    ).exists()


def _bagian_datar(jenis: str) -> list[tuple[kerangka.Bagian, int, str]]:
    hasil: list[tuple[kerangka.Bagian, int, str]] = []

    def jalan(bagian: tuple[kerangka.Bagian, ...], tingkat: int, bab: str) -> None:
        for b in bagian:
            hasil.append((b, tingkat, bab))
            jalan(b.sub, tingkat + 1, bab)

    for bab in kerangka.KERANGKA[jenis]:
        jalan(bab.bagian, 0, f"BAB {bab.nomor} {bab.judul}")
    if jenis == JenisDokumen.RENJA:
        # The Renja Perubahan's own chapter: edited here too, printed only in that version.
        bab = kerangka.kerangka(jenis, "perubahan")[-2]
        jalan(bab.bagian, 0, f"Renja Perubahan: BAB {bab.nomor} {bab.judul}")
    return hasil


@require_http_methods(["GET", "POST"])
def naskah(request: HttpRequest, pd_id: int, tahun: int, jenis: str) -> HttpResponse:
    """The document's narrative, one Markdown field per section, starting from the defaults."""
    if jenis not in (JenisDokumen.RENJA, JenisDokumen.LKJ):
        raise Http404("Jenis dokumen tidak dikenal.")
    pd = _pd(request, pd_id, tahun)
    boleh = akses.dapat_mengubah_nilai(request.user, pd)
    terkunci = _renja_terkunci(pd, tahun, jenis)
    p = siapkan(pd=pd, tahun=tahun, jenis=jenis, dengan_tabel=False)
    kunci_pengantar = f"{jenis}.pengantar"
    bagian_list = [
        (kerangka.Bagian(kunci_pengantar, "", "Kata Pengantar",
                         getattr(kerangka, "KATA_PENGANTAR", {}).get(jenis, "")), 0, "Awal"),
        *_bagian_datar(jenis),
    ]  # fmt: skip
    pesan: dict[str, str] = {}
    galat: dict[str, str] = {}
    ketikan: dict[str, str] = {}
    if request.method == "POST":
        akses.wajib(boleh, f"Anda tidak berhak mengubah naskah {pd.kode}.")
        akses.wajib(not terkunci, "Renja sudah ditetapkan: naskahnya tidak dapat diubah lagi.")
        kunci = request.POST.get("kunci", "")
        isi = request.POST.get("isi", "")
        dikenal = {b.kunci for b, _, _ in bagian_list}
        if kunci not in dikenal:
            raise Http404("Bagian tidak dikenal.")
        if len(isi) > 50_000:
            galat[kunci] = "Teks terlalu panjang (maksimal 50.000 karakter)."
            ketikan[kunci] = isi
        else:
            services.narasi_simpan(
                pd=pd, tahun=tahun, jenis_dokumen=jenis, kunci=kunci, isi=isi, oleh=request.user
            )
            p.narasi_tersimpan[kunci] = isi
            pesan[kunci] = "Tersimpan."
        if getattr(request, "htmx", False):
            b = next(b for b, _, _ in bagian_list if b.kunci == kunci)
            return render(
                request,
                "dokumen/_naskah_bagian.html",
                _konteks_bagian(
                    p, b, 0, "", boleh and not terkunci, pesan, galat, ketikan, pd, jenis
                ),
                status=400 if galat else 200,
            )
    baris = [
        _konteks_bagian(
            p, b, tingkat, bab, boleh and not terkunci, pesan, galat, ketikan, pd, jenis
        )
        for b, tingkat, bab in bagian_list
    ]
    return render(
        request,
        "dokumen/naskah.html",
        {
            "pd": pd,
            "tahun": tahun,
            "jenis": jenis,
            "baris": baris,
            "boleh": boleh,
            "terkunci": terkunci,
        },
        status=400 if galat else 200,
    )


def _konteks_bagian(
    p: Any,
    b: kerangka.Bagian,
    tingkat: int,
    bab: str,
    boleh: bool,
    pesan: dict[str, str],
    galat: dict[str, str],
    ketikan: dict[str, str],
    pd: PerangkatDaerah,
    jenis: str,
) -> dict[str, Any]:
    tersimpan = p.narasi_tersimpan.get(b.kunci)
    return {
        "b": b,
        "tingkat": tingkat,
        "bab": bab,
        "isi": ketikan.get(b.kunci, tersimpan if tersimpan is not None else b.teks_baku),
        "baku": tersimpan is None,
        "contoh": isi_placeholder(b.teks_baku, p.placeholder)[:200],
        "boleh": boleh,
        "pesan": pesan.get(b.kunci, ""),
        "galat": galat.get(b.kunci, ""),
        "pd": pd,
        "tahun": p.tahun,
        "jenis": jenis,
        "narasi_otomatis": bool(b.narasi),
    }
