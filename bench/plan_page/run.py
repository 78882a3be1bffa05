"""Time the plan page of the largest seed, among 1,000 other actions, against the sign-in page.

    ACTIONPLAN_DATA_DIR=/tmp/bench .venv/bin/python bench/plan_page/run.py [--rounds N] [--profile]

A fresh SQLite database in a temporary folder: migrate, import seed 001 with the `import`
command, add 1,000 actions (with a progress update each) in ten other plans of the same
partnership, then render the seed's plan page with Django's test Client as a partnership admin.
Each round renders the plan page and the sign-in page back to back, so both see the same load
on a shared machine. Reported: best and median of each, their ratio, and the plan page's SQL
query count. The exit status is 1 when the plan page's median is over the target.
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import io
import logging
import os
import platform
import pstats
import shutil
import statistics
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from django.test import Client

    from actionplan.plans.models import Plan, User


TARGET_MS = 300.0
PARTNERSHIP = "Nottinghamshire Safeguarding Children Board"
OTHER_PLANS, RECOMMENDATIONS, ACTIONS = 10, 25, 4  # 10 × 25 × 4 = 1,000 actions


def seed_001() -> Path:
    configured = os.environ.get("ACTIONPLAN_SEEDS_DIR")
    folder = Path(configured) if configured else Path(__file__).resolve().parents[3] / "shared" / "seeds"
    found = sorted(folder.glob("001_*"))
    if not found:
        sys.exit(f"seed 001 not found in {folder} (set ACTIONPLAN_SEEDS_DIR)")
    return found[0]


def set_up_django(folder: str) -> None:
    os.environ["DJANGO_SETTINGS_MODULE"] = "actionplan.settings"
    os.environ["DATABASE_URL"] = f"sqlite:///{folder}/bench.sqlite3"
    os.environ.setdefault("ACTIONPLAN_DATA_DIR", folder)
    os.environ["ALLOWED_HOSTS"] = "testserver"  # the test Client's host name
    import django

    django.setup()
    logging.getLogger("axes").setLevel(logging.WARNING)  # one line per sign-in otherwise


def build(seed: Path) -> tuple[User, Plan]:
    from django.core.management import call_command
    from django.utils import timezone

    from actionplan.plans import models as m

    call_command("migrate", verbosity=0)
    call_command("import", str(seed), "--partnership", PARTNERSHIP, stdout=io.StringIO())
    partnership = m.Partnership.objects.get(name=PARTNERSHIP)
    agencies = list(partnership.agencies.all())
    today = timezone.localdate()
    for number in range(OTHER_PLANS):
        plan = m.Plan.objects.create(partnership=partnership, title=f"Other plan {number}")
        recs = m.Recommendation.objects.bulk_create(
            m.Recommendation(plan=plan, order=r, ref=f"{r}.", text=f"Recommendation {r} of plan {number}")
            for r in range(RECOMMENDATIONS))
        actions = m.Action.objects.bulk_create(
            m.Action(recommendation=rec, order=a, text=f"Action {a} of {rec.ref}",
                     owner=agencies[a % len(agencies)],
                     due_kind="date", due_date=today + timedelta(days=200 * (a % 3 - 1)))
            for rec in recs for a in range(ACTIONS))
        m.ProgressUpdate.objects.bulk_create(
            m.ProgressUpdate(action=action, written_on=today, text="Progress noted", status=action.status)
            for action in actions)
    admin = m.User.objects.create(username="bench-admin", partnership=partnership,
                                  role=m.User.Role.PARTNERSHIP_ADMIN)
    seed_plan = m.Plan.objects.exclude(source_sha256="").get()
    return admin, seed_plan


def timed_get(client: Client, url: str) -> float:
    start = time.perf_counter()
    response = client.get(url)
    elapsed = time.perf_counter() - start
    assert response.status_code == 200, (url, response.status_code)
    return elapsed * 1000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=30)
    parser.add_argument("--profile", action="store_true", help="print a cProfile of one plan page")
    args = parser.parse_args()

    folder = tempfile.mkdtemp(prefix="plan-page-bench-")
    set_up_django(folder)
    from django.db import connection
    from django.test import Client

    from actionplan.plans.models import Action

    admin, plan = build(seed_001())
    client = Client()
    client.force_login(admin)
    plan_url, trivial_url = f"/plans/{plan.pk}/", "/sign-in/"
    for _ in range(3):  # warm templates, caches and the connection
        timed_get(client, plan_url), timed_get(client, trivial_url)
    queries: list[str] = []
    with connection.execute_wrapper(lambda execute, sql, *rest: queries.append(sql) or execute(sql, *rest)):
        timed_get(client, plan_url)

    page_times, trivial_times = [], []
    for number in range(args.rounds):
        gc.collect()
        pair = [(plan_url, page_times), (trivial_url, trivial_times)]
        for url, times in pair if number % 2 == 0 else reversed(pair):
            times.append(timed_get(client, url))

    page_median, trivial_median = statistics.median(page_times), statistics.median(trivial_times)
    print(f"python {platform.python_version()}, {os.cpu_count()} cores, SQLite, {args.rounds} rounds")
    print(f"plan: {plan.title!r}: {plan.recommendations.count()} recommendations, "
          f"{Action.objects.filter(recommendation__plan=plan).count()} actions; "
          f"{Action.objects.count()} actions in the partnership")
    print(f"plan page  best {min(page_times):7.1f} ms  median {page_median:7.1f} ms  "
          f"({len(queries)} queries)")
    print(f"sign-in    best {min(trivial_times):7.1f} ms  median {trivial_median:7.1f} ms")
    print(f"ratio (median) {page_median / trivial_median:.1f}×   target: plan page under {TARGET_MS:.0f} ms")
    if args.profile:
        profiler = cProfile.Profile()
        profiler.runcall(client.get, plan_url)
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(30)
    connection.close()
    shutil.rmtree(folder, ignore_errors=True)
    return 0 if page_median <= TARGET_MS else 1


if __name__ == "__main__":
    sys.exit(main())
