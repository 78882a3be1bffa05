"""A cell read by its column's role: the entries that the builder and items work on.

Owner and due cells are cached by text: plans repeat them row after row ("NSCB Manager",
"April 2010"), and a due cell is the dearest to read (split into dates, each date read).
Prose cells rarely repeat, so caching them would cost more than it saves.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache, lru_cache

from .cells import Entry, block_entries, line_entries, list_entries
from .dates import split_due_cell

CellReader = Callable[[str], list[Entry]]


def due_entries(raw: str) -> list[Entry]:
    """A due cell's entries: its lines, as a name cell's, each cut further where it
    lists several dates."""
    entries = []
    for entry in line_entries(raw):
        pieces = split_due_cell(entry.text)
        if len(pieces) == 1 and pieces[0] == entry.text:
            entries.append(entry)  # the usual single date: the entry as it is
        else:
            entries.extend(Entry(piece, entry.marked or number > 0)
                           for number, piece in enumerate(pieces))
    return entries


@lru_cache(maxsize=4096)
def _owner_entries(raw: str) -> tuple[Entry, ...]:
    return tuple(line_entries(raw))


@lru_cache(maxsize=4096)
def _due_entries(raw: str) -> tuple[Entry, ...]:
    return tuple(due_entries(raw))


def _reading_of(role: str) -> CellReader:
    if role == "owner":
        return lambda raw: list(_owner_entries(raw))  # a list of its own: rows pop theirs
    if role == "due":
        return lambda raw: list(_due_entries(raw))
    return list_entries if role in ("action", "measure") else block_entries


@cache
def cell_readers(roles: tuple[str, ...]) -> tuple[CellReader, ...]:
    """How each column of a layout is read, from the role of each (notes: as prose)."""
    return tuple(_reading_of(role) for role in roles)


def clear_cache() -> None:
    _owner_entries.cache_clear()
    _due_entries.cache_clear()
