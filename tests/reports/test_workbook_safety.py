"""Names from documents never become formulas, and a workbook given back is checked before use."""

import io
import zipfile

import pytest
from django.utils import timezone
from openpyxl import load_workbook

from actionplan.reports import Scope, build_report, render
from actionplan.reports.export_columns import ABOUT_SHEET, EXPORT_SHEET
from actionplan.reports.returned import WorkbookError, read_workbook
from actionplan.reports.workbook_worker import MAX_UNPACKED_BYTES

pytestmark = pytest.mark.django_db


def test_a_plan_title_that_looks_like_a_formula_stays_text(action):
    plan = action.recommendation.plan
    plan.title = '=HYPERLINK("https://evil.example","Open")'
    plan.save()
    report = build_report(plan.partnership, Scope(plan_id=plan.pk), timezone.localdate())
    book = load_workbook(io.BytesIO(render(report, "xlsx").content))
    cells = [c for sheet in book.worksheets for row in sheet.iter_rows() for c in row if c.value]
    assert not [c.coordinate for c in cells if c.data_type == "f"]
    assert any("HYPERLINK" in str(c.value) for c in book[ABOUT_SHEET]["A"])


def test_a_tampered_version_is_refused_naming_the_row(action):
    content = render(
        build_report(action.recommendation.plan.partnership, Scope(), timezone.localdate()), "xlsx"
    )
    book = load_workbook(io.BytesIO(content.content))
    book[EXPORT_SHEET]["B3"] = "seven"
    out = io.BytesIO()
    book.save(out)
    with pytest.raises(WorkbookError, match="back.xlsx: sheet 'Exported' row 3: the version"):
        read_workbook(out.getvalue(), "back.xlsx")


def test_a_zip_bomb_is_refused_before_it_is_opened():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/huge.xml", b"0" * (MAX_UNPACKED_BYTES + 1))
    assert len(out.getvalue()) < 2**20  # small to upload
    with pytest.raises(WorkbookError, match="bomb.xlsx: unpacks to more than"):
        read_workbook(out.getvalue(), "bomb.xlsx")
