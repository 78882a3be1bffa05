from datetime import date, timedelta

import pytest

from actionplan.plans.assurance import AssuranceStatus as A
from actionplan.plans.rag import (
    ActionState,
    OverrideRefused,
    Rag,
    RagThresholds,
    compute_rag,
    judge_rag,
    worst,
)
from actionplan.plans.status import DeliveryStatus as S

TODAY = date(2026, 11, 21)


def rag(status=S.IN_PROGRESS, assurance=A.NONE, due=None, start=None, as_at=TODAY, **thresholds):
    state = ActionState(status, assurance, due, start)
    return compute_rag(state, as_at, RagThresholds(**thresholds))


def test_it_is_green_when_on_track():
    assert rag(due=TODAY + timedelta(days=29)) == Rag.GREEN


def test_it_turns_amber_within_28_days_of_due():
    assert rag(due=TODAY + timedelta(days=28)) == Rag.AMBER
    assert rag(due=TODAY) == Rag.AMBER  # due today is not yet overdue


def test_it_uses_the_partnerships_threshold():
    due = TODAY + timedelta(days=40)
    assert rag(due=due) == Rag.GREEN
    assert rag(due=due, amber_within_days=42) == Rag.AMBER


def test_it_is_amber_when_slipped_with_a_revised_date_still_ahead():
    assert rag(status=S.SLIPPED, due=TODAY + timedelta(days=200)) == Rag.AMBER


def test_it_is_red_when_overdue():
    assert rag(due=TODAY - timedelta(days=1)) == Rag.RED
    assert rag(status=S.SLIPPED, due=TODAY - timedelta(days=1)) == Rag.RED
    assert rag(status=S.NOT_STARTED, due=TODAY - timedelta(days=1)) == Rag.RED


def test_it_is_red_when_not_achieved_whatever_the_dates():
    assert rag(status=S.NOT_ACHIEVED, due=TODAY + timedelta(days=365)) == Rag.RED


def test_it_is_blue_only_when_implemented_and_assured():
    assert rag(status=S.IMPLEMENTED, due=TODAY - timedelta(days=90)) == Rag.GREEN
    assert rag(status=S.IMPLEMENTED, assurance=A.SUBMITTED) == Rag.GREEN
    assert rag(status=S.IMPLEMENTED, assurance=A.REJECTED) == Rag.GREEN
    for assured in [A.ACCEPTED, A.IMPACT_EVIDENCED, A.RECHECKED]:
        assert rag(status=S.IMPLEMENTED, assurance=assured) == Rag.BLUE


def test_it_is_grey_when_not_started_and_not_yet_due():
    assert rag(status=S.NOT_STARTED, due=TODAY + timedelta(days=100)) == Rag.GREY
    assert rag(status=S.NOT_STARTED, start=TODAY + timedelta(days=10)) == Rag.GREY
    assert rag(status=S.NOT_STARTED) == Rag.GREY  # ongoing, no date


def test_it_warns_amber_before_a_not_started_action_falls_due():
    assert rag(status=S.NOT_STARTED, due=TODAY + timedelta(days=5)) == Rag.AMBER


def test_it_greys_out_superseded_actions():
    assert rag(status=S.SUPERSEDED, due=TODAY - timedelta(days=100)) == Rag.GREY


def test_it_depends_on_the_as_at_date():
    due = date(2026, 6, 30)
    assert rag(due=due, as_at=date(2026, 1, 1)) == Rag.GREEN
    assert rag(due=due, as_at=date(2026, 6, 15)) == Rag.AMBER
    assert rag(due=due, as_at=date(2026, 7, 1)) == Rag.RED


def test_a_manual_override_needs_a_reason_and_is_marked():
    assert judge_rag(Rag.RED, None).overridden is False
    with pytest.raises(OverrideRefused, match="reason"):
        judge_rag(Rag.RED, Rag.GREEN, "")
    with pytest.raises(OverrideRefused, match="not a RAG"):
        judge_rag(Rag.RED, "purple", "because")
    judged = judge_rag(Rag.RED, Rag.AMBER, "Policy agreed; launch delayed by purdah.")
    assert (judged.rag, judged.overridden) == (Rag.AMBER, True)
    assert judged.reason == "Policy agreed; launch delayed by purdah."


def test_worst_orders_red_amber_green_grey_blue():
    assert worst([Rag.BLUE, Rag.GREEN, Rag.AMBER]) == Rag.AMBER
    assert worst([Rag.BLUE, Rag.GREY]) == Rag.GREY
    assert worst([Rag.GREEN, Rag.RED]) == Rag.RED
    assert worst([]) is None
