"""Excel trackers: each visible worksheet is its own part (its own plan), read top to bottom.

What a person sees is what is read: hidden rows and columns hold old data and are left out
(a hidden column is kept only when no visible one does its job), but rows a filter hides are
a view of the tracker and are read (ADR 0081); a RAG column of coloured, empty cells is read
from the colours (sheet_colours.py); two header rows (a group heading merged over its
columns) read as one; a merged cell's text is given to each row it spans, as in Word.
Dates are written the UK way, day first, for dates.py.
"""

from __future__ import annotations

import io
from datetime import date, datetime
from typing import Any

import openpyxl
from openpyxl.utils.cell import range_boundaries

from ..header import normalise, read_header, role_of, run_on_header
from . import Columns, Part, Reading, SourceRow, cell_html, repeats_down, titles_above
from .sheet_colours import rag_of_fills, read_colours

Grid = list[list[str]]


def read_parts(data: bytes, name: str, columns: Columns = None) -> list[Part]:
    """Each sheet's rows; `columns` are the roles a person gave the header's columns."""
    # Not read_only: only a loaded sheet knows its merged cells, fills and hidden rows.
    workbook = openpyxl.load_workbook(io.BytesIO(data), data_only=True)
    try:
        return [_read_sheet(sheet, columns) for sheet in workbook.worksheets]
    finally:
        workbook.close()


def _read_sheet(sheet: Any, columns: Columns = None) -> Part:
    if sheet.sheet_state != "visible":
        return Part([], sheet.title, (Reading(None, f"sheet {sheet.title!r} is hidden: "
                                                    "not imported"),))
    rows_of_cells = list(sheet.iter_rows())
    grid = [[_cell_text(cell.value) for cell in row] for row in rows_of_cells]
    readings = _comments(rows_of_cells)
    header = _header_row(grid, columns)
    merges = [m for m in sheet.merged_cells.ranges if m.max_row > m.min_row]
    hidden: set[int] = set()
    header_row = header
    if header is not None:
        header_row = _two_header_rows(sheet, grid, header, readings, columns)
        hidden = _hidden_columns(sheet, grid[header_row], readings, columns)
        roles = _roles(grid[header_row], hidden, columns)
        read_colours(sheet, grid, header_row, roles, readings)
        rag_of_fills(sheet, grid, header_row, roles, readings)
        _carry_merged(grid, merges, header_row, roles)
    rows: list[SourceRow] = []
    hidden_rows, filtered_rows = [], []
    filtered = _filtered(sheet)
    for number, values in enumerate(grid, start=1):
        cells = tuple(text for column, text in enumerate(values) if column not in hidden)
        if not any(c.strip() for c in cells):
            continue
        if sheet.row_dimensions[number].hidden:
            if number not in filtered:
                hidden_rows.append(number)
                continue
            filtered_rows.append(number)
        rows.append(SourceRow(cells, number, after_break=not rows))
    rows = titles_above(rows, None if header_row is None else header_row + 1)
    if filtered_rows:
        readings.append(Reading(filtered_rows[0], "rows the sheet's filter hides read: "
                                + ", ".join(map(str, filtered_rows))))
    if hidden_rows:
        readings.append(Reading(hidden_rows[0], "hidden rows left out: " + ", ".join(
            map(str, hidden_rows))))
    return Part(rows, sheet.title, tuple(readings))


def _comments(rows: list[Any]) -> list[Reading]:
    """A cell's comment (an Excel note: "Chased 3 May") has no place in the draft: each is
    said in a warning with its text, so that nothing of the sheet is left out unseen."""
    return [Reading(cell.row, f"comment on {cell.coordinate} not imported: "
                              f"{' '.join(cell.comment.text.split())!r}")
            for row in rows for cell in row if cell.comment is not None]


def _filtered(sheet: Any) -> set[int]:
    """The rows under a filter's header: a row hidden there was hidden by the filter (a
    view of the tracker, "open actions only"), not left out by hand, so it is read."""
    rows: set[int] = set()
    for found in [sheet.auto_filter, *(table.autoFilter for table in sheet.tables.values())]:
        if found is not None and found.ref and found.filterColumn:
            _, top, _, bottom = range_boundaries(found.ref)
            rows.update(range((top or 1) + 1, (bottom or top or 1) + 1))
    return rows


def _header_row(grid: Grid, columns: Columns) -> int | None:
    """The first row that reads as a header, alone or with the row under it."""
    for index, cells in enumerate(grid):
        if read_header(cells, columns) is not None:
            return index
        if index + 1 < len(grid) and read_header(grid[index + 1], columns) is None and read_header(
                _under(cells, grid[index + 1]), columns):
            return index
    return None


