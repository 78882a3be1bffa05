"""Plans laid out as forms and as numbered paragraphs (unseen_forms.py): each read as a
person reading it would type it; each rule on two layouts."""

from __future__ import annotations

import io

import docx
import pytest

from actionplan.importing import ImportFailure, PlanDraft, parse_bytes, read_columns

from . import unseen_forms
from .test_nothing_lost import words
from .test_unseen_layouts import HEADER_WORDS, haystack, source_text

DOCUMENTS = {
    "child-k.docx": unseen_forms.transposed_table,
    "mr-h.docx": unseen_forms.form_tables,
    "mrs-f.docx": unseen_forms.numbered_paragraphs,
    "ellen.txt": unseen_forms.numbered_text,
}


@pytest.fixture(scope="module")
def drafts() -> dict[str, PlanDraft]:
    return {name: parse_bytes(write(), name) for name, write in DOCUMENTS.items()}


def actions(draft: PlanDraft) -> list[tuple[str | None, str, list[str], str | None]]:
    """(item ref, action text, owners, due as written) of every action, in order."""
    return [(item.ref, action.text, action.owners, action.due.text if action.due else None)
            for item in draft.items for action in item.actions]


def test_a_table_on_its_side_is_read_one_column_a_recommendation(drafts):
    draft = drafts["child-k.docx"]
    assert (draft.plan.board, draft.plan.reviews) == (
        "Westbrook Safeguarding Children Partnership", ["Child K"])
    assert [(i.ref, i.outcome, i.recommendation) for i in draft.items] == [
        ("1", "Bruising in a non-mobile baby was not referred.",
         "All agencies should follow the bruising protocol."),
        ("2", "The father was not seen by any agency.",
         "Practitioners should ask about every adult in the household."),
        ("3", "Records were not shared at transfer.",
         "Health records should move with the child between areas.")]
    assert actions(draft) == [
        ("1", "Re-launch the bruising protocol", ["Westbrook Partnership Business Unit"],
         "30/06/2027"),
        ("1", "Audit referrals of bruised babies", ["Health"], "30/09/2027"),
        ("2", "Add fathers to the health visiting contact template", ["Health Visiting"],
         "Summer 2027"),
        ("3", "Agree a transfer-in checklist with neighbouring areas",
         ["Westbrook NHS Foundation Trust"], "31/12/2027")]
    assert [a.rag for i in draft.items for a in i.actions] == ["green", "green", "amber",
                                                                "red"]
    assert draft.warnings == []


def test_one_field_and_value_table_a_recommendation(drafts):
    draft = drafts["mr-h.docx"]
    assert (draft.plan.board, draft.plan.reviews) == (
        "Lakeside Safeguarding Adults Board", ["Mr H"])
    assert [(i.ref, i.recommendation) for i in draft.items] == [
        ("1", "The board should seek assurance that self-neglect is recognised in people "
              "who refuse care."),
        ("2", "Housing and health should share concerns about hoarding.")]
    # "Action" given again in one form starts that recommendation's next action.
    assert actions(draft) == [
        ("1", "Publish self-neglect practice guidance", ["Adult Social Care"], "31/08/2027"),
        ("2", "Add hoarding to the housing referral form", ["Lakeside Homes"],
         "October 2027"),
        ("2", "Train district nurses on the clutter scale", ["Community Health Services"],
         "31/01/2028")]
    assert [(a.progress, a.rag) for i in draft.items for a in i.actions] == [
        ("Draft with the policy group.", "amber"), (None, None), ("Not started", None)]
    assert [(i.line, [a.line for a in i.actions]) for i in draft.items] == [
        (4, [5]), (10, [11, 14])]
    assert draft.warnings == []


def test_a_forms_labels_are_columns_a_person_can_map():
    data = unseen_forms.form_tables(lead="Named contact")
    assert ("Named contact", None) in [(c.header, c.role) for c in read_columns(
        data, "mr-h.docx")]
    mapped = parse_bytes(data, "mr-h.docx", columns={"Named contact": "owner"})
    assert [a.owners for i in mapped.items for a in i.actions] == [
        ["Adult Social Care"], ["Lakeside Homes"], ["Community Health Services"]]


def test_numbered_paragraphs_three_deep_with_owners_in_brackets(drafts):
    draft = drafts["mrs-f.docx"]
    assert (draft.plan.board, draft.plan.reviews) == (
        "Southgate Safeguarding Adults Board", ["Mrs F"])
    assert [(s.name, [i.ref for i in draft.items if i.section == s.name])
            for s in draft.sections] == [("Carers", ["1.1", "1.2"]),
                                         ("Hospital discharge", ["2.1"])]
    # A theme that names a hospital is no agency: its actions keep their own owners.
    assert [s.kind for s in draft.sections] == ["other", "other"]
    assert actions(draft) == [
        ("1.1", "Add carer stress to the adult safeguarding training", ["Adult Social Care"],
         "31/03/2028"),
        ("1.1", "Offer every carer of a person with dementia an assessment",
         ["Southgate Carers Centre"], "by December 2027"),
        ("1.2", "Flag carers on the GP record", ["Integrated Care Board"], "Q3 2027/28"),
        ("2.1", "Add a home check to the discharge checklist",
         ["Southgate Hospitals NHS Trust"], "Ongoing")]
    assert [a.ref for i in draft.items for a in i.actions] == ["1.1.1", "1.1.2", "1.2.1",
                                                                "2.1.1"]
    assert draft.plan.notes[-1] == "Approved by the board's executive group."


