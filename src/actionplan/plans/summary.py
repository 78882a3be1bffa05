"""Counts the board looks at first: RAG by plan, what is overdue, due soon, stale or awaiting assurance.

Every number is a SQL aggregate (a handful of GROUP BY queries whatever the number of actions):
the RAG rule and the exception tests run in the database through `rag_sql`, the SQL form of the
rule that `Action.rag` applies to one action. The same aggregates, grouped by plan as well, give
what each plan adds to the partnership's numbers (`counts_by_plan`, the kept counts' one pass):
`summary_numbers` writes them once for both.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.utils import timezone

from . import summary_rows
from .models import Agency, Partnership, Plan, Theme
from .rag import SEVERITY
from .summary_numbers import Row, numbers


@dataclass
class RagCounts:
    counts: Counter = field(default_factory=Counter)

    def add(self, rag: str, n: int = 1) -> None:
        self.counts[rag] += n

    @property
    def rows(self) -> list[tuple[str, int]]:
        return [(rag, self.counts[rag]) for rag in SEVERITY]

    @property
    def total(self) -> int:
        return sum(self.counts.values())


@dataclass
class PartnershipSummary:
    as_at: date
    overall: RagCounts = field(default_factory=RagCounts)
    by_plan: dict[Plan, RagCounts] = field(default_factory=dict)
    by_agency: dict[Agency, RagCounts] = field(default_factory=dict)
    by_theme: dict[Theme, RagCounts] = field(default_factory=dict)
    overdue: int = 0
    due_soon: int = 0
    stale: int = 0
    awaiting_assurance: int = 0
    recommendations_alone: int = 0  # of the counts above, recommendations tracked on their own


def partnership_summary(
    partnership: Partnership, as_at: date, *, from_history: bool | None = None,
    within: Collection[int] | None = None,
) -> PartnershipSummary:
    """The live counts: closed plans are left out (they stay in reports and searches).
    A recommendation with no actions is tracked on itself and counted like an action.

    A day before today gives the counts as they stood at the end of that day (a past meeting),
    from each action's version in force then, with the same aggregates (`summary_rows.rows_as_at`).
    `from_history` says which, whatever the day (False: today's actions rated on `as_at`).
    `within` (plan ids, today's rows only) counts what those plans add to the partnership's
    numbers: their actions, the actions their recommendations link to, and their
    recommendations tracked on their own (`kept_counts` keeps them plan by plan)."""
    if from_history is None:
        from_history = as_at < timezone.localdate()
    summary = PartnershipSummary(as_at)
    rows = summary_rows.rows_as_at(partnership, as_at) if from_history else summary_rows.rows_today(
        partnership, as_at, within)
    plans = {plan.pk: plan for plan in rows.plans.order_by("title")}
    summary.by_plan = {plan: RagCounts() for plan in plans.values()}
    # A version's own themes are kept apart from it (ADR 50): as at a past day, the
    # recommendation's themes are counted, as the reports' "as at" does.
    found = [number[1:] for number in numbers(partnership, as_at, rows, own_themes=not from_history)]
    # Themes are read for the numbers found: national themes belong to no partnership.
    themes = Theme.objects.in_bulk({key for name, key, _rag, _n in found if name == "by_theme"})
    add_numbers(summary, found, {"by_plan": plans, "by_agency": summary_rows.agencies(partnership, rows),
                                 "by_theme": themes})
    if from_history:  # plans that held nothing yet on that day are not shown as empty
        summary.by_plan = {plan: counts for plan, counts in summary.by_plan.items() if counts.total}
    summary.by_agency = dict(sorted(summary.by_agency.items(), key=lambda item: item[0].name))
    summary.by_theme = dict(sorted(summary.by_theme.items(), key=lambda item: item[0].name))
    return summary


def add_numbers(
    summary: PartnershipSummary, found: Iterable[tuple[str, int, str, int]],
    things: dict[str, dict[int, Any]],
) -> None:
    """Each number into its field: a colour's count, a plan's, agency's or theme's (found by id
    in `things`), or a plain number."""
    for name, key, rag, n in found:
        value = getattr(summary, name)
        if isinstance(value, RagCounts):
            value.add(rag, n)
        elif isinstance(value, dict):
            value.setdefault(things[name][key], RagCounts()).add(rag, n)
        else:
            setattr(summary, name, value + n)


def counts_by_plan(
    partnership: Partnership, as_at: date, within: Collection[int] | None = None,
) -> dict[int, Counter[Row]]:
    """What each open plan (of `within`, when given) adds to the partnership's numbers today,
    by field, key and colour, zeros left out: `partnership_summary(within=[plan])` of every
    plan at once, from the same aggregates grouped by plan as well (one pass, not one a plan).
    A plan that adds nothing (closed, empty) is not in the answer."""
    rows = summary_rows.rows_today(partnership, as_at, within)
    per: defaultdict[int, Counter[Row]] = defaultdict(Counter)
    for plan, name, key, rag, n in numbers(partnership, as_at, rows, own_themes=True, per_plan=True):
        per[plan][(name, key, rag)] += n
    return {plan: Counter({row: n for row, n in counts.items() if n}) for plan, counts in per.items()}
