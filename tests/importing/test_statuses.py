"""Status words are delivery statuses, the board's wording kept; SMART and Home Office
domestic homicide review columns go to their roles. Each plan is written here."""

from __future__ import annotations

import csv
import io

import docx
import pytest

from actionplan.importing import PlanDraft, parse_bytes
from actionplan.importing.delivery import numbered_scale, read_status
from actionplan.importing.draft import Status

DHR_HEADER = ["Recommendation", "Scope of recommendation", "Action to take", "Lead agency",
              "Key milestones achieved in enacting recommendation", "Target date",
              "Date of completion and outcome"]


def csv_plan(rows: list[list[str]]) -> PlanDraft:
    out = io.StringIO()
    csv.writer(out).writerows(rows)
    return parse_bytes(out.getvalue().encode("utf-8"), "tracker.csv")


@pytest.mark.parametrize(("text", "value"), [
    ("Complete", "implemented"), ("Completed", "implemented"), ("Achieved", "implemented"),
    ("Action completed", "implemented"), ("Implemented", "implemented"),
    ("On track", "in_progress"), ("In progress", "in_progress"), ("Ongoing", "in_progress"),
    ("Not started", "not_started"), ("Overdue", "slipped"), ("Slipped", "slipped"),
    ("Paused", "slipped"), ("Not achieved", "not_achieved"), ("3 Slipped", "slipped"),
    ("Awaiting sign-off", None),
])
def test_status_words_are_delivery_statuses_with_the_wording_kept(text, value):
    assert read_status(text) == Status(text, value)


def test_a_completion_with_a_date_gives_the_completion_date():
    assert read_status("Completed 12/03/2024") == Status(
        "Completed 12/03/2024", "implemented", "2024-03-12")


def test_a_numbered_scale_reads_a_number_alone():
    scale = numbered_scale("Status (1 Achieved, 2 On track, 3 Slipped, 4 Not achieved)")
    assert scale == {"1": "implemented", "2": "in_progress", "3": "slipped",
                     "4": "not_achieved"}
    assert read_status("4", scale) == Status("4", "not_achieved")
    assert read_status("4") == Status("4", None)  # no scale: not guessed
    assert numbered_scale("Progress update (March)") == {}


def test_a_status_column_and_a_numbered_header_give_each_action_its_status():
    draft = csv_plan([
        ["Recommendation", "Action", "Owner", "Status (1 Achieved, 2 On track, 3 Slipped)"],
        ["Improve supervision.", "Set a standard", "Council", "1"],
        ["", "Audit against it", "Council", "3"],
        ["", "Report to the board", "Council", "Completed 01/02/2025"],
        ["", "Share the learning", "Council", "Awaiting sign-off"],
    ])
    actions = draft.items[0].actions
    assert [a.status for a in actions] == [
        Status("1", "implemented"), Status("3", "slipped"),
        Status("Completed 01/02/2025", "implemented", "2025-02-01"),
        Status("Awaiting sign-off", None)]
    assert all(a.rag is None for a in actions)
    assert draft.warnings == []


def test_status_words_in_a_rag_column_are_statuses_not_warnings():
    draft = csv_plan([
        ["Recommendation", "Action", "Owner", "RAG"],
        ["Improve supervision.", "Set a standard", "Council", "Not started"],
        ["", "Audit against it", "Council", "Red"],
    ])
    first, second = draft.items[0].actions
    assert (first.rag, first.status) == (None, Status("Not started", "not_started"))
    assert (second.rag, second.status) == ("red", None)
    assert draft.warnings == []


def test_a_rag_given_in_words_is_its_colour_and_its_status():
    draft = csv_plan([
        ["Recommendation", "Action", "Owner", "BRAG"],
        ["Improve supervision.", "Set a standard", "Council", "On track"],
        ["", "Audit against it", "Council", "Off track"],
        ["", "Report to the board", "Council", "At risk"],
        ["", "Publish the standard", "Council", "Complete"],
        ["", "Share the audit", "Council", "Amber - delayed by staffing"],
        ["", "Train staff", "Council", "Green"],
    ])
    assert [(a.rag, a.status) for a in draft.items[0].actions] == [
        ("green", Status("On track", "in_progress")), ("red", Status("Off track", "slipped")),
        ("amber", Status("At risk", "slipped")), ("blue", Status("Complete", "implemented")),
        ("amber", Status("Amber - delayed by staffing", "slipped")), ("green", None)]
    assert draft.warnings == []


