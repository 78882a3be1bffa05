"""Recommendations tracked on themselves (no actions of their own, none linked): which they are,
and which of them a filtered list shows beside its actions.

The dashboard counts them with the actions (`summary`), so the lists its numbers link to list
them too, by the same tests: a recommendation has no owner and no due date, so it is never in an
agency's list, nor overdue, due soon or not updated (as the board report's exceptions judge it);
its plan, themes, status, RAG and assurance are its own.
"""

from __future__ import annotations

from datetime import date

from django.db.models import Exists, OuterRef, Q, QuerySet, Value
from django.db.models.functions import Coalesce, NullIf

from .finder import ActionCriteria
from .models import Action, Partnership, Recommendation
from .rag import Rag
from .rag_sql import awaiting_assurance

# Never rated: grey, as an action not started.
RECOMMENDATION_RAG = Coalesce(NullIf("rag", Value("")), Value(Rag.GREY.value))


def without_actions(recommendations: QuerySet[Recommendation]) -> QuerySet[Recommendation]:
    """NOT EXISTS, not a join of every action then kept where none matched (0.5 s at 100,000)."""
    own = Action.objects.filter(recommendation=OuterRef("pk"))
    linked = Action.linked_recommendations.through.objects.filter(recommendation=OuterRef("pk"))
    return recommendations.exclude(Exists(own)).exclude(Exists(linked))


def find_recommendations_alone(
    partnership: Partnership, as_at: date, criteria: ActionCriteria
) -> QuerySet[Recommendation]:
    """Those a list of actions filtered by `criteria` shows too, in plan order, with their RAG
    annotated as `shown`. `as_at` is unused (their RAG is their own), kept so that both finders
    read alike."""
    if criteria.agency or criteria.agencies or criteria.overdue or criteria.due_soon or criteria.stale:
        return Recommendation.objects.none()
    # A closed plan's are found by choosing the plan, as its actions are.
    in_plans = Q(plan_id=criteria.plan) if criteria.plan else Q(plan__closed_on=None)
    found = Recommendation.objects.filter(in_plans, plan__partnership=partnership)
    if criteria.theme:
        found = found.filter(pk__in=Recommendation.themes.through.objects.filter(
            theme=criteria.theme).values("recommendation_id"))
    if criteria.status:
        found = found.filter(status=criteria.status)
    found = without_actions(found).annotate(shown=RECOMMENDATION_RAG)
    if criteria.rag:
        found = found.filter(shown=criteria.rag)
    if criteria.awaiting_assurance:
        found = found.filter(awaiting_assurance())
    return found.select_related("plan").order_by("plan__title", "plan_id", "order", "pk")
