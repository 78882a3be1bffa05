"""Excel trackers read as a person sees them: colours, hidden parts, sheets, merged headers."""

from __future__ import annotations

import pytest

from actionplan.importing import ImportFailure, parse_bytes, parse_plans_bytes
from actionplan.importing.draft import PlanDraft

from . import workbooks
from .writing import saved


def actions_of(draft: PlanDraft) -> list[tuple[object, ...]]:
    return [(item.ref, action.text, action.owners, action.due.date, action.due.precision,
             action.rag) for item in draft.items for action in item.actions]


def test_it_reads_a_rag_column_of_colours_and_says_so():
    draft = parse_bytes(workbooks.coloured_rag(), "tracker.xlsx")
    # The title cell right above the header is the board, not a section.
    assert (draft.plan.board, draft.sections) == (
        "Exampleshire Safeguarding Children Partnership", [])
    assert actions_of(draft) == [
        ("1", "Write a protocol", ["Police"], "2024-03-31", "day", "red"),
        ("2", "Train designated leads", ["Education"], "2024-06-30", "day", "amber"),
        ("3", "Add a carer flag", ["ICB"], "2024-09-30", "day", "green"),
        ("4", "Routine enquiry", ["Housing"], "2023-12-01", "day", "blue"),
        ("5", "Annual audit", ["Board manager"], "2025-01-15", "day", "grey"),
    ]
    assert [(w.line, w.message) for w in draft.warnings] == [
        (3, "RAG read from cell colour FF0000 as red (row 3)"),
        (4, "RAG read from cell colour FFC000 as amber (row 4)"),
        (5, "RAG read from cell colour 00B050 as green (row 5)"),
        (6, "RAG read from cell colour 0070C0 as blue (row 6)"),
        (7, "RAG read from cell colour BFBFBF as grey (row 7)"),
        # Blue is complete, and the tracker gives no status.
        (6, "no status given: RAG 'Blue' means complete, so read as implemented (line 6); "
            "give a status where it is not"),
    ]
    assert [i.recommendation for i in draft.items][:2] == [
        "Agencies should share records.", "Schools should refer earlier."]


def test_it_leaves_out_hidden_columns_and_rows_unless_nothing_else_fills_the_role():
    draft = parse_bytes(workbooks.hidden_parts(), "tracker.xlsx")
    assert [(i.ref, i.recommendation) for i in draft.items] == [
        ("1", "Share records."), ("3", "Audit the protocol.")]
    first, third = draft.items
    assert (first.actions[0].due.date, first.actions[0].progress) == ("2024-03-31", "Drafted")
    assert (third.actions[0].due.date, third.actions[0].progress) == ("2024-06-30",
                                                                      "Not started")
    assert first.notes == [] and third.notes == []  # the old dates are not kept as notes
    assert [(w.line, w.message) for w in draft.warnings] == [
        (None, "hidden column 'Due (old)' left out"),
        (None, "hidden column 'Progress' read: no other column gives the progress"),
        (4, "hidden rows left out: 4"),
    ]


def test_it_reads_theme_colours_with_their_tints():
    draft = parse_bytes(workbooks.theme_coloured(), "tracker.xlsx")
    assert [i.actions[0].rag for i in draft.items] == ["amber", "red", "green", "blue", None]
    assert [(w.line, w.message) for w in draft.warnings] == [
        (2, "RAG read from cell colour F79646 as amber (row 2)"),
        (3, "RAG read from cell colour D99694 as red (row 3)"),
        (4, "RAG read from cell colour 77933C as green (row 4)"),
        (5, "RAG read from cell colour 4F81BD as blue (row 5)"),
        (6, "RAG cell colour 8064A2 is no rating: left empty (row 6)"),
        (5, "no status given: RAG 'Blue' means complete, so read as implemented (line 5); "
            "give a status where it is not"),
    ]


