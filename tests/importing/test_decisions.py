"""The board's decision on each recommendation read from its plan (ADR 85), and recommendations
numbered "1." without the word "Recommendation"."""

from __future__ import annotations

import io

import pytest
from docx import Document

from actionplan.importing import ImportFailure, parse_bytes
from actionplan.importing.decisions import read_decision
from actionplan.importing.draft import Decision, PlanDraft

from . import decided_plans


def _decisions(draft):
    return [(item.ref, item.decision.value if item.decision else None,
             item.decision.reason if item.decision else None) for item in draft.items]


@pytest.mark.parametrize(("text", "value", "reason"), [
    ("Accepted", "accepted", None),
    ("Yes.", "accepted", None),
    ("y", "accepted", None),
    ("Partially", "accepted_in_part", None),
    ("Accepted in part — the Fire Service will lead.", "accepted_in_part",
     "the Fire Service will lead."),
    ("Not accepted – the pathway is in place", "not_accepted", "the pathway is in place"),
    ("No - covered elsewhere", "not_accepted", "covered elsewhere"),
])
def test_a_decision_is_read_with_its_reason(text, value, reason):
    assert read_decision(text) == Decision(text, value, reason)


@pytest.mark.parametrize("text", [
    "Accepted subject to funding", "To be discussed", "N/A", "Not yet", "Noted", "Agreement pending"])
def test_a_wording_not_clearly_a_decision_is_none(text):
    assert read_decision(text) is None


def test_a_word_plan_of_prose_gives_each_recommendation_its_response():
    draft = parse_bytes(decided_plans.word_prose_responses(), "mrs-j.docx")
    assert _decisions(draft) == [
        ("1", "accepted_in_part", "the Fire Service will lead, not each agency."),
        ("2", "not_accepted", "an audit was completed in 2024."),
        ("3", "accepted", None),
        ("4", None, None),
    ]
    # The response is no part of the recommendation's words, nor of its action's.
    assert draft.items[0].recommendation == "Agencies should assess fire risk at every home visit."
    assert [a.text for a in draft.items[0].actions] == [
        "Add a fire risk question to the home visit checklist."]
    # A response not clearly a decision is kept, and said, not guessed at.
    kept = draft.items[3]
    assert [(n.column, n.text) for n in kept.notes] == [
        ("Board response", "Subject to the outcome of the provider review")]
    assert [w.message for w in draft.warnings if "Board response" in w.message] == [
        "Board response 'Subject to the outcome of the provider review' is not clearly "
        "accepted, accepted in part or not accepted: kept as a note, no decision read"]


def test_a_trackers_decision_column_is_read_once_per_recommendation():
    draft = parse_bytes(decided_plans.tracker_with_decision_column(), "child-l.xlsx")
    assert _decisions(draft) == [
        ("1", "accepted", None),
        ("2", "not_accepted", "weekly sharing already happens through the MASH"),
        ("3", "accepted_in_part", "virtual attendance only"),
        ("4", None, None),
    ]
    assert [len(item.actions) for item in draft.items] == [2, 1, 1, 1]
    assert draft.items[0].notes == []  # "Y" on both action rows: one decision, no note
    assert [(n.column, n.text) for n in draft.items[3].notes] == [
        ("Agreed (Y/N)", "TBC at the next board")]
    assert any("'TBC at the next board' is not clearly" in w.message and w.line == 8
               for w in draft.warnings)


def test_the_decision_goes_through_the_json_contract():
    draft = parse_bytes(decided_plans.tracker_with_decision_column(), "child-l.xlsx")
    data = draft.to_dict()
    assert data["items"][2]["decision"] == {
        "text": "Partially: virtual attendance only", "value": "accepted_in_part",
        "reason": "virtual attendance only"}
    assert data["items"][3]["decision"] is None
    assert PlanDraft.from_dict(data) == draft


def test_recommendations_numbered_without_the_word_are_read_as_headings():
    draft = parse_bytes(decided_plans.numbered_without_the_word(), "child-n.txt")
    assert [(item.ref, item.recommendation) for item in draft.items] == [
        ("1", "Partners should check who else lives in the household."),
        ("2", "Midwives should ask about previous children."),
    ]
    assert [(item.ref, a.text, a.owners, a.due.text if a.due else None)
            for item in draft.items for a in item.actions] == [
        ("1", "Add a household members question to the referral form.", ["CSC"], "June 2026"),
        ("1", "Brief front-door staff on the question.", ["CSC"], "July 2026"),
        ("2", "Add the question to the booking appointment.", ["Riverton Maternity"], "Q2 2026"),
    ]
    assert _decisions(draft)[0] == ("1", "accepted", None)


def test_a_numbered_list_of_actions_is_not_read_as_recommendations():
    with pytest.raises(ImportFailure, match="no recognisable header row"):
        parse_bytes(decided_plans.numbered_actions_alone(), "child-n.txt")


def test_numbered_lines_are_headings_only_when_each_has_actions_under_it():
    # A closing numbered paragraph with no bullets under it: the numbers are a report's.
    text = decided_plans.numbered_without_the_word() + b"\n\n3. Conclusion of the panel.\n"
    with pytest.raises(ImportFailure, match="no recognisable header row"):
        parse_bytes(text, "child-n.txt")


