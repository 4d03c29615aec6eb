"""The Renja workflow screens (domain.md §6), mounted at /alur/."""

from django.urls import path

from renja.alur import views

app_name = "alur"

urlpatterns = [
    # What waits for the user's action (login required).
    path("", views.menunggu, name="menunggu"),
    # The page header with the waiting count, loaded by htmx on every page (login required).
    path("kepala/", views.kepala, name="kepala"),
    # A Renja's state, history and the user's transitions (akses.wajib_melihat, else 403).
    path("renja/<int:renja_id>/", views.renja_alur, name="renja"),
    # One transition, POST only (the service checks the role: AksesDitolak → 403).
    path("renja/<int:renja_id>/<slug:ke>/", views.renja_transisi, name="transisi"),
]
