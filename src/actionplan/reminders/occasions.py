"""Which notices are owed today: the rules of when owners, leads and admins are told, as queries.

Nothing here writes. Each notice is named by a key (what it is about and the date it concerns),
so working the list out again later the same day, or on another runner, names the same notices.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import QuerySet

from actionplan.plans.models import Action, Partnership, Recommendation, User
from actionplan.plans.rag_sql import newest_update_on
from actionplan.plans.status import FINISHED

from .calendar import updates_wanted_from
from .models import Meeting, Notice, ReminderSettings, spoken
from .preferences import wanting

Kind = Notice.Kind
# A due date or deadline that passed more than this long ago is not announced late: the weekly
# digest already lists what is overdue, and a first run must not flood people with old news.
LATE_BY = timedelta(days=7)


@dataclass(frozen=True)
class Owed:
    """A notice owed to one person, before it is stored."""

    recipient: User
    kind: str
    key: str
    concerns_date: date
    action: Action | None = None
    meeting: Meeting | None = None
    detail: str = ""
    recommendation: Recommendation | None = None  # one tracked on its own, when not an action
    subject: str = ""  # an event's own subject and heading (reminders are headed by their kind)
    heading: str = ""


def open_actions(partnership: Partnership) -> QuerySet[Action]:
    """Actions still being delivered, in plans still open, with the day of their last update."""
    return (
        Action.objects.filter(
            recommendation__plan__partnership=partnership, recommendation__plan__closed_on=None
        )
        .exclude(status__in=FINISHED)
        .annotate(last_update=newest_update_on())
        .select_related("owner", "recommendation__plan")
        .order_by("recommendation__plan__title", "recommendation__order", "order")
    )


def reachable(users: QuerySet[User]) -> QuerySet[User]:
    """Only people who can still sign in, and have an address to write to, are told anything."""
    return users.filter(is_active=True).exclude(email="")


def leads_by_agency(partnership: Partnership) -> dict[int, list[User]]:
    leads = reachable(User.objects.filter(partnership=partnership, role=User.Role.AGENCY_LEAD))
    found: dict[int, list[User]] = defaultdict(list)
    for lead in leads.prefetch_related("agencies"):
        for agency in lead.agencies.all():
            if agency.partnership_id == partnership.pk:
                found[agency.pk].append(lead)
    return found


def last_touched(action: Action) -> date:
    """The day of the last update, or the day the action was recorded when it has none."""
    return action.last_update or action.created_at.date()  # type: ignore[attr-defined]  # annotated by the query


def owner_notices(partnership: Partnership, rules: ReminderSettings, today: date) -> list[Owed]:
    """Due soon, overdue and not updated, each to every lead of the owning agency."""
    leads = leads_by_agency(partnership)
    owed = []
    for action in open_actions(partnership).filter(owner__isnull=False):
        for kind, key, on, detail in action_occasions(action, rules, today):
            to = leads.get(action.owner_id or 0, [])
            owed += [Owed(lead, kind, key, on, action, None, detail) for lead in to]
    return owed


Occasion = tuple[str, str, date, str]  # kind, key, the date it concerns, what the e-mail says


def action_occasions(action: Action, rules: ReminderSettings, today: date) -> list[Occasion]:
    found: list[Occasion] = []
    due = action.current_due
    if due is not None and today <= due:
        # Only the nearest reminder day passed is sent: 5 days before, "due in 7 days" not "in 28".
        passed = sorted(d for d in rules.days_before_due if due - timedelta(days=d) <= today)
        if passed:
            key = f"due_soon:{action.pk}:{due}:{passed[0]}"
            found.append((Kind.DUE_SOON, key, due, f"due {spoken(due)}"))
    if due is not None and due < today <= due + LATE_BY:
        found.append((Kind.OVERDUE, f"overdue:{action.pk}:{due}", due, f"was due {spoken(due)}"))
    last = last_touched(action)
    if (today - last).days >= rules.not_updated_days:
        detail = f"no update since {spoken(last)}"
        found.append((Kind.NOT_UPDATED, f"not_updated:{action.pk}:{last}", last, detail))
    return found


def meeting_notices(partnership: Partnership, rules: ReminderSettings, today: date) -> list[Owed]:
    """Before each meeting's papers deadline: to each lead, every action of theirs wanting an update."""
    leads = leads_by_agency(partnership)
    owed = []
    for meeting in Meeting.objects.filter(partnership=partnership, papers_due__gte=today):
        if today < updates_wanted_from(meeting.papers_due, rules.papers_working_days):
            continue
        since = updated_since(meeting, rules)
        detail = f"for {meeting.name}: papers due {spoken(meeting.papers_due)}"
        for action in open_actions(partnership).filter(owner__isnull=False):
            if action.last_update is not None and action.last_update > since:  # type: ignore[attr-defined]  # annotated
                continue
            key = f"updates_wanted:{meeting.pk}:{action.pk}"
            owed += [
                Owed(lead, Kind.UPDATES_WANTED, key, meeting.papers_due, action, meeting, detail)
                for lead in leads.get(action.owner_id or 0, [])
            ]
    return owed


def updated_since(meeting: Meeting, rules: ReminderSettings) -> date:
    """An update counts for a meeting when posted after the previous meeting's papers deadline
    (or, for the first meeting, within the days after which an action counts as not updated)."""
    previous = (
        Meeting.objects.filter(partnership=meeting.partnership_id, papers_due__lt=meeting.papers_due)
        .order_by("-papers_due")
        .first()
    )
    return previous.papers_due if previous else meeting.papers_due - timedelta(days=rules.not_updated_days)


def digest_notices(partnership: Partnership, rules: ReminderSettings, today: date) -> list[Owed]:
    """The weekly digest, to every partnership admin, on the first run on or after its weekday."""
    digest_day = today - timedelta(days=(today.weekday() - rules.digest_weekday) % 7)
    admins = reachable(User.objects.filter(partnership=partnership, role=User.Role.PARTNERSHIP_ADMIN))
    key = f"digest:{partnership.pk}:{digest_day}"
    detail = f"week to {spoken(digest_day)}"
    return [Owed(admin, Kind.DIGEST, key, digest_day, detail=detail) for admin in admins]


def owed_today(today: date) -> list[Owed]:
    owed = []
    for partnership in Partnership.objects.all():
        rules = ReminderSettings.of(partnership)
        owed += owner_notices(partnership, rules, today)
        owed += meeting_notices(partnership, rules, today)
        owed += digest_notices(partnership, rules, today)
    return only_wanted(owed)


def only_wanted(owed: list[Owed]) -> list[Owed]:
    """Leave out the kinds each person turned off."""
    people = list({o.recipient.pk: o.recipient for o in owed}.values())
    wanted = {(p.pk, kind) for kind in {o.kind for o in owed} for p in wanting(people, kind)}
    return [o for o in owed if (o.recipient.pk, o.kind) in wanted]
