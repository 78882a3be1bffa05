"""The tests left out of the PostgreSQL run (tests/conftest.py's ANY_DATABASE): a twin run on a
SQLite file of its own whichever the run is one of them, or it runs twice, once for nothing."""

from __future__ import annotations

import re
from pathlib import Path

TESTS = Path(__file__).resolve().parent
SQLITE_TWIN = re.compile(r"^def (test_\w+_on_sqlite)\(", re.M)


def test_every_sqlite_twin_runs_in_the_sqlite_run_only(pytestconfig):
    # The root conftest as pytest loaded it: `import conftest` finds whichever was loaded last.
    any_database = pytestconfig.pluginmanager.get_plugin(str(TESTS / "conftest.py")).ANY_DATABASE
    twins = [
        f"{path.relative_to(TESTS).as_posix()}::{name}"
        for path in sorted(TESTS.rglob("test_*.py"))
        for name in SQLITE_TWIN.findall(path.read_text())
    ]
    assert len(twins) >= 3  # twenty writers, two runners, the totals' writers and re-counts
    assert [twin for twin in twins if not twin.startswith(any_database)] == []
