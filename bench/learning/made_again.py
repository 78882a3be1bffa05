"""Recommendations made again: how well the grouping rules separate the labelled set, and what the
stored near pairs cost to build and to read at a partnership's 10,000 recommendations.

    .venv/bin/python bench/learning/made_again.py [--recommendations 10000] [--rounds 10]
    DATABASE_URL=postgres://… .venv/bin/python bench/learning/made_again.py   (an empty database)

Without DATABASE_URL a fresh SQLite file in a temporary folder. One partnership holds the
labelled set (tests/learning/made_again.tsv), each row in its plan, among `--recommendations`
generated ones (vocabulary.py) in plans of 50, so that the rarity weights are a board's, not
those of 32 sentences. The stored terms are built, then every near pair (`neighbours.rebuild`,
timed: the cost per recommendation of finding its neighbours when its words change).

Quality: the labelled recommendations' groups under three rules, from the same stored pairs:
single link (every near pair joins), average link, and members at most two links apart (the
product's, `grouping.groups`); pairwise precision (of two labelled recommendations put together, the share
labelled the same learning) and recall (of the pairs labelled the same, the share put together).
Speed: the Learning page's query for made again (`found_groups` and the first page's members),
p50 and p95 over `--rounds`.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from collections import defaultdict
from itertools import combinations
from pathlib import Path

from run import set_up_django, timed
from vocabulary import Writer

LABELLED = Path(__file__).parents[2] / "tests" / "learning" / "made_again.tsv"
PAGE = 20  # groups on a page of the Learning page


def single_link(scores: dict, plan_of: dict, near: float) -> list[set[int]]:
    parent: dict[int, int] = {}

    def root(x: int) -> int:
        while parent.setdefault(x, x) != x:
            x = parent[x]
        return x

    for (a, b), score in scores.items():
        if score >= near:
            parent[root(a)] = root(b)
    found: dict[int, set[int]] = defaultdict(set)
    for x in parent:
        found[root(x)].add(x)
    return list(found.values())


def average_link(scores: dict, plan_of: dict, near: float) -> list[set[int]]:
    group_of: dict[int, set[int]] = {}
    for _, (a, b) in sorted(((s, p) for p, s in scores.items() if s >= near), reverse=True):
        one, other = group_of.setdefault(a, {a}), group_of.setdefault(b, {b})
        if one is other:
            continue
        cross = [
            scores.get((min(x, y), max(x, y)), 0.0) for x in one for y in other if plan_of[x] != plan_of[y]
        ]
        if sum(cross) / len(cross) >= near:
            one |= other
            for x in other:
                group_of[x] = one
    return list({id(g): g for g in group_of.values()}.values())


def measured(found: list[set[int]], labels: dict[int, str]) -> tuple[float, float, list[list[str]]]:
    together = {(a, b) for g in found for a, b in combinations(sorted(g & labels.keys()), 2)}
    same = {(a, b) for a, b in combinations(sorted(labels), 2) if labels[a] == labels[b] != "-"}
    right = len(together & same)
    named = [sorted(labels[pk] for pk in g if pk in labels) for g in found if len(g & labels.keys()) > 1]
    return right / (len(together) or 1), right / (len(same) or 1), named


def build(total: int, rng: random.Random) -> tuple[int, dict[int, str]]:
    from django.core.management import call_command

    from actionplan.plans import models as m

    call_command("migrate", verbosity=0)
    partnership = m.Partnership.objects.create(name="Riverton")
    writer, labels, plans = Writer(rng), {}, {}
    for line in LABELLED.read_text().splitlines():
        if not line.startswith("#"):
            label, plan, text = line.split("\t")
            if plan not in plans:
                plans[plan] = m.Plan.objects.create(partnership=partnership, title=plan)
            labels[m.Recommendation.objects.create(plan=plans[plan], text=text).pk] = label
    for start in range(0, total, 50):
        plan = m.Plan.objects.create(partnership=partnership, title=f"Plan {start // 50}")
        words = [writer.recommendation() for _ in range(min(50, total - start))]
        recs = m.Recommendation.objects.bulk_create(
            m.Recommendation(plan=plan, order=n, ref=f"{n}.", text=text, outcome=finding)
            for n, (text, finding, _) in enumerate(words)
        )
        m.Action.objects.bulk_create(
            m.Action(recommendation=rec, text=action) for rec, (_, _, action) in zip(recs, words, strict=True)
        )
    return partnership.pk, labels


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--recommendations", type=int, default=10_000)
    parser.add_argument("--rounds", type=int, default=10)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        set_up_django(folder)
        from django.db import connection

        from actionplan.learning import grouping, neighbours, term_index
        from actionplan.learning.models import NearPair
        from actionplan.learning.recurring import NEAR, found_groups, recurrences_of
        from actionplan.plans.models import Recommendation

        partnership, labels = build(args.recommendations, random.Random(2026))
        term_index.rebuild()
        count = Recommendation.objects.count()
        start = time.perf_counter()
        pairs = neighbours.rebuild()
        built = time.perf_counter() - start
        scores = {(a, b): s for a, b, s in NearPair.objects.values_list("first", "second", "score")}
        plan_of = dict(Recommendation.objects.values_list("pk", "plan_id"))
        print(f"{connection.vendor}, {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}")
        print(f"{count:,} recommendations in one partnership ({len(labels)} of them labelled)")
        print(
            f"near pairs stored (at {neighbours.KEPT} or more): {pairs:,}, "
            f"{sum(s >= NEAR for s in scores.values()):,} at {NEAR} or more; "
            f"built in {built:.0f} s, {built / count * 1000:.1f} ms a recommendation"
        )
        for name, rule in [
            ("single link", single_link),
            ("average link", average_link),
            ("complete link", grouping.groups),
        ]:
            precision, recall, named = measured(rule(scores, plan_of, NEAR), labels)
            print(f"{name}: precision {precision:.2f}, recall {recall:.2f}; labelled groups: {named}")
        recs = Recommendation.objects.filter(plan__partnership_id=partnership)
        found = found_groups(recs)
        sizes = sorted((len(g.ids) for g in found), reverse=True)
        print(f"groups: {len(found):,}, largest {sizes[:5]}, holding {sum(sizes):,} recommendations")
        page = timed(lambda: recurrences_of(found_groups(recs)[:PAGE], recs), args.rounds)
        print(
            f"the Learning page's made again (groups found, first page read), {args.rounds} rounds: "
            f"p50 {page[0]:.0f} ms, p95 {page[1]:.0f} ms"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
