"""factory_boy factories for the planning domain. Tests build what they need, no big fixtures."""

from __future__ import annotations

import factory
from django.contrib.auth import get_user_model

from renja import models as m
from renja.services import node_tambah


class PemdaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = m.Pemda
        django_get_or_create = ("nama",)

    nama = "Kota Batam"
    jenis = m.Pemda.JenisPemda.KOTA


class PerangkatDaerahFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = m.PerangkatDaerah
        django_get_or_create = ("pemda", "kode")

    pemda = factory.SubFactory(PemdaFactory)
    kode = "BKPSDM"
    nama = "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia"


class RenstraFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = m.Renstra

    perangkat_daerah = factory.SubFactory(PerangkatDaerahFactory)
    tahun_mulai = 2021
    tahun_selesai = 2026


class RenjaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = m.Renja

    renstra = factory.SubFactory(RenstraFactory)
    perangkat_daerah = factory.SelfAttribute("renstra.perangkat_daerah")
    tahun = 2024
    versi = m.Renja.Versi.MURNI


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    password = factory.django.Password("demo")


def anggota(user, *, peran: str, pd: m.PerangkatDaerah | None = None, pemda: m.Pemda | None = None):
    return m.Keanggotaan.objects.create(
        user=user,
        peran=peran,
        perangkat_daerah=pd,
        pemda=pemda or pd.pemda,  # type: ignore[union-attr]
    )


def sub_kegiatan(renstra: m.Renstra, kode: str = "5.03.02.2.04.0003") -> m.ProgramKegiatan:
    return node_tambah(renstra=renstra, kode=kode)
