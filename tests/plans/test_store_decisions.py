"""Storing the board's decision on each recommendation, as its plan stated it (ADR 85)."""

import pytest

from actionplan.importing import parse_bytes
from actionplan.importing.draft import DECISION_VALUES
from actionplan.plans.models import Recommendation
from actionplan.plans.store import store_draft
from importing.decided_plans import tracker_with_decision_column

pytestmark = pytest.mark.django_db
D = Recommendation.Decision


def test_each_recommendation_keeps_the_decision_and_reason_its_plan_gives(partnership):
    draft = parse_bytes(tracker_with_decision_column(), "child-l.xlsx").to_dict()
    plan = store_draft(draft, partnership).plan
    stored = [(r.ref, r.decision, r.decision_reason) for r in plan.recommendations.order_by("order")]
    assert stored == [
        ("1", D.ACCEPTED, ""),
        ("2", D.NOT_ACCEPTED, "weekly sharing already happens through the MASH"),
        ("3", D.ACCEPTED_IN_PART, "virtual attendance only"),
        ("4", D.ACCEPTED, ""),  # no decision read: the default, its wording kept as a note
    ]
    assert plan.recommendations.get(ref="4").notes == [
        {"column": "Agreed (Y/N)", "text": "TBC at the next board"}]


def test_a_decision_not_in_full_without_a_reason_says_the_document_gave_none(partnership):
    draft = parse_bytes(tracker_with_decision_column(), "child-l.xlsx").to_dict()
    draft["items"][1]["decision"] = {"text": "N", "value": "not_accepted", "reason": None}
    rec = store_draft(draft, partnership).plan.recommendations.get(ref="2")
    assert (rec.decision, rec.decision_reason) == (
        D.NOT_ACCEPTED, "No reason given in the imported document: “N”.")
    rec.full_clean()  # as the plan's own edits require: a reason for a decision not in full


def test_the_drafts_decisions_are_the_recommendations():
    assert tuple(D.values) == DECISION_VALUES
