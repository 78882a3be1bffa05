"""How rows group into recommendations and actions, in layouts unlike the seeds: each plan
is a CSV written here, read as an upload is, and its draft checked field by field."""

from __future__ import annotations

import csv
import io

import docx

from actionplan.importing import PlanDraft, parse_bytes


def csv_plan(rows: list[list[str]], name: str = "plan.csv") -> PlanDraft:
    out = io.StringIO()
    csv.writer(out).writerows(rows)
    return parse_bytes(out.getvalue().encode("utf-8"), name)


def test_a_recommendation_repeated_on_each_action_row_is_one_recommendation():
    rec = "Agencies should share information about missed health appointments."
    draft = csv_plan([
        ["Ref", "Recommendation", "Action", "Lead agency", "Target date"],
        ["R1", rec, "Add missed appointments to the referral form", "Eastshire ICB", "June 2025"],
        ["R1", rec, "Audit twenty referrals", "Eastshire Council", "September 2025"],
        ["R1", rec, "Report the audit to the board", "Board manager", "December 2025"],
        ["R2", "Practitioners should record fathers' details.", "Update the recording guidance",
         "Children's Services", "March 2026"],
    ])
    assert [item.ref for item in draft.items] == ["R1", "R2"]
    first = draft.items[0]
    assert first.recommendation == rec
    assert [a.text for a in first.actions] == [
        "Add missed appointments to the referral form", "Audit twenty referrals",
        "Report the audit to the board"]
    assert [a.owners for a in first.actions] == [
        ["Eastshire ICB"], ["Eastshire Council"], ["Board manager"]]
    assert [a.due.date for a in first.actions] == ["2025-06-30", "2025-09-30", "2025-12-31"]
    assert [a.line for a in first.actions] == [2, 3, 4]
    assert [a.text for a in draft.items[1].actions] == ["Update the recording guidance"]


def test_the_same_words_under_another_ref_are_another_recommendation():
    draft = csv_plan([
        ["Ref", "Recommendation", "Action", "Lead"],
        ["1", "Review the policy.", "Draft it", "Police"],
        ["2", "Review the policy.", "Consult on it", "Council"],
    ])
    assert [(item.ref, item.recommendation) for item in draft.items] == [
        ("1", "Review the policy."), ("2", "Review the policy.")]


def test_a_theme_column_gives_sections():
    draft = csv_plan([
        ["Theme", "Recommendation", "Action", "Owner", "Due"],
        ["Escalation", "Staff should escalate.", "Train staff", "Council", "Q1 2025/26"],
        ["Escalation", "Managers should check.", "Audit supervision", "Police", "Q2 2025/26"],
        ["Think family", "Ask about fathers.", "Change the form", "ICB", "Q3 2025/26"],
    ])
    assert [s.name for s in draft.sections] == ["Escalation", "Think family"]
    assert [item.section for item in draft.items] == ["Escalation", "Escalation", "Think family"]
    assert [item.recommendation for item in draft.items] == [
        "Staff should escalate.", "Managers should check.", "Ask about fathers."]
    assert all("Theme" not in [n.column for n in item.notes] for item in draft.items)


def test_full_width_recommendation_rows_head_their_lettered_actions():
    draft = csv_plan([
        ["Ref", "Action", "Lead", "Target date"],
        ["Recommendation 1: The partnership should review how neglect is recognised.", "", "",
         ""],
        ["1a", "Refresh the neglect toolkit", "Board manager", "April 2025"],
        ["1b", "Train designated leads", "Education lead", "July 2025"],
        ["Recommendation 2: Agencies should escalate disagreements.", "", "", ""],
        ["2a", "Publish the escalation protocol", "Board manager", "May 2025"],
    ])
    assert [(item.ref, item.recommendation) for item in draft.items] == [
        ("1", "The partnership should review how neglect is recognised."),
        ("2", "Agencies should escalate disagreements.")]
    first = draft.items[0]
    assert [(a.ref, a.text, a.owners) for a in first.actions] == [
        ("1a", "Refresh the neglect toolkit", ["Board manager"]),
        ("1b", "Train designated leads", ["Education lead"])]
    assert [(a.ref, a.text) for a in draft.items[1].actions] == [
        ("2a", "Publish the escalation protocol")]
    assert draft.items[0].line == 2


def test_numbering_schemes_keep_their_refs():
    draft = csv_plan([
        ["Rec ref", "Recommendation", "Action ref", "Action", "Owner"],
        ["R1", "Improve supervision.", "A1.1", "Set a supervision standard", "Council"],
        ["", "", "A1.2", "Audit against it", "Council"],
        ["R2", "Improve records.", "A2.1", "Record the child's voice", "Police"],
    ])
    assert [item.ref for item in draft.items] == ["R1", "R2"]
    assert [(a.ref, a.text) for a in draft.items[0].actions] == [
        ("A1.1", "Set a supervision standard"), ("A1.2", "Audit against it")]
    dotted = csv_plan([
        ["Ref", "Recommendation", "Action", "Owner"],
        ["1", "Improve supervision.", "Set a standard", "Council"],
        ["1.1", "", "Audit against it", "Council"],
        ["1.2", "", "Report to the board", "Council"],
    ])
    assert len(dotted.items) == 1
    assert [(a.ref, a.text) for a in dotted.items[0].actions] == [
        (None, "Set a standard"), ("1.1", "Audit against it"), ("1.2", "Report to the board")]


