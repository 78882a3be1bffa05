"""Runners in their own processes, as cron starts them: two at once never send a notice twice,
and a runner killed mid-run then started again sends each notice exactly once."""

from __future__ import annotations

import re
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest

from processes import SOURCE, actionplan, python, recreate, scratch_database_url

LEADS = 12
ACTIONS_EACH = 15
TODAY = "2026-05-10"

# Inside the child: a partnership with one agency per lead, each agency's actions due in 7 days.
BUILD = f"""
import django
django.setup()
from datetime import date
from actionplan.plans.models import Action, Agency, Partnership, Plan, Recommendation, User
p = Partnership.objects.create(name="Riverton")
plan = Plan.objects.create(partnership=p, title="Plan")
for n in range({LEADS}):
    agency = Agency.objects.create(partnership=p, name=f"Agency {{n}}")
    lead = User.objects.create(username=f"lead{{n}}", email=f"lead{{n}}@example.org", partnership=p,
                               role=User.Role.AGENCY_LEAD)
    lead.agencies.add(agency)
    for i in range({ACTIONS_EACH}):
        rec = Recommendation.objects.create(plan=plan, ref=f"{{n}}.{{i}}", order=n * 100 + i)
        Action.objects.create(recommendation=rec, owner=agency, text=f"Action {{n}}.{{i}}",
                              due_date=date(2026, 5, 17))
"""


def start_remind(env: dict[str, str]) -> subprocess.Popen[str]:
    args = [sys.executable, "-m", "actionplan.cli", "remind", "--today", TODAY]
    return subprocess.Popen(args, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def written(mail_dir: Path) -> list[str]:
    """Every e-mail the file backend wrote; a file may hold several, each followed by a rule."""
    rule = "\n" + "-" * 79 + "\n"
    return [m for path in sorted(mail_dir.glob("*.log")) for m in path.read_text().split(rule) if m.strip()]


def recipients(mail_dir: Path) -> Counter[str]:
    """Who was sent an e-mail, as many times as they were."""
    return Counter(to for message in written(mail_dir) for to in re.findall(r"^To: (\S+)$", message, re.M))


def prepared(env: dict[str, str]) -> dict[str, str]:
    python(BUILD, env)
    return env


def two_at_once(env: dict[str, str], data: Path) -> None:
    runners = [start_remind(env), start_remind(env)]
    for runner in runners:
        _, err = runner.communicate(timeout=300)
        assert runner.returncode == 0, err
    expected = Counter({f"lead{n}@example.org": 1 for n in range(LEADS)})
    assert recipients(data / "mail") == expected
    messages = written(data / "mail")
    for n in range(LEADS):
        (message,) = [m for m in messages if f"To: lead{n}@" in m]
        # One e-mail each, listing every one of that lead's actions.
        plain = message.split("Content-Type: text/html")[0]
        assert len(re.findall(rf"Action {n}\.\d+\n", plain)) == ACTIONS_EACH


def test_two_runners_at_once_on_sqlite(tmp_path, built_databases):
    env = prepared(built_databases.sqlite(tmp_path / "data", "migrated"))
    two_at_once(env, tmp_path / "data")


SCRATCH = scratch_database_url("reminders_check")


@pytest.mark.skipif(SCRATCH is None, reason="the suite is not running on PostgreSQL")
def test_two_runners_at_once_on_postgresql(tmp_path, built_databases):
    assert SCRATCH
    try:
        env = prepared(built_databases.postgresql(SCRATCH, tmp_path / "data", "migrated"))
        two_at_once(env, tmp_path / "data")
    finally:
        recreate(SCRATCH, create=False)


def test_a_runner_killed_mid_run_and_started_again_sends_each_notice_once(tmp_path, built_databases):
    data = tmp_path / "data"
    env = prepared(built_databases.sqlite(data, "migrated"))
    slow = {
        **env,
        "PYTHONPATH": f"{SOURCE}:{Path(__file__).parent}",
        "EMAIL_BACKEND": "slow_mail.SlowBackend",
    }
    runner = start_remind(slow)
    deadline = time.monotonic() + 120
    while (not (data / "mail").exists() or sum(recipients(data / "mail").values()) < 3) and (
        time.monotonic() < deadline
    ):
        time.sleep(0.05)
    runner.send_signal(signal.SIGKILL)
    runner.wait()
    before = recipients(data / "mail")
    assert 3 <= sum(before.values()) < LEADS, "the runner was not stopped mid-run"
    # Started again once the dead runner's lease has run out.
    actionplan("remind", "--today", TODAY, env={**env, "ACTIONPLAN_NOTICE_LEASE_MINUTES": "0"})
    assert recipients(data / "mail") == Counter({f"lead{n}@example.org": 1 for n in range(LEADS)})
