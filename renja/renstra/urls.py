"""The Renstra planner page (issue 5 point 2), mounted at /renstra/."""

from django.urls import path

from renja.renstra import views as v

app_name = "renstra"

R = "<int:pd_id>/<int:tahun_mulai>"

urlpatterns = [
    path("<int:pd_id>/tahun/<int:tahun>/", v.masuk, name="masuk"),
    path(f"{R}/", v.isian, name="isian"),
    path(f"{R}/jumlah-pagu/", v.jumlah_pagu, name="jumlah_pagu"),
    path(f"{R}/tujuan/", v.tujuan_tambah, name="tujuan_tambah"),
    path(f"{R}/tujuan/<int:pk>/", v.tujuan_ubah, name="tujuan_ubah"),
    path(f"{R}/tujuan/<int:pk>/hapus/", v.tujuan_hapus, name="tujuan_hapus"),
    path(f"{R}/tujuan/<int:pk>/sasaran/", v.sasaran_tambah, name="sasaran_tambah"),
    path(f"{R}/tujuan/<int:pk>/indikator/", v.indikator_tujuan, name="indikator_tujuan"),
    path(f"{R}/sasaran/<int:pk>/", v.sasaran_ubah, name="sasaran_ubah"),
    path(f"{R}/sasaran/<int:pk>/hapus/", v.sasaran_hapus, name="sasaran_hapus"),
    path(f"{R}/sasaran/<int:pk>/indikator/", v.indikator_sasaran, name="indikator_sasaran"),
    path(f"{R}/indikator/<int:pk>/", v.indikator_ubah, name="indikator_ubah"),
    path(f"{R}/indikator/<int:pk>/hapus/", v.indikator_hapus, name="indikator_hapus"),
]
