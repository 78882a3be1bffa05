"""A stored plan a document being imported is likely a later version of (ADR 0086).

Boards re-issue the same plan each quarter under the same title with a version or date added
("v3", "(updated March 2026)"). Imported as new, it would store every action twice, so the
import says so and asks. Saying which plan it updates stays the person's choice: this only
suggests.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db.models import Max
from django.utils import timezone

from .models import Partnership, Plan
from .plan_update import UPDATED_FROM

MONTHS = ("jan", "january", "feb", "february", "mar", "march", "apr", "april", "may", "jun", "june",
          "jul", "july", "aug", "august", "sep", "sept", "september", "oct", "october", "nov",
          "november", "dec", "december")
# Words that say which version or when, not which plan: trimmed from the end of a title.
VERSION_WORDS = frozenset({
    *MONTHS, "v", "ver", "version", "rev", "revision", "issue", "draft", "final", "updated", "update",
    "amended", "revised", "refreshed", "as", "at", "of", "q1", "q2", "q3", "q4", "fy",
})
VERSION_TOKEN = re.compile(r"(v|q|fy)?\d+(st|nd|rd|th)?")


def normalised_title(title: str) -> str:
    """The title without case, punctuation, spacing, or the version and date at its end:
    "Child T Action Plan - v3 (updated March 2026)" is "child t action plan"."""
    words = re.sub(r"[^0-9a-z]+", " ", title.lower()).split()
    while words and (words[-1] in VERSION_WORDS or VERSION_TOKEN.fullmatch(words[-1])):
        words.pop()
    return " ".join(words)


def _codes(codes: list[str]) -> frozenset[str]:
    return frozenset(c.strip().lower() for c in codes if c.strip())


@dataclass(frozen=True)
class EarlierVersion:
    """A stored plan suggested as the one a document's plan updates, with what identifies it."""

    plan: Plan
    imported_on: date
    file_name: str

    @property
    def closed_on(self) -> date | None:
        return self.plan.closed_on


def likely_earlier_versions(partnership: Partnership, draft_plan: dict[str, Any]) -> list[EarlierVersion]:
    """The partnership's stored plans (closed ones too) this draft is likely a later version
    of, newest first: the same title once normalised, unless both name reviews and share
    none (two reviews' plans both called "Action plan"); or the same kind of plan answering
    the same reviews. Never the plan stored from this very document (that is a duplicate)."""
    meta = draft_plan["plan"]
    title = normalised_title(meta.get("title") or "")
    reviews = _codes(meta.get("reviews") or [])
    sha256 = draft_plan["source"].get("sha256") or ""
    matched: list[Plan] = []
    stored = partnership.plans.prefetch_related("reviews").order_by("-created_at", "-pk")
    for plan in stored:
        if sha256 and plan.source_sha256 == sha256:
            continue
        theirs = _codes([r.code for r in plan.reviews.all()])
        same_title = bool(title) and normalised_title(plan.title) == title and not (
            reviews and theirs and not reviews & theirs)
        same_reviews = bool(reviews) and reviews == theirs and plan.kind == meta.get("kind")
        if same_title or same_reviews:
            matched.append(plan)
    stored_on = _last_stored(matched)
    return [EarlierVersion(plan, stored_on[plan.pk], plan.source_name) for plan in matched]


def _last_stored(plans: list[Plan]) -> dict[int, date]:
    """The day each plan was last stored from a document: an update's, else its import's (one
    query for them all)."""
    updated = dict(Plan.history.filter(id__in=[plan.pk for plan in plans],
                                       history_change_reason__startswith=UPDATED_FROM)
                   .values("id").annotate(last=Max("history_date")).values_list("id", "last"))
    return {plan.pk: timezone.localdate(updated.get(plan.pk) or plan.created_at) for plan in plans}
