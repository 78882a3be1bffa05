"""Themes met in several reviews, counted in the database: the Learning page's "recurring themes"
and the recurring-learning report's, one function for both (docs/adr/0062).

A theme is carried by a recommendation when the recommendation or one of its own actions is
tagged with it; a partnership's own theme mapped to a national one is counted under the national
theme (a recommendation tagged both ways, once). A theme recurs when the recommendations carrying
it belong to more than one review. It is flagged when a recommendation carrying it had an action
marked implemented (as `outcomes.outcome_of` says) and was made in a review reported before the newest
review the theme is met in: the board had called the learning done, and it came back."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db import connection
from django.db.models import QuerySet

from actionplan.plans.models import Action, Recommendation, Review, Theme
from actionplan.plans.status import DeliveryStatus


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
        "recommendation": Recommendation._meta.db_table,
        "linked": Recommendation.linked_actions.through._meta.db_table,
    }


# Each (theme, recommendation) once, a framework theme folded into its national one; the tagged
# recommendations with something implemented; then each theme's distinct reviews,
# recommendations, newest review date and the earliest review date of a recommendation with
# something implemented, in one GROUP BY. Every join goes through an indexed foreign key: the tags
# by recommendation or action, the actions and reviews by recommendation. The tags are not
# filtered by theme in SQL (on SQLite that probed the (recommendation, theme) index once for every
# pair, 0.3 s among 10,000 recommendations): `recurring_themes` leaves out the others.
#
# "Implemented" is `outcome_of(rec).any_implemented` (outcomes.py) in SQL: an action of its own or
# linked to it implemented, or, with neither, itself; tests/learning/test_theme_counts.py holds
# them to each other. It is asked of the tagged recommendations only, through their own rows: as
# EXISTS ... OR EXISTS, PostgreSQL hashed every implemented action of every partnership.
COUNTS = """
    WITH tagged AS (
        SELECT COALESCE(t.maps_to_id, t.id) AS theme_id, x.recommendation_id AS rec_id
        FROM {rec_themes} x JOIN {theme} t ON t.id = x.theme_id
        WHERE x.recommendation_id IN ({recs})
        UNION
        SELECT COALESCE(t.maps_to_id, t.id), a.recommendation_id
        FROM {action_themes} y JOIN {action} a ON a.id = y.action_id JOIN {theme} t ON t.id = y.theme_id
        WHERE a.recommendation_id IN ({recs})
    ),
    carried AS (SELECT DISTINCT rec_id FROM tagged),
    done AS (
        SELECT a.recommendation_id AS rec_id
        FROM carried c JOIN {action} a ON a.recommendation_id = c.rec_id WHERE a.status = %s
        UNION
        SELECT l.recommendation_id
        FROM carried c JOIN {linked} l ON l.recommendation_id = c.rec_id JOIN {action} a ON a.id = l.action_id
        WHERE a.status = %s
        UNION
        SELECT r.id
        FROM carried c JOIN {recommendation} r ON r.id = c.rec_id
        WHERE r.status = %s
          AND NOT EXISTS (SELECT 1 FROM {action} a WHERE a.recommendation_id = r.id)
          AND NOT EXISTS (SELECT 1 FROM {linked} l WHERE l.recommendation_id = r.id)
    )
    SELECT tagged.theme_id, COUNT(DISTINCT rr.review_id), COUNT(DISTINCT tagged.rec_id),
           MAX(rv.reported_on), MIN(CASE WHEN done.rec_id IS NOT NULL THEN rv.reported_on END)
    FROM tagged
    LEFT JOIN done ON done.rec_id = tagged.rec_id
    LEFT JOIN {rec_reviews} rr ON rr.recommendation_id = tagged.rec_id
    LEFT JOIN {review} rv ON rv.id = rr.review_id
    GROUP BY tagged.theme_id
    HAVING COUNT(DISTINCT rr.review_id) > 1"""


def counted(recs: QuerySet[Recommendation]) -> list[tuple[Any, ...]]:
    """(theme, reviews, recommendations, newest, first implemented) for each recurring theme."""
    ids = recs.order_by().values("pk")  # no ORDER BY in a subquery
    scope, scope_params = ids.query.sql_with_params()
    sql = COUNTS.format(recs=scope, **tables())
    params = [*scope_params, *scope_params, *[DeliveryStatus.IMPLEMENTED.value] * 3]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def as_date(value: date | str | None) -> date | None:
    # SQLite hands back an aggregate of dates as text.
    return date.fromisoformat(value) if isinstance(value, str) else value


def recurring_themes(recs: QuerySet[Recommendation], themes: QuerySet[Theme]) -> list[ThemeCount]:
    """Themes carried, on a recommendation or on one of its actions, in more than one review;
    the theme met most recently first (the most reviews first on the same day, then by name)."""
    chosen = list(themes)
    if not chosen:
        return []
    by_pk = {theme.pk: theme for theme in chosen}
    folded_names: dict[int, list[str]] = defaultdict(list)
    for theme in chosen:
        national = by_pk.get(theme.maps_to_id) if theme.maps_to_id else None
        # A framework theme named as its national one adds nothing to say ("X, including X").
        if national and theme.name.casefold() != national.name.casefold():
            folded_names[national.pk].append(theme.name)
    rows = []
    for theme_id, reviews, recommendations, newest, first_done in counted(recs):
        if theme_id not in by_pk:  # not one of `themes` (nor mapped to one of them)
            continue
        newest, first_done = as_date(newest), as_date(first_done)
        again = newest is not None and first_done is not None and first_done < newest
        includes = tuple(sorted(folded_names.get(theme_id, [])))
        rows.append(ThemeCount(by_pk[theme_id], reviews, recommendations, newest, includes, again))
    by_name = sorted(rows, key=lambda row: row.theme.name)  # ties in the order of their names
    return sorted(by_name, key=lambda row: (row.newest or date.min, row.reviews), reverse=True)
