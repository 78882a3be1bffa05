"""Working days, which leave out weekends and the bank holidays of England and Wales; and the
meeting dates offered as an "as at" date.

govuk-bank-holidays ships GOV.UK's list; the cached copy is used so nothing is fetched at run time."""

from __future__ import annotations

from datetime import date, timedelta
from functools import cache

from govuk_bank_holidays.bank_holidays import BankHolidays

from actionplan.plans.models import Partnership

from .models import Meeting, spoken

DIVISION = BankHolidays.ENGLAND_AND_WALES


@cache
def bank_holidays() -> BankHolidays:
    return BankHolidays(use_cached_holidays=True)


def is_working_day(day: date) -> bool:
    return bool(bank_holidays().is_work_day(day, division=DIVISION))


def working_days_before(day: date, count: int) -> date:
    """The working day `count` working days before `day` (`day` itself need not be one)."""
    while count > 0:
        day -= timedelta(days=1)
        if is_working_day(day):
            count -= 1
    return day


def updates_wanted_from(papers_due: date, working_days: int) -> date:
    """The day owners are first asked for their updates before a papers deadline."""
    return working_days_before(papers_due, working_days)


PAST_MEETINGS_OFFERED = 8


def as_at_meetings(partnership: Partnership, today: date) -> list[tuple[date, str]]:
    """The meeting dates a report may be seen as at: the next meeting (as the board will see it
    that day) and the latest past ones, newest first, each with its name."""
    meetings = Meeting.objects.filter(partnership=partnership)
    coming = meetings.filter(held_on__gt=today).order_by("held_on", "name").first()
    past = meetings.filter(held_on__lte=today).order_by("-held_on", "name")[:PAST_MEETINGS_OFFERED]
    offered = [(coming.held_on, f"{coming.name}, {spoken(coming.held_on)} (next)")] if coming else []
    return offered + [(m.held_on, f"{m.name}, {spoken(m.held_on)}") for m in past]
