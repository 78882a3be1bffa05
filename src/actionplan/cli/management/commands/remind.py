"""`actionplan remind [--dry-run]`: send today's reminders; run daily by cron or a systemd timer."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from actionplan.plans import kept_counts
from actionplan.reminders.models import Notice
from actionplan.reminders.runs import remind, would_send


class Command(BaseCommand):
    help = (
        "Send the reminders owed today: due soon, overdue, not updated, updates wanted before a "
        "meeting, and the weekly digest. Each notice is sent once, however often this runs. "
        "First, the dashboard's kept counts are made for today, and any plan changed since it "
        "was last counted (no worker running) is counted again."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--dry-run", action="store_true", help="list what would be sent; send nothing")
        parser.add_argument(
            "--today", type=date.fromisoformat, help="act as if it were this day (YYYY-MM-DD)"
        )

    def handle(self, *args: str, dry_run: bool, today: date | None, **options: Any) -> None:
        if dry_run:
            plan = would_send(today)
            for address, owed in plan:
                self.stdout.write(f"{address}: {len(owed)} notice{'s' if len(owed) != 1 else ''}")
                for o in owed:
                    about = f" {o.action.recommendation.ref} {o.action.text[:60]}" if o.action else ""
                    self.stdout.write(f"  {Notice.Kind(o.kind).label}:{about} ({o.detail})")
            self.stdout.write(f"Dry run: {len(plan)} e-mail{'s' if len(plan) != 1 else ''} would be sent.")
            return
        # The day's turn: the dashboard's kept counts made for yesterday are made for today; plans
        # left marked (no worker running) are re-counted.
        rebuilt = kept_counts.keep_all()
        result = remind(today)
        self.stdout.write(f"Sent {len(result.letters)} e-mails ({result.notices} notices).")
        if rebuilt:
            self.stdout.write(f"Dashboard counts made for today: {', '.join(p.name for p in rebuilt)}.")
        if result.failed:
            raise CommandError(
                f"could not send to {', '.join(result.failed)}; their notices are kept for the next run"
            )
