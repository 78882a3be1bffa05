"""Columns of updates by month: a tracker sent round each month gains a column for the
month's update on each action ("Apr", "May 2027", "Progress Jan-27")."""

from __future__ import annotations

import re

# A column of each month's updates: "Apr", "May 2027", "Jun-27", "July update", or the
# first of the month as a date cell shows it ("01/04/2027").
_MONTH_HEADER = re.compile(
    r"^(?:(?:progress|update)s?\s*[-:–]?\s*)?"
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
    r"(?:\s*[-/' ]?\s*(?:\d{4}|\d{2}))?(?:\s+(?:progress|update)s?)?$"
    r"|^01/(?:0[1-9]|1[0-2])/\d{4}$", re.I)


def names_a_month(header: str) -> bool:
    """A header naming a month: its column holds that month's update on each action."""
    return _MONTH_HEADER.match(" ".join(header.split())) is not None
