"""One spending rule: a year's realisasi anggaran of a sub kegiatan is its yearly figure where
entered, else the sum of the quarters entered, else no value (``inti.rumus.belanja_tahun``).

One plan, two sub kegiatan of one kegiatan in 2023:

* A: yearly figure 900 and quarters 200 + 300 + 100 + 100 = 700 (they disagree);
* B: quarters 100 + 150 = 250 only.

The year's spending is A = 900, B = 250, kegiatan and program 1.150 in the realisation grid,
E.81 of 2024 ("realisasi s/d tahun lalu"), the LKj anggaran table and the narrative; check_plan
reports A's disagreement. E.81's own year columns are the quarters by the form's definition.
"""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from django.urls import reverse

from dokumen.narasi import NARASI, KonteksNarasi
from evaluasi.muat import muat_rencana
from evaluasi.tabel import e81
from evaluasi.tabel_lkj import lkj_anggaran
from inti import rumus
from renja.isian import selectors as selectors_isian
from renja.models import Jenis, Nilai
from renja.pemeriksaan import periksa_plan
from tests.factories import sub_kegiatan

A, B = "5.03.02.2.01.0001", "5.03.02.2.01.0002"
KEGIATAN, PROGRAM = "5.03.02.2.01", "5.03.02"


def test_the_rule():
    q = [Decimal(200), Decimal(300), None, Decimal(100)]
    assert rumus.belanja_tahun(Decimal(900), q) == Decimal(900)
    assert rumus.belanja_tahun(None, q) == Decimal(600)
    assert rumus.belanja_tahun(None, [None] * 4) is None
    assert rumus.belanja_tahun(Decimal(0), q) == Decimal(0)  # zero is a value
    assert rumus.belanja_tahun_kolom([Decimal(1), None], [q, q]) == [Decimal(1), Decimal(600)]
    assert rumus.jumlah([]) is None and rumus.jumlah([None]) is None
    assert rumus.jumlah([Decimal("1.5"), None, Decimal(2)]) == Decimal("3.5")
    induk = {1: None, 2: 1, 3: 2, 4: 2, 5: 1}
    assert rumus.jumlah_ke_atas(induk, {3: Decimal(1), 4: Decimal(2), 5: None}) == {
        3: Decimal(1),
        4: Decimal(2),
        2: Decimal(3),
        1: Decimal(3),
    }


@pytest.fixture
def rencana(renstra):
    a, b = sub_kegiatan(renstra, A), sub_kegiatan(renstra, B)

    def isi(node, jenis, tahun, angka, triwulan=0):
        Nilai.objects.create(
            program_kegiatan=node, jenis=jenis, tahun=tahun, triwulan=triwulan, angka=angka
        )

    for node, pagu in ((a, 1000), (b, 500)):
        isi(node, Jenis.PAGU, 2023, Decimal(pagu))
        isi(node, Jenis.PAGU, 2024, Decimal(pagu + 100))
    isi(a, Jenis.REALISASI_ANGGARAN, 2023, Decimal(900))
    for q, v in enumerate((200, 300, 100, 100), start=1):
        isi(a, Jenis.REALISASI_ANGGARAN, 2023, Decimal(v), q)
    for q, v in ((1, 100), (2, 150)):
        isi(b, Jenis.REALISASI_ANGGARAN, 2023, Decimal(v), q)
    return a, b


TAHUN = {A: Decimal(900), B: Decimal(250), KEGIATAN: Decimal(1150), PROGRAM: Decimal(1150)}


def _span(html: str, dom_id: str) -> str:
    m = re.search(rf'<span id="{dom_id}"[^>]*>([^<]*)</span>', html)
    assert m, f"{dom_id} not in the page"
    return m.group(1)


def test_the_grid_counts_the_yearly_figure_else_the_quarters(client, alice, bkpsdm, rencana):
    m = selectors_isian.muat(pd=bkpsdm, tahun=2023, bisa_ubah=True)
    assert m is not None
    jumlah = selectors_isian.jumlah_anggaran(node=m.node, nilai_n=m.nilai_n, tahun=2023)
    per_kode = {n.kode: n.pk for n in m.node}
    for kode, nilai in TAHUN.items():
        assert jumlah[per_kode[kode]]["tahun"] == nilai, kode
    assert jumlah["total"]["tahun"] == Decimal(1150)
    assert jumlah["total"]["serapan"] == rumus.serapan(Decimal(1150), Decimal(1500))

    client.force_login(alice)
    html = client.get(reverse("isian:realisasi", args=[bkpsdm.pk, 2023])).content.decode()
    assert _span(html, f"jml-n{per_kode[A]}-tahun") == "900"
    assert _span(html, f"jml-n{per_kode[B]}-tahun") == "250"
    assert _span(html, f"jml-n{per_kode[KEGIATAN]}-tahun") == "1.150"
    assert _span(html, "jml-total-tahun") == "1.150"


