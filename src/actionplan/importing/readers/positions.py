"""A PDF table without ruling lines, rebuilt from where its words stand on the page.

Read as a person reads a printed table: the header line gives the columns (each word belongs
to the column its left edge stands in); the lines of one row are closer together than rows
are to each other, so the wrapped lines of a cell stay in one cell; a row cut by a page
break goes on at the top of the next page in the cells that were still running (text in
the first column starts a new row); the header repeated on each page is no row (page
numbers and running heads are left out before: lines.py). Lines above the header are the
title block.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from typing import NamedTuple

from ..header import read_header
from . import SourceRow
from .lines import COLUMN_GAP, Line

_NEW_ROW = 1.25  # a gap this many times the line pitch parts two rows


@dataclass
class _Row:
    cells: list[list[str]]
    page: int
    last_line: dict[int, int] = field(default_factory=dict)  # column → its last line
    lines: int = 0
    after_break: bool = False

    def add(self, words_by_column: dict[int, list[str]]) -> None:
        for column, words in words_by_column.items():
            self.cells[column].append(" ".join(words))
            self.last_line[column] = self.lines
        self.lines += 1

    def running(self) -> set[int]:
        """The columns whose text reached the row's last line: the ones a page break cut."""
        return {c for c, last in self.last_line.items() if last == self.lines - 1}

    def source_row(self) -> SourceRow:
        cells = tuple(html.escape(" ".join(parts)) for parts in self.cells)
        return SourceRow(cells, page=self.page, after_break=self.after_break)


def unruled_rows(lines: list[Line]) -> list[SourceRow]:
    header = _find_header(lines)
    if header is None:
        return [_segment_row(line) for line in lines]
    at, starts = header.at, header.starts
    header_lines = [_texts(line) for line in lines[at:at + header.lines]]
    rows = [SourceRow((line.text,), page=line.page, in_table=False) for line in lines[:at]]
    rows.append(SourceRow(tuple(header.texts), page=lines[at].page))
    body = lines[at + header.lines:]
    pitch = _pitch(body)
    open_row: _Row | None = None
    previous: Line = lines[at]
    for line in body:
        if _texts(line) in header_lines:  # the header repeated on a new page
            continue
        columns = _by_column(line, starts)
        if columns is None:  # a line running across the columns: prose, not a row
            rows.extend(_close(open_row))
            rows.append(SourceRow((line.text,), page=line.page, in_table=False))
            open_row, previous = None, line
            continue
        new_page = line.page != previous.page
        running = open_row.running() if open_row is not None else set()
        if open_row is not None and (
                (new_page and set(columns) <= running and 0 not in columns)
                or (not new_page and line.top - previous.top <= pitch * _NEW_ROW)):
            open_row.add(columns)  # a wrapped line, or the rest of a row cut by the page
        else:
            rows.extend(_close(open_row))
            # Text in the first column at the top of a page, where the row above still ran
            # in that column: a new row or the rest of a long first cell. The repair step
            # of the builder decides; every other row here is decided.
            unsure = new_page and 0 in columns and 0 in running
            open_row = _Row([[] for _ in starts], line.page, after_break=unsure)
            open_row.add(columns)
        previous = line
    rows.extend(_close(open_row))
    return rows


class _Header(NamedTuple):
    at: int  # the index of its (first) line
    texts: list[str]
    lines: int  # 1, or 2 when its headings wrap
    starts: list[float]  # each column's left edge


def _find_header(lines: list[Line]) -> _Header | None:
    """The first header: one line whose runs of words read as one, or two lines close
    together whose words, put under the runs of the first, do ("Lead" over "agency")."""
    for index, line in enumerate(lines):
        starts = [segment[0]["x0"] for segment in line.segments()]
        joined = _two_line_header(line, lines[index + 1]) if index + 1 < len(lines) else None
        if joined:
            return _Header(index, joined, 2, starts)
        texts = _texts(line)
        if len(texts) > 1 and read_header(texts):
            return _Header(index, texts, 1, starts)
    return None


def _two_line_header(first: Line, second: Line) -> list[str] | None:
    height = max(w["bottom"] - w["top"] for w in first.words)
    if first.page != second.page or second.top - first.top > 2 * height:
        return None
    segments, below = first.segments(), second.segments()
    # A data row fills the first column, or has numbers (refs, dates): the rest of a
    # wrapped header has neither, and fewer headings than the line above.
    if len(segments) < 2 or len(below) >= len(segments) or any(
            c.isdigit() for c in second.text) or below[0][0]["x0"] < segments[1][0]["x0"] - 2:
        return None
    words = [[w["text"] for w in segment] for segment in segments]
    for lower in below:
        under = [i for i, upper in enumerate(segments)
                 if lower[0]["x0"] <= upper[-1]["x1"] + COLUMN_GAP
                 and lower[-1]["x1"] >= upper[0]["x0"] - COLUMN_GAP]
        if len(under) != 1:
            return None  # not under one heading of the line above: no wrapped header
        words[under[0]].extend(w["text"] for w in lower)
    texts = [" ".join(column) for column in words]
    return texts if read_header(texts) else None


def _close(row: _Row | None) -> list[SourceRow]:
    return [row.source_row()] if row is not None else []


def _texts(line: Line) -> list[str]:
    return [" ".join(w["text"] for w in segment) for segment in line.segments()]


def _by_column(line: Line, starts: list[float]) -> dict[int, list[str]] | None:
    """Each word under the column its left edge stands in; None when one run of words
    crosses into another column (a full-width line of prose)."""
    found: dict[int, list[str]] = {}
    for segment in line.segments():
        columns = {_column_of(word["x0"], starts) for word in segment}
        if len(columns) > 1 and len(line.segments()) == 1:
            return None
        for word in segment:
            found.setdefault(_column_of(word["x0"], starts), []).append(word["text"])
    return found


def _column_of(x: float, starts: list[float]) -> int:
    return max([i for i, start in enumerate(starts) if start <= x + 2] or [0])


def _pitch(lines: list[Line]) -> float:
    """The distance between the lines of one cell: the smallest gap between lines on a
    page, not counting lines closer than a line's own height (sub- and superscripts).
    When no gap is clearly wider (no cell wraps), each line is a row: 0."""
    heights = sorted(w["bottom"] - w["top"] for line in lines for w in line.words[:1])
    height = heights[len(heights) // 2] if heights else 10.0
    gaps = [b.top - a.top for a, b in zip(lines, lines[1:], strict=False)
            if a.page == b.page and b.top - a.top >= 0.8 * height]
    if not gaps or max(gaps) <= min(gaps) * _NEW_ROW:
        return 0.0
    return min(gaps)


def _segment_row(line: Line) -> SourceRow:
    """With no header found, each run of words is a cell, as the line shows them."""
    texts = [html.escape(text) for text in _texts(line)]
    if len(texts) == 1:
        return SourceRow((line.text,), page=line.page, in_table=False)
    return SourceRow(tuple(texts), page=line.page)
