"""Background work, run by `actionplan worker` (or at once, where the immediate backend is set)."""

from __future__ import annotations

from datetime import date

from django_tasks import task

from .runs import remind


@task()
def send_reminders(today: str | None = None) -> int:
    """A reminders run queued rather than started by cron; returns the e-mails sent."""
    result = remind(date.fromisoformat(today) if today else None)
    return len(result.letters)
