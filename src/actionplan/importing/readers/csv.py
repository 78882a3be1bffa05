"""CSV trackers: delimiter sniffed; UTF-8 with or without BOM, else Windows-1252."""

from __future__ import annotations

import csv
import io

from . import SourceRow, decode_text

_DELIMITERS = ",;\t|"


def read(data: bytes, name: str) -> list[SourceRow]:
    text = decode_text(data, name)
    try:
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(
            text[:8192], delimiters=_DELIMITERS)
    except csv.Error:
        dialect = csv.excel  # one column, or too irregular to sniff: commas
    reader = csv.reader(io.StringIO(text, newline=""), dialect)
    rows: list[SourceRow] = []
    for cells in reader:
        if any(cell.strip() for cell in cells):
            rows.append(SourceRow(tuple(cells), reader.line_num))
    return rows
