"""Recommendations like a given one, from other reviews and plans: TF-IDF cosine similarity over
the words of the recommendation and its learning point, written out plainly (docs/adr/0032).

A recommendation's words are weighted by how rare they are among the recommendations compared,
so "GP" and "conference" count for more than "ensure" and "staff"."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from django.db.models import Case, F, FloatField, QuerySet, Sum, Value, When

from actionplan.plans.models import Action, Recommendation

from .models import TERM_LENGTH, RecommendationTerms, TermDocuments, TermPosting
from .same_learning import one_learning
from .term_index import EVERY
from .words import terms

POSTINGS = 20_000  # rows of the inverted index read at most (about) to gather candidates
CANDIDATES = 300  # weighed in full

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
    person may see. Those of the same plan are left out: they are its neighbours, not recurrences;
    so are those that are its own learning carried elsewhere (same_learning)."""
    best = nearest(rec, among, top * 2, other_plans=True)
    same = one_learning([rec.pk, *(pk for _, pk in best)])[rec.pk]
    best = [(score, pk) for score, pk in best if pk not in same][:top]
    found = (
        Recommendation.objects.select_related("plan")
        .prefetch_related("reviews")
        .in_bulk([pk for _, pk in best])
    )
    return [Like(found[pk], round(score, 3)) for score, pk in best]


def nearest(
    rec: Recommendation,
    among: QuerySet[Recommendation],
    top: int,
    *,
    other_plans: bool,
    own_counts: Mapping[str, int] | None = None,
) -> list[tuple[float, int]]:
    """(cosine, id) of the `top` recommendations of `among` most like `rec` (never itself), best
    first; only those of other plans when `other_plans`. `own_counts`, its stored term counts when
    the caller has them, saves reading its words again.

    Read from the stored terms (docs/adr/0049): the recommendations sharing `rec`'s most telling
    terms are gathered through the inverted index, the likeliest `CANDIDATES` of them weighed in
    full, and ranked by the same cosine as `weigh` gives."""
    partnerships = list(among.order_by().values_list("plan__partnership_id", flat=True).distinct())
    if own_counts is None:
        own_words = documents_of(Recommendation.objects.filter(pk=rec.pk))[rec.pk]
        own_counts = Counter(t[:TERM_LENGTH] for t in own_words)  # as stored
    if not own_counts or not partnerships:
        return []
    count, documents = stored_documents(partnerships, own_counts)
    rarity = {t: rarity_of(count, documents.get(t, 0)) for t in own_counts}
    own = stored_vector(own_counts, rarity)
    chosen = telling(own, documents)
    if not chosen:
        return []
    # A first guess at the cosine, summed by the database: the shared terms' weights, each
    # posting's over the square root of its recommendation's number of terms (models.TermPosting).
    guess = Sum(Case(*(When(term=t, then=Value(own[t] * rarity[t])) for t in chosen),
                     output_field=FloatField()) * F("weight"))
    postings = TermPosting.objects.filter(partnership_id__in=partnerships, term__in=chosen).exclude(
        recommendation_id=rec.pk
    )
    if other_plans:
        postings = postings.exclude(plan_id=rec.plan_id)
    else:  # the candidates are drawn from `among` alone: it may be a few of many (the tagged ones)
        postings = postings.filter(recommendation_id__in=among.values("pk"))
    likely = list(
        postings.values("recommendation_id")
        .annotate(guess=guess)
        .order_by("-guess")
        .values_list("recommendation_id", flat=True)[:CANDIDATES]
    )
    visible = set(among.filter(pk__in=likely).values_list("pk", flat=True))
    stored = RecommendationTerms.objects.filter(recommendation_id__in=visible)
    counts = dict(stored.values_list("recommendation_id", "counts"))
    _, more = stored_documents(partnerships, {t for c in counts.values() for t in c} - set(rarity))
    rarity |= {t: rarity_of(count, n) for t, n in more.items()}
    scored = sorted(
        ((cosine(own, stored_vector(c, rarity)), pk) for pk, c in counts.items()),
        reverse=True,
    )
    return [(score, pk) for score, pk in scored[:top] if score > 0]


def stored_vector(counts: Mapping[str, int], rarity: Mapping[str, float]) -> Vector:
    """A recommendation's vector from its stored term counts, weighed as `weigh` does."""
    return normalised({t: (1 + math.log(n)) * rarity[t] for t, n in counts.items()})


def normalised(vector: Vector) -> Vector:
    length = math.sqrt(sum(w * w for w in vector.values())) or 1.0
    return {t: w / length for t, w in vector.items()}


def telling(own: Vector, documents: dict[str, int]) -> list[str]:
    """The recommendation's terms through which candidates are gathered: the most telling first,
    leaving out those no other recommendation holds, until about `POSTINGS` rows would be read."""
    chosen: list[str] = []
    read = 0
    for term in sorted(own, key=lambda t: -own[t]):
        held = documents.get(term, 0)
        if held > 1 and (not chosen or read + held <= POSTINGS):
            chosen.append(term)
            read += held
    return chosen


def rarity_of(count: int, held: int) -> float:
    """As in `weigh`: smoothed rarity, squared."""
    return (1 + math.log((1 + count) / (1 + max(held, 0)))) ** 2


def stored_documents(partnerships: list[int], wanted: Iterable[str]) -> tuple[int, dict[str, int]]:
    """How many recommendations the partnerships hold, and how many hold each wanted term."""
    rows = (
        TermDocuments.objects.filter(partnership_id__in=partnerships, term__in={*wanted, EVERY})
        .values_list("term")
        .annotate(n=Sum("documents"))
        .order_by()
    )
    documents = {term: n or 0 for term, n in rows}
    return documents.pop(EVERY, 0), documents
