"""How rows group into recommendations: a recommendation repeated on each of its action
rows, a full-width "Recommendation 1: …" row over lettered action rows, action refs that
extend their recommendation's ("1" -> "1a", "1.2", "A1.1"), and rows under a table that
are totals or notes, not actions."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from .entries import Entry
from .header import Layout


@dataclass
class Group:
    """One action row and the filler rows that complete it, cells by column."""

    cells: dict[int, list[Entry]]
    line: int | None
    page: int | None
    action_ref: str | None = None  # "1a" in the ref column, under recommendation 1


@dataclass
class PendingItem:
    layout: Layout
    section: str | None
    groups: list[Group] = field(default_factory=list)
    # From a full-width "Recommendation 1: …" row above the item's action rows.
    heading_ref: str | None = None
    heading_text: str | None = None

    def ref(self) -> str | None:
        """The item's ref: its heading's, else its first ref cell's, else the number its
        recommendation (or outcome) opens with."""
        cells = self.groups[0].cells if self.groups else {}
        for role in ("ref", self.layout.key_role, "outcome"):
            column = self.layout.column(role)
            found = texts(cells.get(column)) if column is not None else []
            if found and role == "ref":
                return self.heading_ref or found[0]
            if found and (number := NUMBERING.match(found[0])):
                return self.heading_ref or number.group(1)
        return self.heading_ref


# The number a recommendation's text opens with: "1.", "1.2", "R3:".
NUMBERING = re.compile(r"^(R?\d{1,3}(?:\.\d{1,3})*)[.):]?\s+(?=\S)")
# "Recommendation 1: Agencies should…", "Recommendation 2 – …", "Recommendation R3."
_RECOMMENDATION_ROW = re.compile(
    r"^\s*recommendation\s+([A-Za-z]?\d{1,3}(?:\.\d{1,3})*[a-z]?)\s*[:.\-–—)]?\s*(.*)$",
    re.I | re.S)
# "Total", "Totals: 12 actions", "Note: …", "Key: R = red…", "Source: …", "NB …"
_NOTE_ROW = re.compile(r"^\s*(?:grand\s+)?(?:totals?|notes?|key|source|nb|n\.b\.)\b", re.I)
# A sign-off under the table: a label of words and a colon, its value beside it ("Signed
# off by:", "Approved at:"). A cell of the table's own is never words ending in a colon.
_LABEL_ROW = re.compile(r"^\s*[A-Za-z][A-Za-z '’/&-]{1,40}:\s*$")


def recommendation_row(text: str) -> tuple[str, str] | None:
    """The ref and text of a full-width recommendation row, else None."""
    match = _RECOMMENDATION_ROW.match(text)
    return (match.group(1), " ".join(match.group(2).split())) if match else None


def is_note_row(cells: Sequence[str]) -> bool:
    """A totals, notes or sign-off row under the table: its first filled cell says so."""
    filled = [cell for cell in cells if cell.strip()]
    first = filled[0] if filled else ""
    return _NOTE_ROW.match(first) is not None or (
        len(filled) == 2 and _LABEL_ROW.match(first) is not None)


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


def place(items: list[PendingItem], group: Group, layout: Layout, section: str | None) -> None:
    """A row's cells into the items: a new item, a new action of the current one, or the
    rest of the current action (an owner or date row)."""
    entries = group.cells
    current = items[-1] if items else None
    if current is not None and current.layout == layout:
        _drop_repeats(entries, current, layout, section)
        _take_action_ref(group, current, layout)
    # Text in a ref, outcome or key column starts a new item (entries holds only filled
    # columns), as does a new table; under a recommendation's heading, a table of actions
    # alone gives that recommendation its actions.
    if current is None or current.layout != layout or (
            not entries.keys().isdisjoint(_starting_columns(current, layout))):
        items.append(PendingItem(layout, section, [group]))
    elif group.action_ref or (
            (action := layout.column("action")) is not None and entries.get(action)) or (
            not _holds_action(current.groups[-1], layout)):
        current.groups.append(group)  # a new action, or the first under its item's own row
    else:
        last = current.groups[-1].cells
        for column, found in entries.items():
            last.setdefault(column, []).extend(found)


def _starting_columns(current: PendingItem, layout: Layout) -> tuple[int, ...]:
    if _under_heading(current, layout):
        return tuple(c for c in layout.item_columns if c != layout.column("action"))
    return layout.item_columns


def _under_heading(current: PendingItem, layout: Layout) -> bool:
    return current.heading_text is not None and heads_actions(layout)


def heads_actions(layout: Layout) -> bool:
    """Whether a table under a recommendation's heading is of its actions: one with no column
    of recommendations or outcomes of its own."""
    return layout.column("recommendation") is None and layout.column("outcome") is None


def _holds_action(group: Group, layout: Layout) -> bool:
    """Whether a row gave an action's field: a row of the item's own text only (a
    recommendation's heading) leaves the action under it its own row and line."""
    return any(layout.role_at(column) not in _ITEM_TEXT for column in group.cells)


_ITEM_TEXT = frozenset(("ref", "review_ref", "outcome", "recommendation", "section",
                        "decision"))


def _drop_repeats(
    entries: dict[int, list[Entry]], current: PendingItem, layout: Layout,
    section: str | None,
) -> None:
    """A row repeating its item's ref, outcome and recommendation word for word is
    another action of the same item: the repeats are dropped, not read again."""
    columns = [column for column in layout.item_columns if column in entries]
    first = current.groups[0].cells if current.groups else {}
    if columns and section == current.section and all(
            texts(entries[column]) == texts(first.get(column)) for column in columns):
        for column in columns:
            del entries[column]


def _take_action_ref(group: Group, current: PendingItem, layout: Layout) -> None:
    """A ref that extends the item's ("1a" under 1), on a row with no recommendation
    or outcome of its own, numbers an action of that item; so does any ref of a table of
    actions under a recommendation's heading ("Recommendation 2: …" over actions 1, 2)."""
    column = layout.column("ref")
    if column is None or column not in group.cells:
        return
    if len(group.cells) == 1 or any(
            c in group.cells for c in layout.item_columns if c != column):
        return  # a ref alone, or beside a recommendation of its own: an item's
    ref = " ".join(texts(group.cells[column]))
    if extends_ref(ref, current.ref()) or _under_heading(current, layout):
        group.action_ref = ref
        del group.cells[column]
