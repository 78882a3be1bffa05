"""Backup and restore as docs/deployment.md describes them: a report as at a past date is the same,
byte for byte, from the restored database as from the original."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest

AS_AT = "2026-09-30"


def run(args: list[str], env: dict[str, str]) -> str:
    done = subprocess.run(args, env=env, capture_output=True, text=True)
    assert done.returncode == 0, f"{' '.join(args)} failed:\n{done.stderr}"
    return done.stdout


def actionplan(*args: str, env: dict[str, str]) -> str:
    return run([sys.executable, "-m", "actionplan.cli", *args], env)


def report_hash(env: dict[str, str], folder: Path) -> str:
    output = folder / "report.html"
    actionplan("report", "--as-at", AS_AT, "--format", "html", "--output", str(output), env=env)
    return hashlib.sha256(output.read_bytes()).hexdigest()


def environment(data_dir: Path, database_url: str = "") -> dict[str, str]:
    data_dir.mkdir(exist_ok=True)
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "ACTIONPLAN_PRODUCTION"}}
    source = str(Path(__file__).resolve().parent.parent / "src")  # this checkout's code
    return {
        **env,
        "PYTHONPATH": source,
        "ACTIONPLAN_DATA_DIR": str(data_dir),
        "DATABASE_URL": database_url,
        "SECRET_KEY": "k" * 50,
    }


def rename_the_partnership(env: dict[str, str]) -> None:
    """A change after the backup, so the comparison shows the restore and not the original."""
    code = (
        "import django; django.setup(); from actionplan.plans.models import Partnership; "
        "Partnership.objects.update(name='Renamed after the backup')"
    )
    run([sys.executable, "-c", code], {**env, "DJANGO_SETTINGS_MODULE": "actionplan.settings"})


@pytest.mark.skipif(shutil.which("sqlite3") is None, reason="the sqlite3 command is not installed")
def test_a_sqlite_online_backup_restores_the_same_report(tmp_path):
    live = environment(tmp_path / "live")
    actionplan("migrate", "--verbosity", "0", env=live)
    actionplan("demo", env=live)
    before = report_hash(live, tmp_path)

    backup = tmp_path / "actionplan-backup.sqlite3"
    run(["sqlite3", str(tmp_path / "live" / "actionplan.sqlite3"), f".backup '{backup}'"], live)
    rename_the_partnership(live)
    assert report_hash(live, tmp_path) != before

    restored = environment(tmp_path / "restored")
    shutil.copyfile(backup, tmp_path / "restored" / "actionplan.sqlite3")
    assert report_hash(restored, tmp_path) == before


def scratch_database_url() -> str | None:
    """A database beside the one the suite was given, for dumping and restoring."""
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        return None
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path=parts.path + "_backup_check"))


def recreate(url: str, create: bool = True) -> None:
    import psycopg

    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    server = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(server, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        if create:
            connection.execute(f'CREATE DATABASE "{name}"')


@pytest.mark.skipif(scratch_database_url() is None, reason="the suite is not running on PostgreSQL")
@pytest.mark.skipif(shutil.which("pg_dump") is None, reason="pg_dump is not installed")
def test_a_postgresql_dump_restores_the_same_report(tmp_path):
    url = scratch_database_url()
    assert url
    recreate(url)
    try:
        dump_and_restore(url, tmp_path)
    finally:
        recreate(url, create=False)


def dump_and_restore(url: str, tmp_path: Path) -> None:
    live = environment(tmp_path, url)
    actionplan("migrate", "--verbosity", "0", env=live)
    actionplan("demo", env=live)
    before = report_hash(live, tmp_path)

    dump = tmp_path / "actionplan.dump"
    run(["pg_dump", "--format=custom", f"--file={dump}", url], live)
    recreate(url)  # the server lost: an empty database
    run(["pg_restore", "--no-owner", f"--dbname={url}", str(dump)], live)
    assert report_hash(live, tmp_path) == before
    rename_the_partnership(live)
    assert report_hash(live, tmp_path) != before
