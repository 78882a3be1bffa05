"""Rows to items: find the header, then read each row as a new item, a new action of the
current item, the rest of a row cut by a page break, or an owner/date row for the action
above ("filler")."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from .blocks import read_blocks
from .entries import Entry, plain_text, reader_of
from .grouping import (
    Group,
    PendingItem,
    heads_actions,
    is_note_row,
    place,
    recommendation_row,
    texts,
)
from .header import Layout, read_header
from .metadata import names_a_plan
from .readers import SourceRow
from .repair import (
    continued_ref,
    is_separator,
    join_cut_row,
    looks_like_section,
    section_name,
    unshift,
)


@dataclass
class Outline:
    """What the rows said, before items are finished."""

    items: list[PendingItem]
    sections: list[str]
    title_lines: list[str]
    notes: list[str]
    first_table_row: SourceRow | None


def clean_line(text: str) -> str:
    """A text line as plain text (lines hold cell markup too: a workbook's title cell), without
    the Markdown the extractor adds (#, **)."""
    blocks = read_blocks(text.strip().lstrip("#").replace("**", ""))
    return " ".join(" ".join(block.text for block in blocks).split())


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
        # A recommendation's heading above the first header, with the lines under it as read.
        self.waiting: tuple[tuple[str, str], SourceRow, list[str]] | None = None

    def feed(self, rows: Sequence[SourceRow]) -> Outline:
        for number, row in enumerate(rows):
            following = rows[number + 1] if number + 1 < len(rows) else None
            if not row.in_table:
                self._text_line(clean_line(row.cells[0]), row, following)
            elif not is_separator(row.cells):
                filled = [n for n, cell in enumerate(row.cells) if cell.strip()]
                self._table_row(row, filled, following)
        if self.waiting is not None:  # no header came: the lines stay the title block's
            self.title_lines.extend(self.waiting[2])
        return Outline(self.items, self.sections, self.title_lines, self.notes,
                        self.first_table_row)

    def _text_line(self, text: str, row: SourceRow, following: SourceRow | None) -> None:
        if self.layout is None and self._heads_first_table(text, row, following):
            self._start_section(text)  # "### Safe sleep" over a Markdown plan's table
        elif self.layout is None:
            self._above_first_header(text, row)
        elif (heading := recommendation_row(text)) is not None:
            self._start_heading(heading, row)
        elif self._heading_awaits_actions():
            # The paragraph under "Recommendation 1 - Fathers", before its first action:
            # the recommendation's own words, as in a prose plan (labelled.py).
            item = self.items[-1]
            item.heading_text = "\n".join(filter(None, (item.heading_text, text)))
        elif looks_like_section(text) and following is not None and following.in_table:
            self._start_section(text)
        else:
            self.notes.append(text)

    def _heading_awaits_actions(self) -> bool:
        """Whether the last item is a recommendation heading with no action row yet."""
        item = self.items[-1] if self.items else None
        return (item is not None and item.heading_ref is not None
                and [group.cells for group in item.groups] == [{}])

    def _heads_first_table(self, text: str, row: SourceRow, following: SourceRow | None) -> bool:
        """A Markdown heading just above the first header that names a theme, not the plan."""
        return (row.cells[0].lstrip().startswith("#") and looks_like_section(text)
                and not names_a_plan(text) and following is not None and following.in_table
                and read_header(following.cells, self.overrides) is not None)

    def _table_row(self, row: SourceRow, filled: list[int], following: SourceRow | None) -> None:
        self.first_table_row = self.first_table_row or row
        # A header names at least two columns: a row of one cell is never one.
        header = read_header(row.cells, self.overrides) if len(filled) > 1 else None
        if header:
            self.header_just_repeated = header == self.layout  # a page break, same table
            self.layout = header
            self._heading_above_header(row)
            return
        single = row.cells[filled[0]] if len(filled) == 1 else ""
        heading = recommendation_row(plain_text(single)) if single else None
        if self.layout is not None and heading is not None:
            self._start_heading(heading, row)
            return
        cell_texts = [" ".join(plain_text(cell).split()) for cell in row.cells]
        if self.layout is not None and is_note_row(cell_texts):
            self.notes.append(" ".join(text for text in cell_texts if text))
            return
        name = section_name(row.cells, filled)
        if self.layout is None:
            if name and not names_a_plan(name) and following is not None and (
                    read_header(following.cells, self.overrides)):
                self._start_section(name)  # a theme row just above the first header
            else:
                self._above_first_header(" ".join(text for text in cell_texts if text), row)
        elif name:
            self._start_section(name)
        else:
            self._data_row(row, filled, self.layout)
            self.header_just_repeated = self.section_just_started = False

    def _above_first_header(self, text: str, row: SourceRow) -> None:
        """A line of the title block; or a recommendation's heading, held (with the lines under
        it) until the header below says whether it heads that table (`_heading_above_header`)."""
        if (heading := recommendation_row(text)) is not None:
            if self.waiting is not None:  # a list of recommendations (a contents page)
                self.title_lines.extend(self.waiting[2])
            self.waiting = (heading, row, [text])
        elif self.waiting is not None:
            (ref, words), first, lines = self.waiting
            self.waiting = ((ref, f"{words}\n{text}"), first, [*lines, text])
        else:
            self.title_lines.append(text)

    def _heading_above_header(self, header: SourceRow) -> None:
        """A recommendation's heading (and its lines) just above the first header, on its page
        (a sheet, or a table, for each recommendation): the item of a table of its actions;
        else lines of the title block."""
        if self.waiting is None or self.layout is None:
            return
        heading, row, lines = self.waiting
        self.waiting = None
        if heads_actions(self.layout) and row.page == header.page:
            self._start_heading(heading, row)
        else:
            self.title_lines.extend(lines)

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
            join_cut_row(entries, self.items[-1].groups, layout)
        if entries:
            place(self.items, Group(entries, row.line, row.page), layout, self.section)

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
