"""A RAG rating that says complete where the document states no status.

Blue means complete in a BRAG key, so an action rated blue with no status beside it is
read as implemented, the RAG's wording kept as the status's. One warning names the rows,
for the person importing to check. No other colour says what was done: green stays
without a status. "C" is a RAG letter for complete only where the plan says so: a key
("C = Complete"), or R, A and G letters beside it; otherwise it is not understood. A key
may stand on the plan's own sheet or on a sheet of its own ("Key", "Guidance") beside it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .action_rows import rag_colour
from .actions_alone import lines_named
from .delivery import status_value
from .draft import Action, DraftWarning, Item

_LETTERS = frozenset("RAGB")
_KEY_SAYS_C = re.compile(r"\bC\s*(?:=|:|-|–|—|is)\s*complete", re.I)


def c_means_complete(rag_cells: Sequence[str], key_lines: Sequence[str]) -> bool:
    """Whether a RAG letter "C" means complete: a key line says so, or the plan's other
    RAG cells are all R, A, G (or B) letters."""
    if rag_key(key_lines):
        return True
    letters = {" ".join(cell.split()).rstrip(".").upper() for cell in rag_cells if cell.strip()}
    return "C" in letters and len(letters) > 1 and letters - {"C"} <= _LETTERS


def rag_key(lines: Sequence[str]) -> list[str]:
    """The lines of a key that say what a RAG letter means, among a sheet's lines: what a
    key sheet gives the plans of the other sheets of its workbook."""
    return [line for line in lines if _KEY_SAYS_C.search(line)]


def completed_by_rag(items: Sequence[Item]) -> list[DraftWarning]:
    """The warning naming the rows whose status was read from a RAG meaning complete (a
    status the RAG gave in words, "Complete", was stated: nothing to warn of)."""
    rows: list[Item | Action] = [*items, *(a for item in items for a in item.actions)]
    found = sorted((row for row in rows if _read_from_rag(row)), key=lambda row: row.line or 0)
    if not found:
        return []
    said = ", ".join(dict.fromkeys(repr(row.status.text) for row in found if row.status))
    return [DraftWarning(found[0].line, (
        f"no status given: RAG {said} means complete, so read as implemented "
        f"({lines_named(found)}); give a status where it is not"), found[0].page)]


def _read_from_rag(row: Item | Action) -> bool:
    """Implemented, in a RAG's words that say no status ("Blue", "B", "C"), no date."""
    status = row.status
    if row.rag != "blue" or status is None or status.value != "implemented" or status.date:
        return False
    colour, meaning = rag_colour(status.text, c_complete=True)
    return colour == "blue" and status_value(meaning) is None
