"""Fixtures shared by every test package."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parent.parent


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
