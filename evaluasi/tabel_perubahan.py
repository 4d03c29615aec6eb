"""Renja Perubahan tables: what the mid-year revision did to every sub kegiatan's budget.

Built from a loaded plan (no database access here), like ``evaluasi.tabel``:

* ``t52``  Tabel 5.2 Penambahan Pagu Anggaran (Banjarbaru layout: sub kegiatan, uraian/perihal,
  pagu murni, pagu penambahan, total = murni + penambahan, keterangan), with the new sub
  kegiatan ("Sub Keg Baru") as the document prints them;
* ``t53``  Tabel 5.3 Pergeseran Pagu Anggaran (kode, sub kegiatan, sebelum, sesudah, jumlah
  perubahan (-/+), keterangan naming the counterpart sub kegiatan);
* ``perubahan_pagu`` the whole revision per sub kegiatan with program/kegiatan totals: pagu
  sebelum (murni), sesudah (perubahan, else murni), selisih and the reason, and a footer per
  reason so that murni + Σ changes = perubahan can be read off.

Reasons (``klasifikasi``). There is no stored reason per change (the model has no kind for it),
so the reason is inferred from the figures, and every row's jejak says why:

* ``sub kegiatan baru``: no murni pagu (or 0) and a perubahan pagu above 0;
* ``dihapus``: a murni pagu above 0 and a perubahan pagu of 0;
* ``tetap``: no perubahan value, or the same amount (not listed in 5.2/5.3);
* ``pergeseran``: a set of changes of existing sub kegiatan that moves money inside one
  kegiatan or one program (the Banjarbaru pairs move it across kegiatan of one program).
  Sets are searched in this order, each on what is left: (1) every change of a kegiatan,
  then of a program, when they have both signs and sum to exactly 0; (2) one change and the
  smallest set (up to ``MAKS_PASANGAN``) of opposite changes of the same kegiatan, else
  program, with exactly the opposite sum; (3) a decrease and an increase of the same program
  whose amounts differ by at most ``TOLERANSI_PERGESERAN`` of the larger: a pergeseran whose
  amounts were mistyped. Such a set does not net to zero and is a finding (catatan of the
  tables, ``temuan``, the Perubahan page's check);
* ``penambahan`` / ``pengurangan``: any other increase / decrease.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from itertools import combinations

from evaluasi.indeks import Indeks, indeks
from evaluasi.muat import DataRencana
from inti import rumus
from inti.parsing import format_angka
from inti.tabel import Baris, Kolom, Nilai, Tabel, angka_jejak

PENAMBAHAN = "penambahan"
PENGURANGAN = "pengurangan"
PERGESERAN = "pergeseran"
BARU = "sub kegiatan baru"
DIHAPUS = "dihapus"
TETAP = "tetap"
URUTAN_ALASAN = (PENAMBAHAN, PENGURANGAN, PERGESERAN, BARU, DIHAPUS)

# A decrease and an increase of one program this close are a pergeseran with a typing error.
TOLERANSI_PERGESERAN = Decimal("0.01")
# Largest number of counterparts searched for one change (combinations grow fast).
MAKS_PASANGAN = 3
MAKS_CALON_TIGA = 30  # above this many counterparts, sets of three are not searched

NOL = Decimal(0)


@dataclass
class Perubahan:
    """One sub kegiatan's budget in the murni and in the perubahan, and why it changed."""

    node_id: int
    kode: str
    uraian: str
    kegiatan_id: int | None
    program_id: int | None
    sebelum: Decimal | None  # pagu (murni)
    sesudah: Decimal | None  # pagu_perubahan, else pagu
    ada_perubahan: bool  # a pagu_perubahan value exists
    selisih: Decimal
    alasan: str = TETAP
    kelompok: int = 0  # pergeseran set number (1, 2, …), 0 outside a set
    pasangan: list[str] = field(default_factory=list)  # codes of the other members of its set
    bersih: Decimal | None = None  # net of its pergeseran set
    cara: str = ""  # why this reason (the jejak)


@dataclass(frozen=True)
class Kelompok:
    """A pergeseran set: its members and how it was found."""

    nomor: int
    anggota: tuple[int, ...]  # node ids
    lingkup: str  # "kegiatan 5.03.01.2.01" / "program 5.03.01"
    bersih: Decimal
    cara: str

    @property
    def seimbang(self) -> bool:
        return self.bersih == 0


