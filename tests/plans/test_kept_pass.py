"""The daily rebuild counts every plan of a partnership in one grouped pass (ADR 77): on
generated partnerships its numbers are each plan's own summary, the whole adds up to the live
counts, and a plan changed while the pass runs is never left stale."""

from __future__ import annotations

import random
from collections import Counter
from datetime import timedelta

import pytest
from test_kept_recount import queued, run_queued  # noqa: F401  (the database queue, as the worker has it)

from actionplan.plans import kept_counts, kept_recount
from actionplan.plans.assurance import AssuranceStatus
from actionplan.plans.counts_touched import counted
from actionplan.plans.models import Action, Partnership, Plan, ProgressUpdate, Theme
from actionplan.plans.rag import Rag
from actionplan.plans.status import DeliveryStatus as S
from actionplan.plans.summary import counts_by_plan, partnership_summary
from actionplan.plans.updates import override_rag
from factories import ActionFactory, AgencyFactory, PartnershipFactory, PlanFactory, RecommendationFactory
from kept_helpers import (
    assert_kept_equal_live,
    assert_shown_equal_live,
    assert_unmarked_plans_stored_right,
    drop_after_commit,
    run_after_commit,
)

pytestmark = pytest.mark.django_db


def generated(seed: int) -> Partnership:
    """A partnership of a few plans of random actions: statuses, due and revised dates around
    today, overrides, assurance, owners (some none, some of a national agency list), themes of
    the recommendation and of the action, updates of many ages, a closed plan, a composite plan
    linking to actions of the others, recommendations tracked on their own."""
    pick = random.Random(seed)
    today = kept_counts.today()
    partnership = PartnershipFactory(amber_within_days=pick.choice([7, 28]),
                                     stale_after_days=pick.choice([30, 90]))
    agencies = [AgencyFactory(partnership=partnership) for _ in range(4)]
    themes = [Theme.objects.create(partnership=partnership, name=f"Theme {i}") for i in range(3)]
    plans = [PlanFactory(partnership=partnership, closed_on=today if i == 3 else None) for i in range(4)]
    actions = []
    for _ in range(pick.randint(8, 14)):
        recommendation = RecommendationFactory(plan=pick.choice(plans),
                                               assurance=pick.choice(list(AssuranceStatus)))
        if pick.random() < 0.3:
            recommendation.themes.add(pick.choice(themes))
        for _ in range(pick.choice([0, 1, 2, 3, 4])):
            override = pick.choice([""] * 4 + list(Rag))
            action = ActionFactory(
                recommendation=recommendation, owner=pick.choice([None, *agencies]),
                status=pick.choice(list(S)), assurance=pick.choice(list(AssuranceStatus)),
                due_date=pick.choice([None, today + timedelta(days=pick.randint(-60, 60))]),
                revised_due_date=pick.choice([None, None, today + timedelta(days=pick.randint(-10, 40))]),
                rag_override=override, rag_override_reason="board" if override else "")
            if pick.random() < 0.3:
                action.themes.add(pick.choice(themes))
            for _ in range(pick.choice([0, 1, 2])):
                ProgressUpdate.objects.create(action=action, text="Note", status=action.status,
                                              written_on=today - timedelta(days=pick.randint(0, 200)))
            actions.append(action)
    composite = RecommendationFactory(plan__partnership=partnership,
                                      plan__kind=Plan.Kind.COMPOSITE_ACTION_PLAN)
    composite.linked_actions.add(*pick.sample(actions, min(3, len(actions))))
    return partnership


