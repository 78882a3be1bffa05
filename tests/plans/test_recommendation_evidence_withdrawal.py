"""Withdrawing a recommendation's evidence (one tracked without actions): the reason required,
kept and marked with who and when, and no longer behind its assurance, as for an action's."""

import pytest
from django.core.exceptions import PermissionDenied

from actionplan.plans.assurance import AssuranceStatus as A
from actionplan.plans.changes import changes_of
from actionplan.plans.models import Evidence
from actionplan.plans.models.progress import RecordIsFinal
from actionplan.plans.recommendation_evidence import (
    decide_recommendation_evidence,
    submit_recommendation_evidence,
    withdraw_recommendation_evidence,
)
from actionplan.plans.status import TransitionRefused
from factories import RecommendationFactory

pytestmark = pytest.mark.django_db
LINK = "https://intranet.example/audit.pdf"


@pytest.fixture
def rec(partnership):
    return RecommendationFactory(plan__partnership=partnership, ref="3.", text="Audit the front door.")


def test_assured_on_withdrawn_evidence_alone_it_awaits_assurance_again(rec, alice, charlie):
    wrong = submit_recommendation_evidence(rec, alice, "Last year's audit", link=LINK)
    submit_recommendation_evidence(rec, alice, "This year's audit", link=LINK)
    pending = rec.evidence.get(description="This year's audit")
    decide_recommendation_evidence(wrong, charlie, accept=False, reason="Out of date")
    decide_recommendation_evidence(pending, charlie, accept=True)
    rec.refresh_from_db()
    assert rec.assurance == A.ACCEPTED

    why = "Uploaded the draft, not the signed audit"
    withdraw_recommendation_evidence(pending, alice, why)

    rec.refresh_from_db()
    withdrawn = Evidence.objects.get(pk=pending.pk)
    assert (withdrawn.withdrawn_by, withdrawn.withdrawal_reason) == (alice, why)
    assert withdrawn.decision == Evidence.Decision.ACCEPTED  # the decision stays on the record
    assert rec.assurance == A.SUBMITTED  # the rejected piece still stands: a scrutineer judges again
    assert rec.assurance_reason == f"Evidence withdrawn: {why}"
    assert ("Assurance", "Evidence accepted", "Evidence submitted") in {
        (f.field, f.old, f.new) for f in changes_of(rec)[0].fields
    }
    assert changes_of(rec)[0].who == "alice"


def test_withdrawing_the_only_evidence_leaves_no_evidence_and_nothing_to_decide(rec, alice, charlie):
    evidence = submit_recommendation_evidence(rec, alice, "Minutes", link=LINK)
    withdraw_recommendation_evidence(evidence, alice, "Minutes of another board")
    rec.refresh_from_db()
    assert rec.assurance == A.NONE
    with pytest.raises(TransitionRefused, match="withdrawn"):
        decide_recommendation_evidence(Evidence.objects.get(pk=evidence.pk), charlie, accept=True)


def test_evidence_still_standing_keeps_the_assurance(rec, alice, charlie):
    first = submit_recommendation_evidence(rec, alice, "Audit", link=LINK)
    decide_recommendation_evidence(first, charlie, accept=True)
    second = submit_recommendation_evidence(rec, alice, "Survey", link=LINK)
    decide_recommendation_evidence(second, charlie, accept=True)
    withdraw_recommendation_evidence(second, alice, "Survey of another borough")
    rec.refresh_from_db()
    assert rec.assurance == A.ACCEPTED


def test_a_withdrawal_needs_a_reason_the_admin_and_is_made_once(rec, alice, bob, charlie, dave, eve):
    evidence = submit_recommendation_evidence(rec, alice, "Minutes", link=LINK)
    with pytest.raises(TransitionRefused, match="say why"):
        withdraw_recommendation_evidence(evidence, alice, "  ")
    for outsider in (bob, charlie, dave, eve):
        with pytest.raises(PermissionDenied):
            withdraw_recommendation_evidence(evidence, outsider, "Not ours")
    assert Evidence.objects.get(pk=evidence.pk).withdrawn_at is None
    withdraw_recommendation_evidence(evidence, alice, "Wrong file")
    with pytest.raises(TransitionRefused, match="already been withdrawn"):
        withdraw_recommendation_evidence(evidence, alice, "Again")
    stored = Evidence.objects.get(pk=evidence.pk)
    stored.withdrawal_reason = "Rewritten"
    with pytest.raises(RecordIsFinal, match="withdrawal_reason"):
        stored.save()
