"""Text with tab-separated tables, as extracted from the published PDFs; or a sheet that
Excel saved as tab-delimited text, read as CSV is (its quoting undone); or tables drawn
with pipes, as Markdown writes them ("| Ref | Action |" over "|---|---|") and as some
trackers print a grid ("+----+" rules between rows whose cells wrap over several lines)."""

from __future__ import annotations

import re

from . import SourceRow, cell_html, decode_text
from . import csv as csv_reader

_PIPED = re.compile(r"^\s*\|.*\|\s*$")
_RULE = re.compile(r"^\s*[|+]?(?:\s*:?[-=]{3,}:?\s*[|+])+\s*$")  # |---|:-:| or +----+====+
_PIPE = re.compile(r"(?<!\\)\|")  # Markdown writes a pipe inside a cell as \|


def read(data: bytes, name: str) -> list[SourceRow]:
    text = decode_text(data, name)
    if csv_reader.saved_by_excel(text):
        return csv_reader.read(data, name)
    rows: list[SourceRow] = []
    after_break = False
    drawn: list[tuple[int, str]] = []  # the lines of a table drawn with pipes, so far
    for number, line in enumerate(text.splitlines(), start=1):
        if _PIPED.match(line) or _RULE.match(line):
            drawn.append((number, line))
            continue
        if drawn:
            rows.extend(_drawn_rows(drawn, after_break))
            drawn, after_break = [], False
        if not line or line.isspace():
            after_break = True  # the extractor leaves a blank line at page breaks
            continue
        if "\t" in line:
            rows.append(SourceRow(tuple(line.split("\t")), number, None, True, after_break))
        else:
            rows.append(SourceRow((line.strip(),), number, None, False, after_break))
        after_break = False
    if drawn:
        rows.extend(_drawn_rows(drawn, after_break))
    return rows


def _drawn_rows(lines: list[tuple[int, str]], after_break: bool) -> list[SourceRow]:
    """The rows of a table drawn with pipes. Where rules stand between the body's rows (a
    grid), the lines between two rules are one row, each cell's lines joined as the width
    wrapped them; else (Markdown: one rule, under the header) each line is a row."""
    rules = [index for index, (_, line) in enumerate(lines) if _RULE.match(line)]
    inside = [index for index in rules if 0 < index < len(lines) - 1]
    blocks: list[list[tuple[int, str]]] = [[]]
    for index, (number, line) in enumerate(lines):
        if index in rules:
            blocks.append([])
        elif len(inside) > 1:
            blocks[-1].append((number, line))
        else:
            blocks.extend([[(number, line)], []])
    rows: list[SourceRow] = []
    for block in (b for b in blocks if b):
        split = [_cells(line) for _, line in block]
        width = max(len(cells) for cells in split)
        # Cells are text, as a CSV's are: "<5 days" is words, not markup.
        cells = tuple(cell_html(" ".join(c[i] for c in split if i < len(c) and c[i])) for i in range(width))
        rows.append(SourceRow(cells, block[0][0], None, True, after_break and not rows))
    return rows


def _cells(line: str) -> list[str]:
    inner = line.strip()[1:-1]
    return [" ".join(cell.replace("\\|", "|").split()) for cell in _PIPE.split(inner)]
