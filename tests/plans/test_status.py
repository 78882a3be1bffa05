from datetime import date

import pytest

from actionplan.plans.status import (
    ALLOWED,
    StatusChange,
    TransitionRefused,
    check_status_change,
)
from actionplan.plans.status import (
    DeliveryStatus as S,
)

DUE = date(2026, 3, 31)


def check(current: str, **change) -> None:
    check_status_change(current, StatusChange(**change), current_due=DUE)


@pytest.mark.parametrize("current", [S.NOT_STARTED, S.IN_PROGRESS, S.SLIPPED])
def test_it_lets_open_actions_move_forward(current):
    check(current, new_status=S.IMPLEMENTED)
    check(current, new_status=S.NOT_ACHIEVED, reason="Funding withdrawn by the CCG.")
    check(current, new_status=S.SUPERSEDED, replaced_by_id=7)


def test_it_requires_a_revised_date_and_reason_to_slip():
    with pytest.raises(TransitionRefused, match="revised due date"):
        check(S.IN_PROGRESS, new_status=S.SLIPPED, reason="Trainer off sick.")
    with pytest.raises(TransitionRefused, match="reason"):
        check(S.IN_PROGRESS, new_status=S.SLIPPED, revised_due=date(2026, 6, 30))
    with pytest.raises(TransitionRefused, match="reason"):
        check(S.IN_PROGRESS, new_status=S.SLIPPED, revised_due=date(2026, 6, 30), reason="   ")
    check(S.IN_PROGRESS, new_status=S.SLIPPED, revised_due=date(2026, 6, 30), reason="Trainer off sick.")


def test_it_refuses_a_revised_date_that_is_not_later():
    with pytest.raises(TransitionRefused, match="later"):
        check(S.IN_PROGRESS, new_status=S.SLIPPED, revised_due=DUE, reason="No capacity.")


def test_it_lets_a_slipped_action_slip_again():
    check(S.SLIPPED, new_status=S.SLIPPED, revised_due=date(2026, 9, 30), reason="Still no trainer.")


def test_it_requires_an_explanation_when_not_achieved():
    with pytest.raises(TransitionRefused, match="explanation"):
        check(S.IN_PROGRESS, new_status=S.NOT_ACHIEVED)


def test_it_requires_the_replacing_action_when_superseded():
    with pytest.raises(TransitionRefused, match="replaces"):
        check(S.IN_PROGRESS, new_status=S.SUPERSEDED, reason="Replaced by new action.")


@pytest.mark.parametrize("final", [S.NOT_ACHIEVED, S.SUPERSEDED])
@pytest.mark.parametrize("new", list(S))
def test_it_treats_not_achieved_and_superseded_as_final(final, new):
    with pytest.raises(TransitionRefused, match="cannot become"):
        check(final, new_status=new, reason="x", revised_due=date(2027, 1, 1), replaced_by_id=1)


def test_it_refuses_going_back_to_not_started():
    for current in [S.IN_PROGRESS, S.SLIPPED, S.IMPLEMENTED]:
        with pytest.raises(TransitionRefused, match="cannot become not started"):
            check(current, new_status=S.NOT_STARTED)


def test_it_reopens_an_implemented_action_only_with_a_reason():
    with pytest.raises(TransitionRefused, match="reopening"):
        check(S.IMPLEMENTED, new_status=S.IN_PROGRESS)
    check(S.IMPLEMENTED, new_status=S.IN_PROGRESS, reason="Audit found the policy not in use.")


def test_it_refuses_an_unknown_status():
    with pytest.raises(TransitionRefused, match="not a delivery status"):
        check(S.IN_PROGRESS, new_status="done-ish")


def test_every_status_has_a_transition_table_entry():
    assert set(ALLOWED) == set(S)
