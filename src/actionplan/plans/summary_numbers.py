"""Every number of the board's summary as (plan counted under, field, key, colour, n), from a
handful of GROUP BYs over the summary's rows (`summary_rows`): the one home of what is counted
where, read whole by `summary.partnership_summary` and plan by plan by the kept counts.

Counted plan by plan (`per_plan`), each aggregate is grouped by the plan its rows are counted
under as well: an action's own plan, a link's composite plan, a recommendation's plan. The
numbers of one plan are then exactly those of the summary restricted to that plan.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date
from typing import Any

from django.db.models import Count, F, QuerySet

from . import rag_sql
from .models import Partnership
from .summary_rows import SummaryRows

Row = tuple[str, int, str]  # (the summary's field, the plan, agency or theme id or 0, the colour or "")
Number = tuple[int, str, int, str, int]  # (the plan counted under or 0, *Row, n)
PLAN = "recommendation__plan_id"  # the plan an action is counted under


def numbers(
    partnership: Partnership, as_at: date, rows: SummaryRows, *, own_themes: bool, per_plan: bool = False,
) -> Iterator[Number]:
    """`own_themes`: an action's own themes counted beside its recommendation's (today's rows)."""
    under = PLAN if per_plan else None
    live = rows.actions
    # Each action is in one plan of its own: the partnership's counts are the sum of its plans'.
    for _, plan, rag, n in grouped(live, PLAN):
        yield (plan if per_plan else 0, "overall", 0, rag, n)
        yield (plan if per_plan else 0, "by_plan", plan, rag, n)
    for plan, rag, n in rows.linked:  # (composite plan, rag, n): counted under the composite plan
        yield (plan if per_plan else 0, "by_plan", plan, rag, n)
    yield from theme_numbers(live, under, own_themes=own_themes)
    # The exceptions are counted in the same reading of the actions as the owners' RAG.
    exceptions = rag_sql.Exceptions.on(as_at, partnership.amber_within_days, partnership.stale_after_days,
                                       rows.last_touched)
    names = list(vars(exceptions))
    by_owner = live.values_list(*[under] if under else [], "owner_id", "shown").annotate(
        n=Count("pk"), **{name: Count("pk", filter=condition) for name, condition in vars(exceptions).items()}
    ).order_by()
    for group in by_owner:
        plan, (owner, rag, n, *exceptional) = (group[0], group[1:]) if under else (0, group)
        counted = zip(names, exceptional, strict=True)
        yield from ((plan, name, 0, "", count) for name, count in counted if count)
        if owner is not None:
            yield (plan, "by_agency", owner, rag, n)
    yield from numbers_of_recommendations_alone(rows.alone, per_plan)


def grouped(rows: QuerySet[Any], by: str, under: str | None = None) -> Iterator[tuple[int, Any, str, int]]:
    """(plan counted under or 0, key, rag, count) per group of `rows`, which carry their RAG
    annotated as `shown`; `under`: the path to that plan, when counting plan by plan."""
    for group in rows.values_list(*[under] if under else [], by, "shown").annotate(n=Count("pk")).order_by():
        yield (group[0], *group[1:]) if under else (0, *group)


def theme_numbers(live: QuerySet[Any], under: str | None, *, own_themes: bool) -> Iterable[Number]:
    """Each action under the themes of its recommendation and its own, once a theme: those
    through the recommendation, plus its own, less those it has both ways (three GROUP BYs)."""
    groups = list(grouped(live.filter(recommendation__themes__isnull=False), "recommendation__themes", under))
    if own_themes:
        groups += grouped(live.filter(themes__isnull=False), "themes", under)
        both = grouped(live.filter(themes=F("recommendation__themes")), "themes", under)
        groups += [(plan, theme, rag, -n) for plan, theme, rag, n in both]
    return [(plan, "by_theme", theme, rag, n) for plan, theme, rag, n in groups]


def numbers_of_recommendations_alone(alone: QuerySet[Any], per_plan: bool) -> Iterator[Number]:
    """Recommendations with no actions (own or linked), each counted with its own RAG, and
    among what awaits assurance (never overdue, due soon nor stale: they have no due date)."""
    for _, plan, rag, n in grouped(alone, "plan_id"):
        under = plan if per_plan else 0
        yield from ((under, "overall", 0, rag, n), (under, "by_plan", plan, rag, n),
                    (under, "recommendations_alone", 0, "", n))
    awaiting = alone.filter(rag_sql.awaiting_assurance("assurance_then"))
    for plan, n in awaiting.values_list("plan_id").annotate(n=Count("pk")).order_by():
        yield (plan if per_plan else 0, "awaiting_assurance", 0, "", n)
    themed = alone.filter(themes__isnull=False)
    for plan, theme, rag, n in grouped(themed, "themes", "plan_id" if per_plan else None):
        yield (plan, "by_theme", theme, rag, n)
