"""The rows the board's counts are made of, today or "as at" a past day, as queries.

Today they are the live actions of the open plans; as at a past day they are each action's
version in force at the end of that day, in the plans open then (`history_sql`). Both carry their
RAG on that day annotated as `shown`, worked out by the database (`rag_sql`), so `summary` counts
either with the same aggregates.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db.models import Count, F, OuterRef, Q, QuerySet, Subquery

from . import history_sql, rag_sql
from .history import versions_in_force
from .models import Action, Agency, Partnership, Plan, Recommendation
from .tracked_alone import RECOMMENDATION_RAG, without_actions

LINKS = Action.linked_recommendations.through


@dataclass(frozen=True)
class SummaryRows:
    plans: QuerySet[Plan]  # the plans counted, each of its own rows
    actions: QuerySet[Any]  # Action or versions of actions, annotated `shown`
    last_touched: Any  # the newest update's date or the creation day, for "not updated"
    linked: QuerySet[Any]  # (composite plan id, shown, n) of actions linked from other plans
    # recommendations tracked on their own, annotated `shown` and `assurance_then` (on that day)
    alone: QuerySet[Recommendation]
    in_force_on: date | None = None  # None: today's rows


def open_plans(partnership: Partnership, path: str) -> Q:
    """Rows of the partnership's open plans, reached through `path`. A join, not a list of plan
    ids: the database then knows how many rows match and plans accordingly."""
    return Q(**{f"{path}plan__partnership": partnership, f"{path}plan__closed_on": None})


def rows_today(partnership: Partnership, as_at: date, within: Collection[int] | None = None) -> SummaryRows:
    """`within`: only what these plans add (their own rows and their links), for `kept_counts`."""
    shown = rag_sql.shown_rag(as_at, partnership.rag_thresholds)
    links = LINKS.objects.filter(open_plans(partnership, "recommendation__"),
                                 open_plans(partnership, "action__recommendation__"))
    alone = without_actions(Recommendation.objects.filter(open_plans(partnership, "")))
    plans = partnership.plans.filter(closed_on=None)
    actions = Action.objects.filter(open_plans(partnership, "recommendation__"))
    if within is not None:
        plans, actions = plans.filter(pk__in=within), actions.filter(recommendation__plan_id__in=within)
        links, alone = links.filter(recommendation__plan_id__in=within), alone.filter(plan_id__in=within)
    return SummaryRows(
        plans=plans,
        actions=actions.annotate(shown=shown),
        last_touched=rag_sql.last_touched(),
        linked=counted_links(links.annotate(
            shown=rag_sql.shown_rag(as_at, partnership.rag_thresholds, prefix="action__"))),
        alone=alone.annotate(shown=RECOMMENDATION_RAG, assurance_then=F("assurance")),
    )


def rows_as_at(partnership: Partnership, on: date) -> SummaryRows:
    """The rows as the history tables kept them at the end of `on`."""
    actions = history_sql.actions_in_force(partnership, on).annotate(
        shown=rag_sql.shown_rag(on, partnership.rag_thresholds))
    links = LINKS.objects.filter(history_sql.plans_open_on(partnership, on, "recommendation__"))
    linked = links.annotate(shown=Subquery(actions.filter(id=OuterRef("action_id")).values("shown")[:1]))
    alone = history_sql.recommendations_alone_on(partnership, on)
    return SummaryRows(
        plans=partnership.plans.filter(Q(closed_on=None) | Q(closed_on__gt=on)),
        actions=actions,
        last_touched=history_sql.last_touched_on(on),
        linked=counted_links(linked.exclude(shown=None)),  # type: ignore[misc]  # django-stubs misses annotations on a link table's rows
        alone=Recommendation.objects.filter(pk__in=alone.values("id")).annotate(
            shown=Subquery(alone.filter(id=OuterRef("pk")).annotate(shown=RECOMMENDATION_RAG)
                           .values("shown")[:1]),
            assurance_then=Subquery(alone.filter(id=OuterRef("pk")).values("assurance")[:1])),
        in_force_on=on,
    )


def counted_links(links: QuerySet[Any]) -> QuerySet[Any]:
    """(composite plan id, rag, count) of the actions of other plans that each plan's
    recommendations link to; an action is counted once per plan however many links it has."""
    return (
        links.exclude(action__recommendation__plan=F("recommendation__plan"))
        .values_list("recommendation__plan_id", "shown")
        .annotate(n=Count("action_id", distinct=True))
        .order_by()
    )


def agencies(partnership: Partnership, rows: SummaryRows) -> dict[int, Agency]:
    """The partnership's agencies by id; as at a past day, with the agencies owning actions then
    that have since gone (merged into another), as they were then."""
    found = Agency.objects.filter(partnership=partnership).in_bulk()
    if rows.in_force_on is not None:
        gone = rows.actions.exclude(owner_id=None).exclude(owner_id__in=list(found)).values("owner_id")
        versions = versions_in_force(Agency.history.filter(id__in=gone), rows.in_force_on)
        found.update({pk: version.instance for pk, version in versions.items()})
    return found
