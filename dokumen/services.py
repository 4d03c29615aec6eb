"""Writes of the documents app: request a file, generate it (in the worker), clean up.

The flow: ``pekerjaan_minta`` records who asked for what; if a finished file with the same
input fingerprint exists it answers at once with that file (a new row, ``dari_cache``),
otherwise it queues ``dokumen.tasks.buat_dokumen_tugas`` after the transaction commits.
The task calls ``pekerjaan_jalankan``, which updates ``progres`` as parts render and ends
in ``selesai`` with the file or ``gagal`` with the reason; a failure never touches the
previous good file.
"""

from __future__ import annotations

import hashlib
import json
import logging
import time
from datetime import timedelta
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from dokumen import isi as isi_dokumen
from dokumen.models import JenisDokumen, NarasiBagian, PekerjaanDokumen
from dokumen.render import VERSI_TEMPLAT, render_dokumen
from evaluasi import services as evaluasi
from inti import katalog
from inti.konstanta import KERTAS, TRIWULAN, VERSI_RENJA
from inti.serial import tabel_dari_json
from inti.tabel import TabelTidakDapatDibuat
from renja.models import PerangkatDaerah

log = logging.getLogger(__name__)

MIME = {
    "pdf": "application/pdf",
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


class PermintaanTidakSah(ValueError):
    """A request that names an unknown table, format, quarter or version."""


def parameter_kanonis(
    *, jenis: str, tabel: str, format: str, parameter: dict[str, Any]
) -> dict[str, Any]:
    """Validate and normalise a request's parameters (the cache compares them as JSON)."""
    if jenis not in JenisDokumen.values:
        raise PermintaanTidakSah(f"Jenis dokumen tidak dikenal: {jenis!r}.")
    versi = parameter.get("versi") or "murni"
    if versi not in VERSI_RENJA:
        raise PermintaanTidakSah("Versi harus murni atau perubahan.")
    kertas = parameter.get("kertas") or "A4"
    if kertas not in KERTAS:
        raise PermintaanTidakSah("Kertas harus A4 atau F4.")
    hasil: dict[str, Any] = {"versi": versi}
    if jenis == JenisDokumen.TABEL:
        jenis_tabel = katalog.cari(tabel, lingkup="pd")
        if jenis_tabel is None:
            raise PermintaanTidakSah(f"Tabel tidak dikenal: {tabel!r}.")
        if format not in jenis_tabel.format:
            raise PermintaanTidakSah(f"Format tidak dikenal: {format!r}.")
        if jenis_tabel.butuh_triwulan:
            try:
                triwulan = int(parameter.get("triwulan") or 0)
            except (TypeError, ValueError):
                triwulan = 0
            if triwulan not in TRIWULAN:
                raise PermintaanTidakSah(
                    f"Formulir {jenis_tabel.singkat} disusun per triwulan: pilih triwulan 1–4."
                )
            hasil["triwulan"] = triwulan
    elif format != "pdf":
        raise PermintaanTidakSah("Dokumen lengkap dibuat sebagai PDF.")
    if format == "pdf":
        hasil["kertas"] = kertas
    return hasil


def _sidik_tabel(
    *, pd: PerangkatDaerah, tahun: int, tabel: str, format: str, parameter: dict[str, Any]
) -> str:
    # The agency's data version stands for the plan: no plan is loaded to answer a request.
    isi = [VERSI_TEMPLAT, evaluasi.VERSI_MESIN, tabel, tahun, format, parameter]
    isi += [evaluasi.versi_data(pd), pd.pemda.nama, pd.nama, pd.kode]
    return hashlib.sha256(json.dumps(isi, sort_keys=True).encode()).hexdigest()


def sidik_pekerjaan(
    *,
    pd: PerangkatDaerah,
    tahun: int,
    jenis: str,
    tabel: str,
    format: str,
    parameter: dict[str, Any],
) -> str:
    """Fingerprint of everything the file would be made of (data, texts, templates)."""
    if jenis == JenisDokumen.TABEL:
        return _sidik_tabel(pd=pd, tahun=tahun, tabel=tabel, format=format, parameter=parameter)
    p = isi_dokumen.siapkan(
        pd=pd,
        tahun=tahun,
        jenis=jenis,
        versi=parameter["versi"],
        kertas=parameter.get("kertas", "A4"),
        dengan_tabel=False,
    )
    return isi_dokumen.sidik(p)


def _berkas_ada(p: PekerjaanDokumen) -> bool:
    return bool(p.berkas) and p.berkas.storage.exists(p.berkas.name)


def pekerjaan_terakhir(
    *,
    pd: PerangkatDaerah,
    tahun: int,
    jenis: str,
    tabel: str = "",
    format: str = "pdf",
    parameter: dict[str, Any],
    status: str | None = PekerjaanDokumen.Status.SELESAI,
) -> PekerjaanDokumen | None:
    qs = PekerjaanDokumen.objects.filter(
        perangkat_daerah=pd,
        tahun=tahun,
        jenis=jenis,
        tabel=tabel,
        format=format,
        parameter=parameter,
    )
    if status:
        qs = qs.filter(status=status)
    return qs.order_by("-dibuat_pada", "-id").first()


def pekerjaan_minta(
    *,
    pd: PerangkatDaerah,
    tahun: int,
    jenis: str,
    oleh: Any,
    tabel: str = "",
    format: str = "pdf",
    parameter: dict[str, Any] | None = None,
    paksa: bool = False,
    segera: bool = False,
) -> PekerjaanDokumen:
    """Record a request; answer from the stored file when nothing changed, else queue it.

    The task is queued after the surrounding transaction commits; ``segera`` queues it at
    once, for callers that run outside any transaction (commands), so that a caller inside
    one (a test) still gets its file."""
    tabel = tabel if jenis == JenisDokumen.TABEL else ""
    param = parameter_kanonis(jenis=jenis, tabel=tabel, format=format, parameter=parameter or {})
    mulai = time.perf_counter()
    sidik = sidik_pekerjaan(
        pd=pd, tahun=tahun, jenis=jenis, tabel=tabel, format=format, parameter=param
    )
    pengguna = oleh if getattr(oleh, "is_authenticated", False) else None
    umum = dict(
        perangkat_daerah=pd,
        tahun=tahun,
        jenis=jenis,
        tabel=tabel,
        format=format,
        parameter=param,
        diminta_oleh=pengguna,
        sidik_jari=sidik,
    )
    if not paksa:
        lama = (
            PekerjaanDokumen.objects.filter(
                perangkat_daerah=pd,
                tahun=tahun,
                jenis=jenis,
                tabel=tabel,
                format=format,
                parameter=param,
                sidik_jari=sidik,
                status=PekerjaanDokumen.Status.SELESAI,
            )
            .order_by("-dibuat_pada", "-id")
            .first()
        )
        if lama is not None and _berkas_ada(lama):
            sekarang = timezone.now()
            return PekerjaanDokumen.objects.create(
                **umum,
                status=PekerjaanDokumen.Status.SELESAI,
                progres=100,
                berkas=lama.berkas.name,
                nama_berkas=lama.nama_berkas,
                ukuran=lama.ukuran,
                halaman=lama.halaman,
                mulai_pada=sekarang,
                selesai_pada=sekarang,
                durasi_ms=int((time.perf_counter() - mulai) * 1000),
                dari_cache=True,
            )
    pekerjaan = PekerjaanDokumen.objects.create(**umum)
    from dokumen.tasks import buat_dokumen_tugas

    if segera:
        buat_dokumen_tugas.delay(pekerjaan.pk)
    else:
        transaction.on_commit(lambda: buat_dokumen_tugas.delay(pekerjaan.pk))
    return pekerjaan


def nama_berkas(p: PekerjaanDokumen) -> str:
    pd = p.perangkat_daerah
    apa = p.tabel if p.jenis == JenisDokumen.TABEL else p.jenis
    bagian = [apa, pd.kode, str(p.tahun)]
    if p.parameter.get("triwulan"):
        bagian.append(f"tw{p.parameter['triwulan']}")
    if p.parameter.get("versi") == "perubahan":
        bagian.append("perubahan")
    if p.parameter.get("kertas") == "F4":
        bagian.append("f4")
    aman = "_".join(bagian).replace("/", "-").replace(" ", "-")
    return f"{aman}.{p.format}"


def _render_tabel(p: PekerjaanDokumen, lapor: Any) -> tuple[bytes, int]:
    from io import BytesIO

    from inti.ekspor import eksportir_untuk
    from renja.selectors import konteks_dari_pd

    pd = p.perangkat_daerah
    lapor(10, "Menghitung tabel")
    hasil = evaluasi.tabel_hitung(
        pd=pd,
        tahun=p.tahun,
        tabel=p.tabel,
        triwulan=p.parameter.get("triwulan"),
        versi=p.parameter.get("versi", "murni"),
    )
    lapor(50, f"Menulis {p.format.upper()}")
    tabel = tabel_dari_json(hasil.isi)
    keluaran = BytesIO()
    konteks = konteks_dari_pd(
        pd,
        tahun=p.tahun,
        versi=p.parameter.get("versi", "murni"),
        kertas=p.parameter.get("kertas", "A4"),
    )
    eksportir_untuk(p.format).tulis(tabel, keluaran, konteks=konteks)
    isi = keluaran.getvalue()
    halaman = 0
    if p.format == "pdf":
        from pypdf import PdfReader

        halaman = len(PdfReader(BytesIO(isi)).pages)
    return isi, halaman


def _render_dokumen(p: PekerjaanDokumen, lapor: Any) -> tuple[bytes, int]:
    lapor(2, "Menghitung tabel dan menyusun naskah")
    persiapan = isi_dokumen.siapkan(
        pd=p.perangkat_daerah,
        tahun=p.tahun,
        jenis=p.jenis,
        versi=p.parameter.get("versi", "murni"),
        kertas=p.parameter.get("kertas", "A4"),
    )
    depan, badan, daftar = isi_dokumen.bagian_dokumen(persiapan)

    def progres(persen: int, tahap: str) -> None:
        lapor(5 + int(persen * 0.94), tahap)

    hasil = render_dokumen(
        depan=depan,
        isi=badan,
        daftar=daftar,
        kertas=persiapan.kertas,
        kaki=isi_dokumen.kaki(persiapan),
        progres=progres,
        identitas=f"{p.jenis}|{p.perangkat_daerah_id}|{p.tahun}|{persiapan.versi}|{persiapan.kertas}",
    )
    return hasil.pdf, hasil.halaman


def pekerjaan_jalankan(*, pekerjaan_id: int) -> PekerjaanDokumen:
    """Generate the file of one request, reporting progress on its row (run by the worker)."""
    p = PekerjaanDokumen.objects.select_related("perangkat_daerah__pemda").get(pk=pekerjaan_id)
    if p.status == PekerjaanDokumen.Status.SELESAI:
        return p  # delivered twice (acks_late after a worker loss): nothing to do
    mulai = time.perf_counter()
    p.status = PekerjaanDokumen.Status.BERJALAN
    p.mulai_pada = timezone.now()
    p.progres = 1
    p.galat = ""
    p.save(update_fields=["status", "mulai_pada", "progres", "galat"])

    terakhir = [0.0]

    def lapor(persen: int, tahap: str) -> None:
        # One UPDATE per part at most every 0.2 s: the poller sees progress, the DB is spared.
        sekarang = time.perf_counter()
        if sekarang - terakhir[0] < 0.2 and persen < 100:
            return
        terakhir[0] = sekarang
        PekerjaanDokumen.objects.filter(pk=p.pk).update(
            progres=max(1, min(persen, 99)), tahap=tahap[:120]
        )

    try:
        if p.jenis == JenisDokumen.TABEL:
            isi, halaman = _render_tabel(p, lapor)
        else:
            isi, halaman = _render_dokumen(p, lapor)
    except (evaluasi.RencanaTidakAda, TabelTidakDapatDibuat) as exc:
        return _gagal(p, str(exc), mulai)
    except Exception as exc:  # the user must see that it failed and why; the log has the trace
        log.exception("Pembuatan dokumen %s gagal", p.pk)
        return _gagal(p, f"Kesalahan saat menyusun berkas ({type(exc).__name__}: {exc}).", mulai)
    nama = nama_berkas(p)
    p.berkas.save(nama, ContentFile(isi), save=False)
    p.nama_berkas = nama
    p.ukuran = len(isi)
    p.halaman = halaman
    p.status = PekerjaanDokumen.Status.SELESAI
    p.progres = 100
    p.tahap = ""
    p.selesai_pada = timezone.now()
    p.durasi_ms = int((time.perf_counter() - mulai) * 1000)
    p.save()
    return p


def pekerjaan_tunggu(p: PekerjaanDokumen, *, batas_detik: float) -> PekerjaanDokumen:
    """Wait for a queued job to finish (commands; the web polls instead). Raises TimeoutError."""
    batas = time.monotonic() + batas_detik
    while p.status in (PekerjaanDokumen.Status.ANTRE, PekerjaanDokumen.Status.BERJALAN):
        if time.monotonic() > batas:
            raise TimeoutError(
                f"Worker belum selesai setelah {batas_detik:.0f} detik (pekerjaan {p.pk})."
            )
        time.sleep(0.1)
        p.refresh_from_db()
    return p


def _gagal(p: PekerjaanDokumen, pesan: str, mulai: float) -> PekerjaanDokumen:
    p.status = PekerjaanDokumen.Status.GAGAL
    p.galat = pesan
    p.selesai_pada = timezone.now()
    p.durasi_ms = int((time.perf_counter() - mulai) * 1000)
    p.save(update_fields=["status", "galat", "selesai_pada", "durasi_ms"])
    return p


def narasi_simpan(
    *, pd: PerangkatDaerah, tahun: int, jenis_dokumen: str, kunci: str, isi: str, oleh: Any
) -> NarasiBagian:
    obj, _ = NarasiBagian.objects.update_or_create(
        perangkat_daerah=pd,
        tahun=tahun,
        jenis_dokumen=jenis_dokumen,
        kunci=kunci,
        defaults={"isi": isi, "diubah_oleh": oleh},
    )
    return obj


def bersihkan(*, hari: int | None = None) -> dict[str, int]:
    """Remove expired job rows and their files (never the newest good file of a document),
    and cached parts not used for as long."""
    hari = settings.DOKUMEN_SIMPAN_HARI if hari is None else hari
    batas = timezone.now() - timedelta(days=hari)
    terbaru: set[int] = set()
    seen: set[tuple[Any, ...]] = set()
    for row in (
        PekerjaanDokumen.objects.filter(status=PekerjaanDokumen.Status.SELESAI)
        .order_by("-dibuat_pada", "-id")
        .values("id", "perangkat_daerah_id", "tahun", "jenis", "tabel", "format", "parameter")
    ):
        key = (
            row["perangkat_daerah_id"],
            row["tahun"],
            row["jenis"],
            row["tabel"],
            row["format"],
            json.dumps(row["parameter"], sort_keys=True),
        )
        if key not in seen:
            seen.add(key)
            terbaru.add(row["id"])
    kedaluwarsa = PekerjaanDokumen.objects.filter(dibuat_pada__lt=batas).exclude(id__in=terbaru)
    berkas = set(kedaluwarsa.exclude(berkas="").values_list("berkas", flat=True))
    n_baris = kedaluwarsa.count()
    kedaluwarsa.delete()
    masih = set(PekerjaanDokumen.objects.filter(berkas__in=berkas).values_list("berkas", flat=True))
    from django.core.files.storage import default_storage

    n_berkas = 0
    for nama in berkas - masih:
        if default_storage.exists(nama):
            default_storage.delete(nama)
            n_berkas += 1
    n_bagian = 0
    folder = Path(settings.DOKUMEN_CACHE_DIR)
    if folder.exists():
        batas_detik = time.time() - hari * 86400
        for path in folder.glob("*/*.pdf"):
            if path.stat().st_mtime < batas_detik:
                path.unlink(missing_ok=True)
                path.with_suffix(".json").unlink(missing_ok=True)
                n_bagian += 1
    return {"pekerjaan": n_baris, "berkas": n_berkas, "bagian": n_bagian}
