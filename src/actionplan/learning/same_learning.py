"""Recommendations of different plans that are one piece of learning, not learning made again:
those answering the same review (a review's recommendation carried into a composite plan, or
into a plan of another board that shares the review), and a composite plan's line answered by
the actions of the recommendation it carries. Similar recommendations and recommendations made
again are learning of other reviews (the issue of learning across reviews), so these pairs are
left out of both."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterable

from django.db.models import Q

from actionplan.plans.models import Recommendation


def one_learning(rec_ids: Collection[int]) -> dict[int, set[int]]:
    """For each of `rec_ids`, the recommendations that are the same learning (see above): also
    through a third (a composite plan's line carrying a recommendation that shares its review
    with a plan of another board is the same learning as that board's)."""
    ids = list(rec_ids)
    edges: list[tuple[int, int]] = []
    reviews = Recommendation.reviews.through.objects
    shared = reviews.filter(review_id__in=reviews.filter(recommendation_id__in=ids).values("review_id"))
    first_of: dict[int, int] = {}
    for review_id, rec_id in shared.values_list("review_id", "recommendation_id"):
        edges.append((first_of.setdefault(review_id, rec_id), rec_id))
    links = Recommendation.linked_actions.through.objects.filter(
        Q(recommendation_id__in=ids) | Q(action__recommendation_id__in=ids)
    )
    edges += links.values_list("recommendation_id", "action__recommendation_id")
    return joined(edges)


def joined(edges: Iterable[tuple[int, int]]) -> dict[int, set[int]]:
    """Each recommendation named in `edges` → the others it is joined to, directly or not."""
    group_of: dict[int, set[int]] = {}
    for a, b in edges:
        one, other = group_of.setdefault(a, {a}), group_of.setdefault(b, {b})
        if one is not other:
            one |= other
            for pk in other:
                group_of[pk] = one
    same: dict[int, set[int]] = defaultdict(set)
    same.update({pk: group - {pk} for pk, group in group_of.items()})
    return same
