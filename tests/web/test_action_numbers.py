"""The numbers a document gives its actions ("Action no.", "1a" under recommendation 1) are
stored and shown where the board looks for them: the plan, the action, the lists and the
reports. The tracker is written here."""

from __future__ import annotations

import csv
import io
import re
from datetime import date

import openpyxl
import pytest
from scenes import text_of

from actionplan.importing import parse_bytes
from actionplan.plans.models import Action
from actionplan.plans.store import store_draft
from actionplan.reports import Scope, build_report, render

pytestmark = pytest.mark.django_db


def tracker() -> bytes:
    """Recommendations numbered in one column, their actions in another ("A1", "A2"); the
    second recommendation's action has no number."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Riverton SCP: Child S tracker"])
    sheet.append(["Rec no", "Recommendation", "Action no.", "Action", "Lead", "Due"])
    sheet.append(["1", "Share records.", "A1", "Write a protocol", "Riverton Police", "31/03/2026"])
    sheet.append([None, None, "A2", "Train the staff", "Riverton Police", "30/06/2026"])
    sheet.append(["2", "Refer earlier.", None, "Brief the schools", "Riverton Police", "30/06/2026"])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


@pytest.fixture
def stored(partnership, police):
    return store_draft(parse_bytes(tracker(), "child-s.xlsx").to_dict(), partnership).plan


def words(response) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", text_of(response)).split())


def test_the_numbers_are_stored_with_the_actions(stored):
    assert list(Action.objects.filter(recommendation__plan=stored).values_list("ref", "text")) == [
        ("A1", "Write a protocol"), ("A2", "Train the staff"), ("", "Brief the schools")]


def test_the_plan_page_lists_and_action_page_show_the_numbers(client, alice, stored):
    client.force_login(alice)
    plan = words(client.get(f"/plans/{stored.pk}/"))
    assert "A1 Write a protocol" in plan and "A2 Train the staff" in plan
    assert "A2 Train the staff" in words(client.get("/actions/"))
    second = Action.objects.get(ref="A2")
    page = words(client.get(f"/actions/{second.pk}/"))
    assert "numbered A2 in the plan" in page
    unnumbered = words(client.get(f"/actions/{Action.objects.get(ref='').pk}/"))
    assert "numbered" not in unnumbered


def test_the_reports_show_the_numbers(partnership, stored):
    report = build_report(partnership, Scope(plan_id=stored.pk), date.today())
    rows = list(csv.DictReader(io.StringIO(render(report, "csv").content.decode("utf-8-sig"))))
    assert [(r["Action no."], r["Action"]) for r in rows] == [
        ("A1", "Write a protocol"), ("A2", "Train the staff"), ("", "Brief the schools")]
    printed = render(report, "html").content.decode()
    assert "A1 Write a protocol" in printed and "A2 Train the staff" in printed
