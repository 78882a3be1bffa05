"""What the page of an import in progress shows: each plan read, its warnings beside the row
they are about, the owners to choose for, the columns to map, and how much is left to look at."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from actionplan.plans import import_drafts
from actionplan.plans.draft_owners import Owner, owners_of
from actionplan.plans.draft_reviews import case_references
from actionplan.plans.draft_rows import names_nothing
from actionplan.plans.draft_themes import section_themes, themes_of
from actionplan.plans.import_drafts import COLUMN_ROLES, PlanPreview, Reading
from actionplan.plans.models import ImportDraft, Plan, Review


@dataclass
class PlanPage:
    number: int
    preview: PlanPreview
    general: list[dict[str, Any]]  # warnings about no one row
    by_item: dict[int, list[dict[str, Any]]] = field(default_factory=dict)
    unnamed: set[int] = field(default_factory=set)  # rows naming no recommendation: not storable

    @property
    def warnings(self) -> int:
        """The warnings not yet marked as checked."""
        every = [*self.general, *(w for ws in self.by_item.values() for w in ws)]
        return sum(not w["checked"] for w in every)


def place_warnings(plan: dict[str, Any]) -> tuple[list[dict[str, Any]], dict[int, list[dict[str, Any]]]]:
    """Each warning with a line goes beside the row that line falls in (the last item starting
    at or before it); the others are about the document as a whole."""
    starts = [(item.get("line"), i) for i, item in enumerate(plan["items"]) if item.get("line")]
    general: list[dict[str, Any]] = []
    by_item: dict[int, list[dict[str, Any]]] = {}
    for warning in plan["warnings"]:
        line = warning.get("line")
        before = [i for start, i in starts if line is not None and start <= line]
        if before:
            by_item.setdefault(before[-1], []).append(warning)
        else:
            general.append(warning)
    return general, by_item


def column_rows(draft: ImportDraft, reading: Reading) -> list[dict[str, Any]]:
    """One row a column: its header, the role chosen or read, and how sure the reading is
    (of a role read: a column not recognised is not recognised at any confidence)."""
    if reading.columns:
        return [{"header": c.header, "role": draft.columns.get(c.header) or c.role or "notes",
                 "read": COLUMN_ROLES.get(c.role or "", "Not recognised"),
                 "confidence": round(c.confidence * 100) if c.role else None}
                for c in reading.columns if c.header]
    return [{"header": header, "role": role, "read": None, "confidence": None}
            for header, role in draft.columns.items()]


def new_reviews(plans: list[PlanPage]) -> list[str]:
    """The reviews confirming would create, each once, in the document's order."""
    codes = [code for p in plans if p.preview.outcome for code in p.preview.outcome.new_reviews]
    return list(dict.fromkeys(codes))


def unlinked(plan: dict[str, Any]) -> bool:
    """A review's action plan whose document names no review: one to link in the preview."""
    meta = plan["plan"]
    return meta.get("kind") == Plan.Kind.REVIEW_ACTION_PLAN and not meta.get("reviews")


def preview_page(request: HttpRequest, draft: ImportDraft, status: int = 200) -> HttpResponse:
    reading = import_drafts.read(draft)
    owners: list[Owner] = owners_of(draft, reading.plans)
    plans = []
    for number, preview in enumerate(import_drafts.preview(draft, reading)):
        general, by_item = place_warnings(preview.plan)
        unnamed = {i for i, item in enumerate(preview.plan["items"]) if names_nothing(item)}
        plans.append(PlanPage(number, preview, general, by_item, unnamed))
    references = case_references(draft, reading.plans)
    counts = {
        ("column", "columns", "to map"): len(reading.columns) if reading.refusal else 0,
        ("case reference", "case references", "to link to a review"):
            sum(r.needs_choice for r in references),
        ("review action plan", "review action plans", "naming no review: link each to one"):
            sum(unlinked(p.preview.plan) for p in plans),
        ("owner", "owners", "to choose an agency for"): sum(o.needs_choice for o in owners),
        ("warning", "warnings", "to check"): sum(p.warnings for p in plans),
        ("row", "rows", "with no recommendation: map its column or correct the row"):
            sum(len(p.unnamed) for p in plans),
        ("plan", "plans", "to say whether it updates a stored one"):
            sum(not p.preview.answered for p in plans),
    }
    left = {f"{one if n == 1 else many} {what}": n for (one, many, what), n in counts.items()}
    return render(request, "web/import_preview.html", {
        "draft": draft, "reading": reading, "plans": plans, "owners": owners,
        "columns": column_rows(draft, reading), "roles": COLUMN_ROLES,
        "agencies": list(draft.partnership.agencies.all()), "left": left, "references": references,
        "reviews": list(draft.partnership.reviews.all()), "review_kinds": Review.Kind.choices,
        "plan_kinds": Plan.Kind.choices,
        "stored_plans": list(draft.partnership.plans.all()),
        "sections": section_themes(draft, reading.plans), "themes": themes_of(draft),
        "new_reviews": new_reviews(plans),
        "left_total": sum(left.values()),
        "unnamed_rows": sum(len(p.unnamed) for p in plans),
        "unanswered": sum(not p.preview.answered for p in plans),
    }, status=status)
