"""A recommendation tracked without actions has its own row in the workbook, with a stable ID
(R-7), and its progress, status and RAG given back on that row are recorded on it, with history."""

import io

import pytest
from openpyxl import load_workbook

from actionplan.plans.editing import record_recommendation_progress
from actionplan.plans.models import Recommendation
from actionplan.plans.status import DeliveryStatus as S
from actionplan.reports.export_columns import EXPORT_SHEET, ID, PROGRESS, RAG, REASON, REVISED_DUE, STATUS
from factories import RecommendationFactory

from .workbooks import edit, export, give_back

pytestmark = pytest.mark.django_db


@pytest.fixture
def own(action, alice):
    """A learning point of the same plan with no actions, tracked on itself (as Dudley's plan)."""
    rec = RecommendationFactory(plan=action.recommendation.plan, ref="2.", text="Escalate concerns early.")
    record_recommendation_progress(
        rec, alice, "Policy drafted.", status=S.IN_PROGRESS, rag="amber", on=rec.plan.created_at.date()
    )
    return rec


def rows_by_id(content: bytes) -> dict[str, dict[str, object]]:
    book = load_workbook(io.BytesIO(content))
    sheet = next(s for s in book.worksheets if s.title not in {EXPORT_SHEET, "About"})
    headings = [c.value for c in sheet[1]]
    return {r[0]: dict(zip(headings, r, strict=True)) for r in sheet.iter_rows(min_row=2, values_only=True)}


def test_the_recommendation_has_a_row_with_a_stable_id(own, action, partnership):
    rows = rows_by_id(export(partnership))
    assert set(rows) == {f"A-{action.pk}", f"R-{own.pk}"}
    row = rows[f"R-{own.pk}"]
    assert (row[STATUS], row[RAG], row[PROGRESS], row["Action"]) == (
        "In progress",
        "Amber",
        "Policy drafted.",
        None,
    )
    assert rows_by_id(export(partnership))[f"R-{own.pk}"][ID] == f"R-{own.pk}"  # the same next time


def test_progress_status_and_rag_given_back_are_recorded_on_the_recommendation(
    own, action, partnership, tmp_path
):
    content = edit(export(partnership), {
        f"R-{own.pk}": {PROGRESS: "Policy agreed by the board.", STATUS: "Implemented", RAG: "Blue"},
    })  # fmt: skip
    out = give_back(tmp_path, content, "alice")
    assert out.splitlines()[0] == "applied 1, unchanged 1, conflicts 0, refused 0"
    assert f"applied: R-{own.pk}" in out and "status In progress → Implemented; RAG Blue" in out
    own.refresh_from_db()
    assert (own.status, own.rag, own.progress) == (S.IMPLEMENTED, "blue", "Policy agreed by the board.")
    newest = own.history.first()
    assert (newest.status, newest.history_user.username) == (S.IMPLEMENTED, "alice")
    versions = own.history.count()

    again = give_back(tmp_path, content, "alice")
    assert again.splitlines()[0] == "applied 0, unchanged 2, conflicts 0, refused 0"
    assert own.history.count() == versions


def test_progress_alone_keeps_the_recommendations_rag(own, partnership, tmp_path):
    give_back(tmp_path, edit(export(partnership), {f"R-{own.pk}": {PROGRESS: "Audit booked."}}), "alice")
    own.refresh_from_db()
    assert (own.status, own.rag, own.progress) == (S.IN_PROGRESS, "amber", "Audit booked.")


def test_an_agency_lead_may_not_update_a_recommendation_and_nothing_changes(own, bob, partnership, tmp_path):
    out = give_back(tmp_path, edit(export(partnership), {f"R-{own.pk}": {PROGRESS: "Ours now."}}), "bob")
    assert "refused 1" in out.splitlines()[0]
    assert f"refused: R-{own.pk}" in out and "bob may not update recommendations" in out
    assert Recommendation.objects.get(pk=own.pk).progress == "Policy drafted."


def test_a_recommendation_changed_since_the_export_is_a_conflict(own, alice, partnership, tmp_path):
    content = export(partnership)
    record_recommendation_progress(
        own, alice, "Done another way.", status=S.IMPLEMENTED, on=own.plan.created_at.date()
    )
    out = give_back(
        tmp_path, edit(content, {f"R-{own.pk}": {STATUS: "Not achieved", REASON: "No budget"}}), "alice"
    )
    assert "conflicts 1" in out.splitlines()[0] and "now Implemented" in out
    own.refresh_from_db()
    assert own.status == S.IMPLEMENTED


@pytest.mark.parametrize("damage,message", [
    ({RAG: "Purple"}, "row 3: unknown RAG 'Purple'"),
    ({STATUS: "Finished-ish"}, "row 3: unknown status 'Finished-ish'"),
])  # fmt: skip
def test_a_bad_recommendation_row_refuses_the_whole_file(own, action, partnership, tmp_path, damage, message):
    from django.core.management.base import CommandError

    content = edit(export(partnership), {f"R-{own.pk}": damage, action.pk: {PROGRESS: "A good edit."}})
    with pytest.raises(CommandError, match=f"returned.xlsx: sheet '.*' {message}"):
        give_back(tmp_path, content, "alice")
    assert action.updates.count() == 0


def test_a_revised_due_date_on_a_recommendation_is_refused(own, partnership, tmp_path):
    from datetime import date

    out = give_back(
        tmp_path, edit(export(partnership), {f"R-{own.pk}": {REVISED_DUE: date(2027, 1, 31)}}), "alice"
    )
    assert "refused 1" in out.splitlines()[0] and "no due date to revise" in out
