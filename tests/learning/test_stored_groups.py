"""Recommendations made again, grouped by the worker as pairs change and read a page at a time
(docs/adr/0075): the stored groups are those grouping the pairs on a request found, in the same
order, after every kind of change."""

from __future__ import annotations

import random
from datetime import date

import pytest
from django.core.paginator import Paginator

from actionplan.learning import grouping
from actionplan.learning.models import MadeAgain, NearPair
from actionplan.learning.outcomes import made_on
from actionplan.learning.recurring import NEAR, found_groups, groups_to_page
from actionplan.learning.same_learning import one_learning
from actionplan.plans.models import Plan, Recommendation, Review
from actionplan.plans.store import plan_stored
from factories import PartnershipFactory, PlanFactory, RecommendationFactory

pytestmark = pytest.mark.django_db

# Pieces of learning a board makes again in other words, and the words every plan uses.
TOPICS = [
    "GPs written reports initial child protection conferences attendance",
    "health visitors fathers safe sleeping advice newborn",
    "hoarding self neglect housing officers escalate concerns",
    "schools designated leads attendance children missing education",
    "police domestic abuse notifications share information promptly",
]
COMMON = ["partners", "should", "ensure", "staff", "training", "all", "agencies"]


def sentence(rng: random.Random) -> str:
    words = rng.choice(TOPICS).split()
    return " ".join([*rng.sample(words, 5), *rng.sample(COMMON, 2)]).capitalize() + "."


def grouped_on_request(recs) -> list[tuple[int, ...]]:
    """What the page found before the groups were stored: the partnership's pairs at `NEAR`
    grouped on each request (less those that are one learning), newest first."""
    partnerships = set(recs.values_list("plan__partnership_id", flat=True))
    paired = NearPair.objects.filter(partnership_id__in=partnerships, score__gte=NEAR)
    scores = {(a, b): score for a, b, score in paired.values_list("first", "second", "score")}
    members = recs.filter(pk__in={pk for pair in scores for pk in pair}).select_related("plan")
    by_pk = {rec.pk: rec for rec in members.prefetch_related("reviews")}
    plan_of = {pk: rec.plan_id for pk, rec in by_pk.items()}
    same = one_learning(plan_of)
    seen = {(a, b): s for (a, b), s in scores.items() if a in plan_of and b in plan_of and b not in same[a]}
    found = [tuple(sorted(group)) for group in grouping.groups(seen, plan_of, NEAR)]
    newest = {ids: max((d for pk in ids if (d := made_on(by_pk[pk]))), default=date.min) for ids in found}
    return sorted(found, key=lambda ids: (newest[ids], ids), reverse=True)


def stored(recs) -> list[tuple[int, ...]]:
    return [group.ids for group in found_groups(recs)]


def test_the_stored_groups_are_those_found_on_request_after_every_kind_of_change():
    rng = random.Random(75)
    partnership = PartnershipFactory()
    plans = [PlanFactory(partnership=partnership, as_at=date(2015 + n, 1, 1)) for n in range(6)]
    recs = [RecommendationFactory(plan=plans[n % 6], text=sentence(rng)) for n in range(36)]
    RecommendationFactory(plan__partnership=PartnershipFactory(), text=recs[0].text)  # elsewhere
    every = Recommendation.objects.filter(plan__partnership=partnership)
    first = stored(every)
    assert len(first) >= 3 and first == grouped_on_request(every)

    grouped = [pk for ids in first for pk in ids]
    edited = Recommendation.objects.get(pk=grouped[0])
    edited.text = "Midwives record the father's details at booking."
    edited.save()
    assert stored(every) == grouped_on_request(every) != first

    Recommendation.objects.get(pk=grouped[-1]).delete()
    assert not MadeAgain.objects.filter(recommendation_id=grouped[-1]).exists()
    assert stored(every) == grouped_on_request(every)

    # Two members answering one review are one learning, not learning made again.
    a, b = stored(every)[0][:2]
    review = Review.objects.create(partnership=partnership, code="Child Q", reported_on=date(2024, 5, 1))
    review.recommendations.add(a, b)
    assert stored(every) == grouped_on_request(every)
    review.delete()
    assert stored(every) == grouped_on_request(every)

    bulk = PlanFactory(partnership=partnership)
    for _ in range(8):
        RecommendationFactory(plan=bulk, text=sentence(rng))
    plan_stored.send(sender=Plan, plan=bulk)
    assert stored(every) == grouped_on_request(every)

    Plan.objects.get(pk=plans[1].pk).delete()
    assert stored(every) == grouped_on_request(every)
    assert MadeAgain.objects.filter(partnership_id=partnership.pk).count() == sum(map(len, stored(every)))


def test_a_review_reported_later_moves_its_group_first_without_grouping_again():
    rng = random.Random(7)
    partnership = PartnershipFactory()
    plans = [PlanFactory(partnership=partnership, as_at=date(2016 + n, 1, 1)) for n in range(4)]
    for n in range(20):
        RecommendationFactory(plan=plans[n % 4], text=sentence(rng))
    every = Recommendation.objects.filter(plan__partnership=partnership)
    last = stored(every)[-1]
    review = Review.objects.create(partnership=partnership, code="Adult R", reported_on=date(2001, 1, 1))
    review.recommendations.add(last[0])  # earlier than its plan: made then
    review.reported_on = date(2030, 1, 1)
    review.save()  # no pair and no group changes: only the date read on the request
    assert stored(every)[0] == last
    assert stored(every) == grouped_on_request(every)


def test_the_page_reads_the_groups_a_page_at_a_time_newest_first():
    rng = random.Random(3)
    partnership = PartnershipFactory()
    dates = [None, *(date(2016 + n, 1, 1) for n in range(4))]  # a plan without a date sorts last
    plans = [PlanFactory(partnership=partnership, as_at=day) for day in dates]
    for n in range(30):
        RecommendationFactory(plan=plans[n % 5], text=sentence(rng))
    every = Recommendation.objects.filter(plan__partnership=partnership)
    groups = found_groups(every)
    assert len(groups) >= 3
    pages = Paginator(groups_to_page(every), 2)
    assert pages.count == len(groups)
    assert [g for n in pages.page_range for g in pages.page(n).object_list] == groups
    assert [g.newest for g in groups] == sorted((g.newest for g in groups), reverse=True)
    other = Recommendation.objects.filter(plan__partnership=PartnershipFactory())
    assert found_groups(other) == [] and Paginator(groups_to_page(other), 2).count == 0
