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


# The two shapes most marked-up cells take: one paragraph, and text after a list's
# opening tag (the seeds' bullets in an unclosed <ul>). Read as _BlockReader reads them.
_ONE_PARAGRAPH = re.compile(r"[ \t\r\n]*<p>([^<]*)</p>[ \t\r\n]*")
_AFTER_LIST_TAG = re.compile(r"[ \t\r\n]*<(?:ul|ol)(?:\s[^>]*)?>([^<]*)")


def read_blocks(raw: str) -> list[Block]:
    """The cell's blocks; a cell without markup is one block (none when blank)."""
    if "<" not in raw and "&" not in raw:
        text = raw.strip()
        return [Block(text)] if text else []
    if raw.count("<") <= 2:
        for shape, in_list in ((_ONE_PARAGRAPH, False), (_AFTER_LIST_TAG, True)):
            match = shape.fullmatch(raw)
            if match:
                text = html.unescape(match[1]).strip(" \t\r\n")
                return [Block(text, in_list)] if text else []
    return _BlockReader().read(raw)


class _BlockReader:
    """Text into blocks at <p>, <li> and list boundaries; other tags are dropped.

    A regex split over the tags rather than html.parser: cells hold a handful of simple
    tags, and this runs for every cell of every plan.
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
            if name in _BREAKING and self._parts:  # no text since the last block: no call
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
        # Spacing between tags before any text ("</li> <li>") is stripped off the block
        # anyway: dropped at once.
        if data and (self._parts or data.strip(" \t\r\n")):
            if "&" in data:
                data = html.unescape(data)
            self._parts.append(data)
            if self._underline_depth:
                self._underlined_chars += len(data.strip())

    def _close_block(self) -> None:
        if not self._parts:
            return  # nothing since the last block: the usual case at </li><li>
        text = "".join(self._parts).strip(" \t\r\n")
        if text:
            # Underlined only when every visible character was: 002's headings. No
            # underlined character at all is the usual case, decided without counting.
            underlined = bool(self._underlined_chars) and (
                self._underlined_chars >= len(" ".join(text.split())) > 0)
            in_list = self._list_depth > 0 or self._in_li
            self.blocks.append(Block(text, in_list, self._in_li, underlined))
        self._parts = []
        self._underlined_chars = 0
