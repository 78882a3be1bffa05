"""Corrections a person makes to an import draft's contents before it is stored.

Edits are kept apart from the document, keyed by where they apply ("plan number:item
number:action number:field", the action number "-" for the item itself), and applied to the
draft each time it is read, so the original document is never changed and every correction
can be seen and undone.
"""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Mapping
from typing import Any

from actionplan.importing.decisions import read_decision
from actionplan.importing.delivery import read_status
from actionplan.importing.due import parse_due

PLAN_FIELDS = {"title": "Title of the plan", "kind": "Kind of plan"}
# The code of a review the person links the plan to (one of the partnership's, or a new one):
# a plan whose document names no review is linked to one this way.
PLAN_REVIEW = "review"
ITEM_FIELDS = {"ref": "Ref", "recommendation": "Recommendation", "decision": "Board's decision"}
ACTION_FIELDS = {"text": "Action", "owner": "Owner", "due": "Due", "status": "Status"}
NOT_AN_ACTION = "not_an_action"
# An item's actions split or joined, in the order the person did it (a JSON list).
SHAPE = "shape"


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
    if code := edits.get(plan_key(number, PLAN_REVIEW)):
        named = plan["plan"].setdefault("reviews", [])
        if code.lower() not in {c.lower() for c in named}:
            named.append(code)
    for i, item in enumerate(plan["items"]):
        if shape := edits.get(edit_key(number, i, None, SHAPE)):
            item["actions"] = reshape(item["actions"], json.loads(shape))
        for name in ITEM_FIELDS:
            if (value := edits.get(edit_key(number, i, None, name))) is not None:
                _set_item(item, name, value)
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


def refused(changes: Mapping[str, str]) -> list[str]:
    """The keys of the corrections of a board's decision whose wording is none of the three
    decisions (ADR 85): refused, never kept, so that no wording is read as "no decision". A
    blank one clears the decision."""
    return [key for key, value in changes.items()
            if key.endswith(":-:decision") and _refused_decision(value)]


def _refused_decision(value: str) -> bool:
    return bool(value.strip()) and read_decision(value) is None


def _set_item(item: dict[str, Any], name: str, value: str) -> None:
    if name == "decision":  # read as the document's own wording is
        if _refused_decision(value):
            return  # never stored (see refused): the decision read stands
        decision = read_decision(value) if value.strip() else None
        item["decision"] = vars(decision) if decision else None
    else:
        item[name] = value


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


def reshape(actions: list[dict[str, Any]], steps: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The actions as the document has them, split and joined as the person did, in order.
    Split: both halves keep everything of the action but its text (its ref stays with the
    first). Joined: one action holding both texts, both owners, and the first's due date."""
    actions = list(actions)
    for step in steps:
        at = step["at"]
        if step["do"] == "split" and at < len(actions):
            second = copy.deepcopy(actions[at])
            actions[at] = {**actions[at], "text": step["texts"][0]}
            actions.insert(at + 1, {**second, "text": step["texts"][1], "ref": None})
        elif step["do"] == "join" and at + 1 < len(actions):
            actions[at:at + 2] = [_joined(actions[at], actions[at + 1], step["text"])]
    return actions


def _joined(first: dict[str, Any], second: dict[str, Any], text: str) -> dict[str, Any]:
    def both(name: str) -> str | None:
        return "\n".join(v for v in (first.get(name), second.get(name)) if v) or None

    readings = {r["text"]: r for r in [*first.get("owner_readings", []), *second.get("owner_readings", [])]}
    return {**first, "text": text, "measure": both("measure"), "progress": both("progress"),
            "owners": list(dict.fromkeys([*first.get("owners", []), *second.get("owners", [])])),
            "owner_readings": list(readings.values()), "due": first.get("due") or second.get("due"),
            "status": first.get("status") or second.get("status"),
            "rag": first.get("rag") or second.get("rag")}


def _renumbered(edits: dict[str, str], plan: int, item: int, move: dict[int, int | None]) -> dict[str, str]:
    """The edits with the actions of one item given new numbers (None: the edit is let go)."""
    pattern = re.compile(rf"{plan}:{item}:(\d+):(\w+)")
    kept: dict[str, str] = {}
    for key, value in edits.items():
        found = pattern.fullmatch(key)
        if not found:
            kept[key] = value
        elif (to := move.get(int(found[1]), int(found[1]))) is not None:
            kept[edit_key(plan, item, to, found[2])] = value
    return kept


def _steps(edits: dict[str, str], plan: int, item: int) -> list[dict[str, Any]]:
    return list(json.loads(edits.get(edit_key(plan, item, None, SHAPE)) or "[]"))


def split(edits: dict[str, str], plan: int, item: int, action: int, count: int,
          texts: tuple[str, str]) -> dict[str, str]:
    """The draft's edits with one action of `count` split in two texts: the second half keeps
    the corrections of the owner, due and status made on the action."""
    move: dict[int, int | None] = {a: a + 1 for a in range(action + 1, count)}
    kept = _renumbered(edits, plan, item, move)
    kept.pop(edit_key(plan, item, action, "text"), None)
    for name in ("owner", "due", "status"):
        if (value := edits.get(edit_key(plan, item, action, name))) is not None:
            kept[edit_key(plan, item, action + 1, name)] = value
    steps = [*_steps(edits, plan, item), {"do": "split", "at": action, "texts": list(texts)}]
    return kept | {edit_key(plan, item, None, SHAPE): json.dumps(steps)}


def join(
    edits: dict[str, str], plan: int, item: int, action: int, shown: list[dict[str, Any]],
) -> dict[str, str]:
    """The draft's edits with an action joined to the next one, `shown` being the item's
    actions as the person sees them now (corrections applied). The second's corrections are
    let go: its text and owners live on in the joined action."""
    first, second = shown[action], shown[action + 1]
    text = "\n".join(t for t in (first.get("text"), second.get("text")) if t)
    corrected = [edit_key(plan, item, a, "owner") in edits for a in (action, action + 1)]
    move: dict[int, int | None] = {action + 1: None} | {a: a - 1 for a in range(action + 2, len(shown))}
    kept = _renumbered(edits, plan, item, move)
    kept.pop(edit_key(plan, item, action, "text"), None)
    if any(corrected):  # the joined action's owners are those the person sees on both
        owners = dict.fromkeys([*first.get("owners", []), *second.get("owners", [])])
        kept[edit_key(plan, item, action, "owner")] = "; ".join(owners)
    steps = [*_steps(edits, plan, item), {"do": "join", "at": action, "text": text}]
    return kept | {edit_key(plan, item, None, SHAPE): json.dumps(steps)}
