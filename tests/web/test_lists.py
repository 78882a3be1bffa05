"""Filtered lists: the filters live in the URL, and every dashboard number is the length of its list."""

from __future__ import annotations

import re

import pytest
from django.test import Client
from django.utils import timezone
from scenes import action_ids, text_of

from actionplan.plans.finder import ActionCriteria, find_actions, is_overdue, judge
from actionplan.plans.models import Action, Partnership, Plan, Recommendation, User
from actionplan.plans.recommendation_evidence import submit_recommendation_evidence
from actionplan.plans.status import FINISHED
from actionplan.plans.summary import partnership_summary

pytestmark = pytest.mark.django_db


def signed_in(client: Client, username: str) -> Client:
    client.force_login(User.objects.get(username=username))
    return client


def an_overdue_action(partnership: Partnership) -> Action:
    today = timezone.localdate()
    every = judge(find_actions(partnership, today, ActionCriteria()), today, partnership)
    found = [a for a in every if is_overdue(a, today)]
    assert found, "the demo has overdue actions"
    return found[0]


@pytest.mark.parametrize("page", ["plan", "actions"])
def test_filters_in_the_url_show_only_matching_actions(client, demo, page):
    partnership, today = demo.partnership, timezone.localdate()
    sample = an_overdue_action(partnership)
    plan_id = sample.recommendation.plan_id
    query = f"agency={sample.owner_id}&rag={sample.judged.rag}&status={sample.status}&overdue=on"
    url = f"/plans/{plan_id}/?{query}" if page == "plan" else f"/actions/?{query}"
    criteria = ActionCriteria(plan=plan_id if page == "plan" else None, agency=sample.owner_id,
                              rag=sample.judged.rag, status=sample.status, overdue=True)
    expected = {a.pk for a in find_actions(partnership, today, criteria)}

    response = signed_in(client, "dave").get(url)
    assert response.status_code == 200
    assert set(action_ids(response)) == expected and sample.pk in expected
    unfiltered = client.get(url.split("?")[0])
    assert len(set(action_ids(unfiltered))) > len(expected)  # the filters did leave some out
    page_html = response.content.decode()
    assert re.search(rf'<option value="{sample.owner_id}" selected', page_html)  # kept in the form
    assert re.search(rf'<option value="{sample.judged.rag}" selected', page_html)


def test_every_dashboard_number_is_the_length_of_its_list(client, demo):
    summary = partnership_summary(demo.partnership, timezone.localdate())
    dashboard = signed_in(client, "charlie").get("/")
    links = re.findall(r'href="(/actions/\?[^"]+)">\s*(?:<span class="app-number__value">)?(\d+)',
                       dashboard.content.decode())
    assert len(links) > 10
    for key in ("overdue", "due_soon", "stale", "awaiting_assurance"):
        assert (f"/actions/?{key}=on", str(getattr(summary, key))) in links
    for url, number in links:
        listed = client.get(url.replace("&amp;", "&"))
        assert len(action_ids(listed)) == int(number), url


def test_my_actions_are_the_agencys_open_ones_soonest_due_first(client, demo):
    bob = User.objects.get(username="bob")
    response = signed_in(client, "bob").get("/my-actions/")
    assert response.status_code == 200
    shown = action_ids(response)
    mine = Action.objects.filter(owner__in=bob.agencies.all())
    still_open = mine.exclude(status__in=FINISHED)
    assert set(shown) == set(still_open.values_list("pk", flat=True)) and shown
    assert all(a.owner.name == "Riverton Police" for a in Action.objects.filter(pk__in=shown))
    due = [Action.objects.get(pk=pk).current_due for pk in shown]
    dated = [d for d in due if d is not None]
    assert dated == sorted(dated) and due == dated + [None] * (len(due) - len(dated))
    assert "My actions" in text_of(response)

    finished = mine.filter(status__in=FINISHED)
    assert finished.exists(), "the demo has finished actions of the police"
    assert f"Show the {finished.count()} finished" in text_of(response)
    closed = client.get("/my-actions/?shown=finished&sort=status")
    assert set(action_ids(closed)) == set(finished.values_list("pk", flat=True))
    assert f"Show the {still_open.count()} still being delivered" in text_of(closed)
    back = re.search(r'href="(\?[^"]*shown=open[^"]*)"', closed.content.decode())
    assert back and "sort=status" in back.group(1)  # the sort is kept


