"""The Django admin is usable by a data officer: every page renders, search and filters work."""

from __future__ import annotations

from io import StringIO

import pytest
from django.contrib import admin
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from renja.models import Indikator, Nilai, ProgramKegiatan, Renja

# Every test loads the whole demo (seed_demo): seconds each.
pytestmark = [pytest.mark.django_db, pytest.mark.slow]


@pytest.fixture
def admin_client_demo(client):
    call_command("seed_demo", stdout=StringIO())
    client.login(username="admin", password="demo")
    return client


def test_every_changelist_renders(admin_client_demo):
    for model in admin.site._registry:
        opts = model._meta
        url = reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
        assert admin_client_demo.get(url).status_code == 200, url


def test_a_node_page_shows_its_indicators_and_values_inline(admin_client_demo):
    node = ProgramKegiatan.objects.get(kode="5.03.02.2.04.0003")
    response = admin_client_demo.get(reverse("admin:renja_programkegiatan_change", args=[node.pk]))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Nilai" in html and "51898000" in html.replace(".", "").replace(",", "")
    ind = Indikator.objects.filter(program_kegiatan=node).first()
    assert ind is not None and ind.nama[:30] in html


def test_the_plan_tree_is_searchable_by_code_and_name_and_filterable(admin_client_demo):
    url = reverse("admin:renja_programkegiatan_changelist")
    by_code = admin_client_demo.get(url, {"q": "5.03.02.2.04"}).content.decode()
    assert "5.03.02.2.04.0003" in by_code and "5.03.01.2.02.0001" not in by_code
    by_name = admin_client_demo.get(url, {"q": "Gaji dan Tunjangan"}).content.decode()
    assert "5.03.01.2.02.0001" in by_name
    subs = admin_client_demo.get(url, {"level__exact": "sub_kegiatan"})
    assert subs.context["cl"].result_count == 41


def test_the_nomenclature_is_searchable_and_the_value_list_filters_by_year(
    admin_client_demo, django_assert_max_num_queries
):
    url = reverse("admin:renja_nomenklatur_changelist")
    html = admin_client_demo.get(url, {"q": "Penilaian Kinerja"}).content.decode()
    assert "5.03.02.2.04" in html
    values = admin_client_demo.get(reverse("admin:renja_nilai_changelist"), {"tahun": "2025"})
    assert values.context["cl"].result_count == Nilai.objects.filter(tahun=2025).count() > 0
    # The changelist does not issue a query per row.
    with django_assert_max_num_queries(15):
        admin_client_demo.get(reverse("admin:renja_programkegiatan_changelist"))


def test_the_admin_cannot_change_a_value_of_a_ditetapkan_renja(admin_client_demo):
    renja = Renja.objects.get(tahun=2024, versi="murni")
    renja.status, renja.ditetapkan_pada = "ditetapkan", timezone.now()
    renja.save()
    pagu = Nilai.objects.get(program_kegiatan__kode="5.03.02.2.04.0003", jenis="pagu", tahun=2024)
    url = reverse("admin:renja_nilai_change", args=[pagu.pk])
    response = admin_client_demo.post(
        url,
        {
            "program_kegiatan": pagu.program_kegiatan_id,
            "tahun": 2024,
            "jenis": "pagu",
            "triwulan": 0,
            "angka": "1",
            "teks": "",
            "satuan": "",
            "revisi": pagu.revisi,
        },
    )
    assert response.status_code == 200  # the form is shown again with the error
    assert "sudah ditetapkan" in response.content.decode()
    pagu.refresh_from_db()
    assert pagu.angka == 51898000
