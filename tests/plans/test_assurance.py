from itertools import pairwise

import pytest

from actionplan.plans.assurance import AssuranceRefused, check_assurance_change, fresh_evidence_asks_again
from actionplan.plans.assurance import AssuranceStatus as A

PATH = [A.NONE, A.SUBMITTED, A.ACCEPTED, A.IMPACT_EVIDENCED, A.RECHECKED, A.RECHECKED]


def test_it_follows_the_assurance_path():
    for current, new in pairwise(PATH):
        check_assurance_change(current, new)


def test_it_requires_a_reason_to_reject():
    with pytest.raises(AssuranceRefused, match="reason"):
        check_assurance_change(A.SUBMITTED, A.REJECTED)
    check_assurance_change(A.SUBMITTED, A.REJECTED, "The minutes do not show the policy was agreed.")


def test_it_takes_fresh_evidence_after_a_rejection():
    check_assurance_change(A.REJECTED, A.SUBMITTED)


@pytest.mark.parametrize(
    "current,new",
    [
        (A.NONE, A.ACCEPTED),
        (A.NONE, A.IMPACT_EVIDENCED),
        (A.SUBMITTED, A.IMPACT_EVIDENCED),
        (A.REJECTED, A.ACCEPTED),
        (A.ACCEPTED, A.REJECTED),
        (A.RECHECKED, A.NONE),
    ],
)
def test_it_refuses_skipping_steps(current, new):
    with pytest.raises(AssuranceRefused, match="cannot go from"):
        check_assurance_change(current, new, reason="because")


def test_it_refuses_an_unknown_status():
    with pytest.raises(AssuranceRefused, match="not an assurance status"):
        check_assurance_change(A.NONE, "signed-off")


def test_evidence_submitted_needs_evidence():
    from actionplan.plans.assurance import EvidenceBehind, check_evidence_behind

    with pytest.raises(AssuranceRefused, match="needs a piece of evidence"):
        check_evidence_behind(A.SUBMITTED, EvidenceBehind(submitted=0, accepted=0))
    check_evidence_behind(A.SUBMITTED, EvidenceBehind(submitted=1, accepted=0))


def test_evidence_accepted_needs_an_accepted_piece_or_a_reason():
    from actionplan.plans.assurance import EvidenceBehind, check_evidence_behind

    with pytest.raises(AssuranceRefused, match="accepted piece of evidence or a recorded reason"):
        check_evidence_behind(A.ACCEPTED, EvidenceBehind(submitted=2, accepted=0))
    with pytest.raises(AssuranceRefused, match="recorded reason"):
        check_evidence_behind(A.ACCEPTED, EvidenceBehind(submitted=2, accepted=0), "   ")
    check_evidence_behind(A.ACCEPTED, EvidenceBehind(submitted=2, accepted=1))
    check_evidence_behind(A.ACCEPTED, EvidenceBehind(submitted=0, accepted=0), "Verified on 3 March")


def test_fresh_evidence_asks_again_unless_assurance_waits_or_has_moved_on_to_impact():
    asks = {status: fresh_evidence_asks_again(status) for status in A.values}
    assert asks == {A.NONE: True, A.SUBMITTED: False, A.REJECTED: True, A.ACCEPTED: True,
                    A.IMPACT_EVIDENCED: False, A.RECHECKED: False}


def test_the_steps_offered_are_those_the_checks_allow():
    from actionplan.plans.assurance import EvidenceBehind, assurance_steps

    none, one = EvidenceBehind(submitted=0, accepted=0), EvidenceBehind(submitted=1, accepted=0)
    assert assurance_steps(A.NONE, "in_progress", none) == []  # nothing to point at
    assert assurance_steps(A.NONE, "in_progress", one) == [(A.SUBMITTED, "Evidence submitted")]
    assert [v for v, _ in assurance_steps(A.REJECTED, "implemented", none)] == []
    assert [v for v, _ in assurance_steps(A.SUBMITTED, "implemented", one)] == [A.ACCEPTED, A.REJECTED]
    for not_done in ("not_achieved", "superseded"):
        assert [v for v, _ in assurance_steps(A.SUBMITTED, not_done, one)] == [A.REJECTED]
        assert assurance_steps(A.ACCEPTED, not_done, EvidenceBehind(submitted=1, accepted=1)) == []


@pytest.mark.parametrize("current,withdrawn,left,after", [
    (A.REJECTED, "rejected", (False, False, False, False), A.NONE),  # the rejected piece, alone
    (A.REJECTED, "rejected", (True, True, False, False), A.SUBMITTED),  # judged again on what stands
    (A.REJECTED, "rejected", (True, False, False, True), None),  # another rejection still stands
    (A.REJECTED, "accepted", (True, False, False, True), None),
    (A.ACCEPTED, "accepted", (True, False, False, True), A.SUBMITTED),
    (A.SUBMITTED, "pending", (False, False, False, False), A.NONE),
    (A.SUBMITTED, "pending", (True, False, True, False), None),
])
def test_after_a_withdrawal_assurance_rests_only_on_what_stands(current, withdrawn, left, after):
    from actionplan.plans.assurance import EvidenceLeft, after_withdrawal

    assert after_withdrawal(current, withdrawn, EvidenceLeft(*left), "implemented") == after


def test_after_a_withdrawal_work_not_done_never_waits_for_assurance():
    from actionplan.plans.assurance import EvidenceLeft, after_withdrawal

    pending = EvidenceLeft(True, False, True, False)  # evidence given before the work was closed
    assert after_withdrawal(A.REJECTED, "rejected", pending, "in_progress") == A.SUBMITTED
    for not_done in ("not_achieved", "superseded"):
        assert after_withdrawal(A.REJECTED, "rejected", pending, not_done) == A.NONE
        assert after_withdrawal(A.ACCEPTED, "accepted", pending, not_done) == A.NONE
