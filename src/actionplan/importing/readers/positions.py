"""A PDF table without ruling lines, rebuilt from where its words stand on the page.

Read as a person reads a printed table: the header line gives the columns (each word belongs
to the column its left edge stands in); the lines of one row are closer together than rows
are to each other, so the wrapped lines of a cell stay in one cell; a row cut by a page
break goes on at the top of the next page in the cells that were still running (text in
the first column starts a new row); the page's running title, "Page 2 of 3" and the
header repeated on each page are page furniture, not rows. Lines above the header are the
title block.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from ..columns import read_header
from . import SourceRow

Word = dict[str, Any]
_COLUMN_GAP = 6.0  # points: wider than a space, narrower than any column's padding
_SAME_LINE = 2.0  # points: words whose tops differ less stand on one line
_NEW_ROW = 1.25  # a gap this many times the line pitch parts two rows
_APART = 1.3  # a running head or foot stands this much further off than the usual line gap
_PAGE_NUMBER = re.compile(r"^(page\s*)?\d+(\s*(of|/)\s*\d+)?$", re.I)
_PAGE_IN_TEXT = re.compile(r"\bpage\s*\d+(\s*(of|/)\s*\d+)?", re.I)  # "SAR S - page 2 of 9"


@dataclass
class Line:
    page: int
    words: list[Word]

    @property
    def top(self) -> float:
        return min(w["top"] for w in self.words)

    @property
    def text(self) -> str:
        return " ".join(w["text"] for w in self.words)

    def segments(self) -> list[list[Word]]:
        """The words in runs parted by wide gaps: a header's cells, or a line of prose."""
        runs = [[self.words[0]]]
        for word in self.words[1:]:
            if word["x0"] - runs[-1][-1]["x1"] > _COLUMN_GAP:
                runs.append([word])
            else:
                runs[-1].append(word)
        return runs


def lines_of(words: list[Word], page: int) -> list[Line]:
    lines: list[Line] = []
    for word in sorted(words, key=lambda w: (w["top"], w["x0"])):
        if lines and abs(word["top"] - lines[-1].words[0]["top"]) < _SAME_LINE:
            lines[-1].words.append(word)
        else:
            lines.append(Line(page, [word]))
    for line in lines:
        line.words.sort(key=lambda w: w["x0"])
    return lines


def without_furniture(pages: list[list[Line]]) -> list[Line]:
    """The lines of all pages without page numbers and without a running head or foot: the
    first or last line of a page (the next one in when the page number stands outside it)
    that stands at the same place on other pages. Its first showing is kept: it is often
    the plan's title."""
    def key(line: Line) -> tuple[str, int]:
        return _PAGE_IN_TEXT.sub("page #", " ".join(line.text.lower().split())), round(
            line.top / 2)

    edges = [_edge_lines(page) for page in pages]
    seen_on = Counter(k for edge in edges for k in {key(line) for line in edge})
    kept: list[Line] = []
    shown: set[tuple[str, int]] = set()
    for page, edge in zip(pages, edges, strict=True):
        for line in page:
            at_edge = any(line is other for other in edge)
            if at_edge and _PAGE_NUMBER.match(line.text.strip()):
                continue
            if at_edge and seen_on[key(line)] > 1 and key(line) in shown:
                continue
            shown.add(key(line))
            kept.append(line)
    return kept


def _edge_lines(page: list[Line]) -> list[Line]:
    """The lines that may be a running head or foot: the first and the last of the page,
    the page numbers, and the line just inside a page number when a wider gap than the
    page's usual one sets it apart from the body (a body line can stand there too)."""
    gaps = sorted(b.top - a.top for a, b in zip(page, page[1:], strict=False))
    usual = gaps[len(gaps) // 2] if gaps else 0.0
    edge: list[Line] = []
    for end in (page, page[::-1]):
        if not end:
            continue
        edge.append(end[0])
        if len(end) > 2 and _PAGE_NUMBER.match(end[0].text.strip()) and (
                abs(end[2].top - end[1].top) > _APART * usual):
            edge.append(end[1])
    return edge


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
    header_at = next((i for i, line in enumerate(lines) if _header_texts(line)), None)
    if header_at is None:
        return [_segment_row(line) for line in lines]
    header = lines[header_at]
    starts = [segment[0]["x0"] for segment in header.segments()]
    rows = [SourceRow((line.text,), page=line.page, in_table=False) for line in lines[:header_at]]
    rows.append(SourceRow(tuple(_header_texts(header) or ()), page=header.page))
    pitch = _pitch(lines[header_at + 1:])
    open_row: _Row | None = None
    previous: Line = header
    for line in lines[header_at + 1:]:
        if _texts(line) == _texts(header):  # the header repeated on a new page
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


def _close(row: _Row | None) -> list[SourceRow]:
    return [row.source_row()] if row is not None else []


def _texts(line: Line) -> list[str]:
    return [" ".join(w["text"] for w in segment) for segment in line.segments()]


def _header_texts(line: Line) -> list[str] | None:
    texts = _texts(line)
    return texts if len(texts) > 1 and read_header(texts) else None


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
