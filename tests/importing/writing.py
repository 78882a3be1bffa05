"""What the test documents' writers share: a Word table filled row by row, a change tracked in
a Word paragraph, a solid cell fill, and a document or workbook saved to the bytes an upload
would hold."""

from __future__ import annotations

import io
from typing import Any

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
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


def tracked(paragraph: Any, kind: str, text: str, author: str = "Business Manager") -> None:
    """A tracked deletion ("w:del", the struck text kept) or insertion ("w:ins") at the end of a
    paragraph, as Word saves them with "Track changes" on."""
    change = OxmlElement(kind)
    change.set(qn("w:id"), str(len(paragraph._p) + len(text)))
    change.set(qn("w:author"), author)
    run = OxmlElement("w:r")
    text_element = OxmlElement("w:delText" if kind == "w:del" else "w:t")
    text_element.set(qn("xml:space"), "preserve")
    text_element.text = text
    run.append(text_element)
    change.append(run)
    paragraph._p.append(change)
