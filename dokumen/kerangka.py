"""The outline of the complete documents: chapters, sections, where each table and each
generated narrative goes. Pure data; the renderer (``dokumen.render``) walks it.

A section's default text (``teks_baku``, Markdown) is what a new plan starts from; the
planner edits it per plan in the browser (``dokumen.models.NarasiBagian``, keyed by
``kunci``). Default texts are formatted with ``str.format`` and these placeholders
(``PLACEHOLDER`` lists them; nothing else may appear in braces):

* ``{pemda}``: the regional government, e.g. ``Kota Batam``;
* ``{pd}``: the full name of the perangkat daerah *without* the pemda, e.g. ``Badan
  Kepegawaian dan Pengembangan Sumber Daya Manusia`` (the texts write ``{pd} {pemda}``);
* ``{pd_singkat}``: its short name, e.g. ``BKPSDM``;
* ``{tahun}``: the document year (Renja: the plan year n; LKj: the year reported);
* ``{tahun_lalu}``: ``tahun - 1``; ``{tahun_depan}``: ``tahun + 1``;
* ``{renstra_awal}``, ``{renstra_akhir}``: first and last year of the Renstra period;
* ``{tempat}``: the place printed before the date of the signature, e.g. ``Batam``.

Titles (``judul``) are printed as they are: they contain no placeholders. The signature block
(place, date, name, pangkat/golongan, NIP of the head of the PD) is the renderer's, after
``KATA_PENGANTAR`` and after the closing chapter.

The parts of a section are printed in the order given by ``Bagian.urutan``: by default the
text, then the generated narrative (``narasi``, names in ``dokumen.narasi.NARASI``), then the
tables (``tabel``); then its sub-sections. ``BAGIAN_AWAL`` holds sections printed after the
kata pengantar and before BAB I (the LKj's Ringkasan Eksekutif), ``LAMPIRAN`` the appendices
after the last chapter.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

PLACEHOLDER: frozenset[str] = frozenset(
    {
        "pemda",
        "pd",
        "pd_singkat",
        "tahun",
        "tahun_lalu",
        "tahun_depan",
        "renstra_awal",
        "renstra_akhir",
        "tempat",
    }
)

BAGIAN_BAGIAN: tuple[str, ...] = ("teks", "narasi", "tabel")


@dataclass(frozen=True)
class TabelDok:
    kode: str  # an evaluasi table: tc29, tc30, …, e81, pk, lkj_capaian …
    triwulan: int | None = None
    versi_sendiri: bool = False  # True: this table follows the document's versi (murni/perubahan)


@dataclass(frozen=True)
class Bagian:
    kunci: str  # stable key of the stored narrative, e.g. "renja.2.1"
    nomor: str  # printed number, e.g. "2.1" or "a." ("" for none)
    judul: str
    teks_baku: str = ""  # default Markdown text of the section
    narasi: tuple[str, ...] = ()  # generated narrative, names in dokumen.narasi.NARASI
    tabel: tuple[TabelDok, ...] = ()  # tables placed after the section's text
    sub: tuple[Bagian, ...] = field(default_factory=tuple)
    # Order of the section's own parts (a permutation of BAGIAN_BAGIAN); sub-sections follow.
    urutan: tuple[str, ...] = BAGIAN_BAGIAN


@dataclass(frozen=True)
class Bab:
    nomor: str  # "I" … "V"
    judul: str
    bagian: tuple[Bagian, ...]
    kunci: str = ""  # key of the chapter's opening text ("renja.4"); "" when it has none
    teks_baku: str = ""  # default Markdown text printed under the chapter title


# ---------------------------------------------------------------------------------------
# Kata pengantar
# ---------------------------------------------------------------------------------------

KATA_PENGANTAR: dict[str, str] = {
    "renja": """\
Puji syukur kita panjatkan ke hadirat Tuhan Yang Maha Esa karena atas rahmat dan karunia-Nya \
Rencana Kerja (Renja) {pd} {pemda} Tahun {tahun} dapat diselesaikan.

Renja {pd_singkat} {pemda} Tahun {tahun} merupakan dokumen perencanaan tahunan yang memuat \
program, kegiatan dan sub kegiatan beserta indikator kinerja, target dan pagu indikatifnya. \
Dokumen ini disusun berpedoman pada Rencana Strategis (Renstra) {pd_singkat} Tahun \
{renstra_awal}–{renstra_akhir} dan mengacu pada Rencana Kerja Pemerintah Daerah (RKPD) \
{pemda} Tahun {tahun}, sebagaimana diamanatkan Peraturan Menteri Dalam Negeri Nomor 86 \
Tahun 2017.

Dengan tersusunnya Renja ini diharapkan tersedia acuan yang jelas bagi seluruh unit kerja di \
lingkungan {pd_singkat} {pemda} dalam melaksanakan program dan kegiatan selama tahun \
{tahun}, sekaligus menjadi dasar pengendalian dan evaluasi kinerja.

Kami menyampaikan terima kasih kepada semua pihak yang telah membantu penyusunan dokumen \
ini. Saran dan masukan yang membangun sangat kami harapkan untuk penyempurnaan pada tahun \
berikutnya.
""",
    "lkj": """\
Puji syukur kita panjatkan ke hadirat Tuhan Yang Maha Esa karena atas rahmat dan karunia-Nya \
Laporan Kinerja (LKj) {pd} {pemda} Tahun {tahun} dapat tersusun.

Laporan Kinerja ini merupakan wujud pertanggungjawaban atas keberhasilan maupun kegagalan \
pelaksanaan tugas dan fungsi {pd_singkat} {pemda} dalam mencapai tujuan dan sasaran yang \
telah ditetapkan dalam Perjanjian Kinerja Tahun {tahun}, sebagaimana diatur dalam Peraturan \
Presiden Nomor 29 Tahun 2014 tentang Sistem Akuntabilitas Kinerja Instansi Pemerintah dan \
Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor 53 Tahun 2014 \
tentang Petunjuk Teknis Perjanjian Kinerja, Pelaporan Kinerja dan Tata Cara Reviu atas \
Laporan Kinerja Instansi Pemerintah.

Laporan ini menyajikan capaian Indikator Kinerja Utama, perbandingannya dengan tahun \
sebelumnya dan dengan target akhir Renstra, akuntabilitas keuangan, serta efisiensi \
penggunaan sumber daya. Kami menyadari bahwa laporan ini masih memiliki kekurangan; oleh \
karena itu saran dan masukan yang membangun sangat kami harapkan.

