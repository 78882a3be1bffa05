"""A report as at a past meeting shows the record as it stood then: review codes of that day,
progress before a later correction, and the people who could update an agency's actions then."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.utils import timezone

from actionplan.plans.models import Action, User
from actionplan.plans.updates import correct_update, withdraw_update
from actionplan.reports import Scope, build_report, render
from actionplan.reports.names import who_could_update
from factories import AgencyFactory

from .conftest import DEMO_DAY

pytestmark = pytest.mark.django_db


def csv_of(partnership, on, scope=None) -> str:
    return render(build_report(partnership, scope or Scope(), on), "csv").content.decode()


def test_a_review_recoded_after_a_meeting_keeps_its_old_code_in_that_meetings_report(demo):
    review = demo.reviews.filter(recommendations__isnull=False).distinct().first()
    old = review.code
    before = csv_of(demo, DEMO_DAY)
    assert old in before
    review.code = "Renamed-Code-99"
    review.save()
    assert csv_of(demo, DEMO_DAY) == before
    assert "Renamed-Code-99" in csv_of(demo, timezone.localdate())
    # Asked for by today's code, the old report is titled with the code of its day.
    assert build_report(demo, Scope(review="Renamed-Code-99"), DEMO_DAY).scope == f"Review {old}"
    assert build_report(demo, Scope(review="Renamed-Code-99"), timezone.localdate()).scope == (
        "Review Renamed-Code-99"
    )


def test_a_correction_after_a_meeting_leaves_that_meetings_report_as_it_was(demo):
    action = Action.objects.filter(
        recommendation__plan__partnership=demo, updates__author__isnull=False
    ).distinct().first()
    update = action.updates.filter(kind="update").order_by("-written_on", "-id").first()
    before = csv_of(demo, DEMO_DAY)
    assert update.text in before
    correct_update(update, update.author, "Corrected wording of the update.", "figures were wrong")
    assert csv_of(demo, DEMO_DAY) == before
    today = csv_of(demo, timezone.localdate())
    assert "Corrected wording of the update." in today


def test_a_withdrawn_update_leaves_the_latest_progress_to_the_one_before(demo):
    action = Action.objects.filter(recommendation__plan__partnership=demo, updates__author__isnull=False)
    action = next(a for a in action.distinct() if a.updates.filter(kind="update").count() >= 2)
    newest, earlier = action.updates.filter(kind="update").order_by("-written_on", "-id")[:2]
    withdraw_update(newest, newest.author, "Posted on the wrong action")
    today = build_report(demo, Scope(), timezone.localdate())
    rows = [row for row in today.rows if row.action_id == action.pk]
    assert rows and rows[0].latest_progress == earlier.text


def back_date(person: User, day: date) -> None:
    """As if the person's account and agencies were set up on `day`."""
    when = timezone.make_aware(timezone.datetime.combine(day, timezone.datetime.min.time()))
    User.history.filter(id=person.pk).update(history_date=when)


def test_who_could_update_is_named_as_it_was(partnership, police, alice, bob, dave):
    health = AgencyFactory(partnership=partnership, name="Riverton NHS Trust")
    meeting = timezone.localdate() - timedelta(days=30)
    for person in (alice, bob, dave):
        back_date(person, meeting - timedelta(days=1))
    bob.agencies.set([health])  # today bob moves to leading the health trust's actions
    dave.role = User.Role.PARTNERSHIP_ADMIN
    dave.save()
    alice.is_active = False
    alice.save()
    names = {p.pk: f"{p.first_name} {p.last_name}".strip() or p.username for p in (alice, bob, dave)}
    then = who_could_update(partnership, {police.pk, health.pk}, meeting)
    assert then == {police.pk: sorted([names[alice.pk], names[bob.pk]]), health.pk: [names[alice.pk]]}
    now = who_could_update(partnership, {police.pk, health.pk}, timezone.localdate())
    assert now == {police.pk: [names[dave.pk]], health.pk: sorted([names[bob.pk], names[dave.pk]])}


def test_the_demos_people_were_in_post_at_its_past_meetings(demo):
    police = demo.agencies.get(name="Riverton Police")
    assert who_could_update(demo, {police.pk}, DEMO_DAY) == {police.pk: ["Alice Adeyemi", "Bob Bennett"]}
