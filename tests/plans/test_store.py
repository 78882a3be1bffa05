"""Storing a draft written by hand: every field of the JSON contract lands where it belongs."""

from datetime import date, timedelta

import pytest
from django.db.models import F

from actionplan.plans.models import Action, Plan, Review
from actionplan.plans.rag import Rag
from actionplan.plans.store import DuplicateImport, store_draft

pytestmark = pytest.mark.django_db


def draft(**plan) -> dict:
    return {
        "source": {"path": "uploads/tracker.xlsx", "format": "xlsx", "sha256": "ab" * 32},
        "plan": {
            "title": "Safeguarding Adult Review Tracker",
            "kind": "review_action_plan",
            "board": "Riverton SAB",
            "reviews": ["Adult K"],
            "date": "2024-05",
            **plan,
        },
        "sections": [{"name": "Riverton Homes", "kind": "agency"}, {"name": "Learning", "kind": "theme"}],
        "items": [
            {
                "ref": "1.",
                "section": "Riverton Homes",
                "outcome": "Tenants are safe.",
                "recommendation": "Review the tenancy checks.",
                "review_refs": [],
                "progress": None,
                "rag": None,
                "notes": [{"column": "Comments", "text": "Raised at May board"}],
                "line": 4,
                "actions": [
                    {
                        "text": "Add a welfare question.",
                        "owners": ["Head of Tenancy"],
                        "due": {
                            "text": "Sept '24",
                            "date": "2024-09-30",
                            "precision": "month",
                            "kind": "date",
                        },
                        "measure": "Audit of 20 visits.",
                        "progress": "Draft agreed.",
                        "rag": "amber",
                    }
                ],
            },
            {
                "ref": "2.",
                "section": "Learning",
                "outcome": "",
                "recommendation": "Share the learning.",
                "review_refs": ["All"],
                "progress": "Briefing issued.",
                "rag": "green",
                "actions": [],
            },
        ],
        "warnings": [],
    }


def test_it_stores_every_field(partnership):
    stored = store_draft(draft(), partnership)
    plan = stored.plan
    assert (plan.title, plan.as_at, plan.source_name) == (
        "Safeguarding Adult Review Tracker",
        date(2024, 5, 1),
        "tracker.xlsx",
    )
    assert Review.objects.get(code="Adult K").kind == Review.Kind.SAR
    first, second = plan.recommendations.all()
    assert (first.ref, first.outcome, first.source_line) == ("1.", "Tenants are safe.", 4)
    assert first.notes == [{"column": "Comments", "text": "Raised at May board"}]
    action = first.actions.get()
    assert (action.owner.name, action.owner_role) == ("Riverton Homes", "Head of Tenancy")
    assert (action.due_text, action.due_date, action.due_precision) == (
        "Sept '24",
        date(2024, 9, 30),
        "month",
    )
    assert action.rag(date(2024, 6, 1)).overridden and action.rag_override == Rag.AMBER
    assert action.updates.get().text == "Draft agreed."
    assert (second.progress, second.rag) == ("Briefing issued.", "green")
    assert list(second.reviews.values_list("code", flat=True)) == ["Adult K"]  # "All" = the plan's reviews
    assert {"column": "Review refs", "text": "All"} in second.notes
    assert stored.new_agencies == ["Riverton Homes"]


def test_it_refuses_the_same_source_twice_and_leaves_the_first(partnership):
    first = store_draft(draft(), partnership).plan
    with pytest.raises(DuplicateImport, match="already imported") as refused:
        store_draft(draft(), partnership)
    assert Plan.objects.count() == 1
    # The refusal carries the facts; the words of a hint are each interface's own.
    assert (refused.value.existing, refused.value.work) == (first, [])
    assert "--replace" not in str(refused.value)


def test_a_failure_half_way_leaves_nothing(partnership):
    bad = draft()
    bad["items"][1]["actions"] = [{"text": "x", "owners": [], "due": {"date": "not-a-date"}}]
    with pytest.raises(ValueError):
        store_draft(bad, partnership)
    assert Plan.objects.count() == 0 and Action.objects.count() == 0


def test_a_plan_worked_on_since_its_import_is_not_replaced(partnership, bob):
    from actionplan.plans.updates import record_progress

    stored = store_draft(draft(), partnership)
    action = Action.objects.get(recommendation__plan=stored.plan)
    action.owner.leads.add(bob)
    record_progress(action, bob, "Welfare question added to the form.", on=date(2024, 6, 1))
    with pytest.raises(DuplicateImport, match="cannot be replaced: it has 1 progress updates") as refused:
        store_draft(draft(), partnership, replace=True)
    assert (refused.value.existing, refused.value.work) == (stored.plan, ["1 progress updates"])
    assert Action.objects.get(pk=action.pk).updates.count() == 2


