"""HTML: the board progress report as one self-contained page; the PDF is this page printed."""

from __future__ import annotations

import base64
from functools import cache

from jinja2 import Environment, PackageLoader, select_autoescape

from actionplan.plans.rag import meanings

from .. import charts
from ..colours import ORDER, RAG_FILL, RAG_TEXT, label
from ..layouts import (
    DECISION_COLUMNS,
    DECISIONS_TITLE,
    Column,
    ExceptionList,
    breakdown_rows,
    cell_text,
    exception_lists,
    no_decisions,
    printed_columns_for,
    printed_exceptions,
    recommendation_columns,
    total_rows,
    trend_rows,
)
from ..model import BoardReport, PlanTable

# Rows per printed table block: small enough for WeasyPrint to lay out quickly (see bench/reports).
ROWS_PER_TABLE = 40
# An exception table's width in characters of its text; a column's padding and borders, in
# characters; how much wider bold type is.
EXCEPTION_TABLE_CHARACTERS, PADDING, BOLD = 110, 2, 1.2


@cache
def environment() -> Environment:
    env = Environment(
        loader=PackageLoader("actionplan.reports", "templates"),
        autoescape=select_autoescape(default=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals.update(
        ROWS_PER_TABLE=ROWS_PER_TABLE,
        ORDER=ORDER,
        RAG_FILL=RAG_FILL,
        RAG_TEXT=RAG_TEXT,
        rag_label=label,
        RAG_KEY=meanings(),
        cell_text=cell_text,
    )
    env.filters["css_string"] = css_string
    return env


def css_string(text: object) -> str:
    """Text for inside a CSS string ("..."): every character but letters, digits and spaces as a
    CSS escape, so a partnership's name can never close the string and add rules of its own. Each
    escape ends with a space, which CSS takes as its end: otherwise a space after it (", as at")
    would be swallowed as the escape's end."""
    return "".join(c if c.isascii() and (c.isalnum() or c == " ") else f"\\{ord(c):06x} " for c in str(text))


def column_widths(headings: list[str], rows: list[list[str]], bold: int) -> list[float]:
    """Each column's share of the table's width in per cent, as a browser's automatic table
    layout would give it, counted in characters: every column at least as wide as its longest
    word, then the rest of the width shared in proportion to what its longest cell lacks.
    WeasyPrint measures every cell of a table on every page to do this (a tenth of the time of
    a long report, bench/reports); counting is enough for these short texts. The headings and
    the column `bold` are in bold type, a fifth wider."""
    least, most = [], []
    for index, (heading, *texts) in enumerate(zip(headings, *rows, strict=True)):
        widen = BOLD if index == bold else 1.0
        words = [len(word) * widen for text in texts for word in text.split()]
        lines = [len(line) * widen for text in texts for line in text.splitlines()]
        least.append(max([*words, *(len(word) * BOLD for word in heading.split())]) + PADDING)
        most.append(max([*lines, len(heading) * BOLD]) + PADDING)
    room = max(EXCEPTION_TABLE_CHARACTERS, sum(least))
    lacking = sum(most) - sum(least)
    share = min(1.0, (room - sum(least)) / lacking) if lacking else 0.0
    widths = [low + (high - low) * share for low, high in zip(least, most, strict=True)]
    return [round(100 * width / sum(widths), 1) for width in widths]


def exception_table(listed: ExceptionList) -> tuple[ExceptionList, list[float]]:
    exceptions = printed_exceptions(listed)
    headings = [heading for heading, _ in exceptions.columns] + ["RAG"]
    rows = [[text(line) for _, text in exceptions.columns] + [label(line.rag)] for line in exceptions.lines]
    return exceptions, column_widths(headings, rows, bold=len(headings) - 1) if rows else []


def svg_image(svg: bytes) -> str:
    """A data URI keeps the page one file; an <img> keeps each chart's ids to itself."""
    return "data:image/svg+xml;base64," + base64.b64encode(svg).decode("ascii")


def plan_table(plan: PlanTable) -> tuple[PlanTable, tuple[Column, ...], int]:
    """The plan with its printed columns and how many of them, from the first, a recommendation's
    later rows print as one empty cell: a cell fewer to lay out and draw for each, not three."""
    columns = printed_columns_for(plan.layout)
    return plan, columns, recommendation_columns(columns)


def page(report: BoardReport) -> str:
    breakdowns = [
        (b, breakdown_rows(b), svg_image(charts.rag_bars(b, "svg"))) for b in report.breakdowns if b.rows
    ]
    trend = svg_image(charts.trend_lines(report.trend, "svg")) if len(report.trend) > 1 else None
    return (
        environment()
        .get_template("reports/board.html")
        .render(
            report=report,
            breakdowns=breakdowns,
            trend=trend,
            trend_rows=trend_rows(report),
            total_rows=total_rows(report),
            exception_lists=[exception_table(e) for e in exception_lists(report)],
            plans=[plan_table(plan) for plan in report.plans],
            decisions=(DECISIONS_TITLE, DECISION_COLUMNS, no_decisions(report)),
        )
    )


def write(report: BoardReport) -> bytes:
    return page(report).encode("utf-8")
