"""A cell read by its column's role: the entries that the builder and items work on.

Owner and due cells are cached by text: plans repeat them row after row ("NSCB Manager",
"April 2010"), and a due cell is the dearest to read (split into dates, each date read).
Prose cells rarely repeat, so caching them would cost more than it saves.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

from .cells import Entry, block_entries, line_entries, list_entries
from .dates import split_due_cell

_Fields = tuple[str, bool, bool]  # an Entry as an immutable, cacheable value


def due_entries(raw: str) -> list[Entry]:
    return [Entry(piece, entry.marked or number > 0)
            for entry in line_entries(raw)
            for number, piece in enumerate(split_due_cell(entry.text))]


_READERS: dict[str, Callable[[str], list[Entry]]] = {
    "action": list_entries, "measure": list_entries, "owner": line_entries,
    "due": due_entries,
}


def read_cell(role: str, raw: str) -> list[Entry]:
    if role in _CACHED:
        # New entries every time: the builder glues and pops them as it goes.
        return [Entry(text, marked, underlined)
                for text, marked, underlined in _read_cached(role, raw)]
    return _READERS.get(role, block_entries)(raw)


_CACHED = frozenset(("owner", "due"))


@lru_cache(maxsize=4096)
def _read_cached(role: str, raw: str) -> tuple[_Fields, ...]:
    return tuple([(e.text, e.marked, e.underlined) for e in _READERS[role](raw)])


def clear_cache() -> None:
    _read_cached.cache_clear()