def test_an_untouched_plan_is_replaced(partnership):
    first = store_draft(draft(), partnership).plan
    second = store_draft(draft(), partnership, replace=True).plan
    assert not Plan.objects.filter(pk=first.pk).exists()
    assert Plan.objects.get().pk == second.pk


def test_a_rag_override_since_the_import_stops_a_replace_and_is_named(partnership, charlie):
    from actionplan.plans.updates import override_rag

    stored = store_draft(draft(), partnership)
    action = Action.objects.filter(recommendation__plan=stored.plan).order_by("pk").first()
    override_rag(action, charlie, Rag.RED, "The board is not assured by the audit.")
    ref = action.recommendation.ref
    with pytest.raises(DuplicateImport, match=rf"changes to recommendation {ref} \(RAG override\)"):
        store_draft(draft(), partnership, replace=True)
    assert Action.objects.get(pk=action.pk).rag_override == Rag.RED


def test_every_stored_row_has_its_history_and_a_done_action_is_implemented(partnership):
    done = {"text": "Policy issued.", "owners": ["Head of Tenancy"],
            "due": {"text": "Completed Oct 2009", "date": None, "precision": "", "kind": "done"}}
    rows = draft()
    rows["items"][0]["actions"].append(done)
    plan = store_draft(rows, partnership).plan
    actions = list(Action.objects.filter(recommendation__plan=plan).order_by("order"))
    assert [a.status for a in actions] == ["not_started", "implemented"]
    for rec in plan.recommendations.all():
        assert list(rec.history.values_list("history_type", flat=True)) == ["+"]
    for action in actions:
        assert list(action.history.values_list("history_type", "status")) == [("+", action.status)]
        update = action.updates.get()
        assert (update.status, list(update.history.values_list("history_type", flat=True))) == (
            action.status, ["+"]
        )
    assert actions[1].updates.get().text == "Recorded as done in the imported document: “Completed Oct 2009”."


def test_a_persons_change_moments_after_the_import_still_stops_a_replace(partnership, charlie, monkeypatch):
    """However soon after the import a person acts, their change is theirs, not the import's."""
    from actionplan.plans import work_since_import
    from actionplan.plans.updates import override_rag

    monkeypatch.setattr(work_since_import, "IMPORT_SETTLES", timedelta(hours=1))  # all within the window
    stored = store_draft(draft(), partnership)
    action = Action.objects.filter(recommendation__plan=stored.plan).order_by("pk").first()
    override_rag(action, charlie, Rag.RED, "Not assured.")
    with pytest.raises(DuplicateImport) as refused:
        store_draft(draft(), partnership, replace=True)
    assert refused.value.work == [f"changes to recommendation {action.recommendation.ref} (RAG override)"]


def test_a_change_by_no_one_while_the_import_settles_is_the_imports_own(partnership, monkeypatch):
    from actionplan.plans import work_since_import
    from actionplan.plans.updates import save_stamped

    monkeypatch.setattr(work_since_import, "IMPORT_SETTLES", timedelta(hours=1))
    stored = store_draft(draft(), partnership)
    action = Action.objects.filter(recommendation__plan=stored.plan).order_by("pk").first()
    action.measure = "Audit of 25 visits."
    save_stamped(action)  # nobody: as the import itself would
    assert store_draft(draft(), partnership, replace=True).plan.pk != stored.plan.pk


def test_an_action_added_and_a_plan_renamed_since_the_import_stop_a_replace(partnership, alice):
    from actionplan.plans.editing import add_action, save_plan
    from actionplan.plans.models import Recommendation

    stored = store_draft(draft(), partnership)
    two_days_ago = F("history_date") - timedelta(days=2)  # as if imported then
    Action.history.filter(recommendation__plan=stored.plan).update(history_date=two_days_ago)
    Recommendation.history.filter(plan_id=stored.plan.pk).update(history_date=two_days_ago)
    rec = stored.plan.recommendations.get(ref="2.")
    add_action(rec, alice, text="Brief the housing officers.", owner=None)
    plan = stored.plan
    plan.title = "Adult K tracker"
    save_plan(plan, alice, list(plan.reviews.all()))
    with pytest.raises(DuplicateImport) as refused:
        store_draft(draft(), partnership, replace=True)
    assert refused.value.work == [
        "changes to recommendation 2. (action added)", "changes to the plan (title)"
    ]
    assert Action.objects.filter(text="Brief the housing officers.").exists()
