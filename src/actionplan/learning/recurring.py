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

from actionplan.plans.models import Action, Recommendation, Theme

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


@dataclass(frozen=True)
class ThemeCount:
    theme: Theme
    reviews: int
    recommendations: int
    newest: date | None
    includes: tuple[str, ...] = ()  # the partnership's own themes counted under this national one


def recurring_themes(recs: QuerySet[Recommendation], themes: QuerySet[Theme]) -> list[ThemeCount]:
    """Themes carried, on a recommendation or on one of its actions, in more than one review;
    the theme met most recently first. A partnership's own theme mapped to a national one is
    counted under the national theme (a recommendation tagged with both, once)."""
    folded = {t.pk: t.maps_to_id for t in themes if t.maps_to_id}
    folded_names: dict[int, list[str]] = defaultdict(list)
    for theme in themes:
        if theme.maps_to_id:
            folded_names[theme.maps_to_id].append(theme.name)
    on_recs = Recommendation.themes.through.objects.filter(recommendation__in=recs)
    on_actions = Action.themes.through.objects.filter(action__recommendation__in=recs)
    tagged = [
        *on_recs.values_list("theme_id", "recommendation_id"),
        *on_actions.values_list("theme_id", "action__recommendation_id"),
    ]
    # Each recommendation's reviews with their dates, in one query.
    links = Recommendation.reviews.through.objects.filter(recommendation__in=recs)
    reviews_of: dict[int, set[int]] = defaultdict(set)
    dates: dict[int, date | None] = {}
    linked = links.values_list("recommendation_id", "review_id", "review__reported_on")
    for rec_id, review_id, reported_on in linked:
        reviews_of[rec_id].add(review_id)
        dates[review_id] = reported_on
    recs_of: dict[int, set[int]] = defaultdict(set)
    for theme_id, rec_id in tagged:
        recs_of[folded.get(theme_id, theme_id)].add(rec_id)
    rows = []
    for theme in themes.filter(pk__in=recs_of):
        reviews = {review for rec in recs_of[theme.pk] for review in reviews_of[rec]}
        if len(reviews) > 1:
            reported = [day for r in reviews if (day := dates.get(r)) is not None]
            newest = max(reported) if reported else None
            includes = tuple(sorted(folded_names.get(theme.pk, [])))
            rows.append(ThemeCount(theme, len(reviews), len(recs_of[theme.pk]), newest, includes))
    return sorted(rows, key=lambda row: (row.newest or date.min, row.reviews), reverse=True)
