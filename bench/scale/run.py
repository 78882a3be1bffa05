"""Time the busiest pages on the data of generate.py against hand-written SQL giving the same numbers.

    DATABASE_URL=postgres://…/bench .venv/bin/python bench/scale/run.py [--rounds 3]

Pages are rendered with Django's test Client, signed in as the generated partnership admin (the
agency lead for "my actions"). Each round renders a page and then runs its hand-written SQL, so
both see the same load on a shared machine. The SQL's numbers are checked against the page's
(the dashboard's counts, the lists' totals): a page that is fast but wrong fails the run.
Reported per page: median milliseconds of the page and of its SQL, their ratio, SQL queries.
"""

from __future__ import annotations

import argparse
import logging
import os
import platform
import re
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "src"))

RAG = """CASE WHEN a.rag_override <> '' THEN a.rag_override
  WHEN a.status = 'not_achieved' THEN 'red'
  WHEN a.status = 'implemented' AND a.assurance IN ('accepted', 'impact_evidenced', 'rechecked') THEN 'blue'
  WHEN a.status = 'implemented' THEN 'green' WHEN a.status = 'superseded' THEN 'grey'
  WHEN coalesce(a.revised_due_date, a.due_date) < %(today)s THEN 'red'
  WHEN a.status = 'slipped' THEN 'amber'
  WHEN coalesce(a.revised_due_date, a.due_date) <= %(today)s + 28 THEN 'amber'
  WHEN a.status = 'not_started' THEN 'grey' ELSE 'green' END"""
OPEN = "a.status NOT IN ('implemented', 'not_achieved', 'superseded')"
OVERDUE = f"{OPEN} AND coalesce(a.revised_due_date, a.due_date) < %(today)s"
FROM = """FROM plans_action a JOIN plans_recommendation r ON a.recommendation_id = r.id
  JOIN plans_plan p ON r.plan_id = p.id WHERE p.partnership_id = %(p)s AND p.closed_on IS NULL"""
DASHBOARD = [
    f"SELECT r.plan_id, {RAG} AS rag, count(*) {FROM} GROUP BY 1, 2",
    f"SELECT a.owner_id, {RAG} AS rag, count(*) {FROM} GROUP BY 1, 2",
    f"""SELECT t.theme_id, {RAG} AS rag, count(*) {FROM.replace('WHERE', '''JOIN
        plans_recommendation_themes t ON t.recommendation_id = r.id WHERE''')} GROUP BY 1, 2""",
    f"""SELECT count(*) FILTER (WHERE {OVERDUE}),
        count(*) FILTER (WHERE {OPEN} AND coalesce(a.revised_due_date, a.due_date)
                         BETWEEN %(today)s AND %(today)s + 28),
        count(*) FILTER (WHERE {OPEN} AND coalesce(
            (SELECT max(u.written_on) FROM plans_progressupdate u WHERE u.action_id = a.id),
            (a.created_at AT TIME ZONE 'UTC')::date) < %(today)s - 90),
        count(*) FILTER (WHERE a.assurance = 'submitted') {FROM}""",
]
PAGE_OF = f"""SELECT a.id, a.text, p.title, o.name, a.due_date, a.status, {RAG} AS rag {FROM.replace(
    'WHERE', 'LEFT JOIN plans_agency o ON a.owner_id = o.id WHERE')} AND {{where}}
    ORDER BY {{order}}coalesce(a.revised_due_date, a.due_date) NULLS LAST, a.id LIMIT 100 OFFSET {{offset}}"""
# The list of every action leads with the work still being delivered (ADR 71); the others hold one kind.
OPEN_FIRST = "(a.status IN ('implemented', 'not_achieved', 'superseded')), "
COUNT_OF = f"SELECT count(*) {FROM} AND {{where}}"
PLAN = f"""SELECT r.id, r.ref, a.id, a.text, o.name, {RAG}, (SELECT u.text FROM plans_progressupdate u
    WHERE u.action_id = a.id ORDER BY u.written_on DESC, u.id DESC LIMIT 1)
    FROM plans_recommendation r LEFT JOIN plans_action a ON a.recommendation_id = r.id
    LEFT JOIN plans_agency o ON a.owner_id = o.id WHERE r.plan_id = %(plan)s ORDER BY r."order", a."order" """
# What the dashboard reads when its counts are kept (ADR 46, 67): the partnership's totals, and
# which plans changed since they were counted (their stored rows are then subtracted).
KEPT = ["SELECT field, key, rag, n FROM plans_kepttotal WHERE partnership_id = %(p)s",
        """SELECT k.plan_id FROM plans_keptplan k JOIN plans_plan p ON k.plan_id = p.id
    WHERE p.partnership_id = %(p)s AND k.changes <> k.counted"""]
DEEP_PAGE = 500  # past a few pages a list pays its OFFSET: the page's SQL pays it too
ACTION = ["SELECT * FROM plans_action WHERE id = %(action)s",
          "SELECT * FROM plans_progressupdate WHERE action_id = %(action)s ORDER BY written_on DESC, id DESC",
          "SELECT * FROM plans_historicalaction WHERE id = %(action)s ORDER BY history_date DESC"]


