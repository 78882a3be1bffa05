"""A PDF's RAG cells shaded a colour with no words in them: the rating the colour shows, as a
person reading the printed tracker would (and as Word's and Excel's shaded cells are read:
fill_colours.py). Without this the rating would be lost without a word: the cell is empty.

The RAG column is found by the table's header, the last one read standing for the pages a
table crosses. Each colour read is said, with the pages it was read on.
"""

from __future__ import annotations

from typing import Any

from ..header import read_header
from .fill_colours import rag_of_colour

_COVERED = 0.6  # of a cell's area, for a filled rectangle to be its shading


class Shading:
    """The RAG column of the last header read, and the colours read so far."""

    def __init__(self) -> None:
        self.rag_column: int | None = None
        self.read: dict[tuple[str, str | None], list[int]] = {}

    def row(self, plain: list[str], boxes: list[Any], rects: list[Any], page: int) -> list[str]:
        """The row's cells as text: an empty RAG cell shaded a colour given the rating's
        name ("Red"); a header row read for its RAG column."""
        if header := read_header(plain):
            self.rag_column = header.column("rag")
            return plain
        column = self.rag_column
        if column is None or column >= len(plain) or plain[column].strip() or (
                column >= len(boxes) or boxes[column] is None):
            return plain
        fill = _fill(boxes[column], rects)
        if fill is None:
            return plain
        rag = rag_of_colour(fill)
        pages = self.read.setdefault((fill, rag), [])
        pages.extend([] if page in pages else [page])
        return [*plain[:column], rag.capitalize() if rag else "", *plain[column + 1:]]

    def messages(self) -> list[str]:
        return [(f"RAG read from cell colour {rgb} as {rag}" if rag else
                 f"RAG cell colour {rgb} is no rating: left empty")
                + f" (page{'s' if len(pages) > 1 else ''} {', '.join(map(str, pages))})"
                for (rgb, rag), pages in self.read.items()]


def _fill(box: tuple[float, float, float, float], rects: list[Any]) -> str | None:
    """The colour ("FF0000") of a filled rectangle covering most of the box, else None."""
    x0, top, x1, bottom = box
    area = max((x1 - x0) * (bottom - top), 1e-6)
    found = None
    for rect in rects:  # in the order painted: the last covering the cell is the one seen
        width = min(x1, rect["x1"]) - max(x0, rect["x0"])
        height = min(bottom, rect["bottom"]) - max(top, rect["top"])
        if rect.get("fill") and width > 0 and height > 0 and width * height / area >= _COVERED:
            found = _hex(rect.get("non_stroking_color"))
    return None if found is None or min(found[i:i + 2] for i in (0, 2, 4)) >= "F2" else found


def _hex(colour: Any) -> str | None:
    """A PDF colour (grey, RGB or CMYK, each part 0 to 1) as RGB hex."""
    if not isinstance(colour, (tuple, list)) or not all(
            isinstance(part, (int, float)) for part in colour):
        return None
    if len(colour) == 1:
        red = green = blue = colour[0]
    elif len(colour) == 3:
        red, green, blue = colour
    elif len(colour) == 4:
        cyan, magenta, yellow, black = colour
        red, green, blue = ((1 - part) * (1 - black) for part in (cyan, magenta, yellow))
    else:
        return None
    return "".join(f"{round(min(max(part, 0), 1) * 255):02X}" for part in (red, green, blue))
