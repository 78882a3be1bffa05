"""The Jinja2 environment for the product's pages."""

from __future__ import annotations

from typing import Any

from django.templatetags.static import static
from django.urls import reverse
from jinja2 import Environment


def environment(**options: Any) -> Environment:
    # Autoescape is on for every page: imported cells may hold HTML and must show as text.
    options["autoescape"] = True
    env = Environment(**options)
    env.globals.update({"static": static, "url": reverse})
    return env
