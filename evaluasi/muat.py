"""Load one plan (a Renstra tree) into pandas DataFrames with a fixed number of queries.

This is the only place the evaluation reads the database; the formulas in
``inti.rumus`` and the tables in ``evaluasi.tabel`` never touch the ORM.
Fourteen queries whatever the plan's size (asserted in tests/test_evaluasi.py).
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal

import pandas as pd
from django.db.models import Q

from inti import rumus
from renja.models import (
    CatatanEvaluasi,
    Indikator,
    Nilai,
    NilaiTercetak,
    PerangkatDaerah,
    PerjanjianKinerja,
    ProgramKegiatan,
    Renstra,
    Sasaran,
    SasaranProgram,
)
from renja.selectors import renstra_untuk_tahun

KOLOM_NODE = ["id", "kode", "level", "parent_id", "uraian"]
KOLOM_INDIKATOR = [
    "id", "node_id", "sasaran_id", "tujuan_id", "nama", "satuan", "polaritas", "akumulasi", "urutan",
]  # fmt: skip
KOLOM_SASARAN = ["id", "kunci", "uraian", "tujuan_id", "tujuan_uraian"]
KOLOM_PK = ["tahun", "revisi", "tanggal", "keterangan"]
KOLOM_CATATAN = [
    "tahun",
    "triwulan",
    "faktor_pendorong",
    "faktor_penghambat",
    "tindak_lanjut_triwulan",
    "tindak_lanjut_renja",
]
KOLOM_NILAI_IND = ["indikator_id", "tahun", "jenis", "triwulan", "angka", "teks"]
KOLOM_NILAI_NODE = ["node_id", "tahun", "jenis", "triwulan", "angka", "teks"]
KOLOM_TERCETAK = ["indikator_id", "node_id", "tahun", "jenis", "triwulan", "angka", "sumber"]


class RencanaTidakAda(Exception):
    """No plan to evaluate (unknown agency or no Renstra for the year)."""


@dataclass(frozen=True)
class DataRencana:
    """A plan tree and every value of it, as DataFrames (Decimals in object columns)."""

    pd_id: int
    pd_kode: str
    pd_nama: str
    pemda: str
    renstra_id: int
    tahun_mulai: int
    tahun_selesai: int
    node: pd.DataFrame
    indikator: pd.DataFrame
    nilai_indikator: pd.DataFrame
    nilai_node: pd.DataFrame
    tercetak: pd.DataFrame
    sasaran_program: pd.DataFrame
    sasaran: pd.DataFrame
    perjanjian_kinerja: pd.DataFrame
    skala: dict[str, rumus.Skala] = field(default_factory=dict)
    # The planner's account of each quarter (E.81 closing rows), KOLOM_CATATAN.
    catatan_evaluasi: pd.DataFrame = field(
        default_factory=lambda: pd.DataFrame(columns=KOLOM_CATATAN)
    )

    def skala_untuk(self, jenis: str) -> rumus.Skala:
        """The pemda's scale of that kind for this plan, else the default of domain.md §4."""
        bawaan = {
            "predikat": rumus.SKALA_PREDIKAT,
            "atribut": rumus.SKALA_ATRIBUT,
            "efisiensi": rumus.SKALA_EFISIENSI,
        }
        return self.skala.get(jenis, bawaan[jenis])

    def sidik_jari(self) -> str:
        """Fingerprint of every input: equal fingerprints give equal tables (computed once)."""
        cached = self.__dict__.get("_sidik_jari")
        if cached is not None:
            return str(cached)
        h = hashlib.sha256()
        for frame in (
            self.node,
            self.indikator,
            self.nilai_indikator,
            self.nilai_node,
            self.tercetak,
            self.sasaran_program,
            self.sasaran,
            self.perjanjian_kinerja,
            self.catatan_evaluasi,
        ):
            h.update(frame.to_csv(index=False).encode())
        h.update(f"{self.tahun_mulai}-{self.tahun_selesai}".encode())
        for jenis in sorted(self.skala):
            h.update(repr(self.skala[jenis].sebagai_dict()).encode())
        object.__setattr__(self, "_sidik_jari", h.hexdigest())  # frozen: a cache, not a field
        return h.hexdigest()


