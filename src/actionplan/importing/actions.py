"""Actions from one action row: bullets become actions, paired with owners and dates."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from .cells import Entry
from .dates import parse_due
from .draft import RAG_COLOURS, Action, Due

_LETTER = re.compile(r"^\(?([a-z])[.)]\s+")
_LETTER_FIRST = frozenset("(abcdefghijklmnopqrstuvwxyz")  # what _LETTER can start with
_DITTO = re.compile(r"^[\s\"“”„'`〃]+$|^ditto$", re.I)
_SLASHED_OWNERS = re.compile(r"\s*/\s*(?=[A-Z])")
_RAG_WORDS = {"r": "red", "a": "amber", "g": "green", "b": "blue", "gray": "grey",
              "complete": "blue", "completed": "blue", **{c: c for c in RAG_COLOURS}}
# The per-action fields and the cell roles they come from.
PAIRED_ROLES = ("owner", "due", "measure", "progress", "rag")

Warn = Callable[[str], None]


def build_actions(
    cells: dict[str, list[Entry]], previous: Action | None, warn: Warn,
) -> list[Action]:
    """One action per entry of the action cell; owner, due… paired when the counts agree.

    A single owner (or date…) applies to every action. Any other count cannot be paired
    safely, so each action keeps the whole cell and a warning says so.
    """
    texts = [e.text for e in cells.get("action", ())]
    if not texts:
        if not any(cells.get(role) for role in PAIRED_ROLES):
            return []
        texts = [""]  # an owner or date with no action text: keep them on an empty action
    # Only the roles the row has: an absent field is empty on every action, so it needs
    # no per-action list (and cannot warn).
    per_action = {role: _per_action(role, found, len(texts), warn)
                  for role in PAIRED_ROLES if (found := cells.get(role))}
    actions = []
    for index, text in enumerate(texts):
        fields = {role: values[index] for role, values in per_action.items()}
        actions.append(_action(text, fields, previous, warn))
        previous = actions[-1]
    return actions


def _per_action(role: str, entries: Sequence[Entry], count: int, warn: Warn) -> list[list[str]]:
    """The values of one field for each of count actions."""
    values = [e.text for e in entries]
    if len(values) == count:
        return [[v] for v in values]
    if len(values) > 1:
        warn(f"{count} action(s) but {len(values)} {role} entries; "
             f"each action keeps the whole {role} cell")
    return [values] * count


def _action(
    text: str, fields: dict[str, list[str]], previous: Action | None, warn: Warn,
) -> Action:
    """An action from its text and the values of each field (a field absent: none)."""
    letter = _LETTER.match(text) if text[:1] in _LETTER_FIRST else None
    owners = _owners(fields["owner"], previous, warn) if "owner" in fields else []
    return Action(
        text=text[letter.end():] if letter else text,
        ref=letter.group(1) if letter else None,
        owners=owners,
        due=_due(fields["due"], warn) if "due" in fields else None,
        measure=_joined(fields.get("measure", ())),
        progress=_joined(fields.get("progress", ())),
        rag=_rag(fields["rag"], warn) if "rag" in fields else None,
    )


def _owners(values: list[str], previous: Action | None, warn: Warn) -> list[str]:
    owners: list[str] = []
    for value in values:
        if _DITTO.match(value):  # “ “ : the same owner as the line above
            above = owners[-1:] or (previous.owners if previous else [])
            warn(f"ditto mark {value.strip()!r} read as {', '.join(above) or 'no owner'}")
            owners.extend(above)
        else:
            # "NSCB/Director of Children's Services" names two; "cross-authority" is one.
            parts = _SLASHED_OWNERS.split(value) if "/" in value else (value,)
            owners.extend(part for part in parts if part.strip())
    return list(dict.fromkeys(owners))


def _due(values: list[str], warn: Warn) -> Due | None:
    if not values:
        return None
    due = parse_due(" ".join(values))
    if due.kind == "unknown":
        warn(f"due date not understood: {due.text!r}")
    return due


def _rag(values: list[str], warn: Warn) -> str | None:
    return read_rag(" ".join(values), warn)


def read_rag(text: str, warn: Warn) -> str | None:
    if not text.strip():
        return None
    colour = _RAG_WORDS.get(text.strip().lower().rstrip("."))
    if colour is None:
        warn(f"RAG rating not understood: {text!r}")
    return colour


def _joined(values: Sequence[str]) -> str | None:
    return "\n".join(values) if values else None
