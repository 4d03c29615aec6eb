"""The one catalogue of report tables: code, official title, parameters, formats and builder.

The pages, ``export_table``, the documents and the API list and validate tables here. The
kernel knows no app, so each app that builds tables registers them when Django starts
(``AppConfig.ready``): the engine (``evaluasi``) the plan tables, the roster
(``kepegawaian``) its rekap. A lookup of an unregistered code is ``TabelTidakDikenal``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Literal

from inti.tabel import Tabel

FORMAT: tuple[str, ...] = ("csv", "xlsx", "pdf")


class TabelTidakDikenal(LookupError):
    pass


@dataclass(frozen=True)
class JenisTabel:
    kode: str  # machine name: tc29, e81, rekap_pegawai …
    singkat: str  # the official short name: "T-C.29", "E.81", "Tabel 5.2"
    nama: str  # the official title
    pembangun: Callable[..., Tabel]
    # "pd": one perangkat daerah's plan (builder takes the loaded plan and the year);
    # "pemda": the whole pemda (builder takes its own keyword arguments).
    lingkup: Literal["pd", "pemda"] = "pd"
    butuh_triwulan: bool = False
    # Years before the plan year whose Renstra the table evaluates (T-C.29: N-2).
    mundur_tahun: int = 0
    format: tuple[str, ...] = FORMAT

    @property
    def judul(self) -> str:
        return f"{self.singkat} {self.nama}"

    def tahun_renstra(self, tahun: int) -> int:
        """The year whose Renstra period the table of plan year ``tahun`` is computed from."""
        return tahun - self.mundur_tahun


_KATALOG: dict[str, JenisTabel] = {}


def daftarkan(*jenis: JenisTabel) -> None:
    """Register tables (idempotent: Django may call ``ready`` twice in tests)."""
    for j in jenis:
        lama = _KATALOG.get(j.kode)
        if lama is not None and lama != j:
            raise ValueError(f"Tabel {j.kode!r} sudah terdaftar dengan isi lain.")
        _KATALOG[j.kode] = j


def jenis_tabel(kode: str) -> JenisTabel:
    try:
        return _KATALOG[kode]
    except KeyError:
        raise TabelTidakDikenal(
            f"Tabel {kode!r} tidak dikenal; yang tersedia: {', '.join(sorted(_KATALOG))}."
        ) from None


def semua(lingkup: str | None = None) -> Iterator[JenisTabel]:
    """Registered tables in registration (document) order."""
    return (j for j in _KATALOG.values() if lingkup is None or j.lingkup == lingkup)


def kode_semua(lingkup: str | None = None) -> list[str]:
    return [j.kode for j in semua(lingkup)]


def ada(kode: str) -> bool:
    return kode in _KATALOG


def cari(kode: str, *, lingkup: str | None = None) -> JenisTabel | None:
    """The registered table, or None when unknown (or of another scope than ``lingkup``)."""
    jenis = _KATALOG.get(kode)
    return jenis if jenis is not None and lingkup in (None, jenis.lingkup) else None
