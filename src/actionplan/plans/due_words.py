"""A due date as pages and reports show it: GOV.UK style, with the plan's own wording beside it
only when that wording says more than the date."""

from __future__ import annotations

from datetime import date
from functools import lru_cache

from actionplan.importing.dates import find_dates

from .changes import long_date


# Reading the wording for a date is the importer's date finder, a tenth of a millisecond or more
# each: a page of 100 imported actions would spend tens of milliseconds on it. The answer depends on
# the two arguments alone, so the same due date and wording are read once per process.
@lru_cache(maxsize=8192)
def due_with_wording(due: date, wording: str) -> str:
    """"30 April 2010 (the plan says "April 2010")"; a wording that is the same day written
    another way ("01/08/2026") adds nothing, so only the date is shown."""
    said = long_date(due)
    wording = " ".join(wording.split())
    if not wording or wording == said or _names_the_day(wording, due):
        return said
    return f'{said} (the plan says "{wording}")'


def _names_the_day(wording: str, due: date) -> bool:
    """The wording is that one day and nothing more ("01/08/2026", "1st Aug 2026")."""
    found = find_dates(wording)
    if len(found) != 1 or found[0].date != due or found[0].precision != "day":
        return False
    rest = wording[:found[0].start] + wording[found[0].end:]
    return not any(character.isalnum() for character in rest)