def _response_tracker(responses: list[str]) -> bytes:
    rows = ["Recommendation,Action,Lead,Response"] + [
        f"{n}. Partners should share concern {n},Write briefing {n},Police,{response}"
        for n, response in enumerate(responses, start=1)]
    return "\n".join(rows).encode("utf-8")


def test_a_response_column_of_decisions_is_read_as_the_decision():
    draft = parse_bytes(_response_tracker(["Accepted", "Not accepted: done already",
                                           "Under review"]), "tracker.csv")
    assert _decisions(draft) == [("1", "accepted", None), ("2", "not_accepted", "done already"),
                                 ("3", None, None)]
    assert [a.progress for item in draft.items for a in item.actions] == [None, None, None]


def test_a_response_column_of_narratives_stays_the_progress():
    responses = ["Training delivered in May", "Audit under way", "Accepted by all schools"]
    draft = parse_bytes(_response_tracker(responses), "tracker.csv")
    assert _decisions(draft) == [("1", None, None), ("2", None, None), ("3", None, None)]
    assert [a.progress for item in draft.items for a in item.actions] == responses
    assert not any("not clearly" in w.message for w in draft.warnings)
    # Mapped to the decision by a person, it is read so, each cell by the same rule.
    mapped = parse_bytes(_response_tracker(responses), "tracker.csv",
                         columns={"Response": "decision"})
    assert [item.decision for item in mapped.items] == [None, None, None]
    assert sum("not clearly" in w.message for w in mapped.warnings) == 3


def test_a_response_line_naming_no_decision_under_an_action_stays_its_progress():
    text = "\n".join([
        "Eastmere Community Safety Partnership", "",
        "Recommendation 1: Housing should ask about domestic abuse.",
        "Action: Add the question to the tenancy form.",
        "Lead agency: Eastmere Homes",
        "Response: Form drafted and shared with tenants' panel",
    ]).encode("utf-8")
    draft = parse_bytes(text, "rosa.txt")
    assert draft.items[0].decision is None
    assert draft.items[0].actions[0].progress == "Form drafted and shared with tenants' panel"


def test_a_decision_cell_of_several_paragraphs_is_one_decision_and_its_reason():
    text = (b"Recommendation,Action,Lead,Partnership response\n"
            b'1. Share concerns early,Write the protocol,Police,"Accepted in part.\n'
            b'The protocol will cover children only."\n')
    draft = parse_bytes(text, "tracker.csv")
    assert _decisions(draft) == [("1", "accepted_in_part", "The protocol will cover children only.")]


@pytest.mark.parametrize(("text", "reason"), [
    ("Accepted – in part", None),
    ("Agreed, in part", None),
    ("Yes - partially: the Fire Service will lead", "the Fire Service will lead"),
])
def test_an_acceptance_followed_by_in_part_is_accepted_in_part(text, reason):
    assert read_decision(text) == Decision(text, "accepted_in_part", reason)


@pytest.mark.parametrize("text", [
    "Accepted, but not in full", "No – accepted in part", "Accepted - partly funded",
    "Agreed; subject to funding", "Accepted in full – in part", "Not accepted, in part"])
def test_a_decision_qualified_or_followed_by_another_is_none(text):
    assert read_decision(text) is None


@pytest.mark.parametrize(("text", "value", "reason"), [
    ("Not accepted – no resources this year", "not_accepted", "no resources this year"),
    ("Accepted in part — but only for adults", "accepted_in_part", "but only for adults"),
])
def test_a_reason_opening_with_a_short_or_qualifying_word_stays_the_reason(text, value, reason):
    assert read_decision(text) == Decision(text, value, reason)


def test_a_word_table_of_qualified_responses_keeps_them_as_notes_and_says_so():
    document = Document()
    document.add_paragraph("Westbrook Safeguarding Children Partnership: LCSR 'Child P'")
    responses = ["Accepted – in part", "Agreed, in part", "Accepted, but not in full",
                 "No – accepted in part"]
    table = document.add_table(rows=1, cols=4)
    for cell, header in zip(table.rows[0].cells, ["Ref", "Recommendation", "Board response",
                                                  "Action by"], strict=True):
        cell.text = header
    for n, response in enumerate(responses, start=1):
        for cell, text in zip(table.add_row().cells, [
                str(n), f"Schools should record concern {n} the same day.", response,
                "Education Safeguarding Team"], strict=True):
            cell.text = text
    out = io.BytesIO()
    document.save(out)
    draft = parse_bytes(out.getvalue(), "child-p.docx")
    assert _decisions(draft) == [("1", "accepted_in_part", None), ("2", "accepted_in_part", None),
                                 ("3", None, None), ("4", None, None)]
    assert [[(n.column, n.text) for n in item.notes] for item in draft.items[2:]] == [
        [("Board response", "Accepted, but not in full")],
        [("Board response", "No – accepted in part")]]
    said = [w.message for w in draft.warnings if "not clearly" in w.message]
    assert said == [f"Board response {text!r} is not clearly accepted, accepted in part or not "
                    "accepted: kept as a note, no decision read" for text in responses[2:]]
