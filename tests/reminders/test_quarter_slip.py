"""A slip through a quarter of daily runs moves the reminders and reaches the admin that day.

Apart from tests/reminders/test_quarter.py, whose quarter is built and run once for all its tests:
this one changes the quarter as it runs."""

from __future__ import annotations

from datetime import date

import pytest
from django.core import mail
from quarter import build_with_a_board_meeting, by_person, run_quarter

from actionplan.plans.status import DeliveryStatus, StatusChange
from actionplan.plans.updates import record_progress
from actionplan.reminders.models import KINDS
from actionplan.reminders.preferences import save_preferences

pytestmark = pytest.mark.django_db


@pytest.fixture
def quarter(partnership, police, alice, bob, dave, eve):
    return build_with_a_board_meeting(partnership, police, alice, bob, dave, eve)


def test_a_slip_through_the_quarter_moves_the_reminders_and_reaches_the_admin_that_day(
    quarter, alice, bob, django_capture_on_commit_callbacks
):
    save_preferences(alice, set(KINDS), daily={"status_slipped"})
    slip_day = date(2026, 5, 12)

    def slip() -> None:
        change = StatusChange(DeliveryStatus.SLIPPED, reason="Trainer left", revised_due=date(2026, 6, 30))
        with django_capture_on_commit_callbacks(execute=True):
            record_progress(quarter.overdue_in_may, bob, "Postponed", on=slip_day, change=change)
        assert not [m for m in mail.outbox if "Action slipped" in m.body]  # not at once: gathered

    people = by_person(run_quarter(quarter, {slip_day: slip}))
    slipped = [day for day, m in people["alice@example.org"] if "Action slipped" in m.body]
    assert slipped == [slip_day]  # gathered into that day's run, once
    bobs = {day: m.body for day, m in people["bob@example.org"]}
    assert not any("Now overdue" in body for body in bobs.values())  # no longer due 15 May
    assert "Due soon" in bobs[date(2026, 6, 2)] and "Due soon" in bobs[date(2026, 6, 23)]
