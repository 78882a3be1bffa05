"""The order of the action lists: the work still being delivered first (the overdue at its head),
the finished after it; by status in the board's order of the lifecycle; a page at a time, by
the database, with no row twice."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone
from scenes import action_ids, text_of

from actionplan.plans.models import Action
from actionplan.plans.status import DeliveryStatus as S
from actionplan.web import paging
from factories import ActionFactory, RecommendationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def mixed(partnership, police) -> dict[str, Action]:
    """Open and finished actions, the finished due long ago, made in an order that is neither."""
    rec = RecommendationFactory(plan__partnership=partnership)
    today = timezone.localdate()

    def made(status: str, weeks: int | None) -> Action:
        due = None if weeks is None else today + timedelta(weeks=weeks)
        return ActionFactory(recommendation=rec, owner=police, status=status, due_date=due)

    return {
        "superseded long ago": made(S.SUPERSEDED, -300),
        "implemented long ago": made(S.IMPLEMENTED, -200),
        "open undated": made(S.NOT_STARTED, None),
        "due next month": made(S.IN_PROGRESS, 4),
        "not achieved": made(S.NOT_ACHIEVED, -100),
        "overdue": made(S.SLIPPED, -2),
        "implemented undated": made(S.IMPLEMENTED, None),
        "overdue longest": made(S.IN_PROGRESS, -20),
    }


def ids(mixed: dict[str, Action], *names: str) -> list[int]:
    return [mixed[name].pk for name in names]


OPEN_FIRST = ("overdue longest", "overdue", "due next month", "open undated",
              "superseded long ago", "implemented long ago", "not achieved", "implemented undated")


def test_the_actions_list_leads_with_open_work_the_overdue_first(client, alice, mixed):
    client.force_login(alice)
    assert action_ids(client.get("/actions/")) == ids(mixed, *OPEN_FIRST)
    # Chosen by name, soonest due is the same order.
    assert action_ids(client.get("/actions/?sort=due")) == ids(mixed, *OPEN_FIRST)


def test_its_pages_follow_the_same_order_with_no_row_twice(client, alice, mixed, monkeypatch):
    monkeypatch.setattr(paging, "PER_PAGE", 3)
    client.force_login(alice)
    pages = [client.get(f"/actions/?page={n}") for n in (1, 2, 3)]
    assert sum((action_ids(page) for page in pages), []) == ids(mixed, *OPEN_FIRST)
    assert "8 actions, showing 4 to 6" in text_of(pages[1])  # the count is every action's


def test_by_status_is_in_the_order_of_the_lifecycle(client, alice, mixed):
    client.force_login(alice)
    shown = action_ids(client.get("/actions/?sort=status"))
    statuses = [Action.objects.get(pk=pk).status for pk in shown]
    lifecycle = [S.NOT_STARTED, S.IN_PROGRESS, S.IN_PROGRESS, S.SLIPPED, S.IMPLEMENTED, S.IMPLEMENTED,
                 S.NOT_ACHIEVED, S.SUPERSEDED]
    assert statuses == lifecycle
    # Within a status, soonest due first, undated last.
    assert shown[1:3] == ids(mixed, "overdue longest", "due next month")
    assert shown[4:6] == ids(mixed, "implemented long ago", "implemented undated")


def test_latest_due_first_is_by_date_alone(client, alice, mixed):
    client.force_login(alice)
    assert action_ids(client.get("/actions/?sort=-due")) == ids(
        mixed, "due next month", "overdue", "overdue longest", "not achieved", "implemented long ago",
        "superseded long ago", "implemented undated", "open undated")


def test_the_overdue_list_and_my_actions_keep_soonest_due_first(client, alice, bob, mixed):
    client.force_login(alice)
    assert action_ids(client.get("/actions/?overdue=on")) == ids(mixed, "overdue longest", "overdue")
    client.force_login(bob)
    assert action_ids(client.get("/my-actions/")) == ids(
        mixed, "overdue longest", "overdue", "due next month", "open undated")
    assert action_ids(client.get("/my-actions/?shown=finished")) == ids(
        mixed, "superseded long ago", "implemented long ago", "not achieved", "implemented undated")
    statuses = [Action.objects.get(pk=pk).status for pk in action_ids(client.get("/my-actions/?sort=status"))]
    assert statuses == [S.NOT_STARTED, S.IN_PROGRESS, S.IN_PROGRESS, S.SLIPPED]
