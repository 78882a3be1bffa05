"""What a workbook's cover sheet says of the plans on the sheets behind it.

A cover (a sheet with no plan table: a contents page, the board's title block) names the
board and the date for sheets whose own titles do not. When it names one plan (one review,
or a kind of plan and no review), no sheet behind it has a title of its own and none is
named after a review or a plan, the sheets are parts of that one plan (a sheet a
recommendation, a sheet an agency), not plans of their own: they are read as one draft
(ADR 0081). A contents page naming two reviews lists two plans.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

from .draft import DraftWarning, Plan, PlanDraft, Section, Source
from .metadata import names_a_plan, read_plan
from .sections import make_sections


def from_cover(drafts: list[PlanDraft], cover_lines: Sequence[str], stem: str,
               data: bytes) -> list[PlanDraft]:
    """The drafts with the cover's board and date; one draft when they are one plan's parts."""
    if not cover_lines:
        return drafts
    cover = read_plan(cover_lines, [], stem)
    if (len(drafts) > 1 and _one_plan(cover) and all(_untitled(draft, stem) for draft in drafts)
            and not any(_names_a_plan(draft.source.sheet or "", cover) for draft in drafts)):
        return [_joined(drafts, cover, data)]
    for draft in drafts:
        draft.plan.board = draft.plan.board or cover.board
        draft.plan.date = draft.plan.date or cover.date
    return drafts


def _one_plan(cover: Plan) -> bool:
    """A cover naming one review, or a kind of plan and no review. A contents page naming
    two reviews lists plans, not the parts of one: joined, they would be one plan of both."""
    return len(cover.reviews) == 1 or (not cover.reviews and names_a_plan(cover.title or ""))


def _names_a_plan(sheet: str, cover: Plan) -> bool:
    """A sheet named after a review (the cover's, or any) or a kind of plan holds a plan of
    its own, whatever the cover says: its parts are never named so."""
    own = read_plan([sheet], [], sheet)
    reviews = {review.casefold() for review in cover.reviews}
    return " ".join(sheet.split()).casefold() in reviews or bool(own.reviews) or names_a_plan(sheet)


def _untitled(draft: PlanDraft, stem: str) -> bool:
    """A sheet that names no board, review or plan of its own above its table."""
    plan = draft.plan
    return plan.board is None and not plan.reviews and plan.title == stem


def _joined(drafts: list[PlanDraft], cover: Plan, data: bytes) -> PlanDraft:
    """One draft of the sheets' items in order. A sheet's name (an agency's, a
    recommendation's) is the section of its items that have none; each warning names its
    sheet too, since the sheets' line numbers repeat."""
    first = drafts[0].source
    sheets = [draft.source.sheet or "" for draft in drafts]
    warnings = [DraftWarning(None, "sheets " + ", ".join(map(repr, sheets)) + " read as one "
                                   f"plan: {cover.title or ', '.join(cover.reviews)}")]
    sections: dict[str, Section] = {}
    for draft, sheet in zip(drafts, sheets, strict=True):
        cover.notes.extend(draft.plan.notes)
        warnings.extend(DraftWarning(w.line, f"sheet {sheet!r}: {w.message}", w.page)
                        for w in draft.warnings)
        sections.update((section.name, section) for section in draft.sections)
        for item in draft.items:
            if item.section is None:
                item.section = sheet
                sections.setdefault(sheet, make_sections([sheet], cover.kind)[0])
    return PlanDraft(Source(first.path, first.format, hashlib.sha256(data).hexdigest()),
                     cover, list(sections.values()), [item for draft in drafts for item in draft.items],
                     warnings)
