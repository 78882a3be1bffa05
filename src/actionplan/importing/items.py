"""Pending items to draft items: texts joined, refs found, actions paired, notes kept."""

from __future__ import annotations

import re

from .action_rows import Warn, build_actions, read_delivery
from .decisions import read_decision
from .delivery import numbered_scale
from .draft import Action, DraftWarning, Item, Note
from .due import reads_as_due
from .entries import Entry
from .grouping import NUMBERING, PendingItem
from .header import Layout
from .months import names_a_month

_REVIEW_SPLIT = re.compile(r"\s*(?:[,;&/]|\band\b|\(|\))\s*")
# Recognised roles with no field of their own: kept as notes under their header.
_NOTE_ROLES = {"scope", "level"}


class ItemMaker:
    def __init__(self, warnings: list[DraftWarning], c_complete: bool = False) -> None:
        self.warnings = warnings
        self.previous: Item | None = None
        self.c_complete = c_complete  # a RAG letter "C" means complete in this plan
        self.months_said: list[Layout] = []

    def make(self, pending: PendingItem) -> Item:
        layout = pending.layout
        self._say_months(layout)
        groups, notes = _by_role(pending)
        by_role = groups[0] if len(groups) == 1 else _merged(groups)
        first = pending.groups[0]
        item = Item(section=pending.section, line=first.line, page=first.page,
                    notes=[Note(column, "\n".join(texts)) for column, texts in notes.items()])
        item.ref = pending.heading_ref or _text(by_role.get("ref"))
        item.outcome = self._numbered(item, _text(by_role.get("outcome")))
        item.recommendation = self._numbered(
            item, pending.heading_text or _text(by_role.get("recommendation")))
        item.review_refs = review_refs(_text(by_role.get("review_ref")) or "")
        self._inherit_outcome(item, layout.key_role)
        self._decision(item, layout, by_role.get("decision"))
        if layout.has_action_fields:
            item.actions = self._actions(pending, groups)
        else:  # no action columns: the recommendation is tracked itself, progress and RAG on it
            item.progress = _text(by_role.get("progress"))
            item.rag, item.status = read_delivery(
                _text(by_role.get("status")) or "", _text(by_role.get("completed")) or "",
                _text(by_role.get("rag")) or "", _scale(layout),
                self._warner(first.line, first.page), self.c_complete)
        self.previous = item
        return item

    def _say_months(self, layout: Layout) -> None:
        """Once a plan: which columns were read as updates by month, and how."""
        months = [header for column, header in enumerate(layout.headers)
                  if layout.role_at(column) == "progress" and names_a_month(header)]
        if len(months) > 1 and layout not in self.months_said:
            self.months_said.append(layout)
            self.warnings.append(DraftWarning(None, (
                f"updates by month ({', '.join(months)}): the latest given on each row read "
                "as its progress, the earlier ones kept as notes")))

    def _numbered(self, item: Item, text: str | None) -> str | None:
        """"1. Maintain…" -> ref "1", text "Maintain…" (when no Ref column said it)."""
        match = NUMBERING.match(text) if text else None
        if text is None or match is None or item.ref:
            return text
        item.ref = match.group(1)
        return text[match.end():]

    def _decision(self, item: Item, layout: Layout, entries: list[Entry] | None) -> None:
        """The board's decision, when its cell clearly states one; else the cell is kept
        as a note under its header, as any column without a field is, and said (ADR 85)."""
        said = list(dict.fromkeys(e.text.strip() for e in entries or () if e.text.strip()))
        if not said:
            return  # a decision repeated on each action row of the item is read once
        text = "\n".join(said)
        item.decision = read_decision(text)
        if item.decision is None:
            column = layout.column("decision")
            header = layout.header_at(column) if column is not None else "Decision"
            item.notes.append(Note(header, text))
            self.warnings.append(DraftWarning(item.line, (
                f"{header} {text!r} is not clearly accepted, accepted in part or not "
                "accepted: kept as a note, no decision read"), item.page))

    def _inherit_outcome(self, item: Item, key_role: str) -> None:
        """A blank outcome under the one above is a merged cell: the outcome is shared."""
        previous = self.previous
        if (item.outcome is None and key_role != "outcome" and previous is not None
                and previous.section == item.section):
            item.outcome = previous.outcome

    def _actions(
        self, pending: PendingItem, groups: list[dict[str, list[Entry]]],
    ) -> list[Action]:
        actions: list[Action] = []
        for group, cells in zip(pending.groups, groups, strict=True):
            found = build_actions(cells, actions[-1] if actions else None,
                                  self._warner(group.line, group.page),
                                  _scale(pending.layout), self.c_complete)
            for action in found:
                action.line, action.page = group.line, group.page
            if found and group.action_ref:
                found[0].ref = group.action_ref
            actions.extend(found)
        return actions

    def _warner(self, line: int | None, page: int | None) -> Warn:
        def warn(message: str) -> None:
            self.warnings.append(DraftWarning(line, message, page))
        return warn


