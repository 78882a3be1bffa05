"""The dashboard's kept counts (ADR 46): each way of changing what they count keeps them equal to
the live counts; the day's turn and changed thresholds are never read from counts made for
another day. When the re-count runs: test_kept_recount.py."""

from datetime import timedelta

import pytest
from django.core.files.base import ContentFile

from actionplan.learning.themes import tag
from actionplan.plans import kept_counts
from actionplan.plans.bulk import change_actions
from actionplan.plans.corrections import withdraw_evidence, withdraw_update
from actionplan.plans.counts_touched import counted
from actionplan.plans.editing import add_action, close_plan, reopen_plan
from actionplan.plans.models import CountsKept, KeptCount, KeptTotal, Theme
from actionplan.plans.people import merge_agencies
from actionplan.plans.status import DeliveryStatus as S
from actionplan.plans.status import StatusChange
from actionplan.plans.store import store_draft
from actionplan.plans.summary import partnership_summary
from actionplan.plans.updates import decide_evidence, override_rag, record_progress, submit_evidence
from factories import ActionFactory, AgencyFactory
from kept_helpers import assert_kept_equal_live

pytestmark = pytest.mark.django_db


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
    row = KeptTotal.objects.filter(field="by_agency").first()  # what the dashboard reads
    row.key = 10**9
    row.save()
    assert kept_counts.kept_summary(kept, kept_counts.today()) is None
    assert CountsKept.objects.get(partnership=kept).as_at == kept_counts.today()


def test_check_counts_names_each_difference_and_repair_rebuilds(kept, action):
    from io import StringIO

    from django.core.management import CommandError, call_command

    call_command("check-counts", stdout=(out := StringIO()))
    assert "the kept counts equal the live ones" in out.getvalue()
    KeptTotal.objects.filter(field="overdue").update(n=40)  # what the dashboard reads
    with pytest.raises(CommandError, match="differ"):
        call_command("check-counts", stdout=(out := StringIO()))
    assert "overdue: kept 40, live 2" in out.getvalue()
    assert "total of overdue: kept 40, the plans' rows 2" in out.getvalue()
    call_command("check-counts", "--repair", stdout=StringIO())
    assert_kept_equal_live(kept)
    # A plan's rows wrong under right totals: the dashboard is right until that plan changes.
    KeptCount.objects.filter(field="overdue").update(n=5)
    with pytest.raises(CommandError, match="differ"):
        call_command("check-counts", stdout=(out := StringIO()))
    assert "1 number differs:\n  total of overdue: kept 2, the plans' rows 5" in out.getvalue()
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
