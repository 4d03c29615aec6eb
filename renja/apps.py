from django.apps import AppConfig


class RenjaConfig(AppConfig):
    name = "renja"
    verbose_name = "Perencanaan (Renstra & Renja)"
