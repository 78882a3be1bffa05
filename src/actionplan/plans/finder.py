"""Finding actions the way a board asks for them: by plan, agency, theme, status, RAG, and the
exceptions (overdue, due soon, not updated, awaiting assurance).

The exception tests live here once for one action; `rag_sql` says them again for the database
(tested equal), and the dashboard counts and the filtered lists both use that form, so a number
on the dashboard always matches the list it links to.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING, TypeAlias, TypedDict

from django.db.models import F, OuterRef, Q, QuerySet, Subquery
from django.db.models.expressions import OrderBy

from . import rag_sql
from .assurance import AssuranceStatus
from .joint_owners import owned_by
from .models import Action, Partnership, ProgressUpdate, Recommendation, as_corrected, in_force
from .status import FINISHED

if TYPE_CHECKING:
    from django_stubs_ext import WithAnnotations


class LatestUpdate(TypedDict):
    last_update: date | None
    latest_progress: str | None


# An action read through `with_latest_update`; the type checker refuses one read otherwise.
ActionWithLatestUpdate: TypeAlias = "WithAnnotations[Action, LatestUpdate]"

# The tests themselves, on plain values, so that a past state (reports "as at") is judged
# exactly as today's actions are.


def overdue_on(status: str, due: date | None, on: date) -> bool:
    return status not in FINISHED and due is not None and due < on


def due_soon_on(status: str, due: date | None, on: date, within_days: int) -> bool:
    return status not in FINISHED and due is not None and on <= due <= on + timedelta(days=within_days)


def stale_on(status: str, last_touched: date, on: date, stale_after_days: int) -> bool:
    return status not in FINISHED and last_touched < on - timedelta(days=stale_after_days)


def awaiting_assurance(assurance: str) -> bool:
    return assurance == AssuranceStatus.SUBMITTED


def is_open(action: Action) -> bool:
    return action.status not in FINISHED


def is_overdue(action: Action, as_at: date) -> bool:
    return overdue_on(action.status, action.current_due, as_at)


def is_due_soon(action: Action, as_at: date, partnership: Partnership) -> bool:
    return due_soon_on(action.status, action.current_due, as_at, partnership.amber_within_days)


def is_stale(action: ActionWithLatestUpdate, as_at: date, partnership: Partnership) -> bool:
    """Open and not updated for the partnership's stale period (needs `with_latest_update`)."""
    last = action.last_update or action.created_at.date()
    return stale_on(action.status, last, as_at, partnership.stale_after_days)


def awaits_assurance(action: Action) -> bool:
    return awaiting_assurance(action.assurance)


def with_latest_update(actions: QuerySet[Action]) -> QuerySet[ActionWithLatestUpdate]:
    """Annotate the date and text of each action's newest progress update, in the same query:
    one not withdrawn, in the words of its newest correction."""
    newest = (
        as_corrected(in_force(ProgressUpdate.objects.filter(action=OuterRef("pk"))))
        .order_by("-written_on", "-id")
    )
    return actions.annotate(
        last_update=Subquery(newest.values("written_on")[:1]),
        # shown_text is annotated by as_corrected(), which the type checker cannot follow.
        latest_progress=Subquery(newest.values("shown_text")[:1]),  # type: ignore[misc]
    )


@dataclass(frozen=True)
class ActionCriteria:
    plan: int | None = None
    agency: int | None = None
    agencies: tuple[int, ...] = ()  # any of these ("My actions" of a lead of several agencies)
    theme: int | None = None
    status: str = ""
    rag: str = ""
    overdue: bool = False
    due_soon: bool = False
    stale: bool = False
    awaiting_assurance: bool = False
    # None: every action; False: only those still being delivered; True: only the finished
    # (implemented, not achieved, superseded), so a person's own list leads with work to do.
    finished: bool | None = None


# How a list may be sorted: the name in the URL → the database ordering (ties broken by id, so
# pages never overlap). Undated actions come last whichever way the dates run. Soonest due puts
# the work still being delivered first (the overdue at its head), the finished after it; status
# is in the order of the lifecycle, not of the stored codes.
SOONEST_DUE = (F("due_by").asc(nulls_last=True), "pk")
SORTS: dict[str, tuple[OrderBy | str, ...]] = {
    "due": ("finished_last", *SOONEST_DUE),
    "-due": (F("due_by").desc(nulls_last=True), "-pk"),
    "rag": ("rag_rank", F("due_by").asc(nulls_last=True), "pk"),
    "plan": ("recommendation__plan__title", "recommendation__order", "order", "pk"),
    "owner": (F("owner__name").asc(nulls_last=True), F("due_by").asc(nulls_last=True), "pk"),
    "status": ("status_rank", *SOONEST_DUE),
}


