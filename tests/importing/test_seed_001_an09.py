"""Seed 001: Nottinghamshire SCR AN09, individual management reviews grouped by agency."""

from __future__ import annotations

import pytest

from .helpers import find_item

pytestmark = pytest.mark.seeds

AGENCIES = [
    "Broxtowe Borough Council", "Framework Housing Association",
    "Nottingham University Hospitals NHS Trust",
    "Nottinghamshire Children and Young People's Services",
    "Nottinghamshire HealthCare NHS Trust", "NHS Nottinghamshire County",
    "CitiHealth NHS Nottingham", "Sherwood Forest Hospitals NHS Foundation Trust",
    "Barnardo's Reach Out Leaving /After Care Service",
    "Derbyshire Children and Younger Adults", "Derbyshire Police",
]


@pytest.fixture(scope="module")
def draft(parsed):
    return parsed("001")


def test_it_reads_the_title_block(draft):
    assert draft.plan.reviews == ["AN09"]
    assert draft.plan.date == "2009-11"
    assert draft.plan.board == "Nottinghamshire Safeguarding Children Board"


def test_it_finds_agencies_from_rows_and_from_bare_lines(draft):
    assert [(s.name, s.kind) for s in draft.sections] == (
        [(name, "agency") for name in AGENCIES] + [("Overview Report", "other")])


def test_it_counts_the_recommendations_of_each_agency(draft):
    counts = {}
    for item in draft.items:
        counts[item.section] = counts.get(item.section, 0) + 1
    assert counts == {
        AGENCIES[0]: 7, AGENCIES[1]: 4, AGENCIES[2]: 4, AGENCIES[3]: 9, AGENCIES[4]: 8,
        AGENCIES[5]: 5, AGENCIES[6]: 6, AGENCIES[7]: 2, AGENCIES[8]: 3, AGENCIES[9]: 2,
        AGENCIES[10]: 1, "Overview Report": 7}
    assert len(draft.items) == 58


def test_it_splits_a_page_cut_row_into_the_rest_and_a_new_recommendation(draft):
    item = find_item(draft, "Amend Broxtowe Child Protection procedure")
    assert item.recommendation.endswith(
        "An enquiry should be made to the Safeguarding Children Information Management Team "
        "whenever someone or their support worker mentions that their children/unborn child "
        "are subject to a child protection plan.")
    assert [a.text for a in item.actions] == ["Amend Procedures"]
    new = find_item(draft, "Improve system for recording all issues of concern.")
    assert new.actions[0].owners == ["Strategy and Performance Manager"]
    assert new.outcome == item.outcome  # the merged outcome cell above both


def test_it_joins_every_cell_of_a_row_cut_by_a_page_break(draft):
    item = find_item(draft, "Framework to obtain a copy")
    assert item.outcome.endswith("and be trained on how it should be implemented")
    assert item.recommendation.startswith(
        "Framework to obtain a copy of 'The Interagency Guidance on Drug and Alcohol Parents "
        "2008' and disseminate it across the organisation.")
    assert item.actions[1].text == (
        "Framework to look at relevant training courses to enable staff to work effectively "
        "in accordance with the guidance")
    assert item.actions[0].owners[-1] == (
        "Service Director for Mental Health, Women's and Younger Persons' Services.")


def test_it_gives_a_cut_owner_back_to_its_action(draft):
    item = find_item(draft, "That this agency in collaboration")
    assert item.actions[0].owners == [
        "Assistant Director, Safeguarding and Specialist Services, Derbyshire County Council "
        "Service Director, Social Care and Health, Children and Young People's Services, "
        "Nottinghamshire County Council"]


def test_it_makes_bullets_into_actions_paired_with_bulleted_measures(draft):
    item = find_item(draft, "Framework floating support services must ensure")
    assert len(item.actions) == 3
    assert [a.measure for a in item.actions] == [
        "Floating Support Operations Manager to check during Service Managers supervision",
        "Annual audit inspections", "Team meeting minutes"]
    assert item.actions[0].due.date == "2009-09-01"


def test_it_reads_lettered_actions_on_rows_of_their_own(draft):
    item = find_item(draft, "Leaving care services maintain a 'dual focus'")
    assert [a.ref for a in item.actions] == ["a", "b", "c"]
    assert [a.due.date for a in item.actions] == ["2009-12-31", "2009-10-31", "2010-01-04"]
    assert item.actions[2].owners == ["Barnardo's Corporate Safeguarding Board."]


def test_it_reads_board_wordings_of_due_dates(draft):
    trust = find_item(draft, "Training to be updated to reinforce")
    assert [(a.due.kind, a.due.date) for a in trust.actions] == [
        ("date", "2009-12-31"), ("immediate", None)]
    done = find_item(draft, "Alcohol workers invited to child protection conferences")
    assert (done.actions[0].due.kind, done.actions[0].due.date) == ("done", "2009-10-31")
    ongoing = find_item(draft, "Updated continuous training")
    assert ongoing.actions[0].due.kind == "ongoing"


def test_it_pairs_two_dates_with_two_unbulleted_list_actions(draft):
    item = find_item(draft, "LSCB guidance \"Drug and Alcohol Using Parents")
    assert [a.due.text for a in item.actions] == ["Completed Oct 2009", "Mar 2010"]


def test_it_gives_a_new_recommendation_its_own_row_and_the_cut_action_back(draft):
    above = find_item(draft, "To revise supervision documentation")
    assert above.actions[1].text.endswith(
        "when working with complex adults, including those who misuse substances")
    new = find_item(draft, "To identify training for relevant professionals")
    assert new.actions[0].text.startswith("To identify appropriate specialist training")
    assert new.actions[0].due.date == "2010-11-30"
