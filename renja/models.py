"""The planning domain: pemda, perangkat daerah, nomenclature, Renstra, Renja and their values.

Shape of the data (see docs/ARCHITECTURE.md for the diagram):

* ``Nomenklatur`` is the national master list (urusan > bidang > program > kegiatan >
  sub kegiatan) plus local entries a pemda adds.
* A perangkat daerah plans within a ``Renstra`` period. Its plan tree of
  ``ProgramKegiatan`` nodes (one per code used) belongs to that period, so the
  same node carries the Renstra targets, every year's Renja targets and the
  realisations that T-C.29 and E.81 compare across years.
* ``Renja`` is the yearly plan *document* in versions (murni, perubahan) with
  its workflow state. A ditetapkan version locks the values of its year and
  kinds (see ``Jenis.versi``).
* ``Nilai`` holds every number and text by kind (``Jenis``), as Decimal.
  Budgets live on sub kegiatan only; parent totals are always computed.
  ``NilaiTercetak`` keeps figures printed in an imported document (declared
  parent totals, printed capaian) for checking only.

Rules that must never be broken are database constraints; rules that need
other rows (e.g. "budgets only on sub kegiatan") are enforced in
``renja.services`` and reported by ``check_plan``.
"""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

nip_validator = RegexValidator(r"^\d{18}$", "NIP harus 18 digit angka.")


class Level(models.TextChoices):
    URUSAN = "urusan", "Urusan"
    BIDANG = "bidang", "Bidang Urusan"
    PROGRAM = "program", "Program"
    KEGIATAN = "kegiatan", "Kegiatan"
    SUB_KEGIATAN = "sub_kegiatan", "Sub Kegiatan"


LEVEL_URUTAN = {level: i for i, level in enumerate(Level.values)}


class Polaritas(models.TextChoices):
    POSITIF = "positif", "Positif (makin tinggi makin baik)"
    NEGATIF = "negatif", "Negatif (makin rendah makin baik)"


class Akumulasi(models.TextChoices):
    KUMULATIF = "kumulatif", "Kumulatif (dijumlahkan)"
    NON_KUMULATIF = "non_kumulatif", "Non-kumulatif (nilai akhir)"
    RATA_RATA = "rata_rata", "Rata-rata"


class Jenis(models.TextChoices):
    """Kinds of value. Quarterly realisations are ``realisasi`` with ``triwulan`` 1-4.

    ``target_rkpd``/``pagu_rkpd`` (the RKPD rancangan awal side of T-C.31) and
    ``rincian_belanja`` (Tabel 4.1 detail lines) extend contract.md §1.
    """

    # Indicator values
    TARGET_RENSTRA = "target_renstra", "Target Renstra"
    TARGET_RENSTRA_AKHIR = "target_renstra_akhir", "Target Renstra akhir periode"
    TARGET = "target", "Target"
    TARGET_PERUBAHAN = "target_perubahan", "Target perubahan"
    TARGET_RKPD = "target_rkpd", "Target rancangan awal RKPD"
    REALISASI = "realisasi", "Realisasi"
    # Node (sub kegiatan) budget values
    PAGU_RENSTRA = "pagu_renstra", "Pagu Renstra"
    PAGU = "pagu", "Pagu indikatif"
    PAGU_PERUBAHAN = "pagu_perubahan", "Pagu perubahan"
    PAGU_RKPD = "pagu_rkpd", "Pagu indikatif rancangan awal RKPD"
    REALISASI_ANGGARAN = "realisasi_anggaran", "Realisasi anggaran"
    # Node text values
    LOKASI = "lokasi", "Lokasi"
    SUMBER_DANA = "sumber_dana", "Sumber dana"
    CATATAN = "catatan", "Catatan penting"
    RINCIAN_BELANJA = "rincian_belanja", "Rincian belanja"
    # Printed figures kept for checking only (NilaiTercetak)
    CAPAIAN_TERCETAK = "capaian_tercetak", "Capaian tercetak"


