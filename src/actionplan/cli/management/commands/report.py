"""`actionplan report`: a board report or export, for one plan, one review, the composite plan
or the whole partnership, as at any date; or the recurring-learning report, as things are today."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from dateutil import parser as dates
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from actionplan.plans.models import Partnership
from actionplan.reports import FORMATS, Scope, ScopeError, build_report, recurring_report, render
from actionplan.reports.counts import distinct_actions, tracked_alone


def as_at_date(text: str) -> date:
    """2026-03-31 or 31/03/2026 (UK order, day first)."""
    try:
        return date.fromisoformat(text)
    except ValueError:
        return dates.parse(text, dayfirst=True).date()


class Command(BaseCommand):
    help = "Write a board progress report or an export (docx, pdf, html, xlsx, csv, json)."

    def add_arguments(self, parser: CommandParser) -> None:
        scope = parser.add_mutually_exclusive_group()
        scope.add_argument("--plan", type=int, metavar="ID", help="one plan (by its id)")
        scope.add_argument("--review", metavar="CODE", help='the actions of one review, e.g. "Child R"')
        scope.add_argument(
            "--composite", action="store_true", help="the composite action plan(s), or open actions by theme"
        )
        scope.add_argument(
            "--recurring", action="store_true",
            help="the recurring-learning report (html, pdf, csv or xlsx), as things are today",
        )
        parser.add_argument("--agency", metavar="NAME", help="only this agency's actions")
        parser.add_argument(
            "--as-at", type=as_at_date, metavar="DATE", help="as the plan stood on this date (default: today)"
        )
        parser.add_argument("--partnership", metavar="NAME", help="needed when there is more than one")
        parser.add_argument("--format", choices=sorted(FORMATS), required=True)
        parser.add_argument("--output", type=Path, required=True, metavar="FILE")

    def handle(self, *args: str, **options: Any) -> None:
        partnership = self.partnership(options["partnership"])
        if options["recurring"]:
            self.recurring(partnership, options)
            return
        scope = Scope(
            plan_id=options["plan"],
            review=options["review"],
            composite=options["composite"],
            agency=options["agency"],
        )
        as_at = options["as_at"] or timezone.localdate()
        try:
            report = build_report(partnership, scope, as_at)
        except ScopeError as error:
            raise CommandError(str(error)) from error
        rendered = render(report, options["format"])
        options["output"].write_bytes(rendered.content)
        actions, alone = len(distinct_actions(report.plans)), len(tracked_alone(report.plans))
        counted = f"{actions} action{'s' if actions != 1 else ''}"
        if alone:  # tracked on themselves: counted in the report, but not actions
            counted += f" and {alone} recommendation{'s' if alone != 1 else ''} with no actions"
        self.stdout.write(f"Wrote {options['output']}: {report.scope}, as at {as_at:%d/%m/%Y}, {counted}.")

    def recurring(self, partnership: Partnership, options: dict[str, Any]) -> None:
        if options["agency"] or options["as_at"]:
            raise CommandError("the recurring-learning report is as things are today, for every agency: "
                               "leave out --agency and --as-at")
        if options["format"] not in recurring_report.FORMATS:
            formats = ", ".join(recurring_report.FORMATS)
            raise CommandError(f"the recurring-learning report comes as {formats}, not {options['format']}")
        rendered = recurring_report.produce(partnership, options["format"], timezone.localdate())
        options["output"].write_bytes(rendered.content)
        self.stdout.write(f"Wrote {options['output']}: recurring learning of {partnership}.")

    def partnership(self, name: str | None) -> Partnership:
        if name:
            found = Partnership.objects.filter(name__iexact=name).first()
            if found is None:
                raise CommandError(f"no partnership called '{name}'")
            return found
        existing = list(Partnership.objects.all()[:2])
        if len(existing) != 1:
            raise CommandError("name the partnership with --partnership NAME")
        return existing[0]