def _by_role(
    pending: PendingItem,
) -> tuple[list[dict[str, list[Entry]]], dict[str, list[str]]]:
    """Each group's entries by role (one pass for the item's fields and its actions), and
    the texts of the columns kept as notes, by header."""
    layout = pending.layout
    groups: list[dict[str, list[Entry]]] = []
    notes: dict[str, list[str]] = {}
    for group in pending.groups:
        cells: dict[str, list[Entry]] = {}
        month: int | None = None  # the month column whose update is the progress so far
        for column, entries in sorted(group.cells.items()):
            role = layout.role_at(column)
            if column == layout.owner_and_due and (
                    dates := [entry for entry in entries if reads_as_due(entry.text)]):
                cells["due"] = cells.get("due", []) + dates  # "Lead / timescale"
                entries = [entry for entry in entries if entry not in dates]
                if not entries:
                    continue
            if role is None or role in _NOTE_ROLES:
                notes.setdefault(layout.header_at(column), []).extend([e.text for e in entries])
            elif role == "progress" and names_a_month(layout.header_at(column)):
                # An update a month: the latest given is where the action stands; the
                # earlier ones are its history, kept as notes under their month.
                if month is not None:
                    notes.setdefault(layout.header_at(month), []).extend(
                        e.text for e in cells.pop("progress"))
                cells["progress"], month = entries, column
            elif role in cells:  # a second column mapped to the role by hand
                cells[role] = cells[role] + entries
            else:
                cells[role] = entries
        groups.append(cells)
    return groups, notes


def rag_cells(pending: list[PendingItem]) -> list[str]:
    """Every RAG cell of the plan, to read its key's letters by."""
    return [entry.text for item in pending for group in item.groups
            for column, entries in group.cells.items()
            if item.layout.role_at(column) == "rag" for entry in entries]


def rag_headers(pending: list[PendingItem]) -> list[str]:
    """The RAG columns' headers ("BRAG (C = complete)"), where a key may stand."""
    return list(dict.fromkeys(
        item.layout.header_at(column) for item in pending
        if (column := item.layout.column("rag")) is not None))


def _scale(layout: Layout) -> dict[str, str]:
    """The numbered statuses the status column's header gives, if any."""
    column = layout.column("status")
    return numbered_scale(layout.headers[column]) if column is not None else {}


def _merged(groups: list[dict[str, list[Entry]]]) -> dict[str, list[Entry]]:
    merged: dict[str, list[Entry]] = {}
    for cells in groups:
        for role, entries in cells.items():
            merged.setdefault(role, []).extend(entries)
    return merged


def _text(entries: list[Entry] | None) -> str | None:
    if not entries:
        return None
    return "\n".join(e.text for e in entries)


def review_refs(text: str) -> list[str]:
    """"K,O,P,Q,R" / "D, L" / "M (and All)" / "All" -> lists of review codes."""
    text = text.strip()
    return [part for part in _REVIEW_SPLIT.split(text) if part.strip()] if text else []