JENIS_INDIKATOR = frozenset(
    {
        Jenis.TARGET_RENSTRA,
        Jenis.TARGET_RENSTRA_AKHIR,
        Jenis.TARGET,
        Jenis.TARGET_PERUBAHAN,
        Jenis.TARGET_RKPD,
        Jenis.REALISASI,
    }
)
JENIS_TARGET = frozenset(JENIS_INDIKATOR - {Jenis.REALISASI})
JENIS_ANGGARAN = frozenset(
    {
        Jenis.PAGU_RENSTRA,
        Jenis.PAGU,
        Jenis.PAGU_PERUBAHAN,
        Jenis.PAGU_RKPD,
        Jenis.REALISASI_ANGGARAN,
    }
)
JENIS_TEKS = frozenset({Jenis.LOKASI, Jenis.SUMBER_DANA, Jenis.CATATAN, Jenis.RINCIAN_BELANJA})
JENIS_NODE = JENIS_ANGGARAN | JENIS_TEKS
JENIS_TRIWULANAN = frozenset({Jenis.REALISASI, Jenis.REALISASI_ANGGARAN})

# Which Renja version a kind of value of year N belongs to: a ditetapkan
# version locks these values of its year. Realisations are monitoring data
# entered after the plan is set, Renstra values belong to the Renstra.
JENIS_VERSI: dict[str, str] = {
    Jenis.TARGET: "murni",
    Jenis.TARGET_RKPD: "murni",
    Jenis.PAGU: "murni",
    Jenis.PAGU_RKPD: "murni",
    Jenis.LOKASI: "murni",
    Jenis.SUMBER_DANA: "murni",
    Jenis.CATATAN: "murni",
    Jenis.RINCIAN_BELANJA: "murni",
    Jenis.TARGET_PERUBAHAN: "perubahan",
    Jenis.PAGU_PERUBAHAN: "perubahan",
}


def _in(field: str, values: frozenset[str]) -> Q:
    return Q(**{f"{field}__in": sorted(values)})


class Pemda(models.Model):
    class JenisPemda(models.TextChoices):
        KOTA = "kota", "Kota"
        KABUPATEN = "kabupaten", "Kabupaten"
        PROVINSI = "provinsi", "Provinsi"

    nama = models.CharField(max_length=120, unique=True, help_text="mis. Kota Batam")
    jenis = models.CharField(max_length=10, choices=JenisPemda.choices, blank=True)
    provinsi = models.CharField(max_length=120, blank=True)
    ibukota = models.CharField(
        max_length=120, blank=True, help_text="Tempat penandatanganan dokumen, mis. Batam"
    )

    class Meta:
        verbose_name = "pemerintah daerah"
        verbose_name_plural = "pemerintah daerah"
        ordering = ["nama"]

    def __str__(self) -> str:
        return self.nama


