"""A partnership through a quarter, built by the tests: who leads what, and what is due when."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.core import mail
from django.utils import timezone

from actionplan.plans.models import Action, Agency, Partnership, ProgressUpdate, User
from actionplan.plans.status import DeliveryStatus
from actionplan.reminders.models import Meeting, ReminderSettings
from actionplan.reminders.runs import remind
from factories import ActionFactory, AgencyFactory, PlanFactory, UserFactory

Role = User.Role
RECORDED = date(2026, 3, 25)


def recorded_on(action: Action, day: date) -> None:
    stamp = timezone.make_aware(datetime.combine(day, datetime.min.time()))
    Action.objects.filter(pk=action.pk).update(created_at=stamp)


@dataclass
class Quarter:
    overdue_in_may: Action  # police, due 15 May
    due_in_june: Action  # health, due 10 June
    in_closed_plan: Action  # police, due 1 May, its plan closed
    implemented: Action  # police, due 20 May, already implemented
    elsewhere: Action  # another partnership's, due 15 May


def build(
    partnership: Partnership, police: Agency, alice: User, bob: User, dave: User, eve: User
) -> Quarter:
    ReminderSettings.objects.create(
        partnership=partnership, days_before_due=[28, 7], not_updated_days=30
    )
    health = AgencyFactory(partnership=partnership, name="Riverton Health")
    for person in (alice, bob, dave):
        person.email = f"{person.username}@example.org"
        person.save()
    hana = UserFactory(
        username="hana", email="hana@example.org", partnership=partnership, role=Role.AGENCY_LEAD
    )
    hana.agencies.add(health)
    ivan = UserFactory(
        username="ivan", email="ivan@example.org", partnership=partnership, role=Role.AGENCY_LEAD,
        is_active=False,
    )
    ivan.agencies.add(police)
    plan = PlanFactory(partnership=partnership, title="BN09 action plan")
    closed = PlanFactory(partnership=partnership, title="Old plan", closed_on=date(2026, 3, 1))
    other_agency = AgencyFactory(partnership=eve.partnership, name="Elsewhere Police")
    other_lead = UserFactory(
        username="olga", email="olga@example.org", partnership=eve.partnership, role=Role.AGENCY_LEAD
    )
    other_lead.agencies.add(other_agency)
    eve.email = "eve@example.org"
    eve.save()
    quarter = Quarter(
        overdue_in_may=ActionFactory(
            recommendation__plan=plan, recommendation__ref="1.", owner=police, due_date=date(2026, 5, 15),
            text="Brief every response officer on escalation.",
        ),
        due_in_june=ActionFactory(
            recommendation__plan=plan, recommendation__ref="2.", owner=health, due_date=date(2026, 6, 10),
            text="Audit health visitor records for the referral.",
        ),
        in_closed_plan=ActionFactory(
            recommendation__plan=closed, owner=police, due_date=date(2026, 5, 1),
            text="A closed plan's action.",
        ),
        implemented=ActionFactory(
            recommendation__plan=plan, owner=police, due_date=date(2026, 5, 20),
            status=DeliveryStatus.IMPLEMENTED, text="Already implemented.",
        ),
        elsewhere=ActionFactory(
            recommendation__plan__partnership=eve.partnership, owner=other_agency, due_date=date(2026, 5, 15),
            text="Another partnership's action.",
        ),
    )
    for action in Action.objects.all():
        recorded_on(action, RECORDED)
    return quarter


def build_with_a_board_meeting(
    partnership: Partnership, police: Agency, alice: User, bob: User, dave: User, eve: User
) -> Quarter:
    """The quarter, with a board meeting in June whose papers are due a week before."""
    quarter = build(partnership, police, alice, bob, dave, eve)
    Meeting.objects.create(
        partnership=partnership, name="Board", held_on=date(2026, 6, 12), papers_due=date(2026, 6, 5)
    )
    return quarter


def days(start: date, end: date) -> list[date]:
    return [start + timedelta(days=n) for n in range((end - start).days + 1)]


Hooks = dict[date, Callable[[], None]]


def run_quarter(quarter: Quarter, hooks: Hooks | None = None) -> list[tuple[date, mail.EmailMessage]]:
    """Run the reminders once a day from April to June; each e-mail with the day it was sent."""
    sent = []
    for day in days(date(2026, 4, 1), date(2026, 6, 30)):
        if hooks and day in hooks:
            hooks[day]()
        mail.outbox.clear()
        remind(day)
        sent += [(day, message) for message in mail.outbox]
    return sent


def post_update(action: Action, day: date) -> None:
    ProgressUpdate.objects.create(action=action, written_on=day, text="On track.", status=action.status)


def by_person(sent: list[tuple[date, mail.EmailMessage]]) -> dict[str, list[tuple[date, mail.EmailMessage]]]:
    """What each address was sent, in the order sent."""
    found: dict[str, list[tuple[date, mail.EmailMessage]]] = defaultdict(list)
    for day, message in sent:
        (address,) = message.to
        found[address].append((day, message))
    return found
