"""`actionplan prune-reports`: forget the report files nobody has asked for within the retention
period. The worker does it after each report it produces; run this daily (beside `remind`) so
the files go even when nobody asks for a report."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand

from actionplan.reports.kept_files import forget_old_reports


class Command(BaseCommand):
    help = (
        "Remove the report files produced for the pages that nobody has asked for within "
        "ACTIONPLAN_REPORT_RETENTION_DAYS days. Any report can be produced again."
    )

    def handle(self, *args: str, **options: Any) -> None:
        forgotten = forget_old_reports()
        days = settings.ACTIONPLAN_REPORT_RETENTION_DAYS
        self.stdout.write(
            f"Forgot {forgotten} report{'s' if forgotten != 1 else ''} not asked for in {days} days."
        )
