"""The dashboard as at another day: typed or a meeting's, counted from the history."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from actionplan.plans.status import DeliveryStatus, StatusChange
from actionplan.plans.updates import record_progress
from actionplan.reminders.models import Meeting

pytestmark = pytest.mark.django_db


def overall(response) -> str:
    """The table of the partnership's counts, as the page shows it."""
    page = response.content.decode()
    return page.split("Actions by RAG rating, all plans", 1)[1].split("</table>", 1)[0]


def as_at(response) -> str:
    said = response.content.decode().split('<p class="govuk-body">As at ', 1)[1]
    return said.split(",", 1)[0].split(".", 1)[0]


def spoken(day) -> str:
    return f"{day.day} {day:%B %Y}"


def test_a_past_day_shows_the_counts_of_that_day(client, alice, action):
    client.force_login(alice)
    yesterday = timezone.localdate() - timedelta(days=1)
    before = overall(client.get("/"))
    action.history.update(history_date=timezone.now() - timedelta(days=3))  # the action existed then
    for status in (DeliveryStatus.IN_PROGRESS, DeliveryStatus.IMPLEMENTED):
        record_progress(action, alice, "Done.", on=timezone.localdate(), change=StatusChange(status))
        action.refresh_from_db()
    today = overall(client.get("/"))
    then = client.get("/", {"as_at": yesterday.strftime("%d/%m/%Y")})
    assert then.status_code == 200
    assert today != before  # the update changed today's counts ...
    assert overall(then) == before  # ... and not yesterday's
    assert "as things stood at the end of that day" in then.content.decode()


def test_a_meeting_chosen_is_its_day(client, alice, action, partnership):
    held = timezone.localdate() - timedelta(days=10)
    Meeting.objects.create(partnership=partnership, name="Board", held_on=held,
                           papers_due=held - timedelta(days=7))
    client.force_login(alice)
    page = client.get("/", {"meeting": held.isoformat()})
    assert page.status_code == 200 and as_at(page) == spoken(held)
    assert f'value="{held.isoformat()}" selected' in page.content.decode()


@pytest.mark.parametrize("asked,said", [
    ({"as_at": "31st of Smarch"}, "Enter the as at date as day/month/year"),
    ({"as_at": "1/1/0001"}, "The as-at date must be between"),
    ({"meeting": "soon"}, "Choose a meeting from the list"),
    ({"meeting": "\x00"}, "Null characters are not allowed"),
])
def test_a_day_nobody_can_read_is_said_beside_the_field(client, alice, action, asked, said):
    client.force_login(alice)
    page = client.get("/", asked)
    assert page.status_code == 400
    assert said in page.content.decode()
    assert as_at(page) == spoken(timezone.localdate())  # today's counts meanwhile
