"""Backup and restore as docs/deployment.md describes them: a report as at a past date is the same,
byte for byte, from the restored database as from the original."""

from __future__ import annotations

import hashlib
import shutil
from datetime import date
from pathlib import Path

import pytest

from processes import actionplan, environment, python, recreate, run, scratch_database_url

AS_AT = "2026-09-30"
SCRATCH = scratch_database_url("backup_check")


def report_hash(env: dict[str, str], folder: Path) -> str:
    """The hash of a report as at a past meeting and of one as at today (which a change made
    after the backup shows: the past one names things as they were)."""
    digest = hashlib.sha256()
    for as_at in (AS_AT, date.today().isoformat()):
        output = folder / "report.html"
        actionplan("report", "--as-at", as_at, "--format", "html", "--output", str(output), env=env)
        digest.update(output.read_bytes())
    return digest.hexdigest()


def rename_the_partnership(env: dict[str, str]) -> None:
    """A change after the backup, so the comparison shows the restore and not the original."""
    python(
        "import django; django.setup(); from actionplan.plans.models import Partnership; "
        "p = Partnership.objects.get(); p.name = 'Renamed after the backup'; p.save()",
        env,
    )


@pytest.mark.skipif(shutil.which("sqlite3") is None, reason="the sqlite3 command is not installed")
def test_a_sqlite_online_backup_restores_the_same_report(tmp_path, built_databases):
    live = built_databases.sqlite(tmp_path / "live", "demo")
    before = report_hash(live, tmp_path)

    backup = tmp_path / "actionplan-backup.sqlite3"
    run(["sqlite3", str(tmp_path / "live" / "actionplan.sqlite3"), f".backup '{backup}'"], live)
    rename_the_partnership(live)
    assert report_hash(live, tmp_path) != before

    restored = environment(tmp_path / "restored")
    shutil.copyfile(backup, tmp_path / "restored" / "actionplan.sqlite3")
    assert report_hash(restored, tmp_path) == before


@pytest.mark.skipif(SCRATCH is None, reason="the suite is not running on PostgreSQL")
@pytest.mark.skipif(shutil.which("pg_dump") is None, reason="pg_dump is not installed")
def test_a_postgresql_dump_restores_the_same_report(tmp_path, built_databases):
    assert SCRATCH
    try:
        live = built_databases.postgresql(SCRATCH, tmp_path, "demo")
        before = report_hash(live, tmp_path)

        dump = tmp_path / "actionplan.dump"
        run(["pg_dump", "--format=custom", f"--file={dump}", SCRATCH], live)
        recreate(SCRATCH)  # the server lost: an empty database
        run(["pg_restore", "--no-owner", f"--dbname={SCRATCH}", str(dump)], live)
        assert report_hash(live, tmp_path) == before
        rename_the_partnership(live)
        assert report_hash(live, tmp_path) != before
    finally:
        recreate(SCRATCH, create=False)
