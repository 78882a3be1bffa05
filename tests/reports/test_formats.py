"""Each format opens in its own reader and says what the report model says."""

import csv
import io
import json

import pdfplumber
import pytest
from docx import Document
from openpyxl import load_workbook

from actionplan.plans.summary import partnership_summary
from actionplan.reports import render
from actionplan.reports.export_columns import EXPORT_SHEET

from .conftest import DEMO_DAY

pytestmark = pytest.mark.django_db
ACTION = "Add a mandatory 'household members' section to the early help assessment."
OWNER = "Riverton Council Children's Services"


def counts_by_plan(report) -> dict[str, list[int]]:
    plans = next(b for b in report.breakdowns if b.by == "plan")
    return {name: [n for _, n in counts.rows] + [counts.total] for name, counts in plans.rows.items()}


def test_the_counts_by_plan_are_the_dashboards(demo, demo_report):
    dashboard = partnership_summary(demo, DEMO_DAY)
    assert counts_by_plan(demo_report) == {
        plan.title: [n for _, n in counts.rows] + [counts.total] for plan, counts in dashboard.by_plan.items()
    }
    assert demo_report.totals.rows == dashboard.overall.rows


def test_json_is_the_report_model(demo_report):
    data = json.loads(render(demo_report, "json").content)
    assert data["as_at"] == DEMO_DAY.isoformat()
    assert data["totals"]["total"] == demo_report.totals.total
    rows = [row for plan in data["plans"] for section in plan["sections"] for row in section["rows"]]
    assert any(row["action"] == ACTION and row["agency"] == OWNER for row in rows)


def test_csv_parses_with_one_row_per_action_row(demo_report):
    content = render(demo_report, "csv").content.decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(content)))
    assert len(rows) == len(demo_report.rows)
    row = next(r for r in rows if r["Action"] == ACTION)
    assert (row["Agency"], row["Status"], row["RAG"]) == (OWNER, "Implemented", "Blue")
    assert row["ID"].startswith("A-")


def test_the_workbook_has_a_sheet_per_plan_with_ids_filters_and_the_export_versions(demo_report):
    book = load_workbook(io.BytesIO(render(demo_report, "xlsx").content))
    assert [s.title for s in book.worksheets][1:-1] == [
        "Adult J safeguarding adult", "Child R review action plan", "Partnership workplan 2026 27",
        "RR-25-03 rapid review action", "Composite action plan",
    ]  # fmt: skip
    sheet = book.worksheets[1]
    assert sheet.freeze_panes == "B2" and sheet.auto_filter.ref.startswith("A1:")
    assert sheet.conditional_formatting  # the RAG column is coloured
    ids = [row[0] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert ids == [row.stable_id for row in demo_report.plans[0].rows]
    hidden = book[EXPORT_SHEET]
    assert hidden.sheet_state == "hidden" and hidden.protection.sheet
    versions = {r[0]: r[1] for r in hidden.iter_rows(min_row=3, values_only=True)}
    assert versions == {row.stable_id: row.version for row in demo_report.rows if row.action_id}


def word_tables(tables) -> list[list[list[str]]]:
    """Every table's text, including tables set inside a table's cells (a chart's numbers)."""
    found = []
    for table in tables:
        found.append([[cell.text for cell in row.cells] for row in table.rows])
        found += word_tables([inner for row in table.rows for cell in row.cells for inner in cell.tables])
    return found


def test_the_word_report_has_the_counts_table_and_the_plan_rows(demo_report):
    doc = Document(io.BytesIO(render(demo_report, "docx").content))
    tables = word_tables(doc.tables)
    by_plan = next(t for t in tables if t[0][0] == "Plan")
    assert {row[0]: [int(n) for n in row[1:]] for row in by_plan[1:]} == counts_by_plan(demo_report)
    plan_rows = [row for table in tables for row in table]
    assert any(ACTION in row and any(OWNER in cell for cell in row) for row in plan_rows)
    assert doc.sections[-1].orientation == 1  # the plan tables are landscape
    assert len(doc.inline_shapes) >= 3  # a chart beside each count table


def test_the_pdf_has_the_counts_and_the_plan_rows(demo_report):
    with pdfplumber.open(io.BytesIO(render(demo_report, "pdf").content)) as pdf:
        text = "\n".join(page.extract_text() for page in pdf.pages)
        landscape = [page.width > page.height for page in pdf.pages]
        rows = [[" ".join((cell or "").split()) for cell in row]
                for page in pdf.pages for table in page.extract_tables() for row in table]  # fmt: skip
    assert "As at\n21 November 2026" in text
    total = demo_report.totals
    assert f"All actions {' '.join(str(n) for _, n in total.rows)} {total.total}" in text
    # The owner prints under the action, in its cell: agency and role on one line (ADR 68).
    row = next(row for row in rows if any(cell.startswith(ACTION) for cell in row))
    assert f"{ACTION} {OWNER} — Head of Early Help" in row and "Blue" in row
    assert landscape[0] is False and landscape[-1] is True


def test_html_names_every_rag_in_words_beside_its_colour(demo_report):
    page = render(demo_report, "html").content.decode()
    assert 'class="rag rag-red">Red</td>' in page
    assert '<img src="data:image/svg+xml;base64,' in page
