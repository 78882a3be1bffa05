"""The lines of a PDF's pages from its words, and the page furniture among them: page
numbers, and a running head or foot repeated at the same place on other pages."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import Any

Word = dict[str, Any]
COLUMN_GAP = 6.0  # points: wider than a space, narrower than any column's padding
_SAME_LINE = 2.0  # points: words whose tops differ less stand on one line
_APART = 1.3  # a running head or foot stands this much further off than the usual line gap
_PAGE_NUMBER = re.compile(r"^(page\s*)?\d+(\s*(of|/)\s*\d+)?$", re.I)
_PAGE_IN_TEXT = re.compile(r"\bpage\s*\d+(\s*(of|/)\s*\d+)?", re.I)  # "SAR S - page 2 of 9"


@dataclass
class Line:
    page: int
    words: list[Word]

    @property
    def top(self) -> float:
        return float(min(w["top"] for w in self.words))

    @property
    def text(self) -> str:
        return " ".join(w["text"] for w in self.words)

    def segments(self) -> list[list[Word]]:
        """The words in runs parted by wide gaps: a header's cells, or a line of prose."""
        runs = [[self.words[0]]]
        for word in self.words[1:]:
            if word["x0"] - runs[-1][-1]["x1"] > COLUMN_GAP:
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
