"""Time a progress update on the data of generate.py, as a page's POST would make it.

    DATABASE_URL=postgres://…/bench .venv/bin/python bench/scale/write.py [--rounds 9]
    BENCH_SOURCE=<another checkout>/src DATABASE_URL=… .venv/bin/python bench/scale/write.py

The update goes to the first action of the first plan (100 actions; a composite plan links to
one of them). Reported: the median milliseconds and the queries of the whole call, as the person
posting waits for it and, where the dashboard's counts are kept (ADR 46), of its transaction
alone (what other writers may wait on) and of the re-count of its plans: in the call after the
commit (ADR 46 as first built) or by the worker, queued at the commit (ADR 59; the queued
re-counts are run as the worker would between rounds, so each round finds its plans counted).
The counts must be kept for today (`actionplan check-counts --repair` first). BENCH_SOURCE times
another version of the code on the same data: run the two alternately, in one sitting, for a ratio.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, os.environ.get("BENCH_SOURCE") or str(Path(__file__).resolve().parents[2] / "src"))


def timed(run) -> float:  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    run()
    return (time.perf_counter() - start) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=9)
    parser.add_argument("--worker", action="store_true",
                        help="also time each update until a running `actionplan worker` re-counts it")
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "actionplan.settings")
    import django

    django.setup()
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from django.utils import timezone

    from actionplan.plans.models import Action, Plan
    from actionplan.plans.updates import record_progress

    plan = Plan.objects.filter(kind="review_action_plan").order_by("pk").first()
    action = Action.objects.filter(recommendation__plan=plan).order_by("pk").first()
    today = timezone.localdate()

    def update() -> None:
        record_progress(action, None, "bench", on=today)

    def whole_calls(after_each) -> tuple[list[float], list[int]]:  # type: ignore[no-untyped-def]
        total, queries = [], []
        for _ in range(args.rounds):
            with CaptureQueriesContext(connection) as captured:
                total.append(timed(update))
            queries.append(len(captured.captured_queries))
            after_each()
        return total, queries

    try:
        from actionplan.plans import kept_recount
    except ImportError:  # a version without kept counts: the whole call is the transaction
        total, queries = whole_calls(lambda: None)
        print(f"progress update: {statistics.median(total):.0f} ms, {max(queries)} queries "
              "(counts not kept by this version)")
        return
    partnership = plan.partnership
    if not kept_recount.held_on(partnership, today):
        sys.exit("the counts are not kept for today: run `actionplan check-counts --repair` first")
    by_worker = hasattr(kept_recount, "recount_queued")
    from django_tasks_db.models import DBTaskResult

    queued = DBTaskResult.objects.filter(task_path="actionplan.plans.tasks.recount_plans")
    queued.delete()

    def run_queued() -> None:  # what the worker does, as soon as it can
        for result in queued.all():  # read afresh: a queryset keeps what it read
            result.task.call(*result.args_kwargs["args"])
            result.delete()

    def recount(plan_ids: set[int]) -> None:
        if by_worker:
            kept_recount.recount_queued(plan_ids)
        else:
            kept_recount.recount_safely(plan_ids, today)

    after_commit = kept_recount.recount_after_commit
    held: list[set[int]] = []
    transaction_ms, recount_ms = [], []
    kept_recount.recount_after_commit = held.append  # type: ignore[assignment]  # timed apart below
    for _ in range(args.rounds):
        with CaptureQueriesContext(connection) as captured:
            transaction_ms.append(timed(update))
        transaction_queries = len(captured.captured_queries)
        recount_ms.append(timed(lambda: recount(held.pop())))
    kept_recount.recount_after_commit = after_commit
    total, queries = whole_calls(run_queued)
    print(f"progress update: {statistics.median(total):.0f} ms, {max(queries)} queries; "
          f"its transaction {statistics.median(transaction_ms):.0f} ms, {transaction_queries} queries; "
          f"the re-count of its plans {statistics.median(recount_ms):.0f} ms "
          + ("by the worker" if by_worker else "in the call"))
    if by_worker and args.worker:
        print(f"until re-counted by a running worker: {statistics.median(until_recounted(update)):.0f} ms")


def until_recounted(update) -> list[float]:  # type: ignore[no-untyped-def]
    """With `actionplan worker` running (polling its queue every second, as it is started by
    default), how long from a change's call to its plans' re-count stored: while the dashboard
    counts them live."""
    from django.db.models import F

    from actionplan.plans.models import KeptPlan

    source = os.environ.get("BENCH_SOURCE") or str(Path(__file__).resolve().parents[2] / "src")
    command = [sys.executable, "-m", "actionplan.cli", "worker", "--verbosity", "0", "--no-reload"]
    worker = subprocess.Popen(command, env={**os.environ, "PYTHONPATH": source})
    marked = KeptPlan.objects.exclude(changes=F("counted"))
    lags = []
    try:
        time.sleep(5)  # the worker starting
        for _ in range(5):
            start = time.perf_counter()
            update()
            while marked.exists():
                time.sleep(0.02)
            lags.append((time.perf_counter() - start) * 1000)
    finally:
        worker.terminate()
        worker.wait()
    return lags


if __name__ == "__main__":
    main()
