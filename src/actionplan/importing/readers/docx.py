"""Word documents: paragraphs and tables in document order.

Cells are read from the XML (<w:tc>) rather than python-docx's grid, which repeats a
merged cell's text in every grid column it spans. Paragraphs inside a cell become <p> or
<li> (for list paragraphs) so cells.py reads them like the HTML in the text seeds.
"""

from __future__ import annotations

import html
import io

import docx
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

from . import SourceRow


def read(data: bytes, name: str) -> list[SourceRow]:
    body = docx.Document(io.BytesIO(data)).element.body
    rows: list[SourceRow] = []
    tables_seen = 0
    for element in body.iterchildren():
        if element.tag == qn("w:p"):
            text = Paragraph(element, None).text.strip()
            if text:
                rows.append(SourceRow((text,), len(rows) + 1, in_table=False))
        elif element.tag == qn("w:tbl"):
            for number, tr in enumerate(element.iterchildren(qn("w:tr"))):
                # A second table is usually the first one carried over a page.
                after_break = number == 0 and tables_seen > 0
                rows.append(SourceRow(_row_cells(tr), len(rows) + 1, after_break=after_break))
            tables_seen += 1
    return rows


def _row_cells(tr: object) -> tuple[str, ...]:
    cells: list[str] = []
    for tc in tr.iterchildren(qn("w:tc")):  # type: ignore[attr-defined]
        merged_from_above = tc.vMerge == "continue"
        cells.append("" if merged_from_above else _cell_html(tc))
        cells.extend([""] * (tc.grid_span - 1))  # keep later cells under their own headers
    return tuple(cells)


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
