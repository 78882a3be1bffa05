"""The demo shared by the tests that read it (tests/shared_demo.py): built once, each test starting
from it as built, and gone for the tests after them."""

from __future__ import annotations

import pytest

from actionplan.demo import content
from actionplan.plans.models import Action, Partnership, User

pytestmark = pytest.mark.django_db
SEEN: dict[str, int] = {}


def test_a_test_may_change_the_shared_demo(riverton_at_meeting):
    SEEN["partnership"] = riverton_at_meeting.partnership.pk
    SEEN["actions"] = Action.objects.count()
    riverton_at_meeting.partnership.name = "Renamed in a test"
    riverton_at_meeting.partnership.save()
    Action.objects.all().update(text="Changed in a test")
    User.objects.filter(username="dave").delete()  # a viewer: nothing written by him


def test_the_next_starts_from_the_same_demo_as_built(riverton_at_meeting):
    if not SEEN:
        pytest.skip("checks what the test before it changed: run the file whole")
    assert riverton_at_meeting.partnership.pk == SEEN["partnership"]  # built once, not again
    assert riverton_at_meeting.partnership.name == content.PARTNERSHIP
    assert Action.objects.count() == SEEN["actions"]
    assert not Action.objects.filter(text="Changed in a test").exists()
    assert User.objects.filter(username="dave").exists()


def test_a_test_without_the_demo_finds_none_of_it(django_user_model):
    assert not Partnership.objects.filter(name=content.PARTNERSHIP).exists()
    assert not Action.objects.exists()
    django_user_model.objects.create_user("alice")  # the demo's alice is gone


def test_the_pages_demo_is_built_as_at_today(riverton_today):
    assert riverton_today.partnership.name == content.PARTNERSHIP
    assert not Partnership.objects.exclude(pk=riverton_today.partnership.pk).exists()