Semoga Laporan Kinerja ini bermanfaat sebagai bahan evaluasi dan perbaikan kinerja \
{pd_singkat} {pemda} pada tahun {tahun_depan} dan tahun-tahun berikutnya.
""",
}


# ---------------------------------------------------------------------------------------
# Renja (Permendagri 86/2017; the outline of the Batam Renja 2024)
# ---------------------------------------------------------------------------------------

_RENJA_1_1 = """\
Undang-Undang Nomor 25 Tahun 2004 tentang Sistem Perencanaan Pembangunan Nasional dan \
Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah mengamanatkan pemerintah daerah \
untuk menyusun dokumen perencanaan pembangunan daerah secara berjenjang, yaitu Rencana \
Pembangunan Jangka Panjang Daerah (RPJPD) untuk jangka waktu 20 tahun, Rencana Pembangunan \
Jangka Menengah Daerah (RPJMD) untuk jangka waktu 5 tahun, dan Rencana Kerja Pemerintah \
Daerah (RKPD) untuk jangka waktu 1 tahun.

Sejalan dengan itu, setiap perangkat daerah menyusun Rencana Strategis Perangkat Daerah \
(Renstra PD) yang mengacu pada RPJMD, dan menjabarkannya setiap tahun ke dalam Rencana Kerja \
Perangkat Daerah (Renja PD) yang mengacu pada RKPD.

Dalam rangka melaksanakan tugas dan fungsinya, {pd} {pemda} menyusun Renja Tahun {tahun} \
yang berpedoman pada Renstra {pd_singkat} Tahun {renstra_awal}–{renstra_akhir} serta \
memperhatikan prioritas pembangunan daerah yang ditetapkan dalam RKPD {pemda} Tahun {tahun}.
"""

_RENJA_1_1_1 = """\
Rencana Kerja Perangkat Daerah (Renja PD) adalah dokumen perencanaan perangkat daerah untuk \
periode 1 (satu) tahun sebagaimana dimaksud dalam Peraturan Menteri Dalam Negeri Nomor 86 \
Tahun 2017. Renja PD memuat program, kegiatan dan sub kegiatan yang diperlukan untuk mencapai \
sasaran pembangunan, beserta indikator kinerja, target dan pagu indikatifnya.

Renja {pd_singkat} {pemda} Tahun {tahun} merupakan penjabaran Renstra {pd_singkat} Tahun \
{renstra_awal}–{renstra_akhir} dan menjadi pedoman bagi seluruh unit kerja di lingkungan \
{pd_singkat} dalam melaksanakan program dan kegiatan selama tahun {tahun}.
"""

_RENJA_1_1_2 = """\
Sesuai Peraturan Menteri Dalam Negeri Nomor 86 Tahun 2017, Renja {pd_singkat} {pemda} Tahun \
{tahun} disusun melalui tahapan sebagai berikut:

1. Persiapan penyusunan Renja, meliputi:
    - pembentukan tim penyusun Renja;
    - orientasi mengenai Renja;
    - penyusunan agenda kerja; dan
    - pengumpulan data dan informasi;
2. Penyusunan rancangan awal Renja;
3. Penyusunan rancangan Renja;
4. Pelaksanaan forum perangkat daerah/lintas perangkat daerah;
5. Perumusan rancangan akhir Renja; dan
6. Penetapan Renja.
"""

_RENJA_1_1_3 = """\
Renja {pd_singkat} {pemda} Tahun {tahun} memiliki keterkaitan erat dengan dokumen \
perencanaan lainnya. Renja merupakan penjabaran tahunan Renstra {pd_singkat} Tahun \
{renstra_awal}–{renstra_akhir}, yang mengacu pada RPJMD {pemda}, dan disusun selaras dengan \
RKPD {pemda} Tahun {tahun}. Program dan kegiatan Renja juga memperhatikan hasil evaluasi \
pelaksanaan Renja tahun sebelumnya, usulan masyarakat melalui Musyawarah Perencanaan \
Pembangunan (Musrenbang), serta hasil forum perangkat daerah.

Renja yang telah ditetapkan selanjutnya menjadi dasar penyusunan Rencana Kerja dan Anggaran \
(RKA) perangkat daerah, yang berpedoman pada Kebijakan Umum Anggaran (KUA) serta Prioritas \
dan Plafon Anggaran Sementara (PPAS).
"""

_RENJA_1_2 = """\
Penyusunan Renja {pd_singkat} {pemda} Tahun {tahun} berlandaskan pada peraturan \
perundang-undangan berikut:

1. Undang-Undang Nomor 25 Tahun 2004 tentang Sistem Perencanaan Pembangunan Nasional;
2. Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah sebagaimana telah \
beberapa kali diubah, terakhir dengan Undang-Undang Nomor 6 Tahun 2023;
3. Peraturan Pemerintah Nomor 8 Tahun 2008 tentang Tahapan, Tata Cara Penyusunan, \
Pengendalian dan Evaluasi Pelaksanaan Rencana Pembangunan Daerah;
4. Peraturan Pemerintah Nomor 18 Tahun 2016 tentang Perangkat Daerah;
5. Peraturan Presiden Nomor 29 Tahun 2014 tentang Sistem Akuntabilitas Kinerja Instansi \
Pemerintah;
6. Peraturan Menteri Dalam Negeri Nomor 86 Tahun 2017 tentang Tata Cara Perencanaan, \
Pengendalian dan Evaluasi Pembangunan Daerah, Tata Cara Evaluasi Rancangan Peraturan Daerah \
tentang Rencana Pembangunan Jangka Panjang Daerah dan Rencana Pembangunan Jangka Menengah \
Daerah, serta Tata Cara Perubahan Rencana Pembangunan Jangka Panjang Daerah, Rencana \
Pembangunan Jangka Menengah Daerah, dan Rencana Kerja Pemerintah Daerah;
7. Keputusan Menteri Dalam Negeri tentang klasifikasi, kodefikasi dan nomenklatur \
perencanaan pembangunan dan keuangan daerah yang berlaku;
8. Peraturan Daerah tentang Rencana Pembangunan Jangka Menengah Daerah {pemda};
9. Peraturan Kepala Daerah tentang Rencana Strategis Perangkat Daerah {pemda} Tahun \
{renstra_awal}–{renstra_akhir};
10. Peraturan Kepala Daerah tentang Rencana Kerja Pemerintah Daerah {pemda} Tahun {tahun}.
"""

_RENJA_1_3 = """\
Renja {pd_singkat} {pemda} Tahun {tahun} disusun dengan maksud:

a. menyediakan acuan dan pedoman bagi sekretariat dan bidang di lingkungan {pd_singkat} dalam \
melaksanakan program, kegiatan dan sub kegiatan selama tahun {tahun}; dan

b. menyiapkan dokumen perencanaan program dan kegiatan yang berpedoman pada RKPD {pemda} \
Tahun {tahun} sebagai dasar penyusunan Rencana Kerja dan Anggaran (RKA).

Adapun tujuan penyusunan Renja ini adalah:

a. menyelaraskan pelaksanaan program dan kegiatan unit kerja di lingkungan {pd_singkat} \
dengan tugas dan fungsinya;

b. menetapkan program dan kegiatan menurut skala prioritas dalam satu tahun perencanaan; dan

