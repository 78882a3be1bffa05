"""A plan of actions alone (actions_alone.py): a tracker with no recommendation, outcome or
reference column. Numbered actions are grouped under the number they share; others are each
tracked under a recommendation of their own words; a warning says which, on which rows. Each
rule on two layouts."""

from __future__ import annotations

import io

import docx
import openpyxl

from actionplan.importing import PlanDraft, parse_bytes


def workbook(rows: list[list[str]]) -> bytes:
    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def word_table(rows: list[list[str]]) -> bytes:
    document = docx.Document()
    document.add_paragraph("Eastfield Safeguarding Adults Board: SAR Ms B action tracker")
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    for table_row, texts in zip(table.rows, rows, strict=True):
        for cell, text in zip(table_row.cells, texts, strict=True):
            cell.text = text
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def named(draft: PlanDraft) -> list[tuple[str | None, str | None, list[tuple[str | None, str]]]]:
    return [(item.ref, item.recommendation, [(a.ref, a.text) for a in item.actions])
            for item in draft.items]


def alone_warnings(draft: PlanDraft) -> list[tuple[int | None, str]]:
    return [(w.line, w.message) for w in draft.warnings
            if w.message.startswith("no column of recommendations")]


def test_a_tracker_of_unnumbered_actions_tracks_each_under_its_own_words():
    draft = parse_bytes(workbook([
        ["Action", "Lead agency", "Due", "Status", "Update"],
        ["Run training on information sharing", "Riverton Police", "31/03/2027", "In progress",
         "Two sessions held"],
        ["Publish the escalation policy", "Riverton Council", "30/06/2027", "Not started", ""],
    ]), "child-t.xlsx")
    assert named(draft) == [
        (None, "Run training on information sharing",
         [(None, "Run training on information sharing")]),
        (None, "Publish the escalation policy", [(None, "Publish the escalation policy")])]
    action = draft.items[0].actions[0]
    assert (action.owners, action.progress, action.status.value if action.status else None) == (
        ["Riverton Police"], "Two sessions held", "in_progress")
    assert alone_warnings(draft) == [(2, (
        "no column of recommendations: each of the 2 actions tracked under a recommendation of "
        "its own words (lines 2, 3); map the column that holds the recommendations, or correct "
        "each row"))]


def test_the_same_rule_reads_a_csv_export_of_one_action():
    draft = parse_bytes(b"What will we do,Who,By when\n"
                        b"Add hoarding to the referral form,Lakeside Homes,October 2027\n",
                        "export.csv")
    assert named(draft) == [(None, "Add hoarding to the referral form",
                             [(None, "Add hoarding to the referral form")])]
    assert [line for line, _ in alone_warnings(draft)] == [2]
    assert "the 1 action tracked under a recommendation of its own words (line 2)" in (
        alone_warnings(draft)[0][1])


def test_numbered_actions_are_grouped_under_the_number_they_share():
    draft = parse_bytes(word_table([
        ["Action ref", "Action", "Lead", "Due", "RAG"],
        ["1.1", "Add self-neglect to the training offer", "Adult Social Care", "31/03/2028",
         "Green"],
        ["1.2", "Audit ten self-neglect referrals", "Adult Social Care", "June 2028", "Amber"],
        ["2.1", "Agree a hoarding protocol with housing", "Eastfield Homes", "30/09/2027", "Red"],
    ]), "ms-b.docx")
    assert named(draft) == [
        ("1", None, [("1.1", "Add self-neglect to the training offer"),
                     ("1.2", "Audit ten self-neglect referrals")]),
        ("2", None, [("2.1", "Agree a hoarding protocol with housing")])]
    assert [a.rag for item in draft.items for a in item.actions] == ["green", "amber", "red"]
    assert alone_warnings(draft) == [(3, (  # the title is line 1, the header line 2
        "no column of recommendations: the actions are grouped by their numbers under "
        "recommendations 1, 2, named by the number alone (lines 3, 5); map the column that "
        "holds the recommendations, or correct each row"))]


def test_numbers_typed_at_the_start_of_the_actions_group_them_too():
    draft = parse_bytes(b"Action,Lead agency,Due\n"
                        b"1.1 Run training on information sharing,Riverton Police,31/03/2027\n"
                        b"1.2 Audit referrals,Riverton Police,31/05/2027\n"
                        b"2.1 Publish the escalation policy,Riverton Council,30/06/2027\n",
                        "numbered.csv")
    assert named(draft) == [
        ("1", None, [("1.1", "Run training on information sharing"),
                     ("1.2", "Audit referrals")]),
        ("2", None, [("2.1", "Publish the escalation policy")])]


def test_a_column_read_as_nothing_may_hold_the_recommendations_so_nothing_is_named():
    draft = parse_bytes(b"Concern,Action,Lead,Target date\n"
                        b"Escalation was not used,Publish the escalation policy,Police,"
                        b"30/06/2027\n", "concern.csv")
    assert named(draft) == [(None, None, [(None, "Publish the escalation policy")])]
    assert alone_warnings(draft) == []
