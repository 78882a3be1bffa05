"""Learning that recurs: themes and near-duplicate recommendations met in several reviews.

Near-duplicates are recommendations of different plans whose TF-IDF cosine reaches a threshold,
stored as their words change (neighbours.py) and gathered into groups (grouping.py). A group is
flagged when an earlier member had an action marked implemented: the same learning came back
after the board had called it done."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from django.db.models import Q, QuerySet

from actionplan.plans.models import Action, Recommendation, Theme

from . import grouping
from .models import NearPair
from .outcomes import MADE_ON, Outcome, made_on, outcome_of

# Chosen on real published plans: the GP and child-protection-conference recommendations of
# three reviews score 0.14 to 0.18 with each other; of 2,700 pairs of recommendations of different
# plans about 20 reach 0.13, the median pair scores 0.015 (docs/adr/0032).
NEAR = 0.13


@dataclass(frozen=True)
class Member:
    recommendation: Recommendation
    made_on: date | None
    outcome: Outcome


@dataclass(frozen=True)
class Recurrence:
    members: list[Member]  # oldest first

    @property
    def newest(self) -> date:
        return max((m.made_on for m in self.members if m.made_on), default=date.min)

    @property
    def done_before(self) -> list[Member]:
        """Earlier members (not the newest) whose actions were marked implemented."""
        return [m for m in self.members[:-1] if m.outcome.any_implemented]


@dataclass(frozen=True)
class Group:
    """A group of recommendations made again, before its members are read: what a page of groups
    is cut from."""

    ids: tuple[int, ...]
    newest: date


def found_groups(recs: QuerySet[Recommendation], near: float = NEAR) -> list[Group]:
    """The groups among `recs`, newest first, from the stored near pairs of their partnerships
    (docs/adr/0061): two queries, whatever the number of recommendations."""
    partnerships = list(recs.order_by().values_list("plan__partnership_id", flat=True).distinct())
    paired = NearPair.objects.filter(partnership_id__in=partnerships, score__gte=near)
    scores = {(a, b): score for a, b, score in paired.values_list("first", "second", "score")}
    members = (
        recs.filter(Q(pk__in=paired.values("first")) | Q(pk__in=paired.values("second")))
        .annotate(made=MADE_ON)
        .values_list("pk", "plan_id", "made")
    )
    plan_of, made = {}, {}
    for pk, plan_id, day in members:
        plan_of[pk], made[pk] = plan_id, day
    seen = {pair: score for pair, score in scores.items() if pair[0] in plan_of and pair[1] in plan_of}
    found = [
        Group(tuple(sorted(group)), max((d for pk in group if (d := made[pk])), default=date.min))
        for group in grouping.groups(seen, plan_of, near)
    ]
    return sorted(found, key=lambda g: (g.newest, g.ids), reverse=True)


def recurrences_of(found: Iterable[Group], recs: QuerySet[Recommendation]) -> list[Recurrence]:
    """The groups with their members read in full (their reviews, dates and outcomes): for a page
    of groups, only that page's recommendations are read."""
    chosen = list(found)
    rows = (
        recs.filter(pk__in=[pk for group in chosen for pk in group.ids])
        .select_related("plan")
        .prefetch_related("reviews", "actions", "linked_actions")
    )
    by_pk = {rec.pk: Member(rec, made_on(rec), outcome_of(rec)) for rec in rows}
    return [
        Recurrence(sorted((by_pk[pk] for pk in group.ids),
                          key=lambda m: (m.made_on or date.min, m.recommendation.pk)))
        for group in chosen
    ]


def recurrences(recs: QuerySet[Recommendation], near: float = NEAR) -> list[Recurrence]:
    """Every group of near-duplicate recommendations from more than one plan, newest first."""
    return recurrences_of(found_groups(recs, near), recs)


@dataclass(frozen=True)
class ThemeCount:
    theme: Theme
    reviews: int
    recommendations: int
    newest: date | None
    includes: tuple[str, ...] = ()  # the partnership's own themes counted under this national one


def recurring_themes(recs: QuerySet[Recommendation], themes: QuerySet[Theme]) -> list[ThemeCount]:
    """Themes carried, on a recommendation or on one of its actions, in more than one review;
    the theme met most recently first. A partnership's own theme mapped to a national one is
    counted under the national theme (a recommendation tagged with both, once)."""
    folded = {t.pk: t.maps_to_id for t in themes if t.maps_to_id}
    folded_names: dict[int, list[str]] = defaultdict(list)
    for theme in themes:
        if theme.maps_to_id:
            folded_names[theme.maps_to_id].append(theme.name)
    on_recs = Recommendation.themes.through.objects.filter(recommendation__in=recs)
    on_actions = Action.themes.through.objects.filter(action__recommendation__in=recs)
    tagged = [
        *on_recs.values_list("theme_id", "recommendation_id"),
        *on_actions.values_list("theme_id", "action__recommendation_id"),
    ]
    # Each recommendation's reviews with their dates, in one query.
    links = Recommendation.reviews.through.objects.filter(recommendation__in=recs)
    reviews_of: dict[int, set[int]] = defaultdict(set)
    dates: dict[int, date | None] = {}
    linked = links.values_list("recommendation_id", "review_id", "review__reported_on")
    for rec_id, review_id, reported_on in linked:
        reviews_of[rec_id].add(review_id)
        dates[review_id] = reported_on
    recs_of: dict[int, set[int]] = defaultdict(set)
    for theme_id, rec_id in tagged:
        recs_of[folded.get(theme_id, theme_id)].add(rec_id)
    rows = []
    for theme in themes.filter(pk__in=recs_of):
        reviews = {review for rec in recs_of[theme.pk] for review in reviews_of[rec]}
        if len(reviews) > 1:
            reported = [day for r in reviews if (day := dates.get(r)) is not None]
            newest = max(reported) if reported else None
            includes = tuple(sorted(folded_names.get(theme.pk, [])))
            rows.append(ThemeCount(theme, len(reviews), len(recs_of[theme.pk]), newest, includes))
    return sorted(rows, key=lambda row: (row.newest or date.min, row.reviews), reverse=True)
