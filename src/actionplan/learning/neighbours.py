"""The near neighbours of each recommendation, stored as its terms change (docs/adr/0061), so
that recommendations made again are grouped from a partnership's stored pairs on a request
instead of pairing all of its recommendations.

A recommendation's neighbours are found by `similar.nearest`, the one candidate search, among
the partnership's recommendations of other plans; pairs scoring `KEPT` or more are stored once
(the smaller id first). The page shows those at `recurring.NEAR` or more: the margin between
the two absorbs the drift of the rarity weights as the partnership's recommendations grow,
and `actionplan reindex` scores every pair again with today's weights."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db import transaction
from django.db.models import Q

from actionplan.plans.models import Recommendation

from .models import NearPair, RecommendationTerms
from .similar import cosine, nearest, rarity_of, stored_documents, stored_vector

# Stored at or above this, shown at or above recurring.NEAR (0.13): a pair stored when the
# partnership was smaller may score a little more or less with today's weights.
KEPT = 0.10
# At most this many neighbours of one recommendation are looked for: a recommendation near
# more than this is a generic one, which grouping would not take whole anyway.
NEIGHBOURS = 20


def neighbours_of(
    terms: RecommendationTerms, recommendation_model: Any = Recommendation
) -> list[tuple[float, int]]:
    """(cosine, id) of the recommendations of other plans of its partnership at `KEPT` or more."""
    among = recommendation_model.objects.filter(plan__partnership_id=terms.partnership_id)
    rec = recommendation_model(pk=terms.recommendation_id, plan_id=terms.plan_id)
    found = nearest(rec, among, NEIGHBOURS, other_plans=True, own_counts=terms.counts)
    return [(score, pk) for score, pk in found if score >= KEPT]


def pairs_of(
    stored: Iterable[RecommendationTerms], recommendation_model: Any = Recommendation
) -> list[NearPair]:
    """The pairs the recommendations' searches find, each once (a pair found from both ends
    keeps the higher score: the searches gather candidates from each side's own words)."""
    found: dict[tuple[int, int], NearPair] = {}
    for terms in stored:
        for score, other in neighbours_of(terms, recommendation_model):
            key = (min(terms.recommendation_id, other), max(terms.recommendation_id, other))
            if key not in found or found[key].score < score:
                found[key] = NearPair(
                    partnership_id=terms.partnership_id, first=key[0], second=key[1], score=score
                )
    return list(found.values())


def store(rec_ids: list[int]) -> None:
    """Find again the neighbours of these recommendations, whose stored terms have just changed
    (or gone: a recommendation deleted keeps no pair)."""
    with transaction.atomic():
        NearPair.objects.filter(Q(first__in=rec_ids) | Q(second__in=rec_ids)).delete()
        stored = RecommendationTerms.objects.filter(recommendation_id__in=rec_ids)
        # Two writers may find the same pair at once: the second one's is left out.
        NearPair.objects.bulk_create(pairs_of(stored), ignore_conflicts=True)


def rescore(partnership_id: int) -> int:
    """Score the partnership's stored pairs again with today's weights, forgetting those now
    under `KEPT`: run when a plan is stored in bulk, which changes the weights most (a pair
    stored when the partnership held two plans may share only words every plan now uses).
    Returns how many pairs are kept."""
    with transaction.atomic():
        pairs = list(NearPair.objects.select_for_update().filter(partnership_id=partnership_id))
        paired = NearPair.objects.filter(partnership_id=partnership_id)
        stored = RecommendationTerms.objects.filter(
            Q(recommendation_id__in=paired.values("first")) | Q(recommendation_id__in=paired.values("second"))
        )
        counts = dict(stored.values_list("recommendation_id", "counts"))
        count, documents = stored_documents([partnership_id], {t for c in counts.values() for t in c})
        rarity = {t: rarity_of(count, documents.get(t, 0)) for c in counts.values() for t in c}
        vectors = {pk: stored_vector(c, rarity) for pk, c in counts.items()}
        for pair in pairs:
            known = pair.first in vectors and pair.second in vectors
            pair.score = cosine(vectors[pair.first], vectors[pair.second]) if known else 0.0
        NearPair.objects.filter(pk__in=[p.pk for p in pairs if p.score < KEPT]).delete()
        kept = [p for p in pairs if p.score >= KEPT]
        NearPair.objects.bulk_update(kept, ["score"], batch_size=2000)
    return len(kept)


def rebuild(models: Any = None) -> int:
    """Score every pair again with today's weights; returns how many pairs are stored.
    `models` (with Recommendation) lets a migration pass its historical model."""
    recommendation_model = models.Recommendation if models else Recommendation
    with transaction.atomic():
        NearPair.objects.all().delete()
        stored = RecommendationTerms.objects.order_by("recommendation_id").iterator(chunk_size=2000)
        pairs = pairs_of(stored, recommendation_model)
        NearPair.objects.bulk_create(pairs, batch_size=5000)
    return len(pairs)
