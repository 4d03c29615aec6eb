"""The reporting kernel: formulas, table types, serialisation, exporters, number and code rules.

It imports no app of this project (import-linter enforces it), so that the plan data
(``renja``), the roster (``kepegawaian``), the engine (``evaluasi``) and the documents
(``dokumen``) all build on it without pointing at each other.
"""
