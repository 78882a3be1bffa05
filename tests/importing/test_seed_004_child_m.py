"""Seed 004: Dudley SCR "Child M": learning points and recommendations, no action column."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.seeds


@pytest.fixture(scope="module")
def draft(parsed):
    return parsed("004")


def item(draft, ref):
    (found,) = [i for i in draft.items if i.ref == ref]
    return found


def test_it_reads_the_title_block(draft):
    assert draft.plan.board == "Dudley Safeguarding Children Board"
    assert draft.plan.reviews == ["Child M"]
    assert draft.plan.kind == "review_action_plan"
    assert draft.plan.date is None  # the title block gives none; the prose dates are not it


def test_it_finds_eleven_recommendations_without_actions_or_sections(draft):
    assert [i.ref for i in draft.items] == [str(n) for n in range(1, 12)]
    assert all(i.actions == [] for i in draft.items)
    assert draft.sections == []


def test_it_joins_a_learning_point_and_recommendation_cut_by_a_page_break(draft):
    two = item(draft, "2")
    assert two.outcome == (
        "Ensure that all available information is shared and analysed in order to build "
        "holistic picture of a family's circumstances, and of the risks and protective factors.")
    assert two.recommendation.startswith(
        "Consideration should be given to arranging Strategy Meetings, rather than telephone")


def test_it_joins_a_capitalised_continuation(draft):
    four = item(draft, "4")
    assert four.recommendation.endswith(
        "a process is in place to provide schools with information following Domestic Abuse "
        "Referral Team (DART) meetings.")
    assert four.progress.endswith(
        "monthly leadership meetings and quarterly meetings with Learning and Development to "
        "ensure that training is dynamic and up to date with current issues.")


def test_it_keeps_progress_paragraphs_on_the_item(draft):
    three = item(draft, "3")
    assert three.progress.split("\n") == [
        "A Supervision Policy is in place. Ofsted's monitoring visit (as above) commented that "
        "supervision and management oversight are in place in the MASH/SPA and the Court team.",
        "Further scrutiny will take place across CSC and in future Ofsted monitoring visits.",
        "Reporting will be via the Quality Assurance and Performance Framework.",
        "The Chief Social Worker is rolling out development in reflective supervision."]
    assert three.rag is None


def test_it_joins_items_9_and_11_across_pages(draft):
    assert item(draft, "9").outcome.endswith("action to be taken to safeguard children.")
    assert "the Mental Health Services, and GMC's guidance;" in item(draft, "9").recommendation
    assert item(draft, "11").recommendation.endswith(
        "when there are child protection concerns, and when the LSCB is fulfilling its statutory "
        "responsibility to undertake a Serious Case Review or Case Review.")


def test_it_keeps_the_unfinished_learning_point_5_as_written(draft):
    assert item(draft, "5").outcome == (
        "One Day One Conversation Meetings should consider risks and address")


def test_it_keeps_the_introduction_as_notes(draft):
    assert any(n.startswith("Child M, who is the subject of this SCR") for n in draft.plan.notes)
    assert "Action Plan regarding: Child M SCR - SILP" in draft.plan.notes
