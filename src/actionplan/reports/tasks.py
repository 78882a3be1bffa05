"""Background work of the reports, run by `actionplan worker` (or at once, where the immediate
backend is set, as in the tests)."""

from __future__ import annotations

from django_tasks import task


@task()
def produce_report(report_id: int) -> str:
    """Produce a report asked for on a page (reports/background.py); returns the state it ends in."""
    from .background import produce  # background queues this task: imported when it runs

    return produce(report_id)
