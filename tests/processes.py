"""Running the product in a child process, as an operator would: its own data folder and database."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest

# The child may run in another folder: it imports this checkout's code, whatever PYTHONPATH says.
SOURCE = str(Path(__file__).resolve().parent.parent / "src")
SQLITE_FILE = "actionplan.sqlite3"  # in the data folder, when DATABASE_URL is unset
# What each stage a test may start from adds to the one before it, by the product's own commands.
STAGES = {"migrated": ["migrate", "--verbosity", "0"], "demo": ["demo"]}
BEFORE = {"migrated": None, "demo": "migrated"}


def run(args: list[str], env: dict[str, str]) -> str:
    done = subprocess.run(args, env=env, capture_output=True, text=True)
    assert done.returncode == 0, f"{' '.join(args)} failed:\n{done.stderr}"
    return done.stdout


def actionplan(*args: str, env: dict[str, str]) -> str:
    return run([sys.executable, "-m", "actionplan.cli", *args], env)


def python(code: str, env: dict[str, str]) -> str:
    return run([sys.executable, "-c", code], {**env, "DJANGO_SETTINGS_MODULE": "actionplan.settings"})


def environment(data_dir: Path, database_url: str = "") -> dict[str, str]:
    data_dir.mkdir(exist_ok=True)
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "ACTIONPLAN_PRODUCTION"}}
    return {
        **env,
        "PYTHONPATH": SOURCE,
        "ACTIONPLAN_DATA_DIR": str(data_dir),
        "DATABASE_URL": database_url,
        "SECRET_KEY": "k" * 50,
    }


def scratch_database_url(purpose: str) -> str | None:
    """A database beside the one the suite was given (PostgreSQL only), for this test alone."""
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        return None
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path=f"{parts.path}_{purpose}"))


def database_name(url: str) -> str:
    return urlsplit(url).path.lstrip("/")


def recreate(url: str, create: bool = True, template: str | None = None) -> None:
    """Drop the database and, unless told otherwise, create it again: empty, or a copy of the
    database `template` names."""
    import psycopg

    parts = urlsplit(url)
    server = urlunsplit(parts._replace(path="/postgres"))
    copied = f' TEMPLATE "{database_name(template)}"' if template else ""
    with psycopg.connect(server, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{database_name(url)}" WITH (FORCE)')
        if create:
            connection.execute(f'CREATE DATABASE "{database_name(url)}"{copied}')


def copy_sqlite(source: Path, target: Path) -> None:
    """SQLite's own backup, whole whatever its write-ahead log still holds."""
    with closing(sqlite3.connect(source)) as built, closing(sqlite3.connect(target)) as copy:
        built.backup(copy)


class BuiltDatabases:
    """The product's database migrated, and with the demo loaded, once a run, by its own commands;
    each test starting from one gets a copy of it. Migrating took 14 s at a load of 3, and the
    demo 6 s more, for each test that did both. A child process cannot see the test's
    transaction, so the demo tests/shared_demo.py shares is of no use to it."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.sqlite_built: dict[str, Path] = {}
        self.postgresql_built: dict[str, str] = {}
        self.postgresql_made: set[str] = set()  # dropped at the end of the run, built whole or not

    def sqlite(self, data_dir: Path, stage: str) -> dict[str, str]:
        """The environment of a child process on a SQLite file of its own, a copy of `stage`."""
        env = environment(data_dir)
        copy_sqlite(self.sqlite_stage(stage), data_dir / SQLITE_FILE)
        return env

    def postgresql(self, url: str, data_dir: Path, stage: str) -> dict[str, str]:
        """The environment of a child process on the database `url` names, made a copy of `stage`."""
        recreate(url, template=self.postgresql_stage(stage))
        return environment(data_dir, url)

    def sqlite_stage(self, stage: str) -> Path:
        if stage not in self.sqlite_built:
            folder = self.folder / f"sqlite_{stage}"
            before = BEFORE[stage]
            env = self.sqlite(folder, before) if before else environment(folder)
            actionplan(*STAGES[stage], env=env)
            self.sqlite_built[stage] = folder / SQLITE_FILE  # only once built whole
        return self.sqlite_built[stage]

    def postgresql_stage(self, stage: str) -> str:
        if stage not in self.postgresql_built:
            url = scratch_database_url(f"built_{stage}")
            assert url, "the suite is not running on PostgreSQL"
            self.postgresql_made.add(url)
            before = BEFORE[stage]
            folder = self.folder / f"postgresql_{stage}"
            if before:
                self.postgresql(url, folder, before)
            else:
                recreate(url)
            actionplan(*STAGES[stage], env=environment(folder, url))
            self.postgresql_built[stage] = url
        return self.postgresql_built[stage]

    def drop(self) -> None:
        for url in self.postgresql_made:
            recreate(url, create=False)


@pytest.fixture(scope="session")
def built_databases(tmp_path_factory: pytest.TempPathFactory) -> Iterator[BuiltDatabases]:
    databases = BuiltDatabases(tmp_path_factory.mktemp("built"))
    yield databases
    databases.drop()
