"""E-mail and the background work: reminders, notices, reports produced by the worker, drafts."""

from __future__ import annotations

import os

from actionplan.settings.environment import DATA_DIR, PRODUCTION, env_flag

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
