"""``check_plan``: consistency findings of one perangkat daerah's plan.

Reads a fixed number of queries whatever the plan's size, then checks in memory.
The evaluation engine adds the capaian checks (printed vs computed) later.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Q

from inti import rumus
from inti.konstanta import TRIWULAN
from inti.parsing import format_angka, satuan_sama
from renja.models import (
    JENIS_ANGGARAN,
    Indikator,
    Jenis,
    Level,
    Nilai,
    NilaiTercetak,
    PerangkatDaerah,
    ProgramKegiatan,
)
from renja.selectors import renstra_untuk_tahun

KOLOM_CSV = ("jenis", "kode", "indikator", "kolom", "diharapkan", "ditemukan", "pesan")


class TidakDapatMemeriksa(Exception):
    pass


@dataclass(frozen=True, order=True)
class Temuan:
    kode: str
    jenis: str
    indikator: str
    kolom: str
    diharapkan: str
    ditemukan: str
    pesan: str

    def sebagai_baris(self) -> list[str]:
        return [getattr(self, k) for k in KOLOM_CSV]


def angka_polos(d: Decimal | None) -> str:
    """Machine format: dot decimal, no thousands separator, no trailing zeros."""
    if d is None:
        return ""
    text = format(d, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text or "0"


def _rp(d: Decimal) -> str:
    """An amount in Indonesian notation, with cents only when it has them."""
    return format_angka(d, 0 if d == d.to_integral_value() else 2)


def _kolom(jenis: str, tahun: int, triwulan: int) -> str:
    return f"{jenis} {tahun}" + (f" TW{triwulan}" if triwulan else "")


def _periksa_capaian(
    indikator: dict[int | None, Indikator],
    nilai_ind: list[Nilai],
    tercetak: list[NilaiTercetak],
    kode_pemilik: Callable[[Indikator], str],
) -> list[Temuan]:
    """A printed capaian differs from capaian(target, realisasi) rounded half-up to 2 decimals."""
    nilai: dict[tuple[int | None, int, str, int], Decimal | None] = {
        (n.indikator_id, n.tahun, n.jenis, n.triwulan): n.angka for n in nilai_ind
    }
    hasil = []
    for t in tercetak:
        ind = indikator[t.indikator_id]
        y = t.tahun
        # The Renja target of the year: the perubahan one where it exists.
        target = nilai.get((ind.pk, y, Jenis.TARGET_PERUBAHAN, 0))
        if target is None:
            target = nilai.get((ind.pk, y, Jenis.TARGET, 0))
        realisasi = rumus.realisasi_tahun(
            nilai.get((ind.pk, y, Jenis.REALISASI, 0)),
            [nilai.get((ind.pk, y, Jenis.REALISASI, q)) for q in TRIWULAN],
            ind.akumulasi,
        )
        # Compared at the precision it was printed with: "100%" agrees with 99,61.
        desimal = 2 if t.desimal is None else t.desimal
        dihitung = rumus.bulat(rumus.capaian(target, realisasi, ind.polaritas), desimal)
        if dihitung is not None and dihitung == t.angka:
            continue
        if dihitung is None:
            pesan = (
                f"capaian tercetak di {t.sumber}, tetapi target atau realisasi {y} "
                "tidak ada (atau target 0) sehingga capaian tidak dapat dihitung"
            )
        else:
            pesan = (
                f"capaian tercetak di {t.sumber} {format_angka(t.angka)}%, hasil hitung "
                f"{format_angka(dihitung, desimal)}% (realisasi {format_angka(realisasi or 0)} / "
                f"target {format_angka(target or 0)}, {ind.polaritas})"
            )
        hasil.append(
            Temuan(
                kode_pemilik(ind),
                "capaian_tidak_sesuai",
                ind.nama,
                f"capaian {y}",
                angka_polos(dihitung),
                angka_polos(t.angka),
                pesan,
            )
        )
    return hasil


def _periksa_belanja_triwulan(
    nodes: dict[int | None, ProgramKegiatan], nilai_node: list[Nilai]
) -> list[Temuan]:
    """A sub kegiatan's yearly realisasi anggaran differs from the sum of its quarters.

    The reports count the yearly figure (``rumus.belanja_tahun``), so the quarters entered
    beside it are then not what was spent: the planner should correct one or the other.
    """
    tahunan: dict[tuple[int | None, int], Decimal] = {}
    kuartal: dict[tuple[int | None, int], list[Decimal | None]] = defaultdict(list)
    for n in nilai_node:
        if n.jenis != Jenis.REALISASI_ANGGARAN or n.angka is None:
            continue
        if n.triwulan == 0:
            tahunan[(n.program_kegiatan_id, n.tahun)] = n.angka
        else:
            kuartal[(n.program_kegiatan_id, n.tahun)].append(n.angka)
    hasil = []
    for (node_id, th), setahun in tahunan.items():
        jumlah = rumus.jumlah(kuartal.get((node_id, th), []))
        node = nodes[node_id]
        if jumlah is None or jumlah == setahun or node.level != Level.SUB_KEGIATAN:
            continue
        hasil.append(
            Temuan(
                node.kode,
                "belanja_triwulan_tidak_sesuai",
                "",
                _kolom(Jenis.REALISASI_ANGGARAN, th, 0),
                angka_polos(jumlah),
                angka_polos(setahun),
                f"realisasi anggaran {th} setahun {_rp(setahun)} berbeda dari jumlah realisasi "
                f"triwulan yang diisi ({_rp(jumlah)}); laporan memakai angka setahun",
            )
        )
    return hasil


def _periksa_total(
    nodes: dict[int | None, ProgramKegiatan],
    nilai_node: list[Nilai],
    tercetak: list[NilaiTercetak],
) -> list[Temuan]:
    """Declared parent totals against the sum of the sub kegiatan below them; budgets stored on
    a parent."""
    temuan: list[Temuan] = []
    jumlah: dict[tuple[int | None, int, str, int], Decimal] = defaultdict(Decimal)
    for n in nilai_node:
        if n.jenis not in JENIS_ANGGARAN or n.angka is None:
            continue
        node = nodes[n.program_kegiatan_id]
        if node.level != Level.SUB_KEGIATAN:
            temuan.append(
                Temuan(
                    node.kode,
                    "anggaran_bukan_sub_kegiatan",
                    "",
                    _kolom(n.jenis, n.tahun, n.triwulan),
                    "",
                    angka_polos(n.angka),
                    "anggaran tersimpan pada induk; anggaran hanya diisi pada sub kegiatan",
                )
            )
            continue
        parent_id = node.parent_id
        while parent_id is not None:
            jumlah[(parent_id, n.tahun, n.jenis, n.triwulan)] += n.angka
            parent_id = nodes[parent_id].parent_id
    for t in tercetak:
        node = nodes[t.program_kegiatan_id]
        hitung = jumlah.get((node.pk, t.tahun, t.jenis, t.triwulan))
        if hitung is not None and hitung == t.angka:
            continue
        if hitung is None:
            pesan = (
                f"total tercetak di {t.sumber}, tetapi tidak ada {t.jenis} sub kegiatan di bawahnya"
            )
        else:
            selisih = t.angka - hitung
            arah = "lebih" if selisih > 0 else "kurang"
            pesan = (
                f"total tercetak di {t.sumber} {arah} {format_angka(abs(selisih), 0)} "
                f"dari jumlah sub kegiatan ({format_angka(hitung, 0)})"
            )
        temuan.append(
            Temuan(
                node.kode,
                "total_tidak_sesuai",
                "",
                _kolom(t.jenis, t.tahun, t.triwulan),
                angka_polos(hitung),
                angka_polos(t.angka),
                pesan,
            )
        )
    return temuan


def _periksa_realisasi(
    nodes: dict[int | None, ProgramKegiatan],
    indikator: dict[int | None, Indikator],
    nilai_node: list[Nilai],
    nilai_ind: list[Nilai],
    kode_pemilik: Callable[[Indikator], str],
) -> list[Temuan]:
    """Realisasi without a target of the same year, values in another unit than their
    indicator's, realisasi anggaran without a pagu of the same year."""
    temuan: list[Temuan] = []
    ada_target: set[tuple[int | None, int]] = set()
    realisasi: dict[tuple[int | None, int], Nilai] = {}
    for n in nilai_ind:
        key = (n.indikator_id, n.tahun)
        if n.jenis in (Jenis.TARGET, Jenis.TARGET_PERUBAHAN):
            ada_target.add(key)
        elif n.jenis == Jenis.REALISASI:
            realisasi.setdefault(key, n)
        if n.satuan and not satuan_sama(n.satuan, indikator[n.indikator_id].satuan):
            ind = indikator[n.indikator_id]
            temuan.append(
                Temuan(
                    kode_pemilik(ind),
                    "satuan_berbeda",
                    ind.nama,
                    _kolom(n.jenis, n.tahun, n.triwulan),
                    ind.satuan,
                    n.satuan,
                    f"nilai bersatuan {n.satuan!r}, indikator bersatuan {ind.satuan!r}",
                )
            )
    for (ind_id, th), n in sorted(realisasi.items(), key=lambda kv: (kv[0][0] or 0, kv[0][1])):
        if (ind_id, th) in ada_target:
            continue
        ind = indikator[ind_id]
        temuan.append(
            Temuan(
                kode_pemilik(ind),
                "realisasi_tanpa_target",
                ind.nama,
                _kolom("realisasi", th, 0),
                "",
                angka_polos(n.angka),
                f"ada realisasi {th} tetapi tidak ada target {th}",
            )
        )
    ada_pagu = {
        (n.program_kegiatan_id, n.tahun)
        for n in nilai_node
        if n.jenis in (Jenis.PAGU, Jenis.PAGU_PERUBAHAN)
    }
    for n in nilai_node:
        if n.jenis == Jenis.REALISASI_ANGGARAN and (n.program_kegiatan_id, n.tahun) not in ada_pagu:
            node = nodes[n.program_kegiatan_id]
            temuan.append(
                Temuan(
                    node.kode,
                    "realisasi_tanpa_pagu",
                    "",
                    _kolom(n.jenis, n.tahun, n.triwulan),
                    "",
                    angka_polos(n.angka),
                    f"ada realisasi anggaran {n.tahun} tetapi tidak ada pagu {n.tahun}",
                )
            )
    return temuan


