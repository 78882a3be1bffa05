"""Word documents: paragraphs and tables in document order.

Cells are read from the XML (<w:tc>) rather than python-docx's grid, which repeats a
merged cell's text in every grid column it spans (and a merged recommendation in every
row). Paragraphs inside a cell become <p> or <li> (for list paragraphs) so entries.py reads
them like the HTML in the text seeds.
"""

from __future__ import annotations

import html
import io
from typing import Any, NamedTuple

import docx
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

from ..header import read_header, role_of, run_on_header
from . import Part, Reading, SourceRow, repeats_down
from .fill_colours import colour_messages, rag_of_colour
from .nested_tables import Widened, inner_tables, tc_at, widening
from .tracked_changes import accept_changes
from .word_blocks import blocks, cells_of, rows_of
from .word_numbers import BULLET, WordNumbers


def read_part(data: bytes, name: str) -> Part:
    """The document's rows, with the RAG ratings read from shaded cells said."""
    colours: dict[tuple[str, str | None], list[int]] = {}
    changes: list[str] = []
    rows = read(data, name, colours, changes)
    return Part(rows, readings=tuple(
        [Reading(None, message) for message in changes]
        + [Reading(line, message) for line, message in colour_messages(colours)]))


def read(data: bytes, name: str,
         colours: dict[tuple[str, str | None], list[int]] | None = None,
         changes: list[str] | None = None) -> list[SourceRow]:
    """The rows; an empty RAG cell shaded a colour takes the rating it shows, each colour
    read noted in colours (by the rows it was read on); tracked changes accepted, said in
    changes."""
    document = docx.Document(io.BytesIO(data))
    body = document.element.body
    accepted = accept_changes(body)
    if changes is not None:
        changes.extend(accepted)
    numbers = WordNumbers(document)
    # Each list paragraph's number, counted once in the document's order: a row may be read twice.
    labels = {p: label for p in body.iter(qn("w:p")) if (label := numbers.label(p))}
    rows: list[SourceRow] = []
    colours = {} if colours is None else colours
    tables_seen = 0
    roles: tuple[str | None, ...] = ()  # the last header's, for tables carried over a page
    header_roles = roles  # the same, widened by the tables inside a cell (nested_tables.py)
    for element in blocks(body):
        if element.tag == qn("w:p"):
            text = _paragraph(element).text.strip()
            if text:  # a list paragraph keeps its bullet or number: it may start an action
                label = _label(element, labels)
                text = f"{label} {text}" if label else text
                rows.append(SourceRow((text,), len(rows) + 1, in_table=False))
        elif element.tag == qn("w:tbl"):
            above: dict[int, str] = {}  # each grid column's merged cell, for the rows below
            trs = list(rows_of(element))
            widened: Widened | None = None
            index = 0
            while index < len(trs):
                row = _row_cells(trs[index], above, roles, labels)
                header = read_header(row.plain)
                if not header:
                    row = _shaded_rags(trs[index], row, _form_roles(row) or roles,
                                       len(rows) + 1, colours)
                following = _row_cells(trs[index + 1], above, roles, labels) if (
                    (row.spans or header) and index + 1 < len(trs)) else None
                joined = _two_header_rows(row, following) if following else None
                header = read_header(joined) if joined else header
                cells = tuple(joined or row.plain) if header else row.cells
                # A second table is usually the first one carried over a page.
                after_break = index == 0 and tables_seen > 0
                index += 2 if joined else 1
                if header:
                    widened = widening(trs[index:], lambda tc: " ".join(_paragraph_texts(tc)))
                    if widened:
                        cells = widened.header_row(cells)
                        header = read_header(cells) or header
                    roles = widened.grid_roles(header.roles) if widened else header.roles
                    rows.append(SourceRow(cells, len(rows) + 1, after_break=after_break))
                    header_roles = header.roles
                elif widened:
                    for number, split in enumerate(_widened_rows(
                            trs[index - 1], cells, widened, header_roles, labels)):
                        rows.append(SourceRow(split, len(rows) + 1,
                                              after_break=after_break and not number))
                else:
                    rows.append(SourceRow(cells, len(rows) + 1, after_break=after_break))
            tables_seen += 1
    return rows


