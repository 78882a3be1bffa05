"""`actionplan reindex`: rebuild the search index from every recommendation, action and note."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from actionplan.learning.index import rebuild


class Command(BaseCommand):
    help = "Rebuild the search index (it is kept up to date as rows change; rebuild after a restore)."

    def handle(self, *args: str, **options: Any) -> None:
        count = rebuild()
        self.stdout.write(f"Search index rebuilt: {count} entries.")
