"""The one settings module. Everything that differs between machines comes from the environment.

Development needs nothing set: the database is a SQLite file and the secret key is generated
once into the data directory. Production sets DATABASE_URL, SECRET_KEY, ALLOWED_HOSTS and
ACTIONPLAN_PRODUCTION=1 (see docs/deployment.md).
"""

from __future__ import annotations

import os
import secrets
from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF


def env_flag(name: str, default: bool = False) -> bool:
    return os.environ.get(name, "1" if default else "0").strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [part.strip() for part in os.environ.get(name, default).split(",") if part.strip()]


def read_or_create_secret_key(data_dir: Path) -> str:
    """Keep a generated key in the data directory so sessions survive restarts."""
    key_file = data_dir / "secret_key"
    if not key_file.exists():
        data_dir.mkdir(parents=True, exist_ok=True)
        key_file.write_text(secrets.token_urlsafe(50))
        key_file.chmod(0o600)
    return key_file.read_text().strip()


PACKAGE_DIR = Path(__file__).resolve().parent
DATA_DIR = Path(os.environ.get("ACTIONPLAN_DATA_DIR", "var")).resolve()
PRODUCTION = env_flag("ACTIONPLAN_PRODUCTION")

SECRET_KEY = os.environ.get("SECRET_KEY") or read_or_create_secret_key(DATA_DIR)
DEBUG = env_flag("DEBUG")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{DATA_DIR / 'actionplan.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # SQLite makes the file but not its folder, which a first `migrate` with SECRET_KEY set
    # (so no generated key has made it either) would otherwise find missing.
    Path(DATABASES["default"]["NAME"]).parent.mkdir(parents=True, exist_ok=True)
    # Several people saving at once: a write transaction takes the write lock when it begins
    # (IMMEDIATE), so it waits its turn, up to `timeout` seconds, instead of failing with
    # "database is locked" when a read inside it turns into a write. WAL lets pages be read
    # while someone saves.
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": int(os.environ.get("SQLITE_BUSY_TIMEOUT", "20")),
        "init_command": "PRAGMA journal_mode=WAL;",
    }
elif DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql" and not env_flag("DATABASE_JIT"):
    # PostgreSQL compiles a query to machine code once its estimated cost is high, which the
    # dashboard's counts over 100,000 actions are: compiling took 0.6 s of a 1.0 s query, every
    # time (docs/adr/0045). The pages' queries are short; they run faster uncompiled.
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = "-c jit=off"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "simple_history",
    "axes",
    "csp",
    "django_tasks",
    "django_tasks_db",
    "actionplan.plans",
    "actionplan.reminders",
    "actionplan.learning",  # search, themes, recurring learning
    "actionplan.web",
    "actionplan.cli",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Before anything reads the body: an oversized request is refused unread.
    "actionplan.web.middleware.RequestBodyLimitMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Records who made each change in the history tables.
    "simple_history.middleware.HistoryRequestMiddleware",
    # Last, as django-axes asks: it turns locked-out sign-ins into the lock-out page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "actionplan.urls"
WSGI_APPLICATION = "actionplan.wsgi.application"

TEMPLATES = [
    {
        # Pages of the product are Jinja2; the Django admin keeps its own templates.
        "BACKEND": "django.template.backends.jinja2.Jinja2",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {"environment": "actionplan.web.jinja.environment"},
    },
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ]
        },
    },
]

