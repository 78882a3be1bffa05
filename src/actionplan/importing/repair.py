"""Row repair: the ways a PDF-to-text extraction bends a table, recognised and undone.

Page breaks repeat the header and cut rows in two; some rows have their owner and date
pushed into the first columns; agency and theme names sit in rows of their own.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .due import parse_due
from .entries import Entry, joins_previous, plain_text
from .grouping import Group
from .header import Layout

_SEPARATOR = re.compile(r"^[\s\-–—_=|.]*$")
_CONTINUED = re.compile(r"^\s*(\d{1,3}(?:\.\d{1,3})*)?\.?\s*\(?\s*continued\s*\)?\.?\s*$", re.I)
_NUMBERED = re.compile(r"^\d{1,3}(?:\.\d{1,3})*[.)]?\s")
_REF_ALONE = re.compile(r"^\s*[A-Z]?\d{1,3}(?:\.\d{1,3})*[a-z]?[.)]?\s*$")  # "1", "R2", "1.1a"
_MAX_SECTION_WORDS = 12
_DUE_WORDS = 8  # "Completed October 2009 and reviewed annually"
# The roles of an item's own text: a cut row hands these back to the item above.
ITEM_LEVEL = ("ref", "review_ref", "outcome", "recommendation")
# The columns of an action's prose, whose cell a page break may cut between sentences.
_PROSE = ("progress", "measure", None)
# Fields the extractor pushes leftwards when a row holds nothing but an owner and a date.
_SHIFTABLE = {"owner", "due", "measure", "progress"}


def is_separator(cells: Sequence[str]) -> bool:
    """A "---\t---" rule line: drawn, not written."""
    return all(_SEPARATOR.match(cell) for cell in cells)


def continued_ref(text: str) -> str | None:
    """"1 (continued)", "2. Continued", "8. continued" -> the ref ("" when none), else None."""
    match = _CONTINUED.match(plain_text(text))
    return (match.group(1) or "") if match else None


def looks_like_section(text: str) -> bool:
    """A short title-like line: "Broxtowe Borough Council", "Professional Curiosity"."""
    words = text.split()
    return (
        0 < len(words) <= _MAX_SECTION_WORDS
        and text[:1].isupper()
        and not text.rstrip().endswith((".", ",", ";", ":"))
        and not _NUMBERED.match(text)
        and continued_ref(text) is None
        and "\t" not in text
    )


def section_name(cells: Sequence[str], filled: list[int]) -> str | None:
    """The name when only the first cell of a table row is filled and reads like a title."""
    if filled != [0]:
        return None
    name = " ".join(plain_text(cells[0]).split())
    return name if looks_like_section(name) else None


def unshift(
    cells: Sequence[str], filled: list[int], layout: Layout,
) -> tuple[Sequence[str], list[int]]:
    """Put "NSCB Chair\tJune 2010\t\t\t" back under By Whom and Timescale.

    Only a row whose filled cells are all at the start, ending in a readable date, and
    which fit the owner/due columns once moved, is moved. Returns the cells and the
    columns filled: those given when nothing moved.
    """
    due_column = layout.column("due")
    # Filled cells all at the start: the last filled column is their count less one.
    if not filled or due_column is None or filled[-1] != len(filled) - 1:
        return cells, filled
    last = filled[-1]
    due = plain_text(cells[last])
    # A due is a few words: a recommendation's sentence "… every adult …" is none.
    if last >= due_column or len(due.split()) > _DUE_WORDS or parse_due(due).kind == "unknown":
        return cells, filled
    # "1 | Care providers should report every missed visit.": a ref and its recommendation,
    # whose "every" reads as a due; a ref is never an owner.
    if any(_REF_ALONE.match(plain_text(cells[i])) for i in filled[:-1]):
        return cells, filled
    shift = due_column - last
    roles = layout.roles
    if any(i + shift >= len(roles) or roles[i + shift] not in _SHIFTABLE for i in filled):
        return cells, filled
    moved = [""] * max(len(cells), len(roles))
    for i in filled:
        moved[i + shift] = cells[i]
    return moved, [i + shift for i in filled]


def join_cut_row(
entries: dict[int, list[Entry]], groups: list[Group], layout: Layout,
) -> None:
    """Glue the top of each cell to the entry it continues, in the row above.

    A capitalised word after a capitalised one ("Domestic" / "Abuse") is weak
    evidence: believed only beside a sure continuation (a lower-case start) or in a row
    that cannot begin an item or action. A row whose recommendation is new hands only
    lower-case fragments back to the item above.
    """
    above = _entries_above(groups)

    def joins(column: int, how: str) -> bool:
        entry, holder = entries[column][0], above.get(column)
        return (not entry.marked and holder is not None
                and joins_previous(entry.text, holder[-1].text, how=how))

    starts = [layout.column(role) for role in ("ref", "outcome", layout.key_role, "action")]
    sure = any(joins(column, "wrapped") for column in entries)
    filler = not any(column in entries for column in starts)
    item_how = "page_break" if sure or filler else "wrapped"
    key_column = layout.column(layout.key_role)
    if key_column is not None and key_column in entries and not joins(key_column, item_how):
        item_how = "lower_case"  # a new item starts on this row
    action_column = layout.column("action")
    action_how = item_how
    if action_column is not None and action_column in entries and not joins(
            action_column, item_how):
        action_how = "lower_case"  # a new action starts on this row
    for column, found in list(entries.items()):
        how = item_how if layout.role_at(column) in ITEM_LEVEL else action_how
        if joins(column, how):
            holder = above[column]
            previous = holder[-1]
            holder[-1] = Entry(previous.text + " " + found.pop(0).text, previous.marked,
                               previous.underlined)
            if not found:
                del entries[column]
        elif filler and layout.role_at(column) in _PROSE and column in above:
            # Prose alone under a page break is the rest of its cell even when the page cut
            # it at a sentence's end: no new action starts without its own words.
            holder = above[column]
            previous = holder[-1]
            holder[-1] = Entry("\n".join([previous.text, *(e.text for e in found)]),
                               previous.marked, previous.underlined)
            del entries[column]

def _entries_above(groups: list[Group]) -> dict[int, list[Entry]]:
    """Each column's entries in the last row of the current item that has some."""
    above = {}
    for group in groups:
        for column, found in group.cells.items():
            if found:
                above[column] = found
    return above
