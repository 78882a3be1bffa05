"""Tables inside a table's cell: an action cell holding a small table of its own, one row an
action with its lead and date under the small table's header ("Action | Lead | By").

The outer table is read as the table a person would draw from it: the outer column widened
into the inner table's columns, one row an inner row, the outer row's other cells on its
first (and repeated on the others where a merged cell would be: see repeats_down). An inner
table with no header of its own gives one list item a row, its cells in order: the words
kept, none of them guessed into an owner or a date.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, NamedTuple

from docx.oxml.ns import qn

from ..header import read_header
from . import repeats_down
from .word_blocks import blocks, cells_of, rows_of

_TBL = qn("w:tbl")


class Widened(NamedTuple):
    """The outer grid column holding inner tables, and the inner tables' header."""

    column: int
    header: tuple[str, ...]

    def grid_roles(self, roles: tuple[str | None, ...]) -> tuple[str | None, ...]:
        """The widened header's roles as the outer grid's columns: the inner columns one."""
        end = self.column + len(self.header)
        return (*roles[:self.column], roles[self.column], *roles[end:])

    def header_row(self, cells: tuple[str, ...]) -> tuple[str, ...]:
        """The outer row with the inner header's cells in place of the column's."""
        return (*cells[:self.column], *self.header, *cells[self.column + 1:])

    def rows(self, cells: tuple[str, ...], inner: list[list[str]], own: str,
             roles: tuple[str | None, ...]) -> list[tuple[str, ...]]:
        """The outer row's cells as one row an inner row (own: the cell's words outside
        its tables, a row of their own); the outer cells repeated where roles say so."""
        width = len(self.header)
        subrows = ([[own]] if own or not inner else []) + inner
        out = []
        for number, sub in enumerate(subrows):
            fitted = (sub + [""] * width)[:width - 1] + [" ".join(sub[width - 1:])]
            row = (*cells[:self.column], *fitted, *cells[self.column + 1:])
            if number:
                row = tuple(cell if self.column <= column < self.column + width
                            or _repeats(roles, column) else ""
                            for column, cell in enumerate(row))
            out.append(row)
        return out


def _repeats(roles: tuple[str | None, ...], column: int) -> bool:
    return repeats_down(roles[column] if column < len(roles) else None)


def inner_tables(tc: Any) -> list[Any]:
    return [part for part in blocks(tc) if part.tag == _TBL]


def tc_at(tr: Any, column: int) -> Any | None:
    """The cell of a row that covers a grid column."""
    at = 0
    for tc in cells_of(tr):
        if at <= column < at + tc.grid_span:
            return tc
        at += tc.grid_span
    return None


def widening(trs: Sequence[Any], texts: Callable[[Any], str]) -> Widened | None:
    """The first inner table of these rows whose first row reads as a header; texts gives
    a cell's words."""
    for tr in trs:
        column = 0
        for tc in cells_of(tr):
            for table in inner_tables(tc):
                first = next(rows_of(table), None)
                header = [texts(cell) for cell in cells_of(first)] if first is not None else []
                if read_header(header):
                    return Widened(column, tuple(header))
            column += tc.grid_span
    return None
