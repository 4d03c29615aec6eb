"""The staff rekap (kepegawaian), mounted at /kepegawaian/."""

from django.urls import path

from kepegawaian import views

app_name = "kepegawaian"

urlpatterns = [
    path("<int:pd_id>/rekap/", views.rekap, name="rekap"),
]
