"""Cell text: HTML fragments and bullets turned into plain-text entries.

A cell is read into blocks (paragraphs, list items); a block is split further on bullet
characters. Each resulting entry remembers whether the source marked it as a new entry
(a bullet, a list item, a number or letter), because an unmarked entry at the top of a
cell may be the rest of a sentence cut by a page break.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

BULLETS = "•▪●◦■□➢►▶"
_BULLET_SPLIT = re.compile(f"\\s*[{BULLETS}]\\s*")
_LEADING_MARK = re.compile(r"^(?:[-–*]\s+|\(?([a-z])[.)]\s+)")
_NUMBERED = re.compile(r"^\d{1,3}(?:\.\d{1,3})*[.)]?\s+\S")
_SENTENCE_END = re.compile(r"(?<=[a-z0-9)][.!?])\s+(?=[A-Z])")
_SOFT_BREAK = re.compile(r"\s*\n\s*|\s{2,}")
_BLOCK_TAGS = {"p", "li", "div", "tr", "h1", "h2", "h3", "h4"}


@dataclass
class Entry:
    text: str
    marked: bool = False  # the source shows it starts a new entry
    underlined: bool = False  # a whole underlined block: a heading in 002's objectives


@dataclass
class _Block:
    text: str
    in_list: bool = False  # inside <ul>/<ol> or an <li>
    listed: bool = False  # an <li> of its own
    underlined: bool = False


_TAG = re.compile(r"<\s*(/?)\s*([a-zA-Z0-9]+)[^>]*>")


class _BlockReader:
    """Text into blocks at <p>, <li> and list boundaries; other tags are dropped.

    A regex walk over the tags rather than html.parser: cells hold a handful of simple
    tags, and this runs for every cell of every plan.
    """

    def __init__(self) -> None:
        self.blocks: list[_Block] = []
        self._parts: list[str] = []
        self._list_depth = 0
        self._in_li = False
        self._underline_depth = 0
        self._underlined_chars = 0

    def read(self, raw: str) -> list[_Block]:
        position = 0
        for tag in _TAG.finditer(raw):
            self._text(raw[position:tag.start()])
            closing, name = tag.group(1), tag.group(2).lower()
            (self._end if closing else self._start)(name)
            position = tag.end()
        self._text(raw[position:])
        self._close_block()
        return self.blocks

    def _start(self, tag: str) -> None:
        if tag in ("ul", "ol") or tag in _BLOCK_TAGS:
            self._close_block()
        if tag in ("ul", "ol"):
            self._list_depth += 1
        elif tag == "li":
            self._in_li = True
        elif tag == "u":
            self._underline_depth += 1
        elif tag == "br":
            self._parts.append("\n")

    def _end(self, tag: str) -> None:
        if tag in ("ul", "ol") or tag in _BLOCK_TAGS:
            self._close_block()
        if tag in ("ul", "ol"):
            self._list_depth = max(0, self._list_depth - 1)
        elif tag == "li":
            self._in_li = False
        elif tag == "u":
            self._underline_depth = max(0, self._underline_depth - 1)

    def _text(self, data: str) -> None:
        if data:
            data = html.unescape(data)
            self._parts.append(data)
            if self._underline_depth:
                self._underlined_chars += len(data.strip())

    def _close_block(self) -> None:
        text = "".join(self._parts).strip(" \t\r\n")
        if text:
            underlined = self._underlined_chars >= len(" ".join(text.split())) > 0
            in_list = self._list_depth > 0 or self._in_li
            self.blocks.append(_Block(text, in_list, self._in_li, underlined))
        self._parts = []
        self._underlined_chars = 0


def _blocks(raw: str) -> list[_Block]:
    if "<" not in raw and "&" not in raw:
        return [_Block(raw.strip())] if raw.strip() else []
    return _BlockReader().read(raw)


def _has_bullets(text: str) -> bool:
    return any(bullet in text for bullet in BULLETS)


def squash(text: str) -> str:
    """Whitespace collapsed to single spaces."""
    return " ".join(text.split())


def _strip_mark(text: str) -> tuple[str, bool]:
    """Drop a leading "-" or "a." bullet; keep letters (they become action refs later)."""
    match = _LEADING_MARK.match(text)
    if match and not match.group(1):
        return text[match.end():], True
    return text, bool(match) or bool(_NUMBERED.match(text))


def list_entries(raw: str) -> list[Entry]:
    """Entries of a cell that lists things: actions, measures. Bullets split entries."""
    entries = [Entry(squash(e.text), e.marked, e.underlined) for e in _list_pieces(raw)]
    return _fold_lead_in(entries)


def _list_pieces(raw: str) -> list[Entry]:
    """Bulleted pieces with their spacing kept: owners and dates split on double spaces."""
    entries: list[Entry] = []
    for block in _blocks(raw):
        has_bullets = _has_bullets(block.text)
        pieces = [p for p in _BULLET_SPLIT.split(block.text) if p.strip()] if has_bullets else [
            block.text]
        bulleted = len(pieces) > 1 or block.text.lstrip()[:1] in BULLETS
        if block.in_list and not block.listed and not bulleted:
            # A <ul> whose bullet glyphs were lost in extraction: one sentence per bullet.
            pieces = [p for p in _SENTENCE_END.split(block.text) if p.strip()]
            bulleted = True
        for piece in pieces:
            text, marked = _strip_mark(piece.strip())
            if text:
                entries.append(Entry(text, marked or bulleted or block.in_list, block.underlined))
    return entries


def _fold_lead_in(entries: list[Entry]) -> list[Entry]:
    """"…so that plans:" followed by bullets is one entry: the bullets complete the sentence."""
    if len(entries) > 1 and entries[0].text.endswith(":") and all(e.marked for e in entries[1:]):
        text = "\n".join(e.text for e in entries)
        return [Entry(text, entries[0].marked)]
    return entries


def block_entries(raw: str) -> list[Entry]:
    """Entries of a prose cell (outcome, recommendation, progress): one per paragraph."""
    entries = []
    for block in _blocks(raw):
        text = _BULLET_SPLIT.sub("\n", block.text) if _has_bullets(block.text) else block.text
        lines = [squash(line) for line in text.split("\n")]
        text = "\n".join(_strip_mark(line)[0] for line in lines if line)
        if text:
            entries.append(Entry(text, block.in_list or bool(_NUMBERED.match(text)),
                                 block.underlined))
    return entries


def line_entries(raw: str) -> list[Entry]:
    """Entries of a name cell (owner, due): paragraphs, bullets and line breaks all split."""
    entries: list[Entry] = []
    for entry in _list_pieces(raw):
        lines = [squash(s) for s in _SOFT_BREAK.split(entry.text) if s.strip()]
        for number, line in enumerate(lines):
            if number and entries and joins_previous(line, entries[-1].text, how="wrapped"):
                entries[-1].text += " " + line  # a wrapped line, not a new name
            else:
                entries.append(Entry(line, entry.marked or number > 0))
    return entries


def plain_text(raw: str) -> str:
    """The whole cell as plain text: paragraphs and bullets on their own lines."""
    return "\n".join(e.text for e in block_entries(raw))


_FUNCTION_WORDS = frozenset((
    "a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "in", "is", "must", "of",
    "on", "or", "should", "that", "the", "their", "to", "which", "will", "with", "within",
))


def joins_previous(fragment: str, previous: str, *, how: str = "page_break") -> bool:
    """Whether a fragment is the rest of the previous entry's sentence.

    how="lower_case": only a lower-case start continues (the safe reading when a new row
    begins beside it). how="wrapped" also joins after a dangling function word or comma,
    which is how a long name wraps inside one cell. how="page_break" also joins a
    capitalised word to a capitalised word ("Domestic" / "Abuse Referral Team"), since a
    row cut by a page break gives nothing else to go on.
    """
    if not fragment or not previous:
        return False
    first = fragment.lstrip("(“‘\"'")[:1]
    if first.islower():
        return True
    if how == "lower_case" or previous.rstrip()[-1:] in ".!?:;":
        return False
    last_word = previous.split()[-1]
    if last_word.lower() in _FUNCTION_WORDS or previous.rstrip().endswith((",", "&", "/", "-")):
        return True
    return how == "page_break" and last_word[:1].isupper() and first.isupper() and not (
        _NUMBERED.match(fragment)
    )
