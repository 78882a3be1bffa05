"""Fixtures shared by every test package."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

# The Riverton demo built once for the tests that read it (riverton_at_meeting, riverton_today);
# the product's database migrated, and with the demo, once for the child processes (built_databases).
pytest_plugins = ["shared_demo", "processes"]

REPO_ROOT = Path(__file__).resolve().parent.parent
TESTS = Path(__file__).resolve().parent

# Tests whose outcome cannot depend on the database engine, checked once, in the SQLite run:
# `make test-postgres` leaves out the `any_database` marker (ADR 58). Everything else, and every
# new test, runs on both. Each entry begins a test's id under tests/ ("folder/", "file.py",
# "file.py::test_name").
ANY_DATABASE = (
    "importing/",  # the importer: no database at all
    "test_layers.py",  # reads the source's imports
    "test_any_database.py",  # reads the tests' names
    # Child processes given their own environment, never the run's DATABASE_URL.
    "test_cli.py",
    "test_settings.py",
    "test_start_up.py",
    "test_production.py",
    # Child processes on a SQLite file of their own whichever the run: their PostgreSQL twins
    # (test_..._on_postgresql) run in the PostgreSQL run.
    "test_concurrent_saves.py::test_twenty_writers_at_once_on_sqlite",
    "test_backup.py::test_a_sqlite_online_backup_restores_the_same_report",
    "reminders/test_runners.py::test_two_runners_at_once_on_sqlite",
    "reminders/test_runners.py::test_a_runner_killed_mid_run_and_started_again_sends_each_notice_once",
    "test_concurrent_totals.py::test_writers_re_counts_and_a_deletion_at_once_on_sqlite",
    "system/",  # what the browser shows and does; the pages' SQL is checked by tests/web on both
)
# The permission matrix on PostgreSQL: alice (every Riverton page allowed, with its rows) and eve
# (every Riverton page refused across partnerships, her own allowed) run every page's queries; the
# other roles differ from them by the rules of plans/permissions.py and by the same ORM filters on
# a partnership or an agency, checked once.
MATRIX = "web/test_permissions_"
MATRIX_ON_BOTH = {"alice", "eve"}


def any_database(item: pytest.Item) -> bool:
    path = item.path.resolve()
    if not path.is_relative_to(TESTS):
        return False
    where = path.relative_to(TESTS).as_posix()
    if f"{where}::{item.name}".startswith(ANY_DATABASE):
        return True
    role = getattr(item, "callspec", None) and item.callspec.params.get("role")
    return where.startswith(MATRIX) and role is not None and role not in MATRIX_ON_BOTH


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if any_database(item):
            item.add_marker(pytest.mark.any_database)


def seeds_dir() -> Path:
    """Where the seed documents live: $ACTIONPLAN_SEEDS_DIR or ../shared/seeds beside the repo."""
    configured = os.environ.get("ACTIONPLAN_SEEDS_DIR")
    return Path(configured) if configured else REPO_ROOT.parent / "shared" / "seeds"


@pytest.fixture(scope="session")
def seeds() -> Path:
    """The seed documents folder; tests that need it are skipped, saying why, when it is absent."""
    folder = seeds_dir()
    if not folder.is_dir():
        pytest.skip(f"seed documents not found at {folder} (set ACTIONPLAN_SEEDS_DIR)")
    return folder


@pytest.fixture(scope="session")
def seed(seeds: Path):
    """Look a seed up by its number prefix: seed("003") -> path of 003_….txt."""

    def find(prefix: str) -> Path:
        matches = sorted(seeds.glob(f"{prefix}_*"))
        if not matches:
            pytest.skip(f"seed {prefix} not found in {seeds}")
        return matches[0]

    return find


@pytest.fixture(autouse=True)
def fast_password_hashing(request: pytest.FixtureRequest) -> None:
    """Real hashing is deliberately slow; tests only need it to work."""
    if request.config.pluginmanager.hasplugin("django"):  # the importer's tests run without it
        settings = request.getfixturevalue("settings")
        settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def tasks_run_at_once(request: pytest.FixtureRequest) -> None:
    """Background work runs as it is queued, so a test sees its e-mails in the outbox; the tests
    of the worker itself put the database queue back."""
    if request.config.pluginmanager.hasplugin("django"):
        settings = request.getfixturevalue("settings")
        settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture(autouse=True)
def report_files_apart(request: pytest.FixtureRequest, tmp_path: Path) -> None:
    """Reports produced in a test are written under the test's own folder."""
    if request.config.pluginmanager.hasplugin("django"):
        request.getfixturevalue("settings").REPORT_FILES_DIR = tmp_path / "reports"
