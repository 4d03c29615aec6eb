from django.urls import path

from evaluasi import views

app_name = "evaluasi"

urlpatterns = [
    path("<int:pd_id>/<int:tahun>/", views.rencana, name="rencana"),
    path("<int:pd_id>/<int:tahun>/<slug:tabel>/", views.tabel, name="tabel"),
]
