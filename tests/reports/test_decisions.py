"""Recommendations not accepted, or accepted in part, are listed with the board's reasons in every
format of the board report, as they stood on the report's date."""

import io
import json
from datetime import date, datetime

import pdfplumber
import pytest
from django.utils import timezone
from docx import Document
from openpyxl import load_workbook

from actionplan.plans.editing import save_recommendation
from actionplan.plans.models import Recommendation
from actionplan.reports import Scope, build_report, render
from actionplan.reports.export_columns import DECISIONS_SHEET
from factories import RecommendationFactory

pytestmark = pytest.mark.django_db
LAST_YEAR = timezone.make_aware(datetime(2025, 6, 1, 9, 0))
DECIDED = timezone.make_aware(datetime(2026, 1, 10, 9, 0))
NO_FUNDS = "No funding for a second panel; the existing panel will take these cases."


@pytest.fixture
def decided(action, alice):
    """Two recommendations of the action's plan, written last year and decided this year."""
    plan = action.recommendation.plan
    refused = RecommendationFactory(plan=plan, ref="3.", text="Set up a second neglect panel.")
    partly = RecommendationFactory(plan=plan, ref="4.", text="Train every GP practice twice a year.")
    for rec in (refused, partly):
        rec.history.update(history_date=LAST_YEAR)
    refused.decision, refused.decision_reason = Recommendation.Decision.NOT_ACCEPTED, NO_FUNDS
    save_recommendation(refused, alice, "Board decision")
    partly.decision, partly.decision_reason = Recommendation.Decision.ACCEPTED_IN_PART, "Once a year."
    save_recommendation(partly, alice, "Board decision")
    Recommendation.history.filter(history_change_reason="Board decision").update(history_date=DECIDED)
    return plan


def report(partnership, on=None):
    return build_report(partnership, Scope(), on or timezone.localdate())


def test_the_report_lists_each_decision_with_its_reason(decided, partnership):
    lines = report(partnership).decisions
    assert [(d.plan, d.ref, d.decision, d.reason) for d in lines] == [
        (decided.title, "3.", "Not accepted", NO_FUNDS),
        (decided.title, "4.", "Accepted in part", "Once a year."),
    ]


def test_a_report_as_at_a_date_before_the_decision_lists_none(decided, partnership):
    assert report(partnership, date(2025, 7, 1)).decisions == []
    page = render(report(partnership, date(2025, 7, 1)), "html").content.decode()
    assert "Every recommendation was accepted in full as at 1 July 2025." in page


def test_a_later_change_of_mind_does_not_rewrite_the_past(decided, partnership, alice):
    rec = Recommendation.objects.get(ref="3.")
    rec.decision, rec.decision_reason = Recommendation.Decision.ACCEPTED, ""
    save_recommendation(rec, alice, "Funding found")
    assert [d.ref for d in report(partnership).decisions] == ["4."]
    assert [d.ref for d in report(partnership, date(2026, 2, 1)).decisions] == ["3.", "4."]


def test_every_format_lists_the_decisions(decided, partnership):
    board = report(partnership)
    page = render(board, "html").content.decode()
    assert "Recommendations not accepted in full (2)" in page and NO_FUNDS in page

    doc = Document(io.BytesIO(render(board, "docx").content))
    table = next(t for t in doc.tables if [c.text for c in t.rows[0].cells][2:3] == ["Decision"])
    assert [c.text for c in table.rows[1].cells] == [
        f"{decided.title} 3.", "Set up a second neglect panel.", "Not accepted", NO_FUNDS,
    ]  # fmt: skip

    book = load_workbook(io.BytesIO(render(board, "xlsx").content))
    rows = list(book[DECISIONS_SHEET].iter_rows(values_only=True))
    assert rows[0] == ("Plan / ref", "Recommendation", "Decision", "Reason")
    assert rows[2] == (f"{decided.title} 4.", "Train every GP practice twice a year.", "Accepted in part",
                       "Once a year.")  # fmt: skip

    data = json.loads(render(board, "json").content)
    assert data["decisions"][0]["reason"] == NO_FUNDS

    with pdfplumber.open(io.BytesIO(render(board, "pdf").content)) as pdf:
        text = " ".join(" ".join((page.extract_text() or "").split()) for page in pdf.pages)
    assert "Recommendations not accepted in full (2)" in text and "Not accepted" in text


def test_a_report_on_one_agencys_actions_leaves_the_decisions_out(decided, partnership, police):
    assert build_report(partnership, Scope(agency=police.name), timezone.localdate()).decisions == []
