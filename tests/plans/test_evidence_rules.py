"""Which evidence an action or a recommendation tracked alone may take and stand on: none for work
not achieved or superseded, the rejected piece withdrawn, a decision racing a withdrawal."""

from datetime import date

import pytest

from actionplan.plans.assurance import AssuranceRefused
from actionplan.plans.assurance import AssuranceStatus as A
from actionplan.plans.editing import record_recommendation_progress
from actionplan.plans.evidence import evidence_behind, standing_evidence
from actionplan.plans.models import Evidence
from actionplan.plans.recommendation_evidence import (
    change_recommendation_assurance,
    decide_recommendation_evidence,
    submit_recommendation_evidence,
    withdraw_recommendation_evidence,
)
from actionplan.plans.status import DeliveryStatus as S
from actionplan.plans.status import StatusChange, TransitionRefused
from actionplan.plans.updates import (
    change_assurance,
    decide_evidence,
    record_progress,
    submit_evidence,
    withdraw_evidence,
)
from factories import ActionFactory, RecommendationFactory

pytestmark = pytest.mark.django_db
LINK = "https://intranet.example/audit.pdf"
ON = date(2026, 5, 1)


@pytest.fixture
def rec(partnership):
    return RecommendationFactory(plan__partnership=partnership, ref="2.", text="Audit the front door.")


def not_done(action, by, how: str) -> None:
    if how == S.NOT_ACHIEVED:
        change = StatusChange(S.NOT_ACHIEVED, "The funding was withdrawn")
    else:
        replacing = ActionFactory(recommendation=action.recommendation, owner=action.owner)
        change = StatusChange(S.SUPERSEDED, replaced_by_id=replacing.pk)
    record_progress(action, by, "Closed without the work done.", on=ON, change=change)
    action.refresh_from_db()


@pytest.mark.parametrize("how", [S.NOT_ACHIEVED, S.SUPERSEDED])
def test_an_action_not_done_takes_no_evidence_and_none_is_accepted_on_it(action, bob, charlie, how):
    waiting = submit_evidence(action, bob, "Draft audit", link=LINK)
    not_done(action, bob, how)
    with pytest.raises(AssuranceRefused, match="takes no evidence"):
        submit_evidence(action, bob, "Final audit", link=LINK)
    with pytest.raises(AssuranceRefused, match="cannot be assured"):
        decide_evidence(waiting, charlie, accept=True)
    with pytest.raises(AssuranceRefused, match="cannot be assured"):
        change_assurance(action, charlie, A.ACCEPTED, "Seen at the audit")
    assert Evidence.objects.get(pk=waiting.pk).decision == Evidence.Decision.PENDING
    assert action.evidence.count() == 1
    # What waits may still be judged: rejected, so it no longer awaits assurance.
    decide_evidence(waiting, charlie, accept=False, reason="The work was not done")
    action.refresh_from_db()
    assert action.assurance == A.REJECTED


def test_a_recommendation_not_achieved_takes_no_evidence_and_none_is_accepted_on_it(rec, alice, charlie):
    waiting = submit_recommendation_evidence(rec, alice, "Draft audit", link=LINK)
    record_recommendation_progress(rec, alice, "Dropped.", status=S.NOT_ACHIEVED, reason="No funding", on=ON)
    with pytest.raises(AssuranceRefused, match="takes no evidence"):
        submit_recommendation_evidence(rec, alice, "Final audit", link=LINK)
    with pytest.raises(AssuranceRefused, match="cannot be assured"):
        decide_recommendation_evidence(waiting, charlie, accept=True)
    with pytest.raises(AssuranceRefused, match="cannot be assured"):
        change_recommendation_assurance(rec, charlie, A.ACCEPTED, "Seen at the audit")
    decide_recommendation_evidence(waiting, charlie, accept=False, reason="Not done")
    rec.refresh_from_db()
    assert (rec.assurance, rec.evidence.count()) == (A.REJECTED, 1)


def test_withdrawing_the_rejected_evidence_of_an_action_leaves_no_evidence(action, bob, charlie):
    wrong = submit_evidence(action, bob, "Register of another team", link=LINK)
    decide_evidence(wrong, charlie, accept=False, reason="Another team's register")
    withdraw_evidence(wrong, bob, "Uploaded in error")
    action.refresh_from_db()
    assert (action.assurance, action.assurance_reason) == (A.NONE, "Evidence withdrawn: Uploaded in error")


def test_withdrawing_the_rejected_evidence_of_a_recommendation_leaves_no_evidence(rec, alice, charlie):
    wrong = submit_recommendation_evidence(rec, alice, "Minutes of another board", link=LINK)
    decide_recommendation_evidence(wrong, charlie, accept=False, reason="Another board's")
    withdraw_recommendation_evidence(wrong, alice, "Uploaded in error")
    rec.refresh_from_db()
    assert rec.assurance == A.NONE


def test_a_rejection_resting_on_other_rejected_evidence_stays(action, bob, charlie):
    first = submit_evidence(action, bob, "Minutes", link=LINK)
    second = submit_evidence(action, bob, "Register", link=LINK)
    decide_evidence(first, charlie, accept=False, reason="Not the decision")
    decide_evidence(second, charlie, accept=False, reason="Another team")
    withdraw_evidence(second, bob, "Uploaded in error")
    action.refresh_from_db()
    assert action.assurance == A.REJECTED


def test_a_decision_on_evidence_withdrawn_meanwhile_is_refused_in_words(rec, alice, charlie):
    evidence = submit_recommendation_evidence(rec, alice, "Minutes", link=LINK)
    seen = Evidence.objects.get(pk=evidence.pk)  # the scrutineer's page, read before the withdrawal
    withdraw_recommendation_evidence(evidence, alice, "Wrong file")
    with pytest.raises(TransitionRefused, match="withdrawn"):
        decide_recommendation_evidence(seen, charlie, accept=True)
    stored = Evidence.objects.get(pk=evidence.pk)
    assert (stored.decision, stored.decided_by) == (Evidence.Decision.PENDING, None)


def test_a_second_decision_made_meanwhile_is_refused_in_words(action, rec, alice, bob, charlie):
    for seen, decide in [
        (submit_evidence(action, bob, "Minutes", link=LINK), decide_evidence),
        (submit_recommendation_evidence(rec, alice, "Minutes", link=LINK), decide_recommendation_evidence),
    ]:
        decide(Evidence.objects.get(pk=seen.pk), charlie, accept=True)
        with pytest.raises(TransitionRefused, match="already been decided"):
            decide(seen, charlie, accept=False, reason="Changed my mind")
        assert Evidence.objects.get(pk=seen.pk).decision == Evidence.Decision.ACCEPTED


def test_which_evidence_stands_is_one_rule_for_actions_and_recommendations(action, rec, alice, bob):
    kept = submit_evidence(action, bob, "Audit", link=LINK)
    withdraw_evidence(submit_evidence(action, bob, "Wrong", link=LINK), bob, "Wrong file")
    rec_kept = submit_recommendation_evidence(rec, alice, "Audit", link=LINK)
    wrong = submit_recommendation_evidence(rec, alice, "Wrong", link=LINK)
    withdraw_recommendation_evidence(wrong, alice, "Wrong file")
    assert list(standing_evidence(action)) == [kept]
    assert list(standing_evidence(rec)) == [rec_kept]
    assert evidence_behind(action).submitted == evidence_behind(rec).submitted == 1
    assert [e.is_withdrawn for e in Evidence.objects.order_by("pk")] == [False, True, False, True]
