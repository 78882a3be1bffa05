"""A sheet's fill colours read as RAG ratings: a RAG column's empty cells by the sheet's key
of colours or by hue, and, with no RAG column, each row's fill by the key alone."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from openpyxl.styles.colors import COLOR_INDEX

from . import Reading
from .colour_key import key_read, rag_text, read_key
from .fill_colours import colour_messages, rag_of_colour, theme_colours, tinted

Grid = list[list[str]]


def read_colours(sheet: Any, grid: Grid, header: int, roles: tuple[str | None, ...],
                 readings: list[Reading]) -> None:
    """An empty cell of a RAG column takes the rating its fill colour shows: by the sheet's
    key of colours where it has one, else by the colour's hue; each colour read is said
    once, with the rows it was read on."""
    if "rag" not in roles:
        return
    fill_of = _fill_reader(sheet)
    key = read_key(sheet, grid, header, _width(roles), fill_of)
    read: dict[tuple[str, str | None], list[int]] = {}
    by_key: dict[tuple[str, str], list[int]] = {}
    for column, role in enumerate(roles):
        if role != "rag":
            continue
        for index in range(header + 1, len(grid)):
            if grid[index][column]:
                continue
            rgb = fill_of(sheet.cell(row=index + 1, column=column + 1))
            if rgb and rgb[-6:].upper() in key.colours:
                meaning = key.colours[rgb[-6:].upper()]
                grid[index][column] = rag_text(meaning, rgb)
                by_key.setdefault((rgb[-6:].upper(), meaning), []).append(index + 1)
                continue
            rag = rag_of_colour(rgb) if rgb else None
            if rag:
                grid[index][column] = rag.capitalize()
            if rgb and rgb[-6:].upper() != "FFFFFF":  # a white fill is no colour to see
                read.setdefault((rgb[-6:], rag), []).append(index + 1)
    readings.extend(Reading(row, message) for row, message in colour_messages(read))
    readings.extend(Reading(row, message) for row, message in key_read(key, grid, by_key))


def rag_of_fills(sheet: Any, grid: Grid, header: int, roles: tuple[str | None, ...],
                 readings: list[Reading]) -> None:
    """No RAG column, but a key of colours: each row's RAG is the fill of its cells, read
    by the key, in a column added at the table's end (none is guessed without a key: a
    sheet's fills are banding and headings as often as ratings)."""
    if "rag" in roles:
        return
    fill_of = _fill_reader(sheet)
    width = _width(roles)
    key = read_key(sheet, grid, header, width, fill_of)
    if not key.colours:
        return
    by_key: dict[tuple[str, str], list[int]] = {}
    ratings = {header: "RAG (cell colour)"}
    for index in range(header + 1, len(grid)):
        for column in range(width if any(grid[index]) else 0):
            rgb = fill_of(sheet.cell(row=index + 1, column=column + 1))
            if rgb and (meaning := key.colours.get(rgb[-6:].upper())):
                ratings[index] = rag_text(meaning, rgb)
                by_key.setdefault((rgb[-6:].upper(), meaning), []).append(index + 1)
                break
    if by_key:
        for index, row in enumerate(grid):
            row.append(ratings.get(index, ""))
    readings.extend(Reading(row, message) for row, message in key_read(key, grid, by_key))


def _width(roles: tuple[str | None, ...]) -> int:
    """The table's columns: up to its last named one (a key may stand beyond it)."""
    return max((column + 1 for column, role in enumerate(roles) if role), default=0)


def _fill_reader(sheet: Any) -> Callable[[Any], str | None]:
    theme = theme_colours(sheet.parent.loaded_theme)
    return lambda cell: _fill_rgb(cell, theme)


def _fill_rgb(cell: Any, theme: list[str]) -> str | None:
    fill = cell.fill
    if fill is None or fill.fill_type != "solid":
        return None
    colour = fill.fgColor
    if colour.type == "rgb" and isinstance(colour.rgb, str):
        return colour.rgb
    if colour.type == "indexed" and 0 <= colour.indexed < len(COLOR_INDEX):
        return str(COLOR_INDEX[colour.indexed])
    if colour.type == "theme" and 0 <= colour.theme < len(theme):
        return tinted(theme[colour.theme], colour.tint or 0.0)
    return None
