"""How each demo action progressed over the year: a short script of dated events.

Every event goes through the same services a person would use, back-dated, so the demo's
history is real history: the as-at views and reports can be tried on it.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from actionplan.plans.assurance import AssuranceStatus
from actionplan.plans.models import Action, Evidence, User
from actionplan.plans.status import DeliveryStatus as S
from actionplan.plans.status import StatusChange
from actionplan.plans.updates import change_assurance, decide_evidence, record_progress, submit_evidence

LONDON = ZoneInfo("Europe/London")


def moment(today: date, offset: int) -> datetime:
    """Mid-morning, `offset` days from today: when a back-dated event happened."""
    return datetime.combine(today + timedelta(days=offset), time(10, 30), tzinfo=LONDON)


class Storyteller:
    def __init__(self, today: date, scrutineer: User, leads: dict[int, User]) -> None:
        self.today = today
        self.scrutineer = scrutineer
        self.leads = leads  # agency id → the user who posts its updates

    def day(self, offset: int) -> date:
        return self.today + timedelta(days=offset)

    def when(self, offset: int) -> datetime:
        return moment(self.today, offset)

    def lead(self, action: Action) -> User | None:
        """Who posts the action's updates: the lead of its owning agency, if it has one."""
        return self.leads.get(action.owner_id) if action.owner_id is not None else None

    def update(self, action: Action, offset: int, text: str, change: StatusChange | None = None) -> None:
        author = self.lead(action)
        record_progress(action, author, text, on=self.day(offset), change=change, when=self.when(offset))

    def start(self, action: Action, offset: int) -> None:
        self.update(action, offset, "Lead officer named and work started.", StatusChange(S.IN_PROGRESS))

    def implement(self, action: Action, offset: int) -> None:
        self.update(action, offset, "Work complete; evidence to follow.", StatusChange(S.IMPLEMENTED))

    def evidence(self, action: Action, offset: int, what: str) -> Evidence:
        slug = what.lower().replace(" ", "-")
        return submit_evidence(
            action,
            self.lead(action),
            what,
            link=f"https://intranet.riverton.example/evidence/{action.pk}/{slug}",
            when=self.when(offset),
        )

    def tell(self, story: str, action: Action, actions: list[Action]) -> None:
        STORIES[story](self, action, actions)


def on_track(t: Storyteller, a: Action, _: list[Action]) -> None:
    t.start(a, -300)
    t.update(a, -220, "Scoping complete; task and finish group meets monthly.")
    t.update(a, -140, "Draft circulated to partners for comment.")
    t.update(a, -60, "Comments received and being worked in; on track.")
    t.update(a, -20, "Final version going to the next sub-group for sign-off.")


def due_soon(t: Storyteller, a: Action, _: list[Action]) -> None:
    t.start(a, -200)
    t.update(a, -120, "Content agreed with the designated professionals.")
    t.update(a, -30, "Last agency returns awaited before the due date.")


def overdue(t: Storyteller, a: Action, _: list[Action]) -> None:
    t.start(a, -330)
    t.update(a, -200, "Audit tool drafted.")
    t.update(a, -130, "Audit sample selected; fieldwork to start next term.")


def slipped(t: Storyteller, a: Action, _: list[Action]) -> None:
    t.start(a, -300)
    t.update(a, -150, "Standard drafted; data reporting not yet possible.")
    revised = (a.due_date or t.today) + timedelta(days=120)
    t.update(
        a,
        -50,
        "New case system delays the reporting needed to monitor the standard.",
        StatusChange(S.SLIPPED, "Case management system upgrade moved to next quarter", revised),
    )


def slipped_twice(t: Storyteller, a: Action, _: list[Action]) -> None:
    t.start(a, -330)
    t.update(
        a,
        -90,
        "Legal review of the draft protocol is taking longer than planned.",
        StatusChange(S.SLIPPED, "Awaiting legal advice on information sharing", t.day(-10)),
    )
    t.update(
        a,
        -15,
        "Directors asked for further changes; new date agreed at the board.",
        StatusChange(S.SLIPPED, "Further changes requested by the directors", t.day(75)),
    )
    t.update(a, -5, "Revised draft with both directors.")


def done_assured(t: Storyteller, a: Action, _: list[Action]) -> None:
    t.start(a, -320)
    t.update(a, -250, "Draft agreed by the practice group.")
    t.implement(a, -130)
    evidence = t.evidence(a, -125, "Audit report")
    decide_evidence(evidence, t.scrutineer, accept=True, when=t.when(-100))


def impact(t: Storyteller, a: Action, actions: list[Action]) -> None:
    done_assured(t, a, actions)
    change_assurance(a, t.scrutineer, AssuranceStatus.IMPACT_EVIDENCED, when=t.when(-20))


def done_awaiting(t: Storyteller, a: Action, _: list[Action]) -> None:
    t.start(a, -250)
    t.implement(a, -35)
    t.evidence(a, -30, "Attendance records")


def done_rejected(t: Storyteller, a: Action, _: list[Action]) -> None:
    t.start(a, -330)
    t.implement(a, -260)
    evidence = t.evidence(a, -255, "Circulation e-mail")
    decide_evidence(
        evidence,
        t.scrutineer,
        accept=False,
        when=t.when(-240),
        reason="Shows the tool was sent, not that returns were received.",
    )


def superseded(t: Storyteller, a: Action, actions: list[Action]) -> None:
    t.start(a, -300)
    replacement = actions[actions.index(a) + 1]
    t.update(
        a,
        -180,
        "Replaced: notifications will move onto the shared case system instead.",
        StatusChange(S.SUPERSEDED, "Approach replaced", replaced_by_id=replacement.pk),
    )


def not_achieved(t: Storyteller, a: Action, _: list[Action]) -> None:
    t.start(a, -300)
    t.update(a, -200, "Bid submitted to the community foundation.")
    t.update(
        a,
        -80,
        "Funding bid unsuccessful; no other source found this year.",
        StatusChange(S.NOT_ACHIEVED, "Funding bid refused; the board will revisit in the budget round."),
    )


def not_started(t: Storyteller, a: Action, _: list[Action]) -> None:
    """Nothing has happened yet; that is the story."""


STORIES: dict[str, Callable[[Storyteller, Action, list[Action]], None]] = {
    "on_track": on_track,
    "due_soon": due_soon,
    "overdue": overdue,
    "slipped": slipped,
    "slipped_twice": slipped_twice,
    "done_assured": done_assured,
    "impact": impact,
    "done_awaiting": done_awaiting,
    "done_rejected": done_rejected,
    "superseded": superseded,
    "not_achieved": not_achieved,
    "not_started": not_started,
    "not_started_late": not_started,
}