def test_each_colour_read_is_said_once_with_its_rows():
    draft = parse_bytes(workbooks.coloured_rag(rows=60), "tracker.xlsx")
    assert [i.actions[0].rag for i in draft.items] == ["red", "amber", "green", "blue",
                                                       "grey"] * 12
    assert [(w.line, w.message) for w in draft.warnings] == [
        (3 + n, f"RAG read from cell colour {rgb} as {rag} (rows "
                + ", ".join(str(row) for row in range(3 + n, 53, 5)) + " and 2 more)")
        for n, (rgb, rag) in enumerate([("FF0000", "red"), ("FFC000", "amber"),
                                        ("00B050", "green"), ("0070C0", "blue"),
                                        ("BFBFBF", "grey")])] + [
        (6, "no status given: RAG 'Blue' means complete, so read as implemented (lines "
            + ", ".join(str(row) for row in range(6, 53, 5)) + " and 2 more); give a status where it is not")]


def test_each_sheet_is_its_own_plan_and_a_key_is_none():
    drafts = parse_plans_bytes(workbooks.several_sheets(), "dhrs.xlsx")
    assert [d.source.sheet for d in drafts] == ["DHR Adam", "DHR Beth"]
    assert [d.plan.title for d in drafts] == ["dhrs (DHR Adam)", "dhrs (DHR Beth)"]
    assert [[i.ref for i in d.items] for d in drafts] == [["1", "2"], ["3"]]
    assert len({d.source.sha256 for d in drafts}) == 2  # each stored once, on its own
    assert [w.message for w in drafts[0].warnings[:2]] == [
        "sheet 'Old plan' is hidden: not imported",
        "sheet 'Key' holds no plan table: not imported"]
    assert not any("sheet" in w.message for w in drafts[1].warnings)


def test_the_one_plan_readers_refuse_a_workbook_of_several_plans():
    with pytest.raises(ImportFailure, match=r"holds 2 plans \(sheets 'DHR Adam', 'DHR Beth'\)"):
        parse_bytes(workbooks.several_sheets(), "dhrs.xlsx")


def test_a_lone_plan_sheet_keeps_the_file_identity():
    draft = parse_bytes(workbooks.coloured_rag(), "tracker.xlsx")
    assert draft.source.sheet == "Sheet"
    assert draft.plan.title == "tracker"


def test_two_header_rows_read_as_one_and_merged_cells_apply_to_each_row():
    draft = parse_bytes(workbooks.two_header_rows(), "adult-p.xlsx")
    assert draft.plan.board == "Exampleshire Safeguarding Adults Board"
    assert draft.plan.reviews == ["Adult P"]
    assert actions_of(draft) == [
        ("1", "Write a protocol", ["Police"], "2024-03-31", "day", "amber"),
        ("1", "Train staff on it", ["Police"], "2024-03-31", "day", "green"),
        ("2", "Train designated leads", ["Education"], "2024-06-30", "day", "red"),
    ]
    assert [i.recommendation for i in draft.items] == [
        "Agencies should share records.", "Schools should refer earlier."]
    assert all(i.notes == [] for i in draft.items)
    assert [(w.line, w.message) for w in draft.warnings] == [
        (2, "two header rows read as one: 'Delivery' over Lead, Due, RAG")]


def test_an_empty_workbook_is_refused_and_an_empty_sheet_is_said():
    with pytest.raises(ImportFailure, match=r"^empty.xlsx: no recognisable header row$"):
        parse_bytes(workbooks.with_empty_sheet(plan=False), "empty.xlsx")
    draft = parse_bytes(workbooks.with_empty_sheet(plan=True), "tracker.xlsx")
    assert [i.ref for i in draft.items] == ["1", "2", "3", "4", "5"]
    assert draft.warnings[0].message == "sheet 'Sheet2' is empty: not imported"


def test_a_title_cell_is_read_as_written_not_as_markup():
    title = "SAR 'Mrs B' & <Family> action plan"
    workbook = workbooks.openpyxl.Workbook()
    workbooks._plan_sheet(workbook.active, title, workbooks.COLOURED[:1])
    draft = parse_bytes(saved(workbook), "tracker.xlsx")
    assert draft.plan.title == title
