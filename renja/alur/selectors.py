"""Reads for the application shell and the workflow screens (domain.md §6).

Every function runs a fixed number of queries whatever the number of Renja:
``konteks_kerja`` four (five before a choice), ``renja_menunggu`` two, ``riwayat_renja`` one.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import OuterRef, Q, QuerySet, Subquery

from renja import akses
from renja.models import (
    Keanggotaan,
    Peran,
    PerangkatDaerah,
    Renja,
    RiwayatStatus,
    StatusRenja,
)

S = StatusRenja

# What waits for each role: the states of the Renja it has to act on next. A verified Renja
# waits for the kepala (to set it), not for Bappeda, although Bappeda may still return it.
MENUNGGU: dict[str, frozenset[str]] = {
    Peran.PERENCANA: frozenset({S.DIKEMBALIKAN}),
    Peran.KEPALA: frozenset({S.DRAFT, S.DIKEMBALIKAN, S.DIVERIFIKASI}),
    Peran.BAPPEDA: frozenset({S.DIAJUKAN}),
    Peran.ADMIN: frozenset({S.DIAJUKAN, S.DIVERIFIKASI}),
}

# The action a role takes on a waiting Renja, by state: the heading of its group in /alur/.
TINDAKAN: dict[tuple[str, str], str] = {
    (Peran.PERENCANA, S.DIKEMBALIKAN): "diperbaiki sesuai catatan Bappeda",
    (Peran.KEPALA, S.DRAFT): "diajukan ke Bappeda",
    (Peran.KEPALA, S.DIKEMBALIKAN): "diperbaiki lalu diajukan kembali",
    (Peran.KEPALA, S.DIVERIFIKASI): "ditetapkan",
    (Peran.BAPPEDA, S.DIAJUKAN): "diverifikasi atau dikembalikan",
    (Peran.ADMIN, S.DIAJUKAN): "diverifikasi atau dikembalikan",
    (Peran.ADMIN, S.DIVERIFIKASI): "ditetapkan",
}

# Order of the groups on the waiting list: the most urgent decision first.
URUTAN_TINDAKAN = [
    "diverifikasi atau dikembalikan",
    "ditetapkan",
    "diperbaiki lalu diajukan kembali",
    "diperbaiki sesuai catatan Bappeda",
    "diajukan ke Bappeda",
]


def keanggotaan_pengguna(*, user: akses.AnyUser) -> list[Keanggotaan]:
    """The user's roles, one query (none for an anonymous visitor)."""
    if not user.is_authenticated:
        return []
    return list(Keanggotaan.objects.filter(user_id=user.pk))


def _superuser(user: akses.AnyUser) -> bool:
    return bool(getattr(user, "is_superuser", False))


def _syarat_menunggu(user: akses.AnyUser, anggota: list[Keanggotaan]) -> Q | None:
    """The Renja waiting for this user as one filter, None when nothing can wait."""
    if _superuser(user):
        return Q(status__in=MENUNGGU[Peran.ADMIN])
    syarat: Q | None = None
    for k in anggota:
        status = MENUNGGU.get(k.peran, frozenset())
        if k.perangkat_daerah_id is not None:
            q = Q(perangkat_daerah_id=k.perangkat_daerah_id, status__in=status)
        else:
            q = Q(perangkat_daerah__pemda_id=k.pemda_id, status__in=status)
        syarat = q if syarat is None else syarat | q
    return syarat


def _peran_atas(user: akses.AnyUser, anggota: list[Keanggotaan], pd: PerangkatDaerah) -> set[str]:
    """``akses.peran_atas_pd`` from memberships already loaded (no query)."""
    if _superuser(user):
        return {Peran.ADMIN}
    return {
        k.peran
        for k in anggota
        if k.perangkat_daerah_id == pd.pk
        or (k.perangkat_daerah_id is None and k.pemda_id == pd.pemda_id)
    }


def jumlah_menunggu(*, user: akses.AnyUser, anggota: list[Keanggotaan]) -> int:
    syarat = _syarat_menunggu(user, anggota)
    return 0 if syarat is None else Renja.objects.filter(syarat).count()


@dataclass
class Menunggu:
    """One Renja on a user's waiting list, with what the user does next."""

    renja: Renja
    tindakan: str
    catatan: str = ""  # the latest return note, for a dikembalikan Renja


@dataclass
class KelompokMenunggu:
    tindakan: str
    daftar: list[Menunggu] = field(default_factory=list)


def _dengan_catatan_kembali(qs: QuerySet[Renja]) -> QuerySet[Renja]:
    terakhir = RiwayatStatus.objects.filter(renja=OuterRef("pk"), ke=S.DIKEMBALIKAN).order_by(
        "-waktu", "-id"
    )
    return qs.annotate(
        catatan_kembali=Subquery(terakhir.values("catatan")[:1]),
        kembali_pada=Subquery(terakhir.values("waktu")[:1]),
    )


