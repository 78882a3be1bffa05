"""A quarter of daily runs with a frozen clock: the right people get the right notices on the
right days, once each, and nobody hears of what is not theirs."""

from __future__ import annotations

from collections import defaultdict
from datetime import date

import pytest
from django.core import mail
from quarter import build, post_update, run_quarter

from actionplan.plans.status import DeliveryStatus, StatusChange
from actionplan.plans.updates import record_progress
from actionplan.reminders.models import KINDS, Meeting, Notice
from actionplan.reminders.preferences import save_preferences

pytestmark = pytest.mark.django_db


@pytest.fixture
def quarter(partnership, police, alice, bob, dave, eve):
    built = build(partnership, police, alice, bob, dave, eve)
    Meeting.objects.create(
        partnership=partnership, name="Board", held_on=date(2026, 6, 12), papers_due=date(2026, 6, 5)
    )
    return built


@pytest.fixture
def sent(quarter):
    # Health posts an update on 20 April, so its "no update" clock starts again then.
    update_day = date(2026, 4, 20)
    return run_quarter(quarter, {update_day: lambda: post_update(quarter.due_in_june, update_day)})


def by_person(sent):
    found = defaultdict(list)
    for day, message in sent:
        (address,) = message.to
        found[address].append((day, message))
    return found


def test_each_lead_is_told_on_the_right_days_and_no_more(sent):
    people = by_person(sent)
    assert [day for day, _ in people["bob@example.org"]] == [
        date(2026, 4, 17),  # 28 days before 15 May
        date(2026, 4, 24),  # 30 days without an update since it was recorded on 25 March
        date(2026, 5, 8),  # 7 days before
        date(2026, 5, 16),  # the day it became overdue
        date(2026, 5, 21),  # 10 working days before the papers deadline of 5 June (25 May a holiday)
    ]
    assert [day for day, _ in people["hana@example.org"]] == [
        date(2026, 5, 13),  # 28 days before 10 June
        date(2026, 5, 20),  # 30 days after its update of 20 April
        date(2026, 5, 21),  # updates wanted for the board
        date(2026, 6, 3),  # 7 days before
        date(2026, 6, 11),  # overdue
    ]


def test_what_each_e_mail_says(sent):
    people = by_person(sent)
    day, overdue = people["bob@example.org"][3]
    assert overdue.subject == "Riverton Safeguarding Children Partnership: 1 action needs your attention"
    assert "Now overdue" in overdue.body and "Brief every response officer on escalation." in overdue.body
    assert "was due 15 May 2026" in overdue.body
    action_id = Notice.objects.filter(kind="overdue", recipient__username="bob").get().action_id
    assert f"http://127.0.0.1:8000/actions/{action_id}/" in overdue.body
    html, kind = overdue.alternatives[0]
    assert kind == "text/html" and "<table>" in html and "Brief every response officer" in html
    assert "as a lead for Riverton Police" in overdue.body
    _, wanted = people["bob@example.org"][4]
    assert "Updates wanted for Board: papers due 5 June 2026" in wanted.body


def test_nobody_hears_of_what_is_not_theirs(sent, quarter):
    people = by_person(sent)
    assert set(people) == {
        "alice@example.org", "bob@example.org", "hana@example.org", "eve@example.org", "olga@example.org"
    }
    # Dave only reads; Ivan no longer signs in: neither is written to.
    for address, messages in people.items():
        for _, message in messages:
            body = message.body
            assert "A closed plan's action." not in body and "Already implemented." not in body
            if address != "olga@example.org" and address != "eve@example.org":
                assert "Another partnership's action." not in body
            if address == "bob@example.org":
                assert "Audit health visitor records" not in body
            if address == "hana@example.org":
                assert "Brief every response officer" not in body
            if address in {"eve@example.org", "olga@example.org"}:
                assert "Brief every response officer" not in body and "Audit health visitor" not in body


def test_admins_get_a_weekly_digest_on_mondays(sent):
    digests = by_person(sent)["alice@example.org"]
    # The first run, on Wednesday 1 April, sends the digest of Monday 30 March it finds unsent.
    assert digests[0][0] == date(2026, 4, 1)
    assert [day.weekday() for day, _ in digests[1:]] == [0] * 13
    newly_overdue = [day for day, message in digests if "Brief every" in message.body.split("Slipped")[0]]
    assert newly_overdue == [date(2026, 5, 18)]
    assert all(message.subject.endswith("weekly digest of action plans") for _, message in digests)


def test_one_e_mail_per_person_per_run_and_every_notice_sent_once(sent):
    per_day = defaultdict(int)
    for day, message in sent:
        per_day[(day, message.to[0])] += 1
    assert set(per_day.values()) == {1}
    assert not Notice.objects.exclude(state=Notice.State.SENT).exists()


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
