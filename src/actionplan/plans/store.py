"""Store an import draft (the JSON contract in docs/import-draft.md) as a plan, all or nothing.

Works from the draft's dictionary form, so what the preview showed is exactly what is stored.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.dispatch import Signal

from .counts_touched import counted
from .draft_rows import StoredPlan, Storer
from .events import announce, plan_imported
from .models import Partnership, Plan, Theme
from .work_since_import import work_since_import

# Sent with `plan` once a plan's rows are stored. They are stored in bulk, which sends no
# signal per row: whatever follows rows as they change (the search index) listens here.
plan_stored = Signal()


class DuplicateImport(Exception):
    """The same document (same sha256) is already stored in this partnership as `existing`.

    With `work` (what people have done on it since, e.g. "2 progress updates"), replacing it was
    asked for and refused, as it would lose that work. Each interface words its own hint."""

    def __init__(self, path: str, existing: Plan, work: list[str] | None = None) -> None:
        self.path, self.existing, self.work = path, existing, work or []
        if self.work:
            done = ", ".join(self.work)
            super().__init__(
                f"{path}: '{existing.title}' cannot be replaced: it has {done} since it was imported"
            )
        else:
            super().__init__(f"{path} is already imported as '{existing.title}'")


@counted()
def store_draft(
    draft: dict[str, Any], partnership: Partnership, *, replace: bool = False,
    themes: Mapping[str, Theme] | None = None,
) -> StoredPlan:
    """`themes`: the theme each named section's recommendations are tagged with."""
    sha256 = draft["source"]["sha256"]
    existing = Plan.objects.filter(partnership=partnership, source_sha256=sha256).first()
    if existing and not replace:
        raise DuplicateImport(draft["source"]["path"], existing)
    if existing:
        existing.lock_actions()  # no work added between the look for it and the deletion
        refuse_to_lose_work(existing, draft["source"]["path"])
        existing.delete()
    stored = Storer(draft, partnership, themes).store()
    plan_stored.send(sender=Plan, plan=stored.plan)
    announce(plan_imported, plan_id=stored.plan.pk)
    return stored


def refuse_to_lose_work(plan: Plan, path: str) -> None:
    """Replacing a plan deletes its actions: refuse once people have worked on them."""
    done = work_since_import(plan)
    if done:
        raise DuplicateImport(path, plan, done)


def store_drafts(
    drafts: list[dict[str, Any]], partnership: Partnership, *, replace: bool = False,
) -> list[StoredPlan]:
    """Every plan of one document (a workbook's sheets, one plan each), all or none."""
    with counted():
        return [store_draft(draft, partnership, replace=replace) for draft in drafts]


class PreviewOnly(Exception):
    """Raised inside the preview's transaction so that nothing it wrote is kept."""


def preview_drafts(
    drafts: list[dict[str, Any]], partnership: Partnership, *, replace: bool = False,
) -> list[StoredPlan]:
    """What storing the document's plans would do (agencies matched or created, counts), storing
    nothing.

    It runs the real store of them all in one transaction that is always rolled back, so the
    preview can never disagree with what confirming does: an agency new to the partnership that
    two sheets name is created by the first and matched by the second, as the import does."""
    try:
        with counted():  # always rolled back: nothing is re-counted
            stored = store_drafts(drafts, partnership, replace=replace)
            raise PreviewOnly
    except PreviewOnly:
        return stored
