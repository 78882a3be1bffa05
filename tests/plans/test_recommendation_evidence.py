"""Evidence on a recommendation tracked without actions: submitted by whoever posts its progress,
decided by a scrutineer, under the same assurance rules as an action's."""

import pytest
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.utils import timezone

from actionplan.plans.assurance import AssuranceRefused
from actionplan.plans.assurance import AssuranceStatus as A
from actionplan.plans.changes import changes_of
from actionplan.plans.editing import EditRefused
from actionplan.plans.models import Evidence
from actionplan.plans.recommendation_evidence import (
    change_recommendation_assurance,
    decide_recommendation_evidence,
    submit_recommendation_evidence,
)
from factories import RecommendationFactory

pytestmark = pytest.mark.django_db
LINK = "https://intranet.example/minutes-march.pdf"


@pytest.fixture
def rec(partnership):
    return RecommendationFactory(plan__partnership=partnership, ref="1.", text="Escalate concerns early.")


def test_evidence_submitted_then_accepted_moves_the_assurance_with_history(rec, alice, charlie):
    evidence = submit_recommendation_evidence(rec, alice, "Board minutes, March", link=LINK)
    rec.refresh_from_db()
    assert (rec.assurance, evidence.recommendation, evidence.action) == (A.SUBMITTED, rec, None)
    decide_recommendation_evidence(evidence, charlie, accept=True)
    rec.refresh_from_db()
    assert rec.assurance == A.ACCEPTED
    assert ("Assurance", "Evidence submitted", "Evidence accepted") in {
        (f.field, f.old, f.new) for f in changes_of(rec)[0].fields
    }
    assert changes_of(rec)[0].who == "charlie"


def test_a_rejection_needs_a_reason_and_fresh_evidence_asks_again(rec, alice, charlie):
    evidence = submit_recommendation_evidence(rec, alice, "Draft policy", link=LINK)
    with pytest.raises(AssuranceRefused, match="reason"):
        decide_recommendation_evidence(evidence, charlie, accept=False)
    decide_recommendation_evidence(evidence, charlie, accept=False, reason="A draft, not the agreed policy")
    rec.refresh_from_db()
    assert rec.assurance == A.REJECTED
    submit_recommendation_evidence(rec, alice, "Agreed policy", link=LINK)
    rec.refresh_from_db()
    assert rec.assurance == A.SUBMITTED


def test_evidence_accepted_needs_accepted_evidence_or_a_recorded_reason(rec, alice, charlie):
    evidence = submit_recommendation_evidence(rec, alice, "Audit report", link=LINK)
    decide_recommendation_evidence(evidence, charlie, accept=False, reason="Wrong audit")
    submit_recommendation_evidence(rec, alice, "The right audit", link=LINK)
    with pytest.raises(AssuranceRefused, match="accepted piece of evidence or a recorded reason"):
        change_recommendation_assurance(rec, charlie, A.ACCEPTED)
    verified = "Verified at the multi-agency audit on 3 March"
    change_recommendation_assurance(rec, charlie, A.ACCEPTED, verified)
    rec.refresh_from_db()
    assert (rec.assurance, rec.assurance_reason) == (A.ACCEPTED, verified)


def test_evidence_submitted_needs_evidence(rec, charlie):
    with pytest.raises(AssuranceRefused, match="needs a piece of evidence"):
        change_recommendation_assurance(rec, charlie, A.SUBMITTED)


def test_only_the_partnership_admin_submits_and_only_assurers_decide(rec, alice, bob, dave, eve):
    for outsider in (bob, dave, eve):
        with pytest.raises(PermissionDenied):
            submit_recommendation_evidence(rec, outsider, "Ours", link=LINK)
    evidence = submit_recommendation_evidence(rec, alice, "Minutes", link=LINK)
    for outsider in (bob, dave, eve):
        with pytest.raises(PermissionDenied):
            decide_recommendation_evidence(evidence, outsider, accept=True)
    assert Evidence.objects.get(pk=evidence.pk).decision == Evidence.Decision.PENDING


def test_a_recommendation_with_actions_takes_evidence_on_its_actions(action, alice):
    with pytest.raises(EditRefused, match="add evidence to them"):
        submit_recommendation_evidence(action.recommendation, alice, "Minutes", link=LINK)


def test_evidence_is_for_an_action_or_a_recommendation_never_both_nor_neither(rec, action, alice):
    for action_, rec_ in ((action, rec), (None, None)):
        with pytest.raises(IntegrityError), transaction.atomic():
            Evidence.objects.create(action=action_, recommendation=rec_, description="x", link=LINK,
                                    submitted_at=timezone.now())  # fmt: skip
