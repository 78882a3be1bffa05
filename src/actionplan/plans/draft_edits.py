"""Corrections a person makes to an import draft's contents before it is stored.

Edits are kept apart from the document, keyed by where they apply ("plan number:item
number:action number:field", the action number "-" for the item itself), and applied to the
draft each time it is read, so the original document is never changed and every correction
can be seen and undone.
"""

from __future__ import annotations

from typing import Any

from actionplan.importing.delivery import read_status
from actionplan.importing.due import parse_due

PLAN_FIELDS = {"title": "Title of the plan", "kind": "Kind of plan"}
ITEM_FIELDS = {"ref": "Ref", "recommendation": "Recommendation"}
ACTION_FIELDS = {"text": "Action", "owner": "Owner", "due": "Due", "status": "Status"}
NOT_AN_ACTION = "not_an_action"


def edit_key(plan: int, item: int, action: int | None, name: str) -> str:
    return f"{plan}:{item}:{'-' if action is None else action}:{name}"


def plan_key(plan: int, name: str) -> str:
    return f"plan:{plan}:{name}"


def warning_key(plan: int, index: int) -> str:
    return f"warning:{plan}:{index}"


def by_position(key: str) -> bool:
    """An edit or a checked warning kept by its row's place in the draft: a new reading of the
    columns moves the rows, so these no longer point at the rows they were made on."""
    return key[:1].isdigit() or key.startswith("warning:")


def mark_warnings(plan: dict[str, Any], number: int, edits: dict[str, str]) -> None:
    """Each warning with its key and whether the person has marked it as checked."""
    for index, warning in enumerate(plan["warnings"]):
        warning["key"] = warning_key(number, index)
        warning["checked"] = bool(edits.get(warning["key"]))


def apply_edits(plan: dict[str, Any], number: int, edits: dict[str, str], *, settle: bool = True) -> None:
    """Apply the person's corrections to plan number `number` of the document, in place.
    Unsettled, a row marked "not an action" stays in place with `not_an_action` set, so that
    the actions keep the numbers the edits are keyed by."""
    for name in PLAN_FIELDS:
        if value := edits.get(plan_key(number, name)):
            plan["plan"][name] = value
    for i, item in enumerate(plan["items"]):
        for name in ITEM_FIELDS:
            if (value := edits.get(edit_key(number, i, None, name))) is not None:
                item[name] = value
        kept = []
        for a, action in enumerate(item["actions"]):
            for name in ACTION_FIELDS:
                if (value := edits.get(edit_key(number, i, a, name))) is not None:
                    _set(action, name, value)
            marked = bool(edits.get(edit_key(number, i, a, NOT_AN_ACTION)))
            if not settle:
                action[NOT_AN_ACTION] = marked
                kept.append(action)
            elif marked:
                # Kept with the recommendation as a note: nothing of the document is dropped.
                item.setdefault("notes", []).append({"column": "Not an action", "text": action["text"]})
            else:
                kept.append(action)
        item["actions"] = kept


def _set(action: dict[str, Any], name: str, value: str) -> None:
    if name == "text":
        action["text"] = value
    elif name == "owner":
        action["owners"] = [o.strip() for o in value.split(";") if o.strip()]
        action["owner_readings"] = []  # read again from the corrected wording
    elif name == "due":
        action["due"] = vars(parse_due(value)) if value.strip() else None
    elif name == "status":
        status = read_status(value) if value.strip() else None
        action["status"] = vars(status) if status else None
