"""PDF plans: ruled tables found by their lines, unruled ones by text alignment.

Words outside every table are grouped into lines: the title block and section names.
"""

from __future__ import annotations

import io
from typing import Any

import pdfplumber

from . import SourceRow

_UNRULED = {"vertical_strategy": "text", "horizontal_strategy": "text"}


def read(data: bytes, name: str) -> list[SourceRow]:
    rows: list[SourceRow] = []
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        ruled = any(page.find_tables() for page in pdf.pages)
        for number, page in enumerate(pdf.pages, start=1):
            rows.extend(_page_rows(page, number, ruled))
    return rows


def _page_rows(page: Any, number: int, ruled: bool) -> list[SourceRow]:
    tables = page.find_tables() if ruled else page.find_tables(_UNRULED)
    placed: list[tuple[float, SourceRow]] = []
    for table in tables:
        for index, row in enumerate(table.extract()):
            cells = tuple((cell or "").strip() for cell in row)
            top = table.rows[index].bbox[1] if index < len(table.rows) else table.bbox[1]
            placed.append((top, SourceRow(cells, page=number)))
    for top, text in _lines_outside(page, [t.bbox for t in tables]):
        placed.append((top, SourceRow((text,), page=number, in_table=False)))
    placed.sort(key=lambda pair: pair[0])
    rows = [row for _, row in placed]
    if rows:  # a new page may cut a row in two: let the repair step look at the first row
        first = rows[0]
        rows[0] = SourceRow(first.cells, first.line, first.page, first.in_table, True)
    return rows


def _lines_outside(page: Any, boxes: list[tuple[float, float, float, float]]) -> list[
        tuple[float, str]]:
    def outside(word: dict[str, Any]) -> bool:
        return not any(x0 - 1 <= word["x0"] <= x1 + 1 and top - 1 <= word["top"] <= bottom + 1
                       for x0, top, x1, bottom in boxes)

    lines: dict[int, list[dict[str, Any]]] = {}
    for word in filter(outside, page.extract_words()):
        lines.setdefault(round(word["top"] / 3), []).append(word)
    return [
        (words[0]["top"], " ".join(w["text"] for w in sorted(words, key=lambda w: w["x0"])))
        for _, words in sorted(lines.items())
    ]
