"""The planners' grid (issue 5), mounted at /isian/."""

from django.urls import path

from renja.isian import views as v

app_name = "isian"

urlpatterns = [
    path("<int:pd_id>/<int:tahun>/", v.grid, name="rencana"),
    path(
        "<int:pd_id>/<int:tahun>/realisasi/",
        v.grid,
        {"tampilan": "realisasi"},
        name="realisasi",
    ),
    path("<int:pd_id>/<int:tahun>/catatan/", v.catatan_evaluasi, name="catatan"),
    path(
        "<int:pd_id>/<int:tahun>/perubahan/",
        v.grid,
        {"tampilan": "perubahan"},
        name="perubahan",
    ),
    path("<int:pd_id>/<int:tahun>/sel/", v.sel_simpan, name="sel_simpan"),
    path("<int:pd_id>/<int:tahun>/sel/baca/", v.sel_baca, name="sel_baca"),
    path("<int:pd_id>/<int:tahun>/riwayat/", v.riwayat, name="riwayat"),
    path(
        "<int:pd_id>/<int:tahun>/indikator/<int:pk>/",
        v.indikator_atribut,
        name="indikator_atribut",
    ),
    path("<int:pd_id>/<int:tahun>/nomenklatur/", v.nomenklatur_cari, name="nomenklatur_cari"),
    path("<int:pd_id>/<int:tahun>/node/", v.node_form, name="node_form"),
]
