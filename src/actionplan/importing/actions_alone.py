"""A plan of actions alone: a tracker whose columns are an action's only (Action, Lead, Due,
Status, Update), with no recommendation, outcome or reference to group its rows under.

Nothing is invented for it (ADR 64): actions numbered 1.1, 1.2, 2.1 are grouped by the number
they share, each group a recommendation named by that number alone ("1"); an action with no
such number is tracked under a recommendation of its own words, as the board wrote them. A
warning says which was done, on which rows, so that the person importing can map the column
that holds the recommendations or correct each row.

A table with a column that is read as nothing (kept as notes) is left as it is: that column
may hold the recommendations ("Concern"), and the person is asked to map it. A list's own
columns ("Created", "Path") hold no recommendations: they do not stop the reading.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from . import line_names
from .draft import Action, DraftWarning, Item
from .grouping import PendingItem
from .header import role_of

# "1.1", "2.3", "1a", "4.2.1": an action's number under the recommendation numbered before it.
_UNDER = re.compile(r"^(\d{1,3}(?:\.\d{1,3})*)(?:\.\d{1,3}|[a-z])\.?$")
# An action whose text opens with its number: "1.1 Publish the policy".
_OPENS = re.compile(r"^(\d{1,3}(?:\.\d{1,3})+)[.):]?\s+(?=\S)")


def read_actions_alone(pending: Sequence[PendingItem], items: list[Item],
                       warnings: list[DraftWarning]) -> list[Item]:
    """The items, those of a table of actions alone grouped or named as the module says."""
    out: list[Item] = []
    grouped: list[Item] = []
    own_words: list[Item] = []
    for source, item in zip(pending, items, strict=True):
        if not _actions_alone(source, item):
            out.append(item)
            continue
        action = item.actions[0]
        if action.ref is None and (opening := _OPENS.match(action.text)):
            action.ref, action.text = opening.group(1), action.text[opening.end():]
        number = _UNDER.match(action.ref or "")
        group = grouped[-1] if grouped and out and out[-1] is grouped[-1] else None
        if number and group is not None and (
                group.ref == number.group(1) and group.section == item.section):
            group.actions.extend(item.actions)
            group.notes.extend(item.notes)
            continue
        if number:
            item.ref = number.group(1)
            grouped.append(item)
        else:
            item.recommendation = action.text
            own_words.append(item)
        out.append(item)
    _warn(grouped, own_words, warnings)
    return out


def _actions_alone(source: PendingItem, item: Item) -> bool:
    layout = source.layout
    return (layout.key_role == "action" and not item.ref and not item.outcome
            and not item.recommendation and len(item.actions) == 1
            and bool(item.actions[0].text)
            and all(role not in (None, "notes") or role_of(layout.header_at(column)) == "notes"
                    for column, role in enumerate(layout.roles)))


def _warn(grouped: list[Item], own_words: list[Item], warnings: list[DraftWarning]) -> None:
    if grouped:
        refs = ", ".join(item.ref or "" for item in grouped)
        warnings.append(DraftWarning(grouped[0].line, (
            f"no column of recommendations: the actions are grouped by their numbers under "
            f"recommendations {refs}, named by the number alone ({lines_named(grouped)}); map the "
            "column that holds the recommendations, or correct each row"), grouped[0].page))
    if own_words:
        count = len(own_words)
        warnings.append(DraftWarning(own_words[0].line, (
            f"no column of recommendations: {'each of the ' if count > 1 else 'the '}"
            f"{count} action{'s' if count > 1 else ''} tracked under a recommendation of its "
            f"own words ({lines_named(own_words)}); map the column that holds the recommendations, "
            "or correct each row"), own_words[0].page))


def lines_named(items: Sequence[Item | Action]) -> str:
    """Where these rows start ("lines 4, 7, 9 and 3 more")."""
    return line_names.lines_named(item.line for item in items)