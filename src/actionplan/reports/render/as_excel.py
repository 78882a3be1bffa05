"""Excel: one row per action with a stable ID, a sheet per plan (per section for one plan), ready
to send round to owners and take back with `actionplan import-updates`."""

from __future__ import annotations

import io
import re
from datetime import date

from django.conf import settings
from django.urls import reverse
from openpyxl import Workbook
from openpyxl.formatting.rule import Rule
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.styles.differential import DifferentialStyle
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from actionplan.plans.rag import Rag
from actionplan.plans.status import DeliveryStatus

from ..colours import RAG_FILL, RAG_TEXT
from ..export_columns import (
    ABOUT_SHEET,
    COLUMNS,
    DECISIONS_SHEET,
    EXPORT_HEADINGS,
    EXPORT_SHEET,
    RAG,
    STATUS,
    rag_label,
)
from ..file_names import whole_words
from ..layouts import DECISION_COLUMNS
from ..model import BoardReport, PlanRow
from ..safe_text import escape

HEADER_FILL = PatternFill("solid", fgColor="0B0C0C")
EDITABLE_FILL = PatternFill("solid", fgColor="1D70B8")  # the columns owners fill in


def write(report: BoardReport) -> bytes:
    book = Workbook()
    about(book.worksheets[0], report)  # the sheet a new workbook starts with
    names: set[str] = {ABOUT_SHEET, DECISIONS_SHEET, EXPORT_SHEET}
    for title, rows in sheets(report):
        action_sheet(book.create_sheet(sheet_name(title, names)), rows)
    if report.decisions:
        decisions(book.create_sheet(DECISIONS_SHEET), report)
    exported(book.create_sheet(EXPORT_SHEET), report)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def sheets(report: BoardReport) -> list[tuple[str, list[PlanRow]]]:
    if len(report.plans) == 1 and len(report.plans[0].sections) > 1:
        return [(s.heading or "Plan", s.rows) for s in report.plans[0].sections]
    return [(plan.title, plan.rows) for plan in report.plans]


def sheet_name(title: str, taken: set[str]) -> str:
    """Excel allows 31 characters and none of []:*?/\\ in a sheet name, each name once."""
    base = whole_words(re.sub(r"[\[\]:*?/\\]", " ", title), 28) or "Plan"
    name, n = base, 1
    while name.lower() in {t.lower() for t in taken}:
        n += 1
        name = f"{whole_words(base, 25)} ({n})"
    taken.add(name)
    return name


def cell_value(value: str | date | None) -> str | date | None:
    return escape(value) if isinstance(value, str) else value


def action_sheet(sheet: Worksheet, rows: list[PlanRow]) -> None:
    sheet.append([column.heading for column in COLUMNS])
    for row in rows:
        sheet.append([cell_value(column.value(row)) for column in COLUMNS])
    for index, column in enumerate(COLUMNS, start=1):
        letter = get_column_letter(index)
        heading = sheet.cell(row=1, column=index)
        heading.font = Font(bold=True, color="FFFFFF")
        heading.fill = EDITABLE_FILL if column.editable else HEADER_FILL
        heading.alignment = Alignment(wrap_text=True, vertical="top")
        sheet.column_dimensions[letter].width = column.width
        for cell in sheet[letter][1:]:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            if isinstance(cell.value, date):
                cell.number_format = "DD/MM/YYYY"
    last = f"{get_column_letter(len(COLUMNS))}{max(sheet.max_row, 2)}"
    sheet.auto_filter.ref = f"A1:{last}"
    sheet.freeze_panes = "B2"  # the header row and the ID stay in view
    rag = get_column_letter([c.heading for c in COLUMNS].index(RAG) + 1)
    for value, fill in RAG_FILL.items():
        label = Rag(value).label  # "Red" matches "Red (override)" too
        style = DifferentialStyle(
            fill=PatternFill("solid", bgColor=fill), font=Font(color=RAG_TEXT[value], bold=True)
        )
        rule = Rule(type="expression", dxf=style, formula=[f'LEFT({rag}2,{len(label)})="{label}"'])
        sheet.conditional_formatting.add(f"{rag}2:{rag}{max(sheet.max_row, 2)}", rule)
    status = get_column_letter([c.heading for c in COLUMNS].index(STATUS) + 1)
    choices = DataValidation(type="list", formula1='"' + ",".join(DeliveryStatus.labels) + '"')
    choices.add(f"{status}2:{status}{max(sheet.max_row, 2)}")
    sheet.add_data_validation(choices)


def about(sheet: Worksheet, report: BoardReport) -> None:
    sheet.title = ABOUT_SHEET
    lines = [
        (escape(report.partnership), Font(bold=True, size=14)),
        (escape(f"{report.scope}, as at {report.as_at:%-d %B %Y}"), Font(bold=True)),
        *((escape(f"{term}: {value}"), None) for review in report.reviews for term, value in review.facts),
        (f"Exported {report.generated_at:%-d %B %Y at %H:%M}", None),
        ("", None),
        ("Each action has one row (ID A-…), and so has each recommendation tracked without actions "
         "(ID R-…); keep the ID column as it is.", None),
        ("Owners may change the blue columns: Status, Revised due date, Reason and Latest progress.", None),
        ("On a recommendation's row (R-…) the RAG may be changed too; it has no due date to revise.", None),
        # Most people give it back on the page; the command is for whoever runs the server.
        (f"Give it back on the page \"Give back a workbook of updates\": "
         f"{settings.ACTIONPLAN_SITE_URL}{reverse('import_updates')}", None),
        ("Or on the server: actionplan import-updates FILE --as USERNAME", None),
    ]
    for text, font in lines:
        sheet.append([text])
        if font:
            sheet.cell(row=sheet.max_row, column=1).font = font
    sheet.column_dimensions["A"].width = 100


def decisions(sheet: Worksheet, report: BoardReport) -> None:
    sheet.append([heading for heading, _ in DECISION_COLUMNS])
    for line in report.decisions:
        sheet.append([escape(text(line)) for _, text in DECISION_COLUMNS])
    for index, width in enumerate((30, 60, 16, 60), start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
        sheet.cell(row=1, column=index).font = Font(bold=True, color="FFFFFF")
        sheet.cell(row=1, column=index).fill = HEADER_FILL
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")


def exported(sheet: Worksheet, report: BoardReport) -> None:
    """What each row looked like at export, so the import can tell edits from later changes."""
    exported_at = report.generated_at.isoformat(timespec="seconds")
    sheet.append(
        ["Partnership", escape(report.partnership), "As at", report.as_at, "Exported at", exported_at]
    )
    sheet.append(list(EXPORT_HEADINGS))
    done: set[str] = set()
    for row in report.rows:
        if not row.stable_id or row.stable_id in done:
            continue
        done.add(row.stable_id)
        sheet.append(
            [row.stable_id, row.version, row.status, row.revised_due, escape(row.reason),
             escape(row.latest_progress), rag_label(row)]
        )  # fmt: skip
    sheet.sheet_state = "hidden"
    sheet.protection.sheet = True  # a guard against accidental edits, not a security control