c. menjaga kesinambungan antara RPJMD, Renstra {pd_singkat} dan Renja dalam mencapai tujuan \
dan sasaran perangkat daerah.
"""

_RENJA_1_4 = """\
Renja {pd_singkat} {pemda} Tahun {tahun} disusun dengan sistematika sebagai berikut:

- **BAB I Pendahuluan**, memuat latar belakang, landasan hukum, maksud dan tujuan, serta \
sistematika penulisan.
- **BAB II Hasil Evaluasi Renja Perangkat Daerah Tahun Lalu**, memuat evaluasi pelaksanaan \
Renja tahun lalu dan capaian Renstra, analisis kinerja pelayanan, isu-isu \
penting penyelenggaraan tugas dan fungsi, reviu terhadap rancangan awal RKPD, serta \
penelaahan usulan program dan kegiatan masyarakat.
- **BAB III Tujuan dan Sasaran Perangkat Daerah**, memuat telaahan terhadap kebijakan \
nasional, tujuan dan sasaran Renja, serta program dan kegiatan.
- **BAB IV Rencana Kerja dan Pendanaan Perangkat Daerah**, memuat program, kegiatan dan sub \
kegiatan tahun {tahun} beserta indikator, target, pagu indikatif dan prakiraan maju tahun \
{tahun_depan}.
- **BAB V Penutup**, memuat kaidah pelaksanaan dan rencana tindak lanjut.
"""

_RENJA_2 = """\
Sebagaimana diamanatkan Peraturan Pemerintah Nomor 8 Tahun 2008, setiap dokumen perencanaan \
dievaluasi pelaksanaannya. Bab ini menyajikan hasil evaluasi pelaksanaan Renja {pd_singkat} \
{pemda} tahun lalu serta perkiraan capaian tahun {tahun_lalu} sebagai dasar \
penyusunan Renja Tahun {tahun}.
"""

_RENJA_2_1 = """\
Evaluasi terhadap pelaksanaan Renja {pd_singkat} {pemda} meliputi kebijakan perencanaan \
program dan kegiatan, pelaksanaan program dan kegiatan, serta hasil yang dicapai. Hasil \
evaluasi capaian kinerja tahun lalu menjadi dasar dalam penyusunan perencanaan \
tahun {tahun}, dengan memperhatikan keberlanjutan program dan kegiatan untuk mewujudkan \
tujuan dan sasaran Renstra.
"""

_RENJA_2_1_A = """\
Secara umum, kegiatan yang realisasi kinerjanya mencapai atau melampaui target tidak \
menghadapi kendala yang berarti. Kegiatan yang realisasinya belum mencapai target perlu \
dievaluasi penyebabnya, antara lain kesesuaian target dengan anggaran yang tersedia, \
ketepatan waktu pelaksanaan, serta ketersediaan sumber daya pendukung. Untuk mencapai \
realisasi fisik dan keuangan yang optimal, setiap kegiatan dilaksanakan berpedoman pada \
Kerangka Acuan Kerja (KAK).

*[Uraikan faktor-faktor penyebab tidak tercapainya, terpenuhinya atau terlampauinya target \
kinerja program dan kegiatan.]*
"""

_RENJA_2_1_B = """\
Capaian program dan kegiatan tahun lalu berpengaruh langsung terhadap pencapaian \
target Renstra {pd_singkat} Tahun {renstra_awal}–{renstra_akhir}. Target yang belum tercapai \
perlu diupayakan pada tahun-tahun berikutnya agar target akhir periode Renstra dapat \
diwujudkan.

*[Uraikan implikasi yang timbul terhadap pencapaian program Renstra perangkat daerah.]*
"""

_RENJA_2_1_C = """\
Kebijakan dan tindakan perencanaan serta penganggaran yang perlu diambil untuk mengatasi \
faktor-faktor penyebab tersebut adalah:

1. meninjau kembali target program dan kegiatan pada Perjanjian Kinerja agar selaras dengan \
anggaran yang tersedia;
2. melakukan reviu terhadap target program dan kegiatan yang telah ditetapkan dalam Renstra;
3. merencanakan target fisik dan keuangan secara seimbang agar pencapaiannya optimal; dan
4. meningkatkan pemantauan dan evaluasi pelaksanaan kegiatan secara berkala setiap triwulan.
"""

_RENJA_2_2 = """\
Analisis kinerja pelayanan perangkat daerah dilakukan berdasarkan indikator kinerja yang \
mengacu pada Standar Pelayanan Minimal (SPM), Indikator Kinerja Kunci (IKK) dan Indikator \
Kinerja Utama (IKU) yang ditetapkan dalam Renstra {pd_singkat} Tahun \
{renstra_awal}–{renstra_akhir}. Untuk urusan yang tidak memiliki SPM, pengukuran kinerja \
pelayanan menggunakan IKU dan indikator kinerja lain sesuai tugas, fungsi dan kewenangan \
{pd_singkat} {pemda}.

Pencapaian kinerja pelayanan {pd_singkat} {pemda} disajikan pada Tabel T-C.30 berikut.
"""

_RENJA_2_3 = """\
Isu-isu penting penyelenggaraan tugas dan fungsi {pd_singkat} {pemda} dirumuskan dari hasil \
evaluasi kinerja, permasalahan yang dihadapi, serta peluang dan tantangan pembangunan, \
sebagai dasar penentuan prioritas program dan kegiatan tahun {tahun}.
"""

_RENJA_2_3_1 = """\
Faktor-faktor pendorong bagi tercapainya kinerja pelayanan {pd_singkat} {pemda} antara lain:

a. komitmen pimpinan dan seluruh pegawai dalam melaksanakan tugas dan fungsi;

b. pemanfaatan teknologi informasi dalam pelayanan dan pengelolaan data;

c. koordinasi yang baik dengan perangkat daerah dan instansi terkait.

*[Lengkapi dengan faktor pendorong yang sesuai dengan kondisi perangkat daerah.]*
"""

_RENJA_2_3_2 = """\
Permasalahan dan hambatan yang dihadapi dalam penyelenggaraan pelayanan {pd_singkat} {pemda} \
antara lain:

a. keterbatasan anggaran dibandingkan dengan kebutuhan program dan kegiatan;

b. keterbatasan jumlah dan kompetensi sumber daya manusia pelaksana;

c. belum optimalnya integrasi data dan sistem informasi pendukung.

*[Lengkapi dengan permasalahan dan hambatan yang sesuai dengan kondisi perangkat daerah.]*
"""

_RENJA_2_3_3 = """\
Peluang dalam peningkatan kinerja {pd_singkat} {pemda} antara lain:

a. dukungan kebijakan nasional dan daerah, termasuk pelaksanaan reformasi birokrasi;

b. perkembangan teknologi informasi dan penerapan Sistem Pemerintahan Berbasis Elektronik \
(SPBE);

c. peluang kerja sama dengan instansi pemerintah dan pihak ketiga.

Adapun tantangan yang dihadapi antara lain:

