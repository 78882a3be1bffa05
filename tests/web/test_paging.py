"""Long lists come a page at a time, counted by the database, in the order chosen."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from scenes import action_ids, text_of

from actionplan.plans.models import Action, Recommendation
from actionplan.web import paging
from factories import ActionFactory, RecommendationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def twelve(partnership, police) -> list[Action]:
    """Twelve actions, one due each week from five weeks ago: five overdue, none undated."""
    rec: Recommendation = RecommendationFactory(plan__partnership=partnership)
    today = timezone.localdate()
    return [ActionFactory(recommendation=rec, owner=police, status="in_progress",
                          due_date=today + timedelta(weeks=week - 5)) for week in range(12)]


@pytest.fixture
def small_pages(monkeypatch):
    monkeypatch.setattr(paging, "PER_PAGE", 5)


def test_it_shows_a_page_at_a_time_and_counts_them_all(client, alice, twelve, small_pages):
    client.force_login(alice)
    pages = [client.get(f"/actions/?page={n}") for n in (1, 2, 3)]
    shown = [action_ids(page) for page in pages]
    assert [len(ids) for ids in shown] == [5, 5, 2]
    assert sum(shown, []) == [a.pk for a in twelve]  # soonest due first, no row twice
    assert "12 actions, showing 6 to 10" in text_of(pages[1])
    assert 'href="?page=3"' in pages[1].content.decode()  # the pagination component links on
    assert action_ids(client.get("/actions/?page=99")) == shown[2]  # past the end: the last page


def test_filters_and_the_sort_are_kept_from_page_to_page(client, alice, twelve, small_pages):
    client.force_login(alice)
    first = client.get("/actions/?overdue=on&sort=-due")
    assert "5 actions" in text_of(first) and "showing" not in text_of(first)  # one page holds them
    assert action_ids(first) == [a.pk for a in reversed(twelve[:5])]
    everything = client.get("/actions/?sort=-due")
    next_page = re.search(r'href="(\?[^"]*page=2[^"]*)"', everything.content.decode())
    assert next_page and "sort=-due" in next_page.group(1)
    assert action_ids(client.get("/actions/" + next_page.group(1).replace("&amp;", "&"))) == [
        a.pk for a in reversed(twelve[2:7])
    ]


def test_worst_rag_first(client, alice, twelve):
    client.force_login(alice)
    done = twelve[-1]
    done.status, done.assurance = "implemented", "accepted"
    done.save()
    shown = action_ids(client.get("/actions/?sort=rag"))
    rags = [Action.objects.get(pk=pk).rag(timezone.localdate()).rag for pk in shown]
    assert rags[:5] == ["red"] * 5 and rags[-1] == "blue" and "amber" in rags


def test_my_actions_come_a_page_at_a_time_too(client, bob, twelve, small_pages):
    client.force_login(bob)
    assert action_ids(client.get("/my-actions/?page=3")) == [a.pk for a in twelve[10:]]


def test_the_dashboards_plans_come_a_page_at_a_time(client, alice, partnership, twelve, monkeypatch):
    from actionplan.plans.models import Plan
    from actionplan.web.views import dashboard

    monkeypatch.setattr(dashboard, "PLANS_PER_PAGE", 3)
    Plan.objects.bulk_create([Plan(partnership=partnership, title=f"Plan {n:02d}") for n in range(4)])
    client.force_login(alice)
    first, last = client.get("/"), client.get("/?plans_page=2")
    plans_in = [re.findall(r'href="/actions/\?plan=(\d+)"', page.content.decode()) for page in (first, last)]
    assert [len(ids) for ids in plans_in] == [3, 2] and not set(plans_in[0]) & set(plans_in[1])
    assert "plans 1 to 3 of 5" in text_of(first)
    assert 'href="?plans_page=2"' in first.content.decode()


def test_past_a_few_hundred_plans_the_plan_comes_from_the_link(client, alice, partnership, twelve,
                                                               monkeypatch):
    from actionplan.web import forms

    monkeypatch.setattr(forms, "MAX_PLANS_TO_CHOOSE", 1)
    other = ActionFactory(recommendation__plan__partnership=partnership)
    plan = twelve[0].recommendation.plan
    client.force_login(alice)
    page = client.get(f"/actions/?plan={plan.pk}")
    html = page.content.decode()
    assert 'id="id_plan"' not in html  # no list of every plan
    assert f'<input type="hidden" name="plan" value="{plan.pk}">' in html
    assert f"Plan: {plan.title}" in text_of(page)
    assert set(action_ids(page)) == {a.pk for a in twelve} and other.pk not in action_ids(page)


def test_a_long_plan_comes_a_page_of_recommendations_at_a_time(client, alice, partnership, police,
                                                               monkeypatch):
    from actionplan.web.views import plans

    monkeypatch.setattr(plans, "RECOMMENDATIONS_PER_PAGE", 2)
    today = timezone.localdate()
    plan = RecommendationFactory(plan__partnership=partnership).plan
    Recommendation.objects.filter(plan=plan).delete()
    recs = [RecommendationFactory(plan=plan, order=n) for n in range(5)]
    late = [ActionFactory(recommendation=rec, owner=police, status="in_progress",
                          due_date=today - timedelta(days=1)) for rec in recs]
    on_time = ActionFactory(recommendation=recs[1], owner=police, order=1,
                            due_date=today + timedelta(days=300))
    client.force_login(alice)
    pages = [action_ids(client.get(f"/plans/{plan.pk}/?page={n}")) for n in (1, 2, 3)]
    assert pages == [[late[0].pk, late[1].pk, on_time.pk], [late[2].pk, late[3].pk], [late[4].pk]]
    assert "Recommendations 1 to 2 of 5" in text_of(client.get(f"/plans/{plan.pk}/"))
    Action.objects.filter(pk__in=[late[0].pk, late[2].pk]).update(due_date=today + timedelta(days=300))
    overdue = [action_ids(client.get(f"/plans/{plan.pk}/?overdue=on&page={n}")) for n in (1, 2)]
    assert overdue == [[late[1].pk, late[3].pk], [late[4].pk]]  # only rows with a match are paged


def test_the_list_of_plans_comes_a_page_at_a_time(client, alice, partnership, small_pages):
    from actionplan.plans.models import Plan

    Plan.objects.bulk_create([Plan(partnership=partnership, title=f"Plan {n:02d}") for n in range(7)])
    client.force_login(alice)
    pages = [client.get(f"/plans/?page={n}").content.decode() for n in (1, 2)]
    shown = [re.findall(r'href="/plans/(\d+)/"', page) for page in pages]
    assert [len(ids) for ids in shown] == [5, 2] and not set(shown[0]) & set(shown[1])
    assert "7 plans of the partnership, showing 1 to 5" in pages[0]
    assert 'href="?page=2"' in pages[0]
