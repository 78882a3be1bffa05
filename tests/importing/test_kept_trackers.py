"""Trackers as boards keep them (kept_trackers.py), each read as the business manager would
type it in: every recommendation, action, owner, date and status; nothing dropped or made
up; a warning wherever the reading is inferred."""

from __future__ import annotations

import io

import openpyxl
import pytest

from actionplan.importing import PlanDraft, parse_bytes, parse_plans_bytes

from . import kept_trackers
from .test_nothing_lost import words
from .test_unseen_layouts import HEADER_WORDS, haystack

DOCUMENTS = {
    "mrs-e.xlsx": kept_trackers.title_block,
    "child-r.xlsx": kept_trackers.sheet_a_recommendation,
    "dhr-kim.xlsx": kept_trackers.monthly_updates,
    "mr-o.xlsx": kept_trackers.fill_only,
    "child-p.csv": kept_trackers.sharepoint_export,
    "baby-f.xlsx": kept_trackers.grouped_header,
    "child-d.xlsx": kept_trackers.filtered_tracker,
    "counts.xlsx": kept_trackers.formula_like,
}


@pytest.fixture(scope="module")
def drafts() -> dict[str, PlanDraft]:
    return {name: parse_bytes(write(), name) for name, write in DOCUMENTS.items()}


def rows(draft: PlanDraft) -> list[tuple[object, ...]]:
    """(item ref, action text, owners, due date, RAG, status value) of every action."""
    return [(item.ref, action.text, action.owners, action.due.date if action.due else None,
             action.rag, action.status.value if action.status else None)
            for item in draft.items for action in item.actions]


def messages(draft: PlanDraft) -> list[str]:
    return [warning.message for warning in draft.warnings]


def test_a_title_block_of_six_rows_and_a_totals_block_under_the_table(drafts):
    draft = drafts["mrs-e.xlsx"]
    assert (draft.plan.board, draft.plan.reviews, draft.plan.date) == (
        "Marshfield Safeguarding Adults Board", ["Mrs E"], "2027-04")  # "Date of report:"
    assert [(i.ref, i.recommendation[:30]) for i in draft.items] == [
        ("1", "Agencies should consider a car"), ("2", "Self-neglect referrals should ")]
    assert rows(draft) == [
        ("1", "Add a carer's assessment prompt to the hospital discharge checklist",
         ["Marshfield Hospitals Trust"], "2027-06-30", "amber", None),
        ("1", "Audit twenty discharges for the prompt", ["Marshfield Hospitals Trust"],
         "2027-12-31", "green", None),
        ("2", "Set up a monthly self-neglect panel", ["Adult Social Care"], "2027-09-30",
         "green", None)]
    # The version, the totals and the sign-off are the plan's notes, never an item.
    assert {"Version: v0.3 (draft for the SAR sub-group)", "Total actions 3",
            "Signed off by: Independent Chair"} <= set(draft.plan.notes)
    assert draft.warnings == []


def test_a_sheet_for_each_recommendation_behind_a_contents_sheet_is_one_plan():
    (draft,) = parse_plans_bytes(kept_trackers.sheet_a_recommendation(), "child-r.xlsx")
    assert (draft.plan.title, draft.plan.board, draft.plan.reviews, draft.plan.date) == (
        "Child Safeguarding Practice Review: Child R - action plan",
        "Kingsbridge Safeguarding Children Partnership", ["Child R"], "2027-03")
    assert (draft.source.sheet, [(i.ref, i.section) for i in draft.items]) == (
        None, [("1", "R1"), ("2", "R2")])  # each sheet its section: where its lines are
    assert draft.items[1].recommendation == (
        "practitioners should use the neglect toolkit before closing a case.")
    assert [(a.ref, a.text, a.owners, a.status.value) for i in draft.items
            for a in i.actions] == [
        ("1.1", "Invite a named GP to each strategy discussion", ["Kingsbridge ICB"],
         "in_progress"),
        ("1.2", "Audit attendance each quarter", ["Partnership Business Unit"], "not_started"),
        ("2.1", "Add the toolkit score to the case closure form", ["Children's Social Care"],
         "implemented")]
    assert messages(draft) == [
        "sheet 'Contents' holds no plan table: not imported",
        "sheets 'R1', 'R2' read as one plan: Child Safeguarding Practice Review: Child R - "
        "action plan"]
    assert "R2 Neglect" in draft.plan.notes  # the contents, row by row


def test_an_update_a_month_gives_the_latest_as_the_progress(drafts):
    draft = drafts["dhr-kim.xlsx"]
    assert [(a.text, a.progress) for i in draft.items for a in i.actions] == [
        ("Add economic abuse to the DASH training", "Piloted with two teams"),
        ("Publish a leaflet for older victims", "Designer booked"),
        ("Name a housing lead at MARAC", None)]
    assert [[(n.column, n.text) for n in i.notes] for i in draft.items] == [
        [("Apr", "Module scoped"), ("May", "Module drafted")], [], []]
    assert messages(draft) == [
        "updates by month (Apr, May, Jun, Jul): the latest given on each row read as its "
        "progress, the earlier ones kept as notes"]


