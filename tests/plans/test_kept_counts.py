"""The dashboard's kept counts (ADR 46, 59): each way of changing what they count keeps them
equal to the live counts (marked in its transaction, re-counted by the worker once committed,
counted live while marked); the day's turn and changed thresholds are never read from counts
made for another day."""

from datetime import timedelta

import pytest
from django.core.files.base import ContentFile
from django_tasks_db.models import DBTaskResult

from actionplan.learning.themes import tag
from actionplan.plans import kept_counts, kept_recount
from actionplan.plans.bulk import change_actions
from actionplan.plans.corrections import withdraw_evidence, withdraw_update
from actionplan.plans.counts_touched import counted
from actionplan.plans.editing import add_action, close_plan, reopen_plan
from actionplan.plans.models import CountsKept, KeptCount, Plan, Theme
from actionplan.plans.people import merge_agencies
from actionplan.plans.status import DeliveryStatus as S
from actionplan.plans.status import StatusChange
from actionplan.plans.store import store_draft
from actionplan.plans.summary import partnership_summary
from actionplan.plans.updates import decide_evidence, override_rag, record_progress, submit_evidence
from factories import ActionFactory, AgencyFactory, RecommendationFactory
from kept_helpers import assert_kept_equal_live, assert_shown_equal_live, run_after_commit

pytestmark = pytest.mark.django_db


@pytest.fixture
def kept(partnership, action, police):
    """A partnership with two plans (one a composite linking to the other's action), a
    recommendation tracked alone and themes, and its counts kept."""
    today = kept_counts.today()
    ActionFactory(recommendation=action.recommendation, owner=police, due_date=today - timedelta(days=3),
                  status=S.IN_PROGRESS)
    RecommendationFactory(plan=action.recommendation.plan, rag="red")
    composite = RecommendationFactory(plan__partnership=partnership,
                                      plan__kind=Plan.Kind.COMPOSITE_ACTION_PLAN)
    composite.linked_actions.add(action)
    kept_counts.rebuild(partnership)
    assert_kept_equal_live(partnership)
    return partnership


def test_progress_with_a_status_change_is_counted_at_once(kept, action, bob):
    record_progress(action, bob, "Started.", on=kept_counts.today(),
                    change=StatusChange(S.NOT_ACHIEVED, "no money"))
    assert_kept_equal_live(kept)
    assert kept_counts.kept_summary(kept, kept_counts.today()).overall.counts["red"] == 3


def test_evidence_assurance_and_withdrawal_are_counted(kept, action, bob, charlie):
    record_progress(action, bob, "Done.", on=kept_counts.today(), change=StatusChange(S.IMPLEMENTED))
    evidence = submit_evidence(action, bob, "The new policy", file=ContentFile(b"policy", name="policy.txt"))
    assert_kept_equal_live(kept)
    decide_evidence(evidence, charlie, accept=True)
    assert_kept_equal_live(kept)
    withdraw_evidence(evidence, bob, "wrong file")
    assert_kept_equal_live(kept)


def test_a_withdrawn_update_and_a_rag_override_are_counted(kept, action, bob, charlie):
    update = record_progress(action, bob, "Started.", on=kept_counts.today())
    withdraw_update(update, bob, "posted on the wrong action")
    override_rag(action, charlie, "green", "agreed at the board")
    assert_kept_equal_live(kept)


def test_a_bulk_change_of_owner_and_due_date_is_counted(kept, action, alice):
    health = AgencyFactory(partnership=kept, name="Riverton Health")
    change_actions(list(action.recommendation.actions.all()), alice, reason="moved", owner=health,
                   revised_due=kept_counts.today() + timedelta(days=200))
    assert_kept_equal_live(kept)
    assert {agency.name for agency in kept_counts.kept_summary(kept, kept_counts.today()).by_agency} == {
        "Riverton Health"}


def test_closing_and_reopening_a_plan_and_adding_an_action_are_counted(kept, action, alice, police):
    lone = action.recommendation.plan.recommendations.get(rag="red")
    add_action(lone, alice, text="Audit it.", owner=police, due_date=kept_counts.today())
    assert_kept_equal_live(kept)
    close_plan(action.recommendation.plan, alice, on=kept_counts.today(), reason="all done")
    assert_kept_equal_live(kept)  # the composite plan's link leaves its counts too
    reopen_plan(action.recommendation.plan, alice, reason="reopened")
    assert_kept_equal_live(kept)


def test_links_themes_and_deletions_are_counted(kept, action, alice):
    neglect = Theme.objects.create(partnership=kept, name="Neglect")
    tag(action.recommendation, [neglect], {action.pk: [neglect]}, alice)
    assert_kept_equal_live(kept)
    with counted():
        action.linked_recommendations.clear()
    assert_kept_equal_live(kept)
    with counted():
        neglect.delete()
        action.delete()
    assert_kept_equal_live(kept)


