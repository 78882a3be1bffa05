"""Column roles: which header means "owner", "due", "measure"… in each board's wording."""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import NamedTuple

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
    def cell_roles(self) -> tuple[str, ...]:
        """How each column's cells are read: by their role, else as notes."""
        return tuple(role or "notes" for role in self.roles)

    @cached_property
    def heading_columns(self) -> tuple[int, ...]:
        """The columns of outcome and the key role, where an underlined first paragraph
        is a section heading (002's board functions)."""
        found = (self.column(role) for role in ("outcome", self.key_role))
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


_NOT_ALPHANUMERIC = re.compile(r"[^a-z0-9]+")


def normalise(header: str) -> str:
    return " ".join(_NOT_ALPHANUMERIC.sub(" ", header.lower()).split())


@lru_cache(maxsize=4096)
def role_of(header: str) -> str | None:
    """The role a header names, or None. Cached: the same headers repeat on every page."""
    wanted = normalise(header)
    if not wanted or len(wanted.split()) > _MAX_HEADER_WORDS:
        return None
    if wanted in _EXACT:
        return _EXACT[wanted]  # nothing else scores as high as an exact match
    scores = _scores(_Text.of(wanted))
    if not scores:
        return None
    best = max(scores.values())
    # The first synonym of the best score wins, as in SYNONYMS' order.
    first = min(index for index, score in scores.items() if score == best)
    return _NAMES[first][0] if best >= 0.6 else None


_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789 "  # all that normalise() leaves


class _Text(NamedTuple):
    """A normalised header or synonym with what comparing it needs, worked out once."""

    text: str
    words: frozenset[str]  # less stop words
    mask: int  # which characters of _ALPHABET it has

    @classmethod
    def of(cls, text: str) -> _Text:
        mask = sum(_BIT[char] for char in set(text))
        return cls(text, frozenset(text.split()) - _STOP_WORDS, mask)


_BIT = {char: 1 << index for index, char in enumerate(_ALPHABET)}


def _letters(text: str) -> tuple[int, ...]:
    """How many of each character of _ALPHABET: only for the few texts that get as far as
    the spelling bound."""
    return tuple(map(text.count, _ALPHABET))


# Each synonym worked out once, and indexed by its words and its length.
_NAMES = [(role, _Text.of(name)) for role, names in SYNONYMS.items() for name in names]
_EXACT: dict[str, str] = {}
_BY_WORD: dict[str, list[int]] = {}
_BY_LENGTH: dict[int, list[int]] = {}
for _index, (_role, _name) in enumerate(_NAMES):
    _EXACT.setdefault(_name.text, _role)  # the first role naming it
    _BY_LENGTH.setdefault(len(_name.text), []).append(_index)
    for _word in _name.words:
        _BY_WORD.setdefault(_word, []).append(_index)
_CLOSE = 0.85  # spelling counts only when very close: "comments" is no "progress comment"


def _scores(header: _Text) -> dict[int, float]:
    """The score of every synonym scoring above 0, by index: the greater of the words
    shared and the spelling ratio. Only synonyms sharing a word can share words, and only
    those of a near length can pass the spelling bar, so no other is looked at."""
    scores: dict[int, float] = {}
    words = header.words
    for index in {index for word in words for index in _BY_WORD.get(word, ())}:
        name_words = _NAMES[index][1].words
        scores[index] = 2 * len(words & name_words) / (len(words) + len(name_words))
    length, mask = len(header.text), header.mask
    for index, size, name_mask in _near_in_length(length):
        # The cheapest bound of the spelling ratio, here rather than in _spelling: most of
        # these synonyms fail it. A character one text has and the other lacks cannot
        # be matched.
        matchable = min(length - (mask & ~name_mask).bit_count(),
                        size - (name_mask & ~mask).bit_count())
        if 2 * matchable / (length + size) < _CLOSE:
            continue
        spelling = _spelling(header, _NAMES[index][1])
        if spelling > scores.get(index, 0.0):
            scores[index] = spelling
    return scores


@lru_cache(maxsize=256)
def _near_in_length(length: int) -> tuple[tuple[int, int, int], ...]:
    """The synonyms (index, length, characters) whose length lets a text of this length
    reach _CLOSE: difflib's first bound of the ratio, 2 × the shorter length / both."""
    return tuple((index, size, _NAMES[index][1].mask)
                 for size, names in _BY_LENGTH.items() for index in names
                 if 2 * min(length, size) / (length + size) >= _CLOSE)


def _spelling(a: _Text, b: _Text) -> float:
    """difflib's ratio when at least _CLOSE, else 0.

    An upper bound of the ratio is tried first, as difflib's get_close_matches does: the
    full comparison is dear. No more of a character can be matched than the other text
    holds.
    """
    total = len(a.text) + len(b.text)
    if 2 * sum(map(min, _letters(a.text), _letters(b.text))) / total < _CLOSE:
        return 0.0
    ratio = difflib.SequenceMatcher(None, a.text, b.text).ratio()
    return ratio if ratio >= _CLOSE else 0.0


def read_header(
    cells: Sequence[str], overrides: Mapping[str, str] | None = None,
) -> Layout | None:
    """The layout if these cells are a header row, else None."""
    # Most rows are data, with a long cell: split no further than the limit to see it,
    # before anything else (a blank cell has no words, so all cells can be looked at).
    for cell in cells:  # a loop, not any(…): asked of every row
        if len(cell.split(None, _MAX_HEADER_WORDS)) > _MAX_HEADER_WORDS:
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
        chosen = wanted.get(normalise(cell)) if wanted else None
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
