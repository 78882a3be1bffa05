"""The report forms offer the partnership's meeting dates, past and next, as the "as at" date."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest
from django.utils import timezone

from actionplan.reminders.models import Meeting
from reports.pages import download

pytestmark = pytest.mark.django_db


@pytest.fixture
def meetings(partnership, eve):
    today = timezone.localdate()
    made = [
        Meeting.objects.create(partnership=partnership, name=name, held_on=today + timedelta(days=days),
                               papers_due=today + timedelta(days=days - 7))
        for name, days in [("Board", -120), ("Board", -30), ("Learning sub-group", 20), ("Board", 60)]
    ]
    Meeting.objects.create(partnership=eve.partnership, name="Elsewhere board", held_on=today,
                           papers_due=today - timedelta(days=7))
    return made


def spoken(day: date) -> str:
    return f"{day.day} {day:%B %Y}"


def test_the_dashboards_report_form_offers_the_next_and_past_meetings(client, action, alice, meetings):
    client.force_login(alice)
    page = client.get("/").content.decode()
    offered = page.split('name="meeting"', 1)[1].split("</select>", 1)[0]
    past_old, past, coming, later = meetings
    assert f'value="{coming.held_on}">Learning sub-group, {spoken(coming.held_on)} (next)' in offered
    assert f'value="{past.held_on}">Board, {spoken(past.held_on)}' in offered
    assert offered.index(str(past.held_on)) < offered.index(str(past_old.held_on))  # newest first
    assert str(later.held_on) not in offered  # only the next one ahead
    assert "Elsewhere board" not in page


def test_no_meetings_no_choice(client, action, alice):
    client.force_login(alice)
    assert 'name="meeting"' not in client.get("/").content.decode()


def facts(response) -> dict:
    found = json.loads(b"".join(response.streaming_content))
    found.pop("generated_at")
    return found


def test_a_report_as_at_a_meeting_is_the_report_as_at_its_date(client, action, alice, meetings):
    client.force_login(alice)
    held = meetings[1].held_on
    chosen = facts(download(client, format="json", meeting=held.isoformat()))
    typed = facts(download(client, format="json", as_at=held.strftime("%d/%m/%Y")))
    today = facts(download(client, format="json"))
    assert chosen == typed
    assert chosen["as_at"] == held.isoformat() != today["as_at"]


def test_a_meeting_and_another_typed_date_is_refused(client, action, alice, meetings):
    client.force_login(alice)
    held = meetings[1].held_on
    both = client.post("/report/", {"format": "csv", "meeting": held.isoformat(), "as_at": "1/1/2020"})
    assert both.status_code == 400
    assert "Enter an as at date or choose a meeting, not both" in both.content.decode()
    same = download(client, format="csv", meeting=held.isoformat(), as_at=held.strftime("%d/%m/%Y"))
    assert same.status_code == 200
    nonsense = client.post("/report/", {"format": "csv", "meeting": "soon"})
    assert nonsense.status_code == 400 and "Choose a meeting from the list" in nonsense.content.decode()
