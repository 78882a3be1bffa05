"""Status and RAG "as at" a past date, rebuilt from a history with several changes."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from actionplan.plans.assurance import AssuranceStatus as A
from actionplan.plans.history import action_as_at, actions_as_at
from actionplan.plans.rag import Rag
from actionplan.plans.status import DeliveryStatus as S
from actionplan.plans.status import StatusChange
from actionplan.plans.updates import decide_evidence, record_progress, save_stamped, submit_evidence
from factories import ActionFactory

pytestmark = pytest.mark.django_db
LONDON = ZoneInfo("Europe/London")


def at(day: date, hour: int = 10) -> datetime:
    return datetime(day.year, day.month, day.day, hour, tzinfo=LONDON)


@pytest.fixture
def history(action, bob, charlie):
    """Created 1 Jan, started 1 Feb, slipped 20 Jun (to 30 Sep), implemented 15 Sep, assured 1 Oct."""
    action.delete()
    action = ActionFactory.build(
        recommendation=action.recommendation, owner=action.owner, due_date=date(2026, 6, 30)
    )
    save_stamped(action, at(date(2026, 1, 1)))
    steps = [
        (date(2026, 2, 1), "Started.", StatusChange(S.IN_PROGRESS)),
        (date(2026, 6, 20), "Slipped.", StatusChange(S.SLIPPED, "No trainer", date(2026, 9, 30))),
        (date(2026, 9, 15), "Done.", StatusChange(S.IMPLEMENTED)),
    ]
    for day, text, change in steps:
        record_progress(action, bob, text, on=day, change=change, when=at(day))
    evidence = submit_evidence(
        action, bob, "Register", link="https://example.org/r", when=at(date(2026, 9, 16))
    )
    decide_evidence(evidence, charlie, accept=True, when=at(date(2026, 10, 1)))
    return action


@pytest.mark.parametrize(
    "day,status,rag,due,progress",
    [
        (date(2026, 1, 15), S.NOT_STARTED, Rag.GREY, date(2026, 6, 30), ""),
        (date(2026, 3, 1), S.IN_PROGRESS, Rag.GREEN, date(2026, 6, 30), "Started."),
        (date(2026, 6, 10), S.IN_PROGRESS, Rag.AMBER, date(2026, 6, 30), "Started."),
        (date(2026, 6, 20), S.SLIPPED, Rag.AMBER, date(2026, 9, 30), "Slipped."),
        (date(2026, 9, 15), S.IMPLEMENTED, Rag.GREEN, date(2026, 9, 30), "Done."),
        (date(2026, 10, 1), S.IMPLEMENTED, Rag.BLUE, date(2026, 9, 30), "Done."),
    ],
)
def test_it_rebuilds_the_action_as_it_stood(history, day, status, rag, due, progress):
    snapshot = action_as_at(history, day)
    assert (snapshot.status, snapshot.rag.rag, snapshot.revised_due or snapshot.due) == (status, rag, due)
    assert snapshot.latest_progress == progress


def test_it_shows_overdue_red_on_a_date_before_the_slip_was_recorded(history):
    # On 5 July the slip had been recorded (20 June) so it was amber, not red.
    assert action_as_at(history, date(2026, 7, 5)).rag.rag == Rag.AMBER
    assert action_as_at(history, date(2026, 7, 5)).assurance == A.NONE


def test_an_action_that_did_not_exist_yet_has_no_state(history):
    assert action_as_at(history, date(2025, 12, 31)) is None


def test_an_update_cannot_be_edited_in_hindsight(history):
    from actionplan.plans.models import RecordIsFinal

    update = history.updates.get(text="Started.")
    update.text = "Started (edited in hindsight)."
    with pytest.raises(RecordIsFinal):
        update.save()
    assert action_as_at(history, date(2026, 3, 1)).latest_progress == "Started."


def test_it_handles_many_actions_in_one_go(history):
    other = ActionFactory(recommendation=history.recommendation, owner=history.owner)
    states = actions_as_at([history.pk, other.pk], date(2026, 3, 1), history.recommendation.plan.partnership)
    assert set(states) == {history.pk}  # the other was created today