def timed(work: Callable[[], object]) -> tuple[float, object]:
    started = time.perf_counter()
    result = work()
    return (time.perf_counter() - started) * 1000, result


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--kept", action="store_true",
                        help="the counts are kept for today already (an earlier run's rebuild): not rebuilt")
    args = parser.parse_args()
    os.environ["DJANGO_SETTINGS_MODULE"] = "actionplan.settings"
    os.environ["ALLOWED_HOSTS"] = "testserver"
    import django

    django.setup()
    logging.getLogger("django.request").setLevel(logging.ERROR)
    logging.getLogger("axes").setLevel(logging.WARNING)  # a line per sign-in otherwise
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.utils import timezone

    from actionplan.plans import kept_counts
    from actionplan.plans.models import Action, CountsKept, Partnership, Plan, User
    from actionplan.plans.summary import partnership_summary

    partnership = Partnership.objects.get()
    plan = Plan.objects.filter(kind="review_action_plan").order_by("pk").first()
    action = Action.objects.filter(recommendation__plan=plan).order_by("pk").first()
    lead = User.objects.get(username="scale-lead")
    params = {"today": timezone.localdate(), "p": partnership.pk, "plan": plan.pk, "action": action.pk,
              "agency": lead.agencies.get().pk}

    def sql(*statements: str) -> Callable[[], list]:
        def run() -> list:
            with connection.cursor() as cursor:
                found = []
                for statement in statements:
                    cursor.execute(statement, params)
                    found.append(cursor.fetchall())
                return found
        return run

    overdue = {"where": OVERDUE, "order": "", "offset": 0}
    mine = {"where": "a.owner_id = %(agency)s AND " + OPEN, "order": "", "offset": 0}
    every = {"where": "true", "order": OPEN_FIRST, "offset": 0}
    deep = {**every, "offset": 100 * (DEEP_PAGE - 1)}
    # First counted live (the counts not kept, as before the night's rebuild), then kept.
    kept_counts.forget([partnership.pk])
    pages = [
        ("dashboard", "/", "scale-admin", sql(*DASHBOARD)),
        ("dashboard, counts kept", "/", "scale-admin", sql(*KEPT)),
        ("actions ?overdue=on", "/actions/?overdue=on", "scale-admin",
         sql(COUNT_OF.format(**overdue), PAGE_OF.format(**overdue))),
        ("all actions", "/actions/", "scale-admin", sql(COUNT_OF.format(**every), PAGE_OF.format(**every))),
        (f"all actions, page {DEEP_PAGE}", f"/actions/?page={DEEP_PAGE}", "scale-admin",
         sql(COUNT_OF.format(**every), PAGE_OF.format(**deep))),
        ("my actions", "/my-actions/", "scale-lead", sql(COUNT_OF.format(**mine), PAGE_OF.format(**mine))),
        (f"plan page ({plan.recommendations.count()} recommendations)", f"/plans/{plan.pk}/", "scale-admin",
         sql(PLAN)),
        ("action page", f"/actions/{action.pk}/", "scale-admin", sql(*ACTION)),
    ]
    clients = {name: Client() for name in ("scale-admin", "scale-lead")}
    for name, client in clients.items():
        client.force_login(User.objects.get(username=name))
    total = Action.objects.filter(recommendation__plan__partnership=partnership).count()
    print(f"{total:,} actions; {platform.node()}: {os.cpu_count()} cores, {platform.python_version()}, "
          f"PostgreSQL {connection.pg_version}")
    print(f"| page | page ms (median of {args.rounds}) | SQL ms | ratio | queries | page KB |")
    print("|---|---|---|---|---|---|")
    for label, url, who, bare in pages:
        if label == "dashboard, counts kept" and args.kept:
            CountsKept.objects.filter(partnership=partnership).update(
                as_at=params["today"], rebuilding_for=None)  # made so by an earlier run today
        elif label == "dashboard, counts kept":
            ms, _ = timed(lambda: kept_counts.rebuild(partnership))
            print(f"| (rebuilding the kept counts, as the daily job does: {ms / 1000:.1f} s) | | | | | |")
        if label == "dashboard, counts kept":
            assert kept_counts.differences(partnership) == [], "kept counts differ from the live ones"
        page_ms, sql_ms = [], []
        for _ in range(args.rounds):
            with CaptureQueriesContext(connection) as queries:
                ms, response = timed(lambda: clients[who].get(url))  # noqa: B023 - run at once
            assert response.status_code == 200, (url, response.status_code)
            page_ms.append(ms)
            ms, rows = timed(bare)
            sql_ms.append(ms)
        check(label, response.content.decode(), rows, partnership_summary, partnership, params["today"])
        page, bare_ms = statistics.median(page_ms), statistics.median(sql_ms)
        print(f"| {label} | {page:.0f} | {bare_ms:.0f} | {page / bare_ms:.1f}x | {len(queries)} | "
              f"{len(response.content) // 1024} |", flush=True)
    # What keeping them costs a change: bench/scale/write.py.


def check(
    label: str, html: str, rows: list, summary_of: Callable, partnership: object, today: object
) -> None:
    """The page and its SQL agree: the same counts on the dashboard, the same total on a list."""
    if label.startswith("dashboard"):
        summary = summary_of(partnership, today)
        if label.endswith("counts kept"):  # the totals: the partnership's RAG and exceptions
            kept = {(name, rag): n for name, _key, rag, n in rows[0]}
            assert sum(n for (name, _rag), n in kept.items() if name == "overall") == summary.overall.total
            assert (kept.get(("overdue", ""), 0), kept.get(("stale", ""), 0)) == (
                summary.overdue, summary.stale), "dashboard exceptions"
            return
        by_plan = rows[0]
        assert sum(n for _plan, _rag, n in by_plan) == summary.overall.total, "dashboard total"
        assert tuple(rows[3][0]) == (summary.overdue, summary.due_soon, summary.stale,
                                     summary.awaiting_assurance), "dashboard exceptions"
    elif "actions" in label:
        shown = re.search(r"([\d,]+) actions?", html)
        assert shown and int(shown.group(1).replace(",", "")) == rows[0][0][0], f"{label} total"


if __name__ == "__main__":
    main()
