"""Column roles: which header means "owner", "due", "measure"… in each board's wording."""

from __future__ import annotations

import difflib
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache

# Each role with the headers boards use for it. A header is matched exactly first, then by
# shared words, then by spelling, so "Target completion date" and "Timescales" need no entry.
SYNONYMS: dict[str, tuple[str, ...]] = {
    "ref": ("ref", "no", "number", "ref no", "reference", "item", "item no", "rec no"),
    "review_ref": ("scr ref", "review ref", "review reference", "scr", "case ref", "review",
                   "source review", "sar ref", "dhr ref"),
    "outcome": ("outcome", "outcomes", "desired outcome", "expected outcome", "learning point",
                "learning or improvement point", "improvement point", "objective",
                "objectives", "finding", "findings", "learning", "aim"),
    "recommendation": ("recommendation", "recommendations", "scr recommendation",
                       "review recommendation"),
    "action": ("action", "actions", "key tasks", "key task", "tasks", "action required",
               "actions required", "action to be taken", "actions to be taken",
               "agreed action", "action planned"),
    "owner": ("by whom", "lead", "lead agency", "person responsible", "responsible lead group",
              "responsible", "responsibilities", "responsibility", "owner", "lead officer",
              "who", "responsible person", "lead person", "action owner", "accountable"),
    "due": ("timescale", "timescales", "target date", "target completion date", "by when",
            "when", "due", "due date", "deadline", "completion date", "date due"),
    "measure": ("audit of implementation", "evidence", "evidence to be provided",
                "performance indicators", "performance indicator", "success measure",
                "success measures", "measure of success", "measures of success",
                "success criteria", "how will we know", "evidence of impact",
                "outcome measure", "impact measure"),
    "progress": ("progress", "progress to date", "progress comment", "agency response",
                 "update", "progress update", "current position", "position statement"),
    "rag": ("rag", "rag rating", "rag status", "status", "rating"),
    "scope": ("scope", "single or multi agency", "single multi agency"),
    "level": ("level", "priority"),
    "completed": ("date completed", "completed", "date achieved", "completed date"),
}
ROLES = frozenset(SYNONYMS) | {"notes"}
# Roles that can carry the items' own text; a header row must have one of them.
ITEM_ROLES = ("recommendation", "outcome", "action")
_STOP_WORDS = frozenset(
    ("a", "an", "and", "of", "the", "to", "for", "be", "by", "include", "method"))
_MAX_HEADER_WORDS = 9


@dataclass(frozen=True)
class Layout:
    """A header row read: the role of each column and the header words, for notes."""

    roles: tuple[str | None, ...]  # None: a column we do not know, kept as notes
    headers: tuple[str, ...]

    def column(self, role: str) -> int | None:
        return self._columns.get(role)

    @cached_property
    def _columns(self) -> dict[str | None, int]:
        """The first column of each role: asked for several times a row."""
        first: dict[str | None, int] = {}
        for column, role in enumerate(self.roles):
            first.setdefault(role, column)
        return first

    @cached_property
    def header_words(self) -> tuple[list[str], ...]:
        """Each header's words: a cell reads as the header when its words are these."""
        return tuple(header.split() for header in self.headers)

    def role_at(self, column: int) -> str | None:
        return self.roles[column] if column < len(self.roles) else None

    def header_at(self, column: int) -> str:
        return self.headers[column] if column < len(self.headers) else f"Column {column + 1}"

    @cached_property
    def item_columns(self) -> tuple[int, ...]:
        """The columns of ref, outcome and the key role, in that order: text in any of them
        starts a new item. Asked for on every row."""
        found = (self.column(role) for role in ("ref", "outcome", self.key_role))
        return tuple(column for column in found if column is not None)

    @cached_property
    def has_action_fields(self) -> bool:
        """Items get actions: an action column, or owner, due or measure ones to fill."""
        return any(role in self.roles for role in ("action", "owner", "due", "measure"))

    @cached_property
    def key_role(self) -> str:
        """The column whose new text starts a new item."""
        for role in ("recommendation", "outcome", "ref", "action"):
            if role in self.roles:
                return role
        return "action"


def normalise(header: str) -> str:
    return " ".join(re.sub(r"[^a-z0-9]+", " ", header.lower()).split())