def test_e81_counts_the_same_spending_up_to_last_year(bkpsdm, rencana):
    baris = {
        b.kode: b
        for b in e81(muat_rencana(pd_obj=bkpsdm, tahun=2024), tahun=2024, triwulan=4).baris
    }
    for kode, nilai in TAHUN.items():
        assert baris[kode].nilai["k6_rp"] == nilai, kode
    # E.81 of 2023 itself: columns 8-11 are each quarter's own value and column 12 their sum,
    # by the form's definition. For B (quarters only) that is the year's figure; for A it is
    # the quarters (700), not the yearly 900 that every year total uses.
    tahun_ini = {
        b.kode: b
        for b in e81(muat_rencana(pd_obj=bkpsdm, tahun=2023), tahun=2023, triwulan=4).baris
    }
    assert tahun_ini[B].nilai["k12_rp"] == TAHUN[B]
    assert tahun_ini[A].nilai["k12_rp"] == Decimal(700)


def test_the_lkj_and_its_narrative_count_the_same_spending(bkpsdm, rencana):
    data = muat_rencana(pd_obj=bkpsdm, tahun=2023)
    tabel = lkj_anggaran(data, tahun=2023)
    program = next(b for b in tabel.baris if b.kode == PROGRAM)
    assert program.nilai["k7"] == TAHUN[PROGRAM]
    assert tabel.kaki[0].nilai["k7"] == Decimal(1150)
    konteks = KonteksNarasi(
        "lkj", "Kota Batam", bkpsdm.nama, "BKPSDM", 2023, {"lkj_anggaran": tabel}, data
    )
    assert (
        "Realisasi anggaran sampai dengan 31 Desember 2023 sebesar Rp1.150 (seribu seratus lima "
        "puluh rupiah) atau 76,67% dari total anggaran."
    ) in NARASI["lkj_akuntabilitas_keuangan"](konteks)
    assert "(Rp1.150 dari Rp1.500)" in NARASI["lkj_kinerja_anggaran"](konteks)


def test_check_plan_reports_a_yearly_figure_that_is_not_the_quarters_sum(bkpsdm, rencana):
    temuan = [
        t for t in periksa_plan(pd=bkpsdm, tahun=2023) if t.jenis == "belanja_triwulan_tidak_sesuai"
    ]
    assert [(t.kode, t.kolom, t.diharapkan, t.ditemukan) for t in temuan] == [
        (A, "realisasi_anggaran 2023", "700", "900")
    ]
    assert "laporan memakai angka setahun" in temuan[0].pesan


def test_check_plan_is_quiet_when_the_yearly_figure_is_the_quarters_sum(bkpsdm, rencana):
    a, _ = rencana
    Nilai.objects.filter(program_kegiatan=a, triwulan=4).update(angka=Decimal(300))
    assert not [
        t for t in periksa_plan(pd=bkpsdm, tahun=2023) if t.jenis == "belanja_triwulan_tidak_sesuai"
    ]


def test_an_indicators_year_is_counted_one_way_in_the_grid_the_tables_and_check_plan(
    bkpsdm, renstra
):
    """An indicator's realisasi of a year: the yearly value, else its quarters by akumulasi.

    The grid used to take the quarters first; E.81/T-C.29 and check_plan the yearly value.
    """
    from evaluasi.indeks import indeks
    from renja.models import Indikator

    node = sub_kegiatan(renstra, A)
    ind = Indikator.objects.create(
        program_kegiatan=node, nama="Jumlah ASN dilatih", satuan="orang", akumulasi="kumulatif"
    )
    Nilai.objects.create(indikator=ind, jenis=Jenis.TARGET, tahun=2023, angka=Decimal(100))
    Nilai.objects.create(indikator=ind, jenis=Jenis.REALISASI, tahun=2023, angka=Decimal(90))
    for q, v in ((1, 10), (2, 20), (3, 30)):  # 60: disagrees with the yearly 90
        Nilai.objects.create(
            indikator=ind, jenis=Jenis.REALISASI, tahun=2023, triwulan=q, angka=Decimal(v)
        )
    assert rumus.realisasi_tahun(None, [Decimal(10), None, Decimal(30)], "kumulatif") == 40
    assert rumus.realisasi_tahun(None, [Decimal(10), None, Decimal(30)], "non_kumulatif") == 30

    m = selectors_isian.muat(pd=bkpsdm, tahun=2023, bisa_ubah=True)
    assert m is not None
    grid = selectors_isian.realisasi_indikator(indikator=ind, nilai_i=m.nilai_i, tahun=2023)
    mesin = indeks(muat_rencana(pd_obj=bkpsdm, tahun=2023)).realisasi_tahun(
        ind.pk, 2023, "kumulatif"
    )
    assert grid == (Decimal(90), Decimal(90)) and mesin == Decimal(90)


def test_the_grouped_sum_equals_the_sum_of_each_group():
    nilai = {1: Decimal("1.50"), 2: None, 3: Decimal("1E+2"), 4: Decimal(-2)}
    kelompok = [[1], [2], [3], [1, 3, 4], [], [9]]
    assert rumus.jumlah_kelompok(nilai, kelompok) == [
        rumus.jumlah(nilai.get(k) for k in ks) for ks in kelompok
    ]
    # Summed from Decimal(0) as before: 1E+2 comes back as 100, not in exponent form.
    assert str(rumus.jumlah_kelompok(nilai, [[3]])[0]) == "100"
    assert str(rumus.jumlah([Decimal("1E+2")])) == "100"
