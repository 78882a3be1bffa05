"""Cells of an imported tracker that begin as formulas do ("=SUM…", "+ add…", "@Board",
"-10%") are stored as the text they are and exported as text, never as formulas."""

import csv
import io

import pytest
from django.utils import timezone
from openpyxl import load_workbook

from actionplan.importing import parse_bytes
from actionplan.plans.models import Action
from actionplan.plans.store import store_draft
from actionplan.reports import Scope, build_report, render
from importing import kept_trackers

pytestmark = pytest.mark.django_db

TYPED = ("=SUM of repeat referrals reported monthly", "+ add them to the dashboard",
         "@Board should see the figures.")


@pytest.fixture
def report(partnership):
    draft = parse_bytes(kept_trackers.formula_like(), "counts.xlsx")
    plan = store_draft(draft.to_dict(), partnership).plan
    assert sorted(Action.objects.filter(recommendation__plan=plan).values_list(
        "text", flat=True)) == sorted(TYPED[:2])  # stored as typed
    return build_report(partnership, Scope(plan_id=plan.pk), timezone.localdate())


def test_the_workbook_holds_them_as_text(report):
    book = load_workbook(io.BytesIO(render(report, "xlsx").content))
    cells = [c for sheet in book.worksheets for row in sheet.iter_rows() for c in row if c.value]
    assert not [c.coordinate for c in cells if c.data_type == "f"]
    values = {str(c.value) for c in cells}
    assert {"'" + text for text in TYPED[:2]} <= values  # Excel shows them as typed


def test_the_csv_escapes_them(report):
    text = render(report, "csv").content.decode("utf-8-sig")
    cells = {cell for row in csv.reader(io.StringIO(text)) for cell in row}
    assert {"'" + text for text in TYPED[:2]} <= cells
    assert not [cell for cell in cells if cell.startswith(("=", "+", "@"))]
