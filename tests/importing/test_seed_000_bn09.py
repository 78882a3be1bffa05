"""Seed 000: Nottinghamshire SCR BN09 overview-report action plan (March 2010)."""

from __future__ import annotations

import pytest

from .helpers import find_item

pytestmark = pytest.mark.seeds


@pytest.fixture(scope="module")
def draft(parsed):
    return parsed("000")


def test_it_reads_the_title_block(draft):
    assert draft.plan.board == "Nottinghamshire Safeguarding Children Board"
    assert draft.plan.reviews == ["BN09"]
    assert draft.plan.date == "2010-03"
    assert draft.plan.kind == "review_action_plan"
    assert draft.source.format == "text"


def test_it_finds_six_recommendations_and_no_sections(draft):
    assert len(draft.items) == 6
    assert draft.sections == []


def test_it_pairs_three_bullets_with_the_owner_rows_below(draft):
    item = find_item(draft, "That the NSCB consider how better")
    assert [a.owners for a in item.actions] == [
        ["NSCB Disabled Children's Group"], ["NSCB Manager"], ["NSCB Training Coordinator"]]
    assert item.actions[2].text == (
        "NSCB training to be reviewed in light of findings of this review")
    assert item.actions[2].measure == "Report of review considered by the NSCB Training Subgroup."


def test_it_gives_a_shifted_owner_and_date_to_the_second_action(draft):
    item = find_item(draft, "That the Children's Trust Board (CTB)")
    second = item.actions[1]
    assert second.text == "Proposed way forward to be agreed by CTB"
    assert second.owners == ["NSCB Chair"]
    assert (second.due.text, second.due.date, second.due.precision) == (
        "June 2010", "2010-06-30", "month")
    assert item.actions[0].owners == ["NSCB Manager"]


def test_it_joins_a_recommendation_cut_by_a_page_break(draft):
    item = find_item(draft, "That the NSCB agree and implement")
    assert item.recommendation == (
        "That the NSCB agree and implement a policy statement and practice guidance as to the "
        "use of door locking as a way of managing the behaviour of children at home.")
    assert [a.owners[0] for a in item.actions] == ["Social Care", "NSCB Manager"]
    assert [a.due.text for a in item.actions] == ["May 2010", "July 2010"]


def test_it_pairs_owners_and_dates_split_by_double_spaces(draft):
    item = find_item(draft, "That the NSCB remind all agencies")
    assert [a.owners for a in item.actions] == [
        ["NSCB Manager and Training Coordinator"], ["All agencies"]]
    assert [a.due.date for a in item.actions] == ["2010-04-30", "2010-07-31"]


def test_it_keeps_a_listed_recommendation_and_its_continuation_as_one_text(draft):
    item = find_item(draft, "That the Chair of the NSCB bring")
    assert item.recommendation.endswith(
        "delivery of services to children with a disability, and specifically - issue guidance"
        " on acceptable ways of managing the behaviour of children with a disability at home")
    assert "<li>" not in item.recommendation
    assert len(item.actions) == 2
    assert all(a.owners == ["NSCB Chair"] for a in item.actions)


def test_it_keeps_two_dates_for_one_action_whole_and_warns(draft):
    item = find_item(draft, "That the NSCB and the Children's Trust work together")
    (action,) = item.actions
    assert action.due.text == "July 2010 July 2010"
    assert action.due.date == "2010-07-31"
    assert any(w.line == action.line and "due" in w.message for w in draft.warnings)


def test_it_keeps_the_outcome_of_each_recommendation(draft):
    item = find_item(draft, "That the NSCB agree and implement")
    assert item.outcome == (
        "Children not put at additional undue risk by the practice of 'door locking'")
