"""Assurance stands only while the work is claimed done: marked not achieved or superseded, or an
implemented action reopened, the assurance that counted it assured is withdrawn, with who, when
and why in its history; the evidence and the decisions made on it are kept."""

from datetime import date

import pytest

from actionplan.plans.assurance import AssuranceStatus as A
from actionplan.plans.assurance import withdrawn_by_status_change
from actionplan.plans.changes import changes_of
from actionplan.plans.editing import record_recommendation_progress
from actionplan.plans.models import Evidence
from actionplan.plans.rag import Rag
from actionplan.plans.recommendation_evidence import (
    decide_recommendation_evidence,
    submit_recommendation_evidence,
)
from actionplan.plans.status import DeliveryStatus as S
from actionplan.plans.status import StatusChange
from actionplan.plans.updates import change_assurance, decide_evidence, record_progress, submit_evidence
from factories import ActionFactory, RecommendationFactory

pytestmark = pytest.mark.django_db
LINK = "https://intranet.example/audit.pdf"
ON = date(2026, 5, 1)


@pytest.mark.parametrize(
    ("current", "before", "after", "withdrawn"),
    [
        (A.ACCEPTED, S.IN_PROGRESS, S.NOT_ACHIEVED, True),
        (A.ACCEPTED, S.SLIPPED, S.SUPERSEDED, True),
        (A.IMPACT_EVIDENCED, S.IMPLEMENTED, S.IN_PROGRESS, True),
        (A.RECHECKED, S.NOT_STARTED, S.NOT_ACHIEVED, True),
        (A.ACCEPTED, S.IN_PROGRESS, S.SLIPPED, False),  # still being delivered: still claimed
        (A.ACCEPTED, S.IN_PROGRESS, S.IMPLEMENTED, False),
        (A.SUBMITTED, S.IN_PROGRESS, S.NOT_ACHIEVED, False),  # still to be judged (ADR 63)
        (A.REJECTED, S.IMPLEMENTED, S.IN_PROGRESS, False),
        (A.NONE, S.IN_PROGRESS, S.SUPERSEDED, False),
    ],
)
def test_it_withdraws_only_assurance_of_work_no_longer_claimed_done(current, before, after, withdrawn):
    assert withdrawn_by_status_change(current, before, after) is withdrawn


def assured(action, bob, charlie) -> Evidence:
    evidence = submit_evidence(action, bob, "Audit of the briefings", link=LINK)
    decide_evidence(evidence, charlie, accept=True)
    action.refresh_from_db()
    assert action.assurance == A.ACCEPTED
    return evidence


def test_an_assured_action_marked_not_achieved_is_no_longer_assured(action, bob, charlie):
    record_progress(action, bob, "Under way.", on=ON, change=StatusChange(S.IN_PROGRESS))
    evidence = assured(action, bob, charlie)
    stop = StatusChange(S.NOT_ACHIEVED, "The funding was cut")
    record_progress(action, bob, "Stopped.", on=ON, change=stop)
    action.refresh_from_db()
    assert (action.status, action.assurance) == (S.NOT_ACHIEVED, A.NONE)
    assert action.assurance_reason == "Assurance withdrawn: the work became not achieved: The funding was cut"
    assert action.rag(ON).rag == Rag.RED
    # The evidence and the decision made on it are the record, kept as made.
    assert Evidence.objects.get(pk=evidence.pk).decision == Evidence.Decision.ACCEPTED
    newest = changes_of(action)[0]
    assert (newest.who, newest.why) == ("bob", "The funding was cut")
    fields = {change.field: (change.old, change.new) for change in newest.fields}
    assert fields["Assurance"] == ("Evidence accepted", "No evidence yet")
    assert fields["Status"] == ("In progress", "Not achieved")


def test_an_assured_action_superseded_is_no_longer_assured(action, bob, charlie):
    assured(action, bob, charlie)
    replacing = ActionFactory(recommendation=action.recommendation, owner=action.owner)
    replace = StatusChange(S.SUPERSEDED, replaced_by_id=replacing.pk)
    record_progress(action, bob, "Replaced.", on=ON, change=replace)
    action.refresh_from_db()
    assert (action.status, action.assurance) == (S.SUPERSEDED, A.NONE)
    assert action.assurance_reason == "Assurance withdrawn: the work became superseded"


def test_a_reopened_action_awaits_assurance_again_on_the_evidence_standing(action, alice, bob, charlie):
    record_progress(action, bob, "Done.", on=ON, change=StatusChange(S.IMPLEMENTED))
    assured(action, bob, charlie)
    change_assurance(action, charlie, A.IMPACT_EVIDENCED, "Re-audit shows changed practice")
    action.refresh_from_db()
    assert action.rag(ON).rag == Rag.BLUE
    reopen = StatusChange(S.IN_PROGRESS, "The audit found staff not briefed")
    record_progress(action, alice, "Reopened.", on=ON, change=reopen)
    action.refresh_from_db()
    assert (action.status, action.assurance) == (S.IN_PROGRESS, A.SUBMITTED)
    assert action.rag(ON).rag != Rag.BLUE
    # Done again, the board judges again: nothing is assured until it does.
    record_progress(action, bob, "Briefed now.", on=ON, change=StatusChange(S.IMPLEMENTED))
    action.refresh_from_db()
    assert (action.assurance, action.rag(ON).rag) == (A.SUBMITTED, Rag.GREEN)
    change_assurance(action, charlie, A.ACCEPTED, "Seen at the second audit")
    action.refresh_from_db()
    assert action.rag(ON).rag == Rag.BLUE


def test_assurance_of_work_still_being_delivered_stands(action, bob, charlie):
    record_progress(action, bob, "Under way.", on=ON, change=StatusChange(S.IN_PROGRESS))
    assured(action, bob, charlie)
    slip = StatusChange(S.SLIPPED, "Trainer off sick", revised_due=date(2026, 9, 30))
    record_progress(action, bob, "Late.", on=ON, change=slip)
    action.refresh_from_db()
    assert (action.status, action.assurance) == (S.SLIPPED, A.ACCEPTED)


def test_evidence_awaiting_a_decision_still_awaits_it_on_work_not_done(action, bob, charlie):
    submit_evidence(action, bob, "Draft audit", link=LINK)
    record_progress(action, bob, "Stopped.", on=ON, change=StatusChange(S.NOT_ACHIEVED, "No funding"))
    action.refresh_from_db()
    assert action.assurance == A.SUBMITTED  # to be rejected, as ADR 63 has it


def test_an_assured_recommendation_tracked_alone_marked_not_achieved_is_no_longer_assured(
    partnership, alice, charlie
):
    rec = RecommendationFactory(plan__partnership=partnership, ref="3.", text="Audit the front door.")
    record_recommendation_progress(rec, alice, "Under way.", status=S.IN_PROGRESS, on=ON)
    evidence = submit_recommendation_evidence(rec, alice, "Audit", link=LINK)
    decide_recommendation_evidence(evidence, charlie, accept=True)
    rec.refresh_from_db()
    assert rec.assurance == A.ACCEPTED
    record_recommendation_progress(rec, alice, "Dropped.", status=S.NOT_ACHIEVED, reason="No funding", on=ON)
    rec.refresh_from_db()
    assert (rec.status, rec.assurance, rec.rag) == (S.NOT_ACHIEVED, A.NONE, Rag.RED)
    assert rec.assurance_reason == "Assurance withdrawn: the work became not achieved: No funding"
    assert changes_of(rec)[0].why == "No funding"
    assert Evidence.objects.get(pk=evidence.pk).decision == Evidence.Decision.ACCEPTED