AUTH_USER_MODEL = "plans.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",  # refuses sign-in while locked out
    "django.contrib.auth.backends.ModelBackend",
]
# Failed sign-ins lock a username from one address after AXES_FAILURE_LIMIT tries, and from every
# address after ACTIONPLAN_USERNAME_FAILURE_LIMIT (web/lockout.py says why both).
AXES_HANDLER = "actionplan.web.lockout.TwoCapsHandler"
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"], "username"]
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
ACTIONPLAN_USERNAME_FAILURE_LIMIT = int(os.environ.get("ACTIONPLAN_USERNAME_FAILURE_LIMIT", "20"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("AXES_COOLOFF_MINUTES", "15")))
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "actionplan.web.views.auth.locked_out"
# The client's address, for the lock-out. AXES_IPWARE_PROXY_COUNT in the environment is the number
# of proxies in front of gunicorn (0: people connect directly, REMOTE_ADDR is theirs). Each proxy
# appends the address it was reached from to X-Forwarded-For, so the header ends with the client's
# address followed by the inner proxies'; django-ipware counts only those inner ones. A header
# of any other length was partly written by the client: ipware's strict check then falls back to
# REMOTE_ADDR, so forged addresses all share the proxy's one count instead of escaping it.
TRUSTED_PROXIES = int(os.environ.get("AXES_IPWARE_PROXY_COUNT", "1" if PRODUCTION else "0"))
AXES_IPWARE_PROXY_COUNT = max(TRUSTED_PROXIES - 1, 0)
AXES_IPWARE_PROXY_ORDER = "left-most"
AXES_IPWARE_META_PRECEDENCE_ORDER = (
    ("HTTP_X_FORWARDED_FOR", "REMOTE_ADDR") if TRUSTED_PROXIES else ("REMOTE_ADDR",)
)
IPWARE_STRICT = True
# Optional single sign-on through the council's or NHS organisation's OpenID Connect provider,
# on when OIDC_RP_CLIENT_ID is set. Only people who already have an account (matched by e-mail
# address) may sign in this way: their partnership and role are still given in the admin.
OIDC_ENABLED = bool(os.environ.get("OIDC_RP_CLIENT_ID"))
if OIDC_ENABLED:
    INSTALLED_APPS.append("mozilla_django_oidc")
    AUTHENTICATION_BACKENDS.append("mozilla_django_oidc.auth.OIDCAuthenticationBackend")
    OIDC_RP_CLIENT_ID = os.environ["OIDC_RP_CLIENT_ID"]
    OIDC_RP_CLIENT_SECRET = os.environ.get("OIDC_RP_CLIENT_SECRET", "")
    OIDC_RP_SIGN_ALGO = os.environ.get("OIDC_RP_SIGN_ALGO", "RS256")
    OIDC_OP_AUTHORIZATION_ENDPOINT = os.environ.get("OIDC_OP_AUTHORIZATION_ENDPOINT", "")
    OIDC_OP_TOKEN_ENDPOINT = os.environ.get("OIDC_OP_TOKEN_ENDPOINT", "")
    OIDC_OP_USER_ENDPOINT = os.environ.get("OIDC_OP_USER_ENDPOINT", "")
    OIDC_OP_JWKS_ENDPOINT = os.environ.get("OIDC_OP_JWKS_ENDPOINT", "")
    OIDC_CREATE_USER = False
    missing = [
        name
        for name in (
            "OIDC_RP_CLIENT_SECRET",
            "OIDC_OP_AUTHORIZATION_ENDPOINT",
            "OIDC_OP_TOKEN_ENDPOINT",
            "OIDC_OP_USER_ENDPOINT",
            "OIDC_OP_JWKS_ENDPOINT",
        )
        if not os.environ.get(name)
    ]
    if missing:
        from django.core.exceptions import ImproperlyConfigured

        raise ImproperlyConfigured(f"OIDC_RP_CLIENT_ID is set, so these must be too: {', '.join(missing)}")
    LOGIN_REDIRECT_URL_FAILURE = "/sign-in/"
# The record is never rewritten: a revert through the admin would skip the status and assurance
# rules and send an action's version backwards. Corrections are new entries.
SIMPLE_HISTORY_REVERT_DISABLED = True
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "dashboard"
LOGOUT_REDIRECT_URL = "login"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
# collectstatic gathers files here in production; elsewhere they are served from the apps.
STATIC_ROOT = DATA_DIR / "static" if PRODUCTION else None
MEDIA_ROOT = DATA_DIR / "uploads"
# Static files come straight from the apps outside production, so `make demo` needs no build step.
WHITENOISE_USE_FINDERS = not PRODUCTION
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if PRODUCTION
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}

EMAIL_BACKEND = os.environ.get(
    "EMAIL_BACKEND",
    "django.core.mail.backends.smtp.EmailBackend"
    if PRODUCTION
    else "django.core.mail.backends.filebased.EmailBackend",
)
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_flag("EMAIL_USE_TLS")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "actionplan@localhost")

