"""The document outline (dokumen.kerangka): keys, narratives, tables, placeholders, numbering."""

from __future__ import annotations

import re
import string

import pytest

from dokumen.kerangka import (
    BAGIAN_AWAL,
    BAGIAN_BAGIAN,
    KATA_PENGANTAR,
    KERANGKA,
    LAMPIRAN,
    PLACEHOLDER,
    Bab,
    Bagian,
    semua_bagian,
)
from dokumen.narasi import NARASI

JENIS = ("renja", "lkj")
CONTOH = {
    "pemda": "Kota Batam",
    "pd": "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia",
    "pd_singkat": "BKPSDM",
    "tahun": 2024,
    "tahun_lalu": 2023,
    "tahun_depan": 2025,
    "renstra_awal": 2021,
    "renstra_akhir": 2026,
    "tempat": "Batam",
}


def _teks_semua(jenis: str) -> list[tuple[str, str]]:
    teks = [(f"{jenis}.kata_pengantar", KATA_PENGANTAR[jenis])]
    teks += [(b.kunci, b.teks_baku) for b in semua_bagian(jenis)]
    teks += [(bab.kunci, bab.teks_baku) for bab in KERANGKA[jenis] if bab.kunci]
    return teks


def test_both_documents_have_their_chapters():
    assert [b.nomor for b in KERANGKA["renja"]] == ["I", "II", "III", "IV", "V"]
    assert [b.judul for b in KERANGKA["renja"]][-1] == "PENUTUP"
    assert [b.nomor for b in KERANGKA["lkj"]] == ["I", "II", "III", "IV"]
    assert KERANGKA["lkj"][-1].judul == "PENUTUP"
    assert set(KATA_PENGANTAR) == set(JENIS)


def test_every_kunci_is_unique_and_prefixed_by_its_document():
    kunci = [
        k
        for jenis in JENIS
        for k in [b.kunci for b in semua_bagian(jenis)]
        + [bab.kunci for bab in KERANGKA[jenis] if bab.kunci]
    ]
    assert len(kunci) == len(set(kunci))
    for jenis in JENIS:
        assert all(b.kunci.startswith(f"{jenis}.") for b in semua_bagian(jenis))
        assert all(re.fullmatch(r"[a-z0-9_.]+", b.kunci) for b in semua_bagian(jenis))


def test_every_narrative_name_exists():
    for jenis in JENIS:
        for b in semua_bagian(jenis):
            for nama in b.narasi:
                assert nama in NARASI, (b.kunci, nama)
                assert nama.startswith(jenis), (b.kunci, nama)


@pytest.mark.django_db
def test_every_table_is_one_the_engine_builds():
    from inti import katalog

    for jenis in JENIS:
        for b in semua_bagian(jenis):
            for t in b.tabel:
                assert katalog.ada(t.kode), (b.kunci, t.kode)
                if t.kode == "e81":
                    assert t.triwulan in (1, 2, 3, 4), b.kunci
                else:
                    assert t.triwulan is None, b.kunci


def test_the_renja_places_the_official_tables_where_the_batam_outline_has_them():
    tempat = {t.kode: b.kunci for b in semua_bagian("renja") for t in b.tabel}
    assert tempat == {
        "tc29": "renja.2.1",
        "tc30": "renja.2.2",
        "tc31": "renja.2.4",
        "tc32": "renja.2.5",
        "tc33": "renja.3.3",
        "t41": "renja.4.1",
    }
    lkj = {t.kode for b in semua_bagian("lkj") for t in b.tabel}
    assert {"pk", "lkj_capaian", "lkj_anggaran", "lkj_efisiensi", "e81"} == lkj


def test_every_placeholder_is_documented_and_every_text_formats():
    import dokumen.kerangka as modul

    for nama in PLACEHOLDER:
        assert "{" + nama + "}" in (modul.__doc__ or ""), nama
    for jenis in JENIS:
        for kunci, teks in _teks_semua(jenis):
            dipakai = {f for _, f, _, _ in string.Formatter().parse(teks) if f is not None}
            assert dipakai <= PLACEHOLDER, (kunci, dipakai - PLACEHOLDER)
            hasil = teks.format(**CONTOH)
            assert "{" not in hasil and "}" not in hasil, kunci
            assert "None" not in hasil and "nan" not in hasil.split(), kunci


