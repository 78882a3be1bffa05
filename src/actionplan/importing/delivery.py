"""Delivery status wordings: "Completed 12/03/2024", "On track", "3 Slipped", "2".

The wording is always kept; the value is one of the plans' delivery statuses when the
wording says one, and a completion date when the wording gives a date with a finished
status.
"""

from __future__ import annotations

import re

from .dates import find_dates
from .draft import Status

# Each status with the words boards use for it, longest first where one holds another
# ("not started" before "started", "not achieved" before "achieved").
_WORDS: tuple[tuple[str, str], ...] = (
    ("not_started", r"not (?:yet )?started|not begun|yet to start|to start|planned"),
    ("not_achieved", r"not achieved|not met|not (?:been )?completed|not implemented|failed"),
    ("superseded", r"superseded|replaced by|no longer required|withdrawn"),
    ("implemented", r"(?:action )?complete[d]?|achieved|implemented|done|closed|met|"
                    r"finished|delivered|embedded"),
    ("slipped", r"overdue|slipped|slipping|delayed|behind|paused|on hold|off track|at risk"),
    ("in_progress", r"on track|in progress|ongoing|on-going|started|underway|under way|"
                    r"progressing|partially (?:achieved|complete[d]?|met)"),
)
_PATTERNS = tuple((value, re.compile(rf"^\W*(?:{words})\b", re.I)) for value, words in _WORDS)
# "1 Achieved, 2 On track, 3 Slipped, 4 Not achieved": a number, then its wording.
_SCALE_ENTRY = re.compile(r"(\d{1,2})\s*[=:.)-]?\s*([A-Za-z][A-Za-z -]*?)\s*(?=[,;/()]|\d|$)")
_NUMBER = re.compile(r"^\s*(\d{1,2})\b\s*[=:.)-]?\s*")


def numbered_scale(text: str) -> dict[str, str]:
    """The statuses a header or key gives numbers: {"1": "implemented", …}; empty when it
    gives none (two numbered statuses at least make a scale)."""
    scale = {}
    for number, words in _SCALE_ENTRY.findall(text):
        value = status_value(words)
        if value:
            scale[number] = value
    return scale if len(scale) > 1 else {}


def status_value(text: str) -> str | None:
    """The delivery status a wording opens with, else None."""
    for value, pattern in _PATTERNS:
        if pattern.match(text):
            return value
    return None


def read_status(text: str, scale: dict[str, str] | None = None) -> Status | None:
    """The status of a cell; None when the cell is blank. A number alone is read on the
    column's numbered scale; a number before words ("3 Slipped") by its words."""
    wording = " ".join(text.split())
    if not wording:
        return None
    number = _NUMBER.match(wording)
    rest = wording[number.end():] if number else wording
    value = status_value(rest) if rest else None
    if value is None and number and not rest:
        value = (scale or {}).get(number.group(1))
    status = Status(text.strip(), value)
    if value == "implemented":
        dated = [found.date for found in find_dates(wording) if found.date]
        status.date = max(dated).isoformat() if dated else None
    return status
