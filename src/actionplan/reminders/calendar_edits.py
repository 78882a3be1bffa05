"""Changing the meeting calendar and the reminder settings: checked here, whoever asks."""

from __future__ import annotations

from django.db import transaction

from actionplan.plans.editing import EditRefused
from actionplan.plans.models import User
from actionplan.plans.permissions import can_manage_reminders, in_partnership, require

from .models import KINDS, Meeting, ReminderSettings

LONGEST_NOTICE = 365  # days: a reminder a year or more ahead is a typing mistake


def save_meeting(meeting: Meeting, by: User) -> Meeting:
    require(can_manage_reminders(by) and in_partnership(by, meeting.partnership_id), "manage meetings")
    if not meeting.name.strip():
        raise EditRefused("a meeting needs its name")
    if meeting.papers_due > meeting.held_on:
        raise EditRefused("the papers deadline must be on or before the day of the meeting")
    meeting.name = meeting.name.strip()
    with transaction.atomic():
        meeting.save()
    return meeting


def delete_meeting(meeting: Meeting, by: User) -> None:
    require(can_manage_reminders(by) and in_partnership(by, meeting.partnership_id), "manage meetings")
    meeting.delete()


def save_reminder_settings(rules: ReminderSettings, by: User) -> ReminderSettings:
    require(can_manage_reminders(by) and in_partnership(by, rules.partnership_id), "change reminders")
    days = sorted({int(d) for d in rules.days_before_due}, reverse=True)
    if any(d < 1 or d > LONGEST_NOTICE for d in days):
        raise EditRefused(f"days before due must each be between 1 and {LONGEST_NOTICE}")
    if not 1 <= rules.not_updated_days <= LONGEST_NOTICE:
        raise EditRefused(f"days without an update must be between 1 and {LONGEST_NOTICE}")
    if not 0 <= rules.digest_weekday <= 6:
        raise EditRefused("choose a day of the week for the digest")
    unknown = set(rules.mandatory) - set(KINDS)
    if unknown:
        raise EditRefused(f"there is no kind of e-mail called {', '.join(sorted(unknown))}")
    rules.days_before_due = days
    rules.save()
    return rules
