"""Counts the board looks at first: RAG by plan, what is overdue, due soon, stale or awaiting assurance."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from .finder import awaits_assurance, is_due_soon, is_overdue, is_stale, with_latest_update
from .models import Action, Agency, Partnership, Plan, Recommendation, Theme
from .rag import SEVERITY


@dataclass
class RagCounts:
    counts: Counter = field(default_factory=Counter)

    def add(self, rag: str) -> None:
        self.counts[rag] += 1

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
    for plan in plans.values():
        summary.by_plan[plan] = RagCounts()
    actions = with_latest_update(
        Action.objects.filter(recommendation__plan__in=plans.values())
        .select_related("recommendation", "owner")
        .prefetch_related("recommendation__themes")
    )
    plans_of = plans_linking(partnership)
    thresholds = partnership.rag_thresholds
    for action in actions:
        rag = action.rag(as_at, thresholds).rag
        summary.overall.add(rag)
        for plan_id in {action.recommendation.plan_id, *plans_of.get(action.pk, ())} & plans.keys():
            summary.by_plan[plans[plan_id]].add(rag)
        if action.owner is not None:
            summary.by_agency.setdefault(action.owner, RagCounts()).add(rag)
        for theme in action.recommendation.themes.all():
            summary.by_theme.setdefault(theme, RagCounts()).add(rag)
        summary.overdue += is_overdue(action, as_at)
        summary.due_soon += is_due_soon(action, as_at, partnership)
        summary.stale += is_stale(action, as_at, partnership)
        summary.awaiting_assurance += awaits_assurance(action)
    count_recommendations_on_their_own(summary, plans)
    summary.by_agency = dict(sorted(summary.by_agency.items(), key=lambda item: item[0].name))
    summary.by_theme = dict(sorted(summary.by_theme.items(), key=lambda item: item[0].name))
    return summary


def plans_linking(partnership: Partnership) -> dict[int, set[int]]:
    """Action id → the other plans (composite plans) whose recommendations link to it."""
    links = Action.linked_recommendations.through.objects.filter(
        recommendation__plan__partnership=partnership
    ).values_list("action_id", "recommendation__plan_id")
    found: dict[int, set[int]] = {}
    for action_id, plan_id in links:
        found.setdefault(action_id, set()).add(plan_id)
    return found


def count_recommendations_on_their_own(summary: PartnershipSummary, plans: dict[int, Plan]) -> None:
    """Recommendations with no actions (own or linked), each counted with its own RAG."""
    alone = (
        Recommendation.objects.filter(plan__in=plans.values(), actions=None, linked_actions=None)
        .prefetch_related("themes")
    )
    for rec in alone:
        rag = rec.rag or "grey"  # never rated yet: shown grey, as an action not started
        summary.overall.add(rag)
        summary.by_plan[plans[rec.plan_id]].add(rag)
        summary.recommendations_alone += 1
        for theme in rec.themes.all():
            summary.by_theme.setdefault(theme, RagCounts()).add(rag)