class _Cells(NamedTuple):
    cells: tuple[str, ...]  # as HTML (paragraphs, lists, underlining), one a grid column
    plain: list[str]  # as plain text: what a header is read from
    spans: list[range]  # the grid columns of each cell with text merged across columns
    continued: list[int]  # the grid columns of cells merged down from the row above


def _row_cells(tr: Any, above: dict[int, str], roles: tuple[str | None, ...],
               labels: dict[Any, str]) -> _Cells:
    """The row's cells, one a grid column.

    A cell merged down from above (vMerge) takes the merged text where the rows share it
    (owner, date: see repeats_down) and stays blank where a blank cell already means "the
    same recommendation". A cell merged across columns (gridSpan) is read once, the columns
    it covers left blank so later cells stay under their own headers. A header row is given
    as plain text: bold, underlining or list marks in a header are no words of it.
    """
    cells: list[str] = []
    plain: list[str] = []
    spans: list[range] = []
    continued: list[int] = []
    for tc in cells_of(tr):
        column = len(cells)
        if tc.vMerge == "continue":
            role = roles[column] if column < len(roles) else None
            cells.append(above.get(column, "") if repeats_down(role) else "")
            plain.append("")
            continued.append(column)
        else:
            cells.append(_cell_html(tc, labels))
            plain.append(" ".join(_paragraph_texts(tc)))
            if tc.vMerge == "restart":
                above[column] = cells[-1]
            if tc.grid_span > 1 and plain[-1]:
                spans.append(range(column, column + tc.grid_span))
        cells.extend([""] * (tc.grid_span - 1))
        plain.extend([""] * (tc.grid_span - 1))
    return _Cells(tuple(cells), plain, spans, continued)


def _shaded_rags(tr: Any, row: _Cells, roles: tuple[str | None, ...], line: int,
                 colours: dict[tuple[str, str | None], list[int]]) -> _Cells:
    """A row whose empty RAG cell is shaded: the rating its colour shows, as its text."""
    cells = list(row.cells)
    column = 0
    for tc in cells_of(tr):
        role = roles[column] if column < len(roles) else None
        fill = _shading(tc) if role == "rag" and not cells[column].strip() else None
        if fill:
            rag = rag_of_colour(fill)
            cells[column] = rag.capitalize() if rag else ""
            colours.setdefault((fill.upper(), rag), []).append(line)
        column += tc.grid_span
    return row._replace(cells=tuple(cells))


_LABEL_CHARS = 30  # a form's field name: "RAG rating", never a sentence


def _form_roles(row: _Cells) -> tuple[str | None, ...] | None:
    """A form's row ("RAG | <a shaded cell>"): the field its first cell names is the role of
    every cell beside it (forms.py reads each as one recommendation's)."""
    if len(row.plain) < 2 or len(row.plain[0]) > _LABEL_CHARS or role_of(row.plain[0]) != "rag":
        return None
    return (None, *(["rag"] * (len(row.plain) - 1)))


def _shading(tc: Any) -> str | None:
    """A cell's shading colour ("FF0000"), or None: unshaded, automatic or white."""
    properties = tc.tcPr
    shading = properties.find(qn("w:shd")) if properties is not None else None
    fill = shading.get(qn("w:fill")) if shading is not None else None
    if not fill or fill.lower() == "auto" or fill.upper() == "FFFFFF":
        return None
    return str(fill)