a. tuntutan masyarakat akan pelayanan publik yang cepat, transparan dan akuntabel;

b. perubahan regulasi yang memerlukan penyesuaian kebijakan dan prosedur kerja.
"""

_RENJA_2_3_4 = """\
Berdasarkan permasalahan, peluang dan tantangan di atas, isu-isu strategis yang perlu \
ditangani {pd_singkat} {pemda} pada tahun {tahun} adalah:

1. *[isu strategis pertama]*;
2. *[isu strategis kedua]*.
"""

_RENJA_2_4 = """\
Rancangan awal RKPD {pemda} Tahun {tahun} memuat program dan kegiatan yang menjadi \
kewenangan {pd_singkat}. Dalam perumusan Renja, rancangan awal tersebut ditelaah melalui \
analisis kebutuhan program dan kegiatan serta ketersediaan anggaran. Penyesuaian dapat \
terjadi pada rincian kegiatan, lokasi, indikator, target kinerja dan besaran pagu; \
perbedaan antara rancangan awal RKPD dan hasil analisis kebutuhan dicatat pada kolom \
catatan penting Tabel T-C.31 berikut.
"""

_RENJA_2_5 = """\
Penelaahan usulan program dan kegiatan masyarakat dilakukan terhadap usulan yang \
disampaikan melalui Musrenbang dan forum perangkat daerah yang berkaitan dengan tugas dan \
fungsi {pd_singkat} {pemda}. Usulan program dan kegiatan dari para pemangku kepentingan untuk \
Renja Tahun {tahun} disajikan pada Tabel T-C.32 berikut; apabila tidak terdapat usulan, \
tabel tersebut dinyatakan NIHIL.
"""

_RENJA_3_1 = """\
Penyusunan Renja {pd_singkat} {pemda} Tahun {tahun} memperhatikan arah kebijakan dan \
prioritas pembangunan nasional sebagaimana tertuang dalam Rencana Kerja Pemerintah (RKP) \
Tahun {tahun}, serta kebijakan kementerian/lembaga yang berkaitan dengan urusan yang menjadi \
kewenangan {pd_singkat}.

Perencanaan dan penganggaran menggunakan klasifikasi, kodefikasi dan nomenklatur \
perencanaan pembangunan dan keuangan daerah sesuai Keputusan Menteri Dalam Negeri yang \
berlaku, yang diimplementasikan melalui Sistem Informasi Pemerintahan Daerah (SIPD). \
Standardisasi ini menjadikan perencanaan, penganggaran, pelaksanaan, pertanggungjawaban dan \
pelaporan kinerja keuangan daerah lebih transparan dan akuntabel.

*[Uraikan kebijakan nasional yang berkaitan langsung dengan tugas dan fungsi perangkat \
daerah.]*
"""

_RENJA_3_2 = """\
Tujuan dan sasaran Renja {pd_singkat} {pemda} Tahun {tahun} mengacu pada tujuan dan sasaran \
yang ditetapkan dalam Renstra {pd_singkat} Tahun {renstra_awal}–{renstra_akhir}.
"""

_RENJA_3_2_1 = """\
Tujuan merupakan pernyataan tentang hasil yang ingin dicapai dalam jangka menengah dan \
menjadi penjabaran visi dan misi. Tujuan yang hendak dicapai {pd_singkat} {pemda} adalah:

> *[rumusan tujuan]*

dengan indikator tujuan *[indikator tujuan]*.
"""

_RENJA_3_2_2 = """\
Untuk mewujudkan tujuan tersebut, ditetapkan sasaran beserta indikator kinerjanya sebagai \
berikut:

1. *[sasaran]*, ditandai dengan indikator *[indikator sasaran]*.
"""

_RENJA_3_3 = """\
Renja merupakan penjabaran sasaran dan program yang ditetapkan dalam Renstra ke dalam \
kegiatan dan sub kegiatan. Program, kegiatan dan sub kegiatan {pd_singkat} {pemda} Tahun \
{tahun} beserta indikator kinerjanya adalah sebagai berikut.
"""

_RENJA_4 = """\
Rencana kerja dan pendanaan {pd_singkat} {pemda} Tahun {tahun} memuat program, kegiatan dan \
sub kegiatan beserta pagu indikatifnya, yang dirancang untuk mendukung pencapaian tujuan dan \
sasaran Renstra {pd_singkat} Tahun {renstra_awal}–{renstra_akhir}, prioritas pembangunan \
daerah, serta pemenuhan pelayanan perangkat daerah.
"""

_RENJA_4_1 = """\
Program dan kegiatan {pd_singkat} {pemda} Tahun {tahun} diarahkan untuk mendukung pencapaian \
tujuan dan sasaran Renstra serta prioritas pembangunan dalam RKPD {pemda} Tahun {tahun}. \
Rumusan rencana program, kegiatan dan sub kegiatan tahun {tahun} beserta prakiraan maju \
tahun {tahun_depan} tercantum pada Tabel T-C.33; rinciannya disajikan pada Tabel 4.1 berikut.
"""

_RENJA_4_2 = """\
Dengan memperhatikan arah kebijakan nasional dan prioritas pembangunan {pemda} Tahun {tahun} \
sebagaimana tertuang dalam RPJMD dan RKPD, {pd_singkat} mendukung prioritas pembangunan \
daerah melalui program dan kegiatan yang sesuai dengan tugas dan fungsinya.

*[Sebutkan prioritas pembangunan daerah yang didukung dan program/kegiatan pendukungnya.]*
"""

_RENJA_4_3 = """\
Berdasarkan uraian di atas, program dan kegiatan prioritas {pd_singkat} {pemda} Tahun \
{tahun} adalah program dan kegiatan yang berkontribusi langsung terhadap pencapaian sasaran \
strategis perangkat daerah dan prioritas pembangunan daerah.

*[Uraikan prioritas perangkat daerah beserta program, kegiatan, indikator, target dan \
pagunya.]*
"""

_RENJA_5_1 = """\
Renja {pd_singkat} {pemda} Tahun {tahun} merupakan perencanaan tahunan yang bersifat \
operasional, yang menjembatani Renstra {pd_singkat} dengan RKPD dan RPJMD {pemda}. Untuk \
menjaga kesinambungan pencapaian tujuan dan sasaran, ditetapkan kaidah pelaksanaan sebagai \
berikut:

a. Renja menjadi pedoman dan acuan dasar yang diimplementasikan secara konsisten dalam \
penyusunan program, kegiatan dan sub kegiatan tahun {tahun};

b. sekretariat, bidang dan seluruh pegawai {pd_singkat} bersama-sama bertanggung jawab \
melaksanakan Renja sesuai tugas dan kewenangannya;

c. konsistensi antara RKPD, Renja dan Dokumen Pelaksanaan Anggaran (DPA) dijaga;

d. pelaksanaan Renja dipantau dan dievaluasi secara berkala setiap triwulan; dan

