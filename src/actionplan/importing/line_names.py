"""Where the rows a warning is about start, as the warning says it: "lines 4, 7, 9 and 3 more"."""

from __future__ import annotations

from collections.abc import Iterable

# Enough to find the rows in the document; the rest are counted, not listed.
LINES_NAMED = 10


def lines_named(lines: Iterable[int | None]) -> str:
    known = [str(line) for line in lines if line is not None]
    if not known:
        return "no line"
    more = len(known) - LINES_NAMED
    return (f"line{'s' if len(known) > 1 else ''} {', '.join(known[:LINES_NAMED])}"
            + (f" and {more} more" if more > 0 else ""))