def _two_header_rows(upper: _Cells, lower: _Cells) -> list[str] | None:
    """A group heading merged over its columns ("Delivery" over "Lead" and "Due") and the
    row of headings under it read as one header: the lower names, the upper where the
    lower has none. Or a header whose words run on into the row under it ("Target" over
    "date"): each column's words joined.

    The lower row may read as a header alone and still need the upper: a heading merged down
    both rows ("Agreed action") is blank in the lower, and its column would be lost."""
    if not upper.spans:
        return run_on_header(upper.plain, lower.plain)
    merged_down = any(upper.plain[column] for column in lower.continued
                      if column < len(upper.plain))
    if (read_header(lower.plain) and not merged_down) or not all(
            column < len(lower.plain) and lower.plain[column]
            for span in upper.spans for column in span):
        return None
    joined = [low or up for up, low in zip(upper.plain, lower.plain, strict=False)]
    return joined if read_header(joined) else None


def _paragraph_texts(tc: Any) -> list[str]:
    texts = (_paragraph(p).text.strip() for p in tc.iter(qn("w:p")))
    return [text for text in texts if text]


def _widened_rows(tr: Any, cells: tuple[str, ...], widened: Widened,
                  roles: tuple[str | None, ...], labels: dict[Any, str]) -> list[tuple[str, ...]]:
    """A row whose cell holds tables: one row an inner row (nested_tables.py)."""
    tc = tc_at(tr, widened.column)
    if tc is None:
        return [cells]  # a short row, ending before the column
    return widened.rows(cells, _inner_rows(tc, labels), _cell_html(tc, labels, tables=False),
                        roles)


def _inner_rows(tc: Any, labels: dict[Any, str]) -> list[list[str]]:
    """The rows of the tables inside a cell, each cell's HTML; their headers left out."""
    found = []
    for table in inner_tables(tc):
        for tr in rows_of(table):
            tcs = list(cells_of(tr))
            if not read_header([" ".join(_paragraph_texts(inner)) for inner in tcs]):
                found.append([_cell_html(inner, labels) for inner in tcs])
    return found


def _cell_html(tc: Any, labels: dict[Any, str], tables: bool = True) -> str:
    """The cell's paragraphs as HTML; each row of a table inside it a list item of its
    cells' words, when tables (else left out: nested_tables.py reads them)."""
    parts: list[str] = []
    in_list = False
    for p in blocks(tc):
        if p.tag == qn("w:tbl"):
            rows = [" ".join(_paragraph_texts(tr)) for tr in rows_of(p)]
            if tables and any(rows):
                parts.extend(["</ul>"] if in_list else [])
                parts.append("<ul>" + "".join(f"<li>{html.escape(r)}</li>" for r in rows if r)
                             + "</ul>")
                in_list = False
            continue
        paragraph = _paragraph(p)
        text = html.escape(paragraph.text.strip())
        label = _label(p, labels)
        if not text and label and label != BULLET:  # a "No." cell numbered by Word alone
            parts.append(f"<p>{html.escape(label)}</p>")
            continue
        if not text:
            continue
        if _all_underlined(paragraph):
            text = f"<u>{text}</u>"
        if bool(label) != in_list:
            parts.append("<ul>" if label else "</ul>")
            in_list = bool(label)
        shown = f"{html.escape(label)} {text}" if label and label != BULLET else text
        parts.append(f"<li>{shown}</li>" if label else f"<p>{text}</p>")
    if in_list:
        parts.append("</ul>")
    return " ".join(parts)


def _paragraph(p: Any) -> Paragraph:
    """A paragraph read on its own: its text and runs need no parent part."""
    return Paragraph(p, None)  # type: ignore[arg-type]  # python-docx wants a part only for images and links


def _label(p: Any, labels: dict[Any, str]) -> str | None:
    """The number or bullet Word shows before a paragraph; a bullet for a paragraph of a list
    style numbering nothing itself ("List Paragraph"), as it reads as one."""
    if p in labels:
        return labels[p]
    properties = p.pPr
    style = properties.pStyle if properties is not None else None
    return BULLET if "list" in ((style.val if style is not None else "") or "").lower() else None


def _all_underlined(paragraph: Paragraph) -> bool:
    runs = [run for run in paragraph.runs if run.text.strip()]
    return bool(runs) and all(run.underline for run in runs)