def test_titles_have_no_placeholders_and_sections_have_text_or_content():
    for jenis in JENIS:
        for b in semua_bagian(jenis):
            assert "{" not in b.judul, b.kunci
            assert b.teks_baku or b.narasi or b.tabel or b.sub, b.kunci
            assert sorted(b.urutan) == sorted(BAGIAN_BAGIAN), b.kunci


def _angka(nomor: str) -> tuple[int, ...]:
    return tuple(int(p) for p in nomor.split("."))


def test_outline_numbers_are_in_order():
    romawi = ["I", "II", "III", "IV", "V", "VI"]
    for jenis in JENIS:
        bab_list: tuple[Bab, ...] = KERANGKA[jenis]
        for i, bab in enumerate(bab_list, start=1):
            assert bab.nomor == romawi[i - 1]

            def periksa(bagian: tuple[Bagian, ...], induk: tuple[int, ...]) -> None:
                angka = [b for b in bagian if re.fullmatch(r"\d+(\.\d+)*", b.nomor)]
                huruf = [b for b in bagian if re.fullmatch(r"[a-z]\.", b.nomor)]
                assert len(angka) + len(huruf) == len(bagian), [b.nomor for b in bagian]
                for j, b in enumerate(angka, start=1):
                    assert _angka(b.nomor) == (*induk, j), (b.kunci, b.nomor)
                    periksa(b.sub, _angka(b.nomor))
                for j, b in enumerate(huruf):
                    assert b.nomor == f"{chr(ord('a') + j)}.", b.kunci
                    assert not b.sub

            periksa(bab.bagian, (i,))


def test_renja_sections_follow_the_batam_outline():
    nomor = [b.nomor for b in semua_bagian("renja") if b.nomor[0].isdigit()]
    assert nomor == [
        "1.1", "1.1.1", "1.1.2", "1.1.3", "1.2", "1.3", "1.4",
        "2.1", "2.2", "2.3", "2.3.1", "2.3.2", "2.3.3", "2.3.4", "2.4", "2.5",
        "3.1", "3.2", "3.2.1", "3.2.2", "3.3",
        "4.1", "4.2", "4.3",
        "5.1", "5.2",
    ]  # fmt: skip
    assert {b.kunci for b in semua_bagian("renja") if b.kunci.startswith("renja.2.1.")} == {
        "renja.2.1.a",
        "renja.2.1.b",
        "renja.2.1.c",
    }


def test_front_matter_and_appendices():
    assert [b.judul for b in BAGIAN_AWAL["lkj"]] == ["Ringkasan Eksekutif"]
    assert BAGIAN_AWAL["renja"] == () and LAMPIRAN["renja"] == ()
    (e81,) = [t for b in LAMPIRAN["lkj"] for t in b.tabel if t.kode == "e81"]
    assert e81.triwulan == 4


def test_default_texts_name_no_particular_agency():
    for jenis in JENIS:
        for kunci, teks in _teks_semua(jenis):
            for fakta in ("Batam", "Dumai", "Banjarbaru", "BKPSDM", "Walikota", "Wali Kota"):
                assert fakta not in teks, (kunci, fakta)


def test_the_renja_perubahan_adds_its_chapter_before_the_penutup_renumbered_vi():
    from dokumen.kerangka import kerangka

    murni = kerangka("renja")
    perubahan = kerangka("renja", "perubahan")
    assert [b.nomor for b in perubahan] == ["I", "II", "III", "IV", "V", "VI"]
    assert perubahan[4].judul == "RENCANA PROGRAM DAN KEGIATAN DALAM PERUBAHAN RENCANA KERJA"
    assert [t.kode for b in perubahan[4].bagian for t in b.tabel] == [
        "perubahan_pagu",
        "t52",
        "t53",
    ]
    # The penutup keeps its keys (and so the planner's texts) under its new number.
    assert [(b.kunci, b.nomor) for b in perubahan[5].bagian] == [
        ("renja.5.1", "6.1"),
        ("renja.5.2", "6.2"),
    ]
    assert murni == KERANGKA["renja"] and len(murni) == 5
    kunci = [b.kunci for b in semua_bagian("renja", "perubahan")]
    assert len(kunci) == len(set(kunci))
