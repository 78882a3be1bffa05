"""The worker's cost of grouping recommendations made again after one recommendation's pairs
changed (an edit): the whole partnership grouped again (before docs/adr/0082) against only the
pairs linked to the changed ones, in one run, each edit checked to store what the whole finds.

    .venv/bin/python bench/learning/regroup_cost.py [--recommendations 10000] [--edits 10]
        [--learning 4] [--pairs-each 2] [--anywhere 0.02]
    DATABASE_URL=postgres://… .venv/bin/python bench/learning/regroup_cost.py   (an empty database)

The pairs are written directly (finding them takes a candidate search per recommendation, 200 ms
each): each recommendation paired `--pairs-each` times within a piece of learning of `--learning`
recommendations (plans of 50, so always another plan's) and, with the chance `--anywhere`, with
any other. Real plans' groups hold 2 or 3 (ADR 61: about 20 near pairs among 2,700 of the seeds);
`--learning 40 --pairs-each 12 --anywhere 0.2` is made_again_page.py's dense set, where every
recommendation is linked to every other and grouping around an edit is grouping the whole.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from typing import Any

from made_again_page import analyze, build_paired
from run import set_up_django


def build(total: int, learning: int, pairs_each: int, anywhere: float, rng: random.Random) -> int:
    def paired(n: int, recs: list[Any], base: int) -> list[Any]:
        others = [recs[base + rng.randrange(learning)] for _ in range(pairs_each)]
        if rng.random() < anywhere:
            others.append(recs[rng.randrange(len(recs))])
        return others

    return build_paired(total, learning, paired, rng)


def edit(partnership: int, rng: random.Random) -> set[int]:
    """One recommendation's pairs found again, as after an edit of its words: its pairs removed
    and as many found among other recommendations near it; returns the ends of every pair
    changed, what `neighbours.store` hands on."""
    from django.db.models import Q

    from actionplan.learning.models import NearPair

    pairs = NearPair.objects.filter(partnership_id=partnership)
    chosen = pairs.order_by("?").first()
    assert chosen is not None
    rec = chosen.first
    touching = pairs.filter(Q(first=rec) | Q(second=rec))
    ends = {pk for pair in touching.values_list("first", "second") for pk in pair}
    touching.delete()
    near = [pk for pk in ends if pk != rec]
    for other in rng.sample(near, max(1, len(near) - 1)):
        first, second = min(rec, other), max(rec, other)
        NearPair.objects.create(partnership_id=partnership, first=first, second=second,
                                score=round(rng.uniform(0.10, 0.40), 4))
    return ends | {rec}


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--recommendations", type=int, default=10_000)
    parser.add_argument("--edits", type=int, default=10)
    parser.add_argument("--learning", type=int, default=4)
    parser.add_argument("--pairs-each", type=int, default=2)
    parser.add_argument("--anywhere", type=float, default=0.02)
    args = parser.parse_args()
    rng = random.Random(2026)
    with tempfile.TemporaryDirectory() as folder:
        set_up_django(folder)
        from django.db import connection

        from actionplan.learning import grouping, stored_groups
        from actionplan.learning.models import MadeAgain

        partnership = build(args.recommendations, args.learning, args.pairs_each, args.anywhere, rng)
        analyze(connection)
        stored_groups.regroup([partnership])
        analyze(connection)
        whole, around, reached = [], [], []
        load = [os.getloadavg()[0]]
        for n in range(args.edits * 2):
            # Each edit grouped one way or the other, in turn: each writes the groups its edit
            # changed, which the other way would then find already written.
            ends = edit(partnership, rng)
            reached.append(len(grouping.linked_to(stored_groups.near_scores(partnership), ends)))
            start = time.perf_counter()
            if n % 2:
                stored_groups.regroup([partnership])  # before: the whole partnership
                whole.append((time.perf_counter() - start) * 1000)
            else:
                stored_groups.regroup_around([partnership], ends)
                around.append((time.perf_counter() - start) * 1000)
            kept = {frozenset(g) for g in stored_groups.groups_from_pairs(partnership)}
            rows: dict[int, set[int]] = {}
            stored = MadeAgain.objects.filter(partnership_id=partnership)
            for key, pk in stored.values_list("group", "recommendation_id"):
                rows.setdefault(key, set()).add(pk)
            assert {frozenset(g) for g in rows.values()} == kept, "grouped around is not the whole"
        load.append(os.getloadavg()[0])
        pairs = len(stored_groups.near_scores(partnership))
        print(f"{connection.vendor}, {os.cpu_count()} cores, load average {load[0]:.1f} / {load[1]:.1f}")
        print(f"{args.recommendations:,} recommendations, {pairs:,} pairs at 0.13 or more, "
              f"{MadeAgain.objects.values('group').distinct().count():,} groups; "
              f"learning of {args.learning}, {args.pairs_each} pairs each, {args.anywhere} anywhere")
        print(f"recommendations linked to an edit: median {statistics.median(reached):,.0f}, "
              f"most {max(reached):,}")
        for name, times in [("whole partnership (before)", whole), ("around the edit", around)]:
            print(f"{name}: p50 {statistics.median(times):,.0f} ms, most {max(times):,.0f} ms "
                  f"({args.edits} edits)")
        print(f"ratio, whole / around (p50): {statistics.median(whole) / statistics.median(around):.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
