"""What the test documents' writers share: a Word table filled row by row, a solid cell fill,
and a document or workbook saved to the bytes an upload would hold."""

from __future__ import annotations

import io
from typing import Any

from openpyxl.styles import PatternFill


def saved(document: Any) -> bytes:
    """A python-docx document or an openpyxl workbook as the file's bytes."""
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def word_table(document: Any, rows: list[list[str]]) -> Any:
    """A gridded Word table of these rows, the first its header."""
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    table.style = "Table Grid"
    for table_row, texts in zip(table.rows, rows, strict=True):
        for cell, text in zip(table_row.cells, texts, strict=True):
            cell.text = text
    return table


def solid(rgb: str) -> PatternFill:
    return PatternFill(fill_type="solid", fgColor=rgb)
