"""The partnership's totals of the kept counts (ADR 67): at every commit, each (field, key,
colour) of `KeptTotal` is the sum of its plans' `KeptCount` rows, so the dashboard and the lists
read a few hundred rows whatever the number of plans, and subtract the rows of the few plans
changed since they were counted.

The totals change only in the transaction that changes the rows, by the difference: a re-count
(`kept_store.store`) adds its plans' new rows less their old ones, a deleted plan
(`plan_gone`) takes its rows away. Differences are written one number after another in a fixed
order (field, key, colour), after the plan's mark is held, so two re-counts never wait on each
other's numbers in opposite orders; a change deleting a plan writes them after it has marked the
plans it touched, for the same reason.
"""

from __future__ import annotations

import threading
from collections import Counter, defaultdict
from collections.abc import Iterable

from django.db import connection
from django.db.models import F, Q

from .models import KeptCount, KeptPlan, KeptTotal, Partnership, Plan

Row = tuple[str, int, str]  # (the summary's field, the plan, agency or theme id or 0, the colour or "")
CHUNK = 300  # numbers to a statement: five parameters each, well within SQLite's limit


def add(partnership_id: int, differences: Counter[Row]) -> None:
    """Add these differences to the partnership's totals, in (field, key, colour) order; a number
    that comes to zero is removed (a gone agency's zero would make the summary unreadable)."""
    rows = sorted((row, n) for row, n in differences.items() if n)
    table = KeptTotal._meta.db_table
    for chunk in (rows[i:i + CHUNK] for i in range(0, len(rows), CHUNK)):
        params: list[int | str] = []
        for (field, key, rag), n in chunk:
            params += [partnership_id, field, key, rag, n]
        with connection.cursor() as cursor:
            cursor.execute(
                f"INSERT INTO {table} (partnership_id, field, key, rag, n) VALUES "
                + ", ".join(["(%s, %s, %s, %s, %s)"] * len(chunk))
                + f" ON CONFLICT (partnership_id, field, key, rag) DO UPDATE SET n = {table}.n + excluded.n",
                params)
            # Only the numbers just written, whose rows this transaction holds: never waits.
            cursor.execute(
                f"DELETE FROM {table} WHERE partnership_id = %s AND n = 0 AND ("
                + " OR ".join(["(field = %s AND key = %s AND rag = %s)"] * len(chunk)) + ")",
                [partnership_id, *(part for row, _n in chunk for part in row)])


def totals(
    partnership: Partnership, field: str | None = None, keys: Iterable[int] = (),
    plans: Iterable[int] | None = None, less: Iterable[int] = (),
) -> Counter[Row]:
    """The totals, of one field and keys when given, less the rows the plans of `less` have
    stored (the plans changed since they were counted, which the caller counts live), read in
    one statement: a re-count committing between two reads would change both. `plans`: of the
    per-plan numbers, only these plans' (thousands of plans make most of a partnership's totals)."""
    wanted = Q()
    if plans is not None:
        wanted &= ~Q(field="by_plan") | Q(key__in=list(plans))
    if field is not None:
        wanted &= Q(field=field)
    if keys := list(keys):
        wanted &= Q(key__in=keys)
    found = KeptTotal.objects.filter(wanted, partnership=partnership).values_list("field", "key", "rag", "n")
    if less := list(less):
        theirs = KeptCount.objects.filter(wanted, partnership=partnership, plan_id__in=less)
        taken = theirs.annotate(taken=-F("n")).values_list("field", "key", "rag", "taken")
        found = found.union(taken, all=True)
    counts: Counter[Row] = Counter()
    for name, key, rag, n in found:
        counts[(name, key, rag)] += n
    return counts


def drift(partnership: Partnership) -> Counter[Row]:
    """What the totals lack against the sum of the plans' rows (sum − total), read in one
    statement so that a re-count committing meanwhile (which changes both) is seen whole or not
    at all."""
    kept, table = KeptCount._meta.db_table, KeptTotal._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT field, key, rag, SUM(n) FROM (SELECT field, key, rag, n FROM {kept} "
            f"WHERE partnership_id = %s UNION ALL SELECT field, key, rag, -n FROM {table} "
            f"WHERE partnership_id = %s) AS both_sides GROUP BY field, key, rag HAVING SUM(n) <> 0",
            [partnership.pk, partnership.pk])
        return Counter({(name, key, rag): n for name, key, rag, n in cursor.fetchall()})


def mend(partnership: Partnership) -> None:
    """Make the totals the sum of the plans' rows again (a plan's rows removed by a path that
    does not keep the totals: raw SQL, a restored backup's part)."""
    add(partnership.pk, drift(partnership))


class Gone(threading.local):
    """The rows of the plans deleted by the current transaction, to take from their
    partnerships' totals once the change has marked what it touched."""

    def __init__(self) -> None:
        self.rows: defaultdict[int, Counter[Row]] = defaultdict(Counter)


gone = Gone()


def taken(plan_id: int) -> defaultdict[int, Counter[Row]]:
    """Delete the plan's stored rows; answers them by partnership (what they added to its totals).
    The caller holds the plan's mark: no re-count of the plan can store meanwhile."""
    rows = KeptCount.objects.filter(plan_id=plan_id)
    found: defaultdict[int, Counter[Row]] = defaultdict(Counter)
    for partnership_id, name, key, rag, n in rows.values_list("partnership_id", "field", "key", "rag", "n"):
        found[partnership_id][(name, key, rag)] += n
    rows.delete()
    return found


def plan_gone(plan: Plan) -> None:
    """A plan is being deleted: its mark is deleted first (so that a re-count of it in flight
    finishes before, and one starting after stores nothing), then its rows, kept to be taken
    from the totals by `settle`."""
    KeptPlan.objects.filter(plan_id=plan.pk).delete()
    for partnership_id, rows in taken(plan.pk).items():
        gone.rows[partnership_id].subtract(rows)


def settle() -> None:
    """Take the deleted plans' rows from their partnerships' totals. A partnership deleted with
    them has lost its totals already: nothing is written for it."""
    pending, gone.rows = gone.rows, defaultdict(Counter)
    for partnership_id in sorted(pending):
        if KeptTotal.objects.filter(partnership_id=partnership_id).exists():
            add(partnership_id, pending[partnership_id])


def forget_gone() -> None:
    gone.rows = defaultdict(Counter)
