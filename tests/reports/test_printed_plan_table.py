"""The printed plan table (HTML, and the PDF printed from it) puts the owner under the action and
the status under the due date, and a recommendation's later rows leave its columns as one empty
cell: fewer cells to print, every fact still there (ADR 66)."""

import re
from html import unescape

import pytest

from actionplan.reports import render
from actionplan.reports.layouts import PRINTED_COMPOSITE_COLUMNS, PRINTED_REVIEW_COLUMNS

pytestmark = pytest.mark.django_db


def plan_rows(page: str) -> list[list[tuple[int, str]]]:
    """Each plan table row's cells as (columns spanned, text)."""
    plans = page[page.index('<section class="plan">') :]
    return [
        [(int(span or 1), unescape(text).strip()) for span, text in
         re.findall(r'<td(?: colspan="(\d+)")?[^>]*>(.*?)</td>', body, re.S)]
        for body in re.findall(r"<tr>(.*?)</tr>", plans, re.S)
        if "<td" in body
    ]  # fmt: skip


def test_every_printed_row_fills_its_columns_and_reads_every_fact(demo_report):
    rows = plan_rows(render(demo_report, "html").content.decode())
    widths = {len(PRINTED_REVIEW_COLUMNS), len(PRINTED_COMPOSITE_COLUMNS)}
    assert len(rows) == sum(len(plan.rows) for plan in demo_report.plans)
    assert all(sum(span for span, _ in row) in widths for row in rows)
    texts = [[text for _, text in row] for row in rows]
    for plan_row in (row for plan in demo_report.plans for row in plan.rows if row.action):
        action_and_owner = "\n".join(part for part in (plan_row.action, plan_row.owner) if part)
        assert any(action_and_owner in row and any(plan_row.status in cell for cell in row) for row in texts)


def test_a_recommendations_later_rows_print_its_columns_as_one_empty_cell(demo_report):
    rows = plan_rows(render(demo_report, "html").content.decode())
    later = [row for row in rows if row[0][0] > 1]
    assert later  # the demo has recommendations of several actions
    assert all(row[0] == (row[0][0], "") for row in later)
    continued = [row for plan in demo_report.plans for row in plan.rows if not row.first_of_recommendation]
    assert len(later) == len(continued)


def test_the_printed_columns_are_as_wide_as_the_page():
    assert sum(column.width for column in PRINTED_REVIEW_COLUMNS) == 100
    assert sum(column.width for column in PRINTED_COMPOSITE_COLUMNS) == 100
    headings = [column.heading for column in PRINTED_REVIEW_COLUMNS]
    assert "Action / owner" in headings and "Due / status" in headings