def test_merging_agencies_is_counted(kept, action, alice, police):
    other = AgencyFactory(partnership=kept, name="Riverton Constabulary")
    ActionFactory(recommendation=action.recommendation, owner=other)
    kept_counts.rebuild(kept)
    merge_agencies(other, police, alice)
    assert_kept_equal_live(kept)


def test_an_imported_plan_is_counted(kept):
    item = {"ref": "1.", "section": "", "outcome": "", "recommendation": "Train the staff.",
            "review_refs": [], "progress": None, "rag": None, "line": 7,
            "actions": [{"text": "Run the course.", "owners": [], "due": None, "progress": "Booked.",
                         "rag": "red"}]}
    draft = {"source": {"path": "a.docx", "format": "docx", "sha256": "cd" * 32},
             "plan": {"title": "Imported", "kind": "review_action_plan", "reviews": [], "date": None},
             "sections": [], "items": [item, {**item, "ref": "2.", "actions": [], "line": 9}], "warnings": []}
    with counted():
        store_draft(draft, kept)
    assert_kept_equal_live(kept)


def test_a_change_outside_the_writers_is_never_read_as_kept(kept, action):
    action.status = S.NOT_ACHIEVED
    action.save()  # as the admin or a shell would: no re-count
    assert kept_counts.kept_summary(kept, kept_counts.today()) is None
    live = kept_counts.dashboard_summary(kept, kept_counts.today())
    assert live.overall.counts["red"] == 3
    kept_counts.keep_all()
    assert_kept_equal_live(kept)


def test_the_days_turn_and_new_thresholds_fall_back_to_live_until_rebuilt(kept, action, monkeypatch):
    tomorrow = kept_counts.today() + timedelta(days=1)
    monkeypatch.setattr(kept_counts, "today", lambda: tomorrow)
    assert kept_counts.kept_summary(kept, tomorrow) is None
    assert kept_counts.as_rows(kept_counts.dashboard_summary(kept, tomorrow)) == kept_counts.as_rows(
        partnership_summary(kept, tomorrow, from_history=False))
    assert kept_counts.keep_all() == [kept]
    assert_kept_equal_live(kept, tomorrow)
    kept.amber_within_days = 400
    kept.save()
    assert kept_counts.kept_summary(kept, tomorrow) is None
    kept_counts.keep_all()
    assert_kept_equal_live(kept, tomorrow)
    assert kept_counts.keep_all() == []  # nothing to do until the next day


def test_rows_naming_a_gone_agency_are_not_read(kept, action):
    row = KeptCount.objects.filter(field="by_agency").first()
    row.key = 10**9
    row.save()
    assert kept_counts.kept_summary(kept, kept_counts.today()) is None
    assert CountsKept.objects.get(partnership=kept).as_at == kept_counts.today()


def test_check_counts_names_each_difference_and_repair_rebuilds(kept, action):
    from io import StringIO

    from django.core.management import CommandError, call_command

    call_command("check-counts", stdout=(out := StringIO()))
    assert "the kept counts equal the live ones" in out.getvalue()
    KeptCount.objects.filter(field="overdue").update(n=40)
    with pytest.raises(CommandError, match="differ"):
        call_command("check-counts", stdout=(out := StringIO()))
    assert "overdue: kept 40, live 2" in out.getvalue()
    call_command("check-counts", "--repair", stdout=StringIO())
    assert_kept_equal_live(kept)


def test_the_daily_reminders_make_the_counts_for_today(kept, action):
    from io import StringIO

    from django.core.management import call_command

    action.status = S.NOT_ACHIEVED
    action.save()  # not re-counted: the counts are not read until made again
    call_command("remind", stdout=(out := StringIO()))
    assert kept.name in out.getvalue()
    assert_kept_equal_live(kept)


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

    monkeypatch.setattr(kept_recount, "counted_rows", broken)
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
    plan, counting = action.recommendation.plan, kept_recount.counted_rows

    def meanwhile(partnership, plan_id, on):
        rows = counting(partnership, plan_id, on)  # counted before the change below
        with counted():
            override_rag(action, charlie, "green", "agreed")
        return rows

    monkeypatch.setattr(kept_recount, "counted_rows", meanwhile)
    assert kept_recount.recount_plan(kept, plan.pk, kept_counts.today()) is False  # nothing stored
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
    plan, counting = action.recommendation.plan, kept_recount.counted_rows
    with counted():
        override_rag(action, charlie, "red", "agreed")
    run_after_commit()
    changed = []

    def meanwhile(partnership, plan_id, on):
        rows = counting(partnership, plan_id, on)
        if plan_id == plan.pk and not changed:  # once, after the plan was read: its rows are stale
            changed.append(plan_id)
            with counted():
                override_rag(action, charlie, "green", "agreed")
            run_after_commit()
        return rows

    monkeypatch.setattr(kept_recount, "counted_rows", meanwhile)
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
