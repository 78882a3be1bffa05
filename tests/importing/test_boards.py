"""The board a plan belongs to, named in its title lines, whichever kind of body it is."""

from __future__ import annotations

import pytest

from actionplan.importing import parse_bytes

TABLE = "Recommendation\tAction\tOwner\nShare information.\tWrite the protocol\tCouncil\n"


@pytest.mark.parametrize(("title", "board"), [
    ("Eastshire Community Safety Partnership", "Eastshire Community Safety Partnership"),
    ("Safer Eastshire Partnership", "Safer Eastshire Partnership"),
    ("Westshire Safeguarding Adults Board", "Westshire Safeguarding Adults Board"),
    ("Northshire Local Safeguarding Children Board",
     "Northshire Local Safeguarding Children Board"),
    ("Southshire Children's Safeguarding Partnership",
     "Southshire Children's Safeguarding Partnership"),
    ("Brighton and Hove Safeguarding Children Partnership",
     "Brighton and Hove Safeguarding Children Partnership"),
    ("Domestic Homicide Review Action Plan: agreed by the Eastshire Community Safety "
     "Partnership at its meeting of 4 March 2024 following the review into the death of Ann",
     "Eastshire Community Safety Partnership"),
    ("Haldon Vale Safeguarding Adults Board", "Haldon Vale Safeguarding Adults Board"),
    ("Action Plan Tower Hamlets Safeguarding Children Partnership",
     "Tower Hamlets Safeguarding Children Partnership"),
    # A logo's words on the line above are no part of the name.
    ("Working in Partnership to Safeguard Children & Young People\n"
     "Haldon Vale Safeguarding Adults Board", "Haldon Vale Safeguarding Adults Board"),
    ("Action Plan", None),
])
def test_the_title_names_the_board(title, board):
    draft = parse_bytes(f"{title}\n\n{TABLE}".encode(), "plan.txt")
    assert draft.plan.board == board


@pytest.mark.parametrize(("title", "reviews"), [
    ("SAR 'Mrs B' action plan", ["Mrs B"]),
    ("Domestic Homicide Review: ‘Adam’ — Action Plan, March 2024", ["Adam"]),
    ('Child Safeguarding Practice Review "Child Q" improvement plan', ["Child Q"]),
    ("Serious Case Review BN09 action plan", ["BN09"]),
    ("Action plan for 'Working Together' training", []),  # quotes after no kind of review
])
def test_the_title_names_the_review_by_its_subject(title, reviews):
    draft = parse_bytes(f"{title}\n\n{TABLE}".encode(), "plan.txt")
    assert draft.plan.reviews == reviews


@pytest.mark.parametrize(("title", "reviews"), [
    ("Rapid review RR-26-07 agreed actions", ["RR-26-07"]),
    ("CSPR/2024/01 - Child Safeguarding Practice Review", ["CSPR/2024/01"]),
    ("SAR-0423 learning and improvement plan", ["SAR-0423"]),
    # A number with no kind of review beside it, or a quarter, is no review's.
    ("Tracker PR-2026-01 for the partnership", []),
    ("Safeguarding Adults Review tracker, update for Q3-2026", []),
])
def test_a_review_numbered_by_the_board_is_read_beside_its_kind(title, reviews):
    draft = parse_bytes(f"{title}\n\n{TABLE}".encode(), "plan.txt")
    assert draft.plan.reviews == reviews


def test_a_tracker_titled_by_a_numbered_review_takes_that_title():
    tracker = ("Rapid review RR-26-07 agreed actions\n"
               "No.,Learning,What we will do,Who,By when\n"
               "1,Children were not seen alone,Record seeing the child alone,Police,31/01/2027\n")
    draft = parse_bytes(tracker.encode(), "rr-26-07.csv")
    assert (draft.plan.title, draft.plan.reviews) == ("Rapid review RR-26-07 agreed actions", ["RR-26-07"])
