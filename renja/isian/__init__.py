"""The planners' grids (``/isian/``): Renja, realisation and Renja Perubahan cell by cell, the
quarter's evaluation note. views → forms → selectors (reads) / services (writes through
``renja.nilai``)."""
