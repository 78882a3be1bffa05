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
    slug = ""
    for word in kept:
        longer = f"{slug}-{word}" if slug else word
        if len(longer) > MOST_CHARACTERS:
            break
        slug = longer
    if not slug and kept:  # one word longer than the whole limit: nothing better to cut at
        slug = kept[0][:MOST_CHARACTERS]
    return f"{slug or 'report'}-{on.isoformat()}.{extension}"
