"""Time a progress update on the data of generate.py, as a page's POST would make it.

    DATABASE_URL=postgres://…/bench .venv/bin/python bench/scale/write.py [--rounds 9]
    BENCH_SOURCE=<another checkout>/src DATABASE_URL=… .venv/bin/python bench/scale/write.py

The update goes to the first action of the first plan (100 actions; a composite plan links to
one of them). Reported: the median milliseconds of the whole call and, where the dashboard's
counts are kept (ADR 46), of its transaction alone (what other writers may wait on) and of the
re-count that follows the commit. BENCH_SOURCE times another version of the code on the same
data: run the two alternately, in one sitting, for a ratio.
"""

from __future__ import annotations

import argparse
import os
import statistics
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
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "actionplan.settings")
    import django

    django.setup()
    from django.utils import timezone

    from actionplan.plans.models import Action, Plan
    from actionplan.plans.updates import record_progress

    plan = Plan.objects.filter(kind="review_action_plan").order_by("pk").first()
    action = Action.objects.filter(recommendation__plan=plan).order_by("pk").first()
    today = timezone.localdate()
    try:
        from actionplan.plans import kept_recount
    except ImportError:  # a version without kept counts: the whole call is the transaction
        total = [timed(lambda: record_progress(action, None, "bench", on=today)) for _ in range(args.rounds)]
        print(f"progress update: {statistics.median(total):.0f} ms (counts not kept by this version)")
        return
    after_commit = kept_recount.recount_after_commit
    held: list[set[int]] = []
    transaction_ms, recount_ms = [], []
    kept_recount.recount_after_commit = held.append  # type: ignore[assignment]  # timed apart below
    for _ in range(args.rounds):
        transaction_ms.append(timed(lambda: record_progress(action, None, "bench", on=today)))
        recount_ms.append(timed(lambda: kept_recount.recount_safely(held.pop(), today)))
    kept_recount.recount_after_commit = after_commit
    total = [timed(lambda: record_progress(action, None, "bench", on=today)) for _ in range(args.rounds)]
    print(f"progress update: {statistics.median(total):.0f} ms; its transaction "
          f"{statistics.median(transaction_ms):.0f} ms, "
          f"the re-count after it {statistics.median(recount_ms):.0f} ms")


if __name__ == "__main__":
    main()
