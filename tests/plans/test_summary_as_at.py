"""The dashboard's counts "as at" a past day, made by SQL aggregates over the history tables, equal
the Python rule applied to each action's version in force that day (plans.history), on generated
histories: actions created, changed, given updates and moved between agencies on drawn days."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, date, datetime, time, timedelta

import pytest
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from actionplan.plans.assurance import AssuranceStatus
from actionplan.plans.finder import awaiting_assurance, due_soon_on, overdue_on, stale_on
from actionplan.plans.history import actions_as_at, newest_updates_as_at, versions_in_force
from actionplan.plans.models import Action, Agency, Partnership, Plan, ProgressUpdate, Recommendation
from actionplan.plans.rag import Rag
from actionplan.plans.stamping import save_stamped
from actionplan.plans.status import DeliveryStatus
from actionplan.plans.summary import partnership_summary

pytestmark = pytest.mark.django_db
ON = date(2026, 6, 5)  # the meeting looked back at; days below are relative to it
a_day = st.integers(min_value=-60, max_value=30)
maybe_due = st.one_of(st.none(), st.integers(min_value=-40, max_value=60))
a_change = st.fixed_dictionaries({
    "day": a_day,
    "status": st.sampled_from(DeliveryStatus.values),
    "assurance": st.sampled_from(AssuranceStatus.values),
    "revised_due_date": maybe_due,
    "rag_override": st.sampled_from(["", "", *Rag.values]),
    "owner": st.sampled_from([None, 0, 1]),
})
an_action = st.fixed_dictionaries({
    "created": a_day,
    "recommendation": st.sampled_from([0, 1]),
    "due_date": maybe_due,
    "changes": st.lists(a_change, max_size=3),
    "updates": st.lists(st.tuples(a_day, a_day), max_size=3),  # (written on, recorded on)
})
thresholds = st.fixed_dictionaries({
    "amber_within_days": st.integers(min_value=0, max_value=30),
    "stale_after_days": st.integers(min_value=1, max_value=40),
})


def moment(days: int) -> datetime:
    return datetime.combine(ON + timedelta(days=days), time(12), UTC)


def when(days: int | None) -> date | None:
    return None if days is None else ON + timedelta(days=days)


def store(partnership: Partnership, rows: list[dict]) -> None:
    plan = Plan.objects.create(partnership=partnership, title="Generated plan")
    recommendations = [Recommendation(plan=plan, ref=str(i)) for i in (1, 2)]
    for recommendation in recommendations:
        save_stamped(recommendation, when=moment(-100))
    agencies = [Agency.objects.create(partnership=partnership, name=n) for n in ("Police", "Health")]
    for row in rows:
        action = Action(recommendation=recommendations[row["recommendation"]], text="Generated",
                        due_date=when(row["due_date"]))
        save_stamped(action, when=moment(row["created"]))
        created = moment(row["created"])  # as an imported plan's back-dated record says
        Action.objects.filter(pk=action.pk).update(created_at=created)
        Action.history.filter(id=action.pk).update(created_at=created)
        action.refresh_from_db()
        for change in sorted(row["changes"], key=lambda c: c["day"]):
            day = max(change["day"], row["created"])
            action.status, action.assurance = change["status"], change["assurance"]
            action.revised_due_date = when(change["revised_due_date"])
            action.rag_override = change["rag_override"]
            action.rag_override_reason = "Agreed at the board" if change["rag_override"] else ""
            action.owner = None if change["owner"] is None else agencies[change["owner"]]
            save_stamped(action, when=moment(day))
        for written, recorded in row["updates"]:
            update = ProgressUpdate(action=action, written_on=when(written), text="Update",
                                    status=action.status)
            save_stamped(update, when=moment(max(recorded, row["created"])))


def python_counts(partnership: Partnership, on: date) -> tuple[Counter, int, tuple[int, ...]]:
    """RAG counts (recommendations with no action then: grey), owned actions, and the four
    exceptions, one action at a time from the history as plans.history reads it."""
    ids = list(Action.objects.values_list("pk", flat=True))
    states = actions_as_at(ids, on, partnership)
    versions = versions_in_force(Action.history.filter(id__in=ids), on)
    updates = newest_updates_as_at(states, on)
    rags = Counter(state.rag.rag for state in states.values())
    with_actions = {versions[pk].recommendation_id for pk in states}
    rags[Rag.GREY] += Recommendation.objects.exclude(pk__in=with_actions).count()
    exceptions = [0, 0, 0, 0]
    for pk, state in states.items():
        last = updates[pk][0] if pk in updates else versions[pk].created_at.astimezone(UTC).date()
        exceptions[0] += overdue_on(state.status, state.current_due, on)
        exceptions[1] += due_soon_on(state.status, state.current_due, on, partnership.amber_within_days)
        exceptions[2] += stale_on(state.status, last, on, partnership.stale_after_days)
        exceptions[3] += awaiting_assurance(state.assurance)
    owned = sum(versions[pk].owner_id is not None for pk in states)
    return rags, owned, tuple(exceptions)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=st.lists(an_action, min_size=1, max_size=8), limits=thresholds,
       look_back=st.sampled_from([-20, 0, 10]))
def test_the_counts_as_at_a_past_day_are_the_python_rule_on_the_history(rows, limits, look_back):
    with transaction.atomic():
        partnership = Partnership.objects.create(name="Generated partnership", **limits)
        store(partnership, rows)
        on = ON + timedelta(days=look_back)
        summary = partnership_summary(partnership, on, from_history=True)
        rags, owned, exceptions = python_counts(partnership, on)
        assert summary.overall.counts == +rags
        assert sum(c.total for c in summary.by_agency.values()) == owned
        assert (summary.overdue, summary.due_soon, summary.stale, summary.awaiting_assurance) == exceptions
        transaction.set_rollback(True)


def test_a_change_after_the_day_does_not_change_its_counts():
    partnership = Partnership.objects.create(name="Riverton Safeguarding Partnership")
    plan = Plan.objects.create(partnership=partnership, title="Child M")
    recommendation = Recommendation(plan=plan, ref="1")
    save_stamped(recommendation, when=moment(-30))
    police = Agency.objects.create(partnership=partnership, name="Riverton Police")
    action = Action(recommendation=recommendation, text="Brief all staff", owner=police,
                    due_date=when(-1), status=DeliveryStatus.IN_PROGRESS)
    save_stamped(action, when=moment(-30))
    action.status = DeliveryStatus.IMPLEMENTED
    save_stamped(action, when=moment(5))

    then = partnership_summary(partnership, ON, from_history=True)
    later = partnership_summary(partnership, ON + timedelta(days=6), from_history=True)

    assert (then.overall.counts, then.overdue) == (Counter({Rag.RED: 1}), 1)
    assert (later.overall.counts, later.overdue) == (Counter({Rag.GREEN: 1}), 0)
    assert then.by_plan == {plan: then.overall}
    assert list(then.by_agency) == [police]
    # A day before today is read from the history unless asked otherwise; today's rows are green.
    assert partnership_summary(partnership, ON).overall.counts == then.overall.counts
    assert partnership_summary(partnership, ON, from_history=False).overall.counts == Counter({Rag.GREEN: 1})


def test_a_plan_closed_after_the_day_is_counted_on_that_day():
    partnership = Partnership.objects.create(name="Riverton Safeguarding Partnership")
    plan = Plan.objects.create(partnership=partnership, title="Child M", closed_on=ON + timedelta(days=1))
    recommendation = Recommendation(plan=plan, ref="1")
    save_stamped(recommendation, when=moment(-30))

    assert partnership_summary(partnership, ON, from_history=True).overall.total == 1
    assert partnership_summary(partnership, ON + timedelta(days=1), from_history=True).overall.total == 0


def test_a_recommendation_tracked_alone_awaits_assurance_as_its_history_says():
    partnership = Partnership.objects.create(name="Riverton Safeguarding Partnership")
    plan = Plan.objects.create(partnership=partnership, title="Child M")
    recommendation = Recommendation(plan=plan, ref="4.", assurance=AssuranceStatus.SUBMITTED)
    save_stamped(recommendation, when=moment(-10))
    recommendation.assurance = AssuranceStatus.ACCEPTED
    save_stamped(recommendation, when=moment(5))

    then = partnership_summary(partnership, ON, from_history=True)
    later = partnership_summary(partnership, ON + timedelta(days=6), from_history=True)

    assert (then.awaiting_assurance, then.recommendations_alone, then.overdue, then.stale) == (1, 1, 0, 0)
    assert (later.awaiting_assurance, later.recommendations_alone) == (0, 1)
    assert partnership_summary(partnership, ON, from_history=False).awaiting_assurance == 0
