"""The `actionplan` console command, run as a user would."""

import os
import subprocess
import sys

PRODUCTION = {
    "ACTIONPLAN_PRODUCTION": "1",
    "SECRET_KEY": "a-long-random-production-secret-" + "x" * 40,
    "ALLOWED_HOSTS": "actionplan.example.org",
}


def actionplan(*args: str, env: dict[str, str] | None = None, cwd=None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "actionplan.cli", *args],
        capture_output=True,
        text=True,
        # Only the variables the test names, over a clean copy of this environment.
        env={**{k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}, **(env or {})},
        cwd=cwd,
    )


def test_help_lists_the_commands():
    out = actionplan("--help").stdout
    for command in ["migrate", "demo", "import", "runserver", "check"]:
        assert f"  {command}" in out


def test_the_production_check_passes_with_the_documented_settings(tmp_path):
    result = actionplan(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        env={**PRODUCTION, "ACTIONPLAN_DATA_DIR": str(tmp_path)},
    )
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


def test_the_production_check_fails_without_production_settings(tmp_path):
    result = actionplan(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        env={"ACTIONPLAN_DATA_DIR": str(tmp_path), "ACTIONPLAN_PRODUCTION": "0"},
    )
    assert result.returncode != 0
    assert "SECURE_SSL_REDIRECT" in result.stderr


def test_a_reader_that_stops_early_gets_no_traceback(tmp_path):
    """`actionplan import a b --dry-run | head`: the pipe closes before the command is done
    (here before the second plan is written)."""
    plan = tmp_path / "tracker.csv"
    rows = [f"{n},Recommendation {n} of the review,Action {n},Police,April 2010" for n in range(400)]
    plan.write_text("Ref,Recommendation,Action,Lead agency,Target date\n" + "\n".join(rows))
    process = subprocess.Popen(
        [sys.executable, "-m", "actionplan.cli", "import", str(plan), str(plan), "--dry-run",
         "--format", "json"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        env={**os.environ, "ACTIONPLAN_DATA_DIR": str(tmp_path)})
    process.stdout.read(100)
    process.stdout.close()  # like head: read a little, then stop listening
    stderr = process.stderr.read().decode()
    process.wait(timeout=60)
    assert "Traceback" not in stderr
    assert process.returncode == 1
