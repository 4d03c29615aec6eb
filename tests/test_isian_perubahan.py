"""The Renja Perubahan grid (issue 5 point 5): budgets and targets after the revision typed in
place, new sub kegiatan added from the master, the differences summed while typing, and the
Perubahan's own lock. Figures by hand from the murni below (Rp million):

| sub kegiatan | murni | typed after | selisih |
|---|---|---|---|
| A 5.03.02.2.01.0002 | 100 | 150 | +50 |
| B 5.03.02.2.01.0003 | 80 | – | 0 |
| C 5.03.02.2.04.0003 | 40 | – | 0 |

Kegiatan 5.03.02.2.01 before 180, after 230; grand total before 220, after 270.
"""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from evaluasi.muat import muat_rencana
from evaluasi.tabel_perubahan import BARU as BARU_ALASAN
from evaluasi.tabel_perubahan import PENAMBAHAN, klasifikasi
from renja.models import Jenis, Nilai, Renja, StatusRenja
from renja.perubahan.services import renja_perubahan_buat
from renja.services import nilai_simpan, node_tambah

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("celery_eager")]

M = Decimal(1_000_000)
A, B, C = "5.03.02.2.01.0002", "5.03.02.2.01.0003", "5.03.02.2.04.0003"
BARU = "5.03.02.2.02.0003"


def tetapkan(renja: Renja) -> Renja:
    Renja.objects.filter(pk=renja.pk).update(
        status=StatusRenja.DITETAPKAN, ditetapkan_pada=timezone.now()
    )
    renja.refresh_from_db()
    return renja


@pytest.fixture
def murni(renja, alice):
    for kode, pagu in ((A, 100 * M), (B, 80 * M), (C, 40 * M)):
        node = node_tambah(renstra=renja.renstra, kode=kode, oleh=alice)
        nilai_simpan(oleh=alice, jenis=Jenis.PAGU, tahun=2024, angka=pagu, node=node)
        ind = node.indikator.first()
        nilai_simpan(oleh=alice, jenis=Jenis.TARGET, tahun=2024, angka=Decimal(10), indikator=ind)
    return tetapkan(renja)


@pytest.fixture
def perubahan(murni, alice):
    return renja_perubahan_buat(murni=murni, oleh=alice)


def url(nama: str, pd, tahun: int = 2024) -> str:
    return reverse(f"isian:{nama}", args=[pd.pk, tahun])


def simpan(client, pd, kunci: str, nilai: str, revisi: str = ""):
    return client.post(
        url("sel_simpan", pd),
        {"kunci": kunci, "nilai": nilai, "revisi": revisi, "tampilan": "perubahan"},
        HTTP_HX_REQUEST="true",
    )


def oob(html: str, dom_id: str) -> str:
    m = re.search(rf'<span id="{dom_id}"[^>]*hx-swap-oob="true"[^>]*>([^<]*)</span>', html)
    assert m, f"{dom_id} not in response"
    return m.group(1)


def alasan_per_kode(pd) -> dict[str, str]:
    k = klasifikasi(muat_rencana(pd_obj=pd, tahun=2024), tahun=2024)
    return {p.kode: p.alasan for p in k.baris}


def test_before_the_perubahan_exists_the_grid_says_how_to_make_it(client, alice, bkpsdm, murni):
    client.force_login(alice)
    html = client.get(url("perubahan", bkpsdm)).content.decode()
    assert "Belum ada Renja Perubahan 2024" in html
    assert reverse("perubahan:halaman", args=[murni.pk]) in html


def test_no_perubahan_value_is_written_before_the_perubahan_exists(client, alice, bkpsdm, murni):
    sub = murni.renstra.node.get(kode=A)
    client.force_login(alice)
    r = simpan(client, bkpsdm, f"n-{sub.pk}-pagu_perubahan-2024-0", "150.000.000")
    assert r.status_code == 422 and "Belum ada Renja Perubahan 2024" in r.content.decode()
    assert not Nilai.objects.filter(jenis=Jenis.PAGU_PERUBAHAN).exists()


