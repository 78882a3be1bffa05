"""Time the daily rebuild of the dashboard's kept counts on the data of bench/scale/generate.py.

    DATABASE_URL=postgres://…/bench .venv/bin/python bench/kept/run.py [--rounds 3] [--before <checkout>/src]

Each way is run in a child process of its own, alternately, round after round, so that they see
the same load: the rebuild as it is now (every plan counted in one grouped pass, ADR 77); the
same code re-counting one plan after another (the worker's per-plan re-count, as the rebuild did
before); and, with --before, another checkout's rebuild (the code before ADR 77). After each, the
kept counts are checked equal to the live ones and the totals to the plans' rows
(`kept_counts.differences`): a quick rebuild that is wrong fails the run. The one pass is also
timed as the daily run finds the counts (made for the day before: today's numbers that moved are
written) and with no rows kept at all (every number written, as a first rebuild). Reported: the
median seconds of each way, its queries and the child's peak memory.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path

HERE = Path(__file__).resolve()
OWN_SOURCE = str(HERE.parents[2] / "src")


def rebuild_once(way: str) -> dict:
    """In the child: rebuild the generated partnership's counts one way; time, queries, memory."""
    import resource

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "actionplan.settings")
    import django

    django.setup()
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from actionplan.plans import kept_counts, kept_recount
    from actionplan.plans.models import KeptCount, KeptTotal, Partnership

    partnership = Partnership.objects.get()

    one_pass = getattr(kept_recount, "recount_plans", None)  # absent from the code before ADR 77

    def plan_by_plan(partnership: Partnership, plan_ids: list[int] | None, on: object) -> set[int]:
        """The rebuild before ADR 77: this code's per-plan re-count, one plan after another."""
        assert one_pass is not None
        if plan_ids is not None:
            return one_pass(partnership, plan_ids, on)
        ids = sorted(partnership.plans.values_list("pk", flat=True))
        return set().union(*(one_pass(partnership, [plan_id], on) for plan_id in ids))

    if way == "plan by plan":
        kept_recount.recount_plans = plan_by_plan  # type: ignore[assignment]
    if way == "next day":  # as the daily run finds them: counts made yesterday
        tomorrow = kept_counts.today() + timedelta(days=1)
        kept_counts.today = lambda: tomorrow  # type: ignore[assignment]
    if way == "from empty":  # as a first rebuild finds them: every number written
        KeptCount.objects.filter(partnership=partnership).delete()
        KeptTotal.objects.filter(partnership=partnership).delete()
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    with CaptureQueriesContext(connection) as queries:
        started = time.perf_counter()
        kept_counts.rebuild(partnership)
        seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    differences = kept_counts.differences(partnership)
    return {"seconds": seconds, "queries": len(queries), "peak_mb": peak / 1024,
            "grew_mb": (peak - rss_before) / 1024, "differences": differences}


def child(source: str, way: str) -> dict:
    env = {**os.environ, "BENCH_KEPT_SOURCE": source}
    done = subprocess.run([sys.executable, str(HERE), "--child", way], env=env,
                          capture_output=True, text=True)
    if done.returncode:
        raise SystemExit(f"the rebuild of {source} failed:\n{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--before", help="the src folder of a checkout whose rebuild to time as well")
    parser.add_argument("--skip-plan-by-plan", action="store_true",
                        help="time the one pass (and --before) only")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        sys.path.insert(0, os.environ["BENCH_KEPT_SOURCE"])
        print(json.dumps(rebuild_once(args.child)))
        return
    ways = [("one pass (this code)", OWN_SOURCE, "rebuild"),
            ("one pass, the counts made for the day before", OWN_SOURCE, "next day"),
            ("one pass, no rows kept (every number written)", OWN_SOURCE, "from empty")]
    if not args.skip_plan_by_plan:
        ways.append(("plan by plan (this code's per-plan re-count)", OWN_SOURCE, "plan by plan"))
    if args.before:
        ways.append((f"the rebuild of {args.before}", args.before, "rebuild"))
    print(f"{platform.node()}: {os.cpu_count()} cores, Python {platform.python_version()}")
    results: dict[str, list[dict]] = {name: [] for name, _source, _way in ways}
    for round_ in range(args.rounds):
        for name, source, way in ways:
            load = os.getloadavg()[0]
            result = child(source, way)
            if result["differences"]:
                raise SystemExit(f"{name}: kept counts unlike the live ones: {result['differences'][:5]}")
            results[name].append(result)
            print(f"round {round_ + 1}, {name}: {result['seconds']:.1f} s, {result['queries']} queries, "
                  f"peak {result['peak_mb']:.0f} MB (+{result['grew_mb']:.0f}), load {load:.1f}", flush=True)
    print("\nmedians:")
    for name, runs in results.items():
        seconds = statistics.median(run["seconds"] for run in runs)
        print(f"  {name}: {seconds:.1f} s, {runs[0]['queries']} queries, "
              f"peak {max(run['peak_mb'] for run in runs):.0f} MB")


if __name__ == "__main__":
    main()
