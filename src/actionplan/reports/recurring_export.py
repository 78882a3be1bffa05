"""The recurring-learning page as a file to download: a CSV and an Excel workbook of the themes
met in several reviews and of the recommendations made again, as the page shows them. Every
text cell goes through `safe_text.escape`, so a recommendation reading "=…" stays text."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import date

from django.db.models import QuerySet

from actionplan.learning.outcomes import reviews_of
from actionplan.learning.recurring import Recurrence, recurrences
from actionplan.learning.theme_counts import ThemeCount, recurring_themes
from actionplan.plans.changes import long_date
from actionplan.plans.models import Recommendation, Theme

from .safe_text import escape

THEME_HEADINGS = [
    "Theme", "Including our themes", "Reviews", "Recommendations", "Latest review reported",
    "Implemented before",
]  # fmt: skip
RECURRENCE_HEADINGS = [
    "Group", "Similar recommendations", "Latest", "Implemented before", "Plan", "Ref", "Reviews",
    "Made on", "Outcome", "Recommendation",
]  # fmt: skip


@dataclass(frozen=True)
class RecurringLearning:
    on: date
    themes: list[ThemeCount]
    recurrences: list[Recurrence]


def recurring_learning(
    recs: QuerySet[Recommendation], themes: QuerySet[Theme], on: date
) -> RecurringLearning:
    return RecurringLearning(on, recurring_themes(recs, themes), recurrences(recs))


def day(value: date | None) -> str:
    return long_date(value) if value and value.year > 1 else ""


def wording(rec: Recommendation) -> str:
    """What a recommendation says: its text, else its learning point, else its actions'."""
    return rec.text or rec.outcome or " / ".join(a.text for a in rec.actions.all())


def named(rec: Recommendation) -> str:
    return f"{rec.plan.title} {rec.ref}".strip()


def theme_rows(learning: RecurringLearning) -> list[list[str | int]]:
    return [
        [escape(row.theme.name), escape(", ".join(row.includes)), row.reviews, row.recommendations,
         day(row.newest), "Yes" if row.done_before else "No"]
        for row in learning.themes
    ]


def recurrence_rows(learning: RecurringLearning) -> list[list[str | int]]:
    rows: list[list[str | int]] = []
    for number, group in enumerate(learning.recurrences, start=1):
        again = "Yes" if group.done_before else "No"
        for member in group.members:
            rec = member.recommendation
            rows.append([
                number, len(group.members), day(group.newest), again, escape(rec.plan.title),
                escape(rec.ref), escape(reviews_of(rec)), day(member.made_on), escape(str(member.outcome)),
                escape(wording(rec)),
            ])  # fmt: skip
    return rows


def as_csv(learning: RecurringLearning) -> bytes:
    """Two tables one after the other, each under its own title line."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([f"Recurring learning, {long_date(learning.on)}"])
    writer.writerow([])
    writer.writerow(["Themes met in several reviews"])
    writer.writerows([THEME_HEADINGS, *theme_rows(learning)])
    writer.writerow([])
    writer.writerow(["Recommendations made again"])
    writer.writerows([RECURRENCE_HEADINGS, *recurrence_rows(learning)])
    # A byte-order mark so that Excel opens the file as UTF-8, as the board's CSV export does.
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def as_workbook(learning: RecurringLearning) -> bytes:
    """A sheet for each table, headings in bold and frozen."""
    # Loaded when a workbook is asked for: the pages would otherwise all pay for it (ADR 27).
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    themes = book.worksheets[0]
    themes.title = "Themes"
    again = book.create_sheet("Recommendations made again")
    for sheet, headings, rows in [
        (themes, THEME_HEADINGS, theme_rows(learning)),
        (again, RECURRENCE_HEADINGS, recurrence_rows(learning)),
    ]:
        sheet.append(headings)
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for row in rows:
            sheet.append(row)
        sheet.freeze_panes = "A2"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


FORMATS = {
    "csv": (as_csv, "text/csv; charset=utf-8"),
    "xlsx": (as_workbook, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
}