def test_alice_types_a_budget_after_the_revision_and_sees_the_differences_summed(
    client, alice, bkpsdm, perubahan
):
    sub = perubahan.renstra.node.get(kode=A)
    kegiatan = sub.parent
    client.force_login(alice)
    page = client.get(url("perubahan", bkpsdm)).content.decode()
    assert "Sebelum perubahan (murni)" in page and f"sel-n-{sub.pk}-pagu_perubahan-2024-0" in page
    r = simpan(client, bkpsdm, f"n-{sub.pk}-pagu_perubahan-2024-0", "150.000.000")
    assert r.status_code == 200, r.content.decode()
    html = r.content.decode()
    assert oob(html, f"jml-n{sub.pk}-selisih") == "50.000.000"
    assert oob(html, f"jml-n{kegiatan.pk}-pagu_p") == "230.000.000"
    assert oob(html, f"jml-n{kegiatan.pk}-selisih") == "50.000.000"
    assert oob(html, "jml-total-pagu_p") == "270.000.000"
    assert oob(html, "jml-total-selisih") == "50.000.000"
    nilai = Nilai.objects.get(program_kegiatan=sub, jenis=Jenis.PAGU_PERUBAHAN, tahun=2024)
    assert nilai.angka == 150 * M
    assert nilai.history.get().history_change_reason == "form"
    # The murni budget is untouched and the Perubahan table sees a penambahan.
    assert Nilai.objects.get(program_kegiatan=sub, jenis=Jenis.PAGU).angka == 100 * M
    assert alasan_per_kode(bkpsdm)[A] == PENAMBAHAN


def test_alice_types_a_revised_target_next_to_the_murni_one(client, alice, bkpsdm, perubahan):
    ind = perubahan.renstra.node.get(kode=B).indikator.get()
    client.force_login(alice)
    page = client.get(url("perubahan", bkpsdm)).content.decode()
    murni_sel = page.split(f'id="sel-i-{ind.pk}-target-2024-0"')[1].split("</div>")[0]
    assert 'value="10"' in murni_sel and "readonly" in murni_sel
    r = simpan(client, bkpsdm, f"i-{ind.pk}-target_perubahan-2024-0", "12,5")
    assert r.status_code == 200
    assert Nilai.objects.get(indikator=ind, jenis=Jenis.TARGET_PERUBAHAN).angka == Decimal("12.5")


def test_a_sub_kegiatan_added_in_the_perubahan_grid_is_a_new_one(client, alice, bkpsdm, perubahan):
    client.force_login(alice)
    r = client.post(
        url("node_form", bkpsdm),
        {"kode": BARU, "indikator": "Jumlah laporan", "satuan": "laporan", "tampilan": "perubahan"},
    )
    assert r.status_code == 200 and r["HX-Redirect"] == url("perubahan", bkpsdm)
    baru = perubahan.renstra.node.get(kode=BARU)
    assert simpan(client, bkpsdm, f"n-{baru.pk}-pagu_perubahan-2024-0", "12.000.000").status_code
    assert alasan_per_kode(bkpsdm)[BARU] == BARU_ALASAN


def test_a_set_perubahan_locks_its_grid(client, alice, bkpsdm, perubahan):
    sub = perubahan.renstra.node.get(kode=A)
    tetapkan(perubahan)
    client.force_login(alice)
    page = client.get(url("perubahan", bkpsdm)).content.decode()
    assert "Terkunci karena Renja ditetapkan: Pagu perubahan, Target perubahan" in page
    assert "+ Tambah" not in page
    r = simpan(client, bkpsdm, f"n-{sub.pk}-pagu_perubahan-2024-0", "1")
    assert r.status_code == 422 and "sudah ditetapkan" in r.content.decode()
    r = client.post(url("node_form", bkpsdm), {"kode": BARU, "tampilan": "perubahan"})
    assert r.status_code == 422 and "sudah ditetapkan" in r.content.decode()


def test_the_head_and_bappeda_read_the_perubahan_grid_only(
    client, charlie, dina, bob, bkpsdm, perubahan
):
    for pembaca in (charlie, dina):
        client.force_login(pembaca)
        html = client.get(url("perubahan", bkpsdm)).content.decode()
        assert "Hanya baca" in html and 'hx-post="/isian/' not in html
    client.force_login(bob)
    assert client.get(url("perubahan", bkpsdm)).status_code == 403


def test_the_perubahan_grid_costs_the_same_queries_for_three_and_thirteen_sub_kegiatan(
    client, alice, bkpsdm, perubahan
):
    client.force_login(alice)
    client.get(url("perubahan", bkpsdm))

    def hitung() -> int:
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(url("perubahan", bkpsdm)).status_code == 200
        return len(ctx)

    sedikit = hitung()
    for i in range(1, 11):
        node_tambah(renstra=perubahan.renstra, kode=f"5.03.02.2.03.{i:04d}", oleh=alice)
    assert hitung() == sedikit


def test_an_unchanged_cell_shows_the_murni_value_greyed(client, alice, bkpsdm, perubahan):
    sub = perubahan.renstra.node.get(kode=A)
    client.force_login(alice)
    page = client.get(url("perubahan", bkpsdm)).content.decode()
    sel = page.split(f'id="sel-n-{sub.pk}-pagu_perubahan-2024-0"')[1].split("</div>")[0]
    assert 'value=""' in sel and 'placeholder="100.000.000"' in sel
