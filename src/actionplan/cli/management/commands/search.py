"""`actionplan search QUERY`: ranked search across the recommendations, learning points, actions
and progress of every partnership, or of one, with the web page's filters."""

from __future__ import annotations

import html
import re
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from actionplan.learning.search import Filters, search
from actionplan.learning.themes import themes_of
from actionplan.plans.models import Agency, Partnership, Review
from actionplan.plans.status import DeliveryStatus


def plain(snippet: str) -> str:
    """The snippet for a terminal: matches in [brackets], the text otherwise as stored."""
    return html.unescape(re.sub(r"\s+", " ", snippet.replace("<mark>", "[").replace("</mark>", "]")))


class Command(BaseCommand):
    help = "Search recommendations, learning points, actions and progress."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("query", nargs="+", help="the words to find")
        parser.add_argument("--partnership", metavar="NAME", help="only this partnership's plans")
        parser.add_argument("--limit", type=int, default=20, help="how many hits to show (default 20)")
        parser.add_argument("--theme", metavar="NAME", help="tagged with this theme")
        parser.add_argument("--agency", metavar="NAME", help="actions this agency owns (needs --partnership)")
        parser.add_argument("--review-kind", choices=Review.Kind.values, help="of reviews of this kind")
        parser.add_argument("--year", type=int, help="of reviews reported, or plans dated, in this year")
        parser.add_argument("--status", choices=DeliveryStatus.values, help="actions of this status")

    def handle(self, *args: str, **options: Any) -> None:
        partnerships = Partnership.objects.all()
        if options["partnership"]:
            partnerships = partnerships.filter(name=options["partnership"])
            if not partnerships:
                known = ", ".join(Partnership.objects.values_list("name", flat=True)) or "none yet"
                raise CommandError(f"no partnership is called {options['partnership']!r} (known: {known})")
        query = " ".join(options["query"])
        chosen = partnerships.first() if options["partnership"] else None
        filters = Filters(
            review_kind=options["review_kind"] or "",
            theme=named(themes_of(chosen), options["theme"], "theme"),
            agency=named(Agency.objects.filter(partnership=chosen), options["agency"], "agency"),
            year=options["year"],
            status=options["status"] or "",
        )
        hits = search(query, list(partnerships.values_list("pk", flat=True)), filters, limit=options["limit"])
        if not hits:
            self.stdout.write(f"Nothing found for {query!r}.")
            return
        for hit in hits:
            rec = hit.recommendation
            reviews = ", ".join(r.code for r in rec.reviews.all())
            where = f"{rec.plan.title}, {rec.ref or 'recommendation'}" + (f" ({reviews})" if reviews else "")
            self.stdout.write(f"{hit.label}: {where}\n  {plain(str(hit.snippet))}")


def named(rows: Any, name: str | None, what: str) -> int | None:
    """The id of the row called `name` (any case) among `rows`; CommandError naming those known."""
    if not name:
        return None
    found = rows.filter(name__iexact=name.strip()).values_list("pk", flat=True).first()
    if found is None:
        known = ", ".join(sorted(rows.values_list("name", flat=True))) or "none (choose a --partnership)"
        raise CommandError(f"no {what} is called {name!r} (known: {known})")
    return found