@dataclass
class Klasifikasi:
    tahun: int
    baris: list[Perubahan]
    kelompok: list[Kelompok]

    def per_node(self) -> dict[int, Perubahan]:
        return {p.node_id: p for p in self.baris}


# --- classification --------------------------------------------------------------------


def _rp(x: Decimal | None) -> str:
    return "-" if x is None else format_angka(x, 0 if x == x.to_integral() else 2)


def _rp_tanda(x: Decimal, plus: bool = False) -> str:
    """Signed amount as the documents print it: negatives in parentheses."""
    return f"({_rp(-x)})" if x < 0 else f"+{_rp(x)}" if plus and x > 0 else _rp(x)


def klasifikasi(data: DataRencana, *, tahun: int) -> Klasifikasi:
    """Every sub kegiatan with a budget in ``tahun``: before, after, change and reason (memoised)."""
    idx = indeks(data)
    key = ("perubahan_klasifikasi", tahun)
    if key not in idx.memo:
        idx.memo[key] = _klasifikasi(idx, tahun)
    hasil: Klasifikasi = idx.memo[key]
    return hasil


def _klasifikasi(idx: Indeks, tahun: int) -> Klasifikasi:
    baris: list[Perubahan] = []
    for node_id in idx.urut_pohon():
        node = idx.node[node_id]
        if node.level != "sub_kegiatan":
            continue
        sebelum = idx.nod.get((node_id, tahun, "pagu", 0))
        perubahan = idx.nod.get((node_id, tahun, "pagu_perubahan", 0))
        if sebelum is None and perubahan is None:
            continue
        sesudah = perubahan if perubahan is not None else sebelum
        selisih = rumus.selisih(sebelum or NOL, sesudah or NOL)
        assert selisih is not None
        baris.append(
            Perubahan(
                node_id=node_id,
                kode=node.kode,
                uraian=node.uraian,
                kegiatan_id=idx.leluhur_level(node_id, "kegiatan"),
                program_id=idx.leluhur_level(node_id, "program"),
                sebelum=sebelum,
                sesudah=sesudah,
                ada_perubahan=perubahan is not None,
                selisih=selisih,
            )
        )
    calon: list[Perubahan] = []
    for p in baris:
        if not p.ada_perubahan or p.selisih == 0:
            p.alasan, p.cara = TETAP, "tidak ada pagu perubahan yang berbeda dari pagu murni"
        elif not p.sebelum and (p.sesudah or NOL) > 0:
            p.alasan, p.cara = BARU, "tidak ada pagu murni; pagu perubahan diisi"
        elif p.sebelum and p.sesudah == 0:
            p.alasan, p.cara = DIHAPUS, "pagu perubahan 0 (sub kegiatan tidak dilanjutkan)"
        else:
            calon.append(p)
    kelompok = _cari_pergeseran(idx, calon)
    for p in calon:
        if p.alasan == PERGESERAN:
            continue
        if p.selisih > 0:
            p.alasan = PENAMBAHAN
            p.cara = (
                "bertambah; tidak ada pengurangan yang sepadan dalam kegiatan/program yang sama"
            )
        else:
            p.alasan = PENGURANGAN
            p.cara = "berkurang; tidak ada penambahan yang sepadan dalam kegiatan/program yang sama"
    return Klasifikasi(tahun=tahun, baris=baris, kelompok=kelompok)


