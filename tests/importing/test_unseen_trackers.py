"""Trackers in layouts the seeds and the first unseen layouts do not use (unseen_trackers.py):
each read as a person reading it would type it, and each rule they needed on a second
layout."""

from __future__ import annotations

import io

import docx
import openpyxl
import pytest

from actionplan.importing import PlanDraft, parse_bytes, parse_plans_bytes

from . import unseen_trackers
from .test_nothing_lost import words
from .test_unseen_layouts import HEADER_WORDS, haystack, source_text

DOCUMENTS = {
    "baby-j.md": unseen_trackers.markdown_plan,
    "mr-t.txt": unseen_trackers.grid_text,
    "tracker.csv": unseen_trackers.other_tracker_export,
    "mr-k.pdf": unseen_trackers.spanning_pdf,
}


@pytest.fixture(scope="module")
def drafts() -> dict[str, PlanDraft]:
    return {name: parse_bytes(write(), name) for name, write in DOCUMENTS.items()}


@pytest.fixture(scope="module")
def reviews() -> list[PlanDraft]:
    return parse_plans_bytes(unseen_trackers.reviews_workbook(), "greyford.xlsx")


def rows(draft: PlanDraft) -> list[tuple[str | None, str, list[str], str | None, str | None]]:
    """(item ref, action text, owners, due date, RAG) of every action, in order."""
    return [(item.ref, action.text, action.owners, action.due.date if action.due else None,
             action.rag) for item in draft.items for action in item.actions]


def test_a_markdown_plan_of_headings_and_pipe_tables(drafts):
    draft = drafts["baby-j.md"]
    assert (draft.plan.board, draft.plan.reviews) == (
        "Eastvale Safeguarding Children Partnership", ["Baby J"])
    assert [(s.name, [i.ref for i in draft.items if i.section == s.name])
            for s in draft.sections] == [("Safe sleep", ["1"]), ("Fathers", ["2"])]
    assert rows(draft) == [
        ("1", "Give the advice at the new-birth visit", ["Health Visiting"], "2027-05-31",
         "green"),
        ("1", "Add safe sleep to the midwives' discharge talk", ["Maternity Services"],
         "2027-06-30", "amber"),
        ("2", "Invite fathers to the antenatal contact | record when they attend",
         ["Midwifery"], "2027-11-30", "red")]
    assert [a.line for i in draft.items for a in i.actions] == [8, 9, 15]
    assert "Last updated 3 May 2027" in " ".join(draft.plan.notes)
    assert draft.warnings == []


def test_a_ruled_grid_in_a_text_file_joins_each_cells_wrapped_lines(drafts):
    draft = drafts["mr-t.txt"]
    assert (draft.plan.board, draft.plan.reviews) == (
        "Northfield Safeguarding Adults Board", ["Mr T"])
    assert [(i.ref, i.recommendation) for i in draft.items] == [
        ("1", "Agencies should use the pressure ulcer protocol."),
        ("2", "Care homes should report falls within a day.")]
    assert rows(draft) == [
        ("1", "Publish a pressure ulcer protocol", ["Adult Social Care"], "2027-03-31", None),
        ("2", "Remind care homes at the forum", ["Care Quality Team"], None, None)]
    assert [a.line for i in draft.items for a in i.actions] == [7, 10]


def test_a_tab_table_beside_pipes_in_prose_is_read_as_before():
    text = (b"Exampleshire SAB | SAR Adult Q\n\nRef\tRecommendation\tAction\tLead\n"
            b"1\tShare records.\tWrite the protocol\tPolice\n")
    draft = parse_bytes(text, "plan.txt")
    assert draft.plan.notes == ["Exampleshire SAB | SAR Adult Q"]
    assert rows(draft) == [("1", "Write the protocol", ["Police"], None, None)]


def test_a_pipe_tables_cells_are_text_not_markup():
    text = (b"| Ref | Recommendation | Action | Owner |\n|---|---|---|---|\n"
            b"| 1 | Reply to referrals in <5 days & <b>say so</b>. | Audit <5 day replies | Police |\n")
    draft = parse_bytes(text, "plan.md")
    assert draft.items[0].recommendation == "Reply to referrals in <5 days & <b>say so</b>."
    assert rows(draft) == [("1", "Audit <5 day replies", ["Police"], None, None)]


def test_another_trackers_column_names_and_a_brag_in_words_and_letters(drafts):
    draft = drafts["tracker.csv"]
    assert [(i.ref, i.outcome) for i in draft.items] == [
        ("L1", "Professionals did not hear the child's voice."),
        ("L2", "Neglect was seen as low level for too long."),
        ("L3", "Information about the step-father was not checked.")]
    assert [(a.progress, a.due.kind, a.rag, a.status.value if a.status else None)
            for i in draft.items for a in i.actions] == [
        ("Template changed", "date", "blue", "implemented"),  # Blue: complete
        ("Training booked", "date", "amber", None),
        (None, "immediate", "green", "in_progress")]


