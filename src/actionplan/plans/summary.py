"""Counts the board looks at first: RAG by plan, what is overdue, due soon, stale or awaiting assurance.

Every number is a SQL aggregate (a handful of GROUP BY queries whatever the number of actions):
the RAG rule and the exception tests run in the database through `rag_sql`, the SQL form of the
rule that `Action.rag` applies to one action.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from django.db.models import Count, F, Q, QuerySet, Value
from django.db.models.functions import Coalesce, NullIf

from . import rag_sql
from .models import Action, Agency, Partnership, Plan, Recommendation, Theme
from .rag import SEVERITY, Rag


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


def partnership_summary(partnership: Partnership, as_at: date) -> PartnershipSummary:
    """The live counts: closed plans are left out (they stay in reports and searches).
    A recommendation with no actions is tracked on itself and counted like an action."""
    summary = PartnershipSummary(as_at)
    plans = {plan.pk: plan for plan in partnership.plans.filter(closed_on=None).order_by("title")}
    summary.by_plan = {plan: RagCounts() for plan in plans.values()}
    thresholds = partnership.rag_thresholds
    live = Action.objects.filter(in_open_plans(partnership, "recommendation__")).annotate(
        shown=rag_sql.shown_rag(as_at, thresholds)
    )
    # Each action is in one plan of its own: the partnership's counts are the sum of its plans'.
    own_plans = list(grouped(live, "recommendation__plan_id"))
    add_counts(summary.overall, own_plans)
    add_per(summary.by_plan, plans, own_plans)
    add_per(summary.by_plan, plans, linked_counts(partnership, as_at))
    agencies = Agency.objects.filter(partnership=partnership).in_bulk()
    add_per(summary.by_agency, agencies, grouped(live.filter(owner__isnull=False), "owner_id"))
    themes = Theme.objects.filter(Theme.seen_by(partnership)).in_bulk()
    add_theme_counts(summary.by_theme, themes, live)
    exceptions = rag_sql.Exceptions.on(as_at, partnership.amber_within_days, partnership.stale_after_days)
    numbers = live.aggregate(**{name: Count("pk", filter=condition)
                                for name, condition in vars(exceptions).items()})
    for name, n in numbers.items():
        setattr(summary, name, n)
    count_recommendations_on_their_own(summary, partnership, plans, themes)
    summary.by_agency = dict(sorted(summary.by_agency.items(), key=lambda item: item[0].name))
    summary.by_theme = dict(sorted(summary.by_theme.items(), key=lambda item: item[0].name))
    return summary


def in_open_plans(partnership: Partnership, path: str) -> Q:
    """Rows of the partnership's open plans, reached through `path`. A join, not a list of plan
    ids: the database then knows how many rows match and plans accordingly."""
    return Q(**{f"{path}plan__partnership": partnership, f"{path}plan__closed_on": None})


def grouped(rows: QuerySet, by: str) -> Iterable[tuple]:
    """(key, rag, count) per group of `rows`, which carry their RAG annotated as `shown`."""
    return rows.values_list(by, "shown").annotate(n=Count("pk")).order_by()


def add_counts(counts: RagCounts, groups: Iterable[tuple]) -> None:
    for _key, rag, n in groups:
        counts.add(rag, n)


def add_per(per: dict, things: dict, groups: Iterable[tuple]) -> None:
    for key, rag, n in groups:
        per.setdefault(things[key], RagCounts()).add(rag, n)


def add_theme_counts(per: dict, themes: dict, live: QuerySet) -> None:
    """Each action under the themes of its recommendation and its own, once a theme: those
    through the recommendation, plus its own, less those it has both ways (three GROUP BYs)."""
    add_per(per, themes, grouped(live.filter(recommendation__themes__isnull=False), "recommendation__themes"))
    add_per(per, themes, grouped(live.filter(themes__isnull=False), "themes"))
    both = grouped(live.filter(themes=F("recommendation__themes")), "themes")
    add_per(per, themes, ((theme, rag, -n) for theme, rag, n in both))


def linked_counts(partnership: Partnership, as_at: date) -> Iterable[tuple]:
    """(composite plan id, rag, count) of the actions of other open plans that each open plan's
    recommendations link to; an action is counted once per plan however many links it has."""
    links = Action.linked_recommendations.through.objects.filter(
        in_open_plans(partnership, "recommendation__"), in_open_plans(partnership, "action__recommendation__")
    ).exclude(action__recommendation__plan=F("recommendation__plan"))
    return (
        links.annotate(shown=rag_sql.shown_rag(as_at, partnership.rag_thresholds, prefix="action__"))
        .values_list("recommendation__plan_id", "shown")  # type: ignore[misc]  # django-stubs misses annotations on a link table's rows
        .annotate(n=Count("action_id", distinct=True))
        .order_by()
    )


def count_recommendations_on_their_own(
    summary: PartnershipSummary, partnership: Partnership, plans: dict[int, Plan], themes: dict[int, Theme]
) -> None:
    """Recommendations with no actions (own or linked), each counted with its own RAG."""
    alone = Recommendation.objects.filter(in_open_plans(partnership, ""), actions=None, linked_actions=None)
    # Never rated: grey, as an action not started.
    alone = alone.annotate(shown=Coalesce(NullIf("rag", Value("")), Value(Rag.GREY.value)))
    for plan_id, rag, n in grouped(alone, "plan_id"):
        summary.overall.add(rag, n)
        summary.by_plan[plans[plan_id]].add(rag, n)
        summary.recommendations_alone += n
    add_per(summary.by_theme, themes, grouped(alone.filter(themes__isnull=False), "themes"))
