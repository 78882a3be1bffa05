"""The secret key, the hosts served, security headers, request limits and production's HTTPS."""

from __future__ import annotations

import os

from csp.constants import NONE, SELF

from actionplan.settings.environment import (
    DATA_DIR,
    PRODUCTION,
    env_flag,
    env_list,
    read_or_create_secret_key,
)

SECRET_KEY = os.environ.get("SECRET_KEY") or read_or_create_secret_key(DATA_DIR)
DEBUG = env_flag("DEBUG")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

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
