"""PDF plans. Ruled tables are found by their lines (pdfplumber), a cell's lines that its
width wrapped joined again; a table without lines is rebuilt from its words' positions
(positions.py). Words outside every table are lines of
text: the title block and section names. Page numbers and running heads repeated on each
page are left out. A PDF with no text layer (a scan), or no text at all, is refused.
"""

from __future__ import annotations

import html
import io
import re
from typing import Any

import pdfplumber
from pdfplumber.utils.exceptions import PdfminerException

from ..errors import ImportFailure
from . import Part, Reading, SourceRow
from .lines import Line, lines_of, without_furniture
from .pdf_fills import Shading
from .positions import unruled_rows

Word = dict[str, Any]
_SPACE = 0.25  # a space's width, as a share of the font's height
_BULLETED = re.compile(r"^\s*(?:[•▪●◦■□➢►▶*]|[-–]\s|\(?[a-z0-9]{1,3}[.)]\s)")


def read_part(data: bytes, name: str) -> Part:
    """The document's rows, with the RAG ratings read from shaded cells said."""
    shading = Shading()
    rows = read(data, name, shading)
    return Part(rows, readings=tuple(Reading(None, message) for message in shading.messages()))


def read(data: bytes, name: str, shading: Shading | None = None) -> list[SourceRow]:
    try:
        return _read(data, name, shading or Shading())
    except PdfminerException as error:
        if "Password" in repr(error):
            raise ImportFailure(name, "is password-protected: save it without a password") from (
                error)
        raise


def _read(data: bytes, name: str, shading: Shading) -> list[SourceRow]:
    pages: list[list[Line]] = []
    tables: list[list[Any]] = []
    images = 0
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for number, page in enumerate(pdf.pages, start=1):
            found = _find_tables(page)
            every_word = page.extract_words() if found else []
            rects = page.rects if found else []
            tables.append([(t.bbox, _table_rows(t, number, every_word, rects, shading))
                           for t in found])
            boxes = [t.bbox for t in found]
            words = [w for w in every_word or page.extract_words()
                     if not any(_inside(w, b) for b in boxes)]
            pages.append(lines_of(words, number))
            images += len(page.images)
            page.close()  # its parsed layout is not needed again: keep memory flat
    if not any(pages) and not any(tables):
        if images:
            raise ImportFailure(name, "has no text layer (it looks scanned): export the "
                                      "original document, or run OCR first")
        raise ImportFailure(name, "is empty: it has no text")
    lines = without_furniture(pages)
    # Unruled rows come with their page breaks already read (positions.py).
    return _mark_page_breaks(_ruled_rows(lines, tables)) if any(tables) else unruled_rows(lines)


def _find_tables(page: Any) -> list[Any]:
    """The page's ruled tables. A row cut by the page break has no rule at the page's foot
    (nor its rest at the next page's top, when the header is not repeated): the ends of
    the column rules close it, or the cut row would be read as lines of text."""
    vertical = [edge for edge in page.edges if edge["orientation"] == "v"]
    across = [edge["top"] for edge in page.edges if edge["orientation"] == "h"]
    if not vertical or not across:
        return list(page.find_tables())
    foot, head = max(e["bottom"] for e in vertical), min(e["top"] for e in vertical)
    closing = [y for y, is_open in ((foot, foot > max(across) + 1),
                                    (head, head < min(across) - 1)) if is_open]
    return list(page.find_tables({"explicit_horizontal_lines": closing} if closing else {}))


def _mark_page_breaks(rows: list[SourceRow]) -> list[SourceRow]:
    """The first row of each page: a new page may cut a row in two, the repair step looks."""
    marked: list[SourceRow] = []
    for row in rows:
        new_page = not marked or marked[-1].page != row.page
        marked.append(row._replace(after_break=True) if new_page else row)
    return marked


def _table_rows(table: Any, number: int, words: list[Word], rects: list[Any],
                shading: Shading) -> list[tuple[float, SourceRow]]:
    placed = []
    for index, row in enumerate(table.extract()):
        boxes = table.rows[index].cells if index < len(table.rows) else [None] * len(row)
        plain = shading.row([(cell or "").strip() for cell in row], boxes, rects, number)
        cells = tuple(html.escape(_unwrapped(cell, box, words, number))
                      for cell, box in zip(plain, boxes, strict=False))
        top = table.rows[index].bbox[1] if index < len(table.rows) else table.bbox[1]
        placed.append((top, SourceRow(cells, page=number)))
    return placed


def _unwrapped(text: str, box: Any, words: list[Word], page: int) -> str:
    """A cell's text with the lines the cell's width wrapped joined again: a line ends where
    the writer broke it only when the next line's first word would have fitted after it
    (two owners, a list). The text as extracted when its lines cannot be matched."""
    if "\n" not in text or box is None:
        return text
    lines = lines_of([w for w in words if _inside(w, box)], page)
    if len(lines) != text.count("\n") + 1:
        return text
    left, _, right, _ = box
    right -= min(line.words[0]["x0"] for line in lines) - left  # the padding, as on the left
    joined = lines[0].text
    for above, line in zip(lines, lines[1:], strict=False):
        first = line.words[0]
        space = _SPACE * (first["bottom"] - first["top"])
        wrapped = above.words[-1]["x1"] + space + first["x1"] - first["x0"] > right
        joined += (" " if wrapped and not _BULLETED.match(line.text) else "\n") + line.text
    return joined


def _ruled_rows(lines: list[Line], tables: list[list[Any]]) -> list[SourceRow]:
    """Each page's table rows and lines of text, in the order they stand on the page. A
    table beside a wider one (a RAG key printed next to the plan) is read as lines of text
    under the wider: its rows are none of the plan's, and interleaved they would cut it."""
    rows: list[SourceRow] = []
    for number, page_tables in enumerate(tables, start=1):
        placed: list[tuple[float, SourceRow]] = []
        for box, table_rows in page_tables:
            wider = _wider_beside(box, table_rows, page_tables)
            placed.extend(table_rows if wider is None else [
                (wider[3], SourceRow((" ".join(c for c in row.cells if c),), page=number,
                                     in_table=False)) for _, row in table_rows])
        placed.extend((line.top, SourceRow((line.text,), page=number, in_table=False))
                      for line in lines if line.page == number)
        placed.sort(key=lambda pair: pair[0])  # stable: a table's rows keep their order
        rows.extend(row for _, row in placed)
    return rows


def _wider_beside(box: Any, table_rows: list[Any], page_tables: list[Any]) -> Any | None:
    """The box of a table of more columns standing beside this one, or None."""
    width = max((len(row.cells) for _, row in table_rows), default=0)
    for other, other_rows in page_tables:
        if (other[1] < box[3] and box[1] < other[3] and (other[2] <= box[0] or box[2] <= other[0])
                and max((len(row.cells) for _, row in other_rows), default=0) > width):
            return other
    return None


def _inside(word: Word, box: tuple[float, float, float, float]) -> bool:
    x0, top, x1, bottom = box
    return bool(x0 - 1 <= word["x0"] <= x1 + 1 and top - 1 <= word["top"] <= bottom + 1)