def _periksa_kode_lokal(nodes: dict[int | None, ProgramKegiatan]) -> list[Temuan]:
    """Codes absent from the official nomenclature."""
    temuan: list[Temuan] = []
    for node in nodes.values():
        if node.nomenklatur.pemda_id is not None:
            temuan.append(
                Temuan(
                    node.kode,
                    "kode_lokal",
                    "",
                    "kode",
                    "",
                    node.kode,
                    "kode tidak ada di nomenklatur resmi",
                )
            )
    return temuan


def periksa_plan(*, pd: PerangkatDaerah, tahun: int) -> list[Temuan]:
    renstra = renstra_untuk_tahun(pd=pd, tahun=tahun)
    if renstra is None:
        raise TidakDapatMemeriksa(f"{pd.kode} belum punya Renstra yang memuat tahun {tahun}.")
    # Keyed by the nullable FK value so that lookups by ``*_id`` type-check.
    nodes: dict[int | None, ProgramKegiatan] = {
        n.pk: n
        for n in ProgramKegiatan.objects.filter(renstra=renstra).select_related("nomenklatur")
    }
    # Indicators of the plan tree and of its tujuan and sasaran (IKU).
    milik_renstra = (
        Q(program_kegiatan__renstra=renstra)
        | Q(sasaran__renstra=renstra)
        | Q(tujuan__renstra=renstra)
    )
    indikator: dict[int | None, Indikator] = {
        i.pk: i for i in Indikator.objects.filter(milik_renstra).select_related("sasaran", "tujuan")
    }
    nilai_node = list(Nilai.objects.filter(program_kegiatan__renstra=renstra))
    nilai_ind = list(Nilai.objects.filter(indikator__in=list(indikator)))
    capaian_tercetak = list(
        NilaiTercetak.objects.filter(indikator__in=list(indikator), jenis=Jenis.CAPAIAN_TERCETAK)
    )

    def kode_pemilik(ind: Indikator) -> str:
        if ind.program_kegiatan_id is not None:
            return nodes[ind.program_kegiatan_id].kode
        if ind.sasaran is not None:
            return f"SASARAN-{ind.sasaran.kunci}"
        return f"TUJUAN-{ind.tujuan.kunci}" if ind.tujuan else ""

    tercetak = list(
        NilaiTercetak.objects.filter(program_kegiatan__renstra=renstra, jenis__in=JENIS_ANGGARAN)
    )
    temuan = _periksa_total(nodes, nilai_node, tercetak)
    temuan += _periksa_realisasi(nodes, indikator, nilai_node, nilai_ind, kode_pemilik)
    temuan += _periksa_belanja_triwulan(nodes, nilai_node)
    temuan += _periksa_capaian(indikator, nilai_ind, capaian_tercetak, kode_pemilik)
    temuan += _periksa_kode_lokal(nodes)
    return sorted(set(temuan))