@pytest.mark.parametrize("seed", range(6))
def test_the_pass_counts_each_plan_as_its_own_summary_and_the_whole_as_the_live_counts(seed):
    partnership = generated(seed)
    on = kept_counts.today()
    every = counts_by_plan(partnership, on)
    plan_ids = list(partnership.plans.values_list("pk", flat=True))
    each = {plan_id: kept_counts.as_rows(partnership_summary(
        partnership, on, from_history=False, within=[plan_id])) for plan_id in plan_ids}
    assert every == {plan_id: rows for plan_id, rows in each.items() if rows}
    assert every, "the generated plans should count something"
    summed: Counter = Counter()
    for rows in every.values():
        summed.update(rows)
    assert summed == kept_counts.as_rows(partnership_summary(partnership, on, from_history=False))
    assert counts_by_plan(partnership, on, within=plan_ids[:2]) == {
        plan_id: rows for plan_id, rows in every.items() if plan_id in plan_ids[:2]}
    kept_counts.rebuild(partnership)
    assert_unmarked_plans_stored_right(partnership, on)
    assert_kept_equal_live(partnership)


def test_the_pass_stores_in_short_transactions_and_its_rows_replace_the_old(monkeypatch):
    partnership = generated(7)
    monkeypatch.setattr(kept_recount, "STORED_AT_ONCE", 2)  # several transactions for these plans
    kept_counts.rebuild(partnership)
    kept_counts.rebuild(partnership)  # again: each plan's rows replaced, the totals not doubled
    assert_kept_equal_live(partnership)


def changing_while_counted(monkeypatch, action: Action, times: int) -> list[int]:
    """Change the action (a RAG set by hand, from green to red and back) each time the kept
    counts are counted, after the counting, `times` times; answers the plans it was in."""
    counting, changes = kept_recount.count, []

    def meanwhile(partnership, plan_ids, on):
        counts = counting(partnership, plan_ids, on)
        if len(changes) < times:
            with counted():
                override_rag(action, None, "red" if len(changes) % 2 else "green", "agreed")
            changes.append(action.recommendation.plan_id)
        return counts

    monkeypatch.setattr(kept_recount, "count", meanwhile)
    return changes


def test_a_plan_changed_while_the_pass_runs_is_counted_again_at_once(kept, action, monkeypatch):
    changes = changing_while_counted(monkeypatch, action, times=1)
    kept_counts.rebuild(kept)
    assert len(changes) == 1  # changed after the pass counted it: its rows were stale, not stored
    assert kept_recount.marked(kept) == []  # counted again once the pass was stored
    assert_kept_equal_live(kept)


def test_a_plan_that_keeps_changing_is_left_marked_counted_live_and_queued(
        kept, action, monkeypatch, queued):  # noqa: F811
    changes = changing_while_counted(monkeypatch, action, times=1 + kept_recount.ATTEMPTS)
    kept_counts.rebuild(kept)
    assert len(changes) == 1 + kept_recount.ATTEMPTS  # changed after the pass and each count again
    # Its plan and the composite plan linking to the action: never stored from a stale count.
    changed = sorted({action.recommendation.plan_id, *kept_counts.linking_plans(action_ids=[action.pk])})
    assert sorted(kept_recount.marked(kept)) == changed
    assert_shown_equal_live(kept)  # the dashboard counts them live meanwhile
    assert_unmarked_plans_stored_right(kept, kept_counts.today())  # every other plan was stored
    assert [result.args_kwargs["args"] for result in queued()] == [[changed]]  # left to the worker
    run_queued(queued)
    assert_kept_equal_live(kept)


def test_many_plans_marked_are_counted_in_the_partnerships_pass_only_they_stored(kept, action, monkeypatch):
    with counted():
        ActionFactory(recommendation__plan__partnership=kept)  # a third plan, left as it is
    run_after_commit()
    monkeypatch.setattr(kept_recount, "LISTED_UP_TO", 1)
    counting, asked = kept_recount.count, []

    def spied(partnership, plan_ids, on):
        asked.append(plan_ids)
        return counting(partnership, plan_ids, on)

    monkeypatch.setattr(kept_recount, "count", spied)
    with counted():
        override_rag(action, None, "red", "agreed")  # its plan and the composite plan linking to it
    drop_after_commit()  # its queued re-count not run: re-counted here
    changed = set(kept_recount.marked(kept))
    assert len(changed) == 2
    assert kept_recount.recount_plans(kept, changed, kept_counts.today()) == changed  # only they stored
    assert asked == [None]  # counted with the partnership's whole pass, not by a list of ids
    assert_kept_equal_live(kept)
