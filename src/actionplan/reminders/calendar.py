"""Working days, which leave out weekends and the bank holidays of England and Wales.

govuk-bank-holidays ships GOV.UK's list; the cached copy is used so nothing is fetched at run time."""

from __future__ import annotations

from datetime import date, timedelta
from functools import cache

from govuk_bank_holidays.bank_holidays import BankHolidays

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
