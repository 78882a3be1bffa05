"""What the settings read from the environment, and the data directory everything else lives in."""

from __future__ import annotations

import os
import secrets
from pathlib import Path


def env_flag(name: str, default: bool = False) -> bool:
    return os.environ.get(name, "1" if default else "0").strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [part.strip() for part in os.environ.get(name, default).split(",") if part.strip()]


def read_or_create_secret_key(data_dir: Path) -> str:
    """Keep a generated key in the data directory so sessions survive restarts."""
    key_file = data_dir / "secret_key"
    if not key_file.exists():
        data_dir.mkdir(parents=True, exist_ok=True)
        key_file.write_text(secrets.token_urlsafe(50))
        key_file.chmod(0o600)
    return key_file.read_text().strip()


PACKAGE_DIR = Path(__file__).resolve().parent.parent  # the actionplan package
DATA_DIR = Path(os.environ.get("ACTIONPLAN_DATA_DIR", "var")).resolve()
PRODUCTION = env_flag("ACTIONPLAN_PRODUCTION")