class PerangkatDaerah(models.Model):
    pemda = models.ForeignKey(Pemda, on_delete=models.PROTECT, related_name="perangkat_daerah")
    kode = models.CharField(max_length=30, help_text="Singkatan, mis. BKPSDM")
    nama = models.CharField(max_length=255)
    # Signature block of the head (kata pengantar, Perjanjian Kinerja).
    kepala_nama = models.CharField("nama kepala", max_length=120, blank=True)
    kepala_pangkat = models.CharField("pangkat/golongan kepala", max_length=80, blank=True)
    kepala_nip = models.CharField(
        "NIP kepala", max_length=18, blank=True, validators=[nip_validator]
    )
    # Moves on every write to this agency's plan data (``services.data_berubah``, in the
    # writing transaction). Computed tables and generated documents are keyed on it, so
    # that they know they are stale without reading the plan.
    versi_data = models.PositiveBigIntegerField(default=0, editable=False)

    class Meta:
        verbose_name = "perangkat daerah"
        verbose_name_plural = "perangkat daerah"
        ordering = ["pemda__nama", "kode"]
        constraints = [
            models.UniqueConstraint(fields=["pemda", "kode"], name="pd_kode_unik_per_pemda"),
            models.CheckConstraint(
                condition=Q(kepala_nip="") | Q(kepala_nip__regex=r"^[0-9]{18}$"),
                name="pd_nip_kepala_18_digit",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kode} – {self.pemda}"


class Peran(models.TextChoices):
    PERENCANA = "perencana", "Perencana"
    KEPALA = "kepala", "Kepala perangkat daerah"
    BAPPEDA = "bappeda", "Verifikator Bappeda"
    ADMIN = "admin", "Administrator"


PERAN_PER_PD = frozenset({Peran.PERENCANA, Peran.KEPALA})


class Keanggotaan(models.Model):
    """A user's role: perencana/kepala of one perangkat daerah, or bappeda/admin of a pemda."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="keanggotaan"
    )
    pemda = models.ForeignKey(Pemda, on_delete=models.CASCADE, related_name="keanggotaan")
    perangkat_daerah = models.ForeignKey(
        PerangkatDaerah,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="keanggotaan",
    )
    peran = models.CharField(max_length=12, choices=Peran.choices)

    class Meta:
        verbose_name = "keanggotaan"
        verbose_name_plural = "keanggotaan"
        constraints = [
            models.CheckConstraint(
                condition=(_in("peran", PERAN_PER_PD) & Q(perangkat_daerah__isnull=False))
                | (~_in("peran", PERAN_PER_PD) & Q(perangkat_daerah__isnull=True)),
                name="keanggotaan_pd_sesuai_peran",
            ),
            models.UniqueConstraint(
                fields=["user", "perangkat_daerah", "peran"],
                condition=Q(perangkat_daerah__isnull=False),
                name="keanggotaan_unik_pd",
            ),
            models.UniqueConstraint(
                fields=["user", "pemda", "peran"],
                condition=Q(perangkat_daerah__isnull=True),
                name="keanggotaan_unik_pemda",
            ),
        ]

    def __str__(self) -> str:
        scope = self.perangkat_daerah.kode if self.perangkat_daerah else self.pemda.nama
        return f"{self.user} – {self.get_peran_display()} ({scope})"


class Nomenklatur(models.Model):
    """Master list entry. National rows have no pemda; a pemda's local entries do."""

    kode = models.CharField(max_length=32, db_index=True)
    level = models.CharField(max_length=12, choices=Level.choices)
    nama = models.TextField()
    kinerja = models.TextField(blank=True)
    indikator = models.TextField(blank=True)
    satuan = models.CharField(max_length=80, blank=True)
    berlaku_mulai = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="Tahun pertama berlaku; kosong = sejak awal"
    )
    berlaku_sampai = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="Tahun terakhir berlaku; kosong = masih berlaku"
    )
    pemda = models.ForeignKey(
        Pemda,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="nomenklatur_lokal",
        help_text="Diisi untuk entri lokal yang tidak ada di nomenklatur resmi",
    )
    sumber = models.CharField(max_length=255, blank=True)

    class Meta:
        verbose_name = "nomenklatur"
        verbose_name_plural = "nomenklatur"
        ordering = ["kode"]
        constraints = [
            models.UniqueConstraint(
                fields=["kode"], condition=Q(pemda__isnull=True), name="nomenklatur_kode_unik"
            ),
            models.UniqueConstraint(
                fields=["pemda", "kode"],
                condition=Q(pemda__isnull=False),
                name="nomenklatur_lokal_kode_unik",
            ),
            models.CheckConstraint(
                condition=Q(berlaku_sampai__isnull=True)
                | Q(berlaku_mulai__isnull=True)
                | Q(berlaku_sampai__gte=models.F("berlaku_mulai")),
                name="nomenklatur_masa_berlaku_urut",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kode} {self.nama}"

    @property
    def lokal(self) -> bool:
        return self.pemda_id is not None

    def berlaku_pada(self, tahun: int) -> bool:
        return (self.berlaku_mulai is None or self.berlaku_mulai <= tahun) and (
            self.berlaku_sampai is None or tahun <= self.berlaku_sampai
        )


class Renstra(models.Model):
    """The 5-year strategic plan period of one perangkat daerah."""

    perangkat_daerah = models.ForeignKey(
        PerangkatDaerah, on_delete=models.PROTECT, related_name="renstra"
    )
    tahun_mulai = models.PositiveSmallIntegerField()
    tahun_selesai = models.PositiveSmallIntegerField()

    class Meta:
        verbose_name = "Renstra"
        verbose_name_plural = "Renstra"
        ordering = ["perangkat_daerah", "-tahun_mulai"]
        constraints = [
            models.UniqueConstraint(
                fields=["perangkat_daerah", "tahun_mulai"], name="renstra_unik_per_pd"
            ),
            models.CheckConstraint(
                condition=Q(tahun_selesai__gte=models.F("tahun_mulai"))
                & Q(tahun_selesai__lte=models.F("tahun_mulai") + 6),
                name="renstra_periode_wajar",
            ),
        ]

    def __str__(self) -> str:
        return f"Renstra {self.perangkat_daerah.kode} {self.periode}"

    @property
    def periode(self) -> str:
        return f"{self.tahun_mulai}-{self.tahun_selesai}"


class Tujuan(models.Model):
    renstra = models.ForeignKey(Renstra, on_delete=models.CASCADE, related_name="tujuan")
    kunci = models.CharField(max_length=40, help_text="Kunci dari kode TUJUAN-<kunci>")
    uraian = models.TextField()
    keterangan = models.TextField(blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "tujuan"
        verbose_name_plural = "tujuan"
        ordering = ["renstra", "kunci"]
        constraints = [
            models.UniqueConstraint(fields=["renstra", "kunci"], name="tujuan_unik"),
        ]

    def __str__(self) -> str:
        return f"TUJUAN-{self.kunci} {self.uraian[:60]}"


class Sasaran(models.Model):
    renstra = models.ForeignKey(Renstra, on_delete=models.CASCADE, related_name="sasaran")
    tujuan = models.ForeignKey(
        Tujuan, on_delete=models.SET_NULL, null=True, blank=True, related_name="sasaran"
    )
    kunci = models.CharField(max_length=40, help_text="Kunci dari kode SASARAN-<kunci>")
    uraian = models.TextField()
    keterangan = models.TextField(blank=True)
    program: models.ManyToManyField[ProgramKegiatan, SasaranProgram] = models.ManyToManyField(
        "ProgramKegiatan",
        through="SasaranProgram",
        related_name="sasaran",
        blank=True,
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = "sasaran"
        verbose_name_plural = "sasaran"
        ordering = ["renstra", "kunci"]
        constraints = [
            models.UniqueConstraint(fields=["renstra", "kunci"], name="sasaran_unik"),
        ]

    def __str__(self) -> str:
        return f"SASARAN-{self.kunci} {self.uraian[:60]}"


class ProgramKegiatan(models.Model):
    """One node of a perangkat daerah's plan tree: urusan … sub kegiatan used in its Renstra."""

    renstra = models.ForeignKey(Renstra, on_delete=models.CASCADE, related_name="node")
    nomenklatur = models.ForeignKey(Nomenklatur, on_delete=models.PROTECT, related_name="+")
    # Denormalised from the master so that trees sort and join by code without a join.
    kode = models.CharField(max_length=32)
    level = models.CharField(max_length=12, choices=Level.choices)
    parent = models.ForeignKey(
        "self", on_delete=models.CASCADE, null=True, blank=True, related_name="children"
    )
    uraian_lokal = models.TextField(
        blank=True, help_text="Nama lokal bila berbeda dari nomenklatur (dicatat)"
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = "program/kegiatan/sub kegiatan"
        verbose_name_plural = "program/kegiatan/sub kegiatan"
        ordering = ["renstra", "kode"]
        constraints = [
            models.UniqueConstraint(fields=["renstra", "kode"], name="node_unik_per_renstra"),
            models.CheckConstraint(
                condition=Q(level=Level.URUSAN, parent__isnull=True)
                | (~Q(level=Level.URUSAN) & Q(parent__isnull=False)),
                name="node_parent_sesuai_level",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kode} {self.uraian}"

    @property
    def uraian(self) -> str:
        return self.uraian_lokal or self.nomenklatur.nama


class SasaranProgram(models.Model):
    sasaran = models.ForeignKey(Sasaran, on_delete=models.CASCADE)
    program = models.ForeignKey(ProgramKegiatan, on_delete=models.CASCADE)

    class Meta:
        verbose_name = "sasaran ↔ program"
        verbose_name_plural = "sasaran ↔ program"
        constraints = [
            models.UniqueConstraint(fields=["sasaran", "program"], name="sasaran_program_unik"),
        ]

    def __str__(self) -> str:
        return f"{self.sasaran} ↔ {self.program}"


class Indikator(models.Model):
    """An indicator of a node, a sasaran (IKU) or a tujuan: exactly one owner.

    An indicator computed from the staff roster (``sumber_data`` kepegawaian) names what it
    measures (``ukuran_kepegawaian``); its realisations are then computed at each quarter's end
    (``kepegawaian.services``), not typed.
    """

    class SumberData(models.TextChoices):
        MANUAL = "manual", "Diisi manual"
        KEPEGAWAIAN = "kepegawaian", "Dihitung dari data kepegawaian"

    class UkuranKepegawaian(models.TextChoices):
        PERSEN_D4_KEATAS = "persen_d4_keatas", "Persentase ASN berkualifikasi D-IV/S1 ke atas (%)"
        PERSEN_S2_KEATAS = "persen_s2_keatas", "Persentase ASN berkualifikasi S-2 ke atas (%)"
        JUMLAH_S2_KEATAS = "jumlah_s2_keatas", "Jumlah ASN berkualifikasi S-2 ke atas (orang)"
        JUMLAH_ASN = "jumlah_asn", "Jumlah ASN (orang)"

    program_kegiatan = models.ForeignKey(
        ProgramKegiatan,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="indikator",
    )
    sasaran = models.ForeignKey(
        Sasaran, on_delete=models.CASCADE, null=True, blank=True, related_name="indikator"
    )
    tujuan = models.ForeignKey(
        Tujuan, on_delete=models.CASCADE, null=True, blank=True, related_name="indikator"
    )
    nama = models.TextField()
    satuan = models.CharField(max_length=80)
    polaritas = models.CharField(max_length=8, choices=Polaritas.choices, default=Polaritas.POSITIF)
    akumulasi = models.CharField(
        max_length=14, choices=Akumulasi.choices, default=Akumulasi.NON_KUMULATIF
    )
    urutan = models.PositiveSmallIntegerField(default=0)
    sumber_data = models.CharField(
        max_length=12, choices=SumberData.choices, default=SumberData.MANUAL
    )
    ukuran_kepegawaian = models.CharField(
        max_length=20,
        choices=UkuranKepegawaian.choices,
        blank=True,
        help_text="Wajib bila sumber data kepegawaian: apa yang dihitung dari data pegawai",
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = "indikator"
        verbose_name_plural = "indikator"
        ordering = ["urutan", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(
                    program_kegiatan__isnull=False, sasaran__isnull=True, tujuan__isnull=True
                )
                | Q(program_kegiatan__isnull=True, sasaran__isnull=False, tujuan__isnull=True)
                | Q(program_kegiatan__isnull=True, sasaran__isnull=True, tujuan__isnull=False),
                name="indikator_tepat_satu_pemilik",
            ),
            models.UniqueConstraint(
                fields=["program_kegiatan", "nama"],
                condition=Q(program_kegiatan__isnull=False),
                name="indikator_unik_node",
            ),
            models.UniqueConstraint(
                fields=["sasaran", "nama"],
                condition=Q(sasaran__isnull=False),
                name="indikator_unik_sasaran",
            ),
            models.UniqueConstraint(
                fields=["tujuan", "nama"],
                condition=Q(tujuan__isnull=False),
                name="indikator_unik_tujuan",
            ),
            models.CheckConstraint(condition=~Q(satuan=""), name="indikator_satuan_wajib"),
            models.CheckConstraint(
                condition=Q(sumber_data="manual", ukuran_kepegawaian="")
                | (Q(sumber_data="kepegawaian") & ~Q(ukuran_kepegawaian="")),
                name="indikator_ukuran_kepegawaian_sesuai_sumber",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.nama} ({self.satuan})"


class Nilai(models.Model):
    """One value: an indicator's target/realisasi or a sub kegiatan's budget or text.

    ``triwulan`` 0 is the whole year; 1-4 a quarter's own value (realisasi kinds only).
    """

    indikator = models.ForeignKey(
        Indikator, on_delete=models.CASCADE, null=True, blank=True, related_name="nilai"
    )
    program_kegiatan = models.ForeignKey(
        ProgramKegiatan, on_delete=models.CASCADE, null=True, blank=True, related_name="nilai"
    )
    tahun = models.PositiveSmallIntegerField(
        validators=[MinValueValidator(2000), MaxValueValidator(2100)]
    )
    jenis = models.CharField(max_length=22, choices=Jenis.choices)
    triwulan = models.PositiveSmallIntegerField(
        default=0, validators=[MaxValueValidator(4)], help_text="0 = setahun, 1-4 = triwulan"
    )
    angka = models.DecimalField(max_digits=20, decimal_places=4, null=True, blank=True)
    teks = models.TextField(
        blank=True, help_text="Teks (lokasi, sumber dana, …) atau target kualitatif (mis. BB)"
    )
    satuan = models.CharField(
        max_length=80, blank=True, help_text="Satuan yang ditulis bersama angka, bila ada"
    )
    # Optimistic locking: a form sends the revisi it read; a stale one is refused.
    revisi = models.PositiveIntegerField(default=0)
    diubah_pada = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "nilai"
        verbose_name_plural = "nilai"
        indexes = [models.Index(fields=["tahun", "jenis"], name="nilai_tahun_jenis")]
        constraints = [
            models.CheckConstraint(
                condition=Q(indikator__isnull=False, program_kegiatan__isnull=True)
                | Q(indikator__isnull=True, program_kegiatan__isnull=False),
                name="nilai_tepat_satu_pemilik",
            ),
            models.CheckConstraint(
                condition=(_in("jenis", JENIS_INDIKATOR) & Q(indikator__isnull=False))
                | (_in("jenis", JENIS_NODE) & Q(program_kegiatan__isnull=False)),
                name="nilai_jenis_sesuai_pemilik",
            ),
            models.CheckConstraint(
                condition=Q(triwulan=0)
                | (Q(triwulan__gte=1, triwulan__lte=4) & _in("jenis", JENIS_TRIWULANAN)),
                name="nilai_triwulan_1_sampai_4",
            ),
            models.CheckConstraint(
                condition=~_in("jenis", JENIS_ANGGARAN) | Q(angka__gte=Decimal(0)),
                name="nilai_anggaran_tidak_negatif",
            ),
            models.CheckConstraint(
                condition=(_in("jenis", JENIS_TEKS) & Q(angka__isnull=True) & ~Q(teks=""))
                | (_in("jenis", JENIS_ANGGARAN | {Jenis.REALISASI}) & Q(angka__isnull=False))
                | (_in("jenis", JENIS_TARGET) & (Q(angka__isnull=False) | ~Q(teks=""))),
                name="nilai_isi_sesuai_jenis",
            ),
            models.UniqueConstraint(
                fields=["indikator", "tahun", "jenis", "triwulan"],
                condition=Q(indikator__isnull=False),
                name="nilai_unik_indikator",
            ),
            models.UniqueConstraint(
                fields=["program_kegiatan", "tahun", "jenis", "triwulan"],
                condition=Q(program_kegiatan__isnull=False),
                name="nilai_unik_node",
            ),
        ]

    def __str__(self) -> str:
        tw = f" TW{self.triwulan}" if self.triwulan else ""
        isi = self.angka if self.angka is not None else self.teks
        return f"{self.jenis}{tw} {self.tahun}: {isi}"


class NilaiTercetak(models.Model):
    """A figure printed in an imported document, kept only to check it against ours.

    Declared parent totals (``pagu`` on a program, …) and printed capaian.
    ``sumber`` names where it was printed (the imported file), so that the
    totals of several tables of one document can be checked side by side.
    """

    indikator = models.ForeignKey(
        Indikator, on_delete=models.CASCADE, null=True, blank=True, related_name="tercetak"
    )
    program_kegiatan = models.ForeignKey(
        ProgramKegiatan, on_delete=models.CASCADE, null=True, blank=True, related_name="tercetak"
    )
    tahun = models.PositiveSmallIntegerField()
    jenis = models.CharField(max_length=22, choices=Jenis.choices)
    triwulan = models.PositiveSmallIntegerField(default=0, validators=[MaxValueValidator(4)])
    angka = models.DecimalField(max_digits=20, decimal_places=4)
    desimal = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        help_text="Jumlah desimal yang tercetak (100% → 0, 102,94% → 2): dibandingkan setepat itu",
    )
    sumber = models.CharField(max_length=200)

    class Meta:
        verbose_name = "nilai tercetak (pemeriksaan)"
        verbose_name_plural = "nilai tercetak (pemeriksaan)"
        constraints = [
            models.CheckConstraint(
                condition=Q(indikator__isnull=False, program_kegiatan__isnull=True)
                | Q(indikator__isnull=True, program_kegiatan__isnull=False),
                name="tercetak_tepat_satu_pemilik",
            ),
            models.CheckConstraint(
                condition=Q(triwulan__gte=0, triwulan__lte=4), name="tercetak_triwulan_0_4"
            ),
            models.UniqueConstraint(
                fields=["indikator", "tahun", "jenis", "triwulan", "sumber"],
                condition=Q(indikator__isnull=False),
                name="tercetak_unik_indikator",
            ),
            models.UniqueConstraint(
                fields=["program_kegiatan", "tahun", "jenis", "triwulan", "sumber"],
                condition=Q(program_kegiatan__isnull=False),
                name="tercetak_unik_node",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.jenis} {self.tahun} tercetak di {self.sumber}: {self.angka}"


class StatusRenja(models.TextChoices):
    DRAFT = "draft", "Draft"
    DIAJUKAN = "diajukan", "Diajukan"
    DIVERIFIKASI = "diverifikasi", "Diverifikasi"
    DIKEMBALIKAN = "dikembalikan", "Dikembalikan"
    DITETAPKAN = "ditetapkan", "Ditetapkan"


class Renja(models.Model):
    """The yearly work plan of a perangkat daerah, in versions, with its workflow state."""

    class Versi(models.TextChoices):
        MURNI = "murni", "Murni"
        PERUBAHAN = "perubahan", "Perubahan"

    perangkat_daerah = models.ForeignKey(
        PerangkatDaerah, on_delete=models.PROTECT, related_name="renja"
    )
    renstra = models.ForeignKey(Renstra, on_delete=models.PROTECT, related_name="renja")
    tahun = models.PositiveSmallIntegerField()
    versi = models.CharField(max_length=10, choices=Versi.choices, default=Versi.MURNI)
    status = models.CharField(max_length=14, choices=StatusRenja.choices, default=StatusRenja.DRAFT)
    dasar = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="perubahan",
        help_text="Versi murni yang menjadi dasar Renja Perubahan",
    )
    dibuat_pada = models.DateTimeField(auto_now_add=True)
    ditetapkan_pada = models.DateTimeField(null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "Renja"
        verbose_name_plural = "Renja"
        ordering = ["perangkat_daerah", "-tahun", "versi"]
        constraints = [
            models.UniqueConstraint(
                fields=["perangkat_daerah", "tahun", "versi"], name="renja_unik_per_tahun_versi"
            ),
            models.CheckConstraint(
                condition=Q(versi="murni", dasar__isnull=True) | Q(versi="perubahan"),
                name="renja_murni_tanpa_dasar",
            ),
            models.CheckConstraint(
                condition=~Q(status=StatusRenja.DITETAPKAN) | Q(ditetapkan_pada__isnull=False),
                name="renja_ditetapkan_bertanggal",
            ),
        ]

    def __str__(self) -> str:
        return f"Renja {self.perangkat_daerah.kode} {self.tahun} ({self.versi})"

    @property
    def terkunci(self) -> bool:
        return self.status == StatusRenja.DITETAPKAN


class RiwayatStatus(models.Model):
    """Every workflow transition of a Renja version, with who, when and the note."""

    renja = models.ForeignKey(Renja, on_delete=models.CASCADE, related_name="riwayat")
    dari = models.CharField(max_length=14, choices=StatusRenja.choices)
    ke = models.CharField(max_length=14, choices=StatusRenja.choices)
    oleh = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    catatan = models.TextField(blank=True)
    waktu = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "riwayat status"
        verbose_name_plural = "riwayat status"
        ordering = ["renja", "waktu", "id"]

    def __str__(self) -> str:
        return f"{self.renja}: {self.dari} → {self.ke}"


class CatatanEvaluasi(models.Model):
    """The planner's account of one quarter: the closing rows of Formulir E.81.

    Faktor pendorong, faktor penghambat and the follow-up (in the next quarter, in the next
    Renja) belong to the agency's evaluation of the quarter as a whole, not to one indicator,
    and are entered after the plan is ditetapkan (monitoring data, like the realisations), so
    they are not locked by the Renja workflow. ``revisi`` guards against lost updates.
    """

    perangkat_daerah = models.ForeignKey(
        PerangkatDaerah, on_delete=models.CASCADE, related_name="catatan_evaluasi"
    )
    tahun = models.PositiveSmallIntegerField()
    triwulan = models.PositiveSmallIntegerField(
        validators=[MinValueValidator(1), MaxValueValidator(4)]
    )
    faktor_pendorong = models.TextField("faktor pendorong", blank=True)
    faktor_penghambat = models.TextField("faktor penghambat", blank=True)
    tindak_lanjut_triwulan = models.TextField("tindak lanjut pada triwulan berikutnya", blank=True)
    tindak_lanjut_renja = models.TextField("tindak lanjut pada Renja berikutnya", blank=True)
    revisi = models.PositiveIntegerField(default=0)
    diubah_pada = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = "catatan evaluasi triwulan"
        verbose_name_plural = "catatan evaluasi triwulan"
        ordering = ["perangkat_daerah", "tahun", "triwulan"]
        constraints = [
            models.UniqueConstraint(
                fields=["perangkat_daerah", "tahun", "triwulan"], name="catatan_evaluasi_unik"
            ),
            models.CheckConstraint(
                condition=Q(triwulan__gte=1) & Q(triwulan__lte=4),
                name="catatan_evaluasi_triwulan_1_4",
            ),
        ]

    def __str__(self) -> str:
        return f"Catatan {self.perangkat_daerah.kode} {self.tahun} TW {self.triwulan}"


class PerjanjianKinerja(models.Model):
    """The head's annual performance agreement: the original (revisi 0) and each dated revision.

    Its targets are the ``target`` (original) and ``target_perubahan`` values of
    the sasaran indicators (IKU) for that year; this row records the document.
    """

    perangkat_daerah = models.ForeignKey(
        PerangkatDaerah, on_delete=models.PROTECT, related_name="perjanjian_kinerja"
    )
    tahun = models.PositiveSmallIntegerField()
    revisi = models.PositiveSmallIntegerField(default=0, help_text="0 = perjanjian awal")
    tanggal = models.DateField()
    keterangan = models.TextField(blank=True)

    class Meta:
        verbose_name = "Perjanjian Kinerja"
        verbose_name_plural = "Perjanjian Kinerja"
        ordering = ["perangkat_daerah", "tahun", "revisi"]
        constraints = [
            models.UniqueConstraint(
                fields=["perangkat_daerah", "tahun", "revisi"], name="pk_unik_revisi"
            ),
        ]

    def __str__(self) -> str:
        label = "awal" if self.revisi == 0 else f"revisi {self.revisi}"
        return f"PK {self.perangkat_daerah.kode} {self.tahun} ({label})"
