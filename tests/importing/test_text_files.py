"""CSV and tab-delimited text saved by Excel, read field by field."""

from __future__ import annotations

import pytest

from actionplan.importing import ImportFailure, parse_bytes

from . import text_documents

SAVED = [("cp1252", ",", "plan.csv"), ("cp1252", ";", "plan.csv"),
         ("utf-8-sig", "\t", "plan.tsv"), ("utf-8-sig", ";", "plan.csv"),
         ("cp1252", "\t", "plan.txt")]  # Excel's "Text (Tab delimited)"


@pytest.mark.parametrize(("encoding", "delimiter", "name"), SAVED)
def test_it_reads_what_excel_saves(encoding, delimiter, name):
    draft = parse_bytes(text_documents.excel_text(encoding, delimiter), name)
    assert draft.plan.title == text_documents.TITLE  # the line above the header, kept
    assert draft.plan.board == "Exampleshire Safeguarding Adults Board"
    assert draft.plan.reviews == ["Adult R"]
    assert draft.sections == []
    first, second = draft.items
    assert (first.ref, first.recommendation, first.line) == (
        "1", 'Staff should ask "who else lives here?" at every visit.', 5)
    assert [(a.text, a.owners, a.due.date) for a in first.actions] == [
        ("Add the question to the form", ["Adult Social Care"], "2024-03-31"),
        ("Train staff to ask it", ["Police"], "2024-06-30")]
    assert first.actions[0].progress == "Form changed; training booked, £2,000 agreed"
    assert (second.ref, second.recommendation, second.line) == (
        "2", "Carers' needs should be assessed.", 9)
    assert [(a.text, a.owners, a.due.kind) for a in second.actions] == [
        ("Offer every carer an assessment", ["Carers' Service"], "ongoing")]


def test_a_quote_never_closed_is_refused_naming_the_line():
    data = b'Ref,Recommendation,Action\n1,"Share records,Write a protocol\n' + b"x" * 200_000
    with pytest.raises(ImportFailure, match=r"^plan.csv: line 2: is not a readable CSV file"):
        parse_bytes(data, "plan.csv")


@pytest.mark.parametrize("name", ["plan.csv", "plan.xlsx", "plan.docx"])
def test_a_header_with_no_rows_under_it_is_refused_naming_its_line(name):
    header = ["Ref", "Recommendation", "Action", "Lead", "Due"]
    with pytest.raises(ImportFailure) as refused:
        parse_bytes(text_documents.header_only(name, header), name)
    assert str(refused.value) == f"{name}: line 2: has a table header but no rows under it"


def test_extracted_text_with_cell_html_is_not_taken_for_excel_text():
    text = ("Recommendation\tAction\tLead\n"
            "Share records.\t<ul><li>Write a protocol</li><li>Train staff</li></ul>\tPolice\n")
    draft = parse_bytes(text.encode(), "plan.txt")
    assert [a.text for a in draft.items[0].actions] == ["Write a protocol", "Train staff"]


def test_a_tracker_in_plain_words_is_read_column_by_column():
    """Headers in plain English ("What we will do", "Who", "When"), a month in brackets after
    the progress heading, semicolons, a cp1252 apostrophe and a line break inside a quoted
    cell: each action keeps its own text, owner, due and status."""
    data = (
        'Southshire Safeguarding Children Partnership\r\n'
        'Rapid review "Baby S" - action tracker\r\n\r\n'
        'Ref;Learning;What we will do;Who;When;Progress (Nov 24);Status\r\n'
        '1;Safe sleep advice is routine;"Update the guidance\r\nBrief fathers";'
        'Health visiting;Q3 24/25;Guidance drafted;On track\r\n'
        '2;Pre-birth work starts late;Audit referrals;Children’s Social Care;'
        'Spring term 2025;;Not started\r\n'
    ).encode("cp1252")
    draft = parse_bytes(data, "tracker.csv")
    assert (draft.plan.title, draft.plan.board, draft.plan.reviews) == (
        'Rapid review "Baby S" - action tracker',
        "Southshire Safeguarding Children Partnership", ["Baby S"])
    assert [(item.ref, item.outcome, [(a.text, a.owners, a.due.date, a.status.value, a.progress)
                                      for a in item.actions]) for item in draft.items] == [
        ("1", "Safe sleep advice is routine", [
            ("Update the guidance", ["Health visiting"], "2024-12-31", "in_progress",
             "Guidance drafted"),
            ("Brief fathers", ["Health visiting"], "2024-12-31", "in_progress",
             "Guidance drafted"),
        ]),
        ("2", "Pre-birth work starts late", [
            ("Audit referrals", ["Children’s Social Care"], "2025-04-20", "not_started", None),
        ]),
    ]