def _frame(rows: Sequence[tuple[object, ...]], columns: list[str]) -> pd.DataFrame:
    """Rows as a DataFrame; an empty one still has its columns."""
    return (
        pd.DataFrame.from_records(rows, columns=columns) if rows else pd.DataFrame(columns=columns)
    )


def _angka(value: Decimal | None) -> Decimal | None:
    """A stored amount without its padding zeros; None stays None."""
    # Stored with 4 places; normalise so that 5500.0000 prints and hashes as 5500.
    if value is None:
        return None
    return value.quantize(Decimal(1)) if value == value.to_integral() else value.normalize()


def muat_rencana(*, pd_obj: PerangkatDaerah, tahun: int) -> DataRencana:
    """The plan tree of the Renstra that contains ``tahun`` (or the latest before it),
    with the pemda's scales in force for ``tahun``."""
    renstra = renstra_untuk_tahun(pd=pd_obj, tahun=tahun)
    if renstra is None:
        raise RencanaTidakAda(f"{pd_obj.kode} belum punya Renstra yang memuat tahun {tahun}.")
    data = muat_renstra(renstra=renstra, pd_obj=pd_obj)
    return replace(data, skala=skala_berlaku(pemda_id=pd_obj.pemda_id, tahun=tahun))


def skala_berlaku(*, pemda_id: int, tahun: int) -> dict[str, rumus.Skala]:
    """The latest version of each of the pemda's own scales that applies in ``tahun``."""
    from evaluasi.models import SkalaPenilaian

    hasil: dict[str, rumus.Skala] = {}
    for s in SkalaPenilaian.objects.filter(pemda_id=pemda_id, berlaku_mulai__lte=tahun).order_by(
        "berlaku_mulai"
    ):
        hasil[s.jenis] = rumus.skala_dari_dict({**s.definisi, "versi": s.versi})
    return hasil


def muat_renstra(*, renstra: Renstra, pd_obj: PerangkatDaerah) -> DataRencana:
    """Every frame of one Renstra and its agency, in a fixed number of queries."""
    node = _muat_pohon(renstra)
    indikator = _muat_indikator(renstra)
    nilai_indikator, nilai_node = _muat_nilai(renstra)
    tercetak = _muat_tercetak(renstra)
    sasaran_program, sasaran = _muat_sasaran(renstra)
    perjanjian_kinerja, catatan_evaluasi = _muat_catatan_pd(renstra, pd_obj)
    return DataRencana(
        pd_id=pd_obj.pk,
        pd_kode=pd_obj.kode,
        pd_nama=pd_obj.nama,
        pemda=pd_obj.pemda.nama,
        renstra_id=renstra.pk,
        tahun_mulai=renstra.tahun_mulai,
        tahun_selesai=renstra.tahun_selesai,
        node=node,
        indikator=indikator,
        nilai_indikator=nilai_indikator,
        nilai_node=nilai_node,
        tercetak=tercetak,
        sasaran_program=sasaran_program,
        sasaran=sasaran,
        perjanjian_kinerja=perjanjian_kinerja,
        catatan_evaluasi=catatan_evaluasi,
    )


# Indicators of the tree, of its sasaran (IKU) and of its tujuan. One query per owner kind:
# an OR across the three joins makes SQLite and PostgreSQL scan the whole value table.
_PEMILIK = ("program_kegiatan", "sasaran", "tujuan")


def _muat_pohon(renstra: Renstra) -> pd.DataFrame:
    """The program/kegiatan tree, KOLOM_NODE, sorted by code (one query)."""
    nodes = [
        (n.pk, n.kode, n.level, n.parent_id, n.uraian_lokal or n.nomenklatur.nama)
        for n in ProgramKegiatan.objects.filter(renstra=renstra)
        .select_related("nomenklatur")
        .only("id", "kode", "level", "parent_id", "uraian_lokal", "nomenklatur__nama")
    ]
    return _frame(nodes, KOLOM_NODE).sort_values("kode", kind="stable").reset_index(drop=True)