def test_smart_columns_go_to_their_roles():
    draft = csv_plan([
        ["Recommendation", "Action", "Outcome", "Measure of success", "Evidence of completion",
         "Progress update (March)", "Lead"],
        ["Improve supervision.", "Set a standard", "Staff are supervised monthly",
         "90% supervised", "", "Standard drafted", "Council"],
        ["", "Audit against it", "", "", "Audit report", "", "Council"],
    ])
    item = draft.items[0]
    assert item.outcome == "Staff are supervised monthly"
    first, second = item.actions
    assert (first.measure, first.progress) == ("90% supervised", "Standard drafted")
    assert second.measure == "Audit report"
    assert item.notes == []


def home_office_dhr_plan() -> bytes:
    """The Home Office's domestic homicide review action plan template, filled in."""
    document = docx.Document()
    document.add_paragraph("Eastshire Community Safety Partnership")
    document.add_paragraph("Domestic Homicide Review into the death of Ann (2023)")
    document.add_paragraph("Action Plan")
    rows = [DHR_HEADER,
            ["1. Agencies should ask about domestic abuse at every contact.", "Local",
             "Add routine enquiry to the GP template", "Eastshire ICB",
             "Template changed in 40 practices", "Quarter 2, 2024-25",
             "Completed 30/09/2024: template live"],
            ["", "", "Audit routine enquiry", "Eastshire ICB", "Audit planned", "Q1 25/26",
             ""]]
    table = document.add_table(rows=len(rows), cols=len(DHR_HEADER))
    for row, values in zip(table.rows, rows, strict=True):
        for cell, value in zip(row.cells, values, strict=True):
            cell.text = value
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_the_home_office_dhr_layout_is_read_not_refused():
    draft = parse_bytes(home_office_dhr_plan(), "dhr-ann.docx")
    assert draft.plan.board == "Eastshire Community Safety Partnership"
    (item,) = draft.items
    assert (item.ref, item.recommendation) == (
        "1", "Agencies should ask about domestic abuse at every contact.")
    assert item.notes[0].column == "Scope of recommendation"
    assert item.notes[0].text == "Local"
    first, second = item.actions
    assert first.text == "Add routine enquiry to the GP template"
    assert first.owners == ["Eastshire ICB"]
    assert first.progress == "Template changed in 40 practices"
    assert (first.due.text, first.due.date, first.due.precision) == (
        "Quarter 2, 2024-25", "2024-09-30", "quarter")
    assert first.status == Status("Completed 30/09/2024: template live", "implemented",
                                  "2024-09-30")
    assert (second.due.date, second.status) == ("2025-06-30", None)


def test_a_recommendation_tracked_itself_gets_its_status_from_its_rag_column():
    draft = csv_plan([
        ["Recommendation", "Progress/Comment", "RAG Status"],
        ["Improve supervision.", "Standard in place", "Completed"],
        ["Improve records.", "Audit due", "Amber"],
        ["Share the learning.", "", "On track"],
    ])
    assert [(i.rag, i.status) for i in draft.items] == [
        ("blue", Status("Completed", "implemented")),
        ("amber", None),
        ("green", Status("On track", "in_progress"))]
    assert draft.warnings == []


def test_no_status_wording_is_dropped_when_several_columns_give_one():
    draft = csv_plan([
        ["Recommendation", "Action", "Owner", "Status", "Date completed", "RAG"],
        ["Improve supervision.", "Set a standard", "Council", "Complete", "12/03/2024",
         "On track"],
        ["", "Audit against it", "Council", "", "Completed May 2024", ""],
    ])
    first, second = draft.items[0].actions
    assert first.status == Status("Complete\n12/03/2024", "implemented", "2024-03-12")
    assert first.rag == "green"  # the RAG column's words, read as their colour
    assert draft.warnings == []
    assert second.status == Status("Completed May 2024", "implemented", "2024-05-31")


