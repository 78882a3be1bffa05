"""Counts the board looks at first: RAG by plan, what is overdue, due soon, stale or awaiting assurance.

Every number is a SQL aggregate (a handful of GROUP BY queries whatever the number of actions):
the RAG rule and the exception tests run in the database through `rag_sql`, the SQL form of the
rule that `Action.rag` applies to one action.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from datetime import date

from django.db.models import Count, F, QuerySet
from django.utils import timezone

from . import rag_sql, summary_rows
from .models import Agency, Partnership, Plan, Recommendation, Theme
from .rag import SEVERITY


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
    live = rows.actions
    # Each action is in one plan of its own: the partnership's counts are the sum of its plans'.
    own_plans = list(grouped(live, "recommendation__plan_id"))
    add_counts(summary.overall, own_plans)
    add_per(summary.by_plan, plans, own_plans)
    add_per(summary.by_plan, plans, rows.linked)
    # A version's own themes are kept apart from it (ADR 50): as at a past day, the
    # recommendation's themes are counted, as the reports' "as at" does.
    add_theme_counts(summary.by_theme, live, own_themes=not from_history)
    # The exceptions are counted in the same reading of the actions as the owners' RAG.
    exceptions = rag_sql.Exceptions.on(as_at, partnership.amber_within_days, partnership.stale_after_days,
                                       rows.last_touched)
    names = list(vars(exceptions))
    by_owner = list(live.values_list("owner_id", "shown").annotate(
        n=Count("pk"), **{name: Count("pk", filter=condition) for name, condition in vars(exceptions).items()}
    ).order_by())
    for i, name in enumerate(names):
        setattr(summary, name, sum(group[3 + i] for group in by_owner))
    agencies = summary_rows.agencies(partnership, rows)
    add_per(summary.by_agency, agencies, [group[:3] for group in by_owner if group[0] is not None])
    count_recommendations_on_their_own(summary, rows.alone, plans)
    if from_history:  # plans that held nothing yet on that day are not shown as empty
        summary.by_plan = {plan: counts for plan, counts in summary.by_plan.items() if counts.total}
    summary.by_agency = dict(sorted(summary.by_agency.items(), key=lambda item: item[0].name))
    summary.by_theme = dict(sorted(summary.by_theme.items(), key=lambda item: item[0].name))
    return summary


def grouped(rows: QuerySet, by: str) -> Iterable[tuple]:
    """(key, rag, count) per group of `rows`, which carry their RAG annotated as `shown`."""
    return rows.values_list(by, "shown").annotate(n=Count("pk")).order_by()


def add_counts(counts: RagCounts, groups: Iterable[tuple]) -> None:
    for _key, rag, n in groups:
        counts.add(rag, n)


def add_per(per: dict, things: dict, groups: Iterable[tuple]) -> None:
    for key, rag, n in groups:
        per.setdefault(things[key], RagCounts()).add(rag, n)


def add_theme_counts(per: dict, live: QuerySet, *, own_themes: bool) -> None:
    """Each action under the themes of its recommendation and its own, once a theme: those
    through the recommendation, plus its own, less those it has both ways (three GROUP BYs).
    Themes are read for the groups found: national themes belong to no partnership."""
    groups = list(grouped(live.filter(recommendation__themes__isnull=False), "recommendation__themes"))
    if own_themes:
        groups += grouped(live.filter(themes__isnull=False), "themes")
        both = grouped(live.filter(themes=F("recommendation__themes")), "themes")
        groups += [(theme, rag, -n) for theme, rag, n in both]
    add_per_theme(per, groups)


def add_per_theme(per: dict, groups: Iterable[tuple]) -> None:
    """Themes are read for the groups found: national themes belong to no partnership."""
    found = list(groups)
    add_per(per, Theme.objects.in_bulk({key for key, _rag, _n in found}), found)


def count_recommendations_on_their_own(
    summary: PartnershipSummary, alone: QuerySet[Recommendation], plans: dict[int, Plan]
) -> None:
    """Recommendations with no actions (own or linked), each counted with its own RAG, and
    among what awaits assurance (never overdue, due soon nor stale: they have no due date)."""
    for plan_id, rag, n in grouped(alone, "plan_id"):
        summary.overall.add(rag, n)
        summary.by_plan[plans[plan_id]].add(rag, n)
        summary.recommendations_alone += n
    summary.awaiting_assurance += alone.filter(rag_sql.awaiting_assurance("assurance_then")).count()
    add_per_theme(summary.by_theme, grouped(alone.filter(themes__isnull=False), "themes"))