e. hasil evaluasi pelaksanaan Renja menjadi landasan perencanaan tahun berikutnya.
"""

_RENJA_5_2 = """\
Setelah ditetapkan, Renja {pd_singkat} {pemda} Tahun {tahun} menjadi acuan dalam penyusunan \
Rencana Kerja dan Anggaran (RKA) {pd_singkat} dengan berpedoman pada Kebijakan Umum Anggaran \
(KUA) serta Prioritas dan Plafon Anggaran Sementara (PPAS) Anggaran Pendapatan dan Belanja \
Daerah {pemda} Tahun {tahun}.
"""


_RENJA = (
    Bab(
        "I",
        "PENDAHULUAN",
        (
            Bagian(
                "renja.1.1",
                "1.1",
                "Latar Belakang",
                _RENJA_1_1,
                sub=(
                    Bagian(
                        "renja.1.1.1",
                        "1.1.1",
                        "Pengertian Rencana Kerja Perangkat Daerah",
                        _RENJA_1_1_1,
                    ),
                    Bagian(
                        "renja.1.1.2",
                        "1.1.2",
                        "Proses Penyusunan Rencana Kerja Perangkat Daerah",
                        _RENJA_1_1_2,
                    ),
                    Bagian(
                        "renja.1.1.3",
                        "1.1.3",
                        "Keterkaitan Renja Perangkat Daerah dengan Dokumen Perencanaan Lainnya",
                        _RENJA_1_1_3,
                    ),
                ),
            ),
            Bagian("renja.1.2", "1.2", "Landasan Hukum", _RENJA_1_2),
            Bagian("renja.1.3", "1.3", "Maksud dan Tujuan", _RENJA_1_3),
            Bagian("renja.1.4", "1.4", "Sistematika Penulisan", _RENJA_1_4),
        ),
    ),
    Bab(
        "II",
        "HASIL EVALUASI RENCANA KERJA PERANGKAT DAERAH TAHUN LALU",
        (
            Bagian(
                "renja.2.1",
                "2.1",
                "Evaluasi Pelaksanaan Renja Perangkat Daerah Tahun Lalu dan Capaian Renstra "
                "Perangkat Daerah",
                _RENJA_2_1,
                narasi=("renja_2_1_ringkasan",),
                tabel=(TabelDok("tc29"),),
                sub=(
                    Bagian(
                        "renja.2.1.a",
                        "a.",
                        "Faktor-Faktor Penyebab Tidak Tercapainya, Terpenuhinya atau "
                        "Terlampauinya Target Kinerja Program dan Kegiatan",
                        _RENJA_2_1_A,
                        narasi=("renja_2_1_program",),
                        urutan=("narasi", "teks", "tabel"),
                    ),
                    Bagian(
                        "renja.2.1.b",
                        "b.",
                        "Implikasi yang Timbul terhadap Pencapaian Program Renstra Perangkat "
                        "Daerah",
                        _RENJA_2_1_B,
                    ),
                    Bagian(
                        "renja.2.1.c",
                        "c.",
                        "Kebijakan/Tindakan Perencanaan dan Penganggaran yang Perlu Diambil",
                        _RENJA_2_1_C,
                    ),
                ),
            ),
            Bagian(
                "renja.2.2",
                "2.2",
                "Analisis Kinerja Pelayanan Perangkat Daerah",
                _RENJA_2_2,
                narasi=("renja_2_2_kinerja_pelayanan",),
                tabel=(TabelDok("tc30"),),
                urutan=("teks", "tabel", "narasi"),
            ),
            Bagian(
                "renja.2.3",
                "2.3",
                "Isu-Isu Penting Penyelenggaraan Tugas dan Fungsi Perangkat Daerah",
                _RENJA_2_3,
                sub=(
                    Bagian(
                        "renja.2.3.1", "2.3.1", "Tingkat Kinerja Perangkat Daerah", _RENJA_2_3_1
                    ),
                    Bagian("renja.2.3.2", "2.3.2", "Permasalahan dan Hambatan", _RENJA_2_3_2),
                    Bagian("renja.2.3.3", "2.3.3", "Peluang dan Tantangan", _RENJA_2_3_3),
                    Bagian(
                        "renja.2.3.4",
                        "2.3.4",
                        "Isu-Isu Penting/Strategis Pelayanan Perangkat Daerah",
                        _RENJA_2_3_4,
                    ),
                ),
            ),
            Bagian(
                "renja.2.4",
                "2.4",
                "Reviu terhadap Rancangan Awal RKPD",
                _RENJA_2_4,
                tabel=(TabelDok("tc31"),),
            ),
            Bagian(
                "renja.2.5",
                "2.5",
                "Penelaahan Usulan Program dan Kegiatan Masyarakat",
                _RENJA_2_5,
                tabel=(TabelDok("tc32"),),
            ),
        ),
        kunci="renja.2",
        teks_baku=_RENJA_2,
    ),
    Bab(
        "III",
        "TUJUAN DAN SASARAN PERANGKAT DAERAH",
        (
            Bagian("renja.3.1", "3.1", "Telaahan terhadap Kebijakan Nasional", _RENJA_3_1),
            Bagian(
                "renja.3.2",
                "3.2",
                "Tujuan dan Sasaran Renja Perangkat Daerah",
                _RENJA_3_2,
                sub=(
                    Bagian("renja.3.2.1", "3.2.1", "Tujuan", _RENJA_3_2_1),
                    Bagian("renja.3.2.2", "3.2.2", "Sasaran", _RENJA_3_2_2),
                ),
            ),
            Bagian(
                "renja.3.3",
                "3.3",
                "Program dan Kegiatan",
                _RENJA_3_3,
                narasi=("renja_3_3_program",),
                tabel=(TabelDok("tc33"),),
            ),
        ),
    ),
    Bab(
        "IV",
        "RENCANA KERJA DAN PENDANAAN PERANGKAT DAERAH",
        (
            Bagian(
                "renja.4.1",
                "4.1",
                "Program dan Kegiatan Perangkat Daerah",
                _RENJA_4_1,
                narasi=("renja_4_1_ringkasan",),
                tabel=(TabelDok("t41"),),
            ),
            Bagian(
                "renja.4.2",
                "4.2",
                "Prioritas Perangkat Daerah yang Mendukung Prioritas Daerah",
                _RENJA_4_2,
            ),
            Bagian("renja.4.3", "4.3", "Prioritas Perangkat Daerah", _RENJA_4_3),
        ),
        kunci="renja.4",
        teks_baku=_RENJA_4,
    ),
    Bab(
        "V",
        "PENUTUP",
        (
            Bagian("renja.5.1", "5.1", "Kaidah Pelaksanaan", _RENJA_5_1),
            Bagian("renja.5.2", "5.2", "Rencana Tindak Lanjut", _RENJA_5_2),
        ),
    ),
)


# ---------------------------------------------------------------------------------------
# LKj (PermenPAN-RB 53/2014; the outline of the Dumai LKj 2023)
# ---------------------------------------------------------------------------------------

_LKJ_RINGKASAN = """\
Laporan Kinerja {pd} {pemda} Tahun {tahun} menyajikan capaian kinerja atas Perjanjian Kinerja \
Tahun {tahun} yang merupakan penjabaran tahunan Renstra {pd_singkat} Tahun \
{renstra_awal}–{renstra_akhir}. Ringkasan capaian kinerja, anggaran dan efisiensi penggunaan \
sumber daya adalah sebagai berikut.
"""

_LKJ_1_1 = """\
Laporan Kinerja Instansi Pemerintah (LKjIP) merupakan wujud pertanggungjawaban pejabat \
publik kepada masyarakat atas kinerja instansi pemerintah selama satu tahun anggaran. \
Laporan ini membandingkan perencanaan dengan hasil yang dicapai atas pelaksanaan program \
dan kegiatan yang dibiayai Anggaran Pendapatan dan Belanja Daerah, dengan menyatakan besaran \
kinerja secara kuantitatif.

