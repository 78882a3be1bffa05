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


def read_decision(text: str) -> Decision | None:
    """The decision a cell or line states, the words after it its reason; None when the
    wording is not clearly one of the three (the words must stand alone or be parted from
    what follows by a dash, colon or stop: "Accepted subject to funding" is no decision)."""
    written = " ".join(text.split())
    lowered = written.lower()
    for wording, value in _BY_LENGTH:
        match = re.match(rf"{re.escape(wording)}(?:{_PARTING}|\s*$)", lowered)
        if match:
            reason = written[match.end():].strip()
            return Decision(written, value, reason or None)
    return None


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
