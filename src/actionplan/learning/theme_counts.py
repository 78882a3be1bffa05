"""Themes met in several reviews, counted in the database: the Learning page's "recurring themes"
and the recurring-learning report's, one function for both (docs/adr/0062).

A theme is carried by a recommendation when the recommendation or one of its own actions is
tagged with it; a partnership's own theme mapped to a national one is counted under the national
theme (a recommendation tagged both ways, once). A theme recurs when the recommendations carrying
it belong to more than one review. It is flagged when a recommendation carrying it was made in a
review reported before the newest review the theme is met in, and had an action implemented
before that newest review was reported (implemented_before.py): the board had called the
learning done, and it came back."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from django.db import connection
from django.db.models import QuerySet

from actionplan.plans.models import Action, Recommendation, Review, Theme
from actionplan.plans.status import DeliveryStatus

from .implemented_before import implemented_before, made_earlier


@dataclass(frozen=True)
class ThemeCount:
    theme: Theme
    reviews: int
    recommendations: int
    newest: date | None
    includes: tuple[str, ...] = ()  # the partnership's own themes counted under this national one
    done_before: bool = False  # an earlier recommendation carrying it was implemented before the newest


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
        "action_history": Action.history.model._meta.db_table,
        "rec_history": Recommendation.history.model._meta.db_table,
    }


# Each (theme, recommendation) once, a framework theme folded into its national one; then each
# theme's distinct reviews, recommendations and newest review date, in one GROUP BY; and, in the
# same query, each tagged recommendation ever implemented with its earliest review date, whose
# history `implemented_before` reads to judge when. Every join goes through an indexed foreign
# key or history id: the tags by recommendation or action, the actions and reviews by
# recommendation, the versions by id. The tags are not filtered by theme in SQL (on SQLite that
# probed the (recommendation, theme) index once for every pair, 0.3 s among 10,000
# recommendations): `recurring_themes` leaves out the others.
#
# "Implemented" is `outcome_of(rec).any_implemented` (outcomes.py) in SQL, of any version: an
# action of its own or linked to it, or, with neither, itself; tests/learning/test_theme_counts.py
# holds them to each other. It is asked of the tagged recommendations only, through their own
# rows: as EXISTS ... OR EXISTS, PostgreSQL hashed every implemented action of every partnership.
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
        FROM carried c JOIN {action} a ON a.recommendation_id = c.rec_id
        WHERE EXISTS (SELECT 1 FROM {action_history} h WHERE h.id = a.id AND h.status = %s)
        UNION
        SELECT l.recommendation_id
        FROM carried c JOIN {linked} l ON l.recommendation_id = c.rec_id
        WHERE EXISTS (SELECT 1 FROM {action_history} h WHERE h.id = l.action_id AND h.status = %s)
        UNION
        SELECT r.id
        FROM carried c JOIN {recommendation} r ON r.id = c.rec_id
        WHERE EXISTS (SELECT 1 FROM {rec_history} h WHERE h.id = r.id AND h.status = %s)
          AND NOT EXISTS (SELECT 1 FROM {action} a WHERE a.recommendation_id = r.id)
          AND NOT EXISTS (SELECT 1 FROM {linked} l WHERE l.recommendation_id = r.id)
    )
    SELECT tagged.theme_id, NULL, COUNT(DISTINCT rr.review_id), COUNT(DISTINCT tagged.rec_id),
           MAX(rv.reported_on)
    FROM tagged
    LEFT JOIN {rec_reviews} rr ON rr.recommendation_id = tagged.rec_id
    LEFT JOIN {review} rv ON rv.id = rr.review_id
    GROUP BY tagged.theme_id
    HAVING COUNT(DISTINCT rr.review_id) > 1
    UNION ALL
    SELECT tagged.theme_id, tagged.rec_id, NULL, NULL, MIN(rv.reported_on)
    FROM tagged
    JOIN done ON done.rec_id = tagged.rec_id
    JOIN {rec_reviews} rr ON rr.recommendation_id = tagged.rec_id
    JOIN {review} rv ON rv.id = rr.review_id
    GROUP BY tagged.theme_id, tagged.rec_id"""


@dataclass(frozen=True)
class Counted:
    theme_id: int
    reviews: int
    recommendations: int
    newest: date | None
    done: dict[int, date | None]  # its recommendations ever implemented, each made on


def counted(recs: QuerySet[Recommendation]) -> list[Counted]:
    """Each recurring theme's counts, with its recommendations ever implemented."""
    ids = recs.order_by().values("pk")  # no ORDER BY in a subquery
    scope, scope_params = ids.query.sql_with_params()
    sql = COUNTS.format(recs=scope, **tables())
    params = [*scope_params, *scope_params, *[DeliveryStatus.IMPLEMENTED.value] * 3]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    done: dict[int, dict[int, date | None]] = defaultdict(dict)
    for theme_id, rec_id, _, _, made in rows:
        if rec_id is not None:
            done[theme_id][rec_id] = as_date(made)
    return [Counted(theme_id, reviews, recommendations, as_date(newest), done[theme_id])
            for theme_id, rec_id, reviews, recommendations, newest in rows if rec_id is None]


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
    found = [row for row in counted(recs) if row.theme_id in by_pk]  # the others not asked for
    held = implemented_before(set().union(*(made_earlier(row.done, row.newest) for row in found)))
    rows = []
    for row in found:
        again = any((pk, row.newest) in held for pk in row.done)
        includes = tuple(sorted(folded_names.get(row.theme_id, [])))
        theme = by_pk[row.theme_id]
        rows.append(ThemeCount(theme, row.reviews, row.recommendations, row.newest, includes, again))
    by_name = sorted(rows, key=lambda row: row.theme.name)  # ties in the order of their names
    return sorted(by_name, key=lambda row: (row.newest or date.min, row.reviews), reverse=True)