Penyusunan Laporan Kinerja {pd_singkat} {pemda} Tahun {tahun} berlandaskan pada:

1. Peraturan Presiden Nomor 29 Tahun 2014 tentang Sistem Akuntabilitas Kinerja Instansi \
Pemerintah;
2. Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor 53 Tahun \
2014 tentang Petunjuk Teknis Perjanjian Kinerja, Pelaporan Kinerja dan Tata Cara Reviu atas \
Laporan Kinerja Instansi Pemerintah;
3. Peraturan Menteri Dalam Negeri Nomor 86 Tahun 2017 tentang Tata Cara Perencanaan, \
Pengendalian dan Evaluasi Pembangunan Daerah;
4. Peraturan Daerah tentang Rencana Pembangunan Jangka Menengah Daerah {pemda};
5. Peraturan daerah dan peraturan kepala daerah tentang pembentukan, kedudukan, susunan \
organisasi, tugas dan fungsi {pd} {pemda}.
"""

_LKJ_1_2 = """\
{pd} {pemda} merupakan unsur pelaksana urusan pemerintahan yang menjadi kewenangan daerah \
sesuai dengan tugas dan fungsinya, dipimpin oleh seorang Kepala yang berada di bawah dan \
bertanggung jawab kepada Kepala Daerah melalui Sekretaris Daerah.

*[Uraikan tugas pokok, fungsi dan susunan organisasi perangkat daerah.]*
"""

_LKJ_1_3 = """\
Laporan Kinerja {pd_singkat} {pemda} Tahun {tahun} disusun sebagai pertanggungjawaban kinerja \
selama tahun {tahun}, dengan tujuan:

1. memberikan informasi kinerja yang terukur kepada pemberi mandat atas kinerja yang telah \
dan seharusnya dicapai;
2. menjadi upaya perbaikan berkesinambungan dalam pelaksanaan program dan kegiatan;
3. mengetahui tingkat keberhasilan dan kekurangan dalam pelaksanaan tugas untuk \
ditindaklanjuti pada tahun berikutnya; dan
4. menjadi sarana penyempurnaan kebijakan dalam rangka mewujudkan tata kelola pemerintahan \
yang baik.
"""

_LKJ_1_4 = """\
Dalam melaksanakan tugas dan fungsinya, {pd_singkat} {pemda} tidak terlepas dari isu-isu \
strategis yang melingkupinya. Perumusan isu strategis dimaksudkan untuk menentukan \
permasalahan, hambatan dan tantangan yang perlu diminimalkan dampaknya dalam pencapaian \
kinerja.

*[Uraikan isu-isu strategis perangkat daerah.]*
"""

_LKJ_1_5 = """\
Cascading (penjabaran) kinerja merupakan proses penjabaran dan penyelarasan kinerja beserta \
targetnya secara vertikal dari tingkat organisasi yang lebih tinggi ke tingkat yang lebih \
rendah, sehingga setiap unit kerja dan pegawai berkontribusi pada pencapaian tujuan dan \
sasaran {pd_singkat} {pemda} sebagaimana ditetapkan dalam Renstra Tahun \
{renstra_awal}–{renstra_akhir}.
"""

_LKJ_1_6 = """\
Peta proses bisnis menggambarkan hubungan kerja yang efektif dan efisien antarunit \
organisasi untuk menghasilkan kinerja sesuai dengan tujuan organisasi, sehingga \
menghasilkan keluaran yang bernilai tambah bagi pemangku kepentingan.

*[Uraikan proses utama, proses pendukung dan proses lainnya.]*
"""

_LKJ_1_7 = """\
Hasil evaluasi akuntabilitas kinerja {pd_singkat} {pemda} tahun {tahun_lalu} memuat \
rekomendasi perbaikan yang telah ditindaklanjuti selama tahun {tahun}.

*[Sebutkan setiap rekomendasi, langkah tindak lanjut dan waktu penyelesaiannya.]*
"""

_LKJ_2_1 = """\
Renstra {pd_singkat} {pemda} Tahun {renstra_awal}–{renstra_akhir} memuat tujuan, sasaran, \
strategi, arah kebijakan serta program dan kegiatan yang disusun sesuai dengan tugas dan \
fungsi perangkat daerah untuk mendukung perwujudan visi dan misi daerah dalam RPJMD \
{pemda}. Renstra menjadi acuan penyusunan rencana kerja tahunan dan Perjanjian Kinerja.
"""

_LKJ_2_2 = """\
Tujuan dan sasaran strategis {pd_singkat} {pemda} beserta indikator kinerjanya ditetapkan \
dalam Renstra Tahun {renstra_awal}–{renstra_akhir}. Indikator sasaran strategis menjadi \
Indikator Kinerja Utama (IKU) yang diperjanjikan setiap tahun dalam Perjanjian Kinerja.

*[Sebutkan tujuan, sasaran dan indikatornya.]*
"""

_LKJ_2_3 = """\
Untuk mencapai tujuan dan sasaran tersebut, {pd_singkat} {pemda} menetapkan strategi dan \
arah kebijakan yang dilaksanakan melalui program, kegiatan dan sub kegiatan sesuai dengan \
Renstra.

*[Uraikan strategi, arah kebijakan dan program.]*
"""

_LKJ_2_4 = """\
Perjanjian Kinerja merupakan lembar/dokumen yang berisikan penugasan dari pimpinan instansi \
yang lebih tinggi kepada pimpinan instansi yang lebih rendah untuk melaksanakan program dan \
kegiatan yang disertai dengan indikator kinerja. Perjanjian Kinerja {pd_singkat} {pemda} \
Tahun {tahun} beserta perubahannya adalah sebagai berikut.
"""

_LKJ_3 = """\
Akuntabilitas kinerja adalah perwujudan kewajiban instansi pemerintah untuk \
mempertanggungjawabkan keberhasilan atau kegagalan pelaksanaan program dan kegiatan dalam \
mencapai sasaran yang telah ditetapkan. Pengukuran kinerja dilakukan dengan membandingkan \
realisasi terhadap target setiap indikator:

