"""The applications, middleware, templates, language, static files and logging of the site."""

from __future__ import annotations

import os

from actionplan.settings.environment import DATA_DIR, PRODUCTION

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
        "OPTIONS": {
            "environment": "actionplan.web.jinja.environment",
            "context_processors": ["actionplan.web.jinja.csrf_once"],
        },
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

# The record is never rewritten: a revert through the admin would skip the status and assurance
# rules and send an action's version backwards. Corrections are new entries.
SIMPLE_HISTORY_REVERT_DISABLED = True

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

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    # django-axes announces itself at every start, which would clutter every command's output.
    "loggers": {"axes.apps": {"level": "WARNING"}},
}
