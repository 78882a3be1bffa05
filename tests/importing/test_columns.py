"""Header roles: which header means "owner", "due"… in each board's wording."""

from __future__ import annotations

import pytest

from actionplan.importing.header import read_header, role_of


@pytest.mark.parametrize(("header", "role"), [
    ("Reccomendation", "recommendation"), ("Timescle", "due"), ("Person responsible", "owner"),
    ("Target completion date", "due"), ("Progress/Comment", "progress"), ("RAG rating", "rag"),
    ("NSCB Manager", None), ("April 2010", None),
    ("Theme", "section"), ("Priority", "section"), ("Area for improvement", "outcome"),
    ("Status", "status"), ("RAG Status", "rag"), ("Action ref", "action_ref"),
    ("Action to take", "action"), ("Evidence of completion", "measure"),
    ("Key milestones achieved in enacting recommendation", "progress"),
    ("Date of completion and outcome", "completed"), ("Scope of recommendation", "scope"),
])
def test_role_of_reads_other_boards_headers_and_typos(header, role):
    assert role_of(header) == role


def test_a_row_of_owner_and_date_is_no_header_but_a_header_with_one_unknown_column_is():
    assert read_header(["NSCB Manager", "April 2010", "", "", ""]) is None
    layout = read_header(["Ref", "Recommendation", "Lead agency", "Comments", "Target date"])
    assert layout is not None
    assert layout.roles == ("ref", "recommendation", "owner", None, "due")


def test_header_cells_are_read_on_their_text_and_words_outside_brackets():
    layout = read_header(["<p><b>Recommendation</b></p>", "Action", "Status (1 Achieved, 2 "
                          "On track, 3 Slipped, 4 Not achieved)", "Measure of success",
                          "Evidence of completion"])
    assert layout is not None
    assert layout.roles == ("recommendation", "action", "status", "measure", "measure")
    assert layout.headers[0] == "Recommendation"