def test_actions_numbered_in_their_own_cell_keep_the_number_as_their_ref():
    draft = csv_plan([
        ["Recommendation", "Action", "Owner"],
        ["Improve supervision.", "1a Set a supervision standard", "Council"],
        ["", "1b Audit against it", "Council"],
    ])
    assert [(a.ref, a.text) for a in draft.items[0].actions] == [
        ("1a", "Set a supervision standard"), ("1b", "Audit against it")]
    dotted = csv_plan([
        ["Recommendation", "Action", "Owner"],
        ["Improve supervision.", "2.1 Set a supervision standard", "Council"],
        ["", "2.1.1. Audit against it", "Council"],
        ["", "2.5 hours of supervision a month for each worker", "Council"],
    ])
    # A number of levels before a capital is a ref; before a word in lower case, the action's.
    assert [(a.ref, a.text) for a in dotted.items[0].actions] == [
        ("2.1", "Set a supervision standard"), ("2.1.1", "Audit against it"),
        (None, "2.5 hours of supervision a month for each worker")]


def test_totals_and_notes_under_the_table_are_notes_not_actions():
    draft = csv_plan([
        ["Ref", "Recommendation", "Action", "Owner", "Due"],
        ["1", "Share information.", "Write the protocol", "Council", "June 2025"],
        ["Total", "", "1 action", "", ""],
        ["Note: dates agreed at the March board.", "", "", "", ""],
    ])
    assert len(draft.items) == 1
    assert [a.text for a in draft.items[0].actions] == ["Write the protocol"]
    assert "Total 1 action" in draft.plan.notes
    assert "Note: dates agreed at the March board." in draft.plan.notes


def test_in_word_a_merged_full_width_row_heads_its_lettered_actions():
    document = docx.Document()
    document.add_paragraph("Westshire Safeguarding Adults Board")
    table = document.add_table(rows=5, cols=4)
    rows = [["Ref", "Action", "Lead", "Target date"], None,
            ["1a", "Refresh the self-neglect guidance", "Board manager", "Spring term 2026"],
            ["1b", "Audit five cases", "Head of Safeguarding, Westshire ICB", "Q4 2025/26"],
            ["Total", "2 actions", "", ""]]
    for row, values in zip(table.rows, rows, strict=True):
        for cell, value in zip(row.cells, values or [], strict=False):
            cell.text = value
    merged = table.rows[1].cells[0].merge(table.rows[1].cells[-1])
    merged.text = "Recommendation 1: Self-neglect should be recognised sooner."
    out = io.BytesIO()
    document.save(out)
    draft = parse_bytes(out.getvalue(), "sar.docx")
    (item,) = draft.items
    assert (item.ref, item.recommendation) == ("1", "Self-neglect should be recognised sooner.")
    assert [(a.ref, a.text, a.owners, a.due.date) for a in item.actions] == [
        ("1a", "Refresh the self-neglect guidance", ["Board manager"], "2026-04-05"),
        ("1b", "Audit five cases", ["Head of Safeguarding, Westshire ICB"], "2026-03-31")]
    assert "Total 2 actions" in draft.plan.notes


def test_a_recommendation_numbered_in_its_own_text_keeps_the_number_as_its_ref():
    draft = csv_plan([
        ["Recommendation", "Action", "Owner"],
        ["R1: Improve supervision.", "Set a standard", "Council"],
        ["1.2 Improve records.", "Record the child's voice", "Police"],
    ])
    assert [(item.ref, item.recommendation) for item in draft.items] == [
        ("R1", "Improve supervision."), ("1.2", "Improve records.")]


def test_action_refs_extend_the_number_a_recommendation_opens_with():
    draft = csv_plan([
        ["Ref", "Recommendation", "Action", "Owner"],
        ["", "3. Improve supervision.", "Set a standard", "Council"],
        ["3a", "", "Audit against it", "Council"],
        ["4", "Improve records.", "Record the child's voice", "Police"],
    ])
    assert [(item.ref, item.recommendation) for item in draft.items] == [
        ("3", "Improve supervision."), ("4", "Improve records.")]
    assert [(a.ref, a.text) for a in draft.items[0].actions] == [
        (None, "Set a standard"), ("3a", "Audit against it")]


def test_a_ref_and_a_recommendation_saying_every_are_no_owner_and_due_pushed_left():
    # "every missed visit" reads as a recurring due: the row is still the recommendation's.
    draft = csv_plan([
        ["Ref", "Recommendation", "Action", "Lead", "Due"],
        ["1", "Care providers should report every missed visit.", "", "", ""],
        ["", "", "Add missed visits to the contract return", "Commissioning", "July 2026"],
    ])
    assert [(item.ref, item.recommendation) for item in draft.items] == [
        ("1", "Care providers should report every missed visit.")]
    assert [(a.text, a.owners) for a in draft.items[0].actions] == [
        ("Add missed visits to the contract return", ["Commissioning"])]
    typed = parse_bytes("\n".join([
        "Safeguarding Adults Review 'Mrs K'",
        "1. Care providers should report every missed visit.",
        "1.1 Add missed visits to the contract return (Commissioning, July 2026)",
        "2. Hospitals should check the care package before discharge.",
        "2.1 Add the package to the discharge checklist (Acute Trust, 30/09/2026)",
    ]).encode(), "mrs-k.txt")
    assert [(item.ref, item.recommendation) for item in typed.items][0] == (
        "1", "Care providers should report every missed visit.")
