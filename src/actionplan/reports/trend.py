"""RAG counts month by month, rebuilt from history: how the plan has moved between meetings."""

from __future__ import annotations

import calendar
from datetime import date

from django.db.models import Min
from django.utils import timezone

from actionplan.plans.history import actions_as_at
from actionplan.plans.models import Action, Partnership
from actionplan.plans.summary import RagCounts

from .model import TrendPoint

MONTHS = 12


def month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def trend_dates(first: date, as_at: date, months: int = MONTHS) -> list[date]:
    """Month ends over the last `months` months (or since `first`), then the as-at date itself,
    so that the trend ends on the numbers the rest of the report shows."""
    ends = []
    year, month = as_at.year, as_at.month
    for _ in range(months - 1):
        month -= 1
        if month == 0:
            year, month = year - 1, 12
        end = month_end(year, month)
        if end < month_end(first.year, first.month):
            break
        ends.append(end)
    return sorted(ends) + [as_at]


def trend(action_ids: list[int], as_at: date, partnership: Partnership) -> list[TrendPoint]:
    first = Action.history.filter(id__in=action_ids).aggregate(first=Min("history_date"))["first"]
    if first is None:
        return []
    points = []
    for on in trend_dates(timezone.localdate(first), as_at):
        counts = RagCounts()
        for state in actions_as_at(action_ids, on, partnership).values():
            counts.add(state.rag.rag)
        points.append(TrendPoint(on, counts))
    return points
