"""The one writer of values: rules (``aturan``), owner reads (``selectors``), the writer
(``services.nilai_tulis``). Import the modules, not this package: ``renja.services`` builds on
``aturan`` while the writer builds on ``renja.services``."""
