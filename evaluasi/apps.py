from django.apps import AppConfig


class EvaluasiConfig(AppConfig):
    name = "evaluasi"
    verbose_name = "Evaluasi kinerja"

    def ready(self) -> None:
        from evaluasi.katalog import TABEL_RENCANA
        from inti import katalog

        katalog.daftarkan(*TABEL_RENCANA)
