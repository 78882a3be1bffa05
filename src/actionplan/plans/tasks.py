"""Background work of the plans, run by `actionplan worker` (or at once, where the immediate
backend is set, as in the tests)."""

from __future__ import annotations

from django_tasks import task


@task()
def recount_plans(plan_ids: list[int]) -> list[int]:
    """Re-count the dashboard's kept counts of plans changed (kept_recount.py, ADR 59); returns
    the plans queued again because they changed while they were counted."""
    from .kept_recount import recount_queued  # kept_recount queues this task: imported when it runs

    return sorted(recount_queued(plan_ids))
