"""Settings come from the environment; the defaults need nothing set."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from actionplan.settings import read_or_create_secret_key


def run(code: str, env: dict[str, str], cwd: Path) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "SECRET_KEY", "DEBUG"}}
    return subprocess.run(
        [sys.executable, "-c", f"import actionplan.settings as s; print({code})"],
        env={**clean, **env},
        cwd=cwd,
        capture_output=True,
        text=True,
        check=True,
    )


def test_the_secret_key_is_generated_once_and_kept_private(tmp_path):
    key = read_or_create_secret_key(tmp_path / "data")
    assert len(key) > 40
    assert read_or_create_secret_key(tmp_path / "data") == key
    assert oct((tmp_path / "data" / "secret_key").stat().st_mode)[-3:] == "600"


def test_the_default_database_is_sqlite_in_the_data_directory(tmp_path):
    out = run(
        "s.DATABASES['default']['ENGINE'], s.DATABASES['default']['NAME'], s.DEBUG",
        {"ACTIONPLAN_DATA_DIR": str(tmp_path)},
        tmp_path,
    ).stdout
    assert "sqlite3" in out and str(tmp_path / "actionplan.sqlite3") in out
    assert out.strip().endswith("False")  # DEBUG is off unless asked


def test_database_url_and_secret_key_come_from_the_environment(tmp_path):
    out = run(
        "s.DATABASES['default']['ENGINE'], s.DATABASES['default']['HOST'], s.SECRET_KEY",
        {
            "ACTIONPLAN_DATA_DIR": str(tmp_path),
            "DATABASE_URL": "postgres://u@db.internal:5432/ap",
            "SECRET_KEY": "from-the-environment",
        },
        tmp_path,
    ).stdout
    assert "postgresql" in out and "db.internal" in out and "from-the-environment" in out
    assert not (tmp_path / "secret_key").exists()


@pytest.mark.parametrize("value,expected", [("1", "True"), ("true", "True"), ("0", "False")])
def test_debug_is_only_on_when_asked(tmp_path, value, expected):
    assert (
        run("s.DEBUG", {"ACTIONPLAN_DATA_DIR": str(tmp_path), "DEBUG": value}, tmp_path).stdout.strip()
        == expected
    )
