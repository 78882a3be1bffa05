"""Suggested themes for a recommendation, each with a score and the reason for it.

Two plain signals, added (docs/adr/0033):
- words: the national theme's words (theme_words.txt) found in the recommendation, its learning
  point and its actions; each theme's share of its words found, so long lists do not win;
- examples: the themes of the most similar recommendations already tagged in the partnership,
  weighted by how similar they are. Every tag a person saves is such an example, so accepted
  suggestions (and corrections) improve the next ones.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from django.db.models import Q, QuerySet

from actionplan.plans.models import Action, Recommendation, Theme

from .similar import documents_of, nearest
from .words import terms

THEME_WORDS = Path(__file__).with_name("theme_words.txt")
NEIGHBOURS = 5  # tagged recommendations consulted


def theme_words() -> dict[str, list[tuple[str, tuple[str, ...]]]]:
    """National theme name → its words and phrases: each as written and as its stemmed terms."""
    found: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
    for line in THEME_WORDS.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            name, _, words = line.partition(":")
            phrases = [w.strip() for w in words.split(",")]
            found[name.strip()] = [(w, tuple(terms(w))) for w in phrases if terms(w)]
    return found


def contains(words: list[str], phrase: tuple[str, ...]) -> bool:
    n = len(phrase)
    return any(tuple(words[i : i + n]) == phrase for i in range(len(words) - n + 1))


@dataclass(frozen=True)
class Suggestion:
    theme: Theme
    score: float
    reasons: list[str]


def suggest(rec: Recommendation, among: QuerySet[Recommendation], top: int = 3) -> list[Suggestion]:
    """The `top` themes for `rec`, best first; `among` are the recommendations whose tags may be
    learned from (the partnership's). Reads `rec`'s own words and the stored terms, never the
    words of all of `among` (docs/adr/0054)."""
    words = documents_of(Recommendation.objects.filter(pk=rec.pk))[rec.pk]
    national = {t.name: t for t in Theme.objects.filter(national=True)}
    scores: dict[int, float] = defaultdict(float)
    reasons: dict[int, list[str]] = defaultdict(list)
    themes: dict[int, Theme] = {}
    for name, phrases in theme_words().items():
        hits = [written for written, stems in phrases if contains(words, stems)]
        if hits and name in national:
            theme = themes.setdefault(national[name].pk, national[name])
            scores[theme.pk] += min(1.0, 3 * len(hits) / len(phrases))
            reasons[theme.pk].append("words: " + ", ".join(hits[:4]))
    for theme, share, source in examples(rec, among):
        themes.setdefault(theme.pk, theme)
        scores[theme.pk] += share
        reasons[theme.pk].append(f"like {source}")
    best = sorted(scores, key=lambda pk: (-scores[pk], themes[pk].name))[:top]
    return [Suggestion(themes[pk], round(scores[pk], 2), reasons[pk]) for pk in best]


def examples(rec: Recommendation, among: QuerySet[Recommendation]) -> list[tuple[Theme, float, str]]:
    """(theme, weight, which recommendation) from the nearest tagged recommendations, found
    through the stored terms: weights are each neighbour's share of the neighbours' total
    similarity."""
    tagged = among.filter(
        Q(themes__isnull=False)
        | Q(pk__in=Action.objects.filter(themes__isnull=False).values("recommendation_id"))
    ).distinct()
    near = nearest(rec, tagged, NEIGHBOURS, other_plans=False)
    total = sum(score for score, _ in near) or 1.0
    neighbours = (
        Recommendation.objects.select_related("plan")
        .prefetch_related("themes", "actions__themes")
        .in_bulk([pk for _, pk in near])
    )
    found = []
    for score, pk in near:
        neighbour = neighbours[pk]
        own = {*neighbour.themes.all(), *(t for a in neighbour.actions.all() for t in a.themes.all())}
        for theme in sorted(own, key=lambda t: t.name):
            found.append((theme, score / total, f"{neighbour.plan.title} {neighbour.ref}".strip()))
    return found
