"""Browser tests: Playwright drives Debian's Chromium against a live server of the application.

No browser is downloaded: the tests use /usr/bin/chromium, which `make test` installs from
Debian, and are skipped (saying why) where it is missing.
"""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from browser import CHROMIUM

from personas import *  # noqa: F403

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page
    from pytest_django.live_server_helper import LiveServer

    from actionplan.demo.riverton import Demo


@pytest.fixture(scope="module")
def allow_orm_beside_playwright() -> Iterator[None]:
    """Playwright's sync API runs an event loop in the test's thread, which makes Django refuse
    the test's own (plain, synchronous) database calls. Allowed only while a browser is open."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        yield


@pytest.fixture(scope="module")
def browser(allow_orm_beside_playwright: None) -> Iterator[Browser]:
    if not Path(CHROMIUM).exists() and not shutil.which(CHROMIUM):
        pytest.skip(f"Chromium not found at {CHROMIUM}: run `make test-packages` (Debian's chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser: Browser, live_server: LiveServer) -> Iterator[Page]:
    # The pages' Content-Security-Policy stays in force: axe-core is evaluated, not injected.
    context = browser.new_context(
        base_url=live_server.url, viewport={"width": 1280, "height": 900}, locale="en-GB"
    )
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


class BuiltDemo:
    """The demo built and committed once for the browser tests, kept as a copy of the whole
    database: each test's database is made that copy again (SQLite's backup, a few milliseconds)
    instead of building the demo again (5-21 s of set-up each at a load of 11). The live server's
    thread shares the test's in-memory database, so it serves the copy. On another database
    (the browser tests run in the SQLite run only) each test builds its own, as before."""

    def __init__(self) -> None:
        self.day: date | None = None
        self.built: Demo | None = None
        self.copy: sqlite3.Connection | None = None

    def copied_in(self) -> Demo:
        from django.db import connection

        from actionplan.demo import build_demo
        from actionplan.plans.models import Partnership

        if not (connection.vendor == "sqlite" and connection.is_in_memory_db()):
            return build_demo(date.today())
        if self.day != date.today():
            self.build()
        assert self.built is not None and self.copy is not None
        connection.ensure_connection()
        self.copy.backup(connection.connection)
        forget_content_types()
        return replace(self.built, partnership=Partnership.objects.get(pk=self.built.partnership.pk))

    def build(self) -> None:
        """Built by the first test asking for it, in its own database (which the copy then
        replaces, the same), with its settings: cheap passwords, background work done at once."""
        from django.db import connection

        from actionplan.demo import build_demo

        self.close()
        self.built = build_demo(date.today())
        self.copy = copied(connection.connection)
        self.day = date.today()

    def close(self) -> None:
        if self.copy is not None:
            self.copy.close()
        self.day, self.built, self.copy = None, None, None


def copied(database: sqlite3.Connection) -> sqlite3.Connection:
    copy = sqlite3.connect(":memory:", check_same_thread=False)
    database.backup(copy)
    return copy


def forget_content_types() -> None:
    """Django keeps the content types it has read; the copy's may have other ids."""
    from django.contrib.contenttypes.models import ContentType

    ContentType.objects.clear_cache()


@pytest.fixture(scope="session")
def built_demo() -> Iterator[BuiltDemo]:
    built = BuiltDemo()
    yield built
    built.close()


@pytest.fixture
def demo(transactional_db: None, built_demo: BuiltDemo) -> Demo:
    return built_demo.copied_in()
