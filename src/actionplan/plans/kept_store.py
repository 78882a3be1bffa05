"""Storing re-counted plans' rows and the partnership's totals with them (ADR 46, 67, 77).

A re-count stores a plan only if its mark is still the number read before it was counted (no
change committed meanwhile), in a short transaction holding that mark: the plan's rows become
its new counts and the partnership's totals move by the difference, so that the totals are the
rows added up at every commit. Only the numbers that differ are written: a day's rebuild
changes a few of a plan's few hundred rows, and a change a handful.
"""

from __future__ import annotations

from collections import Counter, defaultdict

from django.db import connection, transaction
from django.db.models import F

from . import kept_totals
from .models import KeptCount, KeptPlan, Partnership
from .summary_numbers import Row

CHUNK = 500  # rows deleted to a statement


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
        stored, ids = stored_rows(unchanged)
        here = partnership.pk
        totals: defaultdict[int, Counter[Row]] = defaultdict(Counter)
        gone: list[int] = []  # the rows whose number changed, and those of plans moved away
        added = []  # the new numbers (zeros are not kept)
        for (partnership_id, plan_id), before in stored.items():
            if partnership_id != here:  # stored under another partnership: the plan moved since
                totals[partnership_id].subtract(before)
                gone += [pk for row in before for pk in ids[(partnership_id, plan_id, row)]]
        for plan_id in unchanged:
            new, before = counts.get(plan_id, Counter()), stored[(here, plan_id)]
            for row in new.keys() | before.keys():
                if new[row] != before[row]:
                    gone += ids[(here, plan_id, row)]
                    added += [(plan_id, row, new[row])] if new[row] else []
                    totals[here][row] += new[row] - before[row]
        write(here, gone, added)
        for partnership_id in sorted(totals):  # in one order, after the marks (ADR 67)
            kept_totals.add(partnership_id, totals[partnership_id])
    return set(unchanged)


def stored_rows(
    plan_ids: list[int],
) -> tuple[defaultdict[tuple[int, int], Counter[Row]], defaultdict[tuple[int, int, Row], list[int]]]:
    """The plans' stored numbers by (partnership, plan), and the ids of each number's rows
    (deleted by id: by their number, the planner reads the partnership's whole field)."""
    stored: defaultdict[tuple[int, int], Counter[Row]] = defaultdict(Counter)
    ids: defaultdict[tuple[int, int, Row], list[int]] = defaultdict(list)
    rows = KeptCount.objects.filter(plan_id__in=plan_ids).values_list(
        "pk", "partnership_id", "plan_id", "field", "key", "rag", "n")
    for pk, partnership_id, plan_id, name, key, rag, n in rows:
        stored[(partnership_id, plan_id)][(name, key, rag)] += n
        ids[(partnership_id, plan_id, (name, key, rag))].append(pk)
    return stored, ids


def write(partnership_id: int, gone: list[int], added: list[tuple[int, Row, int]]) -> None:
    """Delete the rows gone, by id, and insert the new numbers, as plain values: a model
    instance a row cost more than the database's work."""
    table = KeptCount._meta.db_table
    with connection.cursor() as cursor:  # each statement prepared once (a long one is parsed slowly)
        for chunk in (gone[i:i + CHUNK] for i in range(0, len(gone), CHUNK)):
            cursor.execute(f"DELETE FROM {table} WHERE id IN ({', '.join(['%s'] * len(chunk))})", chunk)
        if added:
            cursor.executemany(f"INSERT INTO {table} (partnership_id, plan_id, field, key, rag, n) "
                               "VALUES (%s, %s, %s, %s, %s, %s)",
                               [(partnership_id, plan_id, *row, n) for plan_id, row, n in added])
