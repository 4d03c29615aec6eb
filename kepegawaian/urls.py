"""The staff rekap (kepegawaian), mounted at /kepegawaian/."""

from django.urls import path

from kepegawaian import views

app_name = "kepegawaian"

urlpatterns = [
    path("<int:pd_id>/rekap/", views.rekap, name="rekap"),
    # The realisation grid's "Hitung" button: an indicator's quarters from the roster.
    path(
        "<int:pd_id>/<int:tahun>/indikator/<int:pk>/hitung/",
        views.hitung_realisasi,
        name="hitung_realisasi",
    ),
]
