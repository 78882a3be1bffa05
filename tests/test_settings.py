"""Settings come from the environment; the defaults need nothing set."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from actionplan.settings import read_or_create_secret_key

# The child runs in another folder: it must import this checkout's code, whatever PYTHONPATH says.
SOURCE = str(Path(__file__).resolve().parent.parent / "src")


def run(code: str, env: dict[str, str], cwd: Path) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "SECRET_KEY", "DEBUG"}}
    clean["PYTHONPATH"] = SOURCE
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


def test_the_lock_out_reads_the_client_from_x_forwarded_for_only_behind_a_proxy(tmp_path):
    code = "s.AXES_IPWARE_PROXY_COUNT, s.AXES_IPWARE_META_PRECEDENCE_ORDER"
    direct = run(code, {"ACTIONPLAN_DATA_DIR": str(tmp_path)}, tmp_path).stdout
    assert direct.strip() == "0 ('REMOTE_ADDR',)"
    # Two proxies: the header holds the client and the outer proxy, ipware counts the latter.
    behind = run(code, {"ACTIONPLAN_DATA_DIR": str(tmp_path), "AXES_IPWARE_PROXY_COUNT": "2"}, tmp_path)
    assert behind.stdout.strip() == "1 ('HTTP_X_FORWARDED_FOR', 'REMOTE_ADDR')"


def test_single_sign_on_is_off_unless_configured(tmp_path):
    out = run(
        "s.OIDC_ENABLED, 'mozilla_django_oidc' in ' '.join(s.INSTALLED_APPS + s.AUTHENTICATION_BACKENDS)",
        {"ACTIONPLAN_DATA_DIR": str(tmp_path)},
        tmp_path,
    ).stdout
    assert out.strip() == "False False"


OIDC = {
    "OIDC_RP_CLIENT_ID": "actionplan",
    "OIDC_RP_CLIENT_SECRET": "s3cret",
    "OIDC_OP_AUTHORIZATION_ENDPOINT": "https://login.example.org/authorize",
    "OIDC_OP_TOKEN_ENDPOINT": "https://login.example.org/token",
    "OIDC_OP_USER_ENDPOINT": "https://login.example.org/userinfo",
    "OIDC_OP_JWKS_ENDPOINT": "https://login.example.org/jwks",
}


def test_single_sign_on_is_wired_when_the_provider_is_configured(tmp_path):
    env = {"ACTIONPLAN_DATA_DIR": str(tmp_path), "DJANGO_SETTINGS_MODULE": "actionplan.settings", **OIDC}
    env["ALLOWED_HOSTS"] = "testserver"
    clean = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "SECRET_KEY", "DEBUG"}}
    clean["PYTHONPATH"] = SOURCE
    code = (
        "import django; django.setup(); from django.core.management import call_command; "
        "call_command('migrate', verbosity=0); from django.test import Client; c = Client(); "
        "r = c.get('/oidc/authenticate/'); print(r.status_code, r['Location']); "
        "print('organisation' in c.get('/sign-in/').content.decode())"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], env={**clean, **env}, cwd=tmp_path, capture_output=True, text=True
    )
    assert out.returncode == 0, out.stderr
    redirect, link = out.stdout.splitlines()
    status, location = redirect.split(" ", 1)
    assert status == "302" and location.startswith("https://login.example.org/authorize?")
    assert "client_id=actionplan" in location
    assert link == "True"


def test_single_sign_on_half_configured_names_what_is_missing(tmp_path):
    env = {"ACTIONPLAN_DATA_DIR": str(tmp_path), "OIDC_RP_CLIENT_ID": "actionplan"}
    with pytest.raises(subprocess.CalledProcessError) as failed:
        run("s.OIDC_ENABLED", env, tmp_path)
    assert "OIDC_OP_TOKEN_ENDPOINT" in failed.value.stderr


def test_the_data_directory_is_made_for_the_database_when_the_key_is_given(tmp_path):
    """Production sets SECRET_KEY, so no generated key makes the data folder: the first
    `migrate` must still find where its SQLite file goes."""
    data = tmp_path / "not-yet" / "data"
    run("s.DATABASES['default']['NAME']", {"ACTIONPLAN_DATA_DIR": str(data), "SECRET_KEY": "x" * 60},
        tmp_path)
    assert data.is_dir() and not (data / "secret_key").exists()


@pytest.mark.parametrize("jit,expected", [("", "'-c jit=off'"), ("1", "None")])
def test_postgresql_runs_the_pages_queries_without_compiling_them(tmp_path, jit, expected):
    env = {"ACTIONPLAN_DATA_DIR": str(tmp_path), "DATABASE_URL": "postgres://u@db.internal:5432/ap",
           "SECRET_KEY": "from-the-environment", "DATABASE_JIT": jit}
    out = run("repr(s.DATABASES['default'].get('OPTIONS', {}).get('options'))", env, tmp_path).stdout
    assert out.strip() == expected
