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
    breakdown_rows,
    cell_text,
    columns_for,
    exception_lists,
    no_decisions,
    total_rows,
    trend_rows,
)
from ..model import BoardReport

# Rows per printed table block: small enough for WeasyPrint to lay out quickly (see bench/reports).
ROWS_PER_TABLE = 40


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
    CSS escape, so a partnership's name can never close the string and add rules of its own."""
    return "".join(c if c.isascii() and (c.isalnum() or c == " ") else f"\\{ord(c):06x}" for c in str(text))


def svg_image(svg: bytes) -> str:
    """A data URI keeps the page one file; an <img> keeps each chart's ids to itself."""
    return "data:image/svg+xml;base64," + base64.b64encode(svg).decode("ascii")


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
            exception_lists=exception_lists(report),
            plans=[(plan, columns_for(plan.layout)) for plan in report.plans],
            decisions=(DECISIONS_TITLE, DECISION_COLUMNS, no_decisions(report)),
        )
    )


def write(report: BoardReport) -> bytes:
    return page(report).encode("utf-8")
