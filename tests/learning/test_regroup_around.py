"""Recommendations made again grouped again only around what changed (docs/adr/0082): after any
sequence of changes to the pairs, the reviews, the links of a composite plan and deletions, the
stored groups are those a regroup of the whole partnership finds."""

from __future__ import annotations

import random
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from actionplan.learning import grouping, stored_groups
from actionplan.learning.models import MadeAgain, NearPair
from actionplan.plans.models import Action, Partnership, Plan, Recommendation, Review
from factories import ActionFactory, PartnershipFactory, PlanFactory, RecommendationFactory

pytestmark = pytest.mark.django_db

STEPS = ["pair", "unpair", "rescore", "review", "unreview", "link", "unlink", "delete action",
         "delete recommendation", "delete review"]


def stored(partnership: Partnership) -> set[frozenset[int]]:
    groups: dict[int, set[int]] = {}
    rows = MadeAgain.objects.filter(partnership_id=partnership.pk).values_list("group", "recommendation_id")
    for key, pk in rows:
        groups.setdefault(key, set()).add(pk)
    return {frozenset(members) for members in groups.values()}


def whole(partnership: Partnership) -> set[frozenset[int]]:
    return {frozenset(group) for group in stored_groups.groups_from_pairs(partnership.pk)}


class World:
    """A partnership of a few plans whose pairs are written at random, as dense as a board's
    learning made again: clusters of near recommendations, now and then joined."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.partnership = PartnershipFactory()
        plans = [PlanFactory(partnership=self.partnership, as_at=date(2016 + n, 1, 1)) for n in range(5)]
        composite = PlanFactory(partnership=self.partnership, kind=Plan.Kind.COMPOSITE_ACTION_PLAN)
        # Texts with no words in common: the pairs are the test's own, never found by a search.
        self.recs = [RecommendationFactory(plan=plans[n % 5], text=f"Zq{n}") for n in range(16)]
        self.recs += [RecommendationFactory(plan=composite, text=f"Zc{n}") for n in range(3)]
        for rec in self.recs[:16:2]:
            ActionFactory(recommendation=rec, text=f"Za{rec.pk}")
        self.reviews = [Review.objects.create(partnership=self.partnership, code=f"R{n}") for n in range(4)]
        for n in range(24):
            self.pair(n)
        stored_groups.regroup([self.partnership.pk])

    def live(self) -> list[Recommendation]:
        return list(Recommendation.objects.filter(plan__partnership=self.partnership).order_by("pk"))

    def pair(self, n: int) -> set[int]:
        recs = self.live()
        a, b = self.rng.sample(recs, 2)
        if a.plan_id == b.plan_id:
            return set()
        first, second = sorted((a.pk, b.pk))
        NearPair.objects.update_or_create(
            first=first, second=second,
            defaults={"partnership_id": self.partnership.pk, "score": 0.10 + (n % 7) / 20},
        )
        return {first, second}

    def do(self, step: str, n: int) -> None:
        """One change; a change of the pairs is followed by what the pairs' task runs."""
        pairs = list(NearPair.objects.filter(partnership_id=self.partnership.pk).order_by("pk"))
        recs = self.live()
        rec = recs[n % len(recs)]
        review = self.reviews[n % len(self.reviews)]
        touched: set[int] = set()
        if step == "pair":
            touched = self.pair(n)
        elif step in {"unpair", "rescore"} and pairs:
            chosen = pairs[n % len(pairs)]
            touched = {chosen.first, chosen.second}
            if step == "unpair":
                chosen.delete()
            else:  # across the threshold shown, or only in order
                chosen.score = [0.11, 0.14, 0.5][n % 3]
                chosen.save()
        elif step == "review" and Review.objects.filter(pk=review.pk).exists():
            rec.reviews.add(review)
        elif step == "unreview":
            rec.reviews.clear()
        elif step in {"link", "unlink"}:
            carrier = recs[-1 - n % 3] if recs[-1].plan.kind == Plan.Kind.COMPOSITE_ACTION_PLAN else rec
            actions = list(Action.objects.filter(recommendation__plan__partnership=self.partnership))
            if actions and step == "link":
                carrier.linked_actions.add(actions[n % len(actions)])
            elif step == "unlink":
                carrier.linked_actions.clear()
        elif step == "delete action":
            Action.objects.filter(recommendation=rec).delete()
        elif step == "delete recommendation":
            ends = NearPair.objects.filter(first=rec.pk).values_list("second", flat=True)
            touched = {rec.pk, *ends, *NearPair.objects.filter(second=rec.pk).values_list("first", flat=True)}
            rec.delete()  # its pairs go with its stored words
        elif step == "delete review":
            Review.objects.filter(pk=review.pk).delete()
        if touched:
            stored_groups.regroup_around([self.partnership.pk], touched)


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.integers(0, 10_000), st.lists(st.tuples(st.sampled_from(STEPS), st.integers(0, 60)), max_size=8))
def test_grouping_again_around_a_change_stores_what_grouping_the_whole_finds(seed, steps):
    world = World(random.Random(seed))
    assert stored(world.partnership) == whole(world.partnership)
    for step, n in steps:
        world.do(step, n)
        assert stored(world.partnership) == whole(world.partnership), step


def test_only_the_recommendations_linked_to_a_change_are_grouped_again():
    scores = {(1, 2): 0.2, (2, 3): 0.3, (4, 5): 0.2, (6, 7): 0.5}
    assert grouping.linked_to(scores, [3]) == {1, 2, 3}
    assert grouping.linked_to(scores, [5, 9]) == {4, 5, 9}
    assert grouping.linked_to(scores, []) == set()


def test_a_group_left_as_it_was_is_not_written_again():
    world = World(random.Random(5))
    rows = MadeAgain.objects.filter(partnership_id=world.partnership.pk)
    before = dict(rows.values_list("recommendation_id", "pk"))
    assert before, "the world has groups to keep"
    stored_groups.regroup_around([world.partnership.pk], set(before))
    assert dict(rows.values_list("recommendation_id", "pk")) == before
