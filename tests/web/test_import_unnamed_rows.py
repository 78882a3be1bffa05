"""A plan whose table has no column read as the recommendations: its rows are never stored as
recommendations with empty text. The preview stops on them, naming the line, until the person
maps the column that holds them or gives each row its recommendation."""

from __future__ import annotations

import io

import openpyxl
import pytest
from import_uploads import map_columns, upload
from scenes import text_of

from actionplan.plans.models import Plan, Recommendation

pytestmark = pytest.mark.django_db

ACTIONS_ONLY = "\n".join([
    "Child T action plan",
    "Concern,Action,Lead,Target date",
    "Professionals did not share concerns,Run training on information sharing,Riverton Police,31/03/2027",
    "Escalation was not used,Publish the escalation policy,Riverton Police,30/06/2027",
]).encode()


def actions_only_workbook() -> bytes:
    """Another layout of the same fault: a worksheet whose recommendations are in a column read
    as nothing, after the action's own."""
    book = openpyxl.Workbook()
    sheet = book.active
    for row in [["Actions to be taken", "Responsible agency", "Deadline", "Concern"],
                ["Run training on information sharing", "Riverton Police", "31/03/2027",
                 "Professionals did not share concerns"],
                ["Publish the escalation policy", "Riverton Police", "30/06/2027",
                 "Escalation was not used"]]:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


@pytest.mark.parametrize("name,content,line", [("child-t.csv", ACTIONS_ONLY, 3),
                                               ("child-t.xlsx", actions_only_workbook(), 2)])
def test_rows_naming_no_recommendation_stop_the_import_and_name_the_line(signed_in, name, content, line):
    url = upload(signed_in, name, content)
    page = text_of(signed_in.get(url))
    assert f"{name}: line {line}: no recommendation was read for this row's actions" in page
    assert "(1 more row like it)" in page and "nothing was stored" in page
    assert page.count("No recommendation</strong>") == 2
    assert "2 rows with no recommendation: map its column or correct the row" in page
    assert "Confirm and import" not in page
    assert '<details class="govuk-details" open>' in page  # the columns, to map the one holding them
    signed_in.post(url, {"decision": "confirm"})
    assert Plan.objects.count() == 0 and Recommendation.objects.count() == 0


def test_the_column_kept_as_notes_is_shown_beside_its_row(signed_in):
    page = text_of(signed_in.get(upload(signed_in, "child-t.csv", ACTIONS_ONLY)))
    assert "Note, Concern: Professionals did not share concerns" in page


def test_mapping_the_column_that_holds_them_lets_the_plan_be_stored(signed_in):
    url = upload(signed_in, "child-t.csv", ACTIONS_ONLY)
    map_columns(signed_in, url, {"Concern": "recommendation", "Action": "action", "Lead": "owner",
                                 "Target date": "due"})
    page = text_of(signed_in.get(url))
    assert "No recommendation</strong>" not in page and "Confirm and import" in page
    signed_in.post(url, {"decision": "confirm"})
    assert sorted(Recommendation.objects.values_list("text", flat=True)) == [
        "Escalation was not used", "Professionals did not share concerns"]


def test_a_row_given_its_recommendation_by_hand_is_stored_with_it(signed_in):
    url = upload(signed_in, "child-t.xlsx", actions_only_workbook())
    for item, text in enumerate(["Share concerns early", "Use the escalation policy"]):
        signed_in.post(f"{url}rows/0/{item}/", {f"0:{item}:-:recommendation": text})
    page = text_of(signed_in.get(url))
    assert "No recommendation</strong>" not in page and "Confirm and import" in page
    signed_in.post(url, {"decision": "confirm"})
    assert sorted(Recommendation.objects.values_list("text", flat=True)) == [
        "Share concerns early", "Use the escalation policy"]


TRACKER = "\n".join([
    "Child T action tracker",
    "Action,Lead agency,Due,Status,Update",
    "Run training on information sharing,Riverton Police,31/03/2027,In progress,Two sessions held",
    "Publish the escalation policy,Riverton Police,30/06/2027,Not started,",
]).encode()


def test_a_tracker_of_actions_alone_is_stored_saying_how_its_rows_were_named(signed_in):
    """Every column read as an action's field: each action is tracked under a recommendation of
    its own words, and the preview says so before anything is stored."""
    url = upload(signed_in, "tracker.csv", TRACKER)
    page = text_of(signed_in.get(url))
    assert ("no column of recommendations: each of the 2 actions tracked under a recommendation "
            "of its own words (lines 3, 4)") in page
    assert "No recommendation</strong>" not in page and "Confirm and import" in page
    signed_in.post(url, {"decision": "confirm"})
    assert sorted(Recommendation.objects.values_list("text", "actions__text")) == [
        ("Publish the escalation policy", "Publish the escalation policy"),
        ("Run training on information sharing", "Run training on information sharing")]
