from django.apps import AppConfig


class IntiConfig(AppConfig):
    # An app only so that Django finds its template filters (``{% load angka %}``); it has
    # no models.
    name = "inti"
    verbose_name = "Inti pelaporan"
