"""UK due dates as boards write them: "01/06/17", "Sept '07", "2017/18", "Ongoing"…

The wording is always kept; the date is the last day the wording allows ("April 2010"
is due by 30 April 2010) with a precision saying how exact the source was.
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

from dateutil import parser as dateutil_parser

from .datefind import Found, find_dates
from .draft import Due, DueKind, Precision

__all__ = ["clear_caches", "find_dates", "parse_due", "split_due_cell"]

_IMMEDIATE = re.compile(r"\bimmediate(?:ly)?\b", re.I)
_DONE = re.compile(r"^\W*(?:completed?|achieved|done|implemented|closed)\b", re.I)
_ONGOING = re.compile(r"^\W*(?:on-?going|continuous|continuing|rolling)\b", re.I)
_RECURRING = re.compile(
    r"\b(?:quarterly|monthly|termly|annual(?:ly)?|yearly|weekly|fortnightly|six[- ]monthly"
    r"|bi-?annual(?:ly)?|each (?:nscb|lscb|board|meeting)|every \w+)\b", re.I)
# Any of the three wordings above, to see at once whether a cell has one (search only:
# which of them matched, and where, is left to the patterns themselves).
_ANY_WORDING = re.compile("|".join(
    f"(?:{pattern.pattern})" for pattern in (_RECURRING, _ONGOING, _IMMEDIATE)), re.I)
# Any wording _read_wording looks for: most wordings with a date have none, told at once.
_ANY_KIND = re.compile("|".join(
    f"(?:{pattern.pattern})" for pattern in (_IMMEDIATE, _DONE, _ONGOING, _RECURRING)), re.I)
# Words that lead into the date after them: "Completed Oct 2009", "By 31/12/09".
_PREFIX = re.compile(r"(?:completed?|achieved|by|due|to commence|to be completed by)\W*$", re.I)


def parse_due(text: str) -> Due:
    """Read one due-date wording; anything unreadable is kind "unknown" with the text kept."""
    return Due(text, *_read_due(text))  # a new Due: the draft's, to be edited


@lru_cache(maxsize=4096)
def _read_due(text: str) -> tuple[str | None, Precision | None, DueKind]:
    """Cached like find_dates: the same wordings come back on every few rows."""
    due = _parse_due(text)
    return due.date, due.precision, due.kind


def _parse_due(text: str) -> Due:
    wording = " ".join(text.split())
    every = find_dates(wording)
    if len(every) == 1 and every[0].start == 0 and every[0].end == len(wording):
        # The wording is one date and nothing else (the usual "April 2010"): none of the
        # wordings _read_wording looks for can lie inside a date expression.
        return _due(text, every[0], "date")
    return _read_wording(text, wording, every)


def _read_wording(text: str, wording: str, every: tuple[Found, ...]) -> Due:
    """The general reading: what the wording says, and the latest of its dates."""
    found = [f for f in every if f.date] or list(every)
    latest = max(found, key=lambda f: f.date or date.min) if found else None
    if latest and not _ANY_KIND.search(wording):
        return _due(text, latest, "date")  # "To commence October 2009": none of the below
    if _IMMEDIATE.search(wording):
        return Due(text, kind="immediate")
    if _DONE.search(wording):
        return _due(text, latest, "done")
    for pattern, kind in ((_ONGOING, "ongoing"), (_RECURRING, "recurring")):
        if pattern.match(wording) or (not latest and pattern.search(wording)):
            return Due(text, kind=kind)  # type: ignore[arg-type]
    if latest:
        return _due(text, latest, "date")
    return _dateutil_fallback(text, wording)


def _due(text: str, found: Found | None, kind: str) -> Due:
    if not found:
        return Due(text, kind=kind)  # type: ignore[arg-type]
    iso = found.date.isoformat() if found.date else None
    return Due(text, iso, found.precision, kind)  # type: ignore[arg-type]


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

    Only a cell that is a list of dates is split: the words between two dates must be
    few ("January 2010. January 2010 onwards"); otherwise the cell stays whole.
    """
    wording = " ".join(text.split())
    found = find_dates(wording)
    if len(found) == 1 and found[0].start == 0 and found[0].end == len(wording):
        return [text]  # the usual lone date: any wording would lie inside it, and be dropped
    if len(found) < 2:
        # Fewer than two dates: the wordings must make up the other marks. When the
        # combined pattern finds too few one after another, the separate ones below
        # cannot find more that stand apart (each of theirs starts where one of its
        # alternatives matches).
        wording_mark = _ANY_WORDING.search(wording)
        if wording_mark is None or (not found and _ANY_WORDING.search(
                wording, wording_mark.end()) is None):
            return [text]  # "Ongoing", "April 2010 onwards": nothing to split on
    return _split_at_marks(text, wording, found)


def _split_at_marks(text: str, wording: str, found: tuple[Found, ...]) -> list[str]:
    """The general split: at each date and each wording, when little lies between."""
    marks = [(f.start, f.end) for f in found]
    if _ANY_WORDING.search(wording):  # most cells list dates only: one search, not three
        for pattern in (_RECURRING, _ONGOING, _IMMEDIATE):
            marks += [m.span() for m in pattern.finditer(wording)]
    if len(marks) < 2:
        return [text]  # the usual single date (dropping nested marks cannot add any)
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


def clear_caches() -> None:
    """Forget every wording read: for timing a cold start."""
    find_dates.cache_clear()
    _read_due.cache_clear()
