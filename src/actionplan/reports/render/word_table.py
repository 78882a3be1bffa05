"""Word tables written row by row as XML, in one pass.

python-docx finds each new element's place among its siblings by searching them, so building a
table cell by cell and then walking it column by column to set widths cost about 2 ms a row,
nine tenths of a 2,000-action report's time (bench/reports). Here each row is appended whole,
its cells already carrying their widths, shading and text: the same XML python-docx writes, in
a fraction of the time. The table itself (style, look, grid) is still made by python-docx.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from docx.document import Document as WordDocument
from docx.oxml.ns import qn
from docx.shared import Length
from docx.table import Table, _Cell
from lxml import etree  # type: ignore[import-untyped]  # no stubs installed; only SubElement is used

TC, TC_PR, TC_W, SHD, GRID_SPAN = qn("w:tc"), qn("w:tcPr"), qn("w:tcW"), qn("w:shd"), qn("w:gridSpan")
TR, TR_PR, TBL_HEADER = qn("w:tr"), qn("w:trPr"), qn("w:tblHeader")
P, R, R_PR, B, COLOR, SZ = qn("w:p"), qn("w:r"), qn("w:rPr"), qn("w:b"), qn("w:color"), qn("w:sz")
T, BR, TAB, VAL, W, TYPE = qn("w:t"), qn("w:br"), qn("w:tab"), qn("w:val"), qn("w:w"), qn("w:type")
FILL = qn("w:fill")
PRESERVE = qn("xml:space")
BREAKS = re.compile(r"([\t\r\n])")


@dataclass(frozen=True)
class Cell:
    """One cell's text and look; `span` cells of the grid merged into one (a section heading)."""

    text: str
    size: float  # points
    bold: bool = False
    colour: str = ""  # hex RGB of the text
    fill: str = ""  # hex RGB of the shading
    span: int = 1


def add_table(
    parent: WordDocument | _Cell,
    headings: Sequence[Cell] | None,
    rows: Iterable[Sequence[Cell]],
    *,
    columns: int = 0,
    widths: Sequence[Length] | None = None,
    style: str | None = "Table Grid",
    autofit: bool = True,
) -> Table:
    """A table of `style` (none: no borders): its heading row repeated on every page, then the
    rows. Without `widths` the columns share the width python-docx gives a new table; without
    `autofit` Word keeps those widths whatever the text."""
    table = parent.add_table(rows=0, cols=len(headings) if headings else columns)
    table.style = style
    if not autofit:
        table.autofit = False
    grid = table._tbl.tblGrid.gridCol_lst
    if widths is not None:
        for column, width in zip(grid, widths, strict=True):
            column.set(W, str(width.twips))
    twips = [int(column.get(W)) for column in grid]
    tbl = table._tbl
    if headings:
        append_row(tbl, headings, twips, repeated=True)
    for cells in rows:
        append_row(tbl, cells, twips)
    return table


def append_row(
    tbl: etree._Element, cells: Sequence[Cell], twips: Sequence[int], repeated: bool = False
) -> None:
    tr = etree.SubElement(tbl, TR)
    if repeated:  # the heading row, repeated on every page as in the source documents
        etree.SubElement(etree.SubElement(tr, TR_PR), TBL_HEADER, {VAL: "true"})
    column = 0
    for cell in cells:
        tc = etree.SubElement(tr, TC)
        properties = etree.SubElement(tc, TC_PR)
        etree.SubElement(properties, TC_W, {TYPE: "dxa", W: str(sum(twips[column : column + cell.span]))})
        if cell.span > 1:
            etree.SubElement(properties, GRID_SPAN, {VAL: str(cell.span)})
        if cell.fill:
            etree.SubElement(properties, SHD, {VAL: "clear", FILL: cell.fill})
        write_run(etree.SubElement(etree.SubElement(tc, P), R), cell)
        column += cell.span


def write_run(run: etree._Element, cell: Cell) -> None:
    look = etree.SubElement(run, R_PR)
    etree.SubElement(look, B, {} if cell.bold else {VAL: "0"})
    if cell.colour:
        etree.SubElement(look, COLOR, {VAL: cell.colour})
    etree.SubElement(look, SZ, {VAL: str(round(cell.size * 2))})  # half-points
    # As python-docx writes a run's text: each tab and each line break an element of its own.
    for part in BREAKS.split(cell.text):
        if part == "\t":
            etree.SubElement(run, TAB)
        elif part in ("\r", "\n"):
            etree.SubElement(run, BR)
        elif part:
            text = etree.SubElement(run, T)
            text.text = part
            if part != part.strip():
                text.set(PRESERVE, "preserve")
