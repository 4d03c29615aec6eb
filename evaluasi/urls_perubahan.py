"""The Renja Perubahan screens (issue 5 point 5), mounted at /perubahan/."""

from django.urls import path

from evaluasi import views_perubahan as views

app_name = "perubahan"

urlpatterns = [
    # State, create button, check and the Tabel 5.2 / 5.3 / rekapitulasi (wajib_melihat, else 403).
    path("<int:renja_id>/", views.halaman, name="halaman"),
    # Create the Perubahan from the ditetapkan murni, POST only (AksesDitolak → 403).
    path("<int:renja_id>/buat/", views.buat, name="buat"),
]
