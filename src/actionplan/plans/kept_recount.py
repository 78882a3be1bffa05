"""Marking plans changed and re-counting them once the change is committed (ADR 46, 59).

A change only marks the plans it touched (`mark`: one upsert, inside its transaction), so the
writer holds its locks no longer than before. Once it commits, the plans it found not marked
yet are queued for the worker (`recount_after_commit`); the reply does not wait for them. The
worker counts the plans still marked, a partnership's in one grouped pass of the summary's own
aggregates (`summary.counts_by_plan`, as the daily rebuild counts every plan, ADR 77) outside
any transaction, then, in short ones, stores each plan's rows (and the difference in the
partnership's totals, `kept_store`) and marks it counted only if no change has marked it since
it was read (if one has, it counts it again: that change found the plan marked and queued nothing).
A plan still marked is counted live on the dashboard, so no number is ever stale, whether the
worker is slow, stopped or failing: a re-count that fails is logged and leaves the plan marked
until the daily rebuild; it never fails the change that asked for it.
"""

from __future__ import annotations

import logging
from collections import Counter, defaultdict
from collections.abc import Collection, Iterable
from datetime import date

from django.db import connection, transaction
from django.db.models import F, Q

from . import kept_counts, kept_store  # the day is kept_counts'; it imports this module
from .models import CountsKept, KeptPlan, Partnership, Plan
from .summary import counts_by_plan
from .summary_numbers import Row

logger = logging.getLogger(__name__)


# Re-counts run before the reports queued with them: a report may take minutes, a re-count
# about a tenth of a second, and until it runs the dashboard counts the plan live.
PRIORITY = 50
# A plan changed again while the worker counted it is counted again, this many times in all,
# then queued once more (a plan changed faster than it is counted does not hold the worker).
ATTEMPTS = 3
# Plans stored in one transaction: their marks are held until it commits, a change to one of
# them waits that long (a few hundred rows a plan).
STORED_AT_ONCE = 100
LISTED_UP_TO = 500  # plans counted by their ids; more, and every plan of the partnership is counted


def mark(plan_ids: Iterable[int]) -> set[int]:
    """Say these plans changed, in the caller's transaction: one statement for them all, in
    plan order (two changes marking the same plans lock them in the same order). Plans gone by
    now (deleted by the change) are left out. Answers the plans that were not marked before:
    for the others a re-count is already queued or running (or the daily rebuild will count
    them), so a burst of changes to one plan queues one re-count. Read after the upsert, whose
    row locks the caller holds until it commits, so no re-count can store the plan meanwhile."""
    kept, plans = KeptPlan._meta.db_table, Plan._meta.db_table
    ids = sorted(set(plan_ids))
    newly: set[int] = set()
    for chunk in (ids[i:i + 500] for i in range(0, len(ids), 500)):
        places = ", ".join(["%s"] * len(chunk))
        with connection.cursor() as cursor:
            cursor.execute(
                f"INSERT INTO {kept} (plan_id, changes, counted) SELECT id, 1, 0 FROM {plans} "
                f"WHERE id IN ({places}) ORDER BY id "
                f"ON CONFLICT (plan_id) DO UPDATE SET changes = {kept}.changes + 1", chunk)
            cursor.execute(
                f"SELECT plan_id FROM {kept} WHERE plan_id IN ({places}) AND changes = counted + 1", chunk)
            newly.update(plan_id for (plan_id,) in cursor.fetchall())
    return newly


def mark_every_plan(partnership: Partnership) -> None:
    """Mark every plan of the partnership changed, for the daily rebuild, waiting for no mark
    another transaction holds: a plan without a mark gets one (in plan order, as a change marks),
    and the marks held by no one are moved on together, those held (a change in flight, which
    moves it itself; a plan being deleted; a re-count storing it) skipped. Moving a hundred
    marks in plan order could otherwise wait for a mark that a change deleting a plan took
    first and holds while it waits for one of them (ADR 77)."""
    kept, plans = KeptPlan._meta.db_table, Plan._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {kept} (plan_id, changes, counted) SELECT id, 1, 0 FROM {plans} AS p "
            f"WHERE partnership_id = %s AND NOT EXISTS (SELECT 1 FROM {kept} AS k WHERE k.plan_id = p.id) "
            "ORDER BY id ON CONFLICT (plan_id) DO NOTHING", [partnership.pk])
    with transaction.atomic():
        free = KeptPlan.objects.select_for_update(skip_locked=True, of=("self",)).filter(
            plan__partnership=partnership)
        ids = list(free.order_by("plan_id").values_list("plan_id", flat=True))
        for chunk in (ids[i:i + 500] for i in range(0, len(ids), 500)):
            KeptPlan.objects.filter(plan_id__in=chunk).update(changes=F("changes") + 1)


def marked(partnership: Partnership) -> list[int]:
    """The partnership's plans changed since they were last counted."""
    return list(KeptPlan.objects.filter(plan__partnership=partnership).exclude(changes=F("counted"))
                .values_list("plan_id", flat=True))