def _cari_pergeseran(idx: Indeks, calon: list[Perubahan]) -> list[Kelompok]:
    """Mark the pergeseran sets among the changes of existing sub kegiatan (see module doc)."""
    sisa: dict[int, Perubahan] = {p.node_id: p for p in calon}

    def lingkup_kode(jenis: str, node_id: int | None) -> str:
        return f"{jenis} {idx.node[node_id].kode}" if node_id is not None else jenis

    ditemukan: list[tuple[list[Perubahan], str, str]] = []

    def tandai(anggota: list[Perubahan], lingkup: str, cara: str) -> None:
        ditemukan.append((sorted(anggota, key=lambda p: p.kode), lingkup, cara))
        for p in anggota:
            del sisa[p.node_id]

    # (1) Every change of a kegiatan, then of a program, that nets to exactly zero.
    for jenis, kunci in (("kegiatan", "kegiatan_id"), ("program", "program_id")):
        grup: dict[int | None, list[Perubahan]] = {}
        for p in sisa.values():
            grup.setdefault(getattr(p, kunci), []).append(p)
        for node_id, anggota in grup.items():
            if node_id is None or len(anggota) < 2:
                continue
            tanda = {p.selisih > 0 for p in anggota}
            if tanda == {True, False} and sum((p.selisih for p in anggota), NOL) == 0:
                tandai(
                    anggota, lingkup_kode(jenis, node_id), f"seluruh perubahan {jenis} ini bersih 0"
                )

    # (2) One change balanced exactly by the fewest opposite changes of its kegiatan/program.
    for p in sorted(list(sisa.values()), key=lambda p: (-abs(p.selisih), p.kode)):
        if p.node_id not in sisa:
            continue
        for jenis, kunci in (("kegiatan", "kegiatan_id"), ("program", "program_id")):
            lingkup = getattr(p, kunci)
            if lingkup is None:
                continue
            lawan = sorted(
                (
                    q
                    for q in sisa.values()
                    if getattr(q, kunci) == lingkup and (q.selisih > 0) != (p.selisih > 0)
                ),
                key=lambda q: q.kode,
            )
            found = _himpunan_sama(lawan, -p.selisih)
            if found:
                tandai(
                    [p, *found],
                    lingkup_kode(jenis, lingkup),
                    f"{_rp_tanda(p.selisih)} diimbangi {len(found)} sub kegiatan",
                )
                break

    # (3) A decrease and an increase of one program within the tolerance: a mistyped pergeseran.
    for beda, a, b in _pasangan_hampir_seimbang(list(sisa.values())):
        if a.node_id in sisa and b.node_id in sisa:
            lingkup = (
                lingkup_kode("kegiatan", a.kegiatan_id)
                if a.kegiatan_id == b.kegiatan_id
                else lingkup_kode("program", a.program_id)
            )
            tandai(
                [a, b],
                lingkup,
                f"{_rp_tanda(a.selisih)} dan {_rp_tanda(b.selisih)} berbeda {_rp(beda)} "
                f"(≤ {angka_jejak(TOLERANSI_PERGESERAN * 100)}%)",
            )
    return _nomori(ditemukan)


def _pasangan_hampir_seimbang(
    sisa: list[Perubahan],
) -> list[tuple[Decimal, Perubahan, Perubahan]]:
    """(difference, decrease, increase) of one program whose amounts differ by at most
    ``TOLERANSI_PERGESERAN`` of the larger: closest first, same kegiatan first, then by code."""
    pasangan: list[tuple[Decimal, int, str, str, Perubahan, Perubahan]] = []
    turun = [p for p in sisa if p.selisih < 0]
    naik = [p for p in sisa if p.selisih > 0]
    for a in turun:
        for b in naik:
            if a.program_id is None or a.program_id != b.program_id:
                continue
            beda = abs(a.selisih + b.selisih)
            if beda <= TOLERANSI_PERGESERAN * max(-a.selisih, b.selisih):
                sama_kegiatan = 0 if a.kegiatan_id == b.kegiatan_id else 1
                pasangan.append((beda, sama_kegiatan, a.kode, b.kode, a, b))
    return [(beda, a, b) for beda, _, _, _, a, b in sorted(pasangan, key=lambda t: t[:4])]


def _nomori(ditemukan: list[tuple[list[Perubahan], str, str]]) -> list[Kelompok]:
    """Number the sets found in code order of their first member (the document's row order)
    and mark their members as pergeseran."""
    kelompok: list[Kelompok] = []
    for nomor, (anggota, lingkup, cara) in enumerate(
        sorted(ditemukan, key=lambda g: g[0][0].kode), start=1
    ):
        bersih = rumus.agregasi_nilai([p.selisih for p in anggota], rumus.KUMULATIF) or NOL
        kelompok.append(Kelompok(nomor, tuple(p.node_id for p in anggota), lingkup, bersih, cara))
        for p in anggota:
            p.alasan, p.kelompok, p.bersih = PERGESERAN, nomor, bersih
            p.pasangan = [q.kode for q in anggota if q is not p]
            p.cara = (
                f"pergeseran {nomor} dalam {lingkup}: {cara}; jumlah bersih {_rp_tanda(bersih)}"
            )
    return kelompok


