"""A board report or export asked for on a page: produced by the worker, kept as a file for a while.

The rules of producing, reusing and forgetting these files are in reports/background.py; this
is only what is stored. The file itself lives under settings.REPORT_FILES_DIR, outside anything
served as it is: people get it through a page that checks their partnership.
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from django.conf import settings
from django.db import models
from django.utils import timezone

from .partnership import Partnership


class ReportFile(models.Model):
    class State(models.TextChoices):
        QUEUED = "queued", "Queued"
        PRODUCING = "producing", "Being produced"
        READY = "ready", "Ready"
        FAILED = "failed", "Failed"

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="report_files")
    # What the report covers, as reports.Scope says it: one plan, one review's code, the composite
    # plan or (none of these) every plan; optionally one agency's actions only.
    plan = models.ForeignKey(
        "plans.Plan", on_delete=models.CASCADE, null=True, blank=True, related_name="report_files"
    )
    review = models.CharField(max_length=100, blank=True)
    composite = models.BooleanField(default=False)
    agency = models.CharField(max_length=200, blank=True)
    # The recurring-learning report instead of the board's (reports/recurring_report.py): as
    # things are on the day, of every plan.
    recurring = models.BooleanField(default=False)
    format = models.CharField(max_length=10)
    as_at = models.DateField()
    # What the records the report reads looked like when it was asked for (reports/freshness.py):
    # the same report asked for again while this is unchanged is the same file.
    fingerprint = models.CharField(max_length=64)
    title = models.CharField(max_length=400)
    state = models.CharField(max_length=10, choices=State.choices, default=State.QUEUED)
    failure = models.TextField(blank=True, help_text="Why it could not be produced, in the reader's words.")
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    requested_at = models.DateTimeField(default=timezone.now)
    # Asked for again (and reused) since: the file is kept for the retention period after this.
    last_asked_at = models.DateTimeField(default=timezone.now)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    file_name = models.CharField(max_length=300, blank=True, help_text="The name to save it under.")
    stored_as = models.CharField(max_length=200, blank=True, help_text="Relative to REPORT_FILES_DIR.")
    size = models.PositiveBigIntegerField(null=True, blank=True)

    class Meta:
        indexes = [
            models.Index(fields=["partnership", "fingerprint"], name="report_file_reuse"),
            models.Index(fields=["last_asked_at"], name="report_file_age"),
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.format}, as at {self.as_at:%d/%m/%Y})"

    @property
    def finished(self) -> bool:
        return self.state in {self.State.READY, self.State.FAILED}

    def path(self) -> Path | None:
        """Where the file is, when there is one; never outside the reports folder."""
        if not self.stored_as:
            return None
        folder = Path(settings.REPORT_FILES_DIR).resolve()
        path = (folder / self.stored_as).resolve()
        return path if path.is_relative_to(folder) and path.is_file() else None

    def abandoned(self) -> bool:
        """Taken by a worker that has not finished within the time any report may take: the
        worker stopped (a restart, the machine's memory), so nobody will finish it."""
        limit = timedelta(minutes=settings.ACTIONPLAN_REPORT_TIMEOUT_MINUTES)
        return (
            self.state == self.State.PRODUCING
            and self.started_at is not None
            and timezone.now() - self.started_at > limit
        )
