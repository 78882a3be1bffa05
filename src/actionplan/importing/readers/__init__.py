"""Readers: each turns one document format into rows of cell texts with their position,
in parts: a workbook gives one part a worksheet (each may be a plan), any other document one.

Cells may hold simple HTML (<p>, <ul>, <li>, <u>, <i>): the text seeds carry it, and the
Word reader writes paragraphs and list items the same way, so one cell reader serves all.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Mapping
from functools import cache
from typing import NamedTuple

from ..errors import ImportFailure


class SourceRow(NamedTuple):
    """One table row, or one line of text outside any table (in_table False, one cell).

    A named tuple: immutable like the frozen dataclass it was, and quicker to make (a
    frozen dataclass sets each field through object.__setattr__); a reader makes one a line.
    """

    cells: tuple[str, ...]
    line: int | None = None  # text/csv line, sheet row, or running paragraph number (docx)
    page: int | None = None  # PDF page
    in_table: bool = True
    after_break: bool = False  # first row after a blank line, a new page or a new table


class Reading(NamedTuple):
    """Something a reader inferred rather than read as text (a RAG from a cell's colour, a
    sheet left out): shown to the person as a warning on the draft."""

    line: int | None
    message: str


class Part(NamedTuple):
    """The rows of one document, or of one worksheet: each part is read as its own plan."""

    rows: list[SourceRow]
    sheet: str | None = None  # the worksheet's name; None for a document of one part
    readings: tuple[Reading, ...] = ()


Columns = Mapping[str, str] | None  # header text -> role, as a person mapped them
Reader = Callable[[bytes, str, Columns], list[Part]]


def read_parts(fmt: str, data: bytes, name: str, columns: Columns = None) -> list[Part]:
    """The document's parts, in order; a reader of one-part documents gives one. A workbook's
    reader is given the columns a person mapped: it finds the header (to read colours, merged
    and hidden cells by the columns' roles) as the rows will be read."""
    return _readers()[fmt](data, name, columns)


@cache
def _readers() -> dict[str, Reader]:
    """Imported on first use: the Word, Excel and PDF libraries are slow to load."""
    from . import csv as csv_reader
    from . import docx as docx_reader
    from . import pdf as pdf_reader
    from . import text as text_reader
    from . import xlsx as xlsx_reader

    def whole(read: Callable[[bytes, str], list[SourceRow]]) -> Reader:
        return lambda data, name, _columns: [Part(read(data, name))]

    return {
        "text": whole(text_reader.read), "csv": whole(csv_reader.read),
        "docx": lambda data, name, _columns: [docx_reader.read_part(data, name)],
        "xlsx": xlsx_reader.read_parts,
        "pdf": lambda data, name, _columns: [pdf_reader.read_part(data, name)],
    }


def cell_html(text: str) -> str:
    """A spreadsheet cell as the HTML entries.py reads: each typed line break a paragraph."""
    lines = [html.escape(line.strip()) for line in text.splitlines() if line.strip()]
    return lines[0] if len(lines) == 1 else " ".join(f"<p>{line}</p>" for line in lines)


def decode_text(data: bytes, name: str) -> str:
    """UTF-8 (with or without BOM), else Windows-1252: what boards' exports come in."""
    if b"\x00" in data[:4096]:
        raise ImportFailure(name, "does not look like a text file (binary content)")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


# The columns whose merged cell (one text spanning several rows) is repeated in each row it
# spans: the rows' actions share that owner or date. In the others a blank cell already reads
# as "the item or action above", and a repeated recommendation or action would start anew.
_REPEATED_DOWN = frozenset(("owner", "due", "measure", "progress", "rag", "completed"))


def repeats_down(role: str | None) -> bool:
    return role in _REPEATED_DOWN


def titles_above(rows: list[SourceRow], header_line: int | None) -> list[SourceRow]:
    """A spreadsheet's lines of one cell above its header are its title block (the board,
    the review, the date), read as text lines: never a section or part of the table."""
    if header_line is None:
        return rows
    return [row._replace(in_table=False, cells=(next(c for c in row.cells if c.strip()),))
            if row.line is not None and row.line < header_line
            and sum(1 for c in row.cells if c.strip()) == 1 else row
            for row in rows]
