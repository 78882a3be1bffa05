"""The meeting calendar: working days leave out weekends and bank holidays; the admin's pages
refuse a deadline after the meeting and keep the reminder settings sensible."""

from __future__ import annotations

from datetime import date

import pytest

from actionplan.reminders.calendar import updates_wanted_from, working_days_before
from actionplan.reminders.models import Meeting, ReminderSettings

pytestmark = pytest.mark.django_db


def test_working_days_leave_out_weekends_and_bank_holidays():
    # Friday 5 June 2026, ten working days back: Monday 25 May is the Spring bank holiday.
    assert updates_wanted_from(date(2026, 6, 5), 10) == date(2026, 5, 21)
    # Over Christmas: 25 and 28 December 2026 are holidays (Boxing Day falls on a Saturday).
    assert working_days_before(date(2026, 12, 29), 1) == date(2026, 12, 24)
    assert working_days_before(date(2026, 6, 8), 1) == date(2026, 6, 5)  # Monday back to Friday


def test_an_admin_adds_a_meeting_and_sees_when_updates_are_asked_for(client, alice):
    client.force_login(alice)
    board = {"name": "Board", "kind": "board", "held_on": "11/6/2027", "papers_due": "4/6/2027"}
    assert client.post("/meetings/new/", board).status_code == 302
    meeting = Meeting.objects.get()
    assert (meeting.partnership, meeting.held_on, meeting.papers_due) == (
        alice.partnership, date(2027, 6, 11), date(2027, 6, 4)
    )
    page = client.get("/meetings/").content.decode()
    # Ten working days before Friday 4 June 2027, with the Spring bank holiday on 31 May.
    assert "Board" in page and "20 May 2027" in page


def test_a_papers_deadline_after_the_meeting_is_refused(client, alice):
    client.force_login(alice)
    late = {"name": "Board", "kind": "board", "held_on": "12/6/2030", "papers_due": "13/6/2030"}
    response = client.post("/meetings/new/", late)
    assert response.status_code == 400
    assert "The papers deadline must be on or before the day of the meeting" in response.content.decode()
    assert not Meeting.objects.exists()


def test_reminder_settings_are_read_and_checked(client, alice):
    client.force_login(alice)
    data = {"days_before_due": "7, 28", "not_updated_days": 45, "papers_working_days": 5, "digest_weekday": 4}
    assert client.post("/meetings/reminders/", data).status_code == 302
    rules = ReminderSettings.objects.get(partnership=alice.partnership)
    assert (rules.days_before_due, rules.not_updated_days, rules.digest_weekday) == ([28, 7], 45, 4)
    refused = client.post("/meetings/reminders/", {**data, "days_before_due": "7, soon"})
    assert refused.status_code == 400 and "Enter whole numbers of days" in refused.content.decode()
    refused = client.post("/meetings/reminders/", {**data, "days_before_due": "0"})
    assert refused.status_code == 400 and "between 1 and 365" in refused.content.decode()
    assert ReminderSettings.objects.get().days_before_due == [28, 7]


def test_the_settings_say_what_ticking_an_e_mail_does(client, alice):
    client.force_login(alice)
    page = " ".join(client.get("/meetings/reminders/").content.decode().split())
    assert "E-mails everyone is sent, whatever they choose" in page
    assert "Tick those nobody may turn off" in page
