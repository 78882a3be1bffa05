"""`actionplan check-counts [--repair] [--partnership NAME]`: compare the dashboard's kept counts
with the live ones, and the partnership's totals with its plans' rows; rebuild them when asked."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from actionplan.plans import kept_counts
from actionplan.plans.models import Partnership


class Command(BaseCommand):
    help = (
        "Compare each partnership's kept dashboard counts with the counts worked out live, and its "
        "kept totals with its plans' kept rows added up, naming every number that differs; --repair "
        "rebuilds them. Exits non-zero when any differ unrepaired."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--repair", action="store_true", help="rebuild the counts of every partnership checked")
        parser.add_argument("--partnership", help="check this partnership only (its name)")

    def handle(self, *args: str, repair: bool, partnership: str | None, **options: Any) -> None:
        partnerships = Partnership.objects.all()
        if partnership is not None:
            partnerships = partnerships.filter(name=partnership)
            if not partnerships.exists():
                raise CommandError(f"no partnership is called '{partnership}'")
        wrong = []
        for each in partnerships:
            found = kept_counts.differences(each)
            if found is None:
                self.stdout.write(f"{each}: not kept for today; the dashboard counts live until rebuilt.")
            elif found:
                wrong.append(each.name)
                differ = "numbers differ" if len(found) != 1 else "number differs"
                self.stdout.write(f"{each}: {len(found)} {differ}:")
                for line in found:
                    self.stdout.write(f"  {line}")
            else:
                self.stdout.write(f"{each}: the kept counts equal the live ones.")
            if repair:
                kept_counts.rebuild(each)
                self.stdout.write(f"{each}: rebuilt.")
        if wrong and not repair:
            raise CommandError(f"the kept counts differ from the live ones for {', '.join(wrong)}; "
                               "run with --repair to rebuild them")
