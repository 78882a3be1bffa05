"""A Word body's or cell's paragraphs and tables in the order a reader meets them, wherever
Word keeps them: in content controls and in text boxes as well as directly in the body."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from docx.oxml.ns import qn

_P, _TBL = qn("w:p"), qn("w:tbl")
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
