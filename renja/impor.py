"""``import_plan``: the long format of contract.md §1, from CSV or XLSX.

Two phases, one transaction:

1. *Read and validate* every row of every file without touching the database:
   header, codes, numbers, kinds, units, and conflicts between rows.
2. *Apply* with a fixed number of queries per file (not per row): load what
   exists for the plans involved, compute the difference, bulk-create and
   bulk-update. Rows that address a ditetapkan Renja version are problems too.

Any problem in either phase means nothing is written (the transaction rolls
back) and every problem is reported as ``FILE:ROW: column: message``.
Importing the same file twice changes nothing the second time.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from inti.berkas import ImporGagal, Masalah, baris_berkas
from inti.parsing import Kode, ParseError, parse_angka, parse_kode, satuan_sama
from renja.models import (
    JENIS_ANGGARAN,
    JENIS_INDIKATOR,
    JENIS_TARGET,
    JENIS_TEKS,
    JENIS_VERSI,
    LEVEL_URUTAN,
    Akumulasi,
    Indikator,
    Jenis,
    Level,
    NilaiTercetak,
    Nomenklatur,
    Pemda,
    PerangkatDaerah,
    Polaritas,
    ProgramKegiatan,
    Renja,
    Renstra,
    Sasaran,
    SasaranProgram,
    Tujuan,
)
from renja.nilai.aturan import Pemilik, PerubahanNilai
from renja.nilai.services import NilaiDitolak, jalur_impor, nilai_tulis
from renja.services import leluhur, nama_sama, nomenklatur_lokal_buat

KOLOM_WAJIB = ("pemda", "opd", "kode", "uraian", "tahun", "jenis", "nilai")
KOLOM_OPSIONAL = ("indikator", "satuan", "polaritas", "akumulasi", "periode", "sasaran")
KOLOM_SEMUA = KOLOM_WAJIB + KOLOM_OPSIONAL

# File kind -> (stored kind, triwulan). Quarters are one kind with triwulan 1-4.
JENIS_FILE: dict[str, tuple[str, int]] = {j: (j, 0) for j in Jenis.values}
for _q in range(1, 5):
    JENIS_FILE[f"realisasi_tw{_q}"] = (Jenis.REALISASI, _q)
    JENIS_FILE[f"realisasi_anggaran_tw{_q}"] = (Jenis.REALISASI_ANGGARAN, _q)

# Choices' ``.values`` builds a new list on every access; validation runs per row.
POLARITAS_SAH = frozenset(Polaritas.values)
AKUMULASI_SAH = frozenset(Akumulasi.values)
PERIODE_RE = re.compile(r"^\s*(\d{4})\s*[-–/]\s*(\d{4})\s*$")
TEKS_KUALITATIF_RE = re.compile(r"^[^\d]+$")
# The column a refusal of the value writer is reported in.
KOLOM_PENOLAKAN = {
    "level": "jenis",
    "perubahan_belum_ada": "jenis",
    "terkunci": "jenis",
    "tahun": "tahun",
    "berubah": "nilai",
}


@dataclass
class Baris:
    """One validated row."""

    file: str
    nomor: int
    pemda: str
    opd: str
    kode: Kode
    uraian: str
    indikator: str
    satuan: str
    polaritas: str  # "" = not given
    akumulasi: str  # "" = not given
    periode: tuple[int, int] | None
    sasaran: str
    tahun: int
    jenis: str
    triwulan: int
    angka: Decimal | None
    teks: str
    satuan_nilai: str
    tercetak: bool  # declared/printed figure: kept for checking only
    desimal: int | None = None  # decimals as printed in a text cell (for comparisons)

    @property
    def lokasi(self) -> str:
        return f"{self.file}:{self.nomor}"

    @property
    def kunci_pd(self) -> tuple[str, str]:
        return (self.pemda, self.opd)

    @property
    def khusus(self) -> bool:
        return self.kode.level in ("tujuan", "sasaran")


@dataclass
class HasilImpor:
    baris: int = 0
    node_baru: int = 0
    indikator_baru: int = 0
    indikator_berubah: int = 0
    nilai_baru: int = 0
    nilai_berubah: int = 0
    nilai_sama: int = 0
    tercetak_baru: int = 0
    tercetak_berubah: int = 0
    nomenklatur_lokal_baru: int = 0
    renja_baru: int = 0
    files: list[str] = field(default_factory=list)

    @property
    def ada_perubahan(self) -> bool:
        return any(
            (
                self.node_baru,
                self.indikator_baru,
                self.indikator_berubah,
                self.nilai_baru,
                self.nilai_berubah,
                self.tercetak_baru,
                self.tercetak_berubah,
                self.nomenklatur_lokal_baru,
                self.renja_baru,
            )
        )

    def ringkasan(self) -> str:
        return (
            f"{self.baris} baris dari {len(self.files)} berkas: "
            f"{self.nilai_baru} nilai baru, {self.nilai_berubah} berubah, "
            f"{self.nilai_sama} sama; {self.node_baru} node baru, "
            f"{self.indikator_baru} indikator baru, {self.indikator_berubah} indikator berubah; "
            f"{self.tercetak_baru + self.tercetak_berubah} angka tercetak untuk pemeriksaan; "
            f"{self.nomenklatur_lokal_baru} kode lokal baru; {self.renja_baru} Renja baru."
        )


# --- Phase 1: reading --------------------------------------------------------------


def _sebagai_teks(value: Any) -> str:
    if isinstance(value, Decimal | int | float):
        return format(value, "f") if isinstance(value, Decimal) else str(value)
    return str(value).strip()


def _validasi_baris(
    nama: str, nomor: int, sel: dict[str, Any]
) -> tuple[Baris | None, list[Masalah]]:
    masalah: list[Masalah] = []

    def salah(kolom: str, pesan: str) -> None:
        masalah.append(Masalah(nama, nomor, kolom, pesan))

    # Each cell as text once; the checks below read them many times.
    bersih = {kolom: _sebagai_teks(sel.get(kolom, "")) for kolom in KOLOM_SEMUA}
    teks = bersih.__getitem__

    for kolom in KOLOM_WAJIB:
        if kolom != "nilai" and not teks(kolom):
            salah(kolom, "wajib diisi")

    kode: Kode | None = None
    if teks("kode"):
        try:
            kode = parse_kode(teks("kode"))
        except ParseError as exc:
            salah("kode", str(exc))

    tahun = 0
    if teks("tahun"):
        try:
            tahun = int(Decimal(teks("tahun")))
            if not (2000 <= tahun <= 2100) or Decimal(teks("tahun")) != tahun:
                raise InvalidOperation
        except (InvalidOperation, ValueError):
            salah("tahun", f"{teks('tahun')!r} bukan tahun (2000-2100)")
            tahun = 0

    jenis, triwulan = "", 0
    jenis_raw = teks("jenis")
    if jenis_raw:
        if jenis_raw.lower() in JENIS_FILE:
            jenis, triwulan = JENIS_FILE[jenis_raw.lower()]
        else:
            salah(
                "jenis", f"{jenis_raw!r} tidak dikenal; yang sah: {', '.join(sorted(JENIS_FILE))}"
            )

    polaritas = teks("polaritas").lower()
    if polaritas and polaritas not in POLARITAS_SAH:
        salah("polaritas", f"{teks('polaritas')!r} tidak dikenal; isi positif atau negatif")
    akumulasi = teks("akumulasi").lower().replace("-", "_").replace(" ", "_")
    if akumulasi and akumulasi not in AKUMULASI_SAH:
        salah(
            "akumulasi",
            f"{teks('akumulasi')!r} tidak dikenal; isi kumulatif, non_kumulatif atau rata_rata",
        )

    periode = None
    if teks("periode"):
        m = PERIODE_RE.match(teks("periode"))
        if not m or not (0 <= int(m[2]) - int(m[1]) <= 6):
            salah("periode", f"{teks('periode')!r} bukan periode Renstra (contoh 2021-2026)")
        else:
            periode = (int(m[1]), int(m[2]))

    indikator, satuan = teks("indikator"), teks("satuan")
    if jenis in JENIS_INDIKATOR or jenis == Jenis.CAPAIAN_TERCETAK:
        if not indikator:
            salah(
                "indikator",
                f"jenis {jenis_raw} adalah nilai indikator; kolom indikator wajib diisi",
            )
        if not satuan:
            salah("satuan", "wajib diisi bila ada indikator")
    elif jenis and indikator and kode and kode.level not in ("tujuan", "sasaran"):
        salah(
            "indikator",
            f"jenis {jenis_raw} milik program/kegiatan, bukan indikator; kosongkan kolom indikator",
        )

    sasaran = teks("sasaran")
    if sasaran and kode:
        if kode.level == "program" and not sasaran.upper().startswith("SASARAN-"):
            salah("sasaran", f"{sasaran!r}: isi kode sasaran, mis. SASARAN-1")
        elif kode.level == "sasaran" and not sasaran.upper().startswith("TUJUAN-"):
            salah("sasaran", f"{sasaran!r}: baris sasaran menyebut tujuannya, mis. TUJUAN-1")
        elif kode.level not in ("program", "sasaran"):
            salah(
                "sasaran",
                "hanya diisi pada baris program (sasaran yang dilayani) atau sasaran (tujuannya)",
            )

    angka: Decimal | None = None
    desimal: int | None = None
    nilai_teks = ""
    satuan_nilai = ""
    raw = sel.get("nilai", "")
    if jenis in JENIS_TEKS:
        nilai_teks = teks("nilai")
        if not nilai_teks:
            salah("nilai", "wajib diisi")
    elif jenis:
        if raw == "" or raw is None:
            salah("nilai", "wajib diisi")
        elif isinstance(raw, int | float | Decimal):
            angka = Decimal(str(raw))
        elif (
            jenis in JENIS_TARGET
            and TEKS_KUALITATIF_RE.match(str(raw))
            and raw.strip() not in ("-", "–")
        ):
            # A target without any digit (predikat "BB", "A") is a qualitative target.
            nilai_teks = str(raw).strip()
        else:
            try:
                parsed = parse_angka(str(raw))
                angka = parsed.nilai
                # The parser keeps the printed precision: "100,00%" → 100.00, "118%" → 118.
                desimal = max(0, -int(angka.as_tuple().exponent))
                satuan_nilai = "%" if parsed.persen else (parsed.satuan or "")
            except ParseError as exc:
                salah("nilai", str(exc))
        if angka is not None and jenis in JENIS_ANGGARAN and angka < 0:
            salah("nilai", f"anggaran tidak boleh negatif ({raw})")
        if jenis == Jenis.CAPAIAN_TERCETAK:
            # A printed capaian is a percentage whatever the indicator's unit.
            if satuan_nilai and satuan_nilai != "%":
                salah("nilai", f"capaian adalah persen; satuan {satuan_nilai!r} tidak sah")
        elif satuan_nilai and satuan and not satuan_sama(satuan_nilai, satuan):
            salah(
                "nilai",
                f"satuan {satuan_nilai!r} pada nilai berbeda dengan satuan indikator {satuan!r}",
            )
        if (
            satuan_nilai
            and jenis in JENIS_ANGGARAN
            and satuan_nilai.lower() not in ("rp", "rupiah")
        ):
            salah("nilai", f"anggaran dalam rupiah; satuan {satuan_nilai!r} tidak sah")

    if (
        kode
        and kode.level in ("tujuan", "sasaran")
        and jenis in JENIS_ANGGARAN | (JENIS_TEKS - {Jenis.CATATAN})
    ):
        salah("jenis", f"{kode.kanonik} tidak memiliki {jenis}; hanya indikator dan catatan")

    if masalah or kode is None:
        return None, masalah
    tercetak = jenis == Jenis.CAPAIAN_TERCETAK or (
        jenis in JENIS_ANGGARAN and kode.level != Level.SUB_KEGIATAN
    )
    return (
        Baris(
            file=nama,
            nomor=nomor,
            pemda=teks("pemda"),
            opd=teks("opd"),
            kode=kode,
            uraian=teks("uraian"),
            indikator=" ".join(indikator.split()),
            satuan=satuan,
            polaritas=polaritas,
            akumulasi=akumulasi,
            periode=periode,
            sasaran=sasaran.upper(),
            tahun=tahun,
            jenis=jenis,
            triwulan=triwulan,
            angka=angka,
            teks=nilai_teks,
            satuan_nilai=satuan_nilai,
            tercetak=tercetak,
            desimal=desimal,
        ),
        [],
    )


def _konflik(semua: list[Baris]) -> list[Masalah]:
    """Rows of one invocation that contradict each other."""
    masalah: list[Masalah] = []
    nilai_pertama: dict[tuple[Any, ...], Baris] = {}
    indikator_pertama: dict[tuple[Any, ...], Baris] = {}
    atribut: dict[tuple[Any, ...], dict[str, Baris]] = defaultdict(dict)
    uraian_pertama: dict[tuple[Any, ...], Baris] = {}
    for b in semua:
        node_key = (b.pemda, b.opd, b.kode.kanonik)
        first = uraian_pertama.setdefault(node_key, b)
        if first is not b and b.uraian and not nama_sama(first.uraian, b.uraian):
            masalah.append(
                Masalah(
                    b.file,
                    b.nomor,
                    "uraian",
                    f"{b.kode.kanonik} bernama {first.uraian!r} di {first.lokasi}; di sini {b.uraian!r}",
                )
            )
        if b.indikator:
            ind_key = (*node_key, b.indikator.casefold())
            first_ind = indikator_pertama.setdefault(ind_key, b)
            if first_ind is not b and not satuan_sama(first_ind.satuan, b.satuan):
                masalah.append(
                    Masalah(
                        b.file,
                        b.nomor,
                        "satuan",
                        f"indikator {b.indikator!r} bersatuan {first_ind.satuan!r} di {first_ind.lokasi}; di sini {b.satuan!r}",
                    )
                )
            for kolom in ("polaritas", "akumulasi"):
                value = getattr(b, kolom)
                if not value:
                    continue
                seen = atribut[ind_key].setdefault(kolom, b)
                if getattr(seen, kolom) != value:
                    masalah.append(
                        Masalah(
                            b.file,
                            b.nomor,
                            kolom,
                            f"indikator {b.indikator!r} ber{kolom} {getattr(seen, kolom)} di {seen.lokasi}; di sini {value}",
                        )
                    )
        value_key = (
            *node_key,
            b.indikator.casefold(),
            b.tahun,
            b.jenis,
            b.triwulan,
            b.file if b.tercetak else "",
        )
        first_val = nilai_pertama.setdefault(value_key, b)
        if first_val is not b and (first_val.angka, first_val.teks) != (b.angka, b.teks):
            isi_lama = first_val.angka if first_val.angka is not None else first_val.teks
            isi = b.angka if b.angka is not None else b.teks
            masalah.append(
                Masalah(
                    b.file,
                    b.nomor,
                    "nilai",
                    f"{b.jenis} {b.tahun} untuk {b.kode.kanonik} {b.indikator!r} sudah diberi {isi_lama} di {first_val.lokasi}; di sini {isi}",
                )
            )
    return masalah


def baca_dan_validasi(paths: Iterable[Path | str]) -> tuple[list[Baris], list[str]]:
    """Phase 1. Returns the rows, or raises ``ImporGagal`` with every problem found."""
    semua: list[Baris] = []
    masalah: list[Masalah] = []
    names: list[str] = []
    for nama, nomor, sel in baris_berkas(
        paths, kolom_sah=KOLOM_SEMUA, kolom_wajib=KOLOM_WAJIB, masalah=masalah, names=names
    ):
        for kolom, value in sel.items():
            if isinstance(value, str) and value.startswith("="):
                masalah.append(
                    Masalah(
                        nama, nomor, kolom, f"berisi rumus {value[:40]!r}; tempel sebagai nilai"
                    )
                )
        baris, row_masalah = _validasi_baris(nama, nomor, sel)
        masalah += row_masalah
        if baris:
            semua.append(baris)
    masalah += _konflik(semua)
    if masalah:
        raise ImporGagal(masalah)
    if not semua:
        raise ImporGagal([Masalah(names[0] if names else "-", 0, "-", "tidak ada baris data")])
    return semua, names


# --- Phase 2: applying -------------------------------------------------------------


class _Penerap:
    """Applies validated rows with a fixed number of queries per plan (not per row)."""

    def __init__(
        self, semua: list[Baris], oleh: AbstractBaseUser | None, hasil: HasilImpor
    ) -> None:
        self.semua = semua
        self.oleh = oleh
        self.hasil = hasil
        self.masalah: list[Masalah] = []
        self.pd_ids: list[int] = []
        self.alasan = jalur_impor([Path(b.file).name for b in semua])

    def salah(self, b: Baris, kolom: str, pesan: str) -> None:
        self.masalah.append(Masalah(b.file, b.nomor, kolom, pesan))

    def jalankan(self) -> None:
        pds = self._pemda_dan_pd()
        self.pd_ids = sorted(pd.pk for pd in pds.values())
        renstra_baris = self._renstra(pds)
        if self.masalah:
            return
        self._kunci_dan_renja(pds, renstra_baris)
        nodes = self._nodes(renstra_baris)
        tujuan, sasaran = self._tujuan_sasaran(renstra_baris, nodes)
        if self.masalah:
            return
        indikator = self._indikator(renstra_baris, nodes, tujuan, sasaran)
        self._nilai(renstra_baris, nodes, indikator)

    # pemda, perangkat daerah, Renstra ------------------------------------------------

    def _pemda_dan_pd(self) -> dict[tuple[str, str], PerangkatDaerah]:
        pemdas = {p.nama: p for p in Pemda.objects.filter(nama__in={b.pemda for b in self.semua})}
        pds: dict[tuple[str, str], PerangkatDaerah] = {}
        for pemda_nama, opd in sorted({b.kunci_pd for b in self.semua}):
            pemda = pemdas.get(pemda_nama)
            if pemda is None:
                pemda = pemdas[pemda_nama] = Pemda.objects.create(nama=pemda_nama)
            pd, _ = PerangkatDaerah.objects.get_or_create(
                pemda=pemda, kode=opd, defaults={"nama": opd}
            )
            pds[(pemda_nama, opd)] = pd
        return pds

    def _renstra(self, pds: dict[tuple[str, str], PerangkatDaerah]) -> dict[int, Renstra]:
        """The Renstra of every row (by row index)."""
        per_pd: dict[int, list[Renstra]] = defaultdict(list)
        for r in Renstra.objects.filter(perangkat_daerah__in=pds.values()):
            per_pd[r.perangkat_daerah_id].append(r)
        for b in self.semua:
            if b.periode is None:
                continue
            pd = pds[b.kunci_pd]
            existing = next((r for r in per_pd[pd.pk] if r.tahun_mulai == b.periode[0]), None)
            if existing is None:
                overlap = [
                    r
                    for r in per_pd[pd.pk]
                    if r.tahun_mulai <= b.periode[1] and b.periode[0] <= r.tahun_selesai
                ]
                if overlap:
                    self.salah(
                        b,
                        "periode",
                        f"periode {b.periode[0]}-{b.periode[1]} bertumpang tindih dengan Renstra {overlap[0].periode}",
                    )
                    continue
                existing = Renstra.objects.create(
                    perangkat_daerah=pd, tahun_mulai=b.periode[0], tahun_selesai=b.periode[1]
                )
                per_pd[pd.pk].append(existing)
            elif existing.tahun_selesai != b.periode[1]:
                self.salah(
                    b,
                    "periode",
                    f"Renstra {pd.kode} mulai {existing.tahun_mulai} berakhir {existing.tahun_selesai}, bukan {b.periode[1]}",
                )
        hasil: dict[int, Renstra] = {}
        for i, b in enumerate(self.semua):
            pd = pds[b.kunci_pd]
            daftar = sorted(per_pd[pd.pk], key=lambda r: -r.tahun_mulai)
            if b.periode is not None:
                found = next((r for r in daftar if r.tahun_mulai == b.periode[0]), None)
            else:
                found = next(
                    (r for r in daftar if r.tahun_mulai <= b.tahun <= r.tahun_selesai), None
                )
                # A transition year after the period belongs to the latest period (contract §1).
                found = found or next((r for r in daftar if r.tahun_mulai <= b.tahun), None)
            if found is None:
                self.salah(
                    b,
                    "periode",
                    f"belum ada Renstra {b.opd} yang memuat tahun {b.tahun}; isi kolom periode (mis. 2021-2026)",
                )
            else:
                hasil[i] = found
        return hasil

    def _kunci_dan_renja(
        self, pds: dict[tuple[str, str], PerangkatDaerah], renstra_baris: dict[int, Renstra]
    ) -> None:
        """Create the Renja versions values belong to (the value writer refuses a ditetapkan one)."""
        wanted: dict[tuple[int, int, str], Renstra] = {}
        for i, b in enumerate(self.semua):
            versi = JENIS_VERSI.get(b.jenis)
            if versi and not b.tercetak:
                wanted.setdefault((pds[b.kunci_pd].pk, b.tahun, versi), renstra_baris[i])
        if not wanted:
            return
        existing = {
            (r.perangkat_daerah_id, r.tahun, r.versi): r
            for r in Renja.objects.filter(
                perangkat_daerah__in={k[0] for k in wanted}, tahun__in={k[1] for k in wanted}
            )
        }
        # Murni first: a perubahan version is based on its murni version.
        for key in sorted(wanted, key=lambda k: (k[0], k[1], k[2] != "murni")):
            if key in existing:
                continue
            pd_id, tahun, versi = key
            dasar = None
            if versi == "perubahan":
                dasar = existing.get((pd_id, tahun, "murni"))
                if dasar is None:
                    dasar = Renja.objects.create(
                        perangkat_daerah_id=pd_id, renstra=wanted[key], tahun=tahun, versi="murni"
                    )
                    existing[(pd_id, tahun, "murni")] = dasar
                    self.hasil.renja_baru += 1
            existing[key] = Renja.objects.create(
                perangkat_daerah_id=pd_id,
                renstra=wanted[key],
                tahun=tahun,
                versi=versi,
                dasar=dasar,
            )
            self.hasil.renja_baru += 1

    # plan tree -----------------------------------------------------------------------

    def _nodes(self, renstra_baris: dict[int, Renstra]) -> dict[tuple[int, str], ProgramKegiatan]:
        needed: dict[tuple[int, str], tuple[Kode, str]] = {}
        renstras: dict[int, Renstra] = {}
        for i, b in enumerate(self.semua):
            if b.khusus or i not in renstra_baris:
                continue
            renstra = renstra_baris[i]
            renstras[renstra.pk] = renstra
            key = (renstra.pk, b.kode.kanonik)
            if key not in needed or not needed[key][1]:
                needed[key] = (b.kode, b.uraian)
            for anc in leluhur(b.kode):
                needed.setdefault((renstra.pk, anc.kanonik), (anc, ""))
        existing = {
            (n.renstra_id, n.kode): n
            for n in ProgramKegiatan.objects.filter(renstra__in=renstras.values()).select_related(
                "nomenklatur"
            )
        }
        kodes = {kanonik for _, kanonik in needed}
        pemda_ids = {r.perangkat_daerah.pemda_id for r in renstras.values()}
        master: dict[tuple[int | None, str], Nomenklatur] = {}
        kode_list = sorted(kodes)
        for start in range(0, len(kode_list), 500):
            for n in Nomenklatur.objects.filter(kode__in=kode_list[start : start + 500]).filter(
                pemda__isnull=True
            ) | Nomenklatur.objects.filter(
                kode__in=kode_list[start : start + 500], pemda_id__in=pemda_ids
            ):
                master[(n.pemda_id, n.kode)] = n

        def master_of(renstra: Renstra, kode: Kode, uraian: str) -> Nomenklatur:
            pemda_id = renstra.perangkat_daerah.pemda_id
            found = master.get((None, kode.kanonik)) or master.get((pemda_id, kode.kanonik))
            if found is None:
                found = nomenklatur_lokal_buat(pemda_id=pemda_id, kode=kode, uraian=uraian)
                master[(pemda_id, kode.kanonik)] = found
                self.hasil.nomenklatur_lokal_baru += 1
            return found

        nodes = dict(existing)
        ordered = sorted(needed.items(), key=lambda kv: (LEVEL_URUTAN[kv[1][0].level], kv[0][1]))
        for level in Level.values:
            batch = []
            for (renstra_id, kanonik), (kode, uraian) in ordered:
                if kode.level != level:
                    continue
                node = nodes.get((renstra_id, kanonik))
                renstra = renstras[renstra_id]
                if node is None:
                    m = master_of(renstra, kode, uraian)
                    parent = nodes[(renstra_id, kode.parent.kanonik)] if kode.parent else None
                    node = ProgramKegiatan(
                        renstra=renstra,
                        nomenklatur=m,
                        kode=kanonik,
                        level=kode.level,
                        parent=parent,
                        uraian_lokal=uraian if uraian and not nama_sama(uraian, m.nama) else "",
                    )
                    batch.append(node)
                    nodes[(renstra_id, kanonik)] = node
                elif uraian and not nama_sama(uraian, node.uraian):
                    node.uraian_lokal = "" if nama_sama(uraian, node.nomenklatur.nama) else uraian
                    node._change_reason = self.alasan  # type: ignore[attr-defined]
                    node.save(update_fields=["uraian_lokal"])
            if batch:
                bulk_create_with_history(
                    batch,
                    ProgramKegiatan,
                    batch_size=1000,
                    default_user=self.oleh,
                    default_change_reason=self.alasan,
                )
                self.hasil.node_baru += len(batch)
        return nodes

    def _tujuan_sasaran(
        self, renstra_baris: dict[int, Renstra], nodes: dict[tuple[int, str], ProgramKegiatan]
    ) -> tuple[dict[tuple[int, str], Tujuan], dict[tuple[int, str], Sasaran]]:
        renstra_ids = {r.pk for r in renstra_baris.values()}
        tujuan = {
            (t.renstra_id, t.kunci): t for t in Tujuan.objects.filter(renstra_id__in=renstra_ids)
        }
        sasaran = {
            (s.renstra_id, s.kunci): s for s in Sasaran.objects.filter(renstra_id__in=renstra_ids)
        }
        khusus = [(i, b) for i, b in enumerate(self.semua) if b.khusus and i in renstra_baris]
        stores: tuple[tuple[str, dict[tuple[int, str], Any], Any], ...] = (
            ("tujuan", tujuan, Tujuan),
            ("sasaran", sasaran, Sasaran),
        )
        for level, store, model in stores:
            for i, b in khusus:
                if b.kode.level != level:
                    continue
                renstra = renstra_baris[i]
                kunci = b.kode.kanonik.split("-", 1)[1]
                obj = store.get((renstra.pk, kunci))
                if obj is None:
                    obj = model.objects.create(renstra=renstra, kunci=kunci, uraian=b.uraian)
                    store[(renstra.pk, kunci)] = obj
                elif b.uraian and obj.uraian != b.uraian:
                    obj.uraian = b.uraian
                    obj.save(update_fields=["uraian"])
                if b.jenis == Jenis.CATATAN and not b.indikator and obj.keterangan != b.teks:
                    obj.keterangan = b.teks
                    obj.save(update_fields=["keterangan"])
        links = set(
            SasaranProgram.objects.filter(sasaran__renstra_id__in=renstra_ids).values_list(
                "sasaran_id", "program_id"
            )
        )
        for i, b in enumerate(self.semua):
            if not b.sasaran or i not in renstra_baris:
                continue
            renstra = renstra_baris[i]
            target_kunci = b.sasaran.split("-", 1)[1]
            if b.kode.level == "sasaran":
                t = tujuan.get((renstra.pk, target_kunci))
                s = sasaran[(renstra.pk, b.kode.kanonik.split("-", 1)[1])]
                if t is None:
                    self.salah(b, "sasaran", f"{b.sasaran} tidak ada di Renstra {renstra.periode}")
                elif s.tujuan_id != t.pk:
                    s.tujuan = t
                    s.save(update_fields=["tujuan"])
            else:
                dilayani = sasaran.get((renstra.pk, target_kunci))
                if dilayani is None:
                    self.salah(b, "sasaran", f"{b.sasaran} tidak ada di Renstra {renstra.periode}")
                    continue
                s = dilayani
                program = nodes[(renstra.pk, b.kode.kanonik)]
                if (s.pk, program.pk) not in links:
                    SasaranProgram.objects.create(sasaran=s, program=program)
                    links.add((s.pk, program.pk))
        return tujuan, sasaran

    # indicators and values ---------------------------------------------------------

    def _pemilik(
        self,
        i: int,
        b: Baris,
        renstra_baris: dict[int, Renstra],
        nodes: dict[tuple[int, str], ProgramKegiatan],
        tujuan: dict[tuple[int, str], Tujuan],
        sasaran: dict[tuple[int, str], Sasaran],
    ) -> tuple[str, int]:
        renstra = renstra_baris[i]
        if b.kode.level == "tujuan":
            return ("tujuan", tujuan[(renstra.pk, b.kode.kanonik.split("-", 1)[1])].pk)
        if b.kode.level == "sasaran":
            return ("sasaran", sasaran[(renstra.pk, b.kode.kanonik.split("-", 1)[1])].pk)
        return ("program_kegiatan", nodes[(renstra.pk, b.kode.kanonik)].pk)

    def _indikator(
        self,
        renstra_baris: dict[int, Renstra],
        nodes: dict[tuple[int, str], ProgramKegiatan],
        tujuan: dict[tuple[int, str], Tujuan],
        sasaran: dict[tuple[int, str], Sasaran],
    ) -> dict[tuple[str, int, str], Indikator]:
        owners: dict[str, set[int]] = defaultdict(set)
        spec: dict[tuple[str, int, str], Baris] = {}
        attrs: dict[tuple[str, int, str], dict[str, str]] = defaultdict(dict)
        self._owner_of: dict[int, tuple[str, int]] = {}
        for i, b in enumerate(self.semua):
            owner = self._pemilik(i, b, renstra_baris, nodes, tujuan, sasaran)
            self._owner_of[i] = owner
            if not b.indikator:
                continue
            owners[owner[0]].add(owner[1])
            key = (*owner, b.indikator.casefold())
            spec.setdefault(key, b)
            for kolom in ("polaritas", "akumulasi"):
                if getattr(b, kolom):
                    attrs[key].setdefault(kolom, getattr(b, kolom))
        existing: dict[tuple[str, int, str], Indikator] = {}
        for kind, ids in owners.items():
            for ind in Indikator.objects.filter(**{f"{kind}_id__in": ids}):
                existing[(kind, getattr(ind, f"{kind}_id"), ind.nama.casefold())] = ind
        next_urutan: dict[tuple[str, int], int] = defaultdict(int)
        for (kind, owner_id, _), ind in existing.items():
            next_urutan[(kind, owner_id)] = max(next_urutan[(kind, owner_id)], ind.urutan + 1)
        baru: list[Indikator] = []
        berubah: list[Indikator] = []
        for key, b in spec.items():
            kind, owner_id, _ = key
            wanted = {
                "satuan": b.satuan,
                "polaritas": attrs[key].get("polaritas", Polaritas.POSITIF),
                "akumulasi": attrs[key].get("akumulasi", Akumulasi.NON_KUMULATIF),
            }
            found = existing.get(key)
            if found is None:
                ind = Indikator(
                    nama=b.indikator,
                    urutan=next_urutan[(kind, owner_id)],
                    **{f"{kind}_id": owner_id},
                    **wanted,
                )
                next_urutan[(kind, owner_id)] += 1
                baru.append(ind)
                existing[key] = ind
            else:
                ind = found
                # Columns left empty keep what is stored; given ones win.
                if not attrs[key].get("polaritas"):
                    wanted["polaritas"] = ind.polaritas
                if not attrs[key].get("akumulasi"):
                    wanted["akumulasi"] = ind.akumulasi
                if any(getattr(ind, k) != v for k, v in wanted.items()):
                    for k, v in wanted.items():
                        setattr(ind, k, v)
                    berubah.append(ind)
        if baru:
            bulk_create_with_history(
                baru,
                Indikator,
                batch_size=1000,
                default_user=self.oleh,
                default_change_reason=self.alasan,
            )
        if berubah:
            bulk_update_with_history(
                berubah,
                Indikator,
                ["satuan", "polaritas", "akumulasi"],
                batch_size=1000,
                default_user=self.oleh,
                default_change_reason=self.alasan,
            )
        self.hasil.indikator_baru += len(baru)
        self.hasil.indikator_berubah += len(berubah)
        return existing

    def _nilai(
        self,
        renstra_baris: dict[int, Renstra],
        nodes: dict[tuple[int, str], ProgramKegiatan],
        indikator: dict[tuple[str, int, str], Indikator],
    ) -> None:
        """Printed figures here; values through the one writer (``nilai_tulis``) in bulk."""
        perubahan: list[PerubahanNilai] = []
        tercetak: list[tuple[dict[str, int], Baris]] = []
        pemilik: dict[tuple[str, int], Pemilik] = {}
        seen: set[tuple[Any, ...]] = set()
        for i, b in enumerate(self.semua):
            kind, owner_id = self._owner_of[i]
            if b.khusus and not b.indikator:
                continue  # tujuan/sasaran declaration or its catatan, stored already
            if b.indikator:
                ind = indikator[(kind, owner_id, b.indikator.casefold())]
                owner = ("i", ind.pk)
            else:
                owner = ("n", owner_id)
            if b.tercetak:
                fk = {"indikator_id" if owner[0] == "i" else "program_kegiatan_id": owner[1]}
                tercetak.append((fk, b))
                continue
            key = (*owner, b.tahun, b.jenis, b.triwulan)
            if key in seen:
                continue  # an identical duplicate row (conflicting ones were refused)
            seen.add(key)
            milik = pemilik.get(owner)
            if milik is None:
                renstra = renstra_baris[i]
                milik = pemilik[owner] = Pemilik(
                    pd_id=renstra.perangkat_daerah_id,
                    periode=(renstra.tahun_mulai, renstra.tahun_selesai),
                    indikator_id=owner[1] if owner[0] == "i" else None,
                    node_id=owner[1] if owner[0] == "n" else None,
                    level="" if owner[0] == "i" else b.kode.level,
                    kode=b.kode.kanonik,
                )
            perubahan.append(
                PerubahanNilai(
                    pemilik=milik,
                    jenis=b.jenis,
                    tahun=b.tahun,
                    triwulan=b.triwulan,
                    angka=b.angka,
                    teks=b.teks,
                    satuan=b.satuan_nilai,
                    asal=b,
                )
            )
        self._tercetak(renstra_baris, tercetak)
        h = self.hasil
        lain = any(
            (
                h.node_baru,
                h.indikator_baru,
                h.indikator_berubah,
                h.tercetak_baru,
                h.tercetak_berubah,
                h.nomenklatur_lokal_baru,
                h.renja_baru,
            )
        )
        try:
            tulis = nilai_tulis(
                perubahan=perubahan,
                oleh=self.oleh,
                jalur=self.alasan,
                # No revision is compared, and locking every row would cost PostgreSQL a write
                # per stored value.
                kunci_baris=False,
                pd_diubah_lain=self.pd_ids if lain else (),
            )
        except NilaiDitolak as exc:
            for t in exc.penolakan:
                self.salah(t.perubahan.asal, KOLOM_PENOLAKAN[t.sebab], t.pesan.rstrip("."))
            return
        h.nilai_baru += tulis.baru
        h.nilai_berubah += tulis.berubah
        h.nilai_sama += tulis.sama

    def _tercetak(
        self, renstra_baris: dict[int, Renstra], baris: list[tuple[dict[str, int], Baris]]
    ) -> None:
        """Declared and printed figures, kept for ``check_plan`` only (not values, no history)."""
        renstra_ids = {r.pk for r in renstra_baris.values()}
        ind_ids = sorted({fk["indikator_id"] for fk, _ in baris if "indikator_id" in fk})
        ada: dict[tuple[Any, ...], NilaiTercetak] = {}
        for t in NilaiTercetak.objects.filter(program_kegiatan__renstra_id__in=renstra_ids):
            ada[("n", t.program_kegiatan_id, t.tahun, t.jenis, t.triwulan, t.sumber)] = t
        for start in range(0, len(ind_ids), 2000):
            for t in NilaiTercetak.objects.filter(indikator_id__in=ind_ids[start : start + 2000]):
                ada[("i", t.indikator_id, t.tahun, t.jenis, t.triwulan, t.sumber)] = t
        baru: list[NilaiTercetak] = []
        berubah: list[NilaiTercetak] = []
        seen: set[tuple[Any, ...]] = set()
        for fk, b in baris:
            assert b.angka is not None
            owner = (
                ("i", fk["indikator_id"])
                if "indikator_id" in fk
                else ("n", fk["program_kegiatan_id"])
            )
            sumber = Path(b.file).name
            tkey = (*owner, b.tahun, b.jenis, b.triwulan, sumber)
            if tkey in seen:
                continue
            seen.add(tkey)
            lama = ada.get(tkey)
            if lama is None:
                baru.append(
                    NilaiTercetak(
                        tahun=b.tahun,
                        jenis=b.jenis,
                        triwulan=b.triwulan,
                        angka=b.angka,
                        desimal=b.desimal,
                        sumber=sumber,
                        **fk,
                    )
                )
            elif (lama.angka, lama.desimal) != (b.angka, b.desimal):
                lama.angka, lama.desimal = b.angka, b.desimal
                berubah.append(lama)
        NilaiTercetak.objects.bulk_create(baru, batch_size=2000)
        if berubah:
            NilaiTercetak.objects.bulk_update(berubah, ["angka", "desimal"], batch_size=2000)
        self.hasil.tercetak_baru += len(baru)
        self.hasil.tercetak_berubah += len(berubah)


def impor_plan(paths: Iterable[Path | str], *, oleh: AbstractBaseUser | None = None) -> HasilImpor:
    """Import every file, all or nothing. Raises ``ImporGagal`` listing every problem."""
    semua, names = baca_dan_validasi(paths)
    hasil = HasilImpor(baris=len(semua), files=names)
    with transaction.atomic():
        penerap = _Penerap(semua, oleh, hasil)
        penerap.jalankan()
        if penerap.masalah:
            raise ImporGagal(penerap.masalah)  # leaving the block by an exception rolls back
    return hasil


__all__ = ["HasilImpor", "ImporGagal", "Masalah", "baca_dan_validasi", "impor_plan"]
