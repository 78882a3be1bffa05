"""When the dashboard's kept counts are re-counted (ADR 46, 59): a change marks its plans in its
transaction, the worker re-counts them once it commits, and they are counted live while marked;
a rollback, a failed re-count, a change meanwhile and a missing worker leave no number stale."""

import pytest
from django_tasks_db.models import DBTaskResult

from actionplan.plans import kept_counts, kept_recount
from actionplan.plans.counts_touched import counted
from actionplan.plans.models import KeptCount, Plan
from actionplan.plans.status import DeliveryStatus as S
from actionplan.plans.status import StatusChange
from actionplan.plans.updates import override_rag, record_progress
from kept_helpers import assert_kept_equal_live, assert_shown_equal_live, run_after_commit

pytestmark = pytest.mark.django_db


def test_a_change_marks_its_plans_and_is_re_counted_only_once_committed(kept, action):
    plan = action.recommendation.plan
    def stored() -> set:
        return set(KeptCount.objects.filter(plan=plan).values_list("field", "key", "rag", "n"))

    before = stored()
    with counted():
        action.delete()
    marked = kept_recount.marked(kept)
    assert plan.pk in marked and len(marked) == 2  # its plan and the composite plan linking to it
    assert stored() == before  # not re-counted yet: the rows are as before the change
    assert_shown_equal_live(kept)  # but the dashboard counts the marked plans live
    assert_kept_equal_live(kept)  # committed: re-counted, nothing left marked
    assert stored() != before


def test_a_change_rolled_back_marks_nothing_and_re_counts_nothing(kept, action):
    with pytest.raises(RuntimeError), counted():
        action.delete()
        raise RuntimeError("refused")
    assert kept_recount.marked(kept) == []
    run_after_commit()
    assert_kept_equal_live(kept)


def test_a_failed_re_count_never_fails_the_change_and_leaves_the_plan_counted_live(
        kept, action, bob, monkeypatch, caplog):
    def broken(*args, **kwargs):
        raise OSError("the database went away")

    monkeypatch.setattr(kept_recount, "count", broken)
    record_progress(action, bob, "Stuck.", on=kept_counts.today(),
                    change=StatusChange(S.NOT_ACHIEVED, "none"))
    run_after_commit()
    assert "stays counted live" in caplog.text
    assert action.recommendation.plan_id in kept_recount.marked(kept)
    assert_shown_equal_live(kept)
    monkeypatch.undo()
    kept_counts.rebuild(kept)
    assert_kept_equal_live(kept)


def test_a_change_committed_while_its_plan_is_counted_leaves_it_marked(kept, action, charlie, monkeypatch):
    plan, counting = action.recommendation.plan, kept_recount.count

    def meanwhile(partnership, plan_ids, on):
        counts = counting(partnership, plan_ids, on)  # counted before the change below
        with counted():
            override_rag(action, charlie, "green", "agreed")
        return counts

    monkeypatch.setattr(kept_recount, "count", meanwhile)
    assert kept_recount.recount_plans(kept, [plan.pk], kept_counts.today()) == set()  # nothing stored
    assert plan.pk in kept_recount.marked(kept)
    assert_shown_equal_live(kept)
    monkeypatch.undo()
    assert_kept_equal_live(kept)  # the change's own re-count, once committed, stores it


@pytest.fixture
def queued(settings):
    """The database queue, as in production, whose worker has not run yet: the re-counts queued,
    read afresh each time."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    return lambda: list(DBTaskResult.objects.filter(task_path="actionplan.plans.tasks.recount_plans"))


def run_queued(queued) -> None:
    """What the worker does with each queued re-count."""
    for result in queued():
        result.task.call(*result.args_kwargs["args"])
        result.delete()


def test_a_change_is_re_counted_by_the_worker_not_in_its_request(kept, action, bob, client, queued):
    plan = action.recommendation.plan
    composite = Plan.objects.get(partnership=kept, kind=Plan.Kind.COMPOSITE_ACTION_PLAN)
    client.force_login(bob)
    response = client.post(f"/actions/{action.pk}/progress/",
                           {"text": "Stuck.", "status": S.NOT_ACHIEVED, "reason": "no money",
                            "version": action.version})
    assert response.status_code == 302
    run_after_commit()  # as the request's commit would: the re-count is queued, not run
    assert set(kept_recount.marked(kept)) == {plan.pk, composite.pk}
    assert [result.args_kwargs["args"] for result in queued()] == [[sorted([plan.pk, composite.pk])]]
    assert_shown_equal_live(kept)  # meanwhile the dashboard counts the marked plans live
    record_progress(action, bob, "Still stuck.", on=kept_counts.today())
    run_after_commit()
    assert len(queued()) == 1  # the plans were marked already: their re-count is queued once
    run_queued(queued)
    assert kept_recount.marked(kept) == []
    assert_kept_equal_live(kept)


def test_a_plan_changed_while_the_worker_counts_it_is_counted_again(kept, action, charlie, monkeypatch,
                                                                     queued):
    plan, counting = action.recommendation.plan, kept_recount.count
    with counted():
        override_rag(action, charlie, "red", "agreed")
    run_after_commit()
    changed = []

    def meanwhile(partnership, plan_ids, on):
        counts = counting(partnership, plan_ids, on)
        if plan.pk in plan_ids and not changed:  # once, after the plan was read: its rows are stale
            changed.append(plan.pk)
            with counted():
                override_rag(action, charlie, "green", "agreed")
            run_after_commit()
        return counts

    monkeypatch.setattr(kept_recount, "count", meanwhile)
    assert len(queued()) == 1
    run_queued(queued)
    assert changed and queued() == []  # the change found the plan marked and queued nothing
    assert_kept_equal_live(kept)  # the worker counted it again


def test_with_no_worker_the_daily_run_re_counts_what_is_left_marked(kept, action, bob, queued):
    record_progress(action, bob, "Stuck.", on=kept_counts.today(),
                    change=StatusChange(S.NOT_ACHIEVED, "none"))
    run_after_commit()
    assert action.recommendation.plan_id in kept_recount.marked(kept)
    assert_shown_equal_live(kept)
    assert kept_counts.keep_all() == []  # the counts hold for today: nothing to rebuild
    assert kept_recount.marked(kept) == []
    assert_kept_equal_live(kept)
