from django.apps import AppConfig


class DokumenConfig(AppConfig):
    name = "dokumen"
    verbose_name = "Dokumen (Renja dan LKj: PDF, Excel)"
