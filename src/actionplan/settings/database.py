"""The database: a SQLite file in the data directory unless DATABASE_URL names another."""

from __future__ import annotations

import os
from pathlib import Path

import dj_database_url

from actionplan.settings.environment import DATA_DIR, env_flag

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{DATA_DIR / 'actionplan.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # SQLite makes the file but not its folder, which a first `migrate` with SECRET_KEY set
    # (so no generated key has made it either) would otherwise find missing.
    Path(DATABASES["default"]["NAME"]).parent.mkdir(parents=True, exist_ok=True)
    # Several people saving at once: a write transaction takes the write lock when it begins
    # (IMMEDIATE), so it waits its turn, up to `timeout` seconds, instead of failing with
    # "database is locked" when a read inside it turns into a write. WAL lets pages be read
    # while someone saves.
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": int(os.environ.get("SQLITE_BUSY_TIMEOUT", "20")),
        "init_command": "PRAGMA journal_mode=WAL;",
    }
elif DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql" and not env_flag("DATABASE_JIT"):
    # PostgreSQL compiles a query to machine code once its estimated cost is high, which the
    # dashboard's counts over 100,000 actions are: compiling took 0.6 s of a 1.0 s query, every
    # time (docs/adr/0045). The pages' queries are short; they run faster uncompiled.
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = "-c jit=off"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
