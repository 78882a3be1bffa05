"""Recommendations made again, gathered into groups from their near pairs (docs/adr/0061).

Joining every near pair into one group (single link) chains unrelated recommendations: a GP
recommendation near a "GPs at risk meetings" one near a hoarding one. Asking every two members to
be near (complete link) splits real learning: on the seeds, AN09's GP recommendation, Norfolk's
2.2 and Dudley's 8 are all near each other, but Norfolk's is nearer another AN09 one on
conference attendance that Dudley's is not near. So a group keeps its members at most two links
apart (every two near, or both near a third member): chosen on a labelled set of
recommendations made again and of unrelated ones sharing a board's words
(tests/learning/made_again.tsv; bench/learning/made_again.py compares the rules)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping

Pair = tuple[int, int]  # the smaller id first


def groups(scores: Mapping[Pair, float], plan_of: Mapping[int, int], near: float) -> list[set[int]]:
    """Groups of two or more recommendations of at least two plans, in which every two members
    of different plans are near, or both near a third member: the strongest pairs are joined
    first, and a join that would leave two members further apart is not made. Two members of
    one plan are never compared (they are neighbours in a plan, not learning made again)."""
    linked: dict[int, set[int]] = defaultdict(set)
    for (a, b), score in scores.items():
        if score >= near:
            linked[a].add(b)
            linked[b].add(a)
    group_of: dict[int, set[int]] = {}
    strongest_first = sorted(((score, pair) for pair, score in scores.items() if score >= near), reverse=True)
    for _, (a, b) in strongest_first:
        joined_a, joined_b = group_of.setdefault(a, {a}), group_of.setdefault(b, {b})
        if joined_a is joined_b or not close(joined_a, joined_b, linked, plan_of):
            continue
        joined_a |= joined_b
        for member in joined_b:
            group_of[member] = joined_a
    found = {id(group): group for group in group_of.values()}.values()
    return [group for group in found if len({plan_of[pk] for pk in group}) > 1]


def close(one: set[int], other: set[int], linked: Mapping[int, set[int]], plan_of: Mapping[int, int]) -> bool:
    """Whether every member of `one` is near, or near a member near, each member of `other` of
    another plan, within the two groups joined."""
    joined = one | other
    return all(
        b in linked[a] or not linked[a].isdisjoint(linked[b] & joined)
        for a in one
        for b in other
        if plan_of[a] != plan_of[b]
    )


def linked_to(scores: Mapping[Pair, float], starts: Iterable[int]) -> set[int]:
    """`starts` and every recommendation linked to one of them through pairs, however far: the
    only ones whose groups a change of their pairs, or of their one learning, can change."""
    neighbours: dict[int, list[int]] = defaultdict(list)
    for a, b in scores:
        neighbours[a].append(b)
        neighbours[b].append(a)
    reached = set(starts)
    waiting = list(reached)
    while waiting:
        for other in neighbours[waiting.pop()]:
            if other not in reached:
                reached.add(other)
                waiting.append(other)
    return reached
