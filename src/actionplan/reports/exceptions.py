"""The exceptions a board paper reports: what is overdue, slipped, not achieved, awaiting
assurance or not updated, and what was recently implemented. Judged on the as-at state."""

from __future__ import annotations

from datetime import date, timedelta

from actionplan.plans.assurance import AssuranceStatus
from actionplan.plans.finder import awaiting_assurance, overdue_on, stale_on
from actionplan.plans.models import Partnership
from actionplan.plans.status import DeliveryStatus

from .counts import distinct_actions, tracked_alone
from .facts import RecommendationAsAt
from .model import ExceptionLine, Exceptions, PlanTable
from .tables import AsAt

# Boards meet about quarterly: "recently" is the quarter before the meeting.
RECENT_DAYS = 91


def exceptions(plans: list[PlanTable], as_at: AsAt, partnership: Partnership) -> Exceptions:
    found = Exceptions()
    on = as_at.on
    recent_since = on - timedelta(days=RECENT_DAYS)
    for action_id, rows in distinct_actions(plans).items():
        state, facts, row = as_at.actions[action_id], as_at.facts[action_id], rows[0]
        line = ExceptionLine(
            action_id=action_id,
            plan=row.plan,
            ref=row.ref,
            action=row.numbered_action,
            owner=row.owner,
            due=state.due,
            revised_due=state.revised_due,
            status=row.status,
            rag=row.rag,
            revisions=facts.revisions,
            reason=facts.reason,
            last_update=facts.last_update,
            implemented_on=facts.implemented_on,
            assurance=AssuranceStatus(state.assurance).label,
        )
        # The dashboard's own tests (plans.finder), applied to the as-at state.
        if overdue_on(state.status, state.current_due, on):
            found.overdue.append(line)
        if state.status == DeliveryStatus.SLIPPED:
            found.slipped.append(line)
        if state.status == DeliveryStatus.NOT_ACHIEVED:
            found.not_achieved.append(line)
        if awaiting_assurance(state.assurance):
            found.awaiting_assurance.append(line)
        if stale_on(state.status, facts.last_touched, on, partnership.stale_after_days):
            found.stale.append(line)
        done_on = max(filter(None, [facts.implemented_on, facts.assured_on]), default=None)
        if state.status == DeliveryStatus.IMPLEMENTED and done_on and done_on >= recent_since:
            found.recently_implemented.append(line)
    for line, own in tracked_alone_lines(plans, as_at):
        # It has no due date: never overdue nor stale by date; the rest as for an action.
        if own.status == DeliveryStatus.SLIPPED:
            found.slipped.append(line)
        if own.status == DeliveryStatus.NOT_ACHIEVED:
            found.not_achieved.append(line)
        if awaiting_assurance(own.assurance):
            found.awaiting_assurance.append(line)
    found.overdue.sort(key=lambda line: line.revised_due or line.due or date.min)  # overdue: it has one
    return found


def tracked_alone_lines(
    plans: list[PlanTable], as_at: AsAt
) -> list[tuple[ExceptionLine, RecommendationAsAt]]:
    """The recommendations tracked on themselves, each as an exception's line, with its state."""
    found = []
    for row in tracked_alone(plans):
        own = as_at.recommendations.get(row.recommendation_id or 0)
        if own is None:
            continue
        line = ExceptionLine(
            action_id=None, plan=row.plan, ref=row.ref, action=row.recommendation, owner=row.agency,
            due=None, revised_due=None, status=row.status, rag=row.rag,
            assurance=AssuranceStatus(own.assurance or AssuranceStatus.NONE).label,
        )  # fmt: skip
        found.append((line, own))
    return found
