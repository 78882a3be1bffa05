"""The number of SQL queries of the busiest pages does not grow with the number of actions."""

from __future__ import annotations

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
