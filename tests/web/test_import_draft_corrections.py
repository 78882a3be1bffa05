"""Putting an import in progress right in its preview: a column read wrongly, a warning checked
beside its row, the plan's title and kind, and corrections let go of when the columns change."""

from __future__ import annotations

import pytest
from import_uploads import COLUMNS, map_columns, upload
from scenes import text_of

from actionplan.plans import import_drafts
from actionplan.plans.models import Action, ImportDraft, Plan
from actionplan.web.import_pages import place_warnings

pytestmark = pytest.mark.django_db


def test_warnings_go_beside_the_row_they_are_about():
    plan = {"items": [{"line": 3}, {"line": 5}, {"line": None}, {"line": 9}],
            "warnings": [{"line": 1, "message": "title"}, {"line": 6, "message": "in the second"},
                         {"line": 9, "message": "in the last"}, {"line": None, "message": "overall"}]}
    general, by_item = place_warnings(plan)
    assert [w["message"] for w in general] == ["title", "overall"]
    assert {i: [w["message"] for w in ws] for i, ws in by_item.items()} == {
        1: ["in the second"], 3: ["in the last"]}


def test_a_column_read_wrongly_is_corrected_and_read_again(signed_in):
    plan = b"Child V action plan\nRecommendation,Action,Lead,Target date,Remarks\n" \
           b"1. Share early,Write the protocol,Riverton Police,31/03/2027,Agreed at the March board\n"
    url = upload(signed_in, "child-v.csv", plan)
    page = text_of(signed_in.get(url))
    assert "Change what a column holds" in page and "Not recognised" in page
    assert '<option value="notes" selected>' in page  # Remarks: kept as notes, as read
    map_columns(signed_in, url, {"Recommendation": "recommendation", "Action": "action", "Lead": "owner",
                                 "Target date": "due", "Remarks": "progress"})
    draft = ImportDraft.objects.get()
    assert import_drafts.read(draft).plans[0]["items"][0]["actions"][0]["progress"] == \
        "Agreed at the March board"
    signed_in.post(url, {"decision": "confirm"})
    action = Action.objects.get(text="Write the protocol")
    assert "Agreed at the March board" in action.updates.first().text


def test_a_column_not_recognised_is_said_so_without_how_sure(signed_in):
    plan = b"Child V action plan\nRecommendation,Action,Lead,Target date,Update due\n" \
           b"1. Share early,Write the protocol,Riverton Police,31/03/2027,May\n"
    page = text_of(signed_in.get(upload(signed_in, "child-v.csv", plan)))
    assert "Not recognised" in page  # "Update due": near a due date's words, kept as notes
    assert "Not recognised (" not in page and "Action (100% sure)" in page


def test_a_warning_is_shown_beside_its_row_and_marked_as_checked(signed_in):
    plan = (b"Child W plan\nRecommendation,Action,Lead,Target date\n"
            b"1. Share early,Write the protocol,Riverton Police,sometime soonish\n"
            b"2. Train,Run the course,Riverton Police,31/03/2027\n")
    url = upload(signed_in, "child-w.csv", plan)
    page = text_of(signed_in.get(url))
    row = page.split('id="row-0-0"')[1].split("</tr>")[0]
    assert "Line 3: due date not understood: 'sometime soonish'" in row
    assert "1 warning to check" in page and "1 things left to look at" not in page
    assert "1 thing left to look at" in page
    response = signed_in.post(f"{url}warning/", {"key": "warning:0:0", "checked": "yes", "back": "#row-0-0"})
    assert response.url.endswith("#row-0-0")
    page = text_of(signed_in.get(url))
    assert "Nothing left to look at" in page and "Checked" in page
    assert signed_in.post(f"{url}warning/", {"key": "warning:0:9", "checked": "yes"}).status_code == 404
    away = signed_in.post(f"{url}warning/", {"key": "warning:0:0", "back": "https://example.org/"})
    assert away.url == url


def test_the_plans_title_and_kind_are_corrected(signed_in):
    url = upload(signed_in)
    map_columns(signed_in, url)
    assert signed_in.post(f"{url}plans/0/", {"title": "Child T improvement plan", "kind": "nonsense"}
                          ).status_code == 404
    signed_in.post(f"{url}plans/0/", {"title": "Child T improvement plan", "kind": "improvement_plan"})
    assert "Child T improvement plan" in text_of(signed_in.get(url))
    signed_in.post(url, {"decision": "confirm"})
    plan = Plan.objects.get()
    assert (plan.title, plan.kind) == ("Child T improvement plan", "improvement_plan")


def test_new_columns_let_go_of_the_corrections_made_on_rows_they_move(signed_in):
    url = upload(signed_in)
    map_columns(signed_in, url)
    draft = ImportDraft.objects.get()
    import_drafts.correct(draft, {"0:0:0:text": "Run training", "section:Other": "3", "plan:0:title": "T"})
    map_columns(signed_in, url, {**COLUMNS, "Issue identified": "outcome"})
    draft.refresh_from_db()
    assert draft.edits == {"section:Other": "3", "plan:0:title": "T"}
    assert "check your corrections of rows" in text_of(signed_in.get(url))


def test_a_workbooks_columns_mapped_by_hand_keep_its_merged_and_coloured_cells(signed_in):
    from importing.test_excel_mapped_columns import MAPPED, workbook

    url = upload(signed_in, "log.xlsx", workbook())
    assert "no recognisable header row" in text_of(signed_in.get(url))
    map_columns(signed_in, url, MAPPED)
    page = text_of(signed_in.get(url))
    assert "RAG read from cell colour 00B050 as green" in page
    second = import_drafts.read(ImportDraft.objects.get()).plans[0]["items"][1]["actions"][0]
    assert (second["owners"], second["rag"]) == (["Eastshire Adult Social Care"], "green")