# Reminders and notices (docs/reminders.md). Outside production each e-mail is written to a file
# in $ACTIONPLAN_DATA_DIR/mail, so the demo shows what would be sent. Background work runs in
# `actionplan worker`, its queue kept in the database; ACTIONPLAN_TASKS_BACKEND names another.
EMAIL_FILE_PATH = DATA_DIR / "mail"
TASKS_BACKEND = os.environ.get("ACTIONPLAN_TASKS_BACKEND", "django_tasks_db.DatabaseBackend")
TASKS = {"default": {"BACKEND": TASKS_BACKEND}}
# Reports asked for on the pages are produced by the worker and kept here, outside anything served
# as it is, for this many days after they were last asked for (docs/deployment.md); one being
# produced for longer than the timeout is taken as abandoned (its worker stopped).
REPORT_FILES_DIR = DATA_DIR / "reports"
ACTIONPLAN_REPORT_RETENTION_DAYS = int(os.environ.get("ACTIONPLAN_REPORT_RETENTION_DAYS", "7"))
ACTIONPLAN_REPORT_TIMEOUT_MINUTES = int(os.environ.get("ACTIONPLAN_REPORT_TIMEOUT_MINUTES", "30"))
# The address people reach the site at: the links in e-mails start with it.
ACTIONPLAN_SITE_URL = os.environ.get("ACTIONPLAN_SITE_URL", "http://127.0.0.1:8000").rstrip("/")
# A notice claimed by a runner that then stopped is sent again after this many minutes.
# An import in progress not changed for this many days is removed (`actionplan clear-drafts`).
ACTIONPLAN_IMPORT_DRAFT_DAYS = int(os.environ.get("ACTIONPLAN_IMPORT_DRAFT_DAYS", "30"))
ACTIONPLAN_NOTICE_LEASE_MINUTES = int(os.environ.get("ACTIONPLAN_NOTICE_LEASE_MINUTES", "15"))
# GOV.UK Notify instead of SMTP: its API key and an e-mail template of ((subject)) and ((body)).
NOTIFY_API_KEY = os.environ.get("NOTIFY_API_KEY", "")
NOTIFY_TEMPLATE_ID = os.environ.get("NOTIFY_TEMPLATE_ID", "")
NOTIFY_BASE_URL = os.environ.get("NOTIFY_BASE_URL", "https://api.notifications.service.gov.uk")

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_AGE = 8 * 60 * 60  # a working day: shared office machines are common
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

# The most one request may carry (an import of a 20 MB plan, with room for the form). Bigger
# bodies are refused with 413 before they are read; the proxy should refuse them first.
MAX_REQUEST_BYTES = int(os.environ.get("ACTIONPLAN_MAX_REQUEST_MB", "25")) * 2**20
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440  # form fields other than files: 2.5 MB is ample for text
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440  # larger uploads go to a temporary file while parsed
DATA_UPLOAD_MAX_NUMBER_FILES = 20
DATA_UPLOAD_MAX_NUMBER_FIELDS = 2000

# Content-Security-Policy: everything from this site, no inline script or style. The one inline
# script allowed, by its hash, is GOV.UK Frontend's page template marking the body as
# JavaScript-capable (the hash GOV.UK Frontend documents; tests/web/test_headers.py checks it).
GOVUK_TEMPLATE_SCRIPT_HASH = "'sha256-GUQ5ad8JK5KmEWmROf3LZd9ge94daqNvd8xy9YS1iDw='"
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, GOVUK_TEMPLATE_SCRIPT_HASH],
        "style-src": [SELF],
        "img-src": [SELF],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [NONE],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}
if PRODUCTION:
    # Behind a TLS-terminating proxy; every cookie and redirect is HTTPS-only.
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_SSL_REDIRECT = env_flag("SECURE_SSL_REDIRECT", True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "31536000"))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = env_flag("SECURE_HSTS_PRELOAD", True)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    # django-axes announces itself at every start, which would clutter every command's output.
    "loggers": {"axes.apps": {"level": "WARNING"}},
}
