from django.apps import AppConfig


class EvaluasiConfig(AppConfig):
    name = "evaluasi"
    verbose_name = "Evaluasi kinerja"
