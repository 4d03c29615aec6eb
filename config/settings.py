"""Settings, read from environment variables (12-factor).

Development defaults need no variables at all: SQLite in ``var/``, tasks run
in-process, DEBUG on. Production sets DEBUG=0 and must then provide
SECRET_KEY (the app refuses to start without it), ALLOWED_HOSTS,
DATABASE_URL and REDIS_URL.

The secret key: there is no constant development key in the code, so none can
reach production. With DEBUG on and SECRET_KEY unset, each process draws a
random key (fine for tests and one-off commands; sessions do not outlive the
process). ``make run`` exports a key it keeps in ``var/dev-secret-key``
(created once by the Makefile, mode 0600), so logins survive the autoreloader.

Reading this module has no side effects: it creates no folders. ``var/`` is
made by the Makefile targets and ``.ci/run``; the code that writes files
(uploads, generated documents, the part cache) creates its own folders.

A boolean or integer variable with a value that cannot be read (``DEBUG=flase``)
stops the start with ImproperlyConfigured instead of silently meaning "off".
"""

from __future__ import annotations

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.core.management.utils import get_random_secret_key

BASE_DIR = Path(__file__).resolve().parent.parent

# Lower case: upper-case names in this module would become Django settings.
_true_words = frozenset({"1", "true", "yes", "on"})
_false_words = frozenset({"0", "false", "no", "off"})


def env_bool(name: str, default: bool) -> bool:
    """A yes/no variable; a typo is an error, not "no" (DEBUG=flase must not look like off)."""
    value = os.environ.get(name, "").strip().lower()
    if value == "":
        return default
    if value in _true_words:
        return True
    if value in _false_words:
        return False
    raise ImproperlyConfigured(
        f"{name}={os.environ[name]!r} tidak dikenali: gunakan 1/0, true/false, yes/no atau on/off."
    )


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name, "").strip()
    if value == "":
        return default
    try:
        return int(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name}={os.environ[name]!r} bukan bilangan bulat.") from None


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG", True)

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        # A guessable key in production lets anyone forge sessions and CSRF tokens.
        raise ImproperlyConfigured("SECRET_KEY wajib diisi bila DEBUG=0 (production).")
    # Development only: a random key per process (see the module docstring for `make run`).
    SECRET_KEY = get_random_secret_key()

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,testserver" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "rest_framework",
    "drf_spectacular",
    "django_htmx",
    "simple_history",
    "inti",
    "renja",
    "kepegawaian",
    "evaluasi",
    "dokumen",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Django's LoginRequiredMiddleware (with /admin/ too sent to the one login page): every
    # view requires a session unless marked @login_not_required (contract §6): the login
    # page (Django marks it), /healthz. Static files never reach it (WhiteNoise above).
    "config.middleware.LoginRequiredMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "renja.context_processors.konteks_kerja",
            ],
        },
    },
]

# SQLite by default, in the git-ignored var/ folder (made by `make run`/`make test` and
# .ci/run, not here); DATABASE_URL selects another database
# (postgres://user@host:5432/name, sqlite:////abs/path).
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'var' / 'db.sqlite3'}",
        conn_max_age=env_int("DB_CONN_MAX_AGE", 60),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Imports run in one long transaction; WAL lets the web process keep reading meanwhile.
    DATABASES["default"].setdefault("OPTIONS", {})
    DATABASES["default"]["OPTIONS"].update(
        {"transaction_mode": "IMMEDIATE", "init_command": "PRAGMA journal_mode=WAL;"}
    )
    DATABASES["default"]["CONN_MAX_AGE"] = 0

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LOGIN_URL = "/accounts/login/"
LOGIN_REDIRECT_URL = "/"
LOGOUT_REDIRECT_URL = "/accounts/login/"

LANGUAGE_CODE = "id"
LANGUAGES = [("id", "Bahasa Indonesia")]
TIME_ZONE = "Asia/Jakarta"
USE_I18N = True
USE_TZ = True
# Figures are shown the Indonesian way (1.234.567,89) by one explicit filter, ``angka``
# (inti/templatetags/angka.py), never by template localisation: with Django's thousand
# separator on, every integer a template prints is grouped too, so a primary key turns into
# "5.125" inside an element id or hx-vals and a year into "2.024", and each template had to
# guard them one by one.
USE_THOUSAND_SEPARATOR = False

STATIC_URL = "/static/"
# collectstatic creates STATIC_ROOT; nothing else reads it (WhiteNoise serves from the
# finders while DEBUG is on).
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "var" / "static"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "var" / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

# Celery: REDIS_URL set = a real broker and worker; unset = tasks run in-process
# (eager), so a fresh checkout works without Redis.
REDIS_URL = os.environ.get("REDIS_URL", "")
CELERY_BROKER_URL = REDIS_URL or "memory://"
CELERY_RESULT_BACKEND = REDIS_URL or None
CELERY_TASK_ALWAYS_EAGER = not REDIS_URL
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TIMEZONE = TIME_ZONE
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_TIME_LIMIT = env_int("CELERY_TASK_TIME_LIMIT", 600)
CELERY_TASK_SOFT_TIME_LIMIT = CELERY_TASK_TIME_LIMIT - 30
CELERY_BEAT_SCHEDULE: dict[str, dict[str, object]] = {
    # Generated files and cached document parts expire; beat removes them nightly.
    "dokumen-bersihkan": {"task": "dokumen.tasks.bersihkan_tugas", "schedule": 24 * 3600},
    # Stored tables of agencies whose data moved are recomputed, so pages find them ready.
    "evaluasi-hitung-ulang": {"task": "evaluasi.tasks.hitung_ulang_basi_tugas", "schedule": 60},
}

# Documents: generated files live this many days (the newest good file of each document
# is kept regardless); cached parts (chapters, tables) are kept while used.
DOKUMEN_SIMPAN_HARI = env_int("DOKUMEN_SIMPAN_HARI", 30)
DOKUMEN_CACHE_DIR = Path(os.environ.get("DOKUMEN_CACHE_DIR", MEDIA_ROOT / "bagian"))
# After a change, the changed parts of a document render side by side in this many forked
# processes (1: one after the other).
DOKUMEN_PROSES_RENDER = env_int("DOKUMEN_PROSES_RENDER", 2)

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "COERCE_DECIMAL_TO_STRING": True,
}
SPECTACULAR_SETTINGS = {"TITLE": "SAKIP Renja API", "VERSION": "0.1.0"}

# Security: strict by default in production, each switch overridable for
# deployments behind a TLS-terminating proxy on a closed intranet.
if not DEBUG:
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SESSION_COOKIE_SECURE = env_bool("SESSION_COOKIE_SECURE", True)
    CSRF_COOKIE_SECURE = env_bool("CSRF_COOKIE_SECURE", True)
    SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
    SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
    if env_bool("BEHIND_PROXY", True):
        SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    # The container health check speaks plain HTTP inside the network.
    SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    # WeasyPrint logs every layout step at INFO; fontTools every subsetting detail.
    "loggers": {
        "weasyprint": {"level": "WARNING"},
        "weasyprint.progress": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
    },
}
