"""Word: the board progress report as a document the business unit can edit before it goes out."""

from __future__ import annotations

import io
from collections.abc import Iterator

from docx import Document
from docx.document import Document as WordDocument
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.shared import Cm, Pt
from docx.table import Table, _Cell

from actionplan.plans.rag import meanings

from .. import charts
from ..colours import ORDER, RAG_FILL, RAG_TEXT, label
from ..layouts import (
    DECISION_COLUMNS,
    DECISIONS_TITLE,
    Column,
    CountRows,
    ExceptionList,
    breakdown_rows,
    cell_text,
    columns_for,
    exception_lists,
    no_decisions,
    total_rows,
    trend_rows,
)
from ..model import BoardReport, PlanTable
from .word_table import Cell, add_table


def write(report: BoardReport) -> bytes:
    doc = Document()
    doc.styles["Normal"].font.name = "Arial"
    doc.styles["Normal"].font.size = Pt(10)
    cover(doc, report)
    summary(doc, report)
    doc.add_heading("Exceptions", level=1)
    for exception_list in exception_lists(report):
        exceptions(doc, exception_list)
    decisions(doc, report)
    for plan in report.plans:
        plan_table(doc, plan)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def cover(doc: WordDocument, report: BoardReport) -> None:
    doc.add_paragraph().add_run(report.partnership).font.size = Pt(16)
    doc.add_heading("Action plan progress report", level=0)
    for term, value in [
        ("Covering", report.scope),
        *(fact for review in report.reviews for fact in review.facts),
        ("As at", f"{report.as_at:%-d %B %Y}"),
        ("Actions", str(report.totals.total)),
        ("Produced", f"{report.generated_at:%-d %B %Y} from actionplan"),
    ]:
        paragraph = doc.add_paragraph()
        paragraph.add_run(f"{term}: ").bold = True
        paragraph.add_run(value)
    doc.add_page_break()


def summary(doc: WordDocument, report: BoardReport) -> None:
    doc.add_heading("Summary", level=1)
    words = ", ".join(f"{label(rag)} {n}" for rag, n in report.totals.rows)
    doc.add_paragraph(
        f"RAG ratings of the {report.totals.total} actions as at {report.as_at:%-d %B %Y}: {words}."
    )
    rag_key(doc)
    counts_table(doc, total_rows(report))
    for b in report.breakdowns:
        if b.rows:
            chart_and_table(doc, f"RAG by {b.by}", charts.rag_bars(b, "png"), breakdown_rows(b), b.note)
    if len(report.trend) > 1:
        chart_and_table(doc, "Trend", charts.trend_lines(report.trend, "png"), trend_rows(report))


def rag_key(doc: WordDocument) -> None:
    """What the colours mean, beside the first of them (the same words as the pages)."""
    rows = ([rag_cell(rag), Cell(meaning, 8)] for rag, meaning in meanings())
    add_table(doc, None, rows, columns=2, style=None)


def chart_and_table(doc: WordDocument, heading: str, png: bytes, rows: CountRows, note: str = "") -> None:
    """The chart across the page, its numbers in a table under it (a portrait page is too narrow
    for both side by side: names would wrap a letter at a time)."""
    doc.add_heading(heading, level=2)
    # 15 cm: the width it was drawn at (charts.py), so its text prints at the size set there.
    doc.add_paragraph().add_run().add_picture(io.BytesIO(png), width=Cm(15))
    counts_table(doc, rows)
    if note:
        doc.add_paragraph(note).runs[0].italic = True


# Names get the room; the six counts are short numbers.
COUNT_WIDTHS = [Cm(6.5), *[Cm(1.6)] * 6]


def counts_table(parent: WordDocument | _Cell, rows: CountRows) -> Table:
    headings = [rows.heading, *(label(rag) for rag in ORDER), "Total"]
    return add_table(
        parent,
        header(headings),
        ([Cell(text, 8) for text in (name, *(str(counts.counts[r]) for r in ORDER), str(counts.total))]
         for name, counts in rows.rows),
        widths=COUNT_WIDTHS,
        autofit=False,
    )  # fmt: skip


def exceptions(doc: WordDocument, exception_list: ExceptionList) -> None:
    doc.add_heading(f"{exception_list.title} ({len(exception_list.lines)})", level=2)
    if not exception_list.lines:
        doc.add_paragraph(exception_list.empty).runs[0].italic = True
        return
    add_table(
        doc,
        header([heading for heading, _ in exception_list.columns] + ["RAG"]),
        ([*(Cell(text(line), 8) for _, text in exception_list.columns), rag_cell(line.rag)]
         for line in exception_list.lines),
    )  # fmt: skip


PAGE_WIDTH = 27.7  # A4 landscape less the margins, in cm


def decisions(doc: WordDocument, report: BoardReport) -> None:
    doc.add_heading(f"{DECISIONS_TITLE} ({len(report.decisions)})", level=1)
    if not report.decisions:
        doc.add_paragraph(no_decisions(report)).runs[0].italic = True
        return
    add_table(
        doc,
        header([heading for heading, _ in DECISION_COLUMNS]),
        ([Cell(text(line), 8) for _, text in DECISION_COLUMNS] for line in report.decisions),
    )


def plan_table(doc: WordDocument, plan: PlanTable) -> None:
    landscape(doc)
    doc.add_heading(plan.title, level=1)
    columns = columns_for(plan.layout)
    table = add_table(
        doc,
        header([c.heading for c in columns]),
        plan_rows(plan, columns),
        widths=[Cm(PAGE_WIDTH * column.width / 100) for column in columns],
    )
    table.alignment = WD_TABLE_ALIGNMENT.CENTER


def plan_rows(plan: PlanTable, columns: tuple[Column, ...]) -> Iterator[list[Cell]]:
    for section in plan.sections:
        if section.heading:
            yield [Cell(section.heading, 9, bold=True, fill="DEE0E2", span=len(columns))]
        for row in section.rows:
            yield [
                rag_cell(row.rag, " (override)" if row.rag_overridden else "")
                if column.heading == "RAG"
                else Cell(cell_text(column, row), 7.5)
                for column in columns
            ]


def landscape(doc: WordDocument) -> None:
    section = doc.add_section(WD_SECTION.NEW_PAGE)
    if section.orientation != WD_ORIENT.LANDSCAPE:
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = section.page_height, section.page_width
    section.left_margin = section.right_margin = Cm(1)


def header(headings: list[str]) -> list[Cell]:
    return [Cell(text, 8, bold=True, fill="F3F2F1") for text in headings]


def rag_cell(rag: str, extra: str = "") -> Cell:
    fill = RAG_FILL[rag] if rag else ""
    return Cell(label(rag) + extra, 8, bold=True, colour=RAG_TEXT.get(rag, ""), fill=fill)
