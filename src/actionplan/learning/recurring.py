"""Learning that recurs: themes and near-duplicate recommendations met in several reviews.

Near-duplicates are recommendations of different plans whose TF-IDF cosine reaches a threshold;
linked pairs are gathered into groups. A group is flagged when an earlier member had an action
marked implemented: the same learning came back after the board had called it done."""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from django.db.models import QuerySet

from actionplan.plans.models import Recommendation

from .models import RecommendationTerms, TermDocuments
from .outcomes import Outcome, made_on, outcome_of
from .similar import Vector, normalised, rarity_of
from .term_index import EVERY

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


def near_pairs(
    vectors: dict[int, Vector], plan_of: dict[int, int], threshold: float
) -> list[tuple[int, int]]:
    """Pairs of different plans at or above the threshold, found through shared words only."""
    postings: dict[str, list[tuple[int, float]]] = defaultdict(list)
    for pk, vector in vectors.items():
        for term, weight in vector.items():
            postings[term].append((pk, weight))
    pairs = []
    for pk, vector in vectors.items():
        scores: dict[int, float] = defaultdict(float)
        for term, weight in vector.items():
            for other, other_weight in postings[term]:
                if other > pk and plan_of[other] != plan_of[pk]:
                    scores[other] += weight * other_weight
        pairs += [(pk, other) for other, score in scores.items() if score >= threshold]
    return pairs


def groups(pairs: list[tuple[int, int]]) -> list[set[int]]:
    """Connected groups of linked recommendations (union-find)."""
    parent: dict[int, int] = {}

    def root(x: int) -> int:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in pairs:
        parent[root(a)] = root(b)
    found: dict[int, set[int]] = defaultdict(set)
    for x in parent:
        found[root(x)].add(x)
    return list(found.values())


def stored_vectors(recs: QuerySet[Recommendation]) -> tuple[dict[int, Vector], dict[int, int]]:
    """Each recommendation's TF-IDF vector, from its stored terms and the partnership's stored
    counts of each term (as `similar.nearest` weighs them), and its plan: nothing is cut into words
    again on a request (docs/adr/0054)."""
    stored = RecommendationTerms.objects.filter(recommendation_id__in=recs.values("pk"))
    rows = list(stored.values_list("recommendation_id", "partnership_id", "plan_id", "counts"))
    held: dict[int, dict[str, int]] = defaultdict(dict)
    partnerships = {partnership for _, partnership, _, _ in rows}
    counted = TermDocuments.objects.filter(partnership_id__in=partnerships)
    for partnership, term, n in counted.values_list("partnership_id", "term", "documents").iterator(5000):
        held[partnership][term] = n
    vectors = {}
    for pk, partnership, _, counts in rows:
        documents = held[partnership]
        every = documents.get(EVERY, 0)
        vectors[pk] = normalised(
            {t: (1 + math.log(n)) * rarity_of(every, documents.get(t, 0)) for t, n in counts.items()}
        )
    return vectors, {pk: plan for pk, _, plan, _ in rows}


def recurrences(recs: QuerySet[Recommendation], threshold: float = NEAR) -> list[Recurrence]:
    """Groups of near-duplicate recommendations from more than one plan, newest first."""
    vectors, plan_of = stored_vectors(recs)
    linked = groups(near_pairs(vectors, plan_of, threshold))
    wanted = {pk for group in linked for pk in group}
    rows = (
        recs.filter(pk__in=wanted)
        .select_related("plan")
        .prefetch_related("reviews", "actions", "linked_actions")
    )
    by_pk = {rec.pk: Member(rec, made_on(rec), outcome_of(rec)) for rec in rows}
    found = []
    for group in linked:
        members = sorted(
            (by_pk[pk] for pk in group), key=lambda m: (m.made_on or date.min, m.recommendation.pk)
        )
        found.append(Recurrence(members))
    return sorted(found, key=lambda r: r.newest, reverse=True)