def test_numbered_lines_two_deep_in_a_text_file(drafts):
    draft = drafts["ellen.txt"]
    assert (draft.plan.board, draft.plan.reviews) == (
        "Harbour Community Safety Partnership", ["Ellen"])
    assert [(i.ref, i.recommendation) for i in draft.items] == [
        ("1", "Agencies should ask older women about domestic abuse."),
        ("2", "The police should check for previous incidents at every call-out.")]
    assert actions(draft) == [
        ("1", "Add older women to the domestic abuse training", ["Harbour Council"],
         "June 2027"),
        ("1", "Put the helpline in GP waiting rooms", ["Integrated Care Board"], None),
        ("2", "Brief response officers on the history check", ["Police"], "30/09/2027")]
    assert [a.line for i in draft.items for a in i.actions] == [5, 6, 9]


def test_brackets_that_name_no_owner_stay_the_actions_words():
    text = unseen_forms.numbered_text().replace(
        b"(Integrated Care Board)", b"(including pharmacies)")
    draft = parse_bytes(text, "ellen.txt")
    assert draft.items[0].actions[1].text == (
        "Put the helpline in GP waiting rooms (including pharmacies)")


def test_a_report_of_numbered_paragraphs_is_no_plan():
    report = (b"Exampleshire SAB annual report\n1. Introduction\n1.1 The board met four "
              b"times.\n1.2 It published two reviews.\n2. Finance\n2.1 Partners paid in.\n")
    with pytest.raises(ImportFailure) as refused:
        parse_bytes(report, "report.txt")
    assert str(refused.value) == "report.txt: line 1: no recognisable header row"


def test_a_version_box_beside_the_forms_is_kept_as_text():
    document = docx.Document(io.BytesIO(unseen_forms.form_tables()))
    box = document.add_table(rows=2, cols=2)
    for row, (label, value) in zip(box.rows, [("Version", "2"), ("Author", "J Smith")],
                                   strict=True):
        row.cells[0].text, row.cells[1].text = label, value
    buffer = io.BytesIO()
    document.save(buffer)
    draft = parse_bytes(buffer.getvalue(), "mr-h.docx")
    assert len([a for i in draft.items for a in i.actions]) == 3
    assert draft.plan.notes[-2:] == ["Version 2", "Author J Smith"]


@pytest.mark.parametrize("name", sorted(DOCUMENTS))
def test_every_word_written_is_in_the_draft(drafts, name):
    written = words(source_text(name, DOCUMENTS[name]()))
    kept = set(words(haystack(drafts[name])).split())
    assert sorted(set(written.split()) - kept - HEADER_WORDS - {"finding", "when"}) == []


def test_a_day_that_does_not_exist_in_brackets_is_warned_about_on_its_line():
    text = unseen_forms.numbered_text().replace(b"30/09/2027", b"31/09/2027")
    draft = parse_bytes(text, "ellen.txt")
    assert draft.items[1].actions[0].owners == ["Police"]
    assert [(w.line, w.message) for w in draft.warnings] == [
        (9, "due date not understood: '31/09/2027'")]


@pytest.mark.parametrize("header", [
    ("Ref", "Recommendation", "Action", "Lead", "Due", "RAG"),
    ("No.", "Recommendation", "Actions agreed", "Owner", "Deadline", "RAG rating")])
def test_a_word_rag_column_of_shaded_cells_is_read_from_its_colours(header):
    draft = parse_bytes(unseen_forms.shaded_rag(header), "plan.docx")
    assert [a.rag for i in draft.items for a in i.actions] == ["green", "amber", "red", None]
    assert [(w.line, w.message) for w in draft.warnings] == [
        (3, "RAG read from cell colour 00B050 as green (row 3)"),
        (4, "RAG read from cell colour FFC000 as amber (row 4)"),
        (5, "RAG read from cell colour FF0000 as red (row 5)"),
        (6, "RAG cell colour 7030A0 is no rating: left empty (row 6)")]


def test_forms_of_actions_under_recommendation_headings():
    document = docx.Document()
    document.add_paragraph("Kingsmead Safeguarding Adults Board")
    for heading, form in [
        ("Recommendation 1: Agencies should share risk at transfer of care.",
         [("Action", "Write a transfer protocol"), ("Lead", "Adult Social Care"),
          ("Due", "31/03/2027")]),
        ("Recommendation 2: GPs should review medication after a fall.",
         [("Action", "Add falls to the medication review"), ("Lead", "Health"),
          ("Due", "June 2027"), ("Action", "Audit the reviews"), ("Lead", "Health")])]:
        document.add_paragraph(heading)
        table = document.add_table(rows=len(form), cols=2)
        for row, (label, value) in zip(table.rows, form, strict=True):
            row.cells[0].text, row.cells[1].text = label, value
    buffer = io.BytesIO()
    document.save(buffer)
    draft = parse_bytes(buffer.getvalue(), "plan.docx")
    assert [(i.ref, i.recommendation) for i in draft.items] == [
        ("1", "Agencies should share risk at transfer of care."),
        ("2", "GPs should review medication after a fall.")]
    assert actions(draft) == [
        ("1", "Write a transfer protocol", ["Adult Social Care"], "31/03/2027"),
        ("2", "Add falls to the medication review", ["Health"], "June 2027"),
        ("2", "Audit the reviews", ["Health"], None)]
