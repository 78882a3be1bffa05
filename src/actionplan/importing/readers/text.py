"""Text with tab-separated tables, as extracted from the published PDFs; or a sheet that
Excel saved as tab-delimited text, read as CSV is (its quoting undone)."""

from __future__ import annotations

from . import SourceRow, decode_text
from . import csv as csv_reader


def read(data: bytes, name: str) -> list[SourceRow]:
    text = decode_text(data, name)
    if csv_reader.saved_by_excel(text):
        return csv_reader.read(data, name)
    rows: list[SourceRow] = []
    after_break = False
    for number, line in enumerate(text.splitlines(), start=1):
        if not line or line.isspace():
            after_break = True  # the extractor leaves a blank line at page breaks
            continue
        if "\t" in line:
            rows.append(SourceRow(tuple(line.split("\t")), number, None, True, after_break))
        else:
            rows.append(SourceRow((line.strip(),), number, None, False, after_break))
        after_break = False
    return rows
