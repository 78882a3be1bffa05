"""Time a page of the action lists in the order a board reads them against the order by date alone.

    DATABASE_URL=postgres://…/bench .venv/bin/python bench/list_order/run.py [--rounds 7]

On the data of bench/scale/generate.py (one partnership of N actions). For each list, each round
reads page 1 and a deep page (the 500th of 100) of `finder.find_actions` in today's order, then
in the order before it (soonest due alone; status by its stored code), one after the other, so
both see the same load on a shared machine; and counts the list once, as the page does. Reported:
median milliseconds of each, their ratio, and whether PostgreSQL's plan of the page in today's
order reads an index in that order (no sort of every row) or sorts. Last, the first list's
page 1 in today's order once more with its index dropped (in a transaction rolled back): what
the index spares.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "src"))
PER_PAGE, DEEP = 100, 499


def timed(read: Callable[[], Any]) -> float:
    started = time.perf_counter()
    read()
    return (time.perf_counter() - started) * 1000


def plan_of(rows: Any) -> str:
    """What the database does for the ORDER BY: the index it reads in order, or a sort."""
    text = rows.explain()
    for index in ("action_open_first_due_by", "action_owner_due_by", "action_due_by"):
        if index in text and "Sort" not in text.split(index)[0].splitlines()[-1]:
            return f"index {index}" + (" + sort" if "Sort Key" in text else "")
    return "sort (top-N)" if "top-N" in text else "sort" if "Sort" in text else "?"


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args()
    os.environ["DJANGO_SETTINGS_MODULE"] = "actionplan.settings"
    import django

    django.setup()
    from django.db import connection
    from django.db.models import F
    from django.utils import timezone

    from actionplan.plans.finder import SOONEST_DUE, ActionCriteria, find_actions
    from actionplan.plans.models import Agency, Partnership

    if connection.vendor != "postgresql":
        sys.exit("bench/list_order runs on PostgreSQL: set DATABASE_URL")
    partnership = Partnership.objects.get(name="Scale Safeguarding Partnership")
    agency = Agency.objects.filter(partnership=partnership).order_by("pk").first()
    assert agency is not None
    today = timezone.localdate()
    before_status = ("status", F("due_by").asc(nulls_last=True), "pk")
    lists = [
        ("Actions, soonest due", ActionCriteria(), "due", SOONEST_DUE),
        ("Actions, by status", ActionCriteria(), "status", before_status),
        ("Overdue", ActionCriteria(overdue=True), "due", SOONEST_DUE),
        ("My actions", ActionCriteria(agencies=(agency.pk,), finished=False), "due", SOONEST_DUE),
        ("My actions, by status", ActionCriteria(agencies=(agency.pk,), finished=False), "status",
         before_status),
    ]
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM plans_action")
        (actions,) = cursor.fetchone()
    print(f"{actions:,} actions; {platform.node()}, {os.cpu_count()} cores; load {os.getloadavg()}")
    print(f"{'list':24} {'rows':>7} {'count ms':>9} {'page 1 ms':>16} {'page 500 ms':>16}  "
          "plan of today's order")
    print(f"{'':24} {'':>7} {'':>9} {'today / before':>16} {'today / before':>16}")
    for name, criteria, sort, before in lists:
        today_rows = find_actions(partnership, today, criteria, sort)
        before_rows = today_rows.order_by(*before)
        count = today_rows.count()
        counting = statistics.median(timed(today_rows.count) for _ in range(args.rounds))
        pages: dict[tuple[str, int], list[float]] = {}
        for _ in range(args.rounds):
            for label, rows in (("today", today_rows), ("before", before_rows)):
                for page in (0, DEEP):
                    start = page * PER_PAGE
                    took = timed(lambda r=rows, s=start: list(r[s:s + PER_PAGE]))
                    pages.setdefault((label, page), []).append(took)
        cells = []
        for page in (0, DEEP):
            now, then = (statistics.median(pages[(label, page)]) for label in ("today", "before"))
            cells.append(f"{now:6.1f} / {then:6.1f} {now / then:4.1f}x")
        print(f"{name:24} {count:>7,} {counting:>9.1f} {cells[0]:>16} {cells[1]:>16}  "
              f"{plan_of(today_rows[:PER_PAGE])}")
    without_index(find_actions(partnership, today, ActionCriteria()), args.rounds)
    print(f"load {os.getloadavg()}")


def without_index(rows: Any, rounds: int) -> None:
    from django.db import connection, transaction

    with_it = statistics.median(timed(lambda: list(rows[:PER_PAGE])) for _ in range(rounds))

    class RolledBack(Exception):
        pass

    try:
        with transaction.atomic():
            with connection.cursor() as cursor:
                cursor.execute("DROP INDEX action_open_first_due_by")
            took = statistics.median(timed(lambda: list(rows[:PER_PAGE])) for _ in range(rounds))
            plan = plan_of(rows[:PER_PAGE])
            raise RolledBack
    except RolledBack:
        pass
    print(f"Actions, soonest due, page 1: {with_it:.1f} ms with its index, {took:.1f} ms without "
          f"({plan}), {took / with_it:.1f}x")


if __name__ == "__main__":
    main()
