"""The Jinja2 environment for the product's pages: GOV.UK Frontend macros and our presenters."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.messages import get_messages
from django.templatetags.static import static
from django.urls import reverse
from jinja2 import ChoiceLoader, Environment, PackageLoader, PrefixLoader

from actionplan.plans import permissions

from . import presenters
from .reminder_forms import meeting_dates


def url(name: str, *args: Any, **kwargs: Any) -> str:
    return reverse(name, args=args or None, kwargs=kwargs or None)


def static_prefix() -> str:
    """Where static files are served from; for folders, which the manifest of files cannot name."""
    return str(settings.STATIC_URL)


def single_sign_on() -> bool:
    return bool(settings.OIDC_ENABLED)


def environment(**options: Any) -> Environment:
    # Autoescape is on for every page: imported cells may hold HTML and must show as text.
    options["autoescape"] = True
    options["loader"] = ChoiceLoader(
        [
            options["loader"],
            PrefixLoader({"govuk_frontend_jinja": PackageLoader("govuk_frontend_jinja")}),
        ]
    )
    env = Environment(**options)
    env.globals.update(
        {
            "static": static,
            "static_prefix": static_prefix,
            "single_sign_on": single_sign_on,
            "url": url,
            "get_messages": get_messages,
            "permissions": permissions,
            "meeting_dates": meeting_dates,
            **{name: getattr(presenters, name) for name in presenters.__all__},
        }
    )
    env.filters.update({"day": presenters.day, "moment": presenters.moment})
    return env
