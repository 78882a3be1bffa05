"""History "as at" a past day, in SQL: each row's version in force at the end of that day as a
query, for counting many actions without reading them into Python.

The rules are those of `history.versions_in_force` and `history.newest_updates_as_at` (the newest
version saved by the end of the day, the newest id among versions of the same moment; a row
deleted by then is gone; an update counts from the day it was written);
tests/plans/test_summary_as_at.py checks on generated histories that both give the same counts.
"""

from __future__ import annotations

from datetime import UTC, date
from typing import Any

from django.db.models import Exists, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce, TruncDate

from .history import end_of_day
from .models import Action, Partnership, ProgressUpdate, Recommendation


def in_force(history: QuerySet[Any], on: date) -> QuerySet[Any]:
    """The versions in force at the end of `on`, those of rows deleted by then left out."""
    by_then = history.model.objects.filter(history_date__lte=end_of_day(on))
    newer = by_then.filter(id=OuterRef("id")).filter(
        Q(history_date__gt=OuterRef("history_date"))
        | Q(history_date=OuterRef("history_date"), history_id__gt=OuterRef("history_id"))
    )
    return history.filter(history_date__lte=end_of_day(on)).exclude(Exists(newer)).exclude(history_type="-")


def plans_open_on(partnership: Partnership, on: date, path: str = "") -> Q:
    """Rows of the partnership's plans that were open on `on` (closed later, or never)."""
    closed = f"{path}plan__closed_on"
    return Q(**{f"{path}plan__partnership": partnership}) & (
        Q(**{closed: None}) | Q(**{f"{closed}__gt": on})
    )


def actions_in_force(partnership: Partnership, on: date) -> QuerySet[Any]:
    """Each action of the plans open on `on`, as its version in force then (same field names
    as an Action, so `rag_sql` reads it as it reads a live action)."""
    return in_force(Action.history.filter(plans_open_on(partnership, on, "recommendation__")), on)


def last_touched_on(on: date) -> Coalesce:
    """`rag_sql.last_touched` as at `on`: the newest update written by then, as it stood then."""
    updates = in_force(ProgressUpdate.history.all(), on).filter(action_id=OuterRef("id"), written_on__lte=on)
    newest = updates.order_by("-written_on").values("written_on")[:1]
    return Coalesce(Subquery(newest), TruncDate("created_at", tzinfo=UTC))


def recommendations_alone_on(partnership: Partnership, on: date) -> QuerySet[Any]:
    """Recommendations of the plans open on `on` with no action in force then, nor linked, as
    their versions in force then (a link between plans keeps no history: today's links count)."""
    actions = in_force(Action.history.filter(recommendation_id=OuterRef("id")), on)
    linked = Recommendation.linked_actions.through.objects.filter(recommendation_id=OuterRef("id"))
    versions = Recommendation.history.filter(plans_open_on(partnership, on))
    return in_force(versions, on).exclude(Exists(actions)).exclude(Exists(linked))
