"""The partnership's totals of the kept counts (ADR 67): the sum of its plans' rows after each way
those rows are replaced or removed, and what the dashboard reads in the same number of queries
however many plans there are. Each change's own test (test_kept_counts.py) checks the totals too,
through kept_helpers."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from actionplan.demo.riverton import remove
from actionplan.plans import kept_counts, kept_recount, kept_totals
from actionplan.plans.counts_touched import counted
from actionplan.plans.models import KeptCount, KeptPlan, KeptTotal, Plan
from actionplan.plans.store import store_draft
from actionplan.plans.summary import partnership_summary
from factories import ActionFactory, AgencyFactory, PartnershipFactory, RecommendationFactory
from kept_helpers import assert_kept_equal_live, assert_totals_are_the_plans_sum, run_after_commit

pytestmark = pytest.mark.django_db


def draft_of(title: str) -> dict:
    item = {"ref": "1.", "section": "", "outcome": "", "recommendation": "Train the staff.",
            "review_refs": [], "progress": None, "rag": None, "line": 7,
            "actions": [{"text": f"Run the course {n}.", "owners": [], "due": None, "progress": "Booked.",
                         "rag": rag} for n, rag in enumerate(["red", "amber", "green"])]}
    return {"source": {"path": "a.docx", "format": "docx", "sha256": "cd" * 32},
            "plan": {"title": title, "kind": "review_action_plan", "reviews": [], "date": None},
            "sections": [], "items": [item], "warnings": []}


def test_a_plan_replaced_by_its_import_leaves_the_totals_with_the_new_plan_only(kept):
    store_draft(draft_of("First"), kept)
    assert_kept_equal_live(kept)
    before = kept_totals.totals(kept)
    first = Plan.objects.get(partnership=kept, title="First")
    stored = store_draft(draft_of("Second"), kept, replace=True)
    assert not Plan.objects.filter(pk=first.pk).exists()
    assert not KeptCount.objects.filter(plan_id=first.pk).exists()
    assert not KeptPlan.objects.filter(plan_id=first.pk).exists()
    assert_kept_equal_live(kept)
    after = kept_totals.totals(kept)
    assert after[("by_plan", stored.plan.pk, "red")] == 1
    assert ("by_plan", first.pk, "red") not in after  # its number gone, not kept at zero
    assert sum(n for (name, _k, _r), n in after.items() if name == "overall") == sum(
        n for (name, _k, _r), n in before.items() if name == "overall")


def test_a_plan_linked_from_a_composite_deleted_in_a_change(kept, action):
    plan = action.recommendation.plan
    with counted():
        plan.delete()  # its actions with it, and the composite plan's link to one of them
    assert_totals_are_the_plans_sum(kept)
    assert_kept_equal_live(kept)
    assert not KeptTotal.objects.filter(partnership=kept, field="by_plan", key=plan.pk).exists()


def test_a_plan_deleted_outside_the_writers_leaves_the_totals_right_and_the_counts_unread(kept, action):
    plan = action.recommendation.plan
    Plan.objects.filter(pk=plan.pk).delete()  # a shell: no re-count, the counts not read until rebuilt
    assert_totals_are_the_plans_sum(kept)
    assert kept_counts.kept_summary(kept, kept_counts.today()) is None
    kept_counts.keep_all()
    assert_kept_equal_live(kept)


def test_a_failed_deletion_outside_the_writers_takes_nothing_from_the_totals_later(kept, action):
    plan = action.recommendation.plan
    with pytest.raises(RuntimeError), transaction.atomic():
        plan.delete()
        raise RuntimeError("rolled back")
    with counted():  # the next change starts from nothing pending
        ActionFactory(recommendation=action.recommendation)
    assert_kept_equal_live(kept)


def test_a_partnership_deleted_takes_its_totals_and_leaves_the_others(kept, action):
    other = PartnershipFactory()
    ActionFactory(recommendation=RecommendationFactory(plan__partnership=other),
                  owner=AgencyFactory(partnership=other))
    kept_counts.rebuild(other)
    assert_kept_equal_live(other)
    kept_id = kept.pk
    remove(kept)  # as the demo removes its partnership, outside any change
    run_after_commit()
    assert not KeptTotal.objects.filter(partnership_id=kept_id).exists()
    assert not KeptCount.objects.filter(partnership_id=kept_id).exists()
    assert_kept_equal_live(other)


def test_a_re_count_adds_only_what_changed(kept, action):
    plan = action.recommendation.plan
    untouched = KeptTotal.objects.get(partnership=kept, field="by_plan", key=plan.pk, rag="red")
    with counted():
        ActionFactory(recommendation=action.recommendation, due_date=kept_counts.today() + timedelta(400))
    assert_kept_equal_live(kept)
    assert KeptTotal.objects.get(pk=untouched.pk).n == untouched.n  # the same row, not written again


def test_totals_wrong_are_mended_by_the_rebuild(kept, action):
    KeptTotal.objects.filter(partnership=kept, field="overall").delete()
    KeptTotal.objects.create(partnership=kept, field="stale", key=0, rag="", n=7)
    assert kept_totals.drift(kept)
    kept_counts.rebuild(kept)
    assert not kept_totals.drift(kept)
    assert_kept_equal_live(kept)


def plans_of(partnership, n: int) -> None:
    for i in range(n):
        recommendation = RecommendationFactory(plan__partnership=partnership)
        ActionFactory(recommendation=recommendation, owner=AgencyFactory(partnership=partnership),
                      due_date=kept_counts.today() + timedelta(days=i - 2))


def dashboard_queries(partnership) -> int:
    with CaptureQueriesContext(connection) as captured:
        summary = kept_counts.kept_summary(partnership, kept_counts.today())
    assert summary is not None
    return len(captured)


def test_the_dashboard_reads_as_many_queries_whatever_the_number_of_plans(kept, action):
    with counted():  # one plan marked: counted live beside the totals
        ActionFactory(recommendation=action.recommendation)
    few = dashboard_queries(kept)
    plans_of(kept, 12)
    kept_counts.rebuild(kept)
    with counted():
        ActionFactory(recommendation=action.recommendation)
    assert dashboard_queries(kept) == few
    run_after_commit()
    assert kept_recount.marked(kept) == []
    assert_kept_equal_live(kept)


def test_a_page_of_the_dashboards_plans_reads_those_plans_counts_alone(kept, action):
    plans_of(kept, 6)
    kept_counts.rebuild(kept)
    with counted():  # a plan off the page marked: counted live, its own row left out
        ActionFactory(recommendation=action.recommendation)
    on = kept_counts.today()
    others = kept_counts.open_plans(kept).exclude(pk=action.recommendation.plan_id)
    page = list(others.values_list("pk", flat=True)[2:5])
    shown = kept_counts.kept_summary(kept, on, plans=page)
    live = partnership_summary(kept, on, from_history=False)
    assert shown is not None and [plan.pk for plan in shown.by_plan] == page
    assert {plan: counts.counts for plan, counts in shown.by_plan.items()} == {
        plan: live.by_plan[plan].counts for plan in shown.by_plan}
    shown.by_plan, live.by_plan = {}, {}
    assert kept_counts.as_rows(shown) == kept_counts.as_rows(live)  # the partnership's numbers whole
