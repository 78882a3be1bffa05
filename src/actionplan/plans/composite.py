"""Composite action plans: the open actions of several reviews brought together by theme.

A composite plan links to the actions of the reviews' own plans; it never copies them, so an
update posted once shows in both: one action may answer the recommendations of several reviews.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from .counts_touched import counted
from .finder import is_open, with_latest_update
from .models import Action, Partnership, Plan, Recommendation, Review, Section

NO_THEME = "No theme recorded"


@dataclass
class CompositeLine:
    ref: str
    action: Action
    reviews: list[Review]


@dataclass
class ThemeGroup:
    theme: str
    lines: list[CompositeLine] = field(default_factory=list)


def compose(
    partnership: Partnership, reviews: list[Review], *, open_only: bool, as_at: date
) -> list[ThemeGroup]:
    """The chosen reviews' actions grouped by the theme of their recommendation, numbered 1.1, 1.2…"""
    chosen = {r.pk for r in reviews}
    actions = with_latest_update(
        Action.objects.filter(
            recommendation__plan__partnership=partnership, recommendation__reviews__in=chosen
        )
        .exclude(recommendation__plan__kind=Plan.Kind.COMPOSITE_ACTION_PLAN)
        .distinct()
        .select_related("owner", "recommendation")
        .prefetch_related("recommendation__themes", "recommendation__reviews")
        .order_by("recommendation__plan_id", "recommendation__order", "order")
    )
    thresholds = partnership.rag_thresholds
    groups: dict[str, ThemeGroup] = {}
    for action in actions:
        if open_only and not is_open(action):
            continue
        action.judged = action.rag(as_at, thresholds)
        themes = [t.name for t in action.recommendation.themes.all()] or [NO_THEME]
        group = groups.setdefault(themes[0], ThemeGroup(themes[0]))
        group.lines.append(CompositeLine("", action, list(action.recommendation.reviews.all())))
    ordered = sorted(groups.values(), key=lambda g: (g.theme == NO_THEME, g.theme))
    for number, group in enumerate(ordered, start=1):
        for position, line in enumerate(group.lines, start=1):
            line.ref = f"{number}.{position}"
    return ordered


@counted()
def save_composite(partnership: Partnership, title: str, groups: list[ThemeGroup], as_at: date) -> Plan:
    plan = Plan.objects.create(
        partnership=partnership, title=title, kind=Plan.Kind.COMPOSITE_ACTION_PLAN, as_at=as_at
    )
    order = 0
    for position, group in enumerate(groups):
        section = Section.objects.create(plan=plan, order=position, name=group.theme, kind=Section.Kind.THEME)
        for line in group.lines:
            order += 1
            source = line.action.recommendation
            rec = Recommendation.objects.create(
                plan=plan,
                section=section,
                order=order,
                ref=line.ref,
                outcome=source.outcome,
                text=source.text,
            )
            rec.reviews.set(line.reviews)
            rec.themes.set(source.themes.all())
            rec.linked_actions.add(line.action)
            plan.reviews.add(*line.reviews)
    return plan
