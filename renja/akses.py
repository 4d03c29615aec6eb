"""Who may see and do what. Enforced by services and selectors, not only templates.

Roles (``Keanggotaan.peran``):

* perencana – one perangkat daerah: reads it, edits its plan values.
* kepala    – one perangkat daerah: reads it, submits (ajukan) and sets (tetapkan) its Renja.
* bappeda   – every perangkat daerah of the pemda: reads all, verifies or returns.
* admin     – every perangkat daerah of the pemda: everything. Django superusers too.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet

from renja.models import Keanggotaan, Peran, PerangkatDaerah

if TYPE_CHECKING:
    from renja.models import Renja

AnyUser = AbstractBaseUser | AnonymousUser

PERAN_SELURUH_PEMDA = (Peran.BAPPEDA, Peran.ADMIN)


class AksesDitolak(PermissionDenied):
    """Raised by services when a user acts outside their role."""


def _is_superuser(user: AnyUser) -> bool:
    return bool(getattr(user, "is_superuser", False))


def peran_atas_pd(user: AnyUser, pd: PerangkatDaerah) -> set[str]:
    """Every role the user holds that covers this perangkat daerah."""
    if not user.is_authenticated:
        return set()
    if _is_superuser(user):
        return {Peran.ADMIN}
    rows = Keanggotaan.objects.filter(user_id=user.pk).filter(
        Q(perangkat_daerah=pd) | Q(pemda_id=pd.pemda_id, peran__in=PERAN_SELURUH_PEMDA)
    )
    return set(rows.values_list("peran", flat=True))


def pd_terlihat(user: AnyUser) -> QuerySet[PerangkatDaerah]:
    """The perangkat daerah whose plans the user may read."""
    if not user.is_authenticated:
        return PerangkatDaerah.objects.none()
    if _is_superuser(user):
        return PerangkatDaerah.objects.all()
    memberships = Keanggotaan.objects.filter(user_id=user.pk)
    return PerangkatDaerah.objects.filter(
        Q(pk__in=memberships.filter(perangkat_daerah__isnull=False).values("perangkat_daerah"))
        | Q(pemda__in=memberships.filter(peran__in=PERAN_SELURUH_PEMDA).values("pemda"))
    )


def dapat_melihat(user: AnyUser, pd: PerangkatDaerah) -> bool:
    return bool(peran_atas_pd(user, pd))


def dapat_mengubah_nilai(user: AnyUser, pd: PerangkatDaerah) -> bool:
    return bool(peran_atas_pd(user, pd) & {Peran.PERENCANA, Peran.ADMIN})


def wajib(boleh: bool, pesan: str) -> None:
    if not boleh:
        raise AksesDitolak(pesan)


def wajib_melihat(user: AnyUser, pd: PerangkatDaerah) -> None:
    wajib(dapat_melihat(user, pd), f"Anda tidak berhak melihat data {pd.kode}.")


def wajib_mengubah(user: AnyUser, renja: Renja) -> None:
    wajib(
        dapat_mengubah_nilai(user, renja.perangkat_daerah),
        f"Anda tidak berhak mengubah {renja}.",
    )
