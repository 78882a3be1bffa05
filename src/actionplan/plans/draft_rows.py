"""How a draft's rows become a plan's recommendations, actions and imported updates.

store.py decides whether a draft may be stored and announces it; this module does the storing
itself: owners matched to agencies, reviews met for the first time, rows inserted in bulk.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.utils import timezone
from simple_history.utils import bulk_create_with_history

from actionplan.importing import ImportFailure

from .bulk_tags import tag_in_bulk
from .joint_owners import share_in_bulk
from .models import (
    Action,
    Agency,
    DueKind,
    Partnership,
    Plan,
    ProgressUpdate,
    Recommendation,
    Review,
    Section,
    Theme,
)
from .owner_match import match_agency, owner_readings, owner_wording
from .status import DeliveryStatus
from .updates import IMPORTED_RAG_REASON, imported_progress

# Rows per INSERT when storing a plan's rows in bulk.
BATCH = 500
# A row of the draft ready to store: its recommendation (unsaved), the reviews it answers, and
# its actions' data each with the agencies that own it (the lead first).
Row = tuple[Recommendation, list[Review], list[tuple[list[Agency], dict[str, Any]]]]

# Review refs meaning "every review of the plan" rather than a review's code.
ALL_REVIEWS = {"all", "all reviews"}

# The kind of review a plan's title speaks of, for reviews first met in an import.
REVIEW_KIND_WORDS = [
    ("serious case review", Review.Kind.SCR),
    ("safeguarding adult review", Review.Kind.SAR),
    ("domestic homicide review", Review.Kind.DHR),
    ("domestic abuse related death review", Review.Kind.DARDR),
    ("rapid review", Review.Kind.RAPID_REVIEW),
    ("practice review", Review.Kind.CSPR_LOCAL),
]


def review_kind(title: str) -> str:
    words = title.lower()
    return next((kind for phrase, kind in REVIEW_KIND_WORDS if phrase in words), Review.Kind.OTHER)


def names_nothing(item: dict[str, Any]) -> bool:
    """A row with no recommendation's words, no outcome and no reference: stored, it would be a
    recommendation with empty text that no one could tell from another (a table with no column
    read as the recommendations, e.g. "Action, Lead, Target date" alone)."""
    return not any((item.get(field) or "").strip() for field in ("recommendation", "outcome", "ref"))


class UnnamedRows(ImportFailure):
    """Rows that would be stored as recommendations with nothing to name them: nothing is
    stored. The person says which column holds the recommendations or gives each row its
    own; nothing is invented for them."""

    def __init__(self, path: str, lines: list[int | None]) -> None:
        more = len(lines) - 1
        others = f" ({more} more row{'s' if more != 1 else ''} like it)" if more else ""
        super().__init__(path, (
            f"no recommendation was read for this row's actions, nor an outcome or a reference{others}. "
            "Say which column holds the recommendations, or give each row its recommendation; "
            "nothing was stored"), line=lines[0])


def refuse_unnamed_rows(draft: dict[str, Any]) -> None:
    """UnnamedRows for a draft with any row naming nothing (names_nothing)."""
    lines = [item.get("line") for item in draft.get("items", []) if names_nothing(item)]
    if lines:
        raise UnnamedRows(draft["source"]["path"], lines)


@dataclass
class StoredPlan:
    plan: Plan
    new_agencies: list[str] = field(default_factory=list)
    matched_agencies: list[str] = field(default_factory=list)
    owners_to_map: list[str] = field(default_factory=list)  # no agency named or matched
    new_reviews: list[str] = field(default_factory=list)
    actions: int = 0
    items: int = 0
    updated: bool = False  # an updated version applied to this stored plan (plan_update.py)


def month_date(text: str | None) -> date | None:
    """'2010-03' or '2010-03-15' → a date (the first of the month when no day is given)."""
    if not text:
        return None
    parts = [int(p) for p in text.split("-")]
    return date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)


class Storer:
    def __init__(
        self, draft: dict[str, Any], partnership: Partnership, themes: Mapping[str, Theme] | None = None
    ) -> None:
        self.draft = draft
        self.partnership = partnership
        self.themes = themes or {}  # section name -> the theme its recommendations are tagged with
        self.section_themes: dict[int, Theme] = {}  # section id -> that theme, once the sections are stored
        self.agencies = list(partnership.agencies.all())
        self.reviews = {r.code.lower(): r for r in partnership.reviews.all()}
        self.review_kind = review_kind(draft["plan"].get("title") or "")

    def store(self) -> StoredPlan:
        """The plan, then its rows in a few bulk inserts (recommendations, their reviews and
        themes, actions, the imported updates), each with its history rows, rather than a save
        per row: a plan of thousands of rows is stored in seconds."""
        refuse_unnamed_rows(self.draft)
        meta, source = self.draft["plan"], self.draft["source"]
        plan = Plan.objects.create(
            partnership=self.partnership,
            title=meta.get("title") or source["path"],
            kind=meta.get("kind") or Plan.Kind.REVIEW_ACTION_PLAN,
            as_at=month_date(meta.get("date")),
            source_name=source["path"].rsplit("/", 1)[-1],
            source_sha256=source["sha256"],
        )
        self.result = StoredPlan(plan)
        self.plan_reviews = [self.review(code) for code in meta.get("reviews", [])]
        plan.reviews.set(self.plan_reviews)
        sections = {
            s["name"]: Section.objects.create(
                plan=plan, order=i, name=s["name"], kind=s.get("kind") or "other"
            )
            for i, s in enumerate(self.draft.get("sections", []))
        }
        self.section_themes = {s.pk: self.themes[name] for name, s in sections.items() if name in self.themes}
        rows: list[Row] = []
        for order, item in enumerate(self.draft.get("items", []), start=1):
            section = sections.get(item.get("section") or "")
            # In plans grouped by agency, the section says whose actions they are.
            self.section_agency = section.name if section and section.kind == Section.Kind.AGENCY else None
            rows.append(self.recommendation(plan, section, order, item))
        self.store_rows(rows, plan.as_at)
        return self.result

    def store_rows(self, rows: list[Row], as_at: date | None) -> None:
        recommendations = bulk_create_with_history([rec for rec, _, _ in rows], Recommendation, BATCH)
        Recommendation.reviews.through.objects.bulk_create(
            [Recommendation.reviews.through(recommendation=rec, review=review)
             for rec, (_, reviews, _) in zip(recommendations, rows, strict=True) for review in reviews],
            batch_size=BATCH,
        )
        tag_in_bulk(self.result.plan, [(rec, self.section_themes[rec.section_id]) for rec in recommendations
                                       if rec.section_id in self.section_themes], BATCH)
        actions = [
            (self.action(rec, position, owners, data), data)
            for rec, (_, _, owned) in zip(recommendations, rows, strict=True)
            for position, (owners, data) in enumerate(owned)
        ]
        self.store_actions(actions, as_at)
        self.result.items, self.result.actions = len(recommendations), len(actions)

    def store_actions(self, actions: list[tuple[Action, dict[str, Any]]], as_at: date | None) -> None:
        """Unsaved actions, each with its draft data, stored with their imported progress."""
        updates = [u for action, data in actions if (u := self.imported_progress(action, data, as_at))]
        bulk_create_with_history([action for action, _ in actions], Action, BATCH)
        share_in_bulk([action for action, _ in actions], BATCH)
        bulk_create_with_history(updates, ProgressUpdate, BATCH)

    def recommendation(
        self, plan: Plan, section: Section | None, order: int, item: dict[str, Any]
    ) -> Row:
        """The row's recommendation (unsaved), the reviews it answers and its actions' data."""
        refs = item.get("review_refs") or []
        notes = list(item.get("notes") or [])
        if any(r.lower() in ALL_REVIEWS for r in refs):
            notes.append({"column": "Review refs", "text": ", ".join(refs)})
        rec = Recommendation(
            plan=plan,
            section=section,
            order=order,
            ref=item.get("ref") or "",
            outcome=item.get("outcome") or "",
            text=item.get("recommendation") or "",
            progress=item.get("progress") or "",
            rag=item.get("rag") or "",
            notes=notes,
            source_line=item.get("line"),
            **decision_of(item.get("decision")),
        )
        codes = [r for r in refs if r.lower() not in ALL_REVIEWS]
        # Owners are matched row by row, so new agencies are created in the order they are met.
        actions = [(self.owners(owner_readings(data, self.agencies)), data)
                   for data in item.get("actions") or []]
        return rec, [self.review(code) for code in codes] or self.plan_reviews, actions

    def action(
        self, rec: Recommendation, position: int, owners: list[Agency], data: dict[str, Any]
    ) -> Action:
        """The action (unsaved), its lead the first of `owners`, the others its joint owners
        once stored (`share_in_bulk`)."""
        due = data.get("due") or {}
        action = Action(
            recommendation=rec,
            order=position,
            ref=(data.get("ref") or "")[:50],
            text=data.get("text") or "",
            owner=owners[0] if owners else None,
            owner_role=owner_wording(owner_readings(data, self.agencies)),
            due_text=due.get("text") or "",
            due_date=date.fromisoformat(due["date"]) if due.get("date") else None,
            due_precision=due.get("precision") or "",
            due_kind=due.get("kind") or DueKind.UNKNOWN,
            measure=data.get("measure") or "",
            rag_override=data.get("rag") or "",
            rag_override_reason=IMPORTED_RAG_REASON if data.get("rag") else "",
        )
        action.sharing = owners[1:]
        return action

    def imported_progress(
        self, action: Action, data: dict[str, Any], as_at: date | None
    ) -> ProgressUpdate | None:
        """The source's own progress column, its status wording and "Completed …" due
        wordings become the first update. Done and in progress are taken as they are; any
        other status needs what the board's rules ask for (a revised date, a reason), so its
        wording is recorded for a person to act on."""
        status = data.get("status") or {}
        done = (data.get("due") or {}).get("kind") == DueKind.DONE or (
            status.get("value") == DeliveryStatus.IMPLEMENTED)
        text = data.get("progress") or ""
        taken: DeliveryStatus | None = None
        if done:
            taken = DeliveryStatus.IMPLEMENTED
            said = status.get("text") or action.due_text
            text = text or f"Recorded as done in the imported document: “{said}”."
        elif status.get("value") == DeliveryStatus.IN_PROGRESS:
            taken = DeliveryStatus.IN_PROGRESS
        if status.get("text") and not done:
            text = "\n".join(filter(None, [
                text, f"Status in the imported document: “{status['text']}”."]))
        on, rag = as_at or timezone.localdate(), data.get("rag") or ""
        return imported_progress(action, text, on=on, rag=rag, status=taken)

    def owners(self, readings: list[dict[str, Any]]) -> list[Agency]:
        """The agencies answerable for an action, the lead first (the others are its joint
        owners, ADR 78). Owners are often roles ("Named Nurse"): the agency section the row
        sits in leads, then an agency an owner names that matches one of the partnership's
        with confidence, then a new agency an owner names. An owner naming no agency (a post
        alone) is left for the person importing to map: a job title is never made an agency.
        Under an agency's section, the section says whose the actions are: no agency is made
        of an owner's wording there, as a post in it often names another ("NSCB Manager")."""
        matches = [(reading, match_agency(reading, self.agencies)) for reading in readings]
        found = [self.matched(match.agency) for _, match in matches if match]
        if self.section_agency:
            found.insert(0, self.agency(self.section_agency))
        else:
            found += [self.agency(r["agency"]) for r, match in matches
                      if not match and r.get("agency")]
        if not found:
            for reading in readings:
                if reading["text"] not in self.result.owners_to_map:
                    self.result.owners_to_map.append(reading["text"])
        return list(dict.fromkeys(found))

    def matched(self, agency: Agency) -> Agency:
        if agency.name not in self.result.matched_agencies + self.result.new_agencies:
            self.result.matched_agencies.append(agency.name)
        return agency

    def agency(self, name: str) -> Agency:
        for agency in self.agencies:
            if agency.is_called(name):
                return self.matched(agency)
        agency = Agency.objects.create(partnership=self.partnership, name=name[:200])
        self.agencies.append(agency)
        self.result.new_agencies.append(agency.name)
        return agency

    def review(self, code: str) -> Review:
        key = code.strip().lower()
        if key not in self.reviews:
            self.reviews[key] = Review.objects.create(
                partnership=self.partnership, code=code.strip()[:50], kind=self.review_kind
            )
            self.result.new_reviews.append(code.strip())
        return self.reviews[key]


def decision_of(decision: dict[str, Any] | None) -> dict[str, str]:
    """The recommendation's decision and reason from the draft's (ADR 85). One accepted only
    in part, or not, always says why: where the document gives no reason, that it gave none
    is the reason recorded, in its own words, so that nothing is invented."""
    if not decision or decision.get("value") not in Recommendation.Decision.values:
        return {}
    reason = decision.get("reason") or ""
    if decision["value"] != Recommendation.Decision.ACCEPTED and not reason:
        reason = f"No reason given in the imported document: “{decision['text']}”."
    return {"decision": decision["value"], "decision_reason": reason}
