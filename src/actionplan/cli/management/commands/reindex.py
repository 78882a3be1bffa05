"""`actionplan reindex`: rebuild the search index from every recommendation, action and note,
the stored terms that similar recommendations are found through, and the near pairs that
recommendations made again are grouped from (scored again with today's weights, docs/adr/0061)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from actionplan.learning import neighbours, term_index
from actionplan.learning.index import rebuild


class Command(BaseCommand):
    help = (
        "Rebuild the search index and the terms of similar recommendations "
        "(both are kept up to date as rows change; rebuild after a restore)."
    )

    def handle(self, *args: str, **options: Any) -> None:
        count = rebuild()
        self.stdout.write(f"Search index rebuilt: {count} entries.")
        terms = term_index.rebuild()
        self.stdout.write(f"Terms of similar recommendations rebuilt: {terms} recommendations.")
        pairs = neighbours.rebuild()
        self.stdout.write(f"Recommendations made again scored and grouped again: {pairs} near pairs.")
