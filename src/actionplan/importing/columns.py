"""Column roles: which header means "owner", "due", "measure"… in each board's wording."""

from __future__ import annotations

import difflib
import re
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
    best_role, best_score = None, 0.0
    for role, names in SYNONYMS.items():
        for name in names:
            score = _similarity(wanted, name)
            if score > best_score:
                best_role, best_score = role, score
    return best_role if best_score >= 0.6 else None


def _similarity(header: str, name: str) -> float:
    if header == name:
        return 2.0
    words = set(header.split()) - _STOP_WORDS
    name_words = set(name.split()) - _STOP_WORDS
    overlap = 2 * len(words & name_words) / (len(words) + len(name_words) or 1)
    spelling = difflib.SequenceMatcher(None, header, name).ratio()
    # Spelling counts only when very close, so "comments" does not pass for "progress comment".
    return max(overlap, spelling if spelling >= 0.85 else 0.0)


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
    roles: list[str | None] = []
    for cell in cells:
        chosen = wanted.get(normalise(cell))
        role = chosen or role_of(cell)
        # A second "owner" found by us becomes notes; one the user chose adds to the first.
        roles.append(role if chosen or role not in roles else None)
    recognised = [r for r in roles if r]
    if len(recognised) < 2 or len(recognised) < 0.6 * len(filled):
        return None
    if not any(role in recognised for role in ITEM_ROLES):
        return None
    return Layout(tuple(None if r == "notes" else r for r in roles),
                  tuple(" ".join(c.split()) for c in cells))
