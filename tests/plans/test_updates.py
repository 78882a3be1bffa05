from datetime import date

import pytest
from django.core.exceptions import PermissionDenied

from actionplan.plans.assurance import AssuranceRefused
from actionplan.plans.assurance import AssuranceStatus as A
from actionplan.plans.bulk import change_actions
from actionplan.plans.models import Evidence
from actionplan.plans.rag import OverrideRefused, Rag
from actionplan.plans.status import DeliveryStatus as S
from actionplan.plans.status import StatusChange, TransitionRefused
from actionplan.plans.updates import (
    IMPORTED_RAG_REASON,
    EditConflict,
    change_assurance,
    decide_evidence,
    override_rag,
    record_imported_progress,
    record_progress,
    submit_evidence,
)
from factories import ActionFactory, AgencyFactory

pytestmark = pytest.mark.django_db


def test_it_records_progress_with_the_status_and_rag_at_that_time(action, bob):
    update = record_progress(
        action,
        bob,
        "Draft policy circulated.",
        on=date(2026, 6, 10),
        change=StatusChange(S.IN_PROGRESS),
    )
    action.refresh_from_db()
    assert action.status == S.IN_PROGRESS
    assert (update.status, update.rag, update.author) == (S.IN_PROGRESS, Rag.AMBER, bob)


def test_slipping_keeps_the_revised_date_and_reason(action, bob):
    record_progress(
        action,
        bob,
        "Trainer unavailable.",
        on=date(2026, 6, 20),
        change=StatusChange(S.SLIPPED, reason="Trainer on long-term leave", revised_due=date(2026, 9, 30)),
    )
    action.refresh_from_db()
    assert (action.status, action.revised_due_date, action.current_due) == (
        S.SLIPPED,
        date(2026, 9, 30),
        date(2026, 9, 30),
    )
    assert action.status_reason == "Trainer on long-term leave"
    assert action.due_date == date(2026, 6, 30)  # the original stays for the record


def test_a_refused_change_stores_nothing(action, bob):
    with pytest.raises(TransitionRefused):
        record_progress(action, bob, "Slipping.", on=date(2026, 6, 20), change=StatusChange(S.SLIPPED))
    action.refresh_from_db()
    assert action.status == S.NOT_STARTED
    assert action.updates.count() == 0


def test_superseding_needs_a_replacement_in_the_same_partnership(action, alice):
    foreign = ActionFactory()
    with pytest.raises(TransitionRefused, match="this partnership"):
        record_progress(
            action,
            alice,
            "Replaced.",
            on=date(2026, 1, 5),
            change=StatusChange(S.SUPERSEDED, replaced_by_id=foreign.pk),
        )
    replacement = ActionFactory(recommendation=action.recommendation, owner=action.owner)
    record_progress(
        action,
        alice,
        "Replaced.",
        on=date(2026, 1, 5),
        change=StatusChange(S.SUPERSEDED, replaced_by_id=replacement.pk),
    )
    action.refresh_from_db()
    assert action.superseded_by == replacement


def test_only_leads_of_the_owning_agency_and_admins_may_update(
    action, alice, bob, charlie, dave, eve, partnership
):
    record_progress(action, alice, "Admin note.", on=date(2026, 1, 1))
    record_progress(action, bob, "Lead note.", on=date(2026, 1, 2))
    for user in [charlie, dave, eve]:
        with pytest.raises(PermissionDenied):
            record_progress(action, user, "Not mine.", on=date(2026, 1, 3))
    other_agency = AgencyFactory(partnership=partnership, name="Riverton Council")
    other_action = ActionFactory(recommendation=action.recommendation, owner=other_agency)
    with pytest.raises(PermissionDenied):
        record_progress(other_action, bob, "Not my agency.", on=date(2026, 1, 3))


def test_evidence_goes_through_assurance(action, bob, charlie):
    first = submit_evidence(action, bob, "Minutes of the March meeting", link="https://example.org/m")
    action.refresh_from_db()
    assert action.assurance == A.SUBMITTED
    with pytest.raises(AssuranceRefused, match="reason"):
        decide_evidence(first, charlie, accept=False)
    decide_evidence(first, charlie, accept=False, reason="Minutes do not record the decision.")
    action.refresh_from_db()
    assert (action.assurance, action.assurance_reason) == (A.REJECTED, "Minutes do not record the decision.")
    second = submit_evidence(action, bob, "Signed-off policy", link="https://example.org/p")
    decide_evidence(second, charlie, accept=True)
    action.refresh_from_db()
    assert action.assurance == A.ACCEPTED
    assert Evidence.objects.get(pk=first.pk).decided_by == charlie
    with pytest.raises(TransitionRefused, match="already"):
        decide_evidence(second, charlie, accept=False, reason="Changed my mind")
    change_assurance(action, charlie, A.IMPACT_EVIDENCED)
    change_assurance(action, charlie, A.RECHECKED)


def test_agency_leads_cannot_assure_their_own_evidence(action, bob):
    evidence = submit_evidence(action, bob, "Training register", link="https://example.org/t")
    with pytest.raises(PermissionDenied):
        decide_evidence(evidence, bob, accept=True)


def test_evidence_needs_a_file_or_link(action, bob):
    with pytest.raises(ValueError, match="file or a link"):
        submit_evidence(action, bob, "Nothing attached")


def test_a_manual_rag_needs_a_reason_and_shows_as_override(action, charlie):
    with pytest.raises(OverrideRefused):
        override_rag(action, charlie, Rag.GREEN, "")
    override_rag(action, charlie, Rag.GREEN, "Work complete; awaiting minutes.")
    judged = action.rag(date(2026, 12, 1))
    assert (judged.rag, judged.overridden) == (Rag.GREEN, True)


