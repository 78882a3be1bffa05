"""Signing in: accounts, sessions, passwords, the lock-out after failed tries, and single sign-on."""

from __future__ import annotations

import os
from datetime import timedelta

from actionplan.settings.environment import PRODUCTION
from actionplan.settings.site import INSTALLED_APPS

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
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "dashboard"
LOGOUT_REDIRECT_URL = "login"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_AGE = 8 * 60 * 60  # a working day: shared office machines are common
