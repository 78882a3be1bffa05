"""One e-mail per person: every notice a run owes them, as tables of actions with links.

The plain text and the HTML say the same; the HTML is rendered with autoescaping, so an
action's imported text shows as text."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse

from actionplan.plans.models import Action, Partnership, Recommendation, User

from .digest import digest_sections, failed_mail
from .models import Notice, spoken

Kind = Notice.Kind
HEADINGS = {
    Kind.OVERDUE: "Now overdue",
    Kind.DUE_SOON: "Due soon",
    Kind.NOT_UPDATED: "No recent update",
    Kind.UPDATES_WANTED: "Updates wanted",
}


FAILED = "E-mails that could not be sent"


def what_of(notice: Notice) -> str:
    return notice.heading or HEADINGS.get(Kind(notice.kind), Kind(notice.kind).label)


@dataclass
class Row:
    plan: str
    ref: str
    action: str
    owner: str
    note: str
    link: str


@dataclass
class Section:
    heading: str
    rows: list[Row] = field(default_factory=list)


@dataclass(frozen=True)
class Letter:
    to: str
    subject: str
    text: str
    html: str


def link(name: str, *args: int) -> str:
    return f"{settings.ACTIONPLAN_SITE_URL}{reverse(name, args=args or None)}"


def shortened(text: str) -> str:
    return text if len(text) <= 200 else text[:199] + "…"


def row(action: Action, note: str) -> Row:
    owner = action.owner.name if action.owner else "No owner"
    plan, ref = action.recommendation.plan.title, action.recommendation.ref
    return Row(plan, ref, shortened(action.text), owner, note, link("action", action.pk))


def recommendation_row(rec: Recommendation, note: str) -> Row:
    """A recommendation tracked on its own: no owner; the link is to its evidence and assurance."""
    return Row(rec.plan.title, rec.ref, shortened(rec.text), "Recommendation, no actions", note,
               link("recommendation_evidence", rec.pk))


def row_of(thing: Action | Recommendation, note: str = "") -> Row:
    if isinstance(thing, Recommendation):
        return recommendation_row(thing, note or "no due date")
    return row(thing, note or due_note(thing))


def sections_for(notices: list[Notice], today: date) -> list[Section]:
    found: dict[str, Section] = {}
    for notice in notices:
        if notice.kind == Kind.DIGEST:
            partnership = notice.recipient.partnership
            assert partnership is not None  # digests go to the admins of a partnership
            for heading, things in digest_sections(partnership, notice.concerns_date):
                section = found.setdefault(heading, Section(heading))
                section.rows += [row_of(thing) for thing in things]
            failed = failed_mail(partnership, notice.concerns_date)
            if failed:
                section = found.setdefault(FAILED, Section(FAILED))
                section.rows += [row_of(about, f"to {n.recipient.email}: {what_of(n)}")
                                 for n in failed if (about := n.action or n.recommendation)]
            continue
        heading = what_of(notice)
        if notice.recommendation is not None:  # an event on a recommendation tracked on its own
            found.setdefault(heading, Section(heading)).rows.append(
                recommendation_row(notice.recommendation, notice.detail))
            continue
        assert notice.action is not None

        if notice.kind == Kind.UPDATES_WANTED:
            heading = f"Updates wanted {notice.detail}"
        # Before a meeting, each row says when the action is due; the heading names the meeting.
        note = due_note(notice.action) if notice.kind == Kind.UPDATES_WANTED else notice.detail
        found.setdefault(heading, Section(heading)).rows.append(row(notice.action, note))
    return list(found.values())


def due_note(action: Action) -> str:
    return f"due {spoken(action.current_due)}" if action.current_due else "no due date"


def subject_for(notices: list[Notice], partnership: Partnership | None) -> str:
    name = partnership.name if partnership else "actionplan"
    subjects = {n.subject for n in notices}
    if len(subjects) == 1 and "" not in subjects:  # one event's e-mail, headed as it was told
        return subjects.pop()
    kinds = {n.kind for n in notices}
    if kinds == {Kind.DIGEST}:
        return f"{name}: weekly digest of action plans"
    if kinds == {Kind.UPDATES_WANTED}:
        return f"{name}: updates wanted before the meeting papers deadline"
    # A recommendation tracked on its own is told of too (its evidence decided): counted apart.
    actions = len({n.action_id for n in notices if n.action_id})
    recommendations = len({n.recommendation_id for n in notices if n.recommendation_id and not n.action_id})
    counted = [f"{n} {word}{'s' if n != 1 else ''}"
               for n, word in ((actions, "action"), (recommendations, "recommendation")) if n]
    needs = "needs" if actions + recommendations == 1 else "need"
    return f"{name}: {' and '.join(counted) or '0 actions'} {needs} your attention"


def compose(person: User, notices: list[Notice], today: date) -> Letter:
    return write(person, subject_for(notices, person.partnership), sections_for(notices, today))


def write(person: User, subject: str, sections: list[Section]) -> Letter:
    partnership = person.partnership
    context = {
        "person": person,
        "partnership": partnership.name if partnership else "",
        "sections": sections,
        "site": settings.ACTIONPLAN_SITE_URL,
        "why": why_told(person),
    }
    return Letter(
        to=person.email,
        subject=subject,
        text=render_to_string("reminders/letter.txt", context),
        html=render_to_string("reminders/letter.html", context),
    )


def why_told(person: User) -> str:
    """Why this person is written to, and how what they get is changed."""
    choose = f"Choose which e-mails you get, and how often, at {link('preferences')}"
    if person.role == User.Role.PARTNERSHIP_ADMIN:
        return (
            f"You get this as a partnership admin. {choose}; set when owners are reminded, and "
            f"the meetings they are asked to update for, at {link('meetings')}"
        )
    agencies = ", ".join(a.name for a in person.agencies.all())
    role = f"a lead for {agencies}" if agencies else person.get_role_display().lower()
    return f"You get this as {role}. {choose}; a partnership admin sets when reminders are sent."
