"""The Excel round trip (``/unggah/``): template, validation report, preview, apply through the
one value writer (``renja.nilai``)."""
