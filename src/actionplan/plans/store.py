"""Store an import draft (the JSON contract in docs/import-draft.md) as a plan, all or nothing.

Works from the draft's dictionary form, so what the preview showed is exactly what is stored.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.db import transaction
from django.utils import timezone

from .events import announce, plan_imported
from .models import (
    Action,
    Agency,
    DueKind,
    Evidence,
    Partnership,
    Plan,
    ProgressUpdate,
    Recommendation,
    Review,
    Section,
)
from .updates import record_imported_progress

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


@dataclass
class StoredPlan:
    plan: Plan
    new_agencies: list[str] = field(default_factory=list)
    matched_agencies: list[str] = field(default_factory=list)
    new_reviews: list[str] = field(default_factory=list)
    actions: int = 0
    items: int = 0


def month_date(text: str | None) -> date | None:
    """'2010-03' or '2010-03-15' → a date (the first of the month when no day is given)."""
    if not text:
        return None
    parts = [int(p) for p in text.split("-")]
    return date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)


@transaction.atomic
def store_draft(draft: dict[str, Any], partnership: Partnership, *, replace: bool = False) -> StoredPlan:
    sha256 = draft["source"]["sha256"]
    existing = Plan.objects.filter(partnership=partnership, source_sha256=sha256).first()
    if existing and not replace:
        raise DuplicateImport(draft["source"]["path"], existing)
    if existing:
        refuse_to_lose_work(existing, draft["source"]["path"])
        existing.delete()
    stored = Storer(draft, partnership).store()
    announce(plan_imported, plan_id=stored.plan.pk)
    return stored


def refuse_to_lose_work(plan: Plan, path: str) -> None:
    """Replacing a plan deletes its actions: refuse once people have worked on them."""
    actions = Action.objects.filter(recommendation__plan=plan)
    work = {
        "progress updates": ProgressUpdate.objects.filter(action__in=actions, author__isnull=False).count(),
        "pieces of evidence": Evidence.objects.filter(action__in=actions).count(),
        "links from other plans": Recommendation.linked_actions.through.objects.filter(action__in=actions)
        .exclude(recommendation__plan=plan)
        .count(),
        "actions it replaces elsewhere": Action.objects.filter(superseded_by__in=actions)
        .exclude(recommendation__plan=plan)
        .count(),
    }
    done = [f"{n} {what}" for what, n in work.items() if n]
    if done:
        raise DuplicateImport(path, plan, done)


class PreviewOnly(Exception):
    """Raised inside the preview's transaction so that nothing it wrote is kept."""


def preview_draft(draft: dict[str, Any], partnership: Partnership) -> StoredPlan:
    """What storing the draft would do (agencies matched or created, counts), storing nothing.

    It runs the real store in a transaction that is always rolled back, so the preview can
    never disagree with what confirming does."""
    try:
        with transaction.atomic():
            stored = store_draft(draft, partnership)
            raise PreviewOnly
    except PreviewOnly:
        return stored


class Storer:
    def __init__(self, draft: dict[str, Any], partnership: Partnership) -> None:
        self.draft = draft
        self.partnership = partnership
        self.agencies = list(partnership.agencies.all())
        self.reviews = {r.code.lower(): r for r in partnership.reviews.all()}
        self.review_kind = review_kind(draft["plan"].get("title") or "")

    def store(self) -> StoredPlan:
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
        plan.reviews.set([self.review(code) for code in meta.get("reviews", [])])
        sections = {
            s["name"]: Section.objects.create(
                plan=plan, order=i, name=s["name"], kind=s.get("kind") or "other"
            )
            for i, s in enumerate(self.draft.get("sections", []))
        }
        for order, item in enumerate(self.draft.get("items", []), start=1):
            section = sections.get(item.get("section") or "")
            # In plans grouped by agency, the section says whose actions they are.
            self.section_agency = section.name if section and section.kind == Section.Kind.AGENCY else None
            self.recommendation(plan, section, order, item)
        return self.result

    def recommendation(self, plan: Plan, section: Section | None, order: int, item: dict[str, Any]) -> None:
        refs = item.get("review_refs") or []
        notes = list(item.get("notes") or [])
        if any(r.lower() in ALL_REVIEWS for r in refs):
            notes.append({"column": "Review refs", "text": ", ".join(refs)})
        rec = Recommendation.objects.create(
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
        )
        self.result.items += 1
        codes = [r for r in refs if r.lower() not in ALL_REVIEWS]
        rec.reviews.set([self.review(code) for code in codes] or plan.reviews.all())
        for position, action in enumerate(item.get("actions") or []):
            self.action(rec, position, action, plan.as_at)

    def action(self, rec: Recommendation, position: int, data: dict[str, Any], as_at: date | None) -> None:
        due = data.get("due") or {}
        owners = data.get("owners") or []
        action = Action.objects.create(
            recommendation=rec,
            order=position,
            text=data.get("text") or "",
            owner=self.owner(owners),
            owner_role="; ".join(owners),
            due_text=due.get("text") or "",
            due_date=date.fromisoformat(due["date"]) if due.get("date") else None,
            due_precision=due.get("precision") or "",
            due_kind=due.get("kind") or DueKind.UNKNOWN,
            measure=data.get("measure") or "",
            rag_override=data.get("rag") or "",
            rag_override_reason="RAG rating given in the imported document" if data.get("rag") else "",
        )
        self.result.actions += 1
        self.imported_progress(action, data, as_at)

    def imported_progress(self, action: Action, data: dict[str, Any], as_at: date | None) -> None:
        """The source's own progress column, and "Completed …" due wordings, become the first update."""
        done = (data.get("due") or {}).get("kind") == DueKind.DONE
        text = data.get("progress") or ""
        if done:
            text = text or f"Recorded as done in the imported document: “{action.due_text}”."
        if text:
            record_imported_progress(
                action, text, on=as_at or timezone.localdate(), rag=data.get("rag") or "", done=done
            )

    def owner(self, owners: list[str]) -> Agency | None:
        """The agency answerable for an action. Owners are often roles ("Named Nurse"): the
        agency section the row sits in wins, then an agency named within the wording; only
        then is the first owner taken as a new agency, reported so an admin can merge it."""
        if self.section_agency:
            return self.agency(self.section_agency)
        for text in owners:
            for agency in self.agencies:
                if agency.is_named_in(text):
                    return self.matched(agency)
        return self.agency(owners[0]) if owners else None

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
