"""Actions from one action row: bullets become actions, paired with owners and dates."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from .dates import find_dates
from .delivery import read_status
from .draft import RAG_COLOURS, Action, Due, OwnerReading, Status
from .due import names_an_event, parse_due
from .entries import Entry
from .owners import owner_names, read_owner

# "a) …", "(b) …", "1a …", "A1.2: …", "2.1 Join…": the action's own ref, taken off its text. A
# number of two levels or more is a ref only before a capital: "2.5 hours" is the action's.
_LETTER = re.compile(r"^\(?([a-z](?=[.)])|\d{1,3}[a-z]|A\d{1,3}(?:\.\d{1,3})*"
                     r"|\d{1,3}(?:\.\d{1,3})+(?=\.?\s+[A-Z]))[.):]?\s+")
_DITTO = re.compile(r"^[\s\"“”„'`〃]+$|^ditto$", re.I)
_RAG_WORDS = {"r": "red", "a": "amber", "g": "green", "b": "blue", "gray": "grey",
              "complete": "blue", "completed": "blue", **{c: c for c in RAG_COLOURS},
              # The words of a BRAG key, given instead of its colours.
              "on track": "green", "off track": "red", "at risk": "amber"}
# "Green - on track", "Amber (at risk)": the colour first, then what it means.
_COLOUR_FIRST = re.compile(r"^(red|amber|green|blue|grey|gray)\b\W*(.*)$", re.I | re.S)
# The per-action fields and the cell roles they come from.
PAIRED_ROLES = ("owner", "owner_role", "due", "measure", "progress", "rag", "status",
                "completed", "action_ref")

Warn = Callable[[str], None]


def build_actions(
    cells: dict[str, list[Entry]], previous: Action | None, warn: Warn,
    scale: dict[str, str] | None = None, c_complete: bool = False,
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
    count = len(texts)
    # Each field's values for each action (the warnings in PAIRED_ROLES' order).
    owners = _per_action(cells, "owner", count, warn)
    posts = _per_action(cells, "owner_role", count, warn)
    dues = _per_action(cells, "due", count, warn)
    measures = _per_action(cells, "measure", count, warn)
    progress = _per_action(cells, "progress", count, warn)
    rags = _per_action(cells, "rag", count, warn)
    statuses = _per_action(cells, "status", count, warn)
    completions = _per_action(cells, "completed", count, warn)
    refs = _per_action(cells, "action_ref", count, warn)
    actions = []
    for index, text in enumerate(texts):
        letter = _LETTER.match(text)
        action = Action(text[letter.end():] if letter else text,
                        ref=letter.group(1) if letter else None)
        if refs:
            action.ref = " ".join(refs[index])
        # Fields in this order, for the warnings' order; a field the row lacks stays empty.
        if owners:
            action.owners, action.owner_readings = _owners(owners[index], previous, warn)
        if posts:
            _add_posts(action, " ".join(posts[index]))
        if dues:
            action.due = _due(dues[index], warn)
        if measures:
            action.measure = "\n".join(measures[index])
        if progress:
            action.progress = "\n".join(progress[index])
        if statuses or completions or rags:
            action.rag, action.status = read_delivery(
                " ".join(statuses[index]) if statuses else "",
                " ".join(completions[index]) if completions else "",
                " ".join(rags[index]) if rags else "", scale, warn, c_complete)
        actions.append(action)
        previous = action
    return actions


def _add_posts(action: Action, post: str) -> None:
    """A post from its own column ("Lead officer" beside "Lead agency"): the role of each
    owner that names none; an owner itself when the row names no other."""
    if not post.strip():
        return
    if not action.owner_readings:
        action.owners = [post]
        action.owner_readings = [OwnerReading(post, None, post)]
    for reading in action.owner_readings:
        reading.role = reading.role or post


_PROSE = ("progress", "measure")


def _per_action(
    cells: dict[str, list[Entry]], role: str, count: int, warn: Warn,
) -> list[list[str]] | None:
    """The values of one field for each of count actions; None when the row has none."""
    entries = cells.get(role)
    if not entries:
        return None
    if len(entries) == count:
        return [[e.text] for e in entries]
    values = [e.text for e in entries]
    # One action keeps its progress or measure as written, over several lines; two dates
    # or owners for one action, or any cell shared by several, are worth a look.
    if len(values) > 1 and (count > 1 or role not in _PROSE):
        warn(f"{count} action(s) but {len(values)} {role} entries; "
             f"each action keeps the whole {role} cell")
    return [values] * count


def _owners(
    values: list[str], previous: Action | None, warn: Warn,
) -> tuple[list[str], list[OwnerReading]]:
    """The owners of the action's owner entries, and each one read: an entry naming several
    ("ASC / ICB") gives each, read with the whole wording (`joint`)."""
    readings: dict[str, OwnerReading] = {}
    for value in values:
        if _DITTO.match(value):  # quotes and spaces (“ “), or "ditto"
            above = list(readings.values())[-1:] or (previous.owner_readings if previous else [])
            named = ", ".join(reading.text for reading in above) or "no owner"
            warn(f"ditto mark {value.strip()!r} read as {named}")
            # Read again, not shared: a post column of this row is this row's.
            readings.update((r.text, replace(read_owner(r.text), joint=r.joint)) for r in above)
            continue
        names = owner_names(value)
        for name in names:
            reading = readings.setdefault(name, read_owner(name))
            reading.joint = reading.joint or (" ".join(value.split()) if len(names) > 1 else None)
    return list(readings), list(readings.values())


def _due(values: list[str], warn: Warn) -> Due:
    due = parse_due(" ".join(values))
    if due.kind == "unknown" and names_an_event(due.text):
        warn(f"due when an event happens, not on a date: {due.text!r} (give it a date to "
             "track it)")
    elif due.kind == "unknown":
        warn(f"due date not understood: {due.text!r}")
    return due


def read_delivery(
    status: str, completed: str, rag: str, scale: dict[str, str] | None, warn: Warn,
    c_complete: bool = False,
) -> tuple[str | None, Status | None]:
    """A row's RAG colour and delivery status, from its status, completion and RAG cells.

    The status cell says the status; a completion cell beside it adds its wording and
    date, and alone is the status ("12/03/2024" is done then). A status word in the RAG
    column ("On track") is the status when no other cell gives one; otherwise a RAG cell
    that names no colour is warned about, its wording kept in the warning. Blue means
    complete in the board's words: with no status stated, it is the status (no other
    colour says what was done: green stays without a status; complete_rag warns of it).
    """
    found = _joined(read_status(status, scale), read_completion(completed))
    colour, meaning = rag_colour(rag, c_complete)
    if rag.strip() and colour is None:
        from_rag = read_status(rag)
        if found is None and from_rag is not None and from_rag.value:
            return None, from_rag
        warn(f"RAG rating not understood: {rag!r}")
    if found is None and colour and (from_rag := read_status(meaning)) and from_rag.value:
        # "On track": green, and in progress; the wording as written.
        found = Status(rag.strip(), from_rag.value, from_rag.date)
    if found is None and colour == "blue":
        found = Status(rag.strip(), "implemented")
    return colour, found


def rag_colour(text: str, c_complete: bool = False) -> tuple[str | None, str]:
    """The colour a RAG cell gives ("Green", "G", "On track", "Green - on track") and the
    words that say what it means ("On track", "on track"), else (None, the cell). "C" is
    blue, complete, where c_complete (the plan's key, or its other letters, say so)."""
    wording = " ".join(text.split()).rstrip(".")
    if c_complete and wording.upper() == "C":
        return "blue", wording
    if colour := _RAG_WORDS.get(wording.lower()):
        return colour, wording
    if (first := _COLOUR_FIRST.match(wording)) and first.group(2):
        return _RAG_WORDS[first.group(1).lower()], first.group(2)
    return None, wording


def _joined(status: Status | None, completion: Status | None) -> Status | None:
    if status is None or completion is None:
        return status or completion
    return Status(f"{status.text}\n{completion.text}", status.value or completion.value,
                  status.date or completion.date)


def read_completion(text: str) -> Status | None:
    """A completion cell ("12/03/2024", "Completed March 2024: training delivered"): done
    when it says so or gives a date; its wording kept either way."""
    status = read_status(text)
    if status is None or status.value:
        return status
    if dated := [found.date for found in find_dates(text) if found.date]:
        return Status(status.text, "implemented", max(dated).isoformat())
    return status
