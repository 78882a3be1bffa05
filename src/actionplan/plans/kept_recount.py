"""Marking plans changed and re-counting them once the change is committed (ADR 46).

A change only marks the plans it touched (`mark`: one upsert, inside its transaction), so the
writer holds its locks no longer than before. After the commit, `recount_after_commit` counts
each marked plan by `partnership_summary` outside any transaction, then, in one short one,
replaces the plan's rows and marks it counted only if no change has marked it since it was
read. A plan still marked is counted live on the dashboard, so no number is ever stale; a
re-count that fails is logged and leaves the plan marked (the next change or the daily rebuild
counts it again), it never fails the change that asked for it.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Collection, Iterable
from datetime import date

from django.db import connection, transaction
from django.db.models import F, Q

from . import kept_counts  # the rows' shape and the day are kept_counts'; it imports this module
from .models import CountsKept, KeptCount, KeptPlan, Partnership, Plan
from .summary import partnership_summary

logger = logging.getLogger(__name__)


def mark(plan_ids: Iterable[int]) -> None:
    """Say these plans changed, in the caller's transaction: one statement for them all, in
    plan order (two changes marking the same plans lock them in the same order). Plans gone by
    now (deleted by the change) are left out."""
    kept, plans = KeptPlan._meta.db_table, Plan._meta.db_table
    ids = sorted(set(plan_ids))
    for chunk in (ids[i:i + 500] for i in range(0, len(ids), 500)):
        places = ", ".join(["%s"] * len(chunk))
        with connection.cursor() as cursor:
            cursor.execute(
                f"INSERT INTO {kept} (plan_id, changes, counted) SELECT id, 1, 0 FROM {plans} "
                f"WHERE id IN ({places}) ORDER BY id "
                f"ON CONFLICT (plan_id) DO UPDATE SET changes = {kept}.changes + 1", chunk)


def marked(partnership: Partnership) -> list[int]:
    """The partnership's plans changed since they were last counted."""
    return list(KeptPlan.objects.filter(plan__partnership=partnership).exclude(changes=F("counted"))
                .values_list("plan_id", flat=True))


def counted_rows(partnership: Partnership, plan_id: int, on: date) -> list[KeptCount]:
    summary = partnership_summary(partnership, on, from_history=False, within=[plan_id])
    return [KeptCount(partnership=partnership, plan_id=plan_id, field=name, key=key, rag=rag, n=n)
            for (name, key, rag), n in kept_counts.as_rows(summary).items()]


def recount_plan(partnership: Partnership, plan_id: int, on: date) -> bool:
    """Count the plan as it is now and store its rows, unless a change marked it meanwhile
    (then it stays marked: that change's re-count, or the dashboard's live count, covers it).
    Answers whether it was stored."""
    changes = KeptPlan.objects.filter(plan_id=plan_id).values_list("changes", flat=True).first()
    if changes is None:
        return False
    rows = counted_rows(partnership, plan_id, on)  # read outside any transaction: nobody waits
    with transaction.atomic():
        if not KeptPlan.objects.filter(plan_id=plan_id, changes=changes).update(counted=changes):
            return False
        KeptCount.objects.filter(plan_id=plan_id).delete()
        KeptCount.objects.bulk_create(rows, batch_size=1000)
    return True


def held_on(partnership: Partnership, on: date) -> bool:
    """Whether the partnership's counts are read (or being rebuilt) for this day and its
    thresholds: otherwise a re-count is wasted, the rebuild will count every plan."""
    return CountsKept.objects.filter(
        Q(as_at=on) | Q(rebuilding_for=on), partnership=partnership,
        amber_within_days=partnership.amber_within_days, stale_after_days=partnership.stale_after_days,
    ).exists()


def recount_marked(plan_ids: Collection[int], on: date) -> None:
    """Re-count these plans where still marked; each failure is logged, the plan left marked."""
    still = KeptPlan.objects.filter(plan_id__in=list(plan_ids)).exclude(changes=F("counted"))
    by_partnership: dict[int, list[int]] = defaultdict(list)
    for plan_id, partnership_id in still.order_by("plan_id").values_list("plan_id", "plan__partnership_id"):
        by_partnership[partnership_id].append(plan_id)
    for partnership_id, plan_ids_of in by_partnership.items():
        partnership = Partnership.objects.get(pk=partnership_id)
        if not held_on(partnership, on):
            continue
        for plan_id in plan_ids_of:
            try:
                recount_plan(partnership, plan_id, on)
            except Exception:  # the change is committed: a failed re-count must not undo its reply
                logger.exception("re-counting plan %s failed; it stays counted live", plan_id)


def recount_after_commit(plan_ids: Collection[int]) -> None:
    """Once the caller's transaction commits (never, if it rolls back), re-count these plans."""
    ids = set(plan_ids)
    if ids:
        transaction.on_commit(lambda: recount_safely(ids, kept_counts.today()))


def recount_safely(plan_ids: Collection[int], on: date) -> None:
    try:
        recount_marked(plan_ids, on)
    except Exception:  # e.g. the database gone away after the commit: the plans stay marked
        logger.exception("re-counting plans %s failed; they stay counted live", sorted(plan_ids))