def _muat_indikator(renstra: Renstra) -> pd.DataFrame:
    """Indicators of the tree, the sasaran and the tujuan, KOLOM_INDIKATOR (three queries)."""
    indikator = [
        row
        for kind in _PEMILIK
        for row in Indikator.objects.filter(**{f"{kind}__renstra": renstra}).values_list(
            "id",
            "program_kegiatan_id",
            "sasaran_id",
            "tujuan_id",
            "nama",
            "satuan",
            "polaritas",
            "akumulasi",
            "urutan",
        )
    ]
    return _frame(indikator, KOLOM_INDIKATOR)


def _muat_nilai(renstra: Renstra) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Stored values of the indicators (three queries) and of the tree's nodes (one)."""
    nilai_ind = [
        (i, t, j, q, _angka(a), x)
        for kind in _PEMILIK
        for i, t, j, q, a, x in Nilai.objects.filter(
            **{f"indikator__{kind}__renstra": renstra}
        ).values_list("indikator_id", "tahun", "jenis", "triwulan", "angka", "teks")
    ]
    nilai_node = [
        (n, t, j, q, _angka(a), x)
        for n, t, j, q, a, x in Nilai.objects.filter(program_kegiatan__renstra=renstra).values_list(
            "program_kegiatan_id", "tahun", "jenis", "triwulan", "angka", "teks"
        )
    ]
    return _frame(nilai_ind, KOLOM_NILAI_IND), _frame(nilai_node, KOLOM_NILAI_NODE)


def _muat_tercetak(renstra: Renstra) -> pd.DataFrame:
    """Figures as printed in the plan's documents, of indicators and nodes (one query)."""
    nilai_milik = (
        Q(indikator__program_kegiatan__renstra=renstra)
        | Q(indikator__sasaran__renstra=renstra)
        | Q(indikator__tujuan__renstra=renstra)
    )
    tercetak = [
        (i, n, t, j, q, _angka(a), s)
        for i, n, t, j, q, a, s in (
            NilaiTercetak.objects.filter(nilai_milik | Q(program_kegiatan__renstra=renstra))
        ).values_list(
            "indikator_id", "program_kegiatan_id", "tahun", "jenis", "triwulan", "angka", "sumber"
        )
    ]
    return _frame(tercetak, KOLOM_TERCETAK)


def _muat_sasaran(renstra: Renstra) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The program-to-sasaran links and the sasaran with their tujuan (two queries)."""
    sasaran_program = list(
        SasaranProgram.objects.filter(program__renstra=renstra).values_list(
            "sasaran_id", "program_id"
        )
    )
    sasaran = list(
        Sasaran.objects.filter(renstra=renstra)
        .order_by("kunci")
        .values_list("id", "kunci", "uraian", "tujuan_id", "tujuan__uraian")
    )
    return (
        _frame(sasaran_program, ["sasaran_id", "program_id"]),
        _frame(sasaran, KOLOM_SASARAN),
    )


def _muat_catatan_pd(
    renstra: Renstra, pd_obj: PerangkatDaerah
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The agency's performance agreements and its quarterly notes over the plan (two queries)."""
    pk = list(
        PerjanjianKinerja.objects.filter(perangkat_daerah=pd_obj).values_list(
            "tahun", "revisi", "tanggal", "keterangan"
        )
    )
    catatan = list(
        CatatanEvaluasi.objects.filter(
            perangkat_daerah=pd_obj, tahun__range=(renstra.tahun_mulai, renstra.tahun_selesai + 1)
        )
        .order_by("tahun", "triwulan")
        .values_list(*KOLOM_CATATAN)
    )
    return _frame(pk, KOLOM_PK), _frame(catatan, KOLOM_CATATAN)
