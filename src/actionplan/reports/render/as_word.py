"""Word: the board progress report as a document the business unit can edit before it goes out."""

from __future__ import annotations

import io

from docx import Document
from docx.document import Document as WordDocument
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from docx.table import Table, _Cell

from actionplan.plans.rag import meanings

from .. import charts
from ..colours import ORDER, RAG_FILL, RAG_TEXT, label
from ..layouts import (
    DECISION_COLUMNS,
    DECISIONS_TITLE,
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
    key = doc.add_table(rows=0, cols=2)
    for rag, meaning in meanings():
        cells = key.add_row().cells
        rag_cell(cells[0], rag)
        write_cell(cells[1], meaning, size=8)


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
    table = parent.add_table(rows=1, cols=len(headings))
    table.style = "Table Grid"
    table.autofit = False
    header(table, headings)
    for name, counts in rows.rows:
        cells = table.add_row().cells
        for cell, text in zip(cells, [name, *(str(counts.counts[r]) for r in ORDER), str(counts.total)],
                              strict=True):  # fmt: skip
            write_cell(cell, text, size=8)
    for row in table.rows:
        for cell, width in zip(row.cells, COUNT_WIDTHS, strict=True):
            cell.width = width
    return table


def exceptions(doc: WordDocument, exception_list: ExceptionList) -> None:
    doc.add_heading(f"{exception_list.title} ({len(exception_list.lines)})", level=2)
    if not exception_list.lines:
        doc.add_paragraph(exception_list.empty).runs[0].italic = True
        return
    table = doc.add_table(rows=1, cols=len(exception_list.columns) + 1)
    table.style = "Table Grid"
    header(table, [heading for heading, _ in exception_list.columns] + ["RAG"])
    for line in exception_list.lines:
        cells = table.add_row().cells
        for cell, (_, text) in zip(cells, exception_list.columns, strict=False):
            write_cell(cell, text(line), size=8)
        rag_cell(cells[-1], line.rag)


def decisions(doc: WordDocument, report: BoardReport) -> None:
    doc.add_heading(f"{DECISIONS_TITLE} ({len(report.decisions)})", level=1)
    if not report.decisions:
        doc.add_paragraph(no_decisions(report)).runs[0].italic = True
        return
    table = doc.add_table(rows=1, cols=len(DECISION_COLUMNS))
    table.style = "Table Grid"
    header(table, [heading for heading, _ in DECISION_COLUMNS])
    for line in report.decisions:
        for cell, (_, text) in zip(table.add_row().cells, DECISION_COLUMNS, strict=True):
            write_cell(cell, text(line), size=8)


def plan_table(doc: WordDocument, plan: PlanTable) -> None:
    landscape(doc)
    doc.add_heading(plan.title, level=1)
    columns = columns_for(plan.layout)
    table = doc.add_table(rows=1, cols=len(columns))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    header(table, [c.heading for c in columns])
    page_width = 27.7  # A4 landscape less the margins, in cm
    for section in plan.sections:
        if section.heading:
            row = table.add_row()
            merged = row.cells[0].merge(row.cells[-1])
            write_cell(merged, section.heading, size=9, bold=True)
            shade(merged, "DEE0E2")
        for plan_row in section.rows:
            cells = table.add_row().cells
            for cell, column in zip(cells, columns, strict=True):
                if column.heading == "RAG":
                    rag_cell(cell, plan_row.rag, " (override)" if plan_row.rag_overridden else "")
                else:
                    write_cell(cell, cell_text(column, plan_row), size=7.5)
    for index, column in enumerate(columns):
        for cell in table.columns[index].cells:
            cell.width = Cm(page_width * column.width / 100)


def landscape(doc: WordDocument) -> None:
    section = doc.add_section(WD_SECTION.NEW_PAGE)
    if section.orientation != WD_ORIENT.LANDSCAPE:
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = section.page_height, section.page_width
    section.left_margin = section.right_margin = Cm(1)


def header(table: Table, headings: list[str]) -> None:
    row = table.rows[0]
    for cell, text in zip(row.cells, headings, strict=True):
        write_cell(cell, text, size=8, bold=True)
        shade(cell, "F3F2F1")
    # Repeat the heading row on every page, as the source documents do.
    properties = row._tr.get_or_add_trPr()
    repeat = OxmlElement("w:tblHeader")
    repeat.set(qn("w:val"), "true")
    properties.append(repeat)


def write_cell(cell: _Cell, text: str, *, size: float, bold: bool = False, colour: str = "") -> None:
    run = cell.paragraphs[0].add_run(text)
    run.font.size = Pt(size)
    run.bold = bold
    if colour:
        run.font.color.rgb = RGBColor.from_string(colour)


def rag_cell(cell: _Cell, rag: str, extra: str = "") -> None:
    write_cell(cell, label(rag) + extra, size=8, bold=True, colour=RAG_TEXT.get(rag, ""))
    if rag:
        shade(cell, RAG_FILL[rag])


def shade(cell: _Cell, fill: str) -> None:
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:fill"), fill)
    cell._tc.get_or_add_tcPr().append(shading)
