"""What each page of the load mix costs the server, one request at a time, in one process.

    DATABASE_URL=postgres://…/bench .venv/bin/python bench/load/pages.py [--repeat 20] [--profile LABEL]
        [--only LABEL …]

Runs on the data of bench/scale/generate.py, through Django's test client (no HTTP server), with
DEBUG off. For each page: the median CPU time of this process per request (Django, the templates
and the database driver; the database's own work is in the wall time), the median wall time, and
the SQL queries of one request with their time. The sign-in page and the password page are the
floors: what a request costs before any page's own work, signed out and signed in.
`--profile LABEL` prints where one page's CPU goes (cProfile timed by the process's CPU clock,
the 30 costliest functions).
"""

from __future__ import annotations

import argparse
import cProfile
import os
import platform
import pstats
import re
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))
os.environ.setdefault("DEBUG", "0")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "actionplan.settings")


def pages(rows: dict) -> list[tuple[str, str, str]]:
    """(label, who, path): who is "out" (signed out), "admin" or "lead"."""
    plan, action = rows["plans"][len(rows["plans"]) // 2], rows["actions"][len(rows["actions"]) // 2]
    return [
        ("sign-in page", "out", "/sign-in/"),
        ("password page (signed in)", "lead", "/account/password/"),
        ("action page", "lead", f"/actions/{action}/"),
        ("plan page (100 actions)", "lead", f"/plans/{plan}/"),
        ("all actions, page 25", "admin", "/actions/?page=25"),
        ("overdue", "admin", "/actions/?overdue=on"),
        ("my actions", "lead", "/my-actions/"),
        ("list of plans", "admin", "/plans/"),
        ("dashboard", "admin", "/"),
    ]


def measure(request, repeat: int) -> tuple[float, float, float, int, float]:
    """Median and least CPU ms, median wall ms per request, then the queries of one request and
    their ms. On a shared machine the least CPU time is the steadiest figure."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    request()  # compiled templates and warm connections out of the measure
    cpu, wall = [], []
    for _ in range(repeat):
        c, w = time.process_time(), time.perf_counter()
        request()
        cpu.append((time.process_time() - c) * 1000)
        wall.append((time.perf_counter() - w) * 1000)
    with CaptureQueriesContext(connection) as captured:
        request()
    sql_ms = sum(float(q["time"]) for q in captured.captured_queries) * 1000
    return statistics.median(cpu), min(cpu), statistics.median(wall), len(captured), sql_ms


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--profile", help="the label of a page (or 'progress update') to profile")
    parser.add_argument("--only", action="append", default=[],
                        help="measure only the pages whose label starts so (repeatable)")
    args = parser.parse_args()
    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from run import prepare

    from actionplan.plans.models import User

    rows = prepare(2)  # load-0, a partnership admin; load-1, an agency lead
    clients = {"out": Client(HTTP_HOST="127.0.0.1")}
    for who, username in [("admin", "load-0"), ("lead", "load-1")]:
        clients[who] = Client(HTTP_HOST="127.0.0.1")
        clients[who].force_login(User.objects.get(username=username))
    own_action = rows["people"][1][2][0]
    n = 0

    def progress_update() -> None:
        nonlocal n
        n += 1
        page = clients["lead"].get(f"/actions/{own_action}/")
        version = re.search(rb'name="version" value="(\d+)"', page.content)
        assert version is not None
        answer = clients["lead"].post(f"/actions/{own_action}/progress/", {
            "text": f"Page costs {n}: briefings delivered.", "status": "", "revised_due": "", "reason": "",
            "replaced_by": "", "version": version.group(1).decode()})
        assert answer.status_code == 302, answer.status_code

    def get(who: str, path: str):
        def request() -> None:
            answer = clients[who].get(path)
            assert answer.status_code == 200, (path, answer.status_code)
        return request

    work = [(label, get(who, path)) for label, who, path in pages(rows)]
    work.append(("progress update (with its action page)", progress_update))
    if args.only:
        work = [(label, request) for label, request in work if label.startswith(tuple(args.only))]
    if args.profile:
        request = dict(work)[next(label for label, _ in work if label.startswith(args.profile))]
        request()
        # The process's CPU time, not the wall clock: on a shared machine the wall clock counts
        # the other processes' turns and the database's work as this page's.
        profile = cProfile.Profile(time.process_time)
        profile.enable()
        for _ in range(args.repeat):
            request()
        profile.disable()
        stats = pstats.Stats(profile)
        stats.sort_stats("tottime").print_stats(30)
        ours = "actionplan|django/(template|contrib|middleware|core/handlers)"
        stats.sort_stats("cumulative").print_stats(ours, 40)
        return
    print(f"{len(rows['actions']):,} actions; {platform.node()}: {os.cpu_count()} cores, "
          f"{platform.python_version()}, PostgreSQL {connection.pg_version}; median of {args.repeat}; "
          f"load average {os.getloadavg()[0]:.1f}")
    print("| page | CPU ms, median | CPU ms, least | wall ms, median | queries | SQL ms |\n"
          "|---|---|---|---|---|---|")
    for label, request in work:
        cpu, least, wall, queries, sql_ms = measure(request, args.repeat)
        print(f"| {label} | {cpu:.1f} | {least:.1f} | {wall:.1f} | {queries} | {sql_ms:.1f} |")


if __name__ == "__main__":
    main()
