"""Reading a NIP: valid numbers round-trip, each broken rule is named (kepegawaian.nip)."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from kepegawaian.nip import InfoNip, NipTidakSah, baca_nip, nip_cetak


@st.composite
def nip_sah(draw: st.DrawFn) -> tuple[str, date, date, str, int]:
    lahir = draw(st.dates(min_value=date(1940, 1, 1), max_value=date(2006, 12, 31)))
    bulan_18 = (lahir.year + 18) * 12 + lahir.month - 1
    bulan = draw(st.integers(min_value=bulan_18, max_value=min(bulan_18 + 45 * 12, 2099 * 12)))
    tmt = date(bulan // 12, bulan % 12 + 1, 1)
    kelamin = draw(st.sampled_from("LP"))
    urutan = draw(st.integers(min_value=1, max_value=999))
    nip = f"{lahir:%Y%m%d}{tmt:%Y%m}{'1' if kelamin == 'L' else '2'}{urutan:03d}"
    return nip, lahir, tmt, kelamin, urutan


def test_the_example_nip_reads_as_a_woman_born_1968_with_tmt_september_1989():
    assert baca_nip("196807141989092001") == InfoNip(
        nip="196807141989092001",
        status="PNS",
        tanggal_lahir=date(1968, 7, 14),
        tmt=date(1989, 9, 1),
        jenis_kelamin="P",
        urutan=1,
    )


def test_the_printed_form_with_spaces_is_accepted_and_printed_back():
    info = baca_nip(" 19680714 198909 2 001 ")
    assert info.nip == "196807141989092001"
    assert nip_cetak(info.nip) == "19680714 198909 2 001"
    assert nip_cetak("19680714 198909 2 001") == "19680714 198909 2 001"


def test_nip_cetak_leaves_what_is_not_a_nip_alone():
    assert nip_cetak("") == ""
    assert nip_cetak("12345") == "12345"


@given(nip_sah())
@example(("196807141989092001", date(1968, 7, 14), date(1989, 9, 1), "P", 1))
# The month of the 18th birthday itself is accepted (the NIP has no day).
@example(("200002292018021999", date(2000, 2, 29), date(2018, 2, 1), "L", 999))
def test_every_valid_nip_round_trips(case):
    nip, lahir, tmt, kelamin, urutan = case
    info = baca_nip(nip)
    assert (info.tanggal_lahir, info.tmt, info.jenis_kelamin, info.urutan) == (
        lahir,
        tmt,
        kelamin,
        urutan,
    )
    cetak = nip_cetak(nip)
    assert cetak.split() == [nip[:8], nip[8:14], nip[14], nip[15:]]
    assert baca_nip(cetak) == info


def _aturan_dilanggar(nip: str) -> str | None:
    """An independent statement of the rules, in the order the reader checks them."""
    try:
        lahir = date(int(nip[:4]), int(nip[4:6]), int(nip[6:8]))
        if not 1900 <= lahir.year <= 2099:
            raise ValueError
    except ValueError:
        return "digit 1–8"
    tahun, bulan = int(nip[8:12]), int(nip[12:14])
    if not (1 <= bulan <= 12 and 1900 <= tahun <= 2099):
        return "digit 9–14"
    if nip[14] not in "12":
        return "digit ke-15"
    if nip[15:] == "000":
        return "digit 16–18"
    if (tahun, bulan) < (lahir.year + 18, lahir.month):
        return "ditambah 18 tahun"
    return None


@given(nip_sah(), st.integers(min_value=0, max_value=17), st.sampled_from("0123456789"))
def test_a_single_digit_change_is_refused_with_the_rule_it_breaks(case, posisi, digit):
    nip = case[0]
    ubah = nip[:posisi] + digit + nip[posisi + 1 :]
    aturan = _aturan_dilanggar(ubah)
    if aturan is None:
        info = baca_nip(ubah)
        assert info.nip == ubah
        assert info.tanggal_lahir == date(int(ubah[:4]), int(ubah[4:6]), int(ubah[6:8]))
        assert info.tmt == date(int(ubah[8:12]), int(ubah[12:14]), 1)
        assert info.jenis_kelamin == {"1": "L", "2": "P"}[ubah[14]]
    else:
        with pytest.raises(NipTidakSah) as exc:
            baca_nip(ubah)
        assert aturan in str(exc.value)


@pytest.mark.parametrize(
    ("teks", "pesan"),
    [
        ("19680714198909200", "NIP harus 18 digit angka (ditemukan 17)"),
        ("1968071419890920011", "NIP harus 18 digit angka (ditemukan 19)"),
        ("", "NIP harus 18 digit angka (ditemukan 0)"),
        ("19680714198909200A", "bukan angka 'A'"),
        ("1968-07-14 1989092001", "bukan angka '-'"),
        ("196813991989092001", "tanggal lahir 19681399 pada digit 1–8 bukan tanggal yang sah"),
        ("196902291989092001", "tanggal lahir 19690229 pada digit 1–8"),
        ("186807141989092001", "tanggal lahir 18680714 pada digit 1–8"),
        ("196807141989132001", "TMT CPNS 198913 pada digit 9–14 bukan bulan yang sah"),
        ("196807141989002001", "TMT CPNS 198900 pada digit 9–14"),
        ("196807141989093001", "digit ke-15 (jenis kelamin) harus 1 atau 2, bukan 3"),
        ("196807141989092000", "nomor urut 000 pada digit 16–18 tidak sah"),
        (
            "196807141986062001",
            "TMT CPNS 1986-06 sebelum tanggal lahir ditambah 18 tahun (1986-07)",
        ),
    ],
)
def test_each_broken_rule_is_named(teks, pesan):
    with pytest.raises(NipTidakSah) as exc:
        baca_nip(teks)
    assert pesan in str(exc.value)


def test_a_pppk_number_reads_birth_date_and_gender_when_it_can():
    info = baca_nip("199003152023211005", status="pppk")
    assert info == InfoNip("199003152023211005", "PPPK", date(1990, 3, 15), None, "L", 5)


def test_any_18_digits_are_a_pppk_number_without_derived_fields():
    for teks in ("999999992023211005", "199003152023213000", "000000000000000000"):
        info = baca_nip(teks, status="PPPK")
        assert (info.tanggal_lahir, info.tmt, info.jenis_kelamin) == (None, None, None)


def test_a_pppk_number_still_needs_18_digits():
    with pytest.raises(NipTidakSah, match="ditemukan 16"):
        baca_nip("1990031520232110", status="PPPK")