- untuk indikator yang semakin tinggi realisasinya semakin baik, capaian = realisasi ÷ \
target × 100%;
- untuk indikator yang semakin rendah realisasinya semakin baik, capaian = (2 × target − \
realisasi) ÷ target × 100%.

Capaian tidak dibatasi 100% dan dibulatkan setengah ke atas dengan dua angka desimal. Skala \
yang digunakan untuk menilai capaian dicantumkan di bawah setiap tabel.
"""

_LKJ_3_1 = """\
Capaian Indikator Kinerja Utama {pd_singkat} {pemda} tahun {tahun} berdasarkan target dan \
realisasinya disajikan pada tabel berikut, disertai analisis setiap indikator.
"""

_LKJ_3_2 = """\
Perbandingan realisasi dan capaian kinerja tahun {tahun} dengan tahun {tahun_lalu} \
menunjukkan perkembangan kinerja {pd_singkat} {pemda} dari tahun ke tahun.
"""

_LKJ_3_3 = """\
Perbandingan realisasi kinerja tahun {tahun} dengan target akhir periode Renstra \
{pd_singkat} Tahun {renstra_awal}–{renstra_akhir} menunjukkan tingkat kemajuan pencapaian \
sasaran jangka menengah.
"""

_LKJ_3_4 = """\
*[Bandingkan realisasi kinerja dengan target nasional (RPJMN, SPM) yang berkaitan dengan \
tugas dan fungsi perangkat daerah. Apabila tidak terdapat target nasional yang berhubungan \
langsung, nyatakan demikian.]*
"""

_LKJ_3_5 = """\
Pelaksanaan program dan kegiatan {pd_singkat} {pemda} tahun {tahun} didukung anggaran yang \
bersumber dari Anggaran Pendapatan dan Belanja Daerah {pemda} Tahun Anggaran {tahun}.
"""

_LKJ_3_6 = """\
Keterkaitan antara capaian kinerja dan penyerapan anggaran setiap program disajikan pada \
tabel berikut.
"""

_LKJ_3_7 = """\
Efisiensi penggunaan sumber daya diukur dengan membandingkan persentase capaian kinerja \
dengan persentase penyerapan anggaran. Nilai efisiensi di atas 1 menunjukkan bahwa capaian \
kinerja lebih tinggi daripada penyerapan anggaran yang digunakan untuk mencapainya.
"""

_LKJ_3_8 = """\
*[Sebutkan prestasi dan penghargaan yang diterima {pd_singkat} {pemda} pada tahun {tahun}, \
beserta tingkat dan pemberinya.]*
"""

_LKJ_4 = """\
Laporan Kinerja {pd_singkat} {pemda} Tahun {tahun} merupakan perwujudan pertanggungjawaban \
pelaksanaan tugas, fungsi dan kewenangan pengelolaan sumber daya yang dipercayakan kepada \
{pd_singkat}, sekaligus sarana introspeksi dan perbaikan kinerja.
"""

_LKJ_4_1 = """\
Laporan Kinerja ini disusun berdasarkan Renstra {pd_singkat} Tahun \
{renstra_awal}–{renstra_akhir}, RKPD {pemda} Tahun {tahun}, serta Perjanjian Kinerja Tahun \
{tahun} beserta perubahannya. Hasil pengukuran kinerja adalah sebagai berikut.
"""

_LKJ_4_2 = """\
Langkah perbaikan untuk meningkatkan keberhasilan dan mengatasi hambatan dalam pencapaian \
kinerja {pd_singkat} {pemda} pada tahun {tahun_depan} antara lain:

