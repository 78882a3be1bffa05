"""Column roles: which header means "owner", "due", "measure"… in each board's wording."""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from .blocks import read_blocks
from .errors import ColumnReading
from .header_words import SYNONYMS
from .months import names_a_month

ROLES = frozenset(SYNONYMS)
# Roles that can carry the items' own text; a header row must have one of them.
ITEM_ROLES = ("recommendation", "outcome", "action")
_STOP_WORDS = frozenset(
    ("a", "an", "and", "of", "the", "to", "for", "be", "by", "include", "method"))
_MAX_HEADER_WORDS = 9
_MAY_REPEAT = ("measure",)
_MONTH = "month"  # while a header is read: a column of updates by month


@dataclass(frozen=True)
class Layout:
    """A header row read: the role of each column and the header words, for notes."""

    roles: tuple[str | None, ...]  # None: a column we do not know, kept as notes
    headers: tuple[str, ...]
    # The owner column whose header names the due date too ("Lead / timescale"): its cells
    # hold both, the dates among the owners (items.py sorts them).
    owner_and_due: int | None = None

    def column(self, role: str) -> int | None:
        """The first column of the role, or None."""
        return self.roles.index(role) if role in self.roles else None

    def role_at(self, column: int) -> str | None:
        return self.roles[column] if column < len(self.roles) else None

    def header_at(self, column: int) -> str:
        return self.headers[column] if column < len(self.headers) else f"Column {column + 1}"

    @property
    def item_columns(self) -> tuple[int, ...]:
        """The columns of ref, outcome and the key role, in that order: text in any of them
        starts a new item."""
        found = (self.column(role) for role in ("ref", "outcome", self.key_role))
        return tuple(dict.fromkeys(column for column in found if column is not None))

    @property
    def cell_roles(self) -> tuple[str, ...]:
        """How each column's cells are read: by their role, else as notes."""
        return tuple(role or "notes" for role in self.roles)

    @property
    def heading_columns(self) -> tuple[int, ...]:
        """The columns of outcome and the key role, where an underlined first paragraph
        is a section heading (a workplan whose objectives open with an underlined function name)."""
        found = (self.column(role) for role in ("outcome", self.key_role))
        return tuple(dict.fromkeys(column for column in found if column is not None))

    @property
    def has_action_fields(self) -> bool:
        """Items get actions: an action column, or owner, due or measure ones to fill."""
        return any(role in self.roles for role in ("action", "owner", "due", "measure"))

    @property
    def key_role(self) -> str:
        """The column whose new text starts a new item."""
        for role in ("recommendation", "outcome", "ref", "action"):
            if role in self.roles:
                return role
        return "action"


_NOT_ALPHANUMERIC = re.compile(r"[^a-z0-9]+")


def normalise(header: str) -> str:
    return " ".join(_NOT_ALPHANUMERIC.sub(" ", header.lower()).split())


def role_of(header: str, skip: str | None = None) -> str | None:
    """The role a header names (other than `skip`), or None: the best reading's, when it
    scores 0.6 at least."""
    role, score = best_reading(header, skip)
    return role if score >= 0.6 else None


def best_reading(header: str, skip: str | None = None) -> tuple[str | None, float]:
    """The role of the synonym a header scores best against (the first in SYNONYMS' order
    on a tie) and that score: 2 for the very synonym (its words in any order), else the
    greater of the words shared and a close spelling (only when very close: "comments" is
    no "progress comment"). A role `skip` is not read."""
    wanted = normalise(header)
    if not wanted or len(wanted.split()) > _MAX_HEADER_WORDS:
        return None, 0.0
    words = set(wanted.split()) - _STOP_WORDS
    close = set(difflib.get_close_matches(wanted, _NAMES, n=len(_NAMES), cutoff=_CLOSE))
    best_role, best_score = None, 0.0
    for role, name, name_words in _SYNONYMS:
        if role == skip:
            continue
        if wanted == name:
            score = 2.0
        elif role in _EXACT_ONLY:
            continue
        else:
            score = 2 * len(words & name_words) / (len(words) + len(name_words) or 1)
            if name in close:
                score = max(score, difflib.SequenceMatcher(None, wanted, name).ratio())
        if score > best_score:
            best_role, best_score = role, score
    reordered = _REORDERED.get(frozenset(words))  # "Agency responsible": "responsible agency"
    if reordered is not None and reordered != skip and best_score < 2.0:
        return reordered, 2.0
    return best_role, best_score


# Each synonym with its role and its words less the stop words, in SYNONYMS' order.
_SYNONYMS = [(role, name, frozenset(name.split()) - _STOP_WORDS)
             for role, names in SYNONYMS.items() for name in names]
_NAMES = [name for _, name, _ in _SYNONYMS]
# The role of each synonym of several words, by its words in any order (the first on a tie).
_REORDERED: dict[frozenset[str], str] = {}
for _role, _name, _words in _SYNONYMS:
    if len(_words) > 1:
        _REORDERED.setdefault(_words, _role)
_CLOSE = 0.85
# Roles named only by their very words: "Response date" and "Date agreed" are no decisions.
_EXACT_ONLY = frozenset(("decision",))


def _bare(header: str) -> str:
    """A header without what it says in brackets: "Status (1 Achieved, 2 On track…)"."""
    return re.sub(r"\([^)]*\)?", " ", header)


