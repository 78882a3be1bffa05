"""Word, Excel, CSV and PDF plans written by the tests, with other boards' column names."""

from __future__ import annotations

import pytest

from actionplan.importing import PlanDraft, parse_bytes

from . import documents


def by_ref(draft: PlanDraft, ref: str):
    (found,) = [item for item in draft.items if item.ref == ref]
    return found


@pytest.fixture(scope="module")
def word() -> PlanDraft:
    return parse_bytes(documents.word_plan(), "adult-k.docx")


@pytest.fixture(scope="module")
def excel() -> PlanDraft:
    return parse_bytes(documents.excel_plan(), "tracker.xlsx", columns={"Milestones": "measure"})


def test_it_reads_a_word_plan_title_block(word):
    assert word.source.format == "docx"
    assert word.plan.board == "Exampleshire Safeguarding Adults Board"
    assert word.plan.reviews == ["Adult K"]
    assert word.plan.date == "2023-06"


def test_it_reads_word_list_paragraphs_as_actions(word):
    item = by_ref(word, "1.1")
    assert [a.text for a in item.actions] == ["Revise the escalation policy",
                                              "Brief all team managers"]
    assert all(a.owners == ["Head of Adult Social Care"] for a in item.actions)
    assert item.actions[0].due.date == "2023-09-30"
    assert item.actions[0].measure == "Escalation audit"
    assert (item.actions[0].rag, item.actions[0].progress) == ("amber", "Policy drafted")


def test_it_joins_a_row_carried_into_the_next_table(word):
    assert by_ref(word, "1.2").recommendation == (
        "Providers should share information at discharge with the GP.")


def test_it_reads_merged_cells_once(word):
    assert [(s.name, s.kind) for s in word.sections][0][0] == "Hospital discharge"
    item = by_ref(word, "2.1")
    assert item.section == "Hospital discharge"
    assert item.recommendation == "The trust should check discharge letters."
    assert [a.owners for a in item.actions] == [["Named Nurse"], ["Deputy Chief Nurse"]]
    assert item.actions[0].due.precision == "quarter"
    assert item.actions[0].due.date == "2023-12-31"


def test_it_reads_a_third_table_with_its_own_header(word):
    (item,) = [i for i in word.items if i.section == "Housing"]
    assert item.actions[0].owners == ["Housing Options Manager"]
    assert item.actions[0].due.date == "2024-03-31"


def test_it_reads_an_excel_tracker(excel):
    assert excel.source.format == "xlsx"
    assert excel.plan.kind == "improvement_plan"
    assert [s.name for s in excel.sections] == ["Neglect"]
    first = by_ref(excel, "1")
    assert first.outcome == "Neglect is recognised early"
    assert first.actions[0].due.date == "2024-01-31"  # a real Excel date
    assert first.actions[0].rag == "green"
    assert first.actions[0].progress == "Relaunched in January"


def test_it_keeps_unknown_columns_as_notes_and_obeys_user_mapping(excel):
    first = by_ref(excel, "1")
    assert [(n.column, n.text) for n in first.notes] == [("Comments", "Check with schools")]
    assert first.actions[0].measure == "Toolkit use audited\nToolkit launched"


def test_it_pairs_line_broken_excel_cells(excel):
    second = by_ref(excel, "2")
    assert [(a.text, a.owners, a.due.kind) for a in second.actions] == [
        ("Training for designated leads", ["Education"], "date"),
        ("Termly reminder", ["Schools forum"], "recurring")]
    assert second.outcome == "Neglect is recognised early"  # the blank cell under it


def test_it_keeps_milestones_as_a_note_without_the_mapping():
    draft = parse_bytes(documents.excel_plan(), "tracker.xlsx")
    assert ("Milestones", "Toolkit launched") in [(n.column, n.text) for n in draft.items[0].notes]


@pytest.mark.parametrize(("encoding", "delimiter"), [("cp1252", ";"), ("utf-8-sig", ",")])
def test_it_reads_csv_in_windows_and_utf8_with_bom(encoding, delimiter):
    draft = parse_bytes(documents.csv_plan(encoding, delimiter), "dhr.csv")
    first = by_ref(draft, "1")
    assert first.recommendation == "Agencies should ask about coercive control – every time."
    assert first.actions[0].owners == ["Domestic Abuse Lead"]
    assert first.actions[0].progress == "Costs £2,000 from budget"
    assert by_ref(draft, "2").actions[0].due.date == "2018-03-31"
    assert draft.plan.board == "Exampleshire Safeguarding Adults Board"


@pytest.mark.parametrize("ruled", [True, False], ids=["ruled", "unruled"])
def test_it_reads_pdf_tables(ruled):
    draft = parse_bytes(documents.pdf_plan(ruled), "plan.pdf")
    assert draft.plan.board == "Exampleshire Safeguarding Adults Board"
    assert [i.ref for i in draft.items] == ["1.1", "1.2"]
    first = by_ref(draft, "1.1")
    assert first.recommendation == "Share minutes within five days"
    assert first.actions[0].owners == ["Police"]
    assert first.actions[0].due.date == "2024-02-01"
    assert first.actions[0].progress == "Done for March"
    assert by_ref(draft, "1.2").actions[0].due.kind == "recurring"
    assert draft.items[0].page == 1