1. meningkatkan kualitas perencanaan kinerja agar target selaras dengan anggaran dan sumber \
daya yang tersedia;
2. melaksanakan pemantauan dan evaluasi capaian kinerja secara berkala setiap triwulan;
3. meningkatkan koordinasi dengan perangkat daerah dan instansi terkait; dan
4. menindaklanjuti rekomendasi hasil evaluasi akuntabilitas kinerja.
"""

_LKJ = (
    Bab(
        "I",
        "PENDAHULUAN",
        (
            Bagian("lkj.1.1", "1.1", "Latar Belakang", _LKJ_1_1),
            Bagian("lkj.1.2", "1.2", "Kedudukan, Tugas Pokok dan Fungsi", _LKJ_1_2),
            Bagian("lkj.1.3", "1.3", "Maksud dan Tujuan", _LKJ_1_3),
            Bagian("lkj.1.4", "1.4", "Isu Strategis", _LKJ_1_4),
            Bagian("lkj.1.5", "1.5", "Cascading Kinerja", _LKJ_1_5),
            Bagian("lkj.1.6", "1.6", "Peta Proses Bisnis", _LKJ_1_6),
            Bagian(
                "lkj.1.7",
                "1.7",
                "Tindak Lanjut atas Hasil Evaluasi Akuntabilitas Kinerja",
                _LKJ_1_7,
            ),
        ),
    ),
    Bab(
        "II",
        "PERENCANAAN KINERJA",
        (
            Bagian("lkj.2.1", "2.1", "Rencana Strategis", _LKJ_2_1),
            Bagian("lkj.2.2", "2.2", "Tujuan dan Sasaran", _LKJ_2_2),
            Bagian("lkj.2.3", "2.3", "Kebijakan, Strategi dan Program", _LKJ_2_3),
            Bagian(
                "lkj.2.4",
                "2.4",
                "Perjanjian Kinerja",
                _LKJ_2_4,
                narasi=("lkj_perjanjian_kinerja",),
                tabel=(TabelDok("pk"),),
                urutan=("teks", "tabel", "narasi"),
            ),
        ),
    ),
    Bab(
        "III",
        "AKUNTABILITAS KINERJA",
        (
            Bagian(
                "lkj.3.1",
                "3.1",
                "Capaian Kinerja Berdasarkan Target dan Realisasi",
                _LKJ_3_1,
                narasi=("lkj_analisis_iku",),
                tabel=(TabelDok("lkj_capaian"),),
                urutan=("teks", "tabel", "narasi"),
            ),
            Bagian(
                "lkj.3.2",
                "3.2",
                "Perbandingan Realisasi Kinerja dengan Tahun Sebelumnya",
                _LKJ_3_2,
                narasi=("lkj_perbandingan_tahun_lalu",),
            ),
            Bagian(
                "lkj.3.3",
                "3.3",
                "Perbandingan Realisasi Kinerja sampai dengan Akhir Periode Renstra",
                _LKJ_3_3,
                narasi=("lkj_kemajuan_renstra",),
            ),
            Bagian(
                "lkj.3.4",
                "3.4",
                "Perbandingan Realisasi Kinerja dengan Target Nasional",
                _LKJ_3_4,
            ),
            Bagian(
                "lkj.3.5",
                "3.5",
                "Akuntabilitas Keuangan",
                _LKJ_3_5,
                narasi=("lkj_akuntabilitas_keuangan",),
            ),
            Bagian(
                "lkj.3.6",
                "3.6",
                "Pencapaian Kinerja dan Anggaran",
                _LKJ_3_6,
                narasi=("lkj_kinerja_anggaran",),
                tabel=(TabelDok("lkj_anggaran"),),
                urutan=("teks", "tabel", "narasi"),
            ),
            Bagian(
                "lkj.3.7",
                "3.7",
                "Efisiensi Penggunaan Sumber Daya",
                _LKJ_3_7,
                narasi=("lkj_efisiensi",),
                tabel=(TabelDok("lkj_efisiensi"),),
                urutan=("teks", "tabel", "narasi"),
            ),
            Bagian("lkj.3.8", "3.8", "Prestasi dan Penghargaan", _LKJ_3_8),
        ),
        kunci="lkj.3",
        teks_baku=_LKJ_3,
    ),
    Bab(
        "IV",
        "PENUTUP",
        (
            Bagian(
                "lkj.4.1",
                "4.1",
                "Kesimpulan",
                _LKJ_4_1,
                narasi=("lkj_ringkasan_iku", "lkj_kesimpulan"),
            ),
            Bagian("lkj.4.2", "4.2", "Langkah Perbaikan dan Saran", _LKJ_4_2),
        ),
        kunci="lkj.4",
        teks_baku=_LKJ_4,
    ),
)


KERANGKA: dict[str, tuple[Bab, ...]] = {"renja": _RENJA, "lkj": _LKJ}


# ---------------------------------------------------------------------------------------
# Renja Perubahan: the murni outline with a chapter on the revision before the PENUTUP
# (Kota Banjarbaru, Renja Perubahan 2024: BAB V "Rencana Program dan Kegiatan dalam Perubahan
# Rencana Kerja" with Tabel 5.1–5.3, BAB VI Penutup).
# ---------------------------------------------------------------------------------------

_RENJA_P_5 = """Bab ini menyajikan perubahan pagu program, kegiatan dan sub kegiatan {pd} {pemda} Tahun \
{tahun} terhadap Renja murni yang telah ditetapkan, beserta alasannya: penambahan pagu, \
pergeseran antar sub kegiatan, dan sub kegiatan baru.
"""

_RENJA_P_5_1 = """Rekapitulasi berikut membandingkan pagu setiap program, kegiatan dan sub kegiatan sebelum dan \
sesudah perubahan. Selisih dihitung dari pagu sub kegiatan; jumlah program dan kegiatan \
merupakan penjumlahan sub kegiatannya.
"""

_RENJA_P_5_2 = """Penambahan pagu anggaran Tahun {tahun} terdiri atas penambahan pada sub kegiatan yang telah \
ada dan pagu sub kegiatan baru, sebagaimana tabel berikut.
"""

_RENJA_P_5_3 = """Pergeseran pagu anggaran Tahun {tahun} antar sub kegiatan disajikan berikut. Pergeseran yang \
jumlah bersihnya tidak nol ditandai untuk diperiksa.
"""

_BAB_PERUBAHAN = Bab(
    "V",
    "RENCANA PROGRAM DAN KEGIATAN DALAM PERUBAHAN RENCANA KERJA",
    (
        Bagian(
            "renja.p.5.1",
            "5.1",
            "Rekapitulasi Perubahan Pagu Program, Kegiatan dan Sub Kegiatan",
            _RENJA_P_5_1,
            tabel=(TabelDok("perubahan_pagu"),),
        ),
        Bagian(
            "renja.p.5.2",
            "5.2",
            "Penambahan Anggaran",
            _RENJA_P_5_2,
            tabel=(TabelDok("t52"),),
        ),
        Bagian(
            "renja.p.5.3",
            "5.3",
            "Pergeseran Anggaran",
            _RENJA_P_5_3,
            tabel=(TabelDok("t53"),),
        ),
    ),
    kunci="renja.p.5",
    teks_baku=_RENJA_P_5,
)


def _bab_bernomor(bab: Bab, nomor: str, awalan: str) -> Bab:
    """The chapter under another number; its sections keep their keys (and stored texts)."""

    def ulang(b: Bagian) -> Bagian:
        lama = b.nomor.split(".", 1)
        baru = f"{awalan}.{lama[1]}" if len(lama) == 2 else b.nomor
        return replace(b, nomor=baru, sub=tuple(ulang(s) for s in b.sub))

    return replace(bab, nomor=nomor, bagian=tuple(ulang(b) for b in bab.bagian))


def kerangka(jenis: str, versi: str = "murni") -> tuple[Bab, ...]:
    """The chapters of a document kind in a version: a Renja Perubahan adds its own chapter."""
    if jenis == "renja" and versi == "perubahan":
        *isi, penutup = KERANGKA["renja"]
        return (*isi, _BAB_PERUBAHAN, _bab_bernomor(penutup, "VI", "6"))
    return KERANGKA[jenis]


BAGIAN_AWAL: dict[str, tuple[Bagian, ...]] = {
    "renja": (),
    "lkj": (
        Bagian(
            "lkj.ringkasan",
            "",
            "Ringkasan Eksekutif",
            _LKJ_RINGKASAN,
            narasi=("lkj_kesimpulan", "lkj_akuntabilitas_keuangan", "lkj_efisiensi"),
        ),
    ),
}

# Appendices. The LKj of Kota Dumai appends the Perjanjian Kinerja and the year's evaluation
# of the Renja results per program, kegiatan and sub kegiatan with quarterly realisation
# (a Formulir E.81 of triwulan IV).
LAMPIRAN: dict[str, tuple[Bagian, ...]] = {
    "renja": (),
    "lkj": (
        Bagian(
            "lkj.lampiran.1",
            "Lampiran 1",
            "Perjanjian Kinerja",
            tabel=(TabelDok("pk"),),
        ),
        Bagian(
            "lkj.lampiran.2",
            "Lampiran 2",
            "Evaluasi Hasil Pelaksanaan Program, Kegiatan dan Sub Kegiatan",
            narasi=("lkj_e81_ringkasan",),
            tabel=(TabelDok("e81", triwulan=4, versi_sendiri=True),),
            urutan=("tabel", "narasi", "teks"),
        ),
    ),
}


def semua_bagian(jenis: str, versi: str = "murni") -> list[Bagian]:
    """Every section of a document kind, depth-first in print order (front matter, chapters,
    appendices)."""
    hasil: list[Bagian] = []

    def jalan(bagian: tuple[Bagian, ...]) -> None:
        for b in bagian:
            hasil.append(b)
            jalan(b.sub)

    jalan(BAGIAN_AWAL.get(jenis, ()))
    for bab in kerangka(jenis, versi):
        jalan(bab.bagian)
    jalan(LAMPIRAN.get(jenis, ()))
    return hasil