def ordering(sort: str, criteria: ActionCriteria) -> tuple[OrderBy | str, ...]:
    """The database ordering of `sort`. A list holding one kind only (still being delivered, or
    finished) orders soonest due by the date alone: the same order, and the owner-and-due index
    still serves "My actions" and the overdue list."""
    one_kind = criteria.finished is not None or bool(criteria.status) or (
        criteria.overdue or criteria.due_soon or criteria.stale)
    if sort not in SORTS or sort == "due":
        return SOONEST_DUE if one_kind else SORTS["due"]
    return SORTS[sort]


def find_actions(
    partnership: Partnership, as_at: date, criteria: ActionCriteria, sort: str = "due"
) -> QuerySet[Action]:
    """Matching actions, filtered and sorted by the database (the open soonest due first, then
    the finished, unless `sort` says otherwise), ready to count and to slice into pages. RAG
    and the exceptions are worked out in SQL by `rag_sql`, the same rule as `Action.rag`;
    `judge` sets `.judged` on the rows a page shows."""
    actions = Action.objects.filter(recommendation__plan__partnership=partnership)
    if not criteria.plan:
        # Like the dashboard's counts, the lists hold the live plans; a closed plan's actions
        # are still found by choosing the plan.
        actions = actions.filter(recommendation__plan__closed_on=None)
    if criteria.plan:
        linked = Action.linked_recommendations.through.objects.filter(recommendation__plan_id=criteria.plan)
        actions = actions.filter(
            Q(recommendation__plan_id=criteria.plan) | Q(pk__in=linked.values("action_id"))
        )
    if criteria.agency:
        actions = actions.filter(owner_id=criteria.agency)
    if criteria.agencies:  # a lead's own: those their agencies lead or own jointly (ADR 78)
        actions = actions.filter(owned_by(criteria.agencies))
    if criteria.theme:  # its recommendation's theme or its own; subqueries, so no row twice
        by_recommendation = Recommendation.themes.through.objects.filter(theme=criteria.theme)
        own = Action.themes.through.objects.filter(theme=criteria.theme)
        actions = actions.filter(
            Q(recommendation__in=by_recommendation.values("recommendation_id"))
            | Q(pk__in=own.values("action_id"))
        )
    if criteria.status:
        actions = actions.filter(status=criteria.status)
    if criteria.finished is not None:
        actions = actions.filter(~rag_sql.is_open() if criteria.finished else rag_sql.is_open())
    actions = actions.alias(due_by=rag_sql.current_due(), shown_rag=rag_sql.shown_rag(
        as_at, partnership.rag_thresholds)).alias(rag_rank=rag_sql.severity("shown_rag"))
    actions = actions.alias(finished_last=rag_sql.finished_last(), status_rank=rag_sql.lifecycle_rank())
    if criteria.rag:
        actions = actions.filter(shown_rag=criteria.rag)
    exceptions = rag_sql.Exceptions.on(as_at, partnership.amber_within_days, partnership.stale_after_days)
    for wanted, condition in [
        (criteria.overdue, exceptions.overdue),
        (criteria.due_soon, exceptions.due_soon),
        (criteria.stale, exceptions.stale),
        (criteria.awaiting_assurance, exceptions.awaiting_assurance),
    ]:
        if wanted:
            actions = actions.filter(condition)
    return actions.select_related("owner", "recommendation__plan").order_by(*ordering(sort, criteria))


def judge(actions: Iterable[Action], as_at: date, partnership: Partnership) -> list[Action]:
    """The actions with `.judged`, their RAG judgement on `as_at`, for showing them."""
    thresholds = partnership.rag_thresholds
    shown = list(actions)
    for action in shown:
        action.judged = action.rag(as_at, thresholds)
    return shown


def meets_judged_criteria(
    action: ActionWithLatestUpdate, criteria: ActionCriteria, as_at: date, partnership: Partnership
) -> bool:
    """The criteria worked out rather than stored: RAG and the exceptions. The action needs
    `.judged` (its RAG on `as_at`) and `with_latest_update`'s annotations."""
    return not (
        (criteria.rag and action.judged.rag != criteria.rag)
        or (criteria.overdue and not is_overdue(action, as_at))
        or (criteria.due_soon and not is_due_soon(action, as_at, partnership))
        or (criteria.stale and not is_stale(action, as_at, partnership))
        or (criteria.awaiting_assurance and not awaits_assurance(action))
    )
