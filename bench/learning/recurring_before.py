"""Recurring themes as they were counted before docs/adr/0062, kept for the benchmark's comparison
in one run: the partnership's tags and its recommendations' reviews read in three queries, then
counted in Python. The product counts in SQL (actionplan.learning.theme_counts)."""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from django.db.models import QuerySet

from actionplan.plans.models import Action, Recommendation, Theme


def recurring_themes_in_python(recs: QuerySet[Recommendation], themes: QuerySet[Theme]) -> list[tuple]:
    """(theme, reviews, recommendations, newest) for each theme met in more than one review."""
    folded = {t.pk: t.maps_to_id for t in themes if t.maps_to_id}
    on_recs = Recommendation.themes.through.objects.filter(recommendation__in=recs)
    on_actions = Action.themes.through.objects.filter(action__recommendation__in=recs)
    tagged = [
        *on_recs.values_list("theme_id", "recommendation_id"),
        *on_actions.values_list("theme_id", "action__recommendation_id"),
    ]
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
            newest = max((day for r in reviews if (day := dates.get(r)) is not None), default=None)
            rows.append((theme, len(reviews), len(recs_of[theme.pk]), newest))
    return sorted(rows, key=lambda row: (row[3] or date.min, row[1]), reverse=True)
