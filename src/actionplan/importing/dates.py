"""Date expressions in a wording: "01/06/17", "2025-03-31T00:00:00Z", "31 st December
2009", "Sept '07", "Q3 2017/18".

Each pattern is one pass over the text, in order of preference: a match overlapping one
already taken is skipped, so "01-Sept-09" is a day and not a month with a stray "01".
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo

from dateutil.easter import easter

_MONTH = (
    r"(?P<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?(?![a-z])"
)
_YEAR = r"(?P<y>'\s?\d{2}|\d{4}|\d{2})(?!\d)"
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    # A date and time as lists and databases export it: "2025-03-31T00:00:00Z".
    ("timestamp", re.compile(r"\b(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})[T ]\d{2}:\d{2}"
                             r"(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?(?!\d)")),
    ("dmy", re.compile(r"\b(?P<d>\d{1,2})[/.\-](?P<m>\d{1,2})[/.\-](?P<y>\d{4}|\d{2})(?!\d)")),
    ("iso", re.compile(r"\b(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})\b")),
    ("d_month_y", re.compile(  # not the "07" of "July '07 March '08"
        r"(?<!')\b(?P<d>\d{1,2})\s*(?:st|nd|rd|th)?[\s\-/]*" + _MONTH + r"[\s\-/,]*" + _YEAR,
        re.I)),
    ("month_d_y", re.compile(  # "March 15 2025", "Mar 15th, 2025": the day after the month
        r"\b" + _MONTH + r"\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y>\d{4})(?!\d)", re.I)),
    ("fy_quarter", re.compile(  # "Q3 2017/18", "Quarter 2, 2024-25", "Q1 24/25"
        r"\bQ(?:uarter)?\s*(?P<q>[1-4])\s*,?\s*(?:of\s+)?(?P<y>\d{4}|\d{2})\s*[/-]\s*"
        r"(?P<y2>\d{2,4})\b", re.I)),
    ("term", re.compile(  # "Summer term 2025", "Autumn term 2024/25"
        r"\b(?P<term>spring|summer|autumn)\s+term\s*,?\s*(?P<y>\d{4})"
        r"(?:\s*[/-]\s*(?P<y2>\d{2,4}))?\b", re.I)),
    ("season", re.compile(r"\b(?P<season>spring|summer|autumn)\s*,?\s*(?P<y>\d{4})\b", re.I)),
    ("quarter", re.compile(r"\bQ(?:uarter)?\s*(?P<q>[1-4])(?:\s+(?P<y>\d{4}))?\b(?!\s*/)", re.I)),
    ("month_y", re.compile(r"\b" + _MONTH + r"\s*[\-/]?\s*" + _YEAR, re.I)),
    ("financial_year", re.compile(r"\b(?P<y>\d{4})\s*[/-]\s*(?P<y2>\d{2}|\d{4})\b")),
    ("year", re.compile(r"\b(?P<y>(?:19|20)\d{2})\b")),
]
_MONTHS = {name: number for number, name in enumerate(
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], 1)}
# Passes run only when no other found a date: a bare year or "2007/08" beside real dates
# is context, not a due date.
_CONTEXT = ("financial_year", "year")


@dataclass(frozen=True)
class Found:
    """A date expression: where it lies in the text, the last day it allows, how exact."""

    start: int
    end: int
    date: date | None
    precision: str


def find_dates(text: str) -> tuple[Found, ...]:
    """Every date expression in the text, left to right, never overlapping."""
    found: list[Found] = []
    _run([name for name, _ in _PATTERNS if name not in _CONTEXT], text, found)
    if not found:
        _run(list(_CONTEXT), text, found)
    return tuple(sorted(found, key=lambda f: f.start))


def _run(names: list[str], text: str, found: list[Found]) -> None:
    """Each pass in turn, keeping its readings that overlap none taken before."""
    for name in names:
        for match in _PATTERN[name].finditer(text):
            start, end = match.span()
            if any(start < taken.end and taken.start < end for taken in found):
                continue  # overlaps a reading an earlier (preferred) pass took
            result = _READERS[name](match)
            if result is not None:
                found.append(Found(start, end, *result))


def _year(raw: str) -> int:
    digits = int(raw.strip("' "))
    if digits >= 100:
        return digits
    return 2000 + digits if digits < 70 else 1900 + digits


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


_MONTH_BEFORE = re.compile(_MONTH + r"\s*$", re.I)


def _read_dmy(match: re.Match[str]) -> tuple[date | None, str] | None:
    if match.start() and _MONTH_BEFORE.search(match.string[:match.start()]):
        return None  # the "07" of "Oct 07 Oct07" is a year, not a day
    parts = match.groupdict()
    month = parts.get("m")
    number = int(month) if month else _MONTHS[parts["mon"][:3].lower()]
    try:
        return date(_year(parts["y"]), number, int(parts["d"])), "day"
    except ValueError:  # "31/02/2025": a day that does not exist, taken so its year is not read
        return None, "day"


_UK = ZoneInfo("Europe/London")


def _read_timestamp(match: re.Match[str]) -> tuple[date | None, str] | None:
    """The day in the UK: a list that keeps a date as midnight UK time exports a summer
    date in UTC as the evening before ("2025-06-30T23:00:00Z" is 1 July)."""
    text = match.group(0).replace(" ", "T")
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None, "day"
    if moment.tzinfo is not None:
        moment = moment.astimezone(_UK)
    return moment.date(), "day"


def _read_month_y(match: re.Match[str]) -> tuple[date, str] | None:
    month = _MONTHS[match.group("mon")[:3].lower()]
    return _month_end(_year(match.group("y")), month), "month"


def _read_fy_quarter(match: re.Match[str]) -> tuple[date, str] | None:
    start = _year(match.group("y"))  # financial year from April: Q1 ends June, Q4 March next
    if (start + 1) % 100 != _year(match.group("y2")) % 100:
        return None  # not a financial year: "Q2 2024/2026"
    quarter = int(match.group("q"))
    return _month_end(start + (quarter == 4), (quarter * 3 + 3) % 12 or 12), "quarter"


def _read_term(match: re.Match[str]) -> tuple[date, str] | None:
    """A school term ends with its holiday: autumn in December, spring at Easter, summer
    in July. An academic year ("2024/25") puts autumn in its first year, the rest in its
    second."""
    term, year = match.group("term").lower(), int(match.group("y"))
    if match.group("y2"):
        if (year + 1) % 100 != _year(match.group("y2")) % 100:
            return None
        year += term != "autumn"
    if term == "spring":
        return easter(year), "month"
    return date(year, 12 if term == "autumn" else 7, 31), "month"


def _read_season(match: re.Match[str]) -> tuple[date, str]:
    """"Summer 2027": the season's three months end in May, August or November (a winter
    spans two years: it is left to the year's own reading)."""
    month = {"spring": 5, "summer": 8, "autumn": 11}[match.group("season").lower()]
    return _month_end(int(match.group("y")), month), "quarter"


def _read_quarter(match: re.Match[str]) -> tuple[date | None, str]:
    if not match.group("y"):
        return None, "quarter"  # "Quarter 2": which year is not said
    return _month_end(int(match.group("y")), int(match.group("q")) * 3), "quarter"


def _read_financial_year(match: re.Match[str]) -> tuple[date, str] | None:
    start, end = int(match.group("y")), _year(match.group("y2")) % 100
    if (start + 1) % 100 != end:
        return None
    return date(start + 1, 3, 31), "year"


def _read_year(match: re.Match[str]) -> tuple[date, str]:
    return date(int(match.group("y")), 12, 31), "year"


_PATTERN = dict(_PATTERNS)
_READERS: dict[str, Callable[[re.Match[str]], tuple[date | None, str] | None]] = {
    "timestamp": _read_timestamp,
    "dmy": _read_dmy, "iso": _read_dmy, "d_month_y": _read_dmy, "month_d_y": _read_dmy,
    "fy_quarter": _read_fy_quarter,
    "term": _read_term, "season": _read_season,
    "quarter": _read_quarter, "month_y": _read_month_y, "financial_year": _read_financial_year,
    "year": _read_year,
}