@lru_cache(maxsize=4096)
def role_of(header: str) -> str | None:
    """The role a header names, or None. Cached: the same headers repeat on every page."""
    wanted = normalise(header)
    if not wanted or len(wanted.split()) > _MAX_HEADER_WORDS:
        return None
    if wanted in _EXACT:
        return _EXACT[wanted]  # nothing else scores as high as an exact match
    words = frozenset(wanted.split()) - _STOP_WORDS
    chars = Counter(wanted)
    best_role, best_score = None, 0.0
    # Only synonyms sharing a word or near in length can score above 0: the others are
    # skipped, in an order that keeps the first of equal scores winning.
    for index in sorted(_sharing(words) | _near_in_length(len(wanted))):
        role, name, name_words, name_chars = _NAMES[index]
        overlap = 2 * len(words & name_words) / (len(words) + len(name_words) or 1)
        score = max(overlap, _spelling(wanted, chars, name, name_chars))
        if score > best_score:
            best_role, best_score = role, score
    return best_role if best_score >= 0.6 else None


# Each synonym with its words and letters, worked out once; the first role naming it wins.
_NAMES = [(role, name, frozenset(name.split()) - _STOP_WORDS, Counter(name))
          for role, names in SYNONYMS.items() for name in names]
_EXACT: dict[str, str] = {}
_BY_WORD: dict[str, set[int]] = {}
_BY_LENGTH: dict[int, set[int]] = {}
for _index, (_role, _name, _words, _) in enumerate(_NAMES):
    _EXACT.setdefault(_name, _role)
    _BY_LENGTH.setdefault(len(_name), set()).add(_index)
    for _word in _words:
        _BY_WORD.setdefault(_word, set()).add(_index)
_CLOSE = 0.85  # spelling counts only when very close: "comments" is no "progress comment"


def _sharing(words: frozenset[str]) -> set[int]:
    return set().union(*(_BY_WORD.get(word, ()) for word in words))


def _near_in_length(length: int) -> set[int]:
    """Synonyms whose length lets the spelling ratio reach _CLOSE (its first bound)."""
    return set().union(*(names for size, names in _BY_LENGTH.items()
                         if 2 * min(length, size) / (length + size) >= _CLOSE))


def _spelling(header: str, chars: Counter[str], name: str, name_chars: Counter[str]) -> float:
    """difflib's ratio when at least _CLOSE, else 0. Two upper bounds of the ratio (the
    lengths, then the letters in common) are tried first, as difflib.get_close_matches
    does: nearly every pair fails them, and the full comparison is dear."""
    total = len(header) + len(name)
    if 2 * min(len(header), len(name)) / total < _CLOSE:
        return 0.0
    if 2 * sum((chars & name_chars).values()) / total < _CLOSE:
        return 0.0
    ratio = difflib.SequenceMatcher(None, header, name).ratio()
    return ratio if ratio >= _CLOSE else 0.0


def read_header(
    cells: Sequence[str], overrides: Mapping[str, str] | None = None,
) -> Layout | None:
    """The layout if these cells are a header row, else None."""
    # Most rows are data, with a long cell: split no further than the limit to see it,
    # before anything else (a blank cell has no words, so all cells can be looked at).
    if any(len(c.split(None, _MAX_HEADER_WORDS)) > _MAX_HEADER_WORDS for c in cells):
        return None
    filled = [c for c in cells if c.strip()]
    if len(filled) < 2:
        return None
    wanted = {normalise(k): v for k, v in (overrides or {}).items()}
    # Most rows asked about are data rows of short cells, and reading an unknown text is
    # dear: give up as soon as too few cells are left to make a header.
    needed = max(2, 0.6 * len(filled))
    reachable = len(cells) if "" in wanted else len(filled)  # cells that may get a role
    roles: list[str | None] = []
    for cell in cells:
        chosen = wanted.get(normalise(cell))
        role = chosen or role_of(cell)
        # A second "owner" found by us becomes notes; one the user chose adds to the first.
        roles.append(role if chosen or role not in roles else None)
        if roles[-1] is None and (cell.strip() or "" in wanted):
            reachable -= 1
            if reachable < needed:
                return None
    recognised = [r for r in roles if r]
    if len(recognised) < 2 or len(recognised) < 0.6 * len(filled):
        return None
    if not any(role in recognised for role in ITEM_ROLES):
        return None
    return Layout(tuple(None if r == "notes" else r for r in roles),
                  tuple(" ".join(c.split()) for c in cells))
