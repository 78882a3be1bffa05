"""Word plans read as a person reads them: merged cells and header markup."""

from __future__ import annotations

import pytest

from actionplan.importing import PlanDraft, parse_bytes

from . import word_documents


@pytest.fixture(scope="module")
def draft() -> PlanDraft:
    return parse_bytes(word_documents.merged_plan(), "adult-m.docx")


def test_header_markup_is_no_part_of_the_header(draft):
    assert (draft.plan.board, draft.plan.reviews) == (
        "Exampleshire Safeguarding Adults Board", ["Adult M"])
    assert [i.ref for i in draft.items] == ["1", "2", "3"]
    # The underlined, bold "Comments" is a column we have no field for: kept under its words.
    assert [[(n.column, n.text) for n in item.notes] for item in draft.items] == [
        [], [], [("Comments", "Agreed at the May board")]]


def test_a_cell_merged_down_applies_to_each_row_it_spans(draft):
    first = draft.items[0]
    assert first.recommendation == "Agencies should share records."
    assert [(a.text, a.owners, a.due.date, a.measure, a.progress) for a in first.actions] == [
        ("Write a protocol", ["Police"], "2024-03-31", "Protocol signed", "Drafted"),
        ("Train staff on the protocol", ["Police"], "2024-03-31", "Staff trained", "Booked"),
        ("Audit its use", ["Police"], "2024-03-31", "Audit report", "Not started"),
    ]
    assert draft.warnings == []


def test_a_cell_merged_across_columns_is_read_once(draft):
    second = draft.items[1]
    assert second.recommendation == "Schools should refer earlier."
    (action,) = second.actions
    assert (action.text, action.owners, action.due.text) == (
        "Train designated leads", ["Education"], "Summer 2024")
    assert action.measure == "Attendance at training and referral rates"
    assert action.progress is None
    third = draft.items[2]
    assert [(a.text, a.owners, a.due.date) for a in third.actions] == [
        ("Add a carer flag", ["ICB"], "2024-09-30")]


def test_two_header_rows_read_as_one():
    draft = parse_bytes(word_documents.two_header_rows(), "two.docx")
    assert [(i.ref, i.recommendation, [(a.text, a.owners, a.due.date) for a in i.actions],
             i.notes) for i in draft.items] == [
        ("1", "Share records.", [("Write a protocol", ["Police"], "2024-03-31")], []),
        ("2", "Refer earlier.", [("Train leads", ["Education"], "2024-06-30")], [])]


def test_rows_and_cells_in_content_controls_are_read_in_place():
    draft = parse_bytes(word_documents.rows_in_content_controls(), "sam.docx")
    assert [(i.ref, i.recommendation,
             [(a.text, a.owners, a.due and a.due.text, a.rag) for a in i.actions])
            for i in draft.items] == [
        ("1", "Share records.", [("Write a protocol", ["Police"], "31/03/2025", "green"),
                                 ("Audit the protocol", ["Police"], "30/06/2025", "amber")]),
        ("2", "Refer earlier.", [("Train leads", ["Education"], "31/12/2025", "red")]),
        ("3", "Flag carers.", [("Add a carer flag", ["ICB"], "Ongoing", None)])]
    assert draft.warnings == []