def _himpunan_sama(lawan: list[Perubahan], target: Decimal) -> list[Perubahan]:
    """The smallest set (first in code order) of ``lawan`` whose changes sum to ``target``."""
    for ukuran in range(1, MAKS_PASANGAN + 1):
        if ukuran > len(lawan) or (ukuran == 3 and len(lawan) > MAKS_CALON_TIGA):
            break
        for combo in combinations(lawan, ukuran):
            if sum((q.selisih for q in combo), NOL) == target:
                return list(combo)
    return []


def temuan(data: DataRencana, *, tahun: int) -> list[str]:
    """Findings of the revision: pergeseran sets that do not net to zero."""
    k = klasifikasi(data, tahun=tahun)
    per_node = k.per_node()
    hasil = []
    for g in k.kelompok:
        if g.seimbang:
            continue
        anggota = ", ".join(
            f"{per_node[n].kode} {_rp_tanda(per_node[n].selisih, plus=True)}" for n in g.anggota
        )
        hasil.append(
            f"Pergeseran {g.nomor} dalam {g.lingkup} tidak seimbang: {anggota}; "
            f"jumlah bersih {_rp_tanda(g.bersih)} (pergeseran harus berjumlah 0)."
        )
    return hasil


# --- tables ----------------------------------------------------------------------------


def _catatan_aturan() -> list[str]:
    return [
        "Alasan ditentukan dari angka: sub kegiatan baru = tanpa pagu murni; dihapus = pagu "
        "perubahan 0; pergeseran = perubahan dalam satu kegiatan/program yang saling "
        "mengimbangi (bersih 0); selain itu penambahan atau pengurangan.",
        f"Pasangan pengurangan dan penambahan dalam satu program yang selisihnya ≤ "
        f"{angka_jejak(TOLERANSI_PERGESERAN * 100)}% dianggap pergeseran yang salah ketik dan "
        "dilaporkan sebagai temuan.",
    ]


def _temuan_catatan(data: DataRencana, tahun: int) -> list[str]:
    return [f"TEMUAN: {t}" for t in temuan(data, tahun=tahun)]


def _baris_sub(p: Perubahan) -> Baris:
    return Baris(kode=p.kode, uraian=p.uraian, level="sub_kegiatan")


def _jejak_selisih(p: Perubahan, tahun: int) -> str:
    sumber = f"pagu_perubahan {tahun}" if p.ada_perubahan else f"pagu {tahun} (tidak berubah)"
    return (
        f"{sumber} {_rp(p.sesudah)} − pagu murni {tahun} {_rp(p.sebelum)} = {_rp_tanda(p.selisih)}"
    )


def t52(data: DataRencana, *, tahun: int) -> Tabel:
    """Tabel 5.2 Penambahan Pagu Anggaran: penambahan and sub kegiatan baru."""
    k = klasifikasi(data, tahun=tahun)
    rows: list[Baris] = []
    for p in k.baris:
        if p.alasan not in (PENAMBAHAN, BARU):
            continue
        row = _baris_sub(p)
        total = rumus.agregasi_nilai([p.sebelum, p.selisih], rumus.KUMULATIF)
        row.nilai = {
            "k3": "Sub kegiatan baru" if p.alasan == BARU else "Penambahan pagu",
            "k4": p.sebelum,
            "k5": p.selisih,
            "k6": total,
            "k7": "Sub Keg Baru" if p.alasan == BARU else "",
        }
        row.jejak = {
            "k3": p.cara,
            "k5": _jejak_selisih(p, tahun),
            "k6": f"4 + 5 = {_rp(p.sebelum)} + {_rp(p.selisih)} = {_rp(total)}",
        }
        rows.append(row)
    kaki = [
        Baris(
            kode="",
            uraian="JUMLAH",
            level="jumlah",
            nilai={
                "k4": rumus.jumlah(r.nilai["k4"] for r in rows),  # type: ignore[misc]
                "k5": rumus.jumlah(r.nilai["k5"] for r in rows),  # type: ignore[misc]
                "k6": rumus.jumlah(r.nilai["k6"] for r in rows),  # type: ignore[misc]
            },
            jejak={"k4": "jumlah baris", "k5": "jumlah baris", "k6": "jumlah baris"},
        )
    ]
    return Tabel(
        kode="t52",
        judul=f"Tabel 5.2 Penambahan Pagu Anggaran Tahun {tahun}",
        kolom=[
            Kolom("k3", "3", "Uraian/Perihal Penambahan"),
            Kolom("k4", "4", "Pagu Murni (Rp)"),
            Kolom("k5", "5", "Pagu Penambahan (Rp)", "5 = pagu perubahan − pagu murni"),
            Kolom("k6", "6", "Total (Rp)", "6 = 4 + 5"),
            Kolom("k7", "7", "Keterangan"),
        ],
        baris=rows,
        kaki=kaki,
        catatan=[*_catatan_aturan(), *_temuan_catatan(data, tahun)] if rows else ["NIHIL"],
        tahun=tahun,
    )


