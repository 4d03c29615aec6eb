"""Excel round trip (issue 5 point 3): template download, upload check and preview, apply."""

from django.urls import path

from renja.unggah import views as v

app_name = "unggah"

urlpatterns = [
    path("<int:pd_id>/<int:tahun>/", v.halaman, name="halaman"),
    path("<int:pd_id>/<int:tahun>/templat/<str:templat>/", v.templat, name="templat"),
    path("<int:pd_id>/<int:tahun>/periksa/", v.periksa, name="periksa"),
    path("<int:pd_id>/<int:tahun>/terapkan/<str:token>/", v.terapkan, name="terapkan"),
]
