"""Cell text: HTML fragments and bullets turned into plain-text entries.

A cell is read into blocks (paragraphs, list items); a block is split further on bullet
characters. Each resulting entry remembers whether the source marked it as a new entry
(a bullet, a list item, a number or letter), because an unmarked entry at the top of a
cell may be the rest of a sentence cut by a page break.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .blocks import read_blocks

BULLETS = "•▪●◦■□➢►▶"
# The spacing around a bullet is stripped from the pieces afterwards: a pattern starting
# with the bullets themselves lets the regex engine skip to them (a leading \s* does not).
_BULLET = re.compile(f"[{BULLETS}]")
_LEADING_MARK = re.compile(r"^(?:[-–*]\s+|\(?([a-z])[.)]\s+)")
_NUMBERED = re.compile(r"^\d{1,3}(?:\.\d{1,3})*[.)]?\s+\S")
_SENTENCE_END = re.compile(r"(?<=[a-z0-9)][.!?])\s+(?=[A-Z])")
_SOFT_BREAK = re.compile(r"\s*\n\s*|\s{2,}")
_MARK_STARTS = frozenset("-–*(abcdefghijklmnopqrstuvwxyz")  # what _LEADING_MARK starts with


@dataclass(slots=True)
class Entry:
    """One entry of a cell. Never changed once made: a cell read once is shared by every
    row repeating it (entries.py), so a step that changes an entry puts a new one in its
    place. (Not frozen: a frozen dataclass is twice as dear to make, and entries are made
    by the thousand.)"""

    text: str
    marked: bool = False  # the source shows it starts a new entry
    underlined: bool = False  # a whole underlined block: a heading in 002's objectives


def _is_plain(raw: str) -> bool:
    """No markup and no bullets (ASCII has none): one block, the cell's stripped text."""
    return raw.isascii() and "<" not in raw and "&" not in raw


def _has_bullets(text: str) -> bool:
    # isascii() is a flag lookup: most cells are plain ASCII and need no scan at all.
    return not text.isascii() and _BULLET.search(text) is not None


def squash(text: str) -> str:
    """Whitespace collapsed to single spaces."""
    return " ".join(text.split())


def _strip_mark(text: str) -> tuple[str, bool]:
    """Drop a leading "-" or "a." bullet; keep letters (they become action refs later)."""
    first = text[:1]
    if first in _MARK_STARTS:  # most entries start with a capital: no pattern is tried
        match = _LEADING_MARK.match(text)
        if match is None:
            return text, False
        return (text, True) if match.group(1) else (text[match.end():], True)
    # _is_numbered inlined: this runs for nearly every entry.
    return text, first.isdigit() and _NUMBERED.match(text) is not None


def _is_numbered(text: str) -> bool:
    return text[:1].isdigit() and _NUMBERED.match(text) is not None  # isdigit: all of \d


def list_entries(raw: str) -> list[Entry]:
    """Entries of a cell that lists things: actions, measures. Bullets split entries."""
    if _is_plain(raw):  # most cells: one entry, nothing to fold
        text, marked = _strip_mark(raw.strip())
        return [Entry(" ".join(text.split()), marked)] if text else []
    return _fold_lead_in([Entry(" ".join(e.text.split()), e.marked, e.underlined)
                          for e in _list_pieces(raw)])


def _list_pieces(raw: str) -> list[Entry]:
    """Bulleted pieces with their spacing kept: owners and dates split on double spaces."""
    if _is_plain(raw):  # most cells: no blocks to read, no bullets to split on
        piece, marked = _strip_mark(raw.strip())
        return [Entry(piece, marked)] if piece else []
    entries: list[Entry] = []
    for block in read_blocks(raw):
        text = block.text
        pieces = [p for p in _BULLET.split(text) if p.strip()] if _has_bullets(text) else [
            text]
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
    if _is_plain(raw):  # most cells: one paragraph, without bullets
        if "\n" not in raw:  # one line (always so in text tables): squash and unmark it
            text = _strip_mark(" ".join(raw.split()))[0]
            return [Entry(text, _is_numbered(text))] if text else []
        entry = _prose_entry(raw.strip(), False, False)
        return [entry] if entry else []
    entries = []
    for block in read_blocks(raw):
        text = _BULLET.sub("\n", block.text) if _has_bullets(block.text) else block.text
        entry = _prose_entry(text, block.in_list, block.underlined)
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
    squashed = " ".join(text.split())
    if squashed == text:  # single spaces only (the usual "NSCB Manager"): nothing to split
        return [text] if text else []
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