def read_header(
    cells: Sequence[str], overrides: Mapping[str, str] | None = None,
) -> Layout | None:
    """The layout if these cells are a header row, else None: at least two cells, and
    six in ten of the filled ones, name a role, one of them a role that carries the
    items' text; no cell is longer than a header is. Cells are read as text: markup
    ("<p>", "<b>") never counts as words."""
    cells = [" ".join(block.text for block in read_blocks(cell)) for cell in cells]
    if any(len(_bare(cell).split()) > _MAX_HEADER_WORDS for cell in cells):
        return None
    wanted = {normalise(k): v for k, v in (overrides or {}).items()}
    filled = [c for c in cells if c.strip()]
    # The most cells without a role a header can have: past it, reading the rest cannot
    # make one (every row of a table is asked, most of them data rows of short cells).
    may_miss = (len(cells) if "" in wanted else len(filled)) - max(2, 0.6 * len(filled))
    roles: list[str | None] = []
    headers: list[str] = []
    for cell in cells:
        chosen = wanted.get(normalise(cell))
        bare = _bare(cell)
        month = not chosen and names_a_month(cell)
        role = _MONTH if month else (
            chosen or role_of(cell) or (role_of(bare) if bare != cell else None))
        if role == "owner" and not chosen and "owner" in roles:
            role = _owner_pair(roles, headers, cell)
        # A second "owner" found by us becomes notes; one the user chose adds to the first,
        # as does a second measure ("Measure of success", "Evidence of completion").
        roles.append(role if chosen or month or role not in roles or role in _MAY_REPEAT
                     else None)
        headers.append(cell)
        if roles[-1] is None and (cell.strip() or "" in wanted):
            may_miss -= 1
            if may_miss < 0:
                return None
    recognised = [r for r in roles if r]
    if len(filled) < 2 or len(recognised) < 2 or len(recognised) < 0.6 * len(filled):
        return None
    if not any(role in recognised for role in ITEM_ROLES):
        return None
    # Updates by month are the progress, unless a column of its own gives it.
    by_month = "notes" if "progress" in roles else "progress"
    roles = [by_month if r == _MONTH else r for r in roles]
    both = next((column for column, (cell, role) in enumerate(zip(cells, roles, strict=True))
                 if role in ("owner", "due") and _names_owner_and_due(cell)), None)
    if both is not None and "due" in roles[:both] + roles[both + 1:]:
        both = None  # the dates have a column of their own
    if both is not None:
        roles[both] = "owner"
    return Layout(tuple(None if r == "notes" else r for r in roles),
                  tuple(" ".join(c.split()) for c in cells), both)


_JOINED = re.compile(r"\s*(?:/|&|\+|\band\b|,)\s*", re.I)


def _names_owner_and_due(header: str) -> bool:
    """"Lead / timescale", "Who and when", "Owner & deadline": two roles in one header."""
    parts = [part for part in _JOINED.split(_bare(header)) if part.strip()]
    return len(parts) == 2 and {role_of(part) for part in parts} == {"owner", "due"}


def run_on_header(
    upper: Sequence[str], lower: Sequence[str], overrides: Mapping[str, str] | None = None,
) -> list[str] | None:
    """A header whose words run on into the row under it ("Target" over "Date", "Lead" over
    "agency"), as one row: each column's words joined. Only when the row under it holds a
    few words (no figures) under the header's own, each column joined naming a role as
    surely as its upper words alone ("Ref" over a section "Neglect" is no "Ref Neglect")."""
    if read_header(upper, overrides) is None:
        return None
    filled = [column for column, text in enumerate(lower) if text.strip()]
    for column in filled:
        above = upper[column] if column < len(upper) else ""
        if not above.strip() or len(lower[column].split()) > 3 or any(
                c.isdigit() for c in lower[column]):
            return None
        role, score = best_reading(f"{above} {lower[column]}")
        if role is None or score < max(0.6, best_reading(above)[1]):
            return None
    joined = [" ".join(f"{up} {low}".split()) for up, low in zip(upper, lower, strict=False)]
    return joined if filled and read_header(joined, overrides) else None


def _owner_pair(roles: list[str | None], headers: list[str], header: str) -> str | None:
    """A second owner column beside one naming the agency ("Lead agency", "Lead officer")
    gives the post within it; the agency's column is the owner whichever comes first."""
    first = roles.index("owner")
    if _AGENCY_HEADER.search(header) and not _AGENCY_HEADER.search(headers[first]):
        roles[first] = "owner_role"
        return "owner"
    if _AGENCY_HEADER.search(headers[first]) and not _AGENCY_HEADER.search(header):
        return "owner_role"
    return "owner"  # two of a kind: the second is kept as notes


_AGENCY_HEADER = re.compile(r"\b(agency|agencies|organisation|organization|partner)\b", re.I)


def column_readings(rows: Sequence[Sequence[str]]) -> tuple[ColumnReading, ...]:
    """The best reading of each column of the row likeliest to be the header, for a table
    whose header was not recognised: the row whose cells come nearest to roles, first of
    equals. Empty when no row has a cell near any role."""
    best: tuple[ColumnReading, ...] = ()
    best_total = 0.0
    for cells in rows:
        texts = [" ".join(block.text for block in read_blocks(cell)) for cell in cells]
        readings = tuple(_reading(text) for text in texts)
        total = sum(reading.confidence for reading in readings)
        if total > best_total:
            best, best_total = readings, total
    return best


def header_readings(
    rows: Sequence[Sequence[str]], overrides: Mapping[str, str] | None = None,
) -> tuple[ColumnReading, ...]:
    """How the first header row among the rows was read: each column's role (None: kept as
    notes) with the confidence of its best reading, so that a person can correct it."""
    for cells in rows:
        if layout := read_header(cells, overrides):
            return tuple(ColumnReading(header, role, _reading(header).confidence)
                         for header, role in zip(layout.headers, layout.roles, strict=False))
    return ()


def _reading(text: str) -> ColumnReading:
    role, score = best_reading(_bare(text)) if text.strip() else (None, 0.0)
    return ColumnReading(" ".join(text.split()), role if score else None,
                         round(min(score, 1.0), 2))
