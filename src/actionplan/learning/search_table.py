"""The search table, one per database: an FTS5 virtual table on SQLite, a table with a stored
tsvector and a GIN index on PostgreSQL. Both hold the same columns, so one interface reads them."""

from __future__ import annotations

from django.db.backends.base.base import BaseDatabaseWrapper

TABLE = "learning_search"

SQLITE = [
    # Porter stemming so "sharing" finds "share"; the other columns are carried, not searched.
    f"""CREATE VIRTUAL TABLE {TABLE} USING fts5(
        body, kind UNINDEXED, object_id UNINDEXED, recommendation_id UNINDEXED,
        action_id UNINDEXED, partnership_id UNINDEXED, tokenize = 'porter unicode61')""",
]

POSTGRESQL = [
    f"""CREATE TABLE {TABLE} (
        id bigserial PRIMARY KEY,
        body text NOT NULL,
        kind varchar(20) NOT NULL,
        object_id integer NOT NULL,
        recommendation_id integer NOT NULL,
        action_id integer,
        partnership_id integer NOT NULL,
        vector tsvector GENERATED ALWAYS AS (to_tsvector('english', body)) STORED)""",
    f"CREATE INDEX {TABLE}_vector ON {TABLE} USING gin (vector)",
    f"CREATE INDEX {TABLE}_object ON {TABLE} (kind, object_id)",
    f"CREATE INDEX {TABLE}_recommendation ON {TABLE} (recommendation_id)",
]


def create(connection: BaseDatabaseWrapper) -> None:
    statements = POSTGRESQL if connection.vendor == "postgresql" else SQLITE
    with connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)


def drop(connection: BaseDatabaseWrapper) -> None:
    with connection.cursor() as cursor:
        cursor.execute(f"DROP TABLE IF EXISTS {TABLE}")
