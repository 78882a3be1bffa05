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

from django.db.models import QuerySet

from actionplan.plans.models import Action, Recommendation, Theme

from .similar import cosine, documents_of, weigh
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
    learned from (the partnership's)."""
    documents = documents_of(among | Recommendation.objects.filter(pk=rec.pk))
    words = documents[rec.pk]
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
    for theme, share, source in examples(rec, among, documents):
        themes.setdefault(theme.pk, theme)
        scores[theme.pk] += share
        reasons[theme.pk].append(f"like {source}")
    best = sorted(scores, key=lambda pk: (-scores[pk], themes[pk].name))[:top]
    return [Suggestion(themes[pk], round(scores[pk], 2), reasons[pk]) for pk in best]


def examples(
    rec: Recommendation, among: QuerySet[Recommendation], documents: dict[int, list[str]]
) -> list[tuple[Theme, float, str]]:
    """(theme, weight, which recommendation) from the nearest tagged recommendations: weights
    are each neighbour's share of the neighbours' total similarity."""
    tagged = set(among.filter(themes__isnull=False).values_list("pk", flat=True))
    tagged |= set(
        Action.objects.filter(recommendation__in=among, themes__isnull=False).values_list(
            "recommendation_id", flat=True
        )
    )
    tagged.discard(rec.pk)
    if not tagged:
        return []
    vectors = weigh(documents)
    near = sorted(((cosine(vectors[rec.pk], vectors[pk]), pk) for pk in tagged), reverse=True)[:NEIGHBOURS]
    near = [(score, pk) for score, pk in near if score > 0]
    total = sum(score for score, _ in near) or 1.0
    found = []
    for score, pk in near:
        neighbour = Recommendation.objects.select_related("plan").get(pk=pk)
        own = {*neighbour.themes.all(), *Theme.objects.filter(actions__recommendation=neighbour)}
        for theme in own:
            found.append((theme, score / total, f"{neighbour.plan.title} {neighbour.ref}".strip()))
    return found
