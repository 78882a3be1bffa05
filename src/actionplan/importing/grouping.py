"""How rows group into recommendations: a recommendation repeated on each of its action
rows, a full-width "Recommendation 1: …" row over lettered action rows, action refs that
extend their recommendation's ("1" -> "1a", "1.2", "A1.1"), and rows under a table that
are totals or notes, not actions."""

from __future__ import annotations

import re
from collections.abc import Sequence

from .entries import Entry

# "Recommendation 1: Agencies should…", "Recommendation 2 – …", "Recommendation R3."
_RECOMMENDATION_ROW = re.compile(
    r"^\s*recommendation\s+([A-Za-z]?\d{1,3}(?:\.\d{1,3})*[a-z]?)\s*[:.\-–—)]?\s*(.*)$",
    re.I | re.S)
# "Total", "Totals: 12 actions", "Note: …", "Key: R = red…", "Source: …", "NB …"
_NOTE_ROW = re.compile(r"^\s*(?:grand\s+)?(?:totals?|notes?|key|source|nb|n\.b\.)\b", re.I)


def recommendation_row(text: str) -> tuple[str, str] | None:
    """The ref and text of a full-width recommendation row, else None."""
    match = _RECOMMENDATION_ROW.match(text)
    return (match.group(1), " ".join(match.group(2).split())) if match else None


def is_note_row(cells: Sequence[str]) -> bool:
    """A totals or notes row under the table: its first filled cell says so."""
    first = next((cell for cell in cells if cell.strip()), "")
    return _NOTE_ROW.match(first) is not None


def extends_ref(ref: str, item_ref: str | None) -> bool:
    """Whether a ref names an action of the item numbered item_ref: "1a", "1.2", "A1.1",
    "A1" under "1" or "R1"."""
    if not item_ref:
        return False
    number = item_ref.strip().rstrip(".").lstrip("Rr")
    ref = ref.strip().rstrip(".")
    bare = ref[1:] if ref[:1] in "Aa" and ref[1:2].isdigit() else ref
    if bare == ref and ref == number:
        return False  # the item's own ref, repeated
    return bare == number or (bare.startswith(number) and (
        bare[len(number):len(number) + 1] in (".", "") or bare[len(number):].isalpha()))


def texts(entries: Sequence[Entry] | None) -> list[str]:
    return [entry.text for entry in entries or ()]
