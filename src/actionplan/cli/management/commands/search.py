"""`actionplan search QUERY`: ranked search across the recommendations, learning points, actions
and progress of every partnership, or of one."""

from __future__ import annotations

import html
import re
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from actionplan.learning.search import search
from actionplan.plans.models import Partnership


def plain(snippet: str) -> str:
    """The snippet for a terminal: matches in [brackets], the text otherwise as stored."""
    return html.unescape(re.sub(r"\s+", " ", snippet.replace("<mark>", "[").replace("</mark>", "]")))


class Command(BaseCommand):
    help = "Search recommendations, learning points, actions and progress."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("query", nargs="+", help="the words to find")
        parser.add_argument("--partnership", metavar="NAME", help="only this partnership's plans")
        parser.add_argument("--limit", type=int, default=20, help="how many hits to show (default 20)")

    def handle(self, *args: str, **options: Any) -> None:
        partnerships = Partnership.objects.all()
        if options["partnership"]:
            partnerships = partnerships.filter(name=options["partnership"])
            if not partnerships:
                known = ", ".join(Partnership.objects.values_list("name", flat=True)) or "none yet"
                raise CommandError(f"no partnership is called {options['partnership']!r} (known: {known})")
        query = " ".join(options["query"])
        hits = search(query, list(partnerships.values_list("pk", flat=True)), limit=options["limit"])
        if not hits:
            self.stdout.write(f"Nothing found for {query!r}.")
            return
        for hit in hits:
            rec = hit.recommendation
            reviews = ", ".join(r.code for r in rec.reviews.all())
            where = f"{rec.plan.title}, {rec.ref or 'recommendation'}" + (f" ({reviews})" if reviews else "")
            self.stdout.write(f"{hit.label}: {where}\n  {plain(str(hit.snippet))}")
