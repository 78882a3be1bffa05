"""`actionplan import FILE…`: read action plans and store them, or show the draft (--dry-run)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import DatabaseError
from tqdm import tqdm

from actionplan.importing import ImportFailure, PlanDraft, parse_plans_file, render_table
from actionplan.plans.changes import long_date
from actionplan.plans.draft_board import other_board
from actionplan.plans.draft_reviews import unknown_references
from actionplan.plans.draft_rows import StoredPlan, refuse_unnamed_rows
from actionplan.plans.earlier_versions import EarlierVersion, likely_earlier_versions
from actionplan.plans.models import Partnership
from actionplan.plans.store import DuplicateImport, preview_drafts, store_drafts
from actionplan.plans.unowned_actions import unowned_warnings


def column_override(text: str) -> tuple[str, str]:
    heading, sep, role = text.rpartition("=")
    if not sep or not heading.strip() or not role.strip():
        raise ValueError(text)
    return heading.strip(), role.strip()


class Command(BaseCommand):
    help = "Import action plans from .txt, .docx, .xlsx, .csv or .pdf files."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("files", nargs="+", type=Path, metavar="FILE")
        parser.add_argument("--dry-run", action="store_true", help="show the draft, store nothing")
        parser.add_argument(
            "--format",
            choices=["json", "table"],
            default="table",
            help="how to show each draft (default: table)",
        )
        parser.add_argument(
            "--partnership", metavar="NAME", help="the partnership to import into (created if new)"
        )
        parser.add_argument(
            "--replace", action="store_true", help="replace a plan already imported from the same file"
        )
        parser.add_argument(
            "--new-reviews", action="store_true",
            help="make a new review of each case reference naming none of the partnership's reviews",
        )
        parser.add_argument(
            "--column",
            action="append",
            default=[],
            type=column_override,
            metavar="HEADING=ROLE",
            help='map a column by hand, e.g. "Milestones=measure"',
        )

    def handle(
        self,
        *args: str,
        files: list[Path],
        dry_run: bool,
        format: str,
        partnership: str | None,
        replace: bool,
        new_reviews: bool,
        column: list[tuple[str, str]],
        **options: Any,
    ) -> None:
        columns = dict(column)
        target = self.known_partnership(partnership) if dry_run else self.partnership(partnership)
        failures = 0
        for path in tqdm(files, desc="Importing", unit="file", disable=len(files) < 2, file=self.stderr):
            try:
                # One draft a plan: each worksheet holding a plan is its own (one JSON object each).
                drafts = parse_plans_file(path, columns=columns)
                if dry_run:
                    self.show(drafts, format)
                plans = [draft.to_dict() for draft in drafts]
                for plan in plans:  # refused before anything is stored, in a dry run too
                    refuse_unnamed_rows(plan)
                if target is None:  # a dry run into no partnership made: none to match against
                    for plan in plans:
                        self.warn_other_board(path, plan, partnership)
                        self.warn_unowned(path, plan, None)
                    continue
                if not new_reviews and (unknown := unknown_references(target, plans)):
                    failures += 1
                    self.refuse_references(path, target, unknown)
                    continue
                earlier = [likely_earlier_versions(target, plan) for plan in plans]  # before storing
                # A dry run is the import itself, every plan of the file in one transaction,
                # rolled back: so it reports what the import would, sheet by sheet.
                store = preview_drafts if dry_run else store_drafts
                stored = store(plans, target, replace=replace)
                for outcome, draft, plan, likely in zip(stored, drafts, plans, earlier, strict=True):
                    self.report(outcome, len(draft.warnings), dry_run)
                    self.warn_earlier(path, plan, likely, dry_run)
                    self.warn_other_board(path, plan, target)
                    self.warn_unowned(path, plan, outcome.owners_to_map)
            except ImportFailure as failure:
                failures += 1
                self.stderr.write(self.style.ERROR(f"error: {failure}"))
                if failure.columns:
                    self.columns_as_read(failure)
            except DuplicateImport as duplicate:
                failures += 1
                hint = "" if duplicate.work else " (use --replace)"
                self.stderr.write(self.style.ERROR(f"error: {duplicate}{hint}"))
        if failures:
            raise CommandError(f"{failures} of {len(files)} file(s) not imported")

    def partnership(self, name: str | None) -> Partnership:
        if name:
            found, created = Partnership.objects.get_or_create(name=name)
            if created:
                self.stdout.write(f"Created partnership {name}")
            return found
        existing = list(Partnership.objects.all()[:2])
        if len(existing) != 1:
            raise CommandError("name the partnership to import into with --partnership NAME")
        return existing[0]

    def known_partnership(self, name: str | None) -> Partnership | None:
        """A dry run's partnership, never created: the one named, else the only one; None when
        there is none to match owners and reviews against."""
        try:
            found = list(Partnership.objects.filter(**({"name": name} if name else {}))[:2])
        except DatabaseError:  # no database set up yet: a dry run reads the files alone
            found = []
        if name and not found:
            self.stderr.write(f"partnership {name!r} does not exist yet: owners and reviews are "
                              "not matched to its own in this dry run")
        return found[0] if len(found) == 1 else None

    def show(self, drafts: list[PlanDraft], format: str) -> None:
        for number, draft in enumerate(drafts):
            self.stdout.write(
                json.dumps(draft.to_dict(), indent=2, ensure_ascii=False)
                if format == "json"
                else ("\n" if number else "") + render_table(draft)
            )

    def warn_other_board(self, path: Path, plan: dict[str, Any], target: Partnership | str | None) -> None:
        """The partnership imported into, or the name of one the import would make: the
        document naming another board is said of either."""
        if target is not None and (message := other_board(plan, target)):
            self.stderr.write(self.style.WARNING(f"warning: {path}: {message}"))

    def warn_earlier(
        self, path: Path, plan: dict[str, Any], likely: list[EarlierVersion], dry_run: bool,
    ) -> None:
        """A plan stored as new that looks like an updated version of a stored one would hold
        every action twice: the command cannot apply an update, the web import can."""
        if not likely:
            return
        named = "; ".join(f"'{v.plan.title}' (imported {long_date(v.imported_on)}"
                          f"{' from ' + v.file_name if v.file_name else ''}"
                          f"{', closed' if v.closed_on else ''})" for v in likely)
        done = "would be stored" if dry_run else "was stored"
        self.stderr.write(self.style.WARNING(
            f"warning: {path}: '{plan['plan'].get('title') or path.name}' looks like an updated version of "
            f"{named}; it {done} as a new plan beside it. To apply it as an update of that plan instead, "
            "import it from the web and choose the plan it updates."))

    def warn_unowned(self, path: Path, plan: dict[str, Any], to_map: list[str] | None) -> None:
        for line, message in unowned_warnings(plan, to_map):
            where = f"{path}: line {line}" if line is not None else str(path)
            self.stderr.write(self.style.WARNING(f"warning: {where}: {message}"))

    def refuse_references(self, path: Path, target: Partnership, unknown: dict[str, int | None]) -> None:
        """Case references are often a row's own shorthand ("D", "L"): a review is made of one
        only when the person says so."""
        named = ", ".join(f"{code!r} (line {line})" if line else repr(code) for code, line in unknown.items())
        self.stderr.write(self.style.ERROR(
            f"error: {path}: case references naming no review of {target.name}: {named}; nothing stored. "
            "Add the reviews first, import it from the web to link each, or use --new-reviews to make "
            "a review of each."))

    def columns_as_read(self, failure: ImportFailure) -> None:
        """The nearest role of each column of the likeliest header, to map by hand."""
        self.stderr.write('  the columns as read (map them with --column "HEADING=ROLE"):')
        for column in failure.columns:
            role = f"{column.role} ({column.confidence:.0%} sure)" if column.role else "no role"
            self.stderr.write(f"    {column.header or '(blank)'!r}: {role}")

    def report(self, stored: StoredPlan, warnings: int, dry_run: bool = False) -> None:
        done, made = ("Would import", "to create") if dry_run else ("Imported", "created")
        out = self.stderr if dry_run else self.stdout  # a dry run's stdout is the draft alone
        out.write(
            self.style.SUCCESS(
                f"{done} '{stored.plan.title}': {stored.items} items, "
                f"{stored.actions} actions, {warnings} warning(s)."
            )
        )
        if stored.matched_agencies:
            out.write("  owners matched to agencies: " + ", ".join(stored.matched_agencies))
        if stored.new_agencies:
            out.write(f"  new agencies {made}: " + ", ".join(stored.new_agencies))
        if stored.owners_to_map:
            out.write("  owners naming no agency, to map: " + ", ".join(stored.owners_to_map))
        if stored.new_reviews:
            out.write(f"  new reviews {made}: " + ", ".join(stored.new_reviews))
