"""Random sequences of changes, days passing and thresholds changed, each change's re-count run
at once, later or never: after each step the dashboard's counts equal the live ones, every plan
not marked changed has its stored rows right, the partnership's totals are its plans' rows added
up, and after each write through the writers (not a day's turn, new thresholds nor a plan deleted
from a shell) the counts are still kept, not counted live."""

from __future__ import annotations

from datetime import date, timedelta
from unittest import mock

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from actionplan.plans import kept_counts, kept_recount
from actionplan.plans.assurance import AssuranceRefused
from actionplan.plans.bulk import change_actions
from actionplan.plans.counts_touched import counted
from actionplan.plans.editing import add_action, close_plan, reopen_plan
from actionplan.plans.models import Action, Plan, Recommendation, Theme, User
from actionplan.plans.rag import OverrideRefused
from actionplan.plans.status import DeliveryStatus as S
from actionplan.plans.status import StatusChange, TransitionRefused
from actionplan.plans.summary import partnership_summary
from actionplan.plans.updates import change_assurance, override_rag, record_progress
from factories import ActionFactory, AgencyFactory, PartnershipFactory, RecommendationFactory, UserFactory
from kept_helpers import (
    assert_kept_equal_live,
    assert_totals_are_the_plans_sum,
    assert_unmarked_plans_stored_right,
    drop_after_commit,
    run_after_commit,
)

pytestmark = pytest.mark.django_db

# When a change's re-count runs: once it is committed, after a later step, or never (it failed).
RECOUNT = ["now", "later", "never"]
STEPS = ["progress", "assurance", "override", "owner", "due", "close", "add", "link", "unlink", "theme",
         "delete", "drop", "shell drop", "day", "thresholds"]


class World:
    """A small partnership to change at random: two plans, a composite plan, two agencies."""

    def __init__(self, start: date) -> None:
        self.on = start
        self.partnership = PartnershipFactory(amber_within_days=5, stale_after_days=3)
        self.agencies = [AgencyFactory(partnership=self.partnership) for _ in range(2)]
        self.admin = UserFactory(partnership=self.partnership, role=User.Role.PARTNERSHIP_ADMIN)
        plans = [RecommendationFactory(plan__partnership=self.partnership).plan for _ in range(2)]
        for i, plan in enumerate(plans):
            for day in (-2, 4, 20):
                ActionFactory(recommendation=plan.recommendations.first(), owner=self.agencies[i],
                              due_date=start + timedelta(days=day))
        self.composite = RecommendationFactory(
            plan__partnership=self.partnership, plan__kind=Plan.Kind.COMPOSITE_ACTION_PLAN)
        self.theme = Theme.objects.create(partnership=self.partnership, name="Neglect")

    def actions(self) -> list[Action]:
        return list(Action.objects.filter(recommendation__plan__partnership=self.partnership).order_by("pk"))

    def do(self, step: str, n: int) -> bool:
        """Make the change; answers whether the counts are to be kept through it."""
        actions = self.actions()
        action = actions[n % len(actions)] if actions else None
        plans = list(self.partnership.plans.order_by("pk"))
        if step == "day":
            self.on += timedelta(days=1 + n % 4)
            return False
        if step == "thresholds":
            self.partnership.amber_within_days = (self.partnership.amber_within_days + 1 + n % 8) % 10
            self.partnership.save()
            return False
        if step in {"drop", "shell drop"}:  # a plan deleted, by a writer or by a shell
            own = [plan for plan in plans if plan.pk != self.composite.plan_id]  # the composite stays
            if len(own) < 2:
                return True  # one plan stays too: something to change
            plan = own[n % len(own)]
            if step == "shell drop":
                plan.delete()
                return False
            with counted():
                plan.delete()
        elif step == "close":
            plan = plans[n % len(plans)]
            (reopen_plan(plan, self.admin, reason="again") if plan.closed_on
             else close_plan(plan, self.admin, on=self.on, reason="done"))
        elif step == "add":
            recommendations = Recommendation.objects.filter(plan__partnership=self.partnership).order_by("pk")
            rec = recommendations[n % recommendations.count()]
            add_action(rec, self.admin, text="More", owner=self.agencies[n % 2],
                       due_date=self.on + timedelta(n % 9))
        elif action is None:
            return True
        elif step == "progress":
            status = [S.IN_PROGRESS, S.IMPLEMENTED, S.NOT_ACHIEVED, S.SLIPPED, S.SUPERSEDED][n % 5]
            record_progress(action, None, "Note", on=self.on,
                            change=StatusChange(status, "why", self.on + timedelta(days=n % 7)))
        elif step == "assurance":
            change_assurance(action, None, ["submitted", "accepted", "rejected"][n % 3], "board")
        elif step == "override":
            override_rag(action, None, ["", "red", "green"][n % 3], "board")
        elif step in {"owner", "due"}:
            owner = self.agencies[n % 2] if step == "owner" else None
            revised = self.on + timedelta(days=n % 11) if step == "due" else None
            change_actions([action], self.admin, reason="board", owner=owner, revised_due=revised)
        elif step in {"link", "unlink"}:
            with counted():
                links = self.composite.linked_actions
                (links.add if step == "link" else links.remove)(action)
        elif step == "theme":
            with counted():
                (action.recommendation.themes if n % 2 else action.themes).add(self.theme)
        elif step == "delete":
            with counted():
                action.delete()
        return True


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(st.sampled_from(STEPS), st.integers(0, 50), st.sampled_from(RECOUNT)),
                min_size=1, max_size=12))
def test_kept_counts_always_equal_the_live_ones(steps):
    world = World(date.today())
    with mock.patch.object(kept_counts, "today", lambda: world.on):
        kept_counts.rebuild(world.partnership)
        left_marked = False  # a re-count delayed or dropped since the last rebuild
        for step, n, recount in steps:
            try:
                keeps = world.do(step, n)
            except (TransitionRefused, AssuranceRefused, OverrideRefused):
                continue  # refused by the rules: nothing changed
            {"now": run_after_commit, "never": drop_after_commit}.get(recount, lambda: None)()
            left_marked = left_marked or recount != "now"
            world.partnership.refresh_from_db()
            shown = kept_counts.dashboard_summary(world.partnership, world.on)
            live = partnership_summary(world.partnership, world.on, from_history=False)
            assert kept_counts.as_rows(shown) == kept_counts.as_rows(live), step
            assert_totals_are_the_plans_sum(world.partnership)
            if keeps:
                assert kept_counts.kept_summary(world.partnership, world.on) is not None
                assert_unmarked_plans_stored_right(world.partnership, world.on)
                assert left_marked or kept_recount.marked(world.partnership) == []
            else:
                assert kept_counts.kept_summary(world.partnership, world.on) is None
                kept_counts.keep_all()  # the daily job
                assert_kept_equal_live(world.partnership, world.on)
                left_marked = False
