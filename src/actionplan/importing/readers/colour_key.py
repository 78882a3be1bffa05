"""A sheet's key of colours: a list of filled cells, each with what its colour means in it
or beside it, above the table or to its right. Some trackers keep their RAG only as the
fill of each row's cells; the key is what a person reads those fills by, so the importer
reads them by it too (and says so), never by a guess at what a shade means.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, NamedTuple

from ..action_rows import rag_colour
from ..delivery import status_value
from .fill_colours import rag_of_colour, rows_named

Grid = list[list[str]]
FillOf = Callable[[Any], str | None]  # a cell's fill colour as RGB, None when unfilled
_MEANING_WORDS = 5  # a key's words are few: "Off track", "Complete - evidence seen"


class Key(NamedTuple):
    colours: dict[str, str]  # six hex digits -> what the colour means
    cells: list[tuple[int, int]]  # (row, column) of the grid cells the key's words are in


def read_key(sheet: Any, grid: Grid, header: int, width: int, fill_of: FillOf) -> Key:
    """The sheet's key: two or more filled cells one under the other, of different colours,
    outside the table's own cells (the header row and the rows under it, up to its last
    named column: `width`), two of them at least naming a rating or a status (a banner of
    coloured title rows is no key)."""
    runs: list[list[tuple[int, int, str, str]]] = []
    for column in range(max((len(row) for row in grid), default=0)):
        run: list[tuple[int, int, str, str]] = []
        for index, row in enumerate(grid):
            entry = None if index >= header and column < width else _entry(
                sheet, row, index, column, fill_of)
            if entry is not None:
                run.append(entry)
                continue
            runs.append(run)
            run = []
        runs.append(run)
    key = Key({}, [])
    for run in runs:
        if len({rgb for _, _, rgb, _ in run}) == len(run) and sum(
                1 for *_, meaning in run if _names_delivery(meaning)) > 1:
            for index, column, rgb, meaning in run:
                key.colours.setdefault(rgb, meaning)
                key.cells.append((index, column))
                if column + 1 < len(grid[index]) and grid[index][column + 1] == meaning:
                    key.cells.append((index, column + 1))
    return key


def _names_delivery(meaning: str) -> bool:
    return rag_colour(meaning)[0] is not None or status_value(meaning) is not None


def _entry(sheet: Any, row: list[str], index: int, column: int,
           fill_of: FillOf) -> tuple[int, int, str, str] | None:
    if column >= len(row):
        return None
    rgb = fill_of(sheet.cell(row=index + 1, column=column + 1))
    if not rgb or rgb[-6:].upper() == "FFFFFF":
        return None
    beside = row[column + 1].strip() if column + 1 < len(row) else ""
    meaning = row[column].strip() or beside
    if not meaning or len(meaning.split()) > _MEANING_WORDS:
        return None
    return index, column, rgb[-6:].upper(), meaning


def rag_text(meaning: str, rgb: str) -> str:
    """What a RAG cell of this colour says: the key's words when they name a rating
    ("Off track"), else the colour's rating before them ("Red - Not yet agreed")."""
    if rag_colour(meaning)[0] is not None:
        return meaning
    rating = rag_of_colour(rgb)
    return f"{rating.capitalize()} - {meaning}" if rating else meaning


def key_read(key: Key, grid: Grid, read: dict[tuple[str, str], list[int]],
             ) -> list[tuple[int | None, str]]:
    """Once the key was read by: its cells emptied from the grid (they are no part of the
    table or the title), the key said as the sheet gives it, then each of its colours read
    with its rows. A key nothing was read by stays where it is, as text."""
    if not read:
        return []
    for index, column in key.cells:
        grid[index][column] = ""
    said = ", ".join(f"{meaning} ({rgb})" for rgb, meaning in key.colours.items())
    return [(None, f"the sheet's key of colours: {said}")] + [
        (rows[0], f"RAG read from cell colour {rgb} as {meaning!r}, by the sheet's key "
                  f"({rows_named(rows)})") for (rgb, meaning), rows in read.items()]