def renja_menunggu(*, user: akses.AnyUser) -> list[KelompokMenunggu]:
    """What waits for this user, grouped by the action to take: two queries."""
    anggota = keanggotaan_pengguna(user=user)
    syarat = _syarat_menunggu(user, anggota)
    if syarat is None:
        return []
    qs = _dengan_catatan_kembali(
        Renja.objects.filter(syarat)
        .select_related("perangkat_daerah", "perangkat_daerah__pemda")
        .order_by("perangkat_daerah__pemda__nama", "perangkat_daerah__kode", "-tahun", "versi")
    )
    kelompok: dict[str, KelompokMenunggu] = {}
    for renja in qs:
        peran = _peran_atas(user, anggota, renja.perangkat_daerah)
        # The most demanding role decides the action (a kepala who is also perencana decides).
        tindakan = next(
            (
                TINDAKAN[(p, renja.status)]
                for p in (Peran.ADMIN, Peran.BAPPEDA, Peran.KEPALA, Peran.PERENCANA)
                if p in peran and (p, renja.status) in TINDAKAN
            ),
            None,
        )
        if tindakan is None:
            continue
        catatan = getattr(renja, "catatan_kembali", None) or ""
        item = Menunggu(renja=renja, tindakan=tindakan, catatan=catatan)
        kelompok.setdefault(tindakan, KelompokMenunggu(tindakan=tindakan)).daftar.append(item)
    return sorted(kelompok.values(), key=lambda k: URUTAN_TINDAKAN.index(k.tindakan))


def renja_untuk_alur(*, renja_id: int) -> Renja:
    """A Renja with its agency and pemda; ``Renja.DoesNotExist`` if absent."""
    return Renja.objects.select_related("perangkat_daerah", "perangkat_daerah__pemda").get(
        pk=renja_id
    )


def riwayat_renja(*, renja: Renja) -> list[RiwayatStatus]:
    """The transitions of a Renja, oldest first, with who made them: one query."""
    return list(
        RiwayatStatus.objects.filter(renja=renja).select_related("oleh").order_by("waktu", "id")
    )


# --- The application shell ------------------------------------------------------------


@dataclass(frozen=True)
class KonteksKerja:
    """What the header shows on every page: roles, agencies, the selected agency and year."""

    peran: frozenset[str]
    pd_list: list[PerangkatDaerah]
    pd_aktif: PerangkatDaerah | None
    tahun_list: list[int]
    tahun_aktif: int | None
    renja_aktif: list[Renja]  # the versions of the selected agency and year
    jumlah_menunggu: int

    @property
    def admin(self) -> bool:
        return Peran.ADMIN in self.peran

    @property
    def label_menunggu(self) -> str:
        """The waiting list's name in the navigation, by the user's main role."""
        for peran, label in (
            (Peran.ADMIN, "Menunggu tindakan"),
            (Peran.BAPPEDA, "Verifikasi"),
            (Peran.KEPALA, "Persetujuan"),
            (Peran.PERENCANA, "Perlu diperbaiki"),
        ):
            if peran in self.peran:
                return label
        return "Menunggu tindakan"

    @property
    def label_peran(self) -> str:
        return ", ".join(Peran(p).label for p in sorted(self.peran))

    @property
    def pemda(self) -> str:
        return str(self.pd_aktif.pemda) if self.pd_aktif else ""

    @property
    def banyak_pemda(self) -> bool:
        return len({pd.pemda_id for pd in self.pd_list}) > 1


def konteks_kerja(
    *, user: akses.AnyUser, pd_id: int | None = None, tahun: int | None = None
) -> KonteksKerja:
    """The user's agencies and the selected one (``pd_id`` if visible, else the first) with
    its Renja years and the selected year (``tahun``, else the latest): four or five queries.
    """
    anggota = keanggotaan_pengguna(user=user)
    peran: frozenset[str] = frozenset(
        {str(Peran.ADMIN)} if _superuser(user) else {k.peran for k in anggota}
    )
    pd_list = list(akses.pd_terlihat(user).select_related("pemda").order_by("pemda__nama", "kode"))
    pd_aktif = next((pd for pd in pd_list if pd.pk == pd_id), None)
    if pd_aktif is None and pd_list:
        # No choice yet: the agency of the latest Renja (Bappeda's own agency may have none).
        terbaru = (
            Renja.objects.filter(perangkat_daerah__in=[pd.pk for pd in pd_list])
            .order_by("-tahun", "perangkat_daerah__kode")
            .values_list("perangkat_daerah_id", flat=True)
            .first()
        )
        pd_aktif = next((pd for pd in pd_list if pd.pk == terbaru), pd_list[0])
    renja_pd: list[Renja] = []
    if pd_aktif is not None:
        renja_pd = list(Renja.objects.filter(perangkat_daerah=pd_aktif).order_by("-tahun", "versi"))
        for r in renja_pd:
            r.perangkat_daerah = pd_aktif  # already loaded, with its pemda
    tahun_list = sorted({r.tahun for r in renja_pd}, reverse=True)
    if tahun is not None and 2000 <= tahun <= 2100:
        # A page about a year without a Renja (realisation of a later year) still shows it.
        tahun_aktif: int | None = tahun
        if tahun not in tahun_list:
            tahun_list = sorted({*tahun_list, tahun}, reverse=True)
    else:
        tahun_aktif = tahun_list[0] if tahun_list else None
    return KonteksKerja(
        peran=peran,
        pd_list=pd_list,
        pd_aktif=pd_aktif,
        tahun_list=tahun_list,
        tahun_aktif=tahun_aktif,
        renja_aktif=[r for r in renja_pd if r.tahun == tahun_aktif],
        jumlah_menunggu=jumlah_menunggu(user=user, anggota=anggota),
    )
