"""CSV trackers: delimiter sniffed; UTF-8 with or without BOM, else Windows-1252."""

from __future__ import annotations

import csv
import io

from . import SourceRow, cell_html, decode_text

_DELIMITERS = ",;\t|"


def read(data: bytes, name: str) -> list[SourceRow]:
    text = decode_text(data, name)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text))
    rows: list[SourceRow] = []
    for cells in reader:
        if any(cell.strip() for cell in cells):
            rows.append(SourceRow(tuple(cell_html(c) for c in cells), reader.line_num))
    return rows


def _delimiter(text: str) -> str:
    """The delimiter on most of the first lines. csv.Sniffer is misled by a title line
    without delimiters and by commas inside cells ("£2,000") of a semicolon file."""
    lines = [line for line in text.splitlines()[:50] if line.strip()]
    return max(_DELIMITERS, key=lambda d: (sum(d in line for line in lines),
                                           -_DELIMITERS.index(d)))
