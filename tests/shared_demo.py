"""The Riverton demo built once for the many tests that read it (ADR 73).

Building the demo (a year of back-dated history, its kept counts and near pairs) is the largest
set-up of the suite, and some fifty tests of the reports, the pages and the demo itself read it.
They ask for it as `riverton_at_meeting` (built as at the day of the board meeting the reports
are dated) or `riverton_today` (as at today, for the pages). The tests asking for one of them are
run one after another (`pytest_collection_modifyitems`); the demo is built in a transaction opened
before the first of them and rolled back after the last (`pytest_runtest_teardown`). Each test
runs in a savepoint of it (pytest-django's `db`), so it starts from the demo as built whatever the
one before it stored, and gets the partnership read afresh. A test that asks for it out of that
run (the tests put in another order) builds a demo of its own, as every test did before.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING

import pytest
from django.db import transaction
from django.test import override_settings
from django.utils import timezone

if TYPE_CHECKING:  # the models are imported once Django is set up (the importer's tests run without it)
    from actionplan.demo.riverton import Demo

# The reports' day: the demo as the board saw it at its meeting of 21 November 2026.
DEMO_DAY = date(2026, 11, 21)
DAYS: dict[str, Callable[[], date]] = {
    "riverton_at_meeting": lambda: DEMO_DAY,
    "riverton_today": timezone.localdate,
}
# What tests/conftest.py's own fixtures set for every test, set for the build as well, since it
# runs before them: cheap passwords, and background work done at once, as each test's own build.
BUILT_AS_IN_A_TEST = {
    "PASSWORD_HASHERS": ["django.contrib.auth.hashers.MD5PasswordHasher"],
    "TASKS": {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}},
}


class SharedDemo:
    """The demo built as at `day`, in a transaction left open while the tests reading it run."""

    def __init__(self, blocker) -> None:
        self.blocker = blocker
        self.day: date | None = None
        self.built: Demo | None = None
        self.atomic: transaction.Atomic | None = None

    def open(self, day: date) -> None:
        from actionplan.demo import build_demo

        if self.day == day:
            return
        self.close()
        with self.blocker.unblock(), override_settings(**BUILT_AS_IN_A_TEST):
            self.atomic = transaction.atomic()
            self.atomic.__enter__()
            try:
                self.built = build_demo(day)
            except BaseException:
                self.close()
                raise
        self.day = day

    def close(self) -> None:
        if self.atomic is not None:
            with self.blocker.unblock():
                transaction.set_rollback(True)
                self.atomic.__exit__(None, None, None)
        self.atomic, self.built, self.day = None, None, None

    def read(self, day: date) -> Demo:
        """The demo as built, its partnership read afresh so that no test sees another's changes
        in memory; built in the test's own transaction when the shared one is not open for `day`."""
        from actionplan.demo import build_demo
        from actionplan.plans.models import Partnership

        if self.day != day or self.built is None:
            return build_demo(day, replace=True)
        return replace(self.built, partnership=Partnership.objects.get(pk=self.built.partnership.pk))


SHARED: SharedDemo | None = None


@pytest.fixture(scope="session")
def shared_demo(django_db_setup, django_db_blocker) -> Iterator[SharedDemo]:
    global SHARED
    SHARED = SharedDemo(django_db_blocker)
    yield SHARED
    SHARED.close()
    SHARED = None


# Opened by a fixture wider than a test's, so that the transaction begins before the test's own
# (`db`); opening it again for the next module is a no-op while it is open for the same day.
@pytest.fixture(scope="module")
def riverton_at_meeting_opened(shared_demo: SharedDemo) -> None:
    shared_demo.open(DEMO_DAY)


@pytest.fixture(scope="module")
def riverton_today_opened(shared_demo: SharedDemo) -> None:
    shared_demo.open(timezone.localdate())


def refuse_transactional(request: pytest.FixtureRequest) -> None:
    marker = request.node.get_closest_marker("django_db")
    if "transactional_db" in request.fixturenames or (marker and marker.kwargs.get("transaction")):
        pytest.fail("the shared demo lives in a transaction: a transactional test builds a demo of its own")


@pytest.fixture
def riverton_at_meeting(request, riverton_at_meeting_opened, shared_demo: SharedDemo, db) -> Demo:
    refuse_transactional(request)
    return shared_demo.read(DEMO_DAY)


@pytest.fixture
def riverton_today(request, riverton_today_opened, shared_demo: SharedDemo, db) -> Demo:
    refuse_transactional(request)
    return shared_demo.read(timezone.localdate())


def day_wanted(item: pytest.Item) -> date | None:
    names = getattr(item, "fixturenames", ())
    return next((day() for name, day in DAYS.items() if name in names), None)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The tests reading the same demo run one after another, where the first of them was."""
    first: dict[str, int] = {}

    def place(numbered: tuple[int, pytest.Item]) -> tuple[int, int]:
        index, item = numbered
        names = getattr(item, "fixturenames", ())
        name = next((name for name in DAYS if name in names), None)
        return (first.setdefault(name, index) if name else index, index)

    items[:] = [item for _, item in sorted(enumerate(items), key=place)]


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item: pytest.Item, nextitem: pytest.Item | None) -> Iterator[None]:
    """After the last test of a run reading the demo, its transaction is rolled back: the next
    test finds the database as if it had never been built."""
    try:
        return (yield)
    finally:
        if SHARED is not None and SHARED.day is not None and (
            nextitem is None or day_wanted(nextitem) != SHARED.day
        ):
            SHARED.close()
