"""Seed 002: Nottinghamshire board workplan 2007/08, grouped by board function."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.seeds

FUNCTIONS = [
    "Ensure continued high standards in safeguarding arrangements across the County and "
    "partner agencies",
    "MONITORING AND EVALUATION FUNCTION", "COMMUNICATION & RAISING AWARENESS FUNCTION",
    "TRAINING", "PLANNING AND COMMISSIONING", "CHILD DEATHS", "Child Protection Register",
    "Rampton Hospital",
]


@pytest.fixture(scope="module")
def draft(parsed):
    return parsed("002")


def item(draft, ref):
    (found,) = [i for i in draft.items if i.ref == ref]
    return found


def test_it_reads_a_workplan_title_block(draft):
    assert draft.plan.kind == "workplan"
    assert draft.plan.title == "WORKPLAN 2007 / 2008"
    assert draft.plan.date == "2007-05"
    assert draft.plan.board == "Nottinghamshire Safeguarding Children Board"


def test_it_reads_underlined_headings_as_function_sections(draft):
    assert [(s.name, s.kind) for s in draft.sections] == [(f, "function") for f in FUNCTIONS]
    assert item(draft, "10").section == "MONITORING AND EVALUATION FUNCTION"
    assert item(draft, "10").outcome.startswith("Ensure all partners have in place")


def test_it_numbers_the_23_objectives(draft):
    assert [i.ref for i in draft.items] == [str(n) for n in range(1, 24)]
    assert item(draft, "2").outcome == (
        "Developing Policies & Procedures for Safeguarding & Promoting the Welfare of Children "
        "in Nottinghamshire")


def test_it_continues_objective_1_across_the_page(draft):
    actions = item(draft, "1").actions
    assert len(actions) == 9  # five bullets, then four after "1 (continued)"
    assert actions[5].text.startswith("Support the development of Children's LSP groups")
    assert actions[3].owners == ["NSCB", "Director of Children's Services"]


def test_it_keeps_a_filler_row_with_the_action_above(draft):
    last = item(draft, "1").actions[-1]
    assert last.text.startswith("Review the financial strategy of the LSCB")
    assert "08/09 Budget proposed. Paper to be presented to NSCB Executive Group." in last.measure
    assert "Sept '07." in last.due.text


def test_it_reads_workplan_timescales(draft):
    actions = item(draft, "1").actions
    assert (actions[0].due.text, actions[0].due.date) == ("March '08", "2008-03-31")
    assert actions[4].due.kind == "recurring"  # "Annual reports"
    assert item(draft, "3").actions[0].due.kind == "recurring"  # Quarterly statistics to NSCB
    assert item(draft, "2").actions[-1].due.date == "2007-10-31"  # "Oct 07 Oct07"


def test_it_pairs_annual_and_march_with_two_bullets(draft):
    actions = item(draft, "13").actions
    assert [a.text for a in actions] == [
        "NSCB represented on ISA steering group", "Progress reports to NSCB"]
    assert [(a.due.text, a.due.kind) for a in actions] == [
        ("Annual", "recurring"), ("March '08", "date")]


def test_it_reads_continued_rows_as_the_same_objective(draft):
    assert len(item(draft, "2").actions) == 7  # six bullets, one after "2. Continued"
    eight = item(draft, "8").actions
    assert len(eight) == 1
    assert "Briefings for key staff groups planned" in eight[0].measure


def test_it_reads_a_ditto_mark_as_the_owner_above(draft):
    actions = item(draft, "2").actions
    assert actions[1].owners == ["Nottinghamshire & Nottingham SCB Managers"]


def test_it_splits_square_bullets_into_actions(draft):
    actions = item(draft, "10").actions
    assert [a.text for a in actions] == [
        "Agency self-assessment against S11 responsibilities",
        "Review & revise (as appropriate) existing standards to ensure they reflect partner "
        "agencies section 11 responsibilities"]
