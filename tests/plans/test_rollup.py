from actionplan.plans.rag import Rag
from actionplan.plans.rollup import roll_up
from actionplan.plans.status import DeliveryStatus as S


def test_a_recommendation_without_actions_is_tracked_on_its_own():
    assert roll_up([]) is None


def test_the_worst_rag_wins():
    rolled = roll_up([(S.IMPLEMENTED, Rag.BLUE), (S.IN_PROGRESS, Rag.AMBER), (S.IN_PROGRESS, Rag.GREEN)])
    assert rolled.rag == Rag.AMBER
    assert rolled.status == S.IN_PROGRESS
    assert not rolled.complete


def test_it_is_complete_only_when_every_action_is_implemented():
    assert roll_up([(S.IMPLEMENTED, Rag.BLUE), (S.IMPLEMENTED, Rag.GREEN)]).complete
    assert not roll_up([(S.IMPLEMENTED, Rag.BLUE), (S.NOT_STARTED, Rag.GREY)]).complete


def test_it_reports_slippage_and_failure_over_progress():
    assert roll_up([(S.IN_PROGRESS, Rag.GREEN), (S.SLIPPED, Rag.AMBER)]).status == S.SLIPPED
    assert roll_up([(S.SLIPPED, Rag.AMBER), (S.NOT_ACHIEVED, Rag.RED)]).status == S.NOT_ACHIEVED


def test_it_is_not_started_only_when_no_action_has_started():
    assert roll_up([(S.NOT_STARTED, Rag.GREY)] * 2).status == S.NOT_STARTED
    assert roll_up([(S.NOT_STARTED, Rag.GREY), (S.IMPLEMENTED, Rag.BLUE)]).status == S.IN_PROGRESS


def test_superseded_actions_are_left_to_their_replacements():
    rolled = roll_up([(S.SUPERSEDED, Rag.GREY), (S.IMPLEMENTED, Rag.BLUE)])
    assert rolled.complete and rolled.rag == Rag.BLUE
