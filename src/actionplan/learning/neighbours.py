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

from . import stored_groups
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
    (or gone: a recommendation deleted keeps no pair). A pair that only its other end's search had
    found is scored again with the new words rather than dropped, so the pairs do not depend on
    which of two recommendations was edited last."""
    changed = set(rec_ids)
    with transaction.atomic():
        touching = NearPair.objects.filter(Q(first__in=changed) | Q(second__in=changed))
        before = list(touching)
        touching.delete()
        stored = RecommendationTerms.objects.filter(recommendation_id__in=changed)
        found = {(p.first, p.second): p for p in pairs_of(stored)}
        others = [
            p for p in before if (p.first, p.second) not in found and not {p.first, p.second} <= changed
        ]
        ends = {pk for p in others for pk in (p.first, p.second)}
        ends_terms = RecommendationTerms.objects.filter(recommendation_id__in=ends)
        counts = dict(ends_terms.values_list("recommendation_id", "counts"))
        kept = [p for p in scored_again(others, counts) if p.score >= KEPT]
        # Two writers may find the same pair at once: the second one's is left out.
        NearPair.objects.bulk_create([*found.values(), *kept], ignore_conflicts=True)
        changed_pairs = [*before, *found.values(), *kept]
    # The groups change with the pairs, grouped in the same task (docs/adr/0075): only around the
    # ends of the pairs removed, found or scored again (docs/adr/0082).
    stored_groups.regroup_around(
        {p.partnership_id for p in changed_pairs}, {pk for p in changed_pairs for pk in (p.first, p.second)}
    )


def scored_again(pairs: list[NearPair], counts: dict[int, dict[str, int]]) -> list[NearPair]:
    """The pairs (of one or more partnerships) with their cosine in today's weights, as new rows,
    from their recommendations' stored term `counts`: a pair one of whose recommendations has no
    stored terms scores 0."""
    rescored = []
    for partnership_id in {p.partnership_id for p in pairs}:
        own = [p for p in pairs if p.partnership_id == partnership_id]
        terms = {t for p in own for pk in (p.first, p.second) for t in counts.get(pk, {})}
        count, documents = stored_documents([partnership_id], terms)
        rarity = {t: rarity_of(count, documents.get(t, 0)) for t in terms}
        ends = {pk for p in own for pk in (p.first, p.second) if pk in counts}
        vectors = {pk: stored_vector(counts[pk], rarity) for pk in ends}
        for p in own:
            known = p.first in vectors and p.second in vectors
            score = cosine(vectors[p.first], vectors[p.second]) if known else 0.0
            rescored.append(NearPair(partnership_id=partnership_id, first=p.first, second=p.second,
                                     score=score))
    return rescored


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
        scores = {(p.first, p.second): p.score for p in scored_again(pairs, counts)}
        for pair in pairs:
            pair.score = scores[(pair.first, pair.second)]
        NearPair.objects.filter(pk__in=[p.pk for p in pairs if p.score < KEPT]).delete()
        kept = [p for p in pairs if p.score >= KEPT]
        NearPair.objects.bulk_update(kept, ["score"], batch_size=2000)
    stored_groups.regroup([partnership_id])
    return len(kept)


def rebuild(models: Any = None) -> int:
    """Score every pair again with today's weights, and group them again; returns how many pairs
    are stored. `models` (with Recommendation) lets a migration pass its historical model: the
    groups are then left to the migration that stores them."""
    recommendation_model = models.Recommendation if models else Recommendation
    with transaction.atomic():
        NearPair.objects.all().delete()
        stored = RecommendationTerms.objects.order_by("recommendation_id").iterator(chunk_size=2000)
        pairs = pairs_of(stored, recommendation_model)
        NearPair.objects.bulk_create(pairs, batch_size=5000)
        if models is None:
            stored_groups.regroup_all()
    return len(pairs)
