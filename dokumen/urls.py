from django.urls import path

from dokumen import views

app_name = "dokumen"

urlpatterns = [
    path("", views.daftar, name="daftar"),
    path("<int:pd_id>/<int:tahun>/", views.unduhan, name="unduhan"),
    path("<int:pd_id>/<int:tahun>/buat/", views.buat, name="buat"),
    path("<int:pd_id>/<int:tahun>/naskah/<slug:jenis>/", views.naskah, name="naskah"),
    path("pekerjaan/<int:pekerjaan_id>/", views.pekerjaan, name="pekerjaan"),
    path("pekerjaan/<int:pekerjaan_id>/status/", views.status, name="status"),
    path("pekerjaan/<int:pekerjaan_id>/unduh/", views.unduh, name="unduh"),
]