def test_blue_with_no_status_stated_is_implemented_and_warned_about():
    draft = csv_plan([
        ["Recommendation", "Action", "Owner", "BRAG"],
        ["Improve supervision.", "Set a standard", "Council", "Blue"],
        ["", "Audit against it", "Council", "B"],
        ["", "Train staff", "Council", "Green"],
        ["", "Report to the board", "Council", "Amber"],
    ])
    assert [(a.rag, a.status) for a in draft.items[0].actions] == [
        ("blue", Status("Blue", "implemented")), ("blue", Status("B", "implemented")),
        ("green", None), ("amber", None)]  # no other colour says what was done
    assert [(w.line, w.message) for w in draft.warnings] == [
        (2, "no status given: RAG 'Blue', 'B' means complete, so read as implemented "
            "(lines 2, 3); give a status where it is not")]


def test_a_stated_status_stands_beside_a_blue_rag():
    draft = csv_plan([
        ["Recommendation", "Action", "Owner", "Status", "RAG"],
        ["Improve supervision.", "Set a standard", "Council", "In progress", "Blue"],
    ])
    assert draft.items[0].actions[0].status == Status("In progress", "in_progress")
    assert draft.warnings == []


def test_c_among_rag_letters_is_complete():
    draft = csv_plan([
        ["Recommendation", "Action", "Owner", "RAG"],
        ["Improve supervision.", "Set a standard", "Council", "C"],
        ["", "Audit against it", "Council", "G"],
        ["", "Train staff", "Council", "A"],
    ])
    assert [(a.rag, a.status) for a in draft.items[0].actions] == [
        ("blue", Status("C", "implemented")), ("green", None), ("amber", None)]
    assert [w.message for w in draft.warnings] == [
        "no status given: RAG 'C' means complete, so read as implemented (line 2); give a "
        "status where it is not"]


def test_c_alone_or_among_words_is_not_guessed():
    draft = csv_plan([
        ["Recommendation", "Action", "Owner", "RAG"],
        ["Improve supervision.", "Set a standard", "Council", "C"],
        ["", "Audit against it", "Council", "On track"],
    ])
    assert [(a.rag, a.status) for a in draft.items[0].actions] == [
        (None, None), ("green", Status("On track", "in_progress"))]
    assert [w.message for w in draft.warnings] == ["RAG rating not understood: 'C'"]


def key_plan() -> bytes:
    """A Word plan whose key, under its table, gives "C" for complete."""
    document = docx.Document()
    document.add_paragraph("Westmoor Safeguarding Adults Board")
    document.add_paragraph("Safeguarding Adults Review: Mr P - action plan")
    rows = [["Recommendation", "Action", "Lead", "RAG"],
            ["1. Share risk of fire.", "Brief care agencies", "Fire Service", "C"],
            ["", "Add a warning to emollients", "ICB", "Amber - stock"]]
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    for row, values in zip(table.rows, rows, strict=True):
        for cell, value in zip(row.cells, values, strict=True):
            cell.text = value
    document.add_paragraph("Key: R = off track, A = at risk, G = on track, C = complete")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_c_is_complete_where_the_plans_key_says_so():
    draft = parse_bytes(key_plan(), "sar-mr-p.docx")
    first, second = draft.items[0].actions
    assert (first.rag, first.status) == ("blue", Status("C", "implemented"))
    assert (second.rag, second.status) == ("amber", None)
    assert len(draft.warnings) == 1
    assert draft.warnings[0].message.startswith("no status given: RAG 'C' means complete")


def test_a_recommendation_tracked_itself_and_rated_blue_is_implemented():
    draft = csv_plan([
        ["Recommendation", "Progress/Comment", "BRAG"],
        ["Improve supervision.", "Standard in place", "Blue"],
        ["Improve records.", "Audit due", "Green"],
    ])
    assert [(i.rag, i.status) for i in draft.items] == [
        ("blue", Status("Blue", "implemented")), ("green", None)]
    assert [(w.line, w.message) for w in draft.warnings] == [
        (2, "no status given: RAG 'Blue' means complete, so read as implemented (line 2); "
            "give a status where it is not")]
