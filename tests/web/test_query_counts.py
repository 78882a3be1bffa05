"""The number of SQL queries of the busiest pages does not grow with the number of actions."""

from __future__ import annotations

import re
from datetime import date

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from actionplan.plans.models import Plan, Review, Section, Theme
from actionplan.plans.updates import record_progress
from factories import ActionFactory, AgencyFactory, RecommendationFactory

pytestmark = pytest.mark.django_db

# A constant allowance: e.g. one more agency or theme row in a filter list is not a query per action.
SLACK = 2


def grow(partnership, plan: Plan, review: Review, recommendations: int, actions: int) -> None:
    """Add recommendations with actions, owners, themes, reviews and progress to `plan`."""
    section = Section.objects.create(plan=plan, name=f"Section {plan.sections.count()}")
    theme, _ = Theme.objects.get_or_create(partnership=partnership, name="Professional curiosity")
    agencies = [AgencyFactory(partnership=partnership) for _ in range(2)]
    for r in range(recommendations):
        rec = RecommendationFactory(plan=plan, section=section, order=r)
        rec.reviews.add(review)
        rec.themes.add(theme)
        for a in range(actions):
            action = ActionFactory(recommendation=rec, owner=agencies[a % 2], order=a,
                                   due_date=date(2030, 6, 30))
            if a == 0:
                record_progress(action, None, "Started", on=timezone.localdate())


def queries(client: Client, url: str) -> int:
    client.get(url)  # warm caches (sessions, content types) out of the count
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured.captured_queries)


@pytest.mark.parametrize("url", ["/plans/{plan}/", "/actions/", "/", "/reviews/{review}/",
                                 "/composite/?review={review}", "/plans/{plan}/?overdue=on&theme={theme}"])
def test_queries_do_not_grow_with_the_actions(client, alice, partnership, url):
    plan = Plan.objects.create(partnership=partnership, title="Child Q plan")
    review = Review.objects.create(partnership=partnership, code="CQ21")
    plan.reviews.add(review)
    client.force_login(alice)

    def count() -> int:
        theme = Theme.objects.filter(partnership=partnership).first()
        return queries(client, url.format(plan=plan.pk, review=review.pk, theme=theme.pk if theme else ""))

    grow(partnership, plan, review, recommendations=5, actions=2)
    small = count()
    grow(partnership, plan, review, recommendations=45, actions=4)
    large = count()
    assert large - small <= SLACK, f"{url}: {small} queries for 10 actions, {large} for 190"


def test_the_action_page_does_not_grow_with_its_updates(client, alice, action):
    client.force_login(alice)

    def post_updates(n: int) -> int:
        for number in range(n):
            record_progress(action, alice, f"Update {number}", on=timezone.localdate())
        return queries(client, f"/actions/{action.pk}/")

    small, large = post_updates(2), post_updates(30)
    assert large - small <= SLACK, f"{small} queries with 2 updates, {large} with 32"


def read_from(client: Client, url: str) -> list[str]:
    """The SQL of one request, after a first one has warmed the caches."""
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return [query["sql"] for query in captured.captured_queries]


def tables(sqls: list[str]) -> list[str]:
    return [found.group(1) for sql in sqls if (found := re.search(r'FROM "(\w+)"', sql))]


def test_the_action_page_reads_the_action_with_its_plan_and_owner(client, alice, action):
    client.force_login(alice)
    read = tables(read_from(client, f"/actions/{action.pk}/"))
    # The partnership of the header serves for the RAG thresholds too; the recommendation, plan
    # and owner come joined to the action; the reviews in one query.
    assert read.count("plans_partnership") == 1, read
    assert not {"plans_recommendation", "plans_plan", "plans_agency"} & set(read), read
    assert read.count("plans_review") == 1, read
    # The joint owners' names in one query, and their history beside the themes'.
    assert read.count("plans_action_joint_owners") == 1, read
    assert len(read) <= 12, read


def test_filters_are_read_in_one_query_each_and_a_plan_page_counts_no_plans(client, alice, partnership):
    plan = Plan.objects.create(partnership=partnership, title="Child Q plan")
    review = Review.objects.create(partnership=partnership, code="CQ21")
    grow(partnership, plan, review, recommendations=3, actions=2)
    client.force_login(alice)
    for url in [f"/plans/{plan.pk}/", "/actions/"]:
        sqls = read_from(client, url)
        # No server-side cursor (DECLARE, FETCH, CLOSE on PostgreSQL) for a list of agencies.
        assert not [sql for sql in sqls if sql.lstrip().upper().startswith("DECLARE")], url
        assert tables(sqls).count("plans_agency") == 1, url
    counted = [sql for sql in read_from(client, f"/plans/{plan.pk}/") if "COUNT(" in sql.upper()]
    assert counted == [], counted
