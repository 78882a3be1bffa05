"""A sheet's key of colours: a list of filled cells, each with what its colour means in it
or beside it, above the table or to its right. Some trackers keep their RAG only as the
fill of each row's cells; the key is what a person reads those fills by, so the importer
reads them by it too (and says so), never by a guess at what a shade means.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..action_rows import rag_colour
from .fill_colours import rag_of_colour, rows_named

Grid = list[list[str]]
FillOf = Callable[[Any], str | None]  # a cell's fill colour as RGB, None when unfilled
_MEANING_WORDS = 5  # a key's words are few: "Off track", "Complete - evidence seen"


def read_key(
    sheet: Any, grid: Grid, header: int, width: int, fill_of: FillOf,
) -> dict[str, str]:
    """Each colour of the key (six hex digits) with its meaning; the key's cells emptied
    from the grid, its words said in the warnings instead. A key is two or more filled
    cells one under the other, of different colours, outside the table's own cells (the
    header row and the rows under it, up to its last named column: `width`)."""
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
    key: dict[str, str] = {}
    for run in runs:
        if len(run) > 1 and len({rgb for _, _, rgb, _ in run}) == len(run):
            for index, column, rgb, meaning in run:
                key.setdefault(rgb, meaning)
                grid[index][column] = ""
                if column + 1 < len(grid[index]) and grid[index][column + 1] == meaning:
                    grid[index][column + 1] = ""
    return key


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


def key_messages(key: dict[str, str], read: dict[tuple[str, str], list[int]],
                 ) -> list[tuple[int | None, str]]:
    """The key as the sheet gives it (its cells are not read as the table's), then (first
    row, message) for each of its colours read, with its rows."""
    if not key:
        return []
    said = ", ".join(f"{meaning} ({rgb})" for rgb, meaning in key.items())
    return [(None, f"the sheet's key of colours: {said}")] + [
        (rows[0], f"RAG read from cell colour {rgb} as {meaning!r}, by the sheet's key "
                  f"({rows_named(rows)})") for (rgb, meaning), rows in read.items()]
