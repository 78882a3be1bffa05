"""Word documents: paragraphs and tables in document order.

Cells are read from the XML (<w:tc>) rather than python-docx's grid, which repeats a
merged cell's text in every grid column it spans (and a merged recommendation in every
row). Paragraphs inside a cell become <p> or <li> (for list paragraphs) so cells.py reads
them like the HTML in the text seeds.
"""

from __future__ import annotations

import html
import io
from typing import Any

import docx
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

from ..columns import Layout, read_header
from . import SourceRow, repeats_down


def read(data: bytes, name: str) -> list[SourceRow]:
    body = docx.Document(io.BytesIO(data)).element.body
    rows: list[SourceRow] = []
    tables_seen = 0
    roles: tuple[str | None, ...] = ()  # the last header's, for tables carried over a page
    for element in body.iterchildren():
        if element.tag == qn("w:p"):
            text = Paragraph(element, None).text.strip()
            if text:
                rows.append(SourceRow((text,), len(rows) + 1, in_table=False))
        elif element.tag == qn("w:tbl"):
            above: dict[int, str] = {}  # each grid column's merged cell, for the rows below
            for number, tr in enumerate(element.iterchildren(qn("w:tr"))):
                cells, header = _row_cells(tr, above, roles)
                roles = header.roles if header else roles
                # A second table is usually the first one carried over a page.
                after_break = number == 0 and tables_seen > 0
                rows.append(SourceRow(cells, len(rows) + 1, after_break=after_break))
            tables_seen += 1
    return rows


def _row_cells(tr: Any, above: dict[int, str], roles: tuple[str | None, ...]) -> tuple[
        tuple[str, ...], Layout | None]:
    """The row's cells, one a grid column, and its layout when it is a header row.

    A cell merged down from above (vMerge) takes the merged text where the rows share it
    (owner, date: see repeats_down) and stays blank where a blank cell already means "the
    same recommendation". A cell merged across columns (gridSpan) is read once, the columns
    it covers left blank so later cells stay under their own headers. A header row is given
    as plain text: bold, underlining or list marks in a header are no words of it.
    """
    cells: list[str] = []
    plain: list[str] = []
    for tc in tr.iterchildren(qn("w:tc")):
        column = len(cells)
        if tc.vMerge == "continue":
            role = roles[column] if column < len(roles) else None
            cells.append(above.get(column, "") if repeats_down(role) else "")
            plain.append("")
        else:
            cells.append(_cell_html(tc))
            plain.append(" ".join(_paragraph_texts(tc)))
            if tc.vMerge == "restart":
                above[column] = cells[-1]
        cells.extend([""] * (tc.grid_span - 1))
        plain.extend([""] * (tc.grid_span - 1))
    header = read_header(plain)
    return (tuple(plain), header) if header else (tuple(cells), None)


def _paragraph_texts(tc: Any) -> list[str]:
    texts = (Paragraph(p, None).text.strip() for p in tc.iter(qn("w:p")))
    return [text for text in texts if text]


def _cell_html(tc: object) -> str:
    parts: list[str] = []
    in_list = False
    for p in tc.iter(qn("w:p")):  # type: ignore[attr-defined]
        paragraph = Paragraph(p, None)
        text = html.escape(paragraph.text.strip())
        if not text:
            continue
        if _all_underlined(paragraph):
            text = f"<u>{text}</u>"
        listed = p.pPr is not None and (p.pPr.numPr is not None or _list_style(paragraph))
        if listed != in_list:
            parts.append("<ul>" if listed else "</ul>")
            in_list = listed
        parts.append(f"<li>{text}</li>" if listed else f"<p>{text}</p>")
    if in_list:
        parts.append("</ul>")
    return " ".join(parts)


def _list_style(paragraph: Paragraph) -> bool:
    style_id = paragraph._p.pPr.pStyle.val if paragraph._p.pPr.pStyle is not None else ""
    return "list" in (style_id or "").lower()


def _all_underlined(paragraph: Paragraph) -> bool:
    runs = [run for run in paragraph.runs if run.text.strip()]
    return bool(runs) and all(run.underline for run in runs)
