"""`actionplan clear-drafts [--dry-run]`: remove the imports in progress left unchanged too long."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandParser
from django.utils import timezone

from actionplan.plans.models import ImportDraft


class Command(BaseCommand):
    help = (
        "Remove the imports in progress nobody has changed for ACTIONPLAN_IMPORT_DRAFT_DAYS days "
        "(30 unless set): the uploaded document and the corrections made to it. Run daily."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--dry-run", action="store_true", help="list what would be removed; remove nothing")

    def handle(self, *args: str, dry_run: bool, **options: Any) -> None:
        abandoned = ImportDraft.abandoned(timezone.now()).select_related("owner", "partnership")
        days = settings.ACTIONPLAN_IMPORT_DRAFT_DAYS
        for draft in abandoned:
            self.stdout.write(
                f"{draft.partnership}: {draft.file_name}, imported by {draft.owner}, "
                f"unchanged since {timezone.localtime(draft.updated_at):%d %B %Y}")
        count = abandoned.count() if dry_run else abandoned.delete()[1].get("plans.ImportDraft", 0)
        verb = "would be removed" if dry_run else "removed"
        imports = "import" if count == 1 else "imports"
        self.stdout.write(f"{count} {imports} in progress unchanged for {days} days {verb}.")
