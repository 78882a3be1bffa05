"""PDF plans. Ruled tables are found by their lines (pdfplumber). Unruled ones are read
from word positions: a wide gap between words is a column gap, and once a header line is
seen its columns place the words of the lines below. Words outside every table are lines
of text: the title block and section names.
"""

from __future__ import annotations

import html
import io
from typing import Any

import pdfplumber
from pdfplumber.utils.exceptions import PdfminerException

from ..columns import read_header
from ..errors import ImportFailure
from . import SourceRow

_COLUMN_GAP = 6.0  # points: wider than a space, narrower than any column padding
Word = dict[str, Any]


def read(data: bytes, name: str) -> list[SourceRow]:
    try:
        return _read(data)
    except PdfminerException as error:
        if "Password" in repr(error):
            raise ImportFailure(name, "is password-protected: save it without a password") from (
                error)
        raise


def _read(data: bytes) -> list[SourceRow]:
    rows: list[SourceRow] = []
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        ruled = any(page.find_tables() for page in pdf.pages)
        columns: list[float] | None = None
        for number, page in enumerate(pdf.pages, start=1):
            if ruled:
                page_rows = _ruled_rows(page, number)
            else:
                page_rows, columns = _unruled_rows(page, number, columns)
            if page_rows:  # a new page may cut a row in two: the repair step looks
                first = page_rows[0]
                page_rows[0] = SourceRow(first.cells, first.line, number, first.in_table, True)
            rows.extend(page_rows)
    return rows


def _ruled_rows(page: Any, number: int) -> list[SourceRow]:
    tables = page.find_tables()
    placed: list[tuple[float, SourceRow]] = []
    for table in tables:
        for index, row in enumerate(table.extract()):
            cells = tuple(html.escape((cell or "").strip()) for cell in row)
            top = table.rows[index].bbox[1] if index < len(table.rows) else table.bbox[1]
            placed.append((top, SourceRow(cells, page=number)))
    boxes = [table.bbox for table in tables]
    for words in _lines(page.extract_words()):
        if not any(_inside(words[0], box) for box in boxes):
            text = " ".join(w["text"] for w in words)
            placed.append((words[0]["top"], SourceRow((text,), page=number, in_table=False)))
    placed.sort(key=lambda pair: pair[0])
    return [row for _, row in placed]


def _unruled_rows(page: Any, number: int, columns: list[float] | None) -> tuple[
        list[SourceRow], list[float] | None]:
    rows = []
    for words in _lines(page.extract_words()):
        segments = _segments(words)
        texts = [" ".join(w["text"] for w in segment) for segment in segments]
        if columns is None and read_header(texts):
            columns = [segment[0]["x0"] for segment in segments]
        # A line on its own in the first column is a title, section or prose line.
        if len(segments) == 1 and (columns is None or segments[0][0]["x0"] < columns[1] - 2):
            rows.append(SourceRow((texts[0],), page=number, in_table=False))
            continue
        cells = [""] * (len(columns) if columns else len(segments))
        for segment, text in zip(segments, texts, strict=True):
            column = _column_of(segment[0]["x0"], columns) if columns else len(cells) - 1
            cells[column] = f"{cells[column]} {html.escape(text)}".strip()
        rows.append(SourceRow(tuple(cells), page=number))
    return rows, columns


def _column_of(x: float, columns: list[float]) -> int:
    return max([i for i, start in enumerate(columns) if start <= x + 2] or [0])


def _segments(words: list[Word]) -> list[list[Word]]:
    segments = [[words[0]]]
    for word in words[1:]:
        if word["x0"] - segments[-1][-1]["x1"] > _COLUMN_GAP:
            segments.append([word])
        else:
            segments[-1].append(word)
    return segments


def _lines(words: list[Word]) -> list[list[Word]]:
    lines: dict[int, list[Word]] = {}
    for word in words:
        lines.setdefault(round(word["top"] / 3), []).append(word)
    return [sorted(line, key=lambda w: w["x0"]) for _, line in sorted(lines.items())]


def _inside(word: Word, box: tuple[float, float, float, float]) -> bool:
    x0, top, x1, bottom = box
    return x0 - 1 <= word["x0"] <= x1 + 1 and top - 1 <= word["top"] <= bottom + 1
