"""The board's decision on a recommendation, as its plan states it: "Accepted", "Yes",
"Partially", "Not accepted – the pathway is already in place", "Accepted in part — the Fire
Service will lead." Read only when the wording is clearly one of the three decisions a
recommendation can have; anything else ("Accepted subject to funding", "To be discussed")
is not guessed at (ADR 85)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import replace

from .draft import Decision
from .grouping import PendingItem
from .header import normalise, role_of

# The wordings of each decision, as boards write them. A longer wording is tried first, so
# that "not accepted" is never read as "accepted".
_WORDINGS: dict[str, tuple[str, ...]] = {
    "accepted_in_part": ("accepted in part", "partially accepted", "partly accepted",
                         "part accepted", "accepted partially", "agreed in part",
                         "partially agreed", "partly agreed", "in part", "partially", "partly",
                         "partial"),
    "not_accepted": ("not accepted", "not agreed", "rejected", "declined", "no", "n"),
    "accepted": ("accepted in full", "fully accepted", "accepted", "agreed", "accept", "agree",
                 "yes", "y"),
}
_BY_LENGTH = sorted(((wording, value) for value, wordings in _WORDINGS.items()
                     for wording in wordings), key=lambda pair: -len(pair[0]))
# What may part the decision from its reason: a dash, colon, semicolon, comma or full stop.
_PARTING = r"\s*(?:[—–:;,.]|\s-)\s*"
# Words that, opening what follows a decision, qualify it rather than give its reason:
# "Accepted, but not in full" is no plain acceptance.
_QUALIFIERS = ("in part", "partially", "partly", "partial", "not in full", "not fully", "but",
               "subject to", "with conditions", "conditionally", "on condition", "provided",
               "pending", "except", "however", "although", "unless", "if", "only")
# After an acceptance, these alone (or parted from a reason) say plainly it is in part:
# "Accepted – in part", "Agreed, in part".
_IN_PART = ("in part", "partially", "partly")


def read_decision(text: str) -> Decision | None:
    """The decision a cell or line states, the words after it its reason; None when the
    wording is not clearly one of the three (the words must stand alone or be parted from
    what follows by a dash, colon, semicolon, comma or stop: "Accepted subject to funding" is
    no decision), or when what follows qualifies it or states another ("Accepted, but not in
    full", "No – accepted in part")."""
    written = " ".join(text.split())
    for wording, value in _BY_LENGTH:
        match = _opening(wording, written)
        if match is None:
            continue
        reason = written[match.end():]
        if value == "accepted" and "full" not in wording and (
                in_part := _opening_any(_IN_PART, reason)):
            value, reason = "accepted_in_part", reason[in_part.end():]
        elif _states_more(value, reason):
            return None
        return Decision(written, value, reason.strip() or None)
    return None


def _opening(wording: str, text: str) -> re.Match[str] | None:
    """The wording at the start of the text, standing alone or parted from what follows."""
    return re.match(rf"{re.escape(wording)}(?:{_PARTING}|\s*$)", text, re.IGNORECASE)


def _opening_any(wordings: tuple[str, ...], text: str) -> re.Match[str] | None:
    return next((m for wording in wordings if (m := _opening(wording, text))), None)


def _states_more(value: str, reason: str) -> bool:
    """Whether the words after a decision open with a qualifier of a full decision or with
    another decision's wording: the cell says more than one decision, and is not guessed at.
    A short wording ("no", "y") counts only standing alone or parted, as at the start: "Not
    accepted – no resources" gives a reason."""
    def opens_with(wording: str) -> bool:
        if len(wording) <= 3 and wording not in _QUALIFIERS:
            return _opening(wording, reason) is not None
        return re.match(rf"{re.escape(wording)}\b", reason, re.IGNORECASE) is not None

    others = [w for other, wordings in _WORDINGS.items() if other != value for w in wordings]
    qualifiers = _QUALIFIERS if value != "accepted_in_part" else ()  # an in part's reason qualifies it
    return any(opens_with(w) for w in (*others, *qualifiers))


def settle_decision_columns(items: list[PendingItem], chosen: Mapping[str, str] | None) -> None:
    """A column headed as the board's decision whose cells are mostly no decisions is read as
    its header was before decisions were read: "Response" over progress narratives is the
    progress, "Agreed" over actions the actions (a second column of a role already read is
    kept as notes). A column the person mapped to the decision stays the decision's."""
    mapped = {normalise(header) for header, role in (chosen or {}).items() if role == "decision"}
    for layout in dict.fromkeys(item.layout for item in items):
        column = layout.column("decision")
        if column is None or normalise(layout.headers[column]) in mapped:
            continue
        # Each cell as a whole: "Accepted in part." over a paragraph of reasons is one decision.
        said = [" ".join(entry.text for entry in group.cells[column]) for item in items
                if item.layout is layout for group in item.groups if group.cells.get(column)]
        if sum(read_decision(text) is not None for text in said) * 2 >= len(said):
            continue
        role = role_of(re.sub(r"\([^)]*\)?", " ", layout.headers[column]), skip="decision")
        roles = list(layout.roles)
        roles[column] = None if role in roles else role
        settled = replace(layout, roles=tuple(roles))
        for item in items:
            if item.layout is layout:
                item.layout = settled
