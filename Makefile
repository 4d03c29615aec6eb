# Two commands on a fresh machine with only Python 3.11 and make:
#   make run   – install, migrate, load the demo, serve on http://127.0.0.1:8000
#   make test  – install and run the whole test suite (SQLite, in-process tasks)
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test install lint typecheck check-deploy bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

run: $(STAMP)
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py seed_demo --if-empty
	$(BIN)/python manage.py runserver 127.0.0.1:8000

test: $(STAMP)
	$(BIN)/python -m pytest -p no:cacheprovider $(PYTEST_ARGS)

lint: $(STAMP)
	$(BIN)/ruff format --check .
	$(BIN)/ruff check .

typecheck: $(STAMP)
	$(BIN)/mypy config renja kepegawaian evaluasi dokumen

check-deploy: $(STAMP)
	DEBUG=0 SECRET_KEY=ci-$$(date +%s)-not-a-real-secret-but-long-enough-for-django-checks \
	  ALLOWED_HOSTS=renja.example.go.id $(BIN)/python manage.py check --deploy --fail-level WARNING

bench: $(STAMP)
	$(BIN)/python bench/bench_import.py

clean:
	rm -rf $(VENV) var/db.sqlite3 .pytest_cache .mypy_cache .ruff_cache
