"""Each person turns off the e-mails they do not want, except those the partnership requires;
every e-mail says where to choose."""

from __future__ import annotations

import re
from datetime import date

import pytest
from django.core import mail
from quarter import build, run_quarter

from actionplan.plans.updates import revise_due
from actionplan.reminders.models import KINDS, Preferences, ReminderSettings
from actionplan.reminders.runs import remind

pytestmark = pytest.mark.django_db
OFFERED = [kind for kind in KINDS if kind != "overdue"]  # overdue is required by default


@pytest.fixture
def quarter(partnership, police, alice, bob, dave, eve):
    return build(partnership, police, alice, bob, dave, eve)


def test_a_lead_turns_off_due_soon_reminders_but_not_the_overdue_one(client, quarter, bob):
    client.force_login(bob)
    page = client.get("/preferences/").content.decode()
    assert "Before an action of yours is due" in page
    assert 'value="overdue"' not in page  # required by the partnership: not offered
    assert "Your partnership always sends these: when an action of yours becomes overdue." in page
    assert client.post("/preferences/", {"wanted": ["plan_imported"]}).status_code == 302
    assert {"due_soon", "not_updated"} <= set(Preferences.objects.get(person=bob).turned_off)
    remind(date(2026, 5, 8))  # 7 days before 15 May
    assert not [m for m in mail.outbox if m.to == ["bob@example.org"]]
    remind(date(2026, 5, 16))  # overdue: the partnership requires it
    (overdue,) = [m for m in mail.outbox if m.to == ["bob@example.org"]]
    assert "Now overdue" in overdue.body
    choose = "Choose which e-mails you get, and how often, at http://127.0.0.1:8000/preferences/"
    assert choose in overdue.body


def test_what_the_partnership_makes_mandatory_cannot_be_turned_off(client, quarter, partnership, bob):
    ReminderSettings.objects.filter(partnership=partnership).update(mandatory=["due_soon", "overdue"])
    client.force_login(bob)
    client.post("/preferences/", {"wanted": []})
    remind(date(2026, 5, 8))
    assert [m for m in mail.outbox if m.to == ["bob@example.org"] and "Due soon" in m.body]


def test_events_respect_preferences_too(quarter, alice, bob, django_capture_on_commit_callbacks):
    Preferences.objects.create(person=bob, turned_off=["due_revised"])
    with django_capture_on_commit_callbacks(execute=True):
        revise_due(quarter.overdue_in_may, alice, revised_due=date(2026, 9, 30), reason="Funding")
    assert not [m for m in mail.outbox if m.to == ["bob@example.org"]]


def test_an_unknown_kind_is_refused(client, quarter, bob):
    client.force_login(bob)
    response = client.post("/preferences/", {"wanted": ["spam"]})
    assert response.status_code == 400
    assert not Preferences.objects.filter(person=bob).exists()


def test_a_lead_who_gathers_events_hears_of_them_in_that_days_e_mail(
    client, quarter, alice, bob, django_capture_on_commit_callbacks
):
    client.force_login(bob)
    page = client.get("/preferences/").content.decode()
    assert "gather these into one e-mail a day" in page and 'name="daily" value="due_soon"' not in page
    response = client.post("/preferences/", {"wanted": OFFERED, "daily": ["due_revised"]})
    assert response.status_code == 302
    page = client.get("/preferences/").content.decode()
    assert re.search(r'name="daily" type="checkbox" value="due_revised" checked', page), page

    def revise() -> None:
        mail.outbox.clear()
        with django_capture_on_commit_callbacks(execute=True):
            revise_due(quarter.overdue_in_may, alice, revised_due=date(2026, 5, 29), reason="Funding late")
        assert not [m for m in mail.outbox if m.to == ["bob@example.org"]]  # not at once

    sent = run_quarter(quarter, {date(2026, 4, 10): revise})
    told = [(day, m) for day, m in sent if m.to == ["bob@example.org"] and "Due date revised" in m.body]
    assert [day for day, _ in told] == [date(2026, 4, 10)]
    assert "now due 29 May 2026: Funding late" in told[0][1].body
    # The day's e-mail is the only one bob had that day.
    assert len([m for day, m in sent if day == date(2026, 4, 10) and m.to == ["bob@example.org"]]) == 1


def test_a_kind_told_once_a_day_anyway_cannot_be_gathered(client, quarter, bob):
    client.force_login(bob)
    response = client.post("/preferences/", {"wanted": OFFERED, "daily": ["due_soon"]})
    assert response.status_code == 400
    assert not Preferences.objects.filter(person=bob).exists()
