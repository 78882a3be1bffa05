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
from datetime import UTC, date, datetime
from typing import Any

from django.db import connection
from django.db.models import QuerySet

from actionplan.plans.models import Action, ProgressUpdate, Recommendation, Review, Theme
from actionplan.plans.progress_updates import IMPORTED_AUTHOR
from actionplan.plans.status import DeliveryStatus

from .implemented_before import Statuses, document_dated, judged, made_earlier


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
        "progress": ProgressUpdate._meta.db_table,
    }


# Each (theme, recommendation) once, a framework theme folded into its national one; then, in
# one query of four parts: each theme's distinct reviews, recommendations and newest review date
# (one GROUP BY); each tagged recommendation ever implemented with its earliest review date; and
# the dated statuses `implemented_before` judges them by, read here rather than by a second pass
# over the same recommendations: the versions of their actions (own and linked) and of those
# tracked alone, from the first implemented one on (an earlier one cannot make it stand
# implemented later), and the dates of the imported documents that said they were done. Every
# join goes through an indexed foreign key or history id. The tags are not filtered by theme in
# SQL (on SQLite that probed the (recommendation, theme) index once for every pair, 0.3 s among
# 10,000 recommendations): `recurring_themes` leaves out the others.
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
    acted AS (
        SELECT a.recommendation_id AS rec_id, a.id AS action_id
        FROM carried c JOIN {action} a ON a.recommendation_id = c.rec_id
        UNION
        SELECT l.recommendation_id, l.action_id
        FROM carried c JOIN {linked} l ON l.recommendation_id = c.rec_id
    ),
    every_version AS (
        SELECT x.rec_id, x.action_id, h.history_date AS moment, h.history_type AS kind, h.status,
               MIN(CASE WHEN h.status = %s THEN h.history_date END) OVER (PARTITION BY h.id) AS first_done
        FROM acted x JOIN {action_history} h ON h.id = x.action_id
        UNION ALL
        SELECT c.rec_id, NULL, h.history_date, h.history_type, h.status,
               MIN(CASE WHEN h.status = %s THEN h.history_date END) OVER (PARTITION BY h.id)
        FROM carried c JOIN {rec_history} h ON h.id = c.rec_id
        WHERE NOT EXISTS (SELECT 1 FROM acted x WHERE x.rec_id = c.rec_id)
    ),
    versions AS (
        SELECT rec_id, action_id, moment, kind, status FROM every_version WHERE moment >= first_done),
    done AS (SELECT DISTINCT rec_id FROM versions)
    SELECT tagged.theme_id, CAST(NULL AS bigint), COUNT(DISTINCT rr.review_id), COUNT(DISTINCT tagged.rec_id),
           MAX(rv.reported_on), CAST(NULL AS bigint), CAST(NULL AS timestamptz), CAST(NULL AS varchar(20))
    FROM tagged
    LEFT JOIN {rec_reviews} rr ON rr.recommendation_id = tagged.rec_id
    LEFT JOIN {review} rv ON rv.id = rr.review_id
    GROUP BY tagged.theme_id
    HAVING COUNT(DISTINCT rr.review_id) > 1
    UNION ALL
    SELECT tagged.theme_id, tagged.rec_id, NULL, NULL, MIN(rv.reported_on), NULL, NULL, NULL
    FROM tagged
    JOIN done ON done.rec_id = tagged.rec_id
    JOIN {rec_reviews} rr ON rr.recommendation_id = tagged.rec_id
    JOIN {review} rv ON rv.id = rr.review_id
    GROUP BY tagged.theme_id, tagged.rec_id
    UNION ALL
    SELECT NULL, rec_id, NULL, NULL, NULL, action_id, moment, CASE WHEN kind = '-' THEN '' ELSE status END
    FROM versions
    UNION ALL
    SELECT NULL, x.rec_id, NULL, NULL, u.written_on, x.action_id, NULL, u.status
    FROM acted x JOIN {progress} u ON u.action_id = x.action_id
    WHERE u.author_name = %s AND u.status = %s"""


@dataclass(frozen=True)
class Counted:
    theme_id: int
    reviews: int
    recommendations: int
    newest: date | None
    done: dict[int, date | None]  # its recommendations ever implemented, each made on


def counts_query(recs: QuerySet[Recommendation]) -> tuple[str, list[Any]]:
    ids = recs.order_by().values("pk")  # no ORDER BY in a subquery
    scope, scope_params = ids.query.sql_with_params()
    done = DeliveryStatus.IMPLEMENTED.value
    params = [*scope_params, *scope_params, done, done, IMPORTED_AUTHOR, done]
    return COUNTS.format(recs=scope, **tables()), params


def counted(recs: QuerySet[Recommendation]) -> tuple[list[Counted], Statuses]:
    """Each recurring theme's counts, with its recommendations ever implemented, and their
    dated statuses."""
    with connection.cursor() as cursor:
        cursor.execute(*counts_query(recs))
        rows = cursor.fetchall()
    done: dict[int, dict[int, date | None]] = defaultdict(dict)
    statuses = Statuses()
    themes = []
    for theme_id, rec_id, reviews, recommendations, day, action_id, moment, status in rows:
        if theme_id is None:  # a dated status
            on = as_date(day) or date.min
            dated = (as_moment(moment), status) if moment is not None else document_dated(on)
            if action_id is None:
                statuses.of_alone[rec_id].append(dated)
            else:
                statuses.actions_of[rec_id].add(action_id)
                statuses.of_action[action_id].append(dated)
        elif rec_id is not None:
            done[theme_id][rec_id] = as_date(day)
        else:
            themes.append((theme_id, reviews, recommendations, as_date(day)))
    return [Counted(*theme, done[theme[0]]) for theme in themes], statuses


def as_moment(value: datetime | str) -> datetime:
    # SQLite hands back a stored moment as text, in UTC.
    if isinstance(value, str):
        return datetime.fromisoformat(value).replace(tzinfo=UTC)
    return value


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
    every, statuses = counted(recs)
    found = [row for row in every if row.theme_id in by_pk]  # the others not asked for
    held = judged(statuses, set().union(*(made_earlier(row.done, row.newest) for row in found)))
    rows = []
    for row in found:
        again = any((pk, row.newest) in held for pk in row.done)
        includes = tuple(sorted(folded_names.get(row.theme_id, [])))
        theme = by_pk[row.theme_id]
        rows.append(ThemeCount(theme, row.reviews, row.recommendations, row.newest, includes, again))
    by_name = sorted(rows, key=lambda row: row.theme.name)  # ties in the order of their names
    return sorted(by_name, key=lambda row: (row.newest or date.min, row.reviews), reverse=True)
