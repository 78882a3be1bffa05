"""Running the product in a child process, as an operator would: its own data folder and database."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

# The child may run in another folder: it imports this checkout's code, whatever PYTHONPATH says.
SOURCE = str(Path(__file__).resolve().parent.parent / "src")


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


def recreate(url: str, create: bool = True) -> None:
    """Drop the database and, unless told otherwise, create it again empty."""
    import psycopg

    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    server = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(server, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        if create:
            connection.execute(f'CREATE DATABASE "{name}"')
