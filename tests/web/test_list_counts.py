"""The lists the dashboard counts take their number from the kept counts (plans.list_counts), and
it is the number of rows they list: with every plan counted, and with a plan changed since."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from scenes import text_of

from actionplan.plans import kept_counts, kept_recount
from actionplan.plans.finder import ActionCriteria, find_actions
from actionplan.plans.models import Action, Recommendation, User
from actionplan.plans.status import DeliveryStatus
from actionplan.plans.tracked_alone import find_recommendations_alone

pytestmark = pytest.mark.django_db

LISTS = [
    ("/actions/", ActionCriteria()),
    ("/actions/?overdue=on", ActionCriteria(overdue=True)),
    ("/actions/?due_soon=on", ActionCriteria(due_soon=True)),
    ("/actions/?stale=on", ActionCriteria(stale=True)),
]


def shown_counts(client: Client, url: str) -> tuple[int, int, list[str]]:
    """The number of actions the page says, of recommendations alone, and its SQL."""
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    text = text_of(response)
    actions = re.search(r"(\d+) actions?\b", text)
    alone = re.search(r"(\d+) recommendations? with no actions", text)
    assert actions is not None, url
    return int(actions.group(1)), int(alone.group(1)) if alone else 0, [q["sql"] for q in captured]


def counts_actions(sqls: list[str]) -> bool:
    return any(re.search(r'SELECT COUNT\(\*\) AS "__count" FROM "plans_action"', sql) for sql in sqls)


def live(demo, criteria: ActionCriteria) -> tuple[int, int]:
    today = timezone.localdate()
    return (find_actions(demo.partnership, today, criteria).count(),
            find_recommendations_alone(demo.partnership, today, criteria).count())


@pytest.fixture
def kept(demo):
    plan = demo.partnership.plans.filter(closed_on=None).first()
    Recommendation.objects.create(plan=plan, ref="9.", text="Audit the front door", order=90)
    kept_counts.rebuild(demo.partnership)
    return demo


def lists(demo) -> list[tuple[str, ActionCriteria]]:
    agency = Action.objects.filter(recommendation__plan__partnership=demo.partnership).exclude(
        owner=None).values_list("owner_id", flat=True).first()
    return [*LISTS, (f"/actions/?agency={agency}", ActionCriteria(agency=agency))]


def test_the_kept_number_is_the_number_listed(client, kept):
    client.force_login(User.objects.get(username="charlie"))
    for url, criteria in lists(kept):
        actions, alone, sqls = shown_counts(client, url)
        assert (actions, alone) == live(kept, criteria), url
        assert not counts_actions(sqls), url  # read from the kept counts
    assert shown_counts(client, "/actions/")[1] == 1  # the recommendation tracked alone
    bob = User.objects.get(username="bob")
    client.force_login(bob)
    actions, _alone, sqls = shown_counts(client, "/my-actions/")
    agencies = tuple(bob.agencies.values_list("pk", flat=True))
    # My actions lists those still being delivered: a number the kept counts do not hold.
    assert actions == live(kept, ActionCriteria(agencies=agencies, finished=False))[0] > 0
    assert counts_actions(sqls)


def test_a_plan_changed_since_it_was_counted_and_other_filters_are_counted_live(client, kept):
    client.force_login(User.objects.get(username="charlie"))
    today = timezone.localdate()
    action = find_actions(kept.partnership, today, ActionCriteria()).exclude(
        status=DeliveryStatus.IN_PROGRESS).first()
    # Overdue, and due soon for another, without re-counting: the plan is marked changed, as
    # between a change's commit and its re-count, and its kept rows are out of date.
    kept_recount.mark([action.recommendation.plan_id])
    Action.objects.filter(pk=action.pk).update(status=DeliveryStatus.IN_PROGRESS, revised_due_date=None,
                                               due_date=today - timedelta(days=2))
    for url, criteria in lists(kept):
        actions, alone, _sqls = shown_counts(client, url)
        assert (actions, alone) == live(kept, criteria), url

    # Other filters, and counts not kept for today, are counted by the database.
    kept_counts.forget([kept.partnership.pk])
    actions, alone, sqls = shown_counts(client, "/actions/?overdue=on")
    assert counts_actions(sqls) and (actions, alone) == live(kept, ActionCriteria(overdue=True))
    kept_counts.rebuild(kept.partnership)
    status = DeliveryStatus.IN_PROGRESS
    actions, alone, sqls = shown_counts(client, f"/actions/?status={status}")
    assert counts_actions(sqls) and (actions, alone) == live(kept, ActionCriteria(status=status))