def test_a_status_change_on_an_old_version_is_refused_not_overwritten(action, alice, bob):
    seen = action.version
    record_progress(
        action,
        alice,
        "Started by the business unit.",
        on=date(2026, 2, 1),
        change=StatusChange(S.IN_PROGRESS),
        expected_version=seen,
    )
    with pytest.raises(EditConflict) as conflict:
        record_progress(
            action,
            bob,
            "Done!",
            on=date(2026, 2, 2),
            change=StatusChange(S.IMPLEMENTED),
            expected_version=seen,
        )
    assert conflict.value.current.status == S.IN_PROGRESS
    action.refresh_from_db()
    assert action.status == S.IN_PROGRESS and action.updates.count() == 1
    # Notes alone never conflict: they add up.
    record_progress(action, bob, "Briefing drafted.", on=date(2026, 2, 3), expected_version=seen)
    assert action.updates.count() == 2


def test_two_pieces_of_evidence_are_both_decided(action, bob, charlie):
    first = submit_evidence(action, bob, "Minutes", link="https://example.org/minutes")
    second = submit_evidence(action, bob, "Register", link="https://example.org/register")
    decide_evidence(first, charlie, accept=True)
    action.refresh_from_db()
    assert action.assurance == A.SUBMITTED  # the register still awaits a decision
    decide_evidence(second, charlie, accept=False, reason="Register is for another team.")
    action.refresh_from_db()
    assert action.assurance == A.REJECTED
    assert Evidence.objects.get(pk=second.pk).decision == "rejected"


def test_evidence_added_after_impact_supports_it(action, bob, charlie):
    decide_evidence(submit_evidence(action, bob, "Audit", link="https://example.org/a"), charlie, accept=True)
    change_assurance(action, charlie, A.IMPACT_EVIDENCED)
    later = submit_evidence(action, bob, "Re-audit", link="https://example.org/b")
    action.refresh_from_db()
    assert action.assurance == A.IMPACT_EVIDENCED
    decide_evidence(later, charlie, accept=True)
    action.refresh_from_db()
    assert action.assurance == A.IMPACT_EVIDENCED


def test_assurance_rests_on_the_evidence_it_names(action, bob, charlie):
    with pytest.raises(AssuranceRefused, match="needs a piece of evidence"):
        change_assurance(action, charlie, A.SUBMITTED)
    submit_evidence(action, bob, "Minutes", link="https://example.org/m")  # pending: none accepted
    with pytest.raises(AssuranceRefused, match="accepted piece of evidence or a recorded reason"):
        change_assurance(action, charlie, A.ACCEPTED)
    action.refresh_from_db()
    assert action.assurance == A.SUBMITTED
    change_assurance(action, charlie, A.ACCEPTED, "Verified at the multi-agency audit on 3 March")
    action.refresh_from_db()
    assert (action.assurance, action.assurance_reason) == (
        A.ACCEPTED, "Verified at the multi-agency audit on 3 March"
    )


def test_an_imported_document_s_progress_is_the_first_update_and_done_marks_it_implemented(action):
    update = record_imported_progress(
        action, "Completed Oct 2009", on=date(2009, 10, 31), rag=Rag.GREEN, status=S.IMPLEMENTED
    )
    action.refresh_from_db()
    assert action.status == S.IMPLEMENTED
    assert (update.author, update.author_name, update.status, update.rag) == (
        None, "Imported document", S.IMPLEMENTED, Rag.GREEN)
    assert action.history.latest("history_id").status == S.IMPLEMENTED


def test_an_imported_document_s_progress_alone_leaves_the_status(action):
    record_imported_progress(action, "Draft circulated", on=date(2009, 10, 31), rag="")
    action.refresh_from_db()
    assert action.status == S.NOT_STARTED
    assert action.updates.get().text == "Draft circulated"


def _rated_by_the_document(action, rag=Rag.AMBER, reason=IMPORTED_RAG_REASON):
    action.rag_override, action.rag_override_reason = rag, reason
    action.save()
    return action


def test_a_change_of_status_lifts_the_rag_the_imported_document_gave(action, bob):
    _rated_by_the_document(action)
    record_progress(action, bob, "Protocol agreed.", on=date(2026, 6, 10),
                    change=StatusChange(S.IMPLEMENTED))
    action.refresh_from_db()
    assert (action.rag_override, action.rag_override_reason) == ("", "")
    judged = action.rag(date(2026, 6, 10))
    assert (judged.rag, judged.overridden) == (Rag.GREEN, False)  # implemented, awaiting assurance
    newest_first = list(action.history.values_list("rag_override", flat=True))
    assert newest_first[:2] == ["", Rag.AMBER]  # the document's rating stays in the history


def test_a_bulk_change_of_status_lifts_the_imported_rag_too(action, alice):
    _rated_by_the_document(action)
    change_actions([action], alice, reason="Agreed at the board", status=S.IN_PROGRESS)
    action.refresh_from_db()
    assert (action.status, action.rag_override, action.rag_override_reason) == (S.IN_PROGRESS, "", "")


def test_a_progress_note_alone_keeps_the_imported_rag(action, bob):
    _rated_by_the_document(action)
    record_progress(action, bob, "Still drafting.", on=date(2026, 6, 10))
    action.refresh_from_db()
    assert action.rag(date(2026, 6, 10)).overridden and action.rag_override == Rag.AMBER


def test_a_rag_set_by_hand_stays_when_the_status_changes(action, bob):
    _rated_by_the_document(action, Rag.RED, "The board is not assured the policy is used")
    record_progress(action, bob, "Policy published.", on=date(2026, 6, 10),
                    change=StatusChange(S.IMPLEMENTED))
    action.refresh_from_db()
    assert action.rag(date(2026, 6, 10)).rag == Rag.RED
