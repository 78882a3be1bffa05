"""What a report covers: one plan, one review, the composite plan(s) or the whole partnership,
optionally narrowed to one agency's actions. Resolves a scope into plan sources to lay out."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from django.db.models import Prefetch, QuerySet

from actionplan.plans.composite import NO_THEME
from actionplan.plans.models import Action, Agency, Partnership, Plan, Recommendation

from .model import COMPOSITE_LAYOUT, REVIEW_LAYOUT


class ScopeError(ValueError):
    """A scope naming something the partnership does not have."""


# The dates a report may be "as at": wide enough for any board's history and planning, narrow
# enough that the trend chart's years around it stay within what dates can hold.
EARLIEST_AS_AT = date(1900, 1, 1)
LATEST_AS_AT = date(2199, 12, 31)


def check_as_at(as_at: date) -> None:
    if not EARLIEST_AS_AT <= as_at <= LATEST_AS_AT:
        raise ScopeError(
            f"the as-at date must be between {EARLIEST_AS_AT:%d/%m/%Y} and {LATEST_AS_AT:%d/%m/%Y}"
        )


@dataclass(frozen=True)
class Scope:
    plan_id: int | None = None
    review: str | None = None  # a review's code, e.g. "Child R"
    composite: bool = False
    agency: str | None = None  # an agency's name or alias
    recurring: bool = False  # the recurring-learning report, of every plan, as things are today


@dataclass
class PlanSource:
    """A plan (or a grouping standing in for one) with its recommendations in source order."""

    title: str
    layout: str
    # (section heading, recommendations); an action-less recommendation is tracked on its own.
    sections: list[tuple[str, list[Recommendation]]] = field(default_factory=list)
    plan: Plan | None = None
    open_only: bool = False  # keep only actions not finished as at the report date


@dataclass
class Resolved:
    title: str
    sources: list[PlanSource]
    agency: Agency | None


def resolve(partnership: Partnership, scope: Scope) -> Resolved:
    agency = find_agency(partnership, scope.agency) if scope.agency else None
    if scope.plan_id is not None:
        plan = partnership.plans.filter(pk=scope.plan_id).first()
        if plan is None:
            raise ScopeError(f"{partnership} has no plan with id {scope.plan_id}")
        sources, title = [plan_source(plan)], plan.title
    elif scope.review:
        sources, title = review_sources(partnership, scope.review), f"Review {scope.review}"
    elif scope.composite:
        sources, title = composite_sources(partnership), "Composite action plan"
    else:
        sources, title = [plan_source(p) for p in review_plans_first(partnership.plans.all())], "All plans"
    if agency is not None:
        title = f"{title}: {agency.name}"
    return Resolved(title, sources, agency)


def find_agency(partnership: Partnership, name: str) -> Agency:
    for agency in partnership.agencies.all():
        if agency.is_called(name):
            return agency
    raise ScopeError(f"{partnership} has no agency called '{name}'")


def recommendations(plans: QuerySet | list) -> QuerySet:
    owned = Action.objects.select_related("owner").order_by("order", "pk")
    return (
        Recommendation.objects.filter(plan__in=plans)
        .select_related("plan", "section")
        .prefetch_related("reviews", "themes", Prefetch("actions", owned), Prefetch("linked_actions", owned))
        .order_by("plan", "order", "pk")
    )


def layout_of(plan: Plan) -> str:
    return COMPOSITE_LAYOUT if plan.kind == Plan.Kind.COMPOSITE_ACTION_PLAN else REVIEW_LAYOUT


def by_section(recs: list[Recommendation]) -> list[tuple[str, list[Recommendation]]]:
    """Group in source order; a recommendation outside any section sits under a blank heading."""
    sections: dict[str, list[Recommendation]] = {}
    for rec in recs:
        sections.setdefault(rec.section.name if rec.section else "", []).append(rec)
    return list(sections.items())


def plan_source(plan: Plan, recs: list[Recommendation] | None = None) -> PlanSource:
    recs = list(recommendations([plan])) if recs is None else recs
    return PlanSource(plan.title, layout_of(plan), by_section(recs), plan)


def review_plans_first(plans: QuerySet) -> list[Plan]:
    """Composite plans last: an action is then listed (and its exceptions named) under its own plan."""
    return sorted(plans, key=lambda p: (p.kind == Plan.Kind.COMPOSITE_ACTION_PLAN, p.title))


def review_sources(partnership: Partnership, code: str) -> list[PlanSource]:
    review = partnership.reviews.filter(code__iexact=code.strip()).first()
    if review is None:
        raise ScopeError(f"{partnership} has no review '{code}'")
    # A composite plan's links to the same actions are not shown twice (see tables.AsAt.once).
    plans = review_plans_first(partnership.plans.filter(recommendations__reviews=review).distinct())
    recs = list(recommendations(plans).filter(reviews=review))
    return [plan_source(p, [r for r in recs if r.plan_id == p.pk]) for p in plans]


def composite_sources(partnership: Partnership) -> list[PlanSource]:
    composites = partnership.plans.filter(kind=Plan.Kind.COMPOSITE_ACTION_PLAN).order_by("title")
    if composites:
        return [plan_source(p) for p in composites]
    return [open_actions_by_theme(partnership)]


def open_actions_by_theme(partnership: Partnership) -> PlanSource:
    """No composite plan yet: every open action, grouped by its recommendation's first theme."""
    themes: dict[str, list[Recommendation]] = {}
    for rec in recommendations(partnership.plans.all()):
        names = sorted(t.name for t in rec.themes.all())
        themes.setdefault(names[0] if names else NO_THEME, []).append(rec)
    sections = sorted(themes.items(), key=lambda item: (item[0] == NO_THEME, item[0]))
    return PlanSource("Open actions by theme", COMPOSITE_LAYOUT, sections, open_only=True)
