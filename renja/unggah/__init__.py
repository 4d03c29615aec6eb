"""Excel round trip: a template workbook out, the filled workbook back in, a preview, apply.

Modules: ``susunan`` (limits, template kinds, a change, a preview), ``templat`` (1), ``periksa``
(2), ``services`` (3 and 4), ``views``/``urls`` (thin, mounted at /unggah/).

1. ``templat_tulis`` writes one sheet for a perangkat daerah and year: the plan (target and
   pagu of year N) or a quarter (realisasi K and Rp of triwulan n). Every row carries a hidden
   key (``I<indikator id>`` or ``N<node id>``) so an upload maps back to exactly one owner; cell
   A1 (hidden column) names the template (agency, year, kind).
2. ``unggahan_periksa`` refuses hostile or malformed files before openpyxl parses them (size,
   not a zip, macros, zip bombs, XML entities), then reads every row without writing: formula
   cells, bad numbers, foreign keys, duplicates, locked Renja. It returns a ``Pratinjau``: each
   filled cell as old → new with the revision read, or raises ``UnggahanDitolak`` listing every
   problem as sheet, row, column, message.
3. ``pratinjau_simpan``/``pratinjau_ambil`` keep the validated change set in the server-side
   session under a random token; the client only ever sends the token back.
4. ``pratinjau_terapkan`` re-checks access, then hands the changes to the one value writer
   (``renja.nilai.services.nilai_tulis``): lock, level and every revision read (a value changed
   by someone else since the preview refuses the whole upload), all in one transaction with
   history (change reason ``excel``, the uploading user).
"""