def count(partnership: Partnership, plan_ids: Collection[int] | None, on: date) -> dict[int, Counter[Row]]:
    """What each of these plans (every plan of the partnership: None) adds to its numbers, in
    one grouped pass: the summary's own aggregates, grouped by plan as well."""
    return counts_by_plan(partnership, on, within=None if plan_ids is None else sorted(plan_ids))


def recount_plans(partnership: Partnership, plan_ids: Collection[int] | None, on: date) -> set[int]:
    """Count these plans (None: every plan of the partnership, the daily rebuild) as they are
    now, all at once, and store each one's rows unless a change marked it meanwhile (then it
    stays marked: that change's re-count, the caller's next attempt or the dashboard's live
    count covers it). Answers the plans stored.

    Each plan's mark is read before counting and compared when storing: a change committed
    after the read moved it, one committed before is in every count read after it."""
    marks = KeptPlan.objects.filter(plan__partnership=partnership)
    if plan_ids is not None:
        marks = marks.filter(plan_id__in=sorted(plan_ids))
    changes = dict(marks.values_list("plan_id", "changes"))
    if not changes:
        return set()
    # Outside any transaction. Many plans are counted as the whole partnership is: the same
    # pass, without a list of thousands of ids in each statement.
    listed = plan_ids is not None and len(changes) <= LISTED_UP_TO
    counts = count(partnership, list(changes) if listed else None, on)
    ids, stored = sorted(changes), set()
    for chunk in (ids[i:i + STORED_AT_ONCE] for i in range(0, len(ids), STORED_AT_ONCE)):
        stored |= kept_store.store(partnership, {plan_id: changes[plan_id] for plan_id in chunk}, counts)
    return stored


def held_on(partnership: Partnership, on: date) -> bool:
    """Whether the partnership's counts are read (or being rebuilt) for this day and its
    thresholds: otherwise a re-count is wasted, the rebuild will count every plan."""
    return CountsKept.objects.filter(
        Q(as_at=on) | Q(rebuilding_for=on), partnership=partnership,
        amber_within_days=partnership.amber_within_days, stale_after_days=partnership.stale_after_days,
    ).exists()


def recount_marked(plan_ids: Collection[int], on: date) -> set[int]:
    """Re-count these plans where still marked; each failure is logged, the plan left marked.
    Answers the plans a change marked again while they were counted (not stored)."""
    still = KeptPlan.objects.filter(plan_id__in=list(plan_ids)).exclude(changes=F("counted"))
    by_partnership: dict[int, list[int]] = defaultdict(list)
    for plan_id, partnership_id in still.order_by("plan_id").values_list("plan_id", "plan__partnership_id"):
        by_partnership[partnership_id].append(plan_id)
    again: set[int] = set()
    for partnership_id, plan_ids_of in by_partnership.items():
        partnership = Partnership.objects.get(pk=partnership_id)
        if not held_on(partnership, on):
            continue
        try:
            again |= set(plan_ids_of) - recount_plans(partnership, plan_ids_of, on)
        except Exception:  # the change is committed: a failed re-count must not undo its reply
            logger.exception("re-counting plans %s failed; each stays counted live", plan_ids_of)
    return again


def recount_left_marked(on: date) -> None:
    """Re-count every plan still marked (the daily run: a re-count lost with a stopped worker)."""
    recount_safely(list(KeptPlan.objects.exclude(changes=F("counted")).values_list("plan_id", flat=True)), on)


def recount_queued(plan_ids: Collection[int]) -> set[int]:
    """The worker's part (plans/tasks.py): re-count the plans queued by changes, for the day it
    runs (queued yesterday, they are counted for today, or left to the day's rebuild). A plan
    changed again meanwhile is counted again, then queued once more. Answers the plans queued
    again."""
    left = set(plan_ids)
    for _ in range(ATTEMPTS):
        left = recount_safely(left, kept_counts.today())
        if not left:
            return left
    queue(left)
    return left


def recount_after_commit(plan_ids: Collection[int]) -> None:
    """Once the caller's transaction commits (never, if it rolls back), queue these plans'
    re-count for the worker."""
    ids = set(plan_ids)
    if ids:
        transaction.on_commit(lambda: queue(ids))


def queue(plan_ids: Collection[int]) -> None:
    from .tasks import recount_plans  # the task module calls this one

    try:
        recount_plans.using(priority=PRIORITY).enqueue(sorted(plan_ids))
    except Exception:  # the change is committed: its plans stay marked, counted live until rebuilt
        logger.exception("queueing the re-count of plans %s failed; they stay counted live",
                         sorted(plan_ids))


def recount_safely(plan_ids: Collection[int], on: date) -> set[int]:
    """`recount_marked`, whose failure (the database gone away) is logged: the plans stay marked."""
    try:
        return recount_marked(plan_ids, on)
    except Exception:
        logger.exception("re-counting plans %s failed; they stay counted live", sorted(plan_ids))
        return set()
