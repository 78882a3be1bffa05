"""Helpers shared by the importer tests."""

from __future__ import annotations

from actionplan.importing import PlanDraft
from actionplan.importing.draft import Item


def find_item(draft: PlanDraft, start: str) -> Item:
    """The one item whose recommendation (or outcome, or first action) starts so."""
    found = [
        item for item in draft.items
        if (item.recommendation or item.outcome or item.actions[0].text).startswith(start)
    ]
    assert len(found) == 1, f"{len(found)} items start with {start!r}"
    return found[0]
