"""The one database-specific step of search: find entries matching the words, best first, with a
snippet whose matches are marked. FTS5's bm25 on SQLite; ts_rank over the GIN-indexed tsvector on
PostgreSQL. Everything else (scoping, filters, showing) is the same for both."""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.db import connection

from .index import START, STOP
from .search_table import TABLE
from .words import alternatives

# ts_headline drops anything that looks like an HTML tag; the snippet must show the text as it
# is, so angle brackets are swapped for two unused characters and swapped back afterwards.
LT, GT = "\x04", "\x05"


@dataclass(frozen=True)
class Match:
    entry: int  # the row of the search table, so its snippet can be asked for afterwards
    kind: str
    object_id: int
    recommendation_id: int
    action_id: int | None


def words(query: str) -> list[str]:
    """The words of a query; punctuation and search operators are not passed to the database."""
    return re.findall(r"\w+", query.lower().replace("'s", "").replace("’s", ""))[:20]


def fts5_query(found: list[str]) -> str:
    """Every word (or one of its synonyms, synonyms.txt) must match. Each word is quoted, so
    FTS5 reads it as a word and never as an operator (AND, NEAR, *); a phrase is quoted whole."""
    groups = [" OR ".join('"' + " ".join(form) + '"' for form in forms) for forms in alternatives(found)]
    return " AND ".join(f"({group})" for group in groups)


def tsquery(found: list[str]) -> str:
    """The same for PostgreSQL's to_tsquery: the words hold letters and digits only, so none is
    read as an operator; a phrase's words must follow one another (<->)."""
    groups = [" | ".join(" <-> ".join(form) for form in forms) for forms in alternatives(found)]
    return " & ".join(f"({group})" for group in groups)


# Ranked first; the snippets are made afterwards for the hits shown only.
SQLITE = f"""
    SELECT rowid, kind, object_id, recommendation_id, action_id
    FROM {TABLE} WHERE {TABLE} MATCH %s AND partnership_id IN ({{places}})
    ORDER BY bm25({TABLE}) LIMIT %s"""

POSTGRESQL = f"""
    SELECT id, kind, object_id, recommendation_id, action_id
    FROM {TABLE}, to_tsquery('english', %s) q
    WHERE vector @@ q AND partnership_id IN ({{places}})
    ORDER BY ts_rank(vector, q) DESC LIMIT %s"""

SQLITE_SNIPPETS = f"""
    SELECT rowid, snippet({TABLE}, 0, '{START}', '{STOP}', '…', 24)
    FROM {TABLE} WHERE {TABLE} MATCH %s AND rowid IN ({{places}})"""

POSTGRESQL_SNIPPETS = f"""
    SELECT id, ts_headline('english', translate(body, '<>', '{LT}{GT}'), q,
                           'StartSel="{START}", StopSel="{STOP}", MaxWords=40, MinWords=20')
    FROM {TABLE}, to_tsquery('english', %s) q WHERE id IN ({{places}})"""


def matches(query: str, partnership_ids: list[int], limit: int) -> list[Match]:
    found = words(query)
    if not found or not partnership_ids:
        return []
    places = ", ".join(["%s"] * len(partnership_ids))
    if connection.vendor == "postgresql":
        sql, text = POSTGRESQL.format(places=places), tsquery(found)
    else:
        sql, text = SQLITE.format(places=places), fts5_query(found)
    with connection.cursor() as cursor:
        cursor.execute(sql, [text, *partnership_ids, limit])
        return [Match(*row) for row in cursor.fetchall()]


def snippets(query: str, entries: list[int]) -> dict[int, str]:
    """Each entry's text around the query's words, the matches marked with START and STOP."""
    found = words(query)
    if not found or not entries:
        return {}
    places = ", ".join(["%s"] * len(entries))
    if connection.vendor == "postgresql":
        sql, text = POSTGRESQL_SNIPPETS.format(places=places), tsquery(found)
    else:
        sql, text = SQLITE_SNIPPETS.format(places=places), fts5_query(found)
    with connection.cursor() as cursor:
        cursor.execute(sql, [text, *entries])
        return {entry: snippet.replace(LT, "<").replace(GT, ">") for entry, snippet in cursor.fetchall()}