def _keterangan_pergeseran(p: Perubahan, per_kode: dict[str, Perubahan]) -> str:
    nama = "; ".join(f"{kode} {per_kode[kode].uraian}" for kode in p.pasangan)
    if p.selisih < 0:
        teks = f"Anggaran Rp {_rp(-p.selisih)} dialokasikan ke sub kegiatan {nama}"
    else:
        teks = f"Tambahan anggaran Rp {_rp(p.selisih)} dari sub kegiatan {nama}"
    if p.bersih:
        teks += f" — TIDAK SEIMBANG: jumlah bersih pergeseran {_rp_tanda(p.bersih)}"
    return teks


def t53(data: DataRencana, *, tahun: int) -> Tabel:
    """Tabel 5.3 Pergeseran Pagu Anggaran: the members of every pergeseran set."""
    k = klasifikasi(data, tahun=tahun)
    per_node = k.per_node()
    per_kode = {p.kode: p for p in k.baris}
    rows: list[Baris] = []
    for g in k.kelompok:
        for node_id in g.anggota:
            p = per_node[node_id]
            row = _baris_sub(p)
            row.nilai = {
                "k3": p.sebelum,
                "k4": p.sesudah,
                "k5": p.selisih,
                "k6": _keterangan_pergeseran(p, per_kode),
            }
            row.jejak = {"k5": _jejak_selisih(p, tahun), "k6": p.cara}
            rows.append(row)
    sebelum = rumus.jumlah(r.nilai["k3"] for r in rows)  # type: ignore[misc]
    sesudah = rumus.jumlah(r.nilai["k4"] for r in rows)  # type: ignore[misc]
    bersih = rumus.jumlah(r.nilai["k5"] for r in rows)  # type: ignore[misc]
    kaki = [
        Baris(
            kode="",
            uraian="JUMLAH",
            level="jumlah",
            nilai={"k3": sebelum, "k4": sesudah, "k5": bersih},
            jejak={
                "k3": "jumlah baris",
                "k4": "jumlah baris",
                "k5": f"jumlah baris = {_rp_tanda(bersih or NOL)} (pergeseran seharusnya 0)",
            },
        )
    ]
    return Tabel(
        kode="t53",
        judul=f"Tabel 5.3 Pergeseran Pagu Anggaran Tahun {tahun}",
        kolom=[
            Kolom("k3", "3", "Sebelum Perubahan (Rp)"),
            Kolom("k4", "4", "Sesudah Perubahan (Rp)"),
            Kolom("k5", "5", "Jumlah perubahan (-/+) (Rp)", "5 = 4 − 3"),
            Kolom("k6", "6", "Keterangan"),
        ],
        baris=rows,
        kaki=kaki,
        catatan=[*_catatan_aturan(), *_temuan_catatan(data, tahun)] if rows else ["NIHIL"],
        tahun=tahun,
    )


