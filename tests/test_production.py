"""The documented deployment, followed to the letter: production settings, collectstatic, then
pages served from the collected files through the manifest storage."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parent.parent
STATIC_SOURCE = REPO_ROOT / "src" / "actionplan" / "web" / "static" / "govuk" / "application.css"

# Run inside the production process: sign in as the demo's agency lead and open the pages.
VISIT = """
import json, re
import django
django.setup()
from django.test import Client
from actionplan.plans.models import Plan

client = Client()
seen = {}
sign_in = client.get("/sign-in/", secure=True)
seen["sign_in"] = sign_in.status_code
signed_in = client.post("/sign-in/", {"username": "alice", "password": "riverton-demo"}, secure=True)
seen["signed_in"] = [signed_in.status_code, signed_in.get("Location")]
for name, path in [("dashboard", "/"), ("plan", f"/plans/{Plan.objects.first().pk}/")]:
    page = client.get(path, secure=True)
    seen[name] = page.status_code
    seen[name + "_csp"] = page.get("Content-Security-Policy")
    html = page.content.decode()
    seen[name + "_assets"] = re.findall(r'(?:href|src)="(/static/[^"]+)"', html)
for asset in seen["dashboard_assets"]:
    seen[asset] = client.get(asset, secure=True).status_code
print(json.dumps(seen))
"""


def production_env(data_dir: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "DEBUG", "SECRET_KEY"}}
    return {
        **env,
        "PYTHONPATH": str(REPO_ROOT / "src"),  # this checkout's code, wherever the child runs
        "ACTIONPLAN_PRODUCTION": "1",
        "SECRET_KEY": "production-test-" + "k" * 50,
        "ALLOWED_HOSTS": "testserver",
        "CSRF_TRUSTED_ORIGINS": "https://testserver",
        "ACTIONPLAN_DATA_DIR": str(data_dir),
        "DJANGO_SETTINGS_MODULE": "actionplan.settings",
    }


def actionplan(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    done = subprocess.run(
        [sys.executable, "-m", "actionplan.cli", *args], env=env, capture_output=True, text=True
    )
    assert done.returncode == 0, f"actionplan {' '.join(args)} failed:\n{done.stderr}"
    return done


@pytest.fixture(scope="module")
def deployed(tmp_path_factory) -> dict[str, str]:
    if not STATIC_SOURCE.exists():
        pytest.skip("the GOV.UK Frontend assets are not built: run `make assets`")
    data_dir = tmp_path_factory.mktemp("production")
    env = production_env(data_dir)
    actionplan("migrate", "--verbosity", "0", env=env)
    actionplan("collectstatic", "--noinput", env=env)
    actionplan("demo", env=env)
    return env


def test_the_deploy_checklist_is_clean_with_the_documented_settings(deployed):
    checked = actionplan("check", "--deploy", env=deployed)
    assert "no issues" in checked.stdout, checked.stdout + checked.stderr


def test_signing_in_and_the_pages_work_from_the_collected_static_files(deployed):
    visit = subprocess.run([sys.executable, "-c", VISIT], env=deployed, capture_output=True, text=True)
    assert visit.returncode == 0, visit.stderr
    seen = json.loads(visit.stdout)
    assert seen["sign_in"] == 200
    assert seen["signed_in"] == [302, "/"]
    assert seen["dashboard"] == 200 and seen["plan"] == 200
    # The manifest names the files by their content: the stylesheet's name carries its hash.
    stylesheets = [a for a in seen["dashboard_assets"] if a.startswith("/static/govuk/application.")]
    assert stylesheets and stylesheets[0] != "/static/govuk/application.css"
    for asset in seen["dashboard_assets"]:
        assert seen[asset] == 200, asset
    assert "script-src 'self'" in seen["dashboard_csp"]


def test_the_shipped_gunicorn_configuration_loads(deployed):
    checked = subprocess.run(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "--config",
            str(REPO_ROOT / "gunicorn.conf.py"),
            "--check-config",
            "--print-config",
            "actionplan.wsgi",
        ],
        env=deployed,
        capture_output=True,
        text=True,
    )
    assert checked.returncode == 0, checked.stderr
    settings = {
        name.strip(): value.strip()
        for name, _, value in (line.partition("=") for line in checked.stdout.splitlines())
    }
    assert int(settings["workers"]) >= 2
    assert int(settings["timeout"]) >= 120