def test_a_recommendation_whose_actions_run_on_over_the_next_page(drafts):
    draft = drafts["mr-k.pdf"]
    first, second = draft.items
    assert first.recommendation == ("Agencies should share information about risk from "
                                    "fire when an adult smokes in bed and uses emollient "
                                    "creams.")
    assert len(first.actions) == 40 and {a.page for a in first.actions} == {1, 2}
    assert first.actions[-1].text == "Brief care agency 40 on fire risk from emollients"
    assert rows(draft)[-1] == ("2", "Add a warning label to dispensed emollients",
                               ["Integrated Care Board"], "2027-06-30", None)
    footers = [n for n in draft.plan.notes if n.startswith(unseen_trackers.FOOTER)]
    assert footers == [f"{unseen_trackers.FOOTER} - page 1"]  # once, not a row on each page


def test_a_workbook_of_reviews_behind_a_cover_sheet(reviews):
    child_a, child_b = reviews
    for draft in reviews:
        assert (draft.plan.board, draft.plan.date) == (
            "Greyford Safeguarding Children Partnership", "2027-07")  # from the cover
    assert (child_a.plan.reviews, child_b.plan.reviews) == (["Child A"], ["Child B"])
    assert rows(child_a) == [
        ("1", "Write a was-not-brought policy", ["Greyford Health"], "2027-03-31", "green"),
        ("1", "Audit missed appointments", ["Greyford Health"], "2027-09-30", "amber"),
        ("2", "Add attendance to the referral form", ["Education"], "2027-12-31", "red")]
    assert [(a.rag, a.status.text, a.status.value) for i in child_b.items
            for a in i.actions] == [("green", "On track", "in_progress"),
                                    ("blue", "Complete", "implemented"),
                                    ("red", "Off track", "slipped")]
    messages = [w.message for w in child_b.warnings]
    assert "hidden column 'Old RAG' left out" in messages
    assert ("a header over two rows read as one: Ref, Recommendation, Action, Lead agency, "
            "Old RAG, Target Date, RAG, Update") in messages
    assert "Total 3 actions" in child_a.plan.notes  # the totals row: kept, no action


def test_a_cover_sheet_after_the_plan_and_a_board_in_a_labelled_cell():
    workbook = openpyxl.Workbook()
    plan = workbook.active
    plan.title = "Plan"
    plan.append(["SAR Mr V - action plan"])
    plan.append(["Ref", "Recommendation", "Action", "Lead"])
    plan.append(["1", "Share records.", "Write the protocol", "Police"])
    about = workbook.create_sheet("About")
    about.append(["Board:", "Riverside Safeguarding Adults Board"])
    about.append(["Agreed:", "March 2027"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    draft = parse_bytes(buffer.getvalue(), "mr-v.xlsx")
    assert (draft.plan.board, draft.plan.date, draft.plan.reviews) == (
        "Riverside Safeguarding Adults Board", "2027-03", ["Mr V"])


def test_a_word_header_over_two_rows_is_one_header():
    document = docx.Document()
    document.add_paragraph("Eastshire Safeguarding Children Partnership")
    rows_ = [["Rec", "Action", "Lead", "Target"], ["no.", "", "agency", "date"],
             ["1", "Write the protocol", "Police", "June 2027"]]
    table = document.add_table(rows=3, cols=4)
    for row, texts in zip(table.rows, rows_, strict=True):
        for cell, text in zip(row.cells, texts, strict=True):
            cell.text = text
    buffer = io.BytesIO()
    document.save(buffer)
    draft = parse_bytes(buffer.getvalue(), "plan.docx")
    assert rows(draft) == [("1", "Write the protocol", ["Police"], "2027-06-30", None)]
    assert draft.warnings == []


@pytest.mark.parametrize("name", sorted(DOCUMENTS))
def test_every_word_written_is_in_the_draft(drafts, name):
    written = words(source_text(name, DOCUMENTS[name]()))
    kept = set(words(haystack(drafts[name])).split())
    headers = {"brag", "due", "owner", "when", "who"}
    # "A" in a BRAG column is kept as what it says: amber.
    assert sorted(set(written.split()) - kept - HEADER_WORDS - headers - {"a"}) == []


def test_every_word_of_each_sheet_is_in_its_draft(reviews):
    workbook = openpyxl.load_workbook(io.BytesIO(unseen_trackers.reviews_workbook()))
    for draft in reviews:
        sheet = workbook[draft.source.sheet]
        # The hidden column's old ratings are left out, as the warning says.
        written = words(" ".join(str(cell.value) for row in sheet.iter_rows() for cell in row
                                 if cell.value is not None and cell.column_letter != "E"))
        kept = set(words(haystack(draft)).split())
        assert sorted(set(written.split()) - kept - HEADER_WORDS) == []
