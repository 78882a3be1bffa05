"""Date expressions in a wording: "01/06/17", "31 st December 2009", "Sept '07", "Q3 2017/18".

Each pattern is one pass over the text, in order of preference: a match overlapping one
already taken is skipped, so "01-Sept-09" is a day and not a month with a stray "01".
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from datetime import date
from functools import cache, lru_cache
from operator import attrgetter
from typing import NamedTuple

_MONTH = (
    r"(?P<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?(?![a-z])"
)
_YEAR = r"(?P<y>'\s?\d{2}|\d{4}|\d{2})(?!\d)"
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("dmy", re.compile(r"\b(?P<d>\d{1,2})[/.\-](?P<m>\d{1,2})[/.\-](?P<y>\d{4}|\d{2})(?!\d)")),
    ("iso", re.compile(r"\b(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})\b")),
    ("d_month_y", re.compile(  # not the "07" of "July '07 March '08"
        r"(?<!')\b(?P<d>\d{1,2})\s*(?:st|nd|rd|th)?[\s\-/]*" + _MONTH + r"[\s\-/,]*" + _YEAR,
        re.I)),
    ("fy_quarter", re.compile(
        r"\bQ(?:uarter)?\s*(?P<q>[1-4])\s*(?:of\s+)?(?P<y>\d{4})\s*/\s*(?P<y2>\d{2,4})\b", re.I)),
    ("quarter", re.compile(r"\bQ(?:uarter)?\s*(?P<q>[1-4])(?:\s+(?P<y>\d{4}))?\b(?!\s*/)", re.I)),
    ("month_y", re.compile(r"\b" + _MONTH + r"\s*[\-/]?\s*" + _YEAR, re.I)),
    ("financial_year", re.compile(r"\b(?P<y>\d{4})\s*/\s*(?P<y2>\d{2}|\d{4})\b")),
    ("year", re.compile(r"\b(?P<y>(?:19|20)\d{2})\b")),
]
_PATTERN = dict(_PATTERNS)
# Every pattern needs a digit; the month patterns a month's first three letters (matched
# as the patterns match them: case-insensitively, so "ſep" too).
_DIGIT = re.compile(r"\d")
_MONTH_START = re.compile(r"jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec", re.I)
_MONTH_START_LOWER = re.compile(_MONTH_START.pattern)
_MONTHS = {name: number for number, name in enumerate(
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], 1)}


# A pattern and the reader of its matches (None: not a date after all).
_Pass = tuple[re.Pattern[str], Callable[[re.Match[str]], tuple[date | None, str] | None]]


class Found(NamedTuple):  # a tuple, not a frozen dataclass: quicker to make
    start: int
    end: int
    date: date | None
    precision: str


@lru_cache(maxsize=4096)
def find_dates(text: str) -> tuple[Found, ...]:
    """Every date expression in the text, left to right, never overlapping.

    Cached: a plan repeats its dates ("01-Sept-09" on every Framework line), and a due
    cell is read twice, once to split it and once per piece.
    """
    if not _DIGIT.search(text):
        return ()  # every pattern needs a digit: "Ongoing", "Annual reports"
    lone = _lone_date(text)
    return (lone,) if lone else _find_all(text)


# The commonest wordings are one date of these shapes and nothing else. Such a text, read
# whole by its pass, is what the passes in turn would find too: "dmy" comes first, and in
# the other two a month's name parts the digits, so no earlier pass can read any of them;
# later passes only overlap what is taken.
_LONE_SHAPES = ("dmy", "d_month_y", "month_y")


def _lone_date(text: str) -> Found | None:
    """The text as one date of _LONE_SHAPES, read as the passes would read it; else None."""
    for name in _LONE_SHAPES:
        match = _PATTERN[name].fullmatch(text)
        if match:
            result = _READERS[name](match)
            return Found(0, len(text), *result) if result else None
    return None


def _find_all(text: str) -> tuple[Found, ...]:
    """The passes in turn, each keeping what overlaps nothing taken before."""
    found: list[Found] = []
    preferred, context = _passes(_possible(text))
    _run(preferred, text, found)
    if context and not found:
        # A bare year or "2007/08" beside real dates is context, not a due date.
        _run(context, text, found)
    if len(found) > 1:
        found.sort(key=attrgetter("start"))
    return tuple(found)


def _run(passes: tuple[_Pass, ...], text: str, found: list[Found]) -> None:
    """Each pass in turn, keeping its readings that overlap none taken before."""
    for pattern, read in passes:
        for match in pattern.finditer(text):
            start, end = match.span()
            if found and _overlaps(start, end, found):
                continue  # overlaps a reading an earlier (preferred) pass took
            result = read(match)
            if result is not None:
                found.append(Found(start, end, *result))


def _overlaps(start: int, end: int, found: list[Found]) -> bool:
    for taken in found:  # noqa: SIM110 (a loop, not any(…): few spans, often just one)
        if start < taken[1] and taken[0] < end:
            return True
    return False


_CONTEXT = ("financial_year", "year")  # the passes that only run when no other found one


@cache  # one entry per combination of _possible's answers: 2^7 at most
def _passes(possible: tuple[bool, ...]) -> tuple[tuple[_Pass, ...], tuple[_Pass, ...]]:
    """The passes worth running on a text, in _PATTERNS' order: the preferred ones, and
    those giving context (run only when the preferred found nothing)."""
    chosen = [(name, (pattern, _READERS[name]))
              for (name, pattern), wanted in zip(_PATTERNS, possible, strict=True) if wanted]
    return (tuple(step for name, step in chosen if name not in _CONTEXT),
            tuple(step for name, step in chosen if name in _CONTEXT))


def _possible(text: str) -> tuple[bool, ...]:
    """For each of _PATTERNS, whether the text has what it cannot match without.

    Most wordings hold one kind of date: skipping the passes that cannot match saves
    most of the regex work. Only whole passes are skipped, so the passes' order (which
    decides between overlapping readings) is untouched.
    """
    # Lower-cased ASCII needs no case-insensitive scan (three times quicker); other text
    # keeps re.I, whose case folding also matches "ſ" and the like.
    if text.isascii():
        month = _MONTH_START_LOWER.search(text.lower()) is not None
    else:
        month = _MONTH_START.search(text) is not None
    quarter = "q" in text or "Q" in text
    slash, dash = "/" in text, "-" in text
    return (
        slash or dash or "." in text,  # dmy: 01/06/17, 01.06.17, 01-06-17
        dash,  # iso: 2017-06-01
        month,  # d_month_y
        quarter and slash,  # fy_quarter: Q3 2017/18
        quarter,  # quarter
        month,  # month_y
        slash,  # financial_year: 2017/18
        "19" in text or "20" in text,  # year
    )


def _year(raw: str) -> int:
    digits = int(raw.strip("' "))
    if digits >= 100:
        return digits
    return 2000 + digits if digits < 70 else 1900 + digits


_DAYS_IN_MONTH = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _month_end(year: int, month: int) -> date:
    leap_day = month == 2 and calendar.isleap(year)
    return date(year, month, _DAYS_IN_MONTH[month - 1] + leap_day)


_MONTH_BEFORE = re.compile(_MONTH + r"\s*$", re.I)


def _read_dmy(match: re.Match[str]) -> tuple[date, str] | None:
    if match.start() and _MONTH_BEFORE.search(match.string[:match.start()]):
        return None  # the "07" of "Oct 07 Oct07" is a year, not a day
    parts = match.groupdict()  # one call for all the groups: dmy, iso and d_month_y
    month = parts.get("m")
    number = int(month) if month else _MONTHS[parts["mon"][:3].lower()]
    try:
        return date(_year(parts["y"]), number, int(parts["d"])), "day"
    except ValueError:
        return None


def _read_month_y(match: re.Match[str]) -> tuple[date, str] | None:
    month = _MONTHS[match.group("mon")[:3].lower()]
    return _month_end(_year(match.group("y")), month), "month"


def _read_fy_quarter(match: re.Match[str]) -> tuple[date, str] | None:
    start = int(match.group("y"))  # financial year from April: Q1 ends June, Q4 March next
    quarter = int(match.group("q"))
    return _month_end(start + (quarter == 4), (quarter * 3 + 3) % 12 or 12), "quarter"


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


_READERS = {
    "dmy": _read_dmy, "iso": _read_dmy, "d_month_y": _read_dmy, "fy_quarter": _read_fy_quarter,
    "quarter": _read_quarter, "month_y": _read_month_y, "financial_year": _read_financial_year,
    "year": _read_year,
}
