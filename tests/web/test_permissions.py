"""Who may open and post what: every page × every role × objects of two partnerships and agencies.

The cases live by area in test_permissions_<area>.py (each run there by `role_matrix`); this module
gathers them all, so that a page no area names fails here.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.urls import resolve
from permission_matrix import Case

from actionplan.web.urls import urlpatterns

pytestmark = pytest.mark.django_db


def every_case() -> Iterator[Case]:
    """The cases of every area's module, found by name so that a new area cannot be left out."""
    for module in sorted(Path(__file__).parent.glob("test_permissions_*.py")):
        yield from importlib.import_module(module.stem).CASES


def test_the_matrix_covers_every_page(world):
    covered = {resolve(case.path(world).split("?")[0]).url_name for case in every_case()}
    pages = {pattern.name for pattern in urlpatterns}
    # Signing in and the password pages reached from e-mails have their own tests.
    by_e_mail = {name for name in pages if name.startswith("password_reset")}
    assert pages - covered == {"login", "logout", "password_change_done", *by_e_mail}
