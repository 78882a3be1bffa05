"""Recommendations of different plans that are one piece of learning, not learning made again:
two answering the same review (a review's recommendation in a second plan), and a composite
plan's line with the recommendations whose actions answer it (the line answers their reviews
too). Similar recommendations and recommendations made again are learning of other reviews (the
issue of learning across reviews), so these pairs are left out of both. Never followed from one
pair to the next: a composite line citing reviews A and B is one learning with A's
recommendations and with B's, but A's and B's are not one learning with each other."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection

from django.db.models import Q

from actionplan.plans.models import Recommendation


def one_learning(rec_ids: Collection[int]) -> dict[int, set[int]]:
    """For each of `rec_ids`, those of `rec_ids` that are the same learning (see above)."""
    ids = set(rec_ids)
    links = Recommendation.linked_actions.through.objects.filter(
        Q(recommendation_id__in=ids) | Q(action__recommendation_id__in=ids)
    )
    pairs = links.values_list("recommendation_id", "action__recommendation_id")
    carried = [(carrier, answered) for carrier, answered in pairs if carrier != answered]
    reviewed = Recommendation.reviews.through.objects.filter(
        recommendation_id__in=ids | {rec for pair in carried for rec in pair}
    )
    reviews_of: dict[int, set[int]] = defaultdict(set)
    for rec_id, review_id in reviewed.values_list("recommendation_id", "review_id"):
        reviews_of[rec_id].add(review_id)
    for carrier, answered in carried:
        reviews_of[carrier] |= reviews_of[answered]
    answering: dict[int, set[int]] = defaultdict(set)
    for rec_id in ids:
        for review_id in reviews_of[rec_id]:
            answering[review_id].add(rec_id)
    same: dict[int, set[int]] = defaultdict(set)
    for rec_id in ids:
        for review_id in reviews_of[rec_id]:
            same[rec_id] |= answering[review_id] - {rec_id}
    for carrier, answered in carried:
        if carrier in ids and answered in ids:
            same[carrier].add(answered)
            same[answered].add(carrier)
    return same
