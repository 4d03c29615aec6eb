from django.apps import AppConfig


class KepegawaianConfig(AppConfig):
    name = "kepegawaian"
    verbose_name = "Kepegawaian"

    def ready(self) -> None:
        from inti import katalog
        from kepegawaian.tabel import rekap_pegawai

        katalog.daftarkan(
            katalog.JenisTabel(
                "rekap_pegawai",
                "Rekap pegawai",
                "Jumlah pegawai menurut golongan, pendidikan, jenis jabatan dan jenis kelamin",
                rekap_pegawai,
                lingkup="pemda",
            )
        )
