"""The demo shared by the tests that read it (tests/shared_demo.py): built once, each test starting
from it as built, and gone for the tests after them."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from actionplan.demo import content
from actionplan.plans.models import Action, Partnership, User
from shared_demo import DEMO_DAY, SharedDemo


@pytest.fixture
def next_test_finds(shared_demo: SharedDemo, django_db_blocker) -> Iterator[dict[str, object]]:
    """Asked for before the demo, so it is set up before the test's savepoint (`db`, which is why
    the test has no django_db mark: pytest-django's mark sets `db` up first) and checks, once that
    savepoint is rolled back, what the next test reading the demo would be given."""
    seen: dict[str, object] = {}
    yield seen
    assert seen, "the test stopped before changing the demo"
    assert shared_demo.built is seen["built"], "built once, not again"
    with django_db_blocker.unblock():
        demo = shared_demo.read(DEMO_DAY)
        assert demo.partnership.pk == seen["partnership"]
        assert demo.partnership.name == content.PARTNERSHIP
        assert Action.objects.count() == seen["actions"]
        assert not Action.objects.filter(text="Changed in a test").exists()
        assert User.objects.filter(username="dave").exists()


def test_the_next_test_starts_from_the_demo_as_built_whatever_one_changed(
    next_test_finds, shared_demo, riverton_at_meeting
):
    next_test_finds.update(built=shared_demo.built, actions=Action.objects.count())
    next_test_finds["partnership"] = riverton_at_meeting.partnership.pk
    riverton_at_meeting.partnership.name = "Renamed in a test"
    riverton_at_meeting.partnership.save()
    Action.objects.all().update(text="Changed in a test")
    User.objects.filter(username="dave").delete()  # a viewer: nothing written by him
    # The changes are there for the rest of this test: what the check after it finds gone.
    assert Partnership.objects.get().name == "Renamed in a test"
    assert Action.objects.filter(text="Changed in a test").count() == next_test_finds["actions"] > 0
    assert not User.objects.filter(username="dave").exists()


@pytest.mark.django_db
def test_a_test_without_the_demo_finds_none_of_it(django_user_model):
    assert not Partnership.objects.filter(name=content.PARTNERSHIP).exists()
    assert not Action.objects.exists()
    django_user_model.objects.create_user("alice")  # the demo's alice is gone


def test_the_pages_demo_is_built_as_at_today(riverton_today):
    assert riverton_today.partnership.name == content.PARTNERSHIP
    assert not Partnership.objects.exclude(pk=riverton_today.partnership.pk).exists()
