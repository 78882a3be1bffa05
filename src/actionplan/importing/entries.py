"""Cell text: HTML fragments and bullets turned into plain-text entries, each cell read
by its column's role.

A cell is read into blocks (paragraphs, list items); a block is split further on bullet
characters. Each resulting entry remembers whether the source marked it as a new entry
(a bullet, a list item, a number or letter), because an unmarked entry at the top of a
cell may be the rest of a sentence cut by a page break.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from .blocks import read_blocks
from .due import split_due_cell

BULLETS = "•▪●◦■□➢►▶"
_BULLET = re.compile(f"[{BULLETS}]")
_LEADING_MARK = re.compile(r"^(?:[-–*]\s+|\(?([a-z])[.)]\s+)")
_NUMBERED = re.compile(r"^\d{1,3}(?:\.\d{1,3})*[.)]?\s+\S")
_SENTENCE_END = re.compile(r"(?<=[a-z0-9)][.!?])\s+(?=[A-Z])")
_SOFT_BREAK = re.compile(r"\s*\n\s*|\s{2,}")


@dataclass(frozen=True)
class Entry:
    """One entry of a cell: a step that changes an entry puts a new one in its place."""

    text: str
    marked: bool = False  # the source shows it starts a new entry
    underlined: bool = False  # a whole underlined block: a heading, as a workplan's function names


def squash(text: str) -> str:
    """Whitespace collapsed to single spaces."""
    return " ".join(text.split())


def _strip_mark(text: str) -> tuple[str, bool]:
    """Drop a leading "-" or "a." bullet; keep letters (they become action refs later)."""
    match = _LEADING_MARK.match(text)
    if match is None:
        return text, _is_numbered(text)
    return (text, True) if match.group(1) else (text[match.end():], True)


def _is_numbered(text: str) -> bool:
    return _NUMBERED.match(text) is not None


def list_entries(raw: str) -> list[Entry]:
    """Entries of a cell that lists things: actions, measures. Bullets split entries."""
    return _fold_lead_in([Entry(" ".join(e.text.split()), e.marked, e.underlined)
                          for e in _list_pieces(raw)])


def _list_pieces(raw: str) -> list[Entry]:
    """Bulleted pieces with their spacing kept: owners and dates split on double spaces."""
    entries: list[Entry] = []
    for block in read_blocks(raw):
        text = block.text
        pieces = [p for p in _BULLET.split(text) if p.strip()]
        bulleted = len(pieces) > 1 or text.lstrip()[:1] in BULLETS
        if block.in_list and not block.listed and not bulleted:
            # A <ul> whose bullet glyphs were lost in extraction: one sentence per bullet.
            pieces = [p for p in _SENTENCE_END.split(text) if p.strip()]
            bulleted = True
        for piece in pieces:
            piece, marked = _strip_mark(piece.strip())
            if piece:
                entries.append(Entry(piece, marked or bulleted or block.in_list,
                                     block.underlined))
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
    for block in read_blocks(raw):
        entry = _prose_entry(_BULLET.sub("\n", block.text), block.in_list, block.underlined)
        if entry:
            entries.append(entry)
    return entries


def _prose_entry(text: str, in_list: bool, underlined: bool) -> Entry | None:
    """One paragraph: its lines squashed, leading marks dropped; None when blank."""
    lines = [" ".join(line.split()) for line in text.split("\n")]
    text = "\n".join(_strip_mark(line)[0] for line in lines if line)
    return Entry(text, in_list or _is_numbered(text), underlined) if text else None


def line_entries(raw: str) -> list[Entry]:
    """Entries of a name cell (owner, due): paragraphs, bullets and line breaks all split."""
    entries: list[Entry] = []
    for entry in _list_pieces(raw):
        lines = _soft_lines(entry.text)
        for number, line in enumerate(lines):
            if number and entries and joins_previous(line, entries[-1].text, how="wrapped"):
                above = entries[-1]  # a wrapped line, not a new name
                entries[-1] = Entry(above.text + " " + line, above.marked)
            else:
                entries.append(Entry(line, entry.marked or number > 0))
    return entries


def _soft_lines(text: str) -> list[str]:
    """The lines of a name cell, split at line breaks and runs of spaces."""
    return [" ".join(words) for words in map(str.split, _SOFT_BREAK.split(text)) if words]


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
    last_word = previous.rsplit(None, 1)[-1]
    if last_word.lower() in _FUNCTION_WORDS or previous.rstrip().endswith((",", "&", "/", "-")):
        return True
    return how == "page_break" and last_word[:1].isupper() and first.isupper() and not (
        _NUMBERED.match(fragment)
    )


CellReader = Callable[[str], list[Entry]]


def due_entries(raw: str) -> list[Entry]:
    """A due cell's entries: its lines, as a name cell's, each cut further where it
    lists several dates."""
    entries: list[Entry] = []
    for entry in line_entries(raw):
        pieces = split_due_cell(entry.text)
        entries.extend(Entry(piece, entry.marked or number > 0)
                       for number, piece in enumerate(pieces))
    return entries


def reader_of(role: str) -> CellReader:
    """How a column's cells are read, by its role (notes: as prose)."""
    if role == "owner":
        return line_entries
    if role == "due":
        return due_entries
    return list_entries if role in ("action", "measure") else block_entries
