"""The reviews an import draft names: its own reviews' facts, and a composite plan's case
references linked to the partnership's reviews. A case reference names a new review only when
the person importing says so: "D" or "L" in an "SCR Ref" column is not a review by itself."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from .draft_rows import ALL_REVIEWS, StoredPlan
from .models import ImportDraft, Partnership, Review

NEW, NOT_A_REVIEW = "new", "none"


@dataclass
class CaseReference:
    code: str
    rows: int
    existing: Review | None  # a review of the partnership with this code
    choice: dict[str, str] | None

    @property
    def needs_choice(self) -> bool:
        return self.existing is None and self.choice is None


def case_references(draft: ImportDraft, plans: Iterable[dict[str, Any]]) -> list[CaseReference]:
    """Each review reference of the plans' rows once, as the document wrote it."""
    existing = {r.code.lower(): r for r in draft.partnership.reviews.all()}
    found: dict[str, CaseReference] = {}
    for plan in plans:
        for item in plan["items"]:
            for code in item.get("raw_review_refs", item["review_refs"]):
                if code.lower() in ALL_REVIEWS:
                    continue
                if code in found:
                    found[code].rows += 1
                else:
                    found[code] = CaseReference(code, 1, existing.get(code.lower()), draft.reviews.get(code))
    return list(found.values())


def unknown_references(partnership: Partnership, plans: Iterable[dict[str, Any]]) -> dict[str, int | None]:
    """The case references of the plans' rows naming no review of the partnership, each once
    with the line it is first met on: storing them would make a review of each."""
    known = {code.strip().lower() for code in partnership.reviews.values_list("code", flat=True)}
    found: dict[str, int | None] = {}
    for plan in plans:
        for item in plan["items"]:
            for code in item["review_refs"]:
                if code.strip().lower() not in ALL_REVIEWS | known:
                    found.setdefault(code, item.get("line"))
    return found


def link_references(draft: ImportDraft, plan: dict[str, Any]) -> None:
    """Apply the person's choices to the plan's rows, in place: a reference linked to a review
    takes its code; one not yet chosen for, naming no review, is kept as a note of the row
    (so that no review is made of it); "not a review" likewise. The plan's own reviews
    gathered from its rows follow their rows; one read from its title stays."""
    codes = {str(r.pk): r.code for r in draft.partnership.reviews.all()}
    known = {code.lower() for code in codes.values()}

    def linked(code: str) -> str | None:
        link = (draft.reviews.get(code) or {}).get("link")
        if link in codes:
            return codes[link]
        if link == NEW or code.lower() in known or code.lower() in ALL_REVIEWS:
            return code
        return None

    in_rows: set[str] = set()
    for item in plan["items"]:
        item["raw_review_refs"] = list(item["review_refs"])
        in_rows.update(item["review_refs"])
        item["review_refs"] = [c for code in item["review_refs"] if (c := linked(code))]
        if left := [code for code in item["raw_review_refs"] if linked(code) is None]:
            item.setdefault("notes", []).append({"column": "Review refs not linked", "text": ", ".join(left)})
    meta = plan["plan"]
    meta["reviews"] = list(dict.fromkeys(
        c for code in meta["reviews"] if (c := linked(code) if code in in_rows else code)))


def record_facts(draft: ImportDraft, stored: StoredPlan) -> None:
    """The facts the person gave for the reviews this import creates."""
    for code in stored.new_reviews:
        facts = draft.reviews.get(code) or {}
        review = Review.objects.get(partnership=draft.partnership, code=code[:50])
        review.kind = facts.get("kind") or review.kind
        review.title = (facts.get("title") or review.title)[:300]
        review.pseudonym = (facts.get("pseudonym") or review.pseudonym)[:200]
        review.author = (facts.get("author") or review.author)[:300]
        review.started_on = _date(facts.get("commissioned")) or review.started_on
        review.published_on = _date(facts.get("published")) or review.published_on
        review.published = review.published or review.published_on is not None
        review.save()


def _date(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None
