"""UK due dates as boards write them: "01/06/17", "Sept '07", "2017/18", "Ongoing"…

The wording is always kept; the date is the last day the wording allows ("April 2010"
is due by 30 April 2010) with a precision saying how exact the source was.
"""

from __future__ import annotations

import re
from datetime import date
from typing import cast

from dateutil import parser as dateutil_parser

from .dates import Found, find_dates
from .draft import Due, DueKind, Precision

__all__ = ["names_an_event", "parse_due", "reads_as_due", "split_due_cell"]

_IMMEDIATE = re.compile(r"\bimmediate(?:ly)?\b", re.I)
_DONE = re.compile(r"^\W*(?:completed?|achieved|done|implemented|closed)\b", re.I)
_ONGOING = re.compile(r"^\W*(?:on-?going|continuous|continuing|rolling)\b", re.I)
_RECURRING = re.compile(
    r"\b(?:quarterly|monthly|termly|annual(?:ly)?|yearly|weekly|fortnightly|six[- ]monthly"
    r"|bi-?annual(?:ly)?|each (?:nscb|lscb|board|meeting)|every \w+)\b", re.I)
# A due set by an event, not a date: kept as wording, no date invented.
_EVENT = re.compile(r"\b(?:next|following|first)\s+(?:\w+\s+){0,2}(?:meeting|board|panel|"
                    r"committee|review|audit|inspection)\b|\bon publication\b|"
                    r"\bwhen (?:\w+\s+){0,3}(?:published|agreed|approved)\b", re.I)
# Words that lead into the date after them: "Completed Oct 2009", "By 31/12/09".
_PREFIX = re.compile(r"(?:completed?|achieved|by|due|to commence|to be completed by)\W*$", re.I)


def parse_due(text: str) -> Due:
    """Read one due-date wording: what the wording says, and the latest of its dates.
    Anything unreadable is kind "unknown" with the text kept."""
    wording = " ".join(text.split())
    every = find_dates(wording)
    found = [f for f in every if f.date] or list(every)
    latest = max(found, key=lambda f: f.date or date.min) if found else None
    if _IMMEDIATE.search(wording):
        return Due(text, kind="immediate")
    if _DONE.search(wording):
        return _due(text, latest, "done")
    for pattern, kind in ((_ONGOING, "ongoing"), (_RECURRING, "recurring")):
        # "Ongoing" leads the wording, or names the due when no date does.
        if pattern.match(wording) or (not latest and pattern.search(wording)):
            return Due(text, kind=cast(DueKind, kind))
    if latest and latest.date is None and latest.precision == "day":
        return Due(text)  # a day that does not exist ("31/02/2025"): no date is guessed
    if latest:
        return _due(text, latest, "date")
    return _dateutil_fallback(text, wording)


def reads_as_due(text: str) -> bool:
    """Whether a line of a cell holding owners and dates is a date (or "Ongoing", or "By
    the next board"), not an owner."""
    return parse_due(text).kind != "unknown" or names_an_event(text)


def names_an_event(text: str) -> bool:
    """"By the next board meeting", "On publication": a due with no date to read."""
    return _EVENT.search(text) is not None


def _due(text: str, found: Found | None, kind: DueKind) -> Due:
    if not found:
        return Due(text, kind=kind)
    iso = found.date.isoformat() if found.date else None
    return Due(text, iso, cast(Precision, found.precision), kind)


def _dateutil_fallback(text: str, wording: str) -> Due:
    """Formats our rules do not list ("2017-06-01T00:00"), but only when clearly a date."""
    if len(re.findall(r"\d+", wording)) < 3 or len(wording) > 40:
        return Due(text)
    try:
        parsed = dateutil_parser.parse(wording, dayfirst=True)
    except (ValueError, OverflowError):
        return Due(text)
    return Due(text, parsed.date().isoformat(), "day", "date")


def split_due_cell(text: str) -> list[str]:
    """Split "July '07 March '08" or "Annual March '08" into one wording per action.

    Only a cell that is a list of dates and wordings is split: the words between two of
    them must be few ("January 2010. January 2010 onwards"); otherwise the cell stays whole.
    """
    wording = " ".join(text.split())
    marks = [(f.start, f.end) for f in find_dates(wording)]
    for pattern in (_RECURRING, _ONGOING, _IMMEDIATE):
        marks += [m.span() for m in pattern.finditer(wording)]
    # A mark inside another is part of it.
    marks = sorted(m for m in marks if not any(o != m and o[0] <= m[0] < o[1] for o in marks))
    if len(marks) < 2:
        return [text]
    cuts = [0]
    for (_, end), (start, _) in zip(marks, marks[1:], strict=False):
        between = wording[end:start]
        if len(between.split()) > 3:
            return [text]
        prefix = _PREFIX.search(between)
        cuts.append(end + prefix.start() if prefix else start)
    cuts.append(len(wording))
    pieces = [wording[a:b].strip() for a, b in zip(cuts, cuts[1:], strict=False)]
    return [p for p in pieces if p]
