"""The warning naming the actions whose owners are several agencies (a joint action).

The store gives such an action to the first agency named, its lead, and the others answer for
it with the lead (ADR 78). A cell split into owners may be one agency's name that reads as
two ("Riverton Health and Wellbeing Board" is kept whole; others may not be): the warning
names the rows, for the person importing to correct the owners where they are one agency.
"""

from __future__ import annotations

from collections.abc import Sequence

from .draft import Action, DraftWarning, Item
from .line_names import lines_named

_WORDINGS_SAID = 3  # enough to recognise the rows by; the lines name the rest


def joint_owned(items: Sequence[Item]) -> list[DraftWarning]:
    found = [action for item in items for action in item.actions if _joint(action)]
    if not found:
        return []
    wordings = list(dict.fromkeys(_wording(action) for action in found))
    said = ", ".join(repr(w) for w in wordings[:_WORDINGS_SAID])
    said += f" and {len(wordings) - _WORDINGS_SAID} more" if len(wordings) > _WORDINGS_SAID else ""
    first = found[0]
    return [DraftWarning(first.line, (
        f"owners naming several agencies, the first leading and the others with it: {said} "
        f"({lines_named(action.line for action in found)}); correct the owners where they "
        "are one agency"), first.page)]


def _joint(action: Action) -> bool:
    return sum(1 for reading in action.owner_readings if reading.agency) > 1


def _wording(action: Action) -> str:
    joints = dict.fromkeys(r.joint for r in action.owner_readings if r.joint)
    return " / ".join(joints) if joints else "; ".join(action.owners)
