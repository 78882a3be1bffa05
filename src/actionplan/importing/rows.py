"""Rows to items: find the header, then read each row as a new item, a new action of the
current item, the rest of a row cut by a page break, or an owner/date row for the action
above ("filler")."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from .entries import Entry, joins_previous, reader_of
from .grouping import extends_ref, is_note_row, recommendation_row, texts
from .header import Layout, read_header
from .metadata import names_a_plan
from .readers import SourceRow
from .repair import continued_ref, is_separator, looks_like_section, section_name, unshift

ITEM_LEVEL = ("ref", "review_ref", "outcome", "recommendation")


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
        """The item's ref: its heading's, else its first ref cell's."""
        column = self.layout.column("ref")
        cells = self.groups[0].cells if self.groups else {}
        found = texts(cells.get(column)) if column is not None else []
        return self.heading_ref or (found[0] if found else None)


@dataclass
class Outline:
    """What the rows said, before items are finished."""

    items: list[PendingItem]
    sections: list[str]
    title_lines: list[str]
    notes: list[str]
    first_table_row: SourceRow | None


def clean_line(text: str) -> str:
    """A text line without the Markdown the extractor adds (#, **)."""
    return " ".join(text.strip().lstrip("#").replace("**", "").split())


class Builder:
    def __init__(self, overrides: Mapping[str, str] | None) -> None:
        self.overrides = overrides
        self.layout: Layout | None = None
        self.items: list[PendingItem] = []
        self.sections: list[str] = []
        self.section: str | None = None
        self.title_lines: list[str] = []
        self.notes: list[str] = []
        self.first_table_row: SourceRow | None = None
        self.header_just_repeated = False
        self.section_just_started = False

    def feed(self, rows: Sequence[SourceRow]) -> Outline:
        for number, row in enumerate(rows):
            following = rows[number + 1] if number + 1 < len(rows) else None
            if not row.in_table:
                self._text_line(clean_line(row.cells[0]), row, following)
            elif not is_separator(row.cells):
                filled = [n for n, cell in enumerate(row.cells) if cell.strip()]
                self._table_row(row, filled, following)
        return Outline(self.items, self.sections, self.title_lines, self.notes,
                        self.first_table_row)

    def _text_line(self, text: str, row: SourceRow, following: SourceRow | None) -> None:
        if self.layout is None:
            self.title_lines.append(text)
        elif (heading := recommendation_row(text)) is not None:
            self._start_heading(heading, row)
        elif looks_like_section(text) and following is not None and following.in_table:
            self._start_section(text)
        else:
            self.notes.append(text)

    def _table_row(self, row: SourceRow, filled: list[int], following: SourceRow | None) -> None:
        self.first_table_row = self.first_table_row or row
        # A header names at least two columns: a row of one cell is never one.
        header = read_header(row.cells, self.overrides) if len(filled) > 1 else None
        if header:
            self.header_just_repeated = header == self.layout  # a page break, same table
            self.layout = header
            return
        single = row.cells[filled[0]] if len(filled) == 1 else ""
        heading = recommendation_row(" ".join(single.split())) if single else None
        if self.layout is not None and heading is not None:
            self._start_heading(heading, row)
            return
        if self.layout is not None and is_note_row(row.cells):
            self.notes.append(" ".join(" ".join(c.split()) for c in row.cells if c.strip()))
            return
        name = section_name(row.cells, filled)
        if self.layout is None:
            if name and not names_a_plan(name) and following is not None and (
                    read_header(following.cells, self.overrides)):
                self._start_section(name)  # a theme row just above the first header
            else:
                self.title_lines.append(" ".join(c.strip() for c in row.cells if c.strip()))
        elif name:
            self._start_section(name)
        else:
            self._data_row(row, filled, self.layout)
            self.header_just_repeated = self.section_just_started = False

    def _start_heading(self, heading: tuple[str, str], row: SourceRow) -> None:
        """A full-width "Recommendation 1: …" row: an item whose actions follow."""
        assert self.layout is not None  # only asked under a header
        first = Group({}, row.line, row.page)
        self.items.append(PendingItem(self.layout, self.section, [first], *heading))
        self.section_just_started = True  # nothing below it continues the item above

    def _start_section(self, name: str) -> None:
        self.section = name
        self.section_just_started = True
        if name not in self.sections:
            self.sections.append(name)

    def _data_row(self, row: SourceRow, filled: list[int], layout: Layout) -> None:
        cells, filled = unshift(row.cells, filled, layout)
        continued = False
        for column in layout.item_columns:
            if column < len(cells) and continued_ref(cells[column]) is not None:
                cells = list(cells)  # a copy: the row's own cells stay as read
                cells[column] = ""
                filled = [n for n in filled if n != column]
                continued = True
        entries = self._entries(cells, filled, layout)
        self._take_section_cell(entries, layout)
        self._take_heading(entries, layout)
        may_continue = (row.after_break or self.header_just_repeated or continued) and not (
            self.section_just_started)
        if may_continue and self.items:
            self._join_cut_row(entries, layout)
        if entries:
            self._place(entries, layout, row)

    @staticmethod
    def _entries(cells: Sequence[str], filled: list[int], layout: Layout) -> dict[int, list[Entry]]:
        """The entries of each filled cell, by column; a cell that reads as none ("•",
        "<p></p>") is left out, as is one emptied later (the steps that pop entries drop
        the column when they take its last)."""
        entries = {}
        for column in filled:
            found = reader_of(layout.role_at(column) or "notes")(cells[column])
            if found:
                entries[column] = found
        return entries

    def _take_section_cell(self, entries: dict[int, list[Entry]], layout: Layout) -> None:
        """A Theme, Priority or Area column names the section of its row's item."""
        column = layout.column("section")
        if column is None or column not in entries:
            return
        name = " ".join(texts(entries.pop(column)))
        if name != self.section:
            self._start_section(name)

    def _take_heading(self, entries: dict[int, list[Entry]], layout: Layout) -> None:
        """An underlined first paragraph of an objective is a section: a workplan whose
        objectives open with an underlined function name."""
        for column in layout.heading_columns:
            found = entries.get(column)
            if found and found[0].underlined:
                self._start_section(found.pop(0).text)
                if not found:
                    del entries[column]
                return

    def _join_cut_row(self, entries: dict[int, list[Entry]], layout: Layout) -> None:
        """Glue the top of each cell to the entry it continues, in the row above.

        A capitalised word after a capitalised one ("Domestic" / "Abuse") is weak
        evidence: believed only beside a sure continuation (a lower-case start) or in a row
        that cannot begin an item or action. A row whose recommendation is new hands only
        lower-case fragments back to the item above.
        """
        above = self._entries_above()

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

    def _entries_above(self) -> dict[int, list[Entry]]:
        """Each column's entries in the last row of the current item that has some."""
        above = {}
        for group in self.items[-1].groups:
            for column, found in group.cells.items():
                if found:
                    above[column] = found
        return above

    def _place(self, entries: dict[int, list[Entry]], layout: Layout, row: SourceRow) -> None:
        group = Group(entries, row.line, row.page)
        current = self.items[-1] if self.items else None
        if current is not None and current.layout == layout:
            self._drop_repeats(entries, current, layout)
            self._take_action_ref(group, current, layout)
        # Text in a ref, outcome or key column starts a new item (entries holds only filled
        # columns), as does a new table.
        if current is None or current.layout != layout or (
                not entries.keys().isdisjoint(layout.item_columns)):
            self.items.append(PendingItem(layout, self.section, [group]))
        elif group.action_ref or (
                (action := layout.column("action")) is not None and entries.get(action)):
            current.groups.append(group)
        else:
            last = current.groups[-1].cells
            for column, found in entries.items():
                last.setdefault(column, []).extend(found)

    def _drop_repeats(
        self, entries: dict[int, list[Entry]], current: PendingItem, layout: Layout,
    ) -> None:
        """A row repeating its item's ref, outcome and recommendation word for word is
        another action of the same item: the repeats are dropped, not read again."""
        columns = [column for column in layout.item_columns if column in entries]
        first = current.groups[0].cells if current.groups else {}
        if columns and self.section == current.section and all(
                texts(entries[column]) == texts(first.get(column)) for column in columns):
            for column in columns:
                del entries[column]

    @staticmethod
    def _take_action_ref(group: Group, current: PendingItem, layout: Layout) -> None:
        """A ref that extends the item's ("1a" under 1), on a row with no recommendation
        or outcome of its own, numbers an action of that item."""
        column = layout.column("ref")
        if column is None or column not in group.cells:
            return
        if any(c in group.cells for c in layout.item_columns if c != column):
            return
        ref = " ".join(texts(group.cells[column]))
        if extends_ref(ref, current.ref()):
            group.action_ref = ref
            del group.cells[column]