def _under(upper: list[str], lower: list[str]) -> list[str]:
    """Two header rows as one: each column's lower heading, else the one above it."""
    return [low or up for up, low in zip(upper, lower, strict=False)]


def _two_header_rows(
    sheet: Any, grid: Grid, index: int, readings: list[Reading], columns: Columns,
) -> int:
    """When a group heading merged over its columns stands above the header, the two rows
    become one (the lower row's names, the upper's where it has none); the group heading is
    named in a warning. Returns the index of the header row to read."""
    if index + 1 >= len(grid):
        return index
    upper, lower = grid[index], grid[index + 1]
    groups = [m for m in sheet.merged_cells.ranges
              if m.min_row == index + 1 and m.max_row == m.min_row and m.max_col > m.min_col
              and all(lower[c - 1] for c in range(m.min_col, min(m.max_col, len(lower)) + 1))]
    alone = read_header(upper, columns) is not None
    if alone and not groups and (run_on := run_on_header(upper, lower, columns)):
        grid[index + 1], grid[index] = run_on, [""] * len(upper)
        readings.append(Reading(index + 1, "a header over two rows read as one: "
                                           + ", ".join(t for t in run_on if t)))
        return index + 1
    joined = _under(upper, lower)
    for group in groups:
        under = slice(group.min_col - 1, group.max_col)
        joined[under] = _named_by_group(upper[group.min_col - 1], joined[under])
    if (alone and not groups) or read_header(joined, columns) is None:
        return index
    grid[index + 1] = joined
    grid[index] = [""] * len(upper)
    for group in groups:
        names = [grid[index + 1][c - 1] for c in range(group.min_col, group.max_col + 1)]
        readings.append(Reading(index + 1, f"two header rows read as one: "
                                           f"{upper[group.min_col - 1]!r} over "
                                           f"{', '.join(names)}"))
    return index + 1


def _named_by_group(heading: str, names: list[str]) -> list[str]:
    """A group heading that names a role ("Recommendation" over "No." and "Detail") gives it
    to the one column under it that names none, when no other there has it."""
    role = role_of(heading)
    unnamed = [place for place, name in enumerate(names) if role_of(name) is None]
    if role is None or len(unnamed) != 1 or any(role_of(name) == role for name in names):
        return names
    place = unnamed[0]
    return [*names[:place], f"{heading} ({names[place]})", *names[place + 1:]]


def _roles(header: list[str], hidden: set[int], columns: Columns) -> tuple[str | None, ...]:
    """Each column's role, read from the header without the columns left out."""
    shown = [column for column in range(len(header)) if column not in hidden]
    layout = read_header([header[column] for column in shown], columns)
    roles: list[str | None] = [None] * len(header)
    for place, column in enumerate(shown):
        roles[column] = layout.role_at(place) if layout else None
    return tuple(roles)


def _carry_merged(grid: Grid, merges: list[Any], header: int,
                  roles: tuple[str | None, ...]) -> None:
    for merged in merges:
        column = merged.min_col - 1
        role = roles[column] if column < len(roles) else None
        if merged.min_row - 1 <= header or not repeats_down(role):
            continue
        text = grid[merged.min_row - 1][column]
        for row in range(merged.min_row, min(merged.max_row, len(grid))):
            grid[row][column] = text


def _hidden_columns(sheet: Any, header: list[str], readings: list[Reading], columns: Columns) -> set[int]:
    """The hidden columns to leave out: all but one that alone would give its role (the role
    a person mapped it to, else the one its header names)."""
    hidden = {column for column in range(len(header)) if _column_hidden(sheet, column + 1)}
    shown_roles = set(_roles(header, hidden, columns))
    mapped = {normalise(text): role for text, role in (columns or {}).items()}
    left_out = set()
    for column in sorted(hidden):
        role = mapped.get(normalise(header[column])) or role_of(header[column])
        if role is not None and role != "notes" and role not in shown_roles:
            readings.append(Reading(None, f"hidden column {header[column]!r} read: no "
                                          f"other column gives the {role}"))
            shown_roles.add(role)
        else:
            left_out.add(column)
            readings.append(Reading(None, f"hidden column {header[column] or column + 1!r} "
                                          "left out"))
    return left_out


def _column_hidden(sheet: Any, number: int) -> bool:
    """openpyxl keeps a run of hidden columns as one dimension (min to max)."""
    for dimension in sheet.column_dimensions.values():
        if dimension.hidden and dimension.min and dimension.min <= number <= dimension.max:
            return True
    return False


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime | date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return cell_html(str(value))
