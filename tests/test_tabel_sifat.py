"""Properties of the table engine over generated plans (hypothesis), without a database."""

from __future__ import annotations

from decimal import Decimal

import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from evaluasi.indeks import Indeks
from evaluasi.muat import (
    KOLOM_INDIKATOR,
    KOLOM_NILAI_IND,
    KOLOM_NILAI_NODE,
    KOLOM_NODE,
    KOLOM_PK,
    KOLOM_SASARAN,
    KOLOM_TERCETAK,
    DataRencana,
)
from evaluasi.tabel import tc33

LEVELS = ["urusan", "bidang", "program", "kegiatan", "sub_kegiatan"]


@st.composite
def rencana(draw):
    """A random plan tree (1 urusan; 1-3 children per node) with random sub kegiatan budgets."""
    nodes = []
    budgets = []
    counter = iter(range(1, 10_000))

    def tambah(parent_id, kode, depth):
        node_id = next(counter)
        nodes.append((node_id, kode, LEVELS[depth], parent_id, f"Node {kode}"))
        if depth == 4:
            for tahun in (2024, 2025):
                if draw(st.booleans()):
                    amount = draw(st.decimals(min_value=0, max_value=10**12, places=2))
                    budgets.append((node_id, tahun, "pagu", 0, amount, ""))
            return
        for i in range(draw(st.integers(min_value=1, max_value=3))):
            tambah(node_id, f"{kode}.{i + 1}", depth + 1)

    tambah(None, "5", 0)

    def frame(rows, columns):
        return (
            pd.DataFrame.from_records(rows, columns=columns)
            if rows
            else pd.DataFrame(columns=columns)
        )

    return DataRencana(
        pd_id=1, pd_kode="X", pd_nama="X", pemda="P", renstra_id=1, tahun_mulai=2021, tahun_selesai=2026,
        node=frame(nodes, KOLOM_NODE),
        indikator=frame([], KOLOM_INDIKATOR),
        nilai_indikator=frame([], KOLOM_NILAI_IND),
        nilai_node=frame(budgets, KOLOM_NILAI_NODE),
        tercetak=frame([], KOLOM_TERCETAK),
        sasaran_program=frame([], ["sasaran_id", "program_id"]),
        sasaran=frame([], KOLOM_SASARAN),
        perjanjian_kinerja=frame([], KOLOM_PK),
    )  # fmt: skip


@settings(max_examples=60, deadline=None)
@given(rencana())
def test_every_parent_budget_is_the_sum_of_its_children_at_every_level(data):
    idx = Indeks(data)
    for tahun in (2024, 2025):
        jumlah = idx.jumlah_anggaran("pagu", tahun)
        for node_id, node in idx.node.items():
            if node.level == "sub_kegiatan":
                assert jumlah.get(node_id) == idx.nod.get((node_id, tahun, "pagu", 0))
                continue
            children = [jumlah[c] for c in idx.anak.get(node_id, []) if c in jumlah]
            # A sum over no values is no value, not zero.
            assert jumlah.get(node_id) == (sum(children, Decimal(0)) if children else None)


@settings(max_examples=40, deadline=None)
@given(rencana())
def test_the_tc33_urusan_row_carries_the_total_of_every_sub_kegiatan(data):
    tabel = tc33(data, tahun=2024)
    subs = data.nilai_node[data.nilai_node["tahun"] == 2024]["angka"]
    urusan = [b for b in tabel.baris if b.level == "urusan"]
    if len(subs):
        assert urusan[0].nilai["k6"] == sum(subs, Decimal(0))
    else:
        assert not urusan or urusan[0].nilai["k6"] is None
