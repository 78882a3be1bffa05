"""When no header is recognised, the refusal carries the best reading of each column, so
that a person can be asked to map them; mapped, the same file reads."""

from __future__ import annotations

import pytest

from actionplan.importing import ImportFailure, parse_bytes, read_columns
from actionplan.importing.errors import ColumnReading

PLAN = (b"Eastshire Safeguarding Adults Board\n\n"
        b"No.\tPlanned work\tWho\tWhen by\tComments\n"
        b"1\tWrite the protocol\tCouncil\tJune 2025\tAgreed in May\n")


def test_an_unrecognised_header_fails_with_a_reading_of_each_column():
    with pytest.raises(ImportFailure) as failure:
        parse_bytes(PLAN, "plan.txt")
    assert str(failure.value) == "plan.txt: line 3: no recognisable header row"
    assert failure.value.columns == (
        ColumnReading("No.", "ref", 1.0),
        ColumnReading("Planned work", "action", 0.5),
        ColumnReading("Who", "owner", 1.0),
        ColumnReading("When by", "due", 1.0),
        ColumnReading("Comments", None, 0.0),
    )


def test_the_columns_mapped_by_hand_read_the_same_file():
    draft = parse_bytes(PLAN, "plan.txt", columns={"Planned work": "action"})
    (item,) = draft.items
    assert item.ref == "1"
    (action,) = item.actions
    assert (action.text, action.owners, action.due.date) == (
        "Write the protocol", ["Council"], "2025-06-30")
    assert [(n.column, n.text) for n in item.notes] == [("Comments", "Agreed in May")]


def test_a_file_with_no_table_fails_with_no_readings():
    with pytest.raises(ImportFailure) as failure:
        parse_bytes(b"Just a letter about the review.\nNothing tabular.\n", "letter.txt")
    assert failure.value.columns == ()


def test_a_recognised_header_tells_how_each_column_was_read():
    plan = (b"Recommendation\tAction\tLead agency\tLead officer\tRemarks\n"
            b"1. Share\tWrite it\tPolice\tDCI\tSoon\n")
    assert read_columns(plan, "plan.txt") == (
        ColumnReading("Recommendation", "recommendation", 1.0),
        ColumnReading("Action", "action", 1.0),
        ColumnReading("Lead agency", "owner", 1.0),
        ColumnReading("Lead officer", "owner_role", 1.0),
        ColumnReading("Remarks", None, 0.0),
    )
    mapped = read_columns(plan, "plan.txt", columns={"Remarks": "progress"})
    assert mapped[-1] == ColumnReading("Remarks", "progress", 0.0)
    draft = parse_bytes(plan, "plan.txt", columns={"Remarks": "progress"})
    assert draft.items[0].actions[0].progress == "Soon"
    assert read_columns(PLAN, "plan.txt") == ()  # no header recognised: the refusal says why
