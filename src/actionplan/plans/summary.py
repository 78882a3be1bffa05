"""Counts the board looks at first: RAG by plan, what is overdue, due soon, stale or awaiting assurance."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db.models import Max

from .assurance import AssuranceStatus
from .models import Action, Partnership, Plan
from .rag import SEVERITY
from .status import FINISHED


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
    overdue: int = 0
    due_soon: int = 0
    stale: int = 0
    awaiting_assurance: int = 0


def partnership_summary(partnership: Partnership, as_at: date) -> PartnershipSummary:
    summary = PartnershipSummary(as_at)
    plans = {plan.pk: plan for plan in partnership.plans.order_by("title")}
    for plan in plans.values():
        summary.by_plan[plan] = RagCounts()
    actions = (
        Action.objects.filter(recommendation__plan__partnership=partnership)
        .select_related("recommendation__plan__partnership")
        .annotate(last_update=Max("updates__written_on"))
    )
    plans_of = plans_linking(partnership)
    soon = as_at + timedelta(days=partnership.amber_within_days)
    stale_before = as_at - timedelta(days=partnership.stale_after_days)
    for action in actions:
        rag = action.rag(as_at).rag
        summary.overall.add(rag)
        for plan_id in {action.recommendation.plan_id, *plans_of.get(action.pk, ())}:
            summary.by_plan[plans[plan_id]].add(rag)
        if action.status in FINISHED:
            summary.awaiting_assurance += action.assurance == AssuranceStatus.SUBMITTED
            continue
        due = action.current_due
        summary.overdue += due is not None and due < as_at
        summary.due_soon += due is not None and as_at <= due <= soon
        summary.stale += (action.last_update or action.created_at.date()) < stale_before
        summary.awaiting_assurance += action.assurance == AssuranceStatus.SUBMITTED
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
