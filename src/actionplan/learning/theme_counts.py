"""Themes met in several reviews, counted in the database: the Learning page's "recurring themes"
and the recurring-learning report's, one function for both (docs/adr/0062).

A theme is carried by a recommendation when the recommendation or one of its own actions is
tagged with it; a partnership's own theme mapped to a national one is counted under the national
theme (a recommendation tagged both ways, once). A theme recurs when the recommendations carrying
it belong to more than one review. It is flagged when a recommendation carrying it had an action
marked implemented (`outcomes.implemented`) and was made in a review reported before the newest
review the theme is met in: the board had called the learning done, and it came back."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db import connection
from django.db.models import Q, QuerySet

from actionplan.plans.models import Action, Recommendation, Review, Theme

from .outcomes import implemented


@dataclass(frozen=True)
class ThemeCount:
    theme: Theme
    reviews: int
    recommendations: int
    newest: date | None
    includes: tuple[str, ...] = ()  # the partnership's own themes counted under this national one
    done_before: bool = False  # an earlier recommendation carrying it had an action implemented


def tables() -> dict[str, str]:
    return {
        "rec_themes": Recommendation.themes.through._meta.db_table,
        "action_themes": Action.themes.through._meta.db_table,
        "rec_reviews": Recommendation.reviews.through._meta.db_table,
        "action": Action._meta.db_table,
        "theme": Theme._meta.db_table,
        "review": Review._meta.db_table,
    }


# Each (theme, recommendation) once, a framework theme folded into its national one; then each
# theme's distinct reviews, recommendations, newest review date and the earliest review date of a
# recommendation with something implemented, in one GROUP BY. Every join goes through an indexed
# foreign key: the tags by recommendation or action, the reviews by recommendation. The tags are
# not filtered by theme in SQL: on SQLite that probes the (recommendation, theme) index once for
# every pair, 0.3 s among 10,000 recommendations; `recurring_themes` leaves out the others.
COUNTS = """
    WITH tagged AS (
        SELECT COALESCE(t.maps_to_id, t.id) AS theme_id, x.recommendation_id AS rec_id
        FROM {rec_themes} x JOIN {theme} t ON t.id = x.theme_id
        WHERE x.recommendation_id IN ({recs})
        UNION
        SELECT COALESCE(t.maps_to_id, t.id), a.recommendation_id
        FROM {action_themes} y JOIN {action} a ON a.id = y.action_id JOIN {theme} t ON t.id = y.theme_id
        WHERE a.recommendation_id IN ({recs})
    )
    SELECT tagged.theme_id, COUNT(DISTINCT rr.review_id), COUNT(DISTINCT tagged.rec_id),
           MAX(rv.reported_on), MIN(CASE WHEN tagged.rec_id IN ({done}) THEN rv.reported_on END)
    FROM tagged
    LEFT JOIN {rec_reviews} rr ON rr.recommendation_id = tagged.rec_id
    LEFT JOIN {review} rv ON rv.id = rr.review_id
    GROUP BY tagged.theme_id
    HAVING COUNT(DISTINCT rr.review_id) > 1"""


def counted(recs: QuerySet[Recommendation]) -> list[tuple[Any, ...]]:
    """(theme, reviews, recommendations, newest, first implemented) for each recurring theme."""
    ids = recs.order_by().values("pk")  # no ORDER BY in a subquery
    scope, scope_params = ids.query.sql_with_params()
    # Implemented is asked of the tagged recommendations only: a third of them in the benchmark.
    on_recs = Recommendation.themes.through.objects.filter(recommendation__in=ids)
    on_actions = Action.themes.through.objects.filter(action__recommendation__in=ids)
    tagged = Q(pk__in=on_recs.values("recommendation_id")) | Q(
        pk__in=on_actions.values("action__recommendation_id")
    )
    done, done_params = ids.filter(tagged).filter(implemented()).query.sql_with_params()
    sql = COUNTS.format(recs=scope, done=done, **tables())
    params = [*scope_params, *scope_params, *done_params]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def as_date(value: date | str | None) -> date | None:
    # SQLite hands back an aggregate of dates as text.
    return date.fromisoformat(value) if isinstance(value, str) else value


def recurring_themes(recs: QuerySet[Recommendation], themes: QuerySet[Theme]) -> list[ThemeCount]:
    """Themes carried, on a recommendation or on one of its actions, in more than one review;
    the theme met most recently first (the most reviews first on the same day)."""
    chosen = list(themes)
    if not chosen:
        return []
    by_pk = {theme.pk: theme for theme in chosen}
    folded_names: dict[int, list[str]] = defaultdict(list)
    for theme in chosen:
        if theme.maps_to_id:
            folded_names[theme.maps_to_id].append(theme.name)
    rows = []
    for theme_id, reviews, recommendations, newest, first_done in counted(recs):
        if theme_id not in by_pk:  # not one of `themes` (nor mapped to one of them)
            continue
        newest, first_done = as_date(newest), as_date(first_done)
        again = newest is not None and first_done is not None and first_done < newest
        includes = tuple(sorted(folded_names.get(theme_id, [])))
        rows.append(ThemeCount(by_pk[theme_id], reviews, recommendations, newest, includes, again))
    return sorted(rows, key=lambda row: (row.newest or date.min, row.reviews), reverse=True)
