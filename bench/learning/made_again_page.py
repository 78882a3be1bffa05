"""The Learning page's recommendations made again at a partnership's 10,000 recommendations:
grouped on each request from the stored near pairs (before docs/adr/0075) against a page of the
groups the worker stored, in one run, with the worker's cost of grouping them again.

    .venv/bin/python bench/learning/made_again_page.py [--recommendations 10000] [--rounds 10]
    DATABASE_URL=postgres://… .venv/bin/python bench/learning/made_again_page.py   (an empty database)

Finding the near pairs by candidate search takes 200 ms a recommendation (made_again.py: 35
minutes at 10,000 on a loaded machine), so the pairs are written directly, as dense as
made_again.py found them among 10,000 generated recommendations (124,000 pairs, about 12 for
each recommendation, scores from 0.10): each recommendation paired mostly within a piece of
learning of 40 (plans of 50, so always another plan's) and one pair in five with any other.
The run checks that the stored groups are those grouped on request, in the same order.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from collections.abc import Callable
from typing import Any

from run import review_and_tag, set_up_django, timed

# Chooses the n-th recommendation's near ones among them all, its piece of learning from `base`.
Paired = Callable[[int, list[Any], int], list[Any]]
PAGE = 20  # groups on a page of the Learning page
PAIRS_EACH = 12
LEARNING = 40


def build(total: int, rng: random.Random) -> int:
    def paired(n: int, recs: list[Any], base: int) -> list[Any]:  # one pair in five with any other
        chosen = []
        for _ in range(PAIRS_EACH):
            anywhere = rng.random() < 0.2
            chosen.append(recs[rng.randrange(len(recs))] if anywhere
                          else recs[base + rng.randrange(LEARNING)])
        return chosen

    return build_paired(total, LEARNING, paired, rng)


def build_paired(total: int, learning: int, paired: Paired, rng: random.Random) -> int:
    """A partnership of `total` recommendations, plans of 50, in pieces of learning of
    `learning`; `paired(n, recs, base)` chooses the n-th recommendation's near ones (base: the
    first of its piece). Answers the partnership's id."""
    from django.core.management import call_command

    from actionplan.learning.models import NearPair
    from actionplan.plans import models as m

    call_command("migrate", verbosity=0)
    partnership = m.Partnership.objects.create(name="Partnership")
    recs = []
    for start in range(0, total, 2000):
        plans = m.Plan.objects.bulk_create(
            m.Plan(partnership=partnership, title=f"Plan {start + n}") for n in range(40)
        )
        made = m.Recommendation.objects.bulk_create(
            m.Recommendation(plan=plans[n % 40], order=n, ref=f"{n}.", text=f"Recommendation {start + n}")
            for n in range(2000)
        )
        review_and_tag(partnership, plans, made, rng)
        recs += made
    pairs: dict[tuple[int, int], float] = {}
    for n, rec in enumerate(recs):
        for other in paired(n, recs, n - n % learning):
            if other.plan_id != rec.plan_id:
                pairs[(min(rec.pk, other.pk), max(rec.pk, other.pk))] = round(rng.uniform(0.10, 0.40), 4)
    NearPair.objects.bulk_create(
        (NearPair(partnership_id=partnership.pk, first=a, second=b, score=s) for (a, b), s in pairs.items()),
        batch_size=5000,
    )
    return partnership.pk


def analyze(connection: object) -> None:
    """PostgreSQL's statistics, as a database in use has them: without them, straight after a bulk
    load, it plans for empty tables."""
    if connection.vendor == "postgresql":  # type: ignore[attr-defined]
        with connection.cursor() as cursor:  # type: ignore[attr-defined]
            cursor.execute("ANALYZE")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--recommendations", type=int, default=10_000)
    parser.add_argument("--rounds", type=int, default=10)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        set_up_django(folder)
        from django.core.paginator import Paginator
        from django.db import connection
        from made_again_before import found_groups_on_request

        from actionplan.learning import stored_groups
        from actionplan.learning.models import NearPair
        from actionplan.learning.recurring import NEAR, found_groups, groups_to_page, recurrences_of
        from actionplan.plans.models import Recommendation

        partnership = build(args.recommendations, random.Random(2026))
        analyze(connection)
        start = time.perf_counter()
        count = stored_groups.regroup([partnership])
        regrouped = time.perf_counter() - start
        analyze(connection)  # the groups too, as autovacuum would in use
        recs = Recommendation.objects.filter(plan__partnership_id=partnership)
        assert [g.ids for g in found_groups(recs)] == [g.ids for g in found_groups_on_request(recs)], \
            "the stored groups are not those grouped on request"
        pairs = NearPair.objects.filter(score__gte=NEAR).count()

        def stored_page(number: int) -> object:
            page = Paginator(groups_to_page(recs), PAGE).page(number)
            return recurrences_of(page.object_list, recs)

        load = [os.getloadavg()[0]]
        before = timed(lambda: recurrences_of(found_groups_on_request(recs)[:PAGE], recs), args.rounds)
        load.append(os.getloadavg()[0])
        first = timed(lambda: stored_page(1), args.rounds)
        last = timed(lambda: stored_page(count // PAGE), args.rounds)
        load.append(os.getloadavg()[0])
        loads = " / ".join(f"{x:.1f}" for x in load)
        print(f"{connection.vendor}, {os.cpu_count()} cores, load average {loads}")
        print(f"{recs.count():,} recommendations in one partnership, {pairs:,} near pairs at {NEAR} or more, "
              f"{count:,} groups; grouped and stored by the worker in {regrouped:.1f} s")
        print(f"before: grouped on request, first page read: p50 {before[0]:.0f} ms, p95 {before[1]:.0f} ms")
        print(f"stored: first page read: p50 {first[0]:.0f} ms, p95 {first[1]:.0f} ms")
        print(f"stored: last page read: p50 {last[0]:.0f} ms, p95 {last[1]:.0f} ms")
        print(f"ratio, before / stored first page (p50): {before[0] / first[0]:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
