"""Seed 003: Norfolk composite action plan, January 2017, under four learning themes."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.seeds

THEMES = [
    "Professional Curiosity", "Fora for discussion and information-sharing",
    "Collaborative working, decision-making and planning",
    "Ownership and accountability: management grip",
]


@pytest.fixture(scope="module")
def draft(parsed):
    return parsed("003")


def item(draft, ref):
    (found,) = [i for i in draft.items if i.ref == ref]
    return found


def test_it_reads_a_composite_plan_title_block(draft):
    assert draft.plan.kind == "composite_action_plan"
    assert draft.plan.board == "Norfolk Safeguarding Children Board"
    assert draft.plan.date == "2017-01"
    assert draft.plan.reviews == list("DIJKLMNOPQRS")


def test_it_reads_theme_rows_including_the_one_above_the_first_header(draft):
    assert [(s.name, s.kind) for s in draft.sections] == [(t, "theme") for t in THEMES]


def test_it_counts_the_lines_of_each_theme(draft):
    refs = [i.ref for i in draft.items]
    assert len(refs) == 22
    assert [i.ref for i in draft.items if i.section == THEMES[1]] == ["2.1", "2.2", "2.3", "2.4"]
    assert refs[-1] == "4.11"
    assert item(draft, "4.10").section == THEMES[3]


def test_it_reads_review_refs_as_lists(draft):
    assert item(draft, "1.1").review_refs == ["D", "L"]
    assert item(draft, "1.4").review_refs == ["K", "O", "P", "Q", "R"]
    assert item(draft, "4.1").review_refs == ["M", "All"]
    assert item(draft, "1.2").review_refs == ["All"]


def test_it_reads_day_first_dates(draft):
    due = item(draft, "1.1").actions[0].due
    assert (due.text, due.date, due.precision, due.kind) == ("01/06/17", "2017-06-01", "day",
                                                             "date")
    assert item(draft, "2.3").actions[0].due.date == "2017-12-01"  # "1/12/17"
    assert item(draft, "2.1").actions[0].due.date == "2019-01-01"
    assert item(draft, "4.2").actions[0].due.kind == "ongoing"


def test_it_puts_each_line_in_one_action_with_its_lead_and_progress(draft):
    (action,) = item(draft, "1.1").actions
    assert action.owners == ["NSCB Business Manager"]
    assert action.progress.startswith("Best practice workshops/events to cover each")
    assert item(draft, "2.2").actions[0].owners == ["Health", "NSCB"]


def test_it_joins_the_action_cut_by_a_page_break(draft):
    assert item(draft, "4.6").actions[0].text == (
        "NSCB to engage partner agencies to establish a core standard for supervision in "
        "respect of safeguarding children and put in place mechanisms to ensure this is used "
        "effectively and routinely.")


def test_it_keeps_the_introduction_as_notes_not_items(draft):
    assert any(n.startswith("The Composite Action Plan (CAP) brings together")
               for n in draft.plan.notes)
    assert not any("Composite Action Plan (CAP)" in (i.actions[0].text) for i in draft.items)
