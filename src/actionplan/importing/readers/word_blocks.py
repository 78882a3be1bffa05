"""A Word body's or cell's paragraphs and tables in the order a reader meets them, wherever
Word keeps them: in content controls and in text boxes as well as directly in the body; and a
table's rows and a row's cells, in content controls as well."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from docx.oxml.ns import qn

_P, _TBL, _TR, _TC = qn("w:p"), qn("w:tbl"), qn("w:tr"), qn("w:tc")
# What may stand between a table and its rows, or a row and its cells, holding them: a
# content control (a template's field, a repeating section's row) and custom XML markup.
_WRAPPERS = (qn("w:sdt"), qn("w:sdtContent"), qn("w:customXml"))
_SDT_PROPERTIES = qn("w:sdtPr")  # a content control's settings: its placeholder, no text
_TEXT_BOX = qn("w:txbxContent")
_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"


def blocks(element: Any) -> Iterator[Any]:
    """The paragraphs and tables of a document's body or of a cell, in order: a table's own
    paragraphs are left to it. Content controls are looked into (Word puts its cover pages
    and tables of contents in them, and a form's fields), and text boxes, read before the
    paragraph they are anchored in."""
    for child in element.iterchildren():
        if child.tag == _P:
            for box in _text_boxes(child):
                yield from blocks(box)
            yield child
        elif child.tag == _TBL:
            yield child
        elif child.tag != _SDT_PROPERTIES:
            yield from blocks(child)


def rows_of(tbl: Any) -> Iterator[Any]:
    """A table's rows (<w:tr>) in order, also those in content controls: a row skipped
    would lose its recommendation without a word."""
    return _held(tbl, _TR)


def cells_of(tr: Any) -> Iterator[Any]:
    """A row's cells (<w:tc>) in order, also those in content controls: a cell skipped
    would move every cell after it under the wrong header."""
    return _held(tr, _TC)


def _held(element: Any, tag: str) -> Iterator[Any]:
    for child in element.iterchildren():
        if child.tag == tag:
            yield child
        elif child.tag in _WRAPPERS:  # a content control's settings (w:sdtPr) hold none
            yield from _held(child, tag)


def _text_boxes(p: Any) -> list[Any]:
    """The text boxes anchored in a paragraph (a cover page's title is often one), each
    once: Word saves a box twice, as a drawing and as a fallback picture for old readers."""
    return [box for box in p.iter(_TEXT_BOX) if not any(
        parent.tag in (_FALLBACK, _TEXT_BOX) for parent in _ancestors_within(box, p))]


def _ancestors_within(element: Any, top: Any) -> Iterator[Any]:
    for parent in element.iterancestors():
        if parent is top:
            return
        yield parent
