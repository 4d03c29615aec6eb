"""Settings come from the environment; production refuses to start without a secret."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from tests.conftest import ROOT


def run_manage(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    clean = {
        k: v for k, v in os.environ.items() if k not in ("SECRET_KEY", "DEBUG", "ALLOWED_HOSTS")
    }
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_refuses_to_start_without_a_secret_key():
    result = run_manage("check", DEBUG="0", ALLOWED_HOSTS="renja.example.go.id")
    assert result.returncode != 0
    assert "SECRET_KEY wajib diisi" in result.stderr


@pytest.mark.slow
def test_check_deploy_is_clean_with_production_like_variables():
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DEBUG="0",
        SECRET_KEY="x" * 20 + "-production-like-secret-key-with-enough-entropy-9f8e7d6c5b4a",
        ALLOWED_HOSTS="renja.example.go.id",
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_language_and_time_zone_are_indonesian(settings):
    assert settings.LANGUAGE_CODE == "id"
    assert settings.TIME_ZONE == "Asia/Jakarta"


def setup_django(code: str = "", **env: str) -> subprocess.CompletedProcess[str]:
    """Import the settings and set Django up in a fresh interpreter, with these variables
    (SECRET_KEY and DEBUG unset unless given), then run ``code``."""
    clean = {k: v for k, v in os.environ.items() if k not in ("SECRET_KEY", "DEBUG")}
    return subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {code}"],
        cwd=ROOT,
        env={**clean, "DJANGO_SETTINGS_MODULE": "config.settings", **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.parametrize("nilai", ["flase", "2", "enabled", "tru e"])
def test_a_misspelt_boolean_stops_the_start_instead_of_meaning_off(nilai):
    result = setup_django(DEBUG=nilai)
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert f"DEBUG={nilai!r}" in result.stderr


def test_a_misspelt_integer_stops_the_start_with_its_name_and_value():
    result = setup_django(DOKUMEN_SIMPAN_HARI="30 hari")
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert "DOKUMEN_SIMPAN_HARI='30 hari'" in result.stderr


@pytest.mark.parametrize(
    ("nilai", "diharapkan"),
    [
        *[("1", True), (" TRUE ", True), ("Yes", True), ("on", True)],
        *[("0", False), ("False", False), ("no", False), ("OFF", False), ("", True)],
    ],
)
def test_booleans_read_the_usual_spellings_and_empty_means_the_default(
    monkeypatch, nilai, diharapkan
):
    from config.settings import env_bool

    monkeypatch.setenv("CONTOH_SAKLAR", nilai)
    assert env_bool("CONTOH_SAKLAR", True) is diharapkan


def test_integers_read_digits_and_empty_means_the_default(monkeypatch):
    from config.settings import env_int

    monkeypatch.setenv("CONTOH_ANGKA", " 45 ")
    assert env_int("CONTOH_ANGKA", 7) == 45
    monkeypatch.setenv("CONTOH_ANGKA", "")
    assert env_int("CONTOH_ANGKA", 7) == 7


def test_importing_the_settings_creates_no_folder(tmp_path):
    tidak_ada = {
        "STATIC_ROOT": tmp_path / "static",
        "MEDIA_ROOT": tmp_path / "media",
        "DOKUMEN_CACHE_DIR": tmp_path / "bagian",
    }
    # The default SQLite file's folder must not be made either: point the database elsewhere.
    result = setup_django(
        **{k: str(v) for k, v in tidak_ada.items()},
        DATABASE_URL=f"sqlite:///{tmp_path / 'db' / 'db.sqlite3'}",
    )
    assert result.returncode == 0, result.stderr
    assert list(tmp_path.iterdir()) == []


def test_without_a_secret_key_development_draws_a_random_one_per_process():
    """No constant development key exists in the code, so none can reach production."""
    lihat = "from django.conf import settings; print(settings.SECRET_KEY)"
    kunci = {setup_django(lihat).stdout.strip() for _ in range(2)}
    assert len(kunci) == 2
    assert all(len(k) >= 50 for k in kunci)


def _langkah_collectstatic() -> dict[str, str]:
    """The environment the Dockerfile's collectstatic step runs with (read from the Dockerfile,
    so that this test follows the image build rather than a copy of it)."""
    import re
    import shlex

    teks = (ROOT / "Dockerfile").read_text().replace("\\\n", " ")
    baris = next(b for b in teks.splitlines() if "manage.py collectstatic" in b)
    kata = shlex.split(re.sub(r"^\s*RUN\s+", "", baris))
    return dict(k.split("=", 1) for k in kata[: kata.index("python")] if "=" in k)


@pytest.mark.slow
def test_the_production_image_steps_serve_pages_with_debug_off(tmp_path):
    """The image collects static files as the Dockerfile does; then, with DEBUG=0 (the
    manifest storage), the login page and a stylesheet are served (a page answered 500 when
    collectstatic ran with DEBUG=1 and wrote no manifest)."""
    env = {**_langkah_collectstatic(), "STATIC_ROOT": str(tmp_path / "static")}
    collect = run_manage("collectstatic", "--noinput", "-v0", **env)
    assert collect.returncode == 0, collect.stderr
    assert (tmp_path / "static" / "staticfiles.json").exists()
    kode = (
        "import django; django.setup()\n"
        "from django.test import Client\n"
        "c = Client()\n"
        "r = c.get('/accounts/login/')\n"
        "assert r.status_code == 200, r.status_code\n"
        "import re\n"
        'css = re.search(r\'href="(/static/[^"]+\\.css)"\', r.content.decode()).group(1)\n'
        "assert '.' in css.rsplit('/', 1)[1].rsplit('.css', 1)[0], css  # hashed name\n"
        "print('ok', css)\n"
    )
    clean = {
        k: v for k, v in os.environ.items() if k not in ("SECRET_KEY", "DEBUG", "ALLOWED_HOSTS")
    }
    hasil = subprocess.run(
        [sys.executable, "-c", kode],
        cwd=ROOT,
        env={
            **clean,
            "DJANGO_SETTINGS_MODULE": "config.settings",
            "DEBUG": "0",
            "SECRET_KEY": "test-runtime-key-" + "x" * 40,
            "ALLOWED_HOSTS": "testserver",
            "SECURE_SSL_REDIRECT": "0",
            "STATIC_ROOT": str(tmp_path / "static"),
            "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        },
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert hasil.returncode == 0, hasil.stderr[-3000:]
    assert hasil.stdout.startswith("ok /static/")