def test_a_rag_only_in_the_cells_fill_is_read_by_the_key_beside_the_table(drafts):
    draft = drafts["mr-o.xlsx"]
    assert [(a.rag, a.status.text, a.status.value) for i in draft.items
            for a in i.actions] == [("red", "Off track", "slipped"),
                                    ("blue", "Complete", "implemented"),
                                    ("amber", "At risk", "slipped")]
    assert all(i.notes == [] for i in draft.items)  # the key is not read as the rows' notes
    assert messages(draft) == [
        "the sheet's key of colours: Off track (E06666), At risk (F6B26B), "
        "On track (93C47D), Complete (6FA8DC)",
        "RAG read from cell colour E06666 as 'Off track', by the sheet's key (row 3)",
        "RAG read from cell colour 6FA8DC as 'Complete', by the sheet's key (row 4)",
        "RAG read from cell colour F6B26B as 'At risk', by the sheet's key (row 5)"]


def test_a_sharepoint_list_export(drafts):
    draft = drafts["child-p.csv"]
    assert [(i.ref, i.recommendation) for i in draft.items] == [
        ("1", "GPs should be sent every multi-agency chronology."),
        ("2", "Missed health appointments should be followed up.")]
    assert rows(draft) == [
        ("1", "Share the chronology with the GP", ["Named GP for Safeguarding"],
         "2025-03-31", None, "in_progress"),
        # Midnight on 1 July in the UK, exported in UTC as the evening before.
        ("1", "Check the GP's record at every strategy meeting", ["Police"], "2025-07-01",
         None, "not_started"),
        ("2", 'Publish a 7-minute briefing on "Was Not Brought"',
         ["Partnership Business Unit"], "2025-04-30", None, "implemented")]
    first = draft.items[0].actions[0]
    assert (first.due.text, first.progress, first.line) == (
        "2025-03-31T00:00:00Z", "Template agreed.\nFirst chronologies sent in February.", 2)
    # The list's own columns are kept as notes, and no line is warned of.
    assert {n.column for n in draft.items[0].notes} == {"Modified", "Item Type", "Path"}
    assert draft.warnings == []


def test_a_header_of_two_rows_under_action_and_monitoring(drafts):
    draft = drafts["baby-f.xlsx"]
    assert rows(draft) == [
        ("1", "Add safe sleep to the 6-8 week check", ["0-19 Service"], "2027-08-31",
         "green", None),
        ("2", "Record who was present at each visit", ["Health Visiting"], "2027-11-30",
         "red", None)]
    assert draft.items[0].actions[0].progress == "Checklist updated"
    assert messages(draft) == ["two header rows read as one: 'Monitoring' over Update, RAG",
                               "two header rows read as one: 'Action' over What, Who, When"]


def test_rows_a_filter_hides_are_read_and_a_hidden_column_left_out(drafts):
    draft = drafts["child-d.xlsx"]
    assert [(ref, status) for ref, *_, status in rows(draft)] == [
        ("1", "implemented"), ("2", "in_progress"), ("3", "implemented"), ("4", "superseded")]
    assert messages(draft) == ["hidden column 'Phone' left out",
                               "rows the sheet's filter hides read: 3, 5, 6"]
    assert "01632" not in str(draft.to_dict())


def test_cells_that_read_like_formulas_are_kept_as_text(drafts):
    draft = drafts["counts.xlsx"]
    assert [(i.recommendation, a.text, a.owners, a.measure) for i in draft.items
            for a in i.actions] == [
        ("Agencies should count repeat referrals.", "=SUM of repeat referrals reported monthly",
         ["Front Door +44 1632 960123"], "-10% repeat referrals"),
        ("@Board should see the figures.", "+ add them to the dashboard", ["Business Unit"],
         "Dashboard live")]


@pytest.mark.parametrize("name", sorted(DOCUMENTS))
def test_every_word_written_is_in_the_draft(name):
    """Every word of every sheet (less headers, the hidden column, the month names) is in
    the draft, its warnings included (the key of colours is said there)."""
    data = DOCUMENTS[name]()
    (draft,) = parse_plans_bytes(data, name)
    kept = set(words(haystack(draft) + " " + " ".join(messages(draft))).split())
    headers = {"assigned", "by", "created", "due", "item", "key", "measure", "modified",
               "monitoring", "no", "notes", "path", "rec", "sheet", "title", "to", "type",
               "when", "who", "apr", "may", "jun", "jul"}
    assert sorted(set(words(_written(name, data)).split()) - kept - HEADER_WORDS
                  - headers) == []


def _written(name: str, data: bytes) -> str:
    if name.endswith(".csv"):
        return data.decode("utf-8-sig")
    book = openpyxl.load_workbook(io.BytesIO(data))
    return " ".join(cell.value for sheet in book.worksheets for row in sheet.iter_rows()
                    for cell in row if isinstance(cell.value, str)
                    and not sheet.column_dimensions[cell.column_letter].hidden)