def perubahan_pagu(data: DataRencana, *, tahun: int) -> Tabel:
    """Every sub kegiatan's budget before and after the revision, with totals per level."""
    idx = indeks(data)
    k = klasifikasi(data, tahun=tahun)
    per_node = k.per_node()
    sebelum = idx.jumlah_ke_atas({n: p.sebelum for n, p in per_node.items()})
    sesudah = idx.jumlah_ke_atas({n: p.sesudah for n, p in per_node.items()})
    selisih = idx.jumlah_ke_atas({n: p.selisih for n, p in per_node.items()})
    rows: list[Baris] = []
    for node_id in idx.dengan_leluhur(per_node):
        node = idx.node[node_id]
        p = per_node.get(node_id)
        row = Baris(kode=node.kode, uraian=node.uraian, level=node.level)
        if p is not None:
            row.nilai = {
                "k3": p.sebelum,
                "k4": p.sesudah,
                "k5": p.selisih,
                "k6": p.alasan,
                "k7": _keterangan_rekap(p),
            }
            row.jejak = {"k5": _jejak_selisih(p, tahun), "k6": p.cara}
        else:
            row.nilai = {
                "k3": sebelum.get(node_id),
                "k4": sesudah.get(node_id),
                "k5": selisih.get(node_id),
                "k6": "",
                "k7": "",
            }
            row.jejak = {
                "k3": "jumlah pagu murni sub kegiatan di bawahnya",
                "k4": "jumlah pagu sesudah perubahan sub kegiatan di bawahnya",
                "k5": f"4 − 3 = {_rp(sesudah.get(node_id))} − {_rp(sebelum.get(node_id))}",
            }
        rows.append(row)
    akar = [n for n in idx.anak.get(None, []) if n in selisih]
    kaki = [
        Baris(
            kode="",
            uraian="JUMLAH",
            level="jumlah",
            nilai={
                "k3": rumus.jumlah(sebelum.get(n) for n in akar),
                "k4": rumus.jumlah(sesudah.get(n) for n in akar),
                "k5": rumus.jumlah(selisih.get(n) for n in akar),
            },
            jejak={"k5": "jumlah seluruh sub kegiatan = 4 − 3"},
        )
    ]
    kaki += _kaki_per_alasan(k)
    return Tabel(
        kode="perubahan_pagu",
        judul=f"Rekapitulasi Perubahan Pagu Anggaran per Sub Kegiatan Tahun {tahun}",
        kolom=[
            Kolom("k3", "3", "Pagu sebelum perubahan (murni) (Rp)"),
            Kolom("k4", "4", "Pagu sesudah perubahan (Rp)"),
            Kolom("k5", "5", "Selisih (Rp)", "5 = 4 − 3"),
            Kolom("k6", "6", "Alasan"),
            Kolom("k7", "7", "Keterangan"),
        ],
        baris=rows,
        kaki=kaki,
        catatan=[
            "Pagu sesudah perubahan = pagu perubahan sub kegiatan; sub kegiatan tanpa pagu "
            "perubahan tetap memakai pagu murni. Total program/kegiatan dijumlahkan dari sub "
            "kegiatan.",
            *_catatan_aturan(),
            *_temuan_catatan(data, tahun),
        ],
        tahun=tahun,
    )


def _kaki_per_alasan(k: Klasifikasi) -> list[Baris]:
    """A footer per reason: the sum of its sub kegiatan's changes, so that murni + Σ changes
    = perubahan can be read off."""
    kaki = []
    for alasan in URUTAN_ALASAN:
        anggota = [p for p in k.baris if p.alasan == alasan]
        if not anggota:
            continue
        kaki.append(
            Baris(
                kode="",
                uraian=f"Jumlah {alasan} ({len(anggota)} sub kegiatan)",
                level="jumlah",
                nilai={"k5": rumus.jumlah(p.selisih for p in anggota)},
                jejak={"k5": "jumlah selisih sub kegiatan dengan alasan ini"},
            )
        )
    return kaki


def _keterangan_rekap(p: Perubahan) -> str:
    if p.alasan != PERGESERAN:
        return ""
    teks = f"pergeseran {p.kelompok} dengan {', '.join(p.pasangan)}"
    if p.bersih:
        teks += f"; TIDAK SEIMBANG (bersih {_rp_tanda(p.bersih)})"
    return teks


__all__ = [
    "Klasifikasi",
    "Nilai",
    "Perubahan",
    "klasifikasi",
    "perubahan_pagu",
    "t52",
    "t53",
    "temuan",
]
