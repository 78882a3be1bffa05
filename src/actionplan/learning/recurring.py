"""Learning that recurs: themes and near-duplicate recommendations met in several reviews.

Near-duplicates are recommendations of different plans whose TF-IDF cosine reaches a threshold,
stored as their words change (neighbours.py) and gathered into groups (grouping.py). A group is
flagged when an earlier member had an action marked implemented: the same learning came back
after the board had called it done."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from django.db.models import Q, QuerySet

from actionplan.plans.models import Recommendation

from . import grouping
from .models import NearPair
from .outcomes import MADE_ON, Outcome, made_on, outcome_of
from .same_learning import one_learning

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
    same = one_learning(plan_of)
    seen = {
        (a, b): score for (a, b), score in scores.items()
        if a in plan_of and b in plan_of and b not in same[a]
    }
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

