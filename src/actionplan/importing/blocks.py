"""Cell HTML into blocks: paragraphs and list items, with what the markup said of them."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

# Split on tags: re.split gives [text, closing, name, text, closing, name, …, text].
_TAG = re.compile(r"<\s*(/?)\s*([a-zA-Z0-9]+)[^>]*>")
_LISTS = frozenset(("ul", "ol"))
# Tags that end the block before them (and, closed, the block inside them).
_BREAKING = frozenset(("ul", "ol", "p", "li", "div", "tr", "h1", "h2", "h3", "h4"))
_TRACKED = _LISTS | {"li", "u", "br"}  # the tags _tag() follows; others only break or drop


@dataclass(slots=True)
class Block:
    text: str
    in_list: bool = False  # inside <ul>/<ol> or an <li>
    listed: bool = False  # an <li> of its own
    underlined: bool = False


def read_blocks(raw: str) -> list[Block]:
    """The cell's blocks; a cell without markup is one block (none when blank)."""
    return _BlockReader().read(raw)


class _BlockReader:
    """Text into blocks at <p>, <li> and list boundaries; other tags are dropped.

    A regex split over the tags rather than html.parser: cells hold a handful of simple
    tags, no more.
    """

    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self._parts: list[str] = []
        self._list_depth = 0
        self._in_li = False
        self._underline_depth = 0
        self._underlined_chars = 0

    def read(self, raw: str) -> list[Block]:
        pieces = _TAG.split(raw)
        self._text(pieces[0])
        for index in range(1, len(pieces), 3):
            name = pieces[index + 1].lower()
            if name in _BREAKING:
                self._close_block()
            if name in _TRACKED:
                self._tag(name, pieces[index] == "/")
            self._text(pieces[index + 2])
        self._close_block()
        return self.blocks

    def _tag(self, name: str, closing: bool) -> None:
        if name in _LISTS:
            self._list_depth = max(0, self._list_depth - 1) if closing else self._list_depth + 1
        elif name == "li":
            self._in_li = not closing
        elif name == "u":
            self._underline_depth = (max(0, self._underline_depth - 1) if closing
                                     else self._underline_depth + 1)
        elif name == "br" and not closing:
            self._parts.append("\n")

    def _text(self, data: str) -> None:
        if data:
            data = html.unescape(data)
            self._parts.append(data)
            if self._underline_depth:
                self._underlined_chars += len(data.strip())

    def _close_block(self) -> None:
        text = "".join(self._parts).strip(" \t\r\n")
        if text:
            # Underlined only when every visible character was: a heading.
            underlined = self._underlined_chars >= len(" ".join(text.split()))
            in_list = self._list_depth > 0 or self._in_li
            self.blocks.append(Block(text, in_list, self._in_li, underlined))
        self._parts = []
        self._underlined_chars = 0
