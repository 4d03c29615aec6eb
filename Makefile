# Two commands on a fresh machine with only Python 3.11 and make:
#   make run   – install, migrate, load the demo, serve on http://127.0.0.1:8000
#   make test  – install and run the whole test suite (SQLite, in-process tasks)
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# Type-checked packages: every top-level application package that exists.
PACKAGES := $(wildcard config renja kepegawaian evaluasi dokumen inti)
# Test processes (pytest-xdist). Two by default: a contributor's laptop and the CI box have
# about two cores, shared with the browser tests' Chromium. XDIST=0 runs in one process.
# loadfile keeps each file on one worker, in collection order. That order matters:
# pytest-django runs the transactional tests (the browser tests) after all others, because
# they empty the database when they end (the bundled nomenclature included). worksteal and
# load hand single tests around and ran ordinary tests after a browser test on the same
# worker: they failed on the missing nomenclature.
XDIST ?= 2
XDIST_DIST ?= loadfile
ifeq ($(XDIST),0)
XDIST_ARGS :=
else
XDIST_ARGS := -n $(XDIST) --dist $(XDIST_DIST)
endif

.PHONY: run test test-fast install check lint typecheck check-deploy bench clean
.DELETE_ON_ERROR:

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

# The git-ignored folder for the SQLite database, media and logs. Settings create no
# folders; the targets that need it do.
var:
	mkdir -p var

# A development secret kept across restarts, so logins survive runserver's autoreload
# (settings alone would draw a new random key in every process). Never used in production:
# there DEBUG=0 and SECRET_KEY must be set, or the application refuses to start.
var/dev-secret-key: | var
	umask 077 && $(PYTHON) -c 'import secrets; print(secrets.token_urlsafe(50))' > $@

run: $(STAMP) var/dev-secret-key
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py seed_demo --if-empty
	SECRET_KEY="$${SECRET_KEY:-$$(cat var/dev-secret-key)}" \
	  $(BIN)/python manage.py runserver 127.0.0.1:8000

test: $(STAMP) | var
	$(BIN)/python -m pytest -p no:cacheprovider $(XDIST_ARGS) $(PYTEST_ARGS)

# Quick local feedback: everything but the slow and the browser tests.
test-fast: $(STAMP) | var
	$(BIN)/python -m pytest -p no:cacheprovider $(XDIST_ARGS) -m "not slow and not browser" $(PYTEST_ARGS)

# What CI checks besides the tests: format, lint, types, import contracts, migrations
# (against an in-memory database: the check needs none and must not create var/db.sqlite3).
check: $(STAMP)
	$(BIN)/ruff format --check .
	$(BIN)/ruff check .
	$(BIN)/mypy $(PACKAGES)
	$(BIN)/lint-imports
	DATABASE_URL=sqlite://:memory: $(BIN)/python manage.py makemigrations --check --dry-run

lint: $(STAMP)
	$(BIN)/ruff format --check .
	$(BIN)/ruff check .

typecheck: $(STAMP)
	$(BIN)/mypy $(PACKAGES)

check-deploy: $(STAMP)
	DEBUG=0 SECRET_KEY=ci-$$(date +%s)-not-a-real-secret-but-long-enough-for-django-checks \
	  ALLOWED_HOSTS=renja.example.go.id $(BIN)/python manage.py check --deploy --fail-level WARNING

bench: $(STAMP)
	$(BIN)/python bench/bench_import.py

clean:
	rm -rf $(VENV) var/db.sqlite3 .pytest_cache .mypy_cache .ruff_cache .coverage .coverage.* htmlcov
