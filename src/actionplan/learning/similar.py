"""Recommendations like a given one, from other reviews and plans: TF-IDF cosine similarity over
the words of the recommendation and its learning point, written out plainly (docs/adr/0032).

A recommendation's words are weighted by how rare they are among the recommendations compared,
so "GP" and "conference" count for more than "ensure" and "staff"."""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass

from django.db.models import QuerySet

from actionplan.plans.models import Action, Recommendation

from .words import terms

Vector = dict[str, float]


def weigh(documents: dict[int, list[str]]) -> dict[int, Vector]:
    """TF-IDF vectors, normalised to length one so a dot product is the cosine. The rarity weight
    is squared, as in Lucene's classic scoring: it is what tells a GP's or a conference's
    recommendation from the many that "ensure staff are aware" (docs/adr/0032)."""
    count = len(documents)
    frequency = Counter(term for words in documents.values() for term in set(words))
    vectors = {}
    for key, words in documents.items():
        tf = Counter(words)
        vector = {
            t: (1 + math.log(n)) * (1 + math.log((1 + count) / (1 + frequency[t]))) ** 2
            for t, n in tf.items()
        }
        length = math.sqrt(sum(w * w for w in vector.values())) or 1.0
        vectors[key] = {t: w / length for t, w in vector.items()}
    return vectors


def cosine(a: Vector, b: Vector) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(w * b.get(t, 0.0) for t, w in a.items())


@dataclass(frozen=True)
class Like:
    recommendation: Recommendation
    score: float


def documents_of(recs: QuerySet[Recommendation]) -> dict[int, list[str]]:
    """The words of each recommendation, its learning point and its actions: a composite plan's
    line often says in its action what a review's plan says in its recommendation."""
    documents = {
        pk: terms(f"{text} {outcome}") for pk, text, outcome in recs.values_list("pk", "text", "outcome")
    }
    actions = Action.objects.filter(recommendation__in=recs).values_list("recommendation_id", "text")
    for pk, text in actions.iterator(chunk_size=5000):
        documents[pk] += terms(text)
    return documents


def similar_to(rec: Recommendation, among: QuerySet[Recommendation], top: int = 5) -> list[Like]:
    """The `top` recommendations of other plans most like `rec`, best first; `among` is what the
    person may see. Those of the same plan are left out: they are its neighbours, not recurrences."""
    vectors = weigh(documents_of(among | Recommendation.objects.filter(pk=rec.pk)))
    own = vectors.get(rec.pk, {})
    others = set(among.exclude(plan=rec.plan_id).values_list("pk", flat=True))
    scored = sorted(((cosine(own, vectors[pk]), pk) for pk in others), reverse=True)
    best = [(score, pk) for score, pk in scored[:top] if score > 0]
    found = (
        Recommendation.objects.select_related("plan")
        .prefetch_related("reviews")
        .in_bulk([pk for _, pk in best])
    )
    return [Like(found[pk], round(score, 3)) for score, pk in best]
