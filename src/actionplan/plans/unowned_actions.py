"""The actions of a draft that storing would leave answering to no agency: those naming no
owner, and those whose owners name no agency (a post alone, "Named Nurse"). They are stored
(a person maps them after), but are told, each with its lines, before and after storing.

One home for the warning, so that `actionplan import` and its dry run say the same.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from actionplan.importing.line_names import lines_named

from .owner_match import owner_readings


def unowned_warnings(
    draft: dict[str, Any], to_map: Collection[str] | None = None,
) -> list[tuple[int | None, str]]:
    """(first line, message) for the draft's actions that would answer to no agency. to_map is
    the store's own list of owners matched to none of the partnership's agencies; without it
    (no partnership to match against) an owner is to map when it is read as naming no agency."""
    agency_sections = {s["name"] for s in draft.get("sections", []) if s.get("kind") == "agency"}
    no_owner: list[int | None] = []
    posts: dict[str, list[int | None]] = {}
    for item in draft.get("items", []):
        if (item.get("section") or "") in agency_sections:
            continue  # the section's agency owns them (draft_rows.Storer.owner)
        for action in item.get("actions") or []:
            line = action.get("line") or item.get("line")
            readings = owner_readings(action)
            if not readings:
                no_owner.append(line)
            elif all(_to_map(reading, to_map) for reading in readings):
                for reading in readings:
                    posts.setdefault(reading["text"], []).append(line)
    found = []
    if no_owner:
        count = len(no_owner)
        found.append((no_owner[0], (
            f"{count} action{'s name' if count > 1 else ' names'} no owner: stored answering to "
            f"no agency until one is given ({lines_named(no_owner)})")))
    for text, lines in posts.items():
        found.append((lines[0], (f"owner {text!r} names no agency: its actions are stored "
                                 f"answering to none until it is mapped ({lines_named(lines)})")))
    return found


def _to_map(reading: dict[str, Any], to_map: Collection[str] | None) -> bool:
    return reading["text"] in to_map if to_map is not None else not reading.get("agency")
