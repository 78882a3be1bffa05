"""The name a report is saved under: the partnership's and the scope's words, safe on any system."""

from __future__ import annotations

import re
import unicodedata
from datetime import date

# Long enough for "riverton-safeguarding-children-partnership" and a plan's title; short enough
# for a download folder's list and the older systems' limits on a path.
MOST_CHARACTERS = 80
_APOSTROPHES = re.compile(r"['’‘`]")
_WORD = re.compile(r"[a-z0-9]+")


def report_file_name(words: str, on: date, extension: str) -> str:
    """e.g. "riverton-safeguarding-children-partnership-all-plans-2026-11-21.xlsx".

    Letters and digits only, joined by hyphens (accents folded, "children's" kept one word), so
    no path, quoting or control character reaches the name; cut after the last whole word that
    fits in MOST_CHARACTERS, never in the middle of one."""
    folded = unicodedata.normalize("NFKD", _APOSTROPHES.sub("", words))
    kept = _WORD.findall(folded.encode("ascii", "ignore").decode().lower())
    slug = whole_words(" ".join(kept), MOST_CHARACTERS).replace(" ", "-")
    return f"{slug or 'report'}-{on.isoformat()}.{extension}"


def whole_words(text: str, most: int) -> str:
    """The words of `text` (spaces between them made single) that fit in `most` characters,
    cut after a whole word; a first word longer than that is cut, there being nothing better."""
    kept = ""
    for word in text.split():
        longer = f"{kept} {word}" if kept else word
        if len(longer) > most:
            return kept or word[:most]
        kept = longer
    return kept
