"""Text with tab-separated tables, as extracted from the published PDFs."""

from __future__ import annotations

from . import SourceRow, decode_text


def read(data: bytes, name: str) -> list[SourceRow]:
    rows: list[SourceRow] = []
    after_break = False
    for number, line in enumerate(decode_text(data, name).splitlines(), start=1):
        if not line or line.isspace():
            after_break = True  # the extractor leaves a blank line at page breaks
            continue
        if "\t" in line:
            rows.append(SourceRow(tuple(line.split("\t")), number, None, True, after_break))
        else:
            rows.append(SourceRow((line.strip(),), number, None, False, after_break))
        after_break = False
    return rows
