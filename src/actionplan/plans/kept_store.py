"""Storing re-counted plans' rows and the partnership's totals with them (ADR 46, 67, 77).

A re-count stores a plan only if its mark is still the number read before it was counted (no
change committed meanwhile), in a short transaction holding that mark: the plan's rows become
its new counts and the partnership's totals move by the difference, so that the totals are the
rows added up at every commit. Only the numbers that differ are written: a day's rebuild
changes a few of a plan's few hundred rows, and a change a handful.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Any

from django.db import connection, transaction
from django.db.models import F

from . import kept_totals
from .models import KeptCount, KeptPlan, Partnership
from .summary_numbers import Row


def store(partnership: Partnership, changes: dict[int, int], counts: dict[int, Counter[Row]]) -> set[int]:
    """In one transaction, the plans whose mark is still the number read before counting
    (`changes`) are marked counted, their rows made their `counts` and the difference added to
    the partnership's totals. A mark held by another transaction (a change in flight, which will
    move it; another re-count, which stores the plan) is skipped, never waited for: a re-count
    waits on no mark at all, and on the totals only once all of its marks are held, so it is
    never part of a cycle of waits (ADR 67, 77). Answers the plans stored."""
    with transaction.atomic():
        held = KeptPlan.objects.select_for_update(skip_locked=True).filter(plan_id__in=list(changes))
        unchanged = [plan_id for plan_id, now in held.order_by("plan_id").values_list("plan_id", "changes")
                     if now == changes[plan_id]]
        if not unchanged:
            return set()
        KeptPlan.objects.filter(plan_id__in=unchanged).update(counted=F("changes"))
        # Read under the marks just held: no other re-count of these plans can store meanwhile.
        stored = stored_rows(unchanged)
        here = partnership.pk
        moved = [(partnership_id, plan_id) for partnership_id, plan_id in stored if partnership_id != here]
        totals: defaultdict[int, Counter[Row]] = defaultdict(Counter)
        for partnership_id, plan_id in moved:  # stored under another partnership (the plan moved)
            totals[partnership_id].subtract(stored[(partnership_id, plan_id)])
        changed = []
        for plan_id in unchanged:
            new, before = counts.get(plan_id, Counter()), stored[(here, plan_id)]
            for row in new.keys() | before.keys():
                if new[row] != before[row]:
                    changed.append((plan_id, row, new[row]))
                    totals[here][row] += new[row] - before[row]
        write(here, moved, changed)
        for partnership_id in sorted(totals):  # in one order, after the marks (ADR 67)
            kept_totals.add(partnership_id, totals[partnership_id])
    return set(unchanged)


def stored_rows(plan_ids: list[int]) -> defaultdict[tuple[int, int], Counter[Row]]:
    """The plans' stored numbers, by (partnership, plan)."""
    stored: defaultdict[tuple[int, int], Counter[Row]] = defaultdict(Counter)
    rows = KeptCount.objects.filter(plan_id__in=plan_ids).values_list(
        "partnership_id", "plan_id", "field", "key", "rag", "n")
    for partnership_id, plan_id, name, key, rag, n in rows:
        stored[(partnership_id, plan_id)][(name, key, rag)] += n
    return stored


def write(partnership_id: int, moved: list[tuple[int, int]], changed: list[tuple[int, Row, int]]) -> None:
    """Delete the rows of plans stored under another partnership and the numbers that changed,
    then insert the new numbers (none for a number now zero), as plain values: a model instance
    a row cost more than the database's work."""
    table = KeptCount._meta.db_table
    with connection.cursor() as cursor:  # each statement prepared once (a long one is parsed slowly)
        many(cursor, f"DELETE FROM {table} WHERE partnership_id = %s AND plan_id = %s", moved)
        many(cursor, f"DELETE FROM {table} WHERE partnership_id = %s AND plan_id = %s AND field = %s "
                     "AND key = %s AND rag = %s",
             [(partnership_id, plan_id, *row) for plan_id, row, _n in changed])
        many(cursor, f"INSERT INTO {table} (partnership_id, plan_id, field, key, rag, n) "
                     "VALUES (%s, %s, %s, %s, %s, %s)",
             [(partnership_id, plan_id, *row, n) for plan_id, row, n in changed if n])


def many(cursor: Any, sql: str, rows: list[tuple[Any, ...]]) -> None:
    if rows:
        cursor.executemany(sql, rows)
