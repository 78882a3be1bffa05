"""The printed exception tables (HTML, and the PDF printed from it) put the owner under the action
and a list's two facts in one cell, the second under the first: fewer cells to print, every fact
still on its row (ADR 68). Word keeps a column for each fact."""

import io
import re
from datetime import date
from html import unescape
from types import SimpleNamespace

import pdfplumber
import pytest
from django.utils import timezone

from actionplan.reports import Scope, build_report, render
from actionplan.reports.layouts import exception_lists, printed_exceptions
from actionplan.reports.model import ExceptionLine, Exceptions
from factories import PartnershipFactory

from .large import large_plan

LINE = ExceptionLine(
    action_id=1, plan="Child S", ref="2.1", action="Audit a sample of case records.",
    owner="Health — Named Nurse",
    due=date(2026, 5, 1), revised_due=date(2026, 7, 1), status="In progress", rag="red", revisions=2,
    reason="The auditor left.", last_update=date(2026, 4, 2), implemented_on=date(2026, 6, 3),
    assurance="No evidence yet",
)  # fmt: skip
EVERY_LIST = Exceptions(*([LINE] for _ in range(6)))


def report(exceptions: Exceptions = EVERY_LIST) -> SimpleNamespace:
    return SimpleNamespace(exceptions=exceptions, plans=[], stale_after_days=90, recent_days=30)


def printed(title: str) -> tuple[list[str], list[str]]:
    listed = next(e for e in exception_lists(report()) if e.title.startswith(title))
    table = printed_exceptions(listed)
    return [heading for heading, _ in table.columns], [text(LINE) for _, text in table.columns]


def test_overdue_prints_the_owner_under_the_action_and_the_status_under_the_due_date():
    assert printed("Overdue") == (
        ["Plan / ref", "Action / owner", "Due / status"],
        ["Child S 2.1", "Audit a sample of case records.\nHealth — Named Nurse", "1 July 2026\nIn progress"],
    )


def test_a_list_of_one_fact_or_of_more_than_two_keeps_a_column_for_each():
    assert printed("Slipped")[0] == [
        "Plan / ref", "Action / owner", "Original due", "Revised due", "Times revised", "Reason",
    ]  # fmt: skip
    assert printed("Not achieved")[0] == ["Plan / ref", "Action / owner", "Explanation"]


def test_every_fact_of_every_list_is_on_its_printed_row_in_the_same_order():
    for listed in exception_lists(report()):
        table = printed_exceptions(listed)
        assert len(table.columns) < len(listed.columns)
        facts = [text for _, fact in listed.columns if (text := fact(LINE))]
        assert "\n".join(text for _, fact in table.columns if (text := fact(LINE))) == "\n".join(facts)
        assert (table.title, table.lines, table.empty) == (listed.title, listed.lines, listed.empty)


@pytest.mark.django_db
def test_the_printed_report_heads_each_exception_table_with_its_printed_columns(demo_report):
    page = unescape(render(demo_report, "html").content.decode())
    tables = [printed_exceptions(e) for e in exception_lists(demo_report) if e.lines]
    assert tables  # the demo has exceptions
    for table in tables:
        headings = "".join(f"<th>{heading}</th>" for heading, _ in table.columns) + "<th>RAG</th>"
        assert headings in page
        assert all(f"<td>{table.columns[1][1](line)}</td>" in page for line in table.lines)


@pytest.mark.django_db
def test_every_action_and_its_owner_are_in_the_printed_pdf():
    today = timezone.localdate()
    plan = large_plan(PartnershipFactory(), 24, today)
    board = build_report(plan.partnership, Scope(plan_id=plan.pk), today)
    assert board.exceptions.overdue and board.exceptions.recently_implemented
    with pdfplumber.open(io.BytesIO(render(board, "pdf").content)) as document:
        text = "\n".join(page.extract_text() for page in document.pages)
    actions = board.plans[0].rows
    assert len(actions) == 24
    exceptional = [line for listed in exception_lists(board) for line in listed.lines]
    for row in actions:
        number = re.escape(row.action.split(":")[0])  # "Action 7", printed once more in each list
        listed = sum(line.action == row.action for line in exceptional)
        assert len(re.findall(rf"\b{number}:", text)) == 1 + listed
    assert text.count("— Named Nurse") == len(actions) + len(exceptional)