def test_a_viewer_has_no_actions_of_their_own(client, demo):
    assert signed_in(client, "dave").get("/my-actions/").status_code == 403


def recommendation_ids(response) -> list[int]:
    """The recommendations tracked on their own that a list shows (each links to its evidence)."""
    found = re.findall(r'href="/recommendations/(\d+)/evidence/"', response.content.decode())
    return [int(pk) for pk in found]


def test_recommendations_tracked_alone_are_counted_and_listed_alike(client, demo):
    """One awaiting assurance, one not: the dashboard's numbers count the first with the actions
    awaiting assurance, and every list a number links to shows exactly what it counts."""
    alice = User.objects.get(username="alice")
    plan = demo.partnership.plans.filter(closed_on=None).first()
    waiting = Recommendation.objects.create(plan=plan, ref="9.", text="Audit the front door", order=90)
    quiet = Recommendation.objects.create(plan=plan, ref="10.", text="Refresh the training", order=91)
    submit_recommendation_evidence(waiting, alice, "Audit report", link="https://intranet.example/audit")
    summary = partnership_summary(demo.partnership, timezone.localdate())
    waiting_criteria = ActionCriteria(awaiting_assurance=True)
    actions_waiting = find_actions(demo.partnership, timezone.localdate(), waiting_criteria)
    assert summary.awaiting_assurance == actions_waiting.count() + 1

    dashboard = signed_in(client, "charlie").get("/").content.decode()
    links = re.findall(r'href="(/actions/\?[^"]+)">\s*(?:<span class="app-number__value">)?(\d+)', dashboard)
    for url, number in links:
        listed = client.get(url.replace("&amp;", "&"))
        shown = recommendation_ids(listed)
        assert len(action_ids(listed)) + len(shown) == int(number), url
        if "awaiting_assurance" in url:
            assert shown == [waiting.pk]
            assert "Evidence and assurance" in text_of(listed)
            assert "Only what is awaiting assurance." in text_of(listed)  # the filter is said
        if any(key in url for key in ("overdue", "due_soon", "stale", "agency=")):
            assert shown == []  # no due date, no owner
    plan_list = client.get(f"/actions/?plan={plan.pk}")
    assert set(recommendation_ids(plan_list)) == {waiting.pk, quiet.pk}


def test_the_filters_button_and_its_clear_link_stand_in_one_row(client, alice, action):
    client.force_login(alice)
    page = client.get(f"/plans/{action.recommendation.plan_id}/").content.decode()
    group = re.search(r'<div class="govuk-button-group">(.*?)</div>', page, flags=re.S)
    assert group and "Apply filters" in group.group(1) and "Clear filters" in group.group(1)


def test_each_plan_on_the_dashboard_leads_to_its_plan(client, demo):
    page = signed_in(client, "dave").get("/").content.decode()
    plans = Plan.objects.filter(partnership=demo.partnership)
    assert plans.count() > 1
    for plan in plans:
        assert re.search(rf'<th scope="row" class="govuk-table__header"><a class="govuk-link" '
                         rf'href="/plans/{plan.pk}/">{re.escape(plan.title)}</a></th>', page)


def test_each_action_listed_leads_to_its_plan(client, demo):
    response = signed_in(client, "bob").get("/my-actions/")
    page = response.content.decode()
    listed = Action.objects.filter(pk__in=action_ids(response)).select_related("recommendation__plan")
    assert listed
    for action in listed:
        plan = action.recommendation.plan
        assert f'<a class="govuk-link" href="/plans/{plan.pk}/">{plan.title}</a>' in page
