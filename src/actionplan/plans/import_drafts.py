"""Imports in progress: a document read again with the person's corrections, previewed, and
stored whole on confirm.

An ImportDraft keeps the uploaded bytes and what the person decided (the columns' roles, the
owners' agencies and posts, the corrections of the contents); every page reads the document
again from them, so a change of a column's role re-reads the whole plan at once. Nothing of the
plan is in the database before `confirm`, which stores every plan of the document, and the
owners' agencies remembered as aliases, in one transaction.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction

from actionplan.importing import ColumnReading, ImportFailure, parse_plans_bytes, read_columns

from .draft_edits import apply_edits
from .draft_reviews import link_references, record_facts
from .models import Agency, ImportDraft, Partnership, User
from .owner_match import AgencyMatch, likely_agencies, match_agency, owner_readings
from .store import DuplicateImport, StoredPlan, store_draft

# The roles a column can have, in the words the person choosing sees.
COLUMN_ROLES = {
    "ref": "Reference of the recommendation",
    "action_ref": "Reference of the action",
    "review_ref": "Reviews the row came from",
    "section": "Section or theme",
    "outcome": "Outcome, objective or learning point",
    "recommendation": "Recommendation",
    "action": "Action",
    "owner": "Owner (agency)",
    "owner_role": "Owner's post",
    "due": "Due date or timescale",
    "measure": "Measure of success or evidence",
    "progress": "Progress",
    "status": "Delivery status",
    "rag": "RAG rating",
    "completed": "Date completed",
    "scope": "Scope",
    "level": "Level",
    "notes": "Notes (kept, not read)",
}
NEW_AGENCY, NO_AGENCY = "new", "none"


def parse_document(
    data: bytes, file_name: str, columns: Mapping[str, str] | None,
) -> tuple[list[dict[str, Any]], tuple[ColumnReading, ...]]:
    """The one place an uploaded document is parsed: each plan it holds as the draft's JSON,
    and how its header's columns were read. ImportFailure when it cannot be read."""
    plans = [draft.to_dict() for draft in parse_plans_bytes(data, file_name, columns=columns or None)]
    return plans, read_columns(data, file_name, columns=columns or None)


@dataclass
class Reading:
    """A draft's document as read now: its plans and how its columns were read, or why it
    was refused with the best reading of each column of the header that was not recognised."""

    plans: list[dict[str, Any]] = field(default_factory=list)
    refusal: str | None = None
    columns: tuple[ColumnReading, ...] = ()


def start(owner: User, partnership: Partnership, file_name: str, data: bytes) -> ImportDraft:
    """Keep an upload as an import in progress. A document the importer refuses outright is
    refused here (ImportFailure); one whose header was not recognised is kept, for its
    columns to be mapped."""
    try:
        plans, _ = parse_document(data, file_name, None)
        first = plans[0]["source"]
        fmt, sha256 = first["format"], first["sha256"]
    except ImportFailure as failure:
        if not failure.columns:
            raise
        fmt, sha256 = file_name.rsplit(".", 1)[-1].lower(), hashlib.sha256(data).hexdigest()
    return ImportDraft.objects.create(
        owner=owner, partnership=partnership, file_name=file_name, format=fmt, sha256=sha256,
        document=data)


def read(draft: ImportDraft, *, settle: bool = True) -> Reading:
    """The draft's document read again with the person's columns, edits and owners' posts
    (unsettled: rows marked "not an action" left in place, see draft_edits)."""
    try:
        plans, columns = parse_document(bytes(draft.document), draft.file_name, draft.columns)
    except ImportFailure as failure:
        return Reading(refusal=str(failure), columns=failure.columns)
    for number, plan in enumerate(plans):
        apply_edits(plan, number, draft.edits, settle=settle)
        link_references(draft, plan)
        for reading in _readings(plan):
            choice = draft.owners.get(reading["text"])
            if choice:
                reading["role"] = choice.get("role") or None
                if choice["agency"] == NO_AGENCY:  # the person says it names no agency
                    reading["agency"] = None
    return Reading(plans, columns=columns)


def _readings(plan: dict[str, Any]) -> list[dict[str, Any]]:
    """Every owner reading of the plan's actions, as the store will read them."""
    found = []
    for item in plan["items"]:
        for action in item["actions"]:
            action["owner_readings"] = owner_readings(action)
            found.extend(action["owner_readings"])
    return found


@dataclass
class Owner:
    """One owner wording of the document, shown once whatever the number of its actions."""

    text: str
    agency: str | None  # the agency the wording names, as read
    role: str | None
    actions: int
    matched: AgencyMatch | None  # a confident match: attached without asking
    likely: list[AgencyMatch]
    choice: dict[str, str] | None

    @property
    def needs_choice(self) -> bool:
        return self.choice is None and self.matched is None


def owners_of(draft: ImportDraft, reading: Reading) -> list[Owner]:
    agencies = list(draft.partnership.agencies.all())
    owners: dict[str, Owner] = {}
    for plan in reading.plans:
        for found in _readings(plan):
            if found["text"] in owners:
                owners[found["text"]].actions += 1
                continue
            owners[found["text"]] = Owner(
                found["text"], found.get("agency"), found.get("role"), 1,
                match_agency(found, agencies), likely_agencies(found, agencies),
                draft.owners.get(found["text"]))
    return list(owners.values())


def correct(draft: ImportDraft, changes: Mapping[str, str]) -> None:
    """Keep corrections of the contents (edit key -> value, see draft_edits)."""
    draft.edits = {**draft.edits, **changes}
    draft.save(update_fields=["edits", "updated_at"])


def describe_review(draft: ImportDraft, code: str, facts: Mapping[str, str]) -> None:
    """Record what the person says of a review the document names: the review it is (a
    number), a new one ("new") or none ("none"), and a new review's facts."""
    draft.reviews = {**draft.reviews, code: dict(facts)}
    draft.save(update_fields=["reviews", "updated_at"])


def choose_owner(draft: ImportDraft, text: str, agency: str, name: str, role: str) -> None:
    """Record the person's choice for an owner wording: an agency's number, NEW_AGENCY (named
    `name`) or NO_AGENCY, and the post it names."""
    draft.owners = {**draft.owners, text: {"agency": agency, "name": name.strip(), "role": role.strip()}}
    draft.save(update_fields=["owners", "updated_at"])


def remember_owners(draft: ImportDraft) -> list[str]:
    """Each chosen agency learns the owner's wording as an alias, so that this import and the
    next one naming it attach its actions to it without asking. Gives the agencies created."""
    agencies = {str(a.pk): a for a in draft.partnership.agencies.all()}
    created = []
    for text, choice in draft.owners.items():
        if choice["agency"] == NEW_AGENCY:
            agency, new = Agency.objects.get_or_create(
                partnership=draft.partnership, name=(choice.get("name") or text)[:200])
            if new:
                created.append(agency.name)
        elif choice["agency"] in agencies:
            agency = agencies[choice["agency"]]
        else:
            continue  # no agency: the wording stays the action's owner post alone
        if not agency.is_called(text):
            agency.aliases = [*agency.aliases, text]
            agency.save(update_fields=["aliases"])
    return created


class PreviewOnly(Exception):
    """Raised inside the preview's transaction so that nothing it wrote is kept."""


@dataclass
class PlanPreview:
    plan: dict[str, Any]
    outcome: StoredPlan | None
    refusal: str | None


def preview(draft: ImportDraft, reading: Reading) -> list[PlanPreview]:
    """What confirming would store, from the same code, in a transaction always rolled back."""
    previews: list[PlanPreview] = []
    try:
        with transaction.atomic():
            created = remember_owners(draft)
            for plan in reading.plans:
                try:
                    outcome = store_draft(plan, draft.partnership)
                    record_facts(draft, outcome)
                    previews.append(PlanPreview(plan, _as_new(outcome, created), None))
                except DuplicateImport as duplicate:
                    previews.append(PlanPreview(plan, None, str(duplicate)))
            raise PreviewOnly
    except PreviewOnly:
        return previews


def _as_new(outcome: StoredPlan, created: list[str]) -> StoredPlan:
    """The agencies the person asked for are new, though the store found them made."""
    for name in created:
        if name in outcome.matched_agencies:
            outcome.matched_agencies.remove(name)
            outcome.new_agencies.append(name)
    return outcome


@transaction.atomic
def confirm(draft: ImportDraft) -> list[StoredPlan]:
    """Store every plan of the document with the person's choices, all or nothing, and end
    the draft. ImportFailure or DuplicateImport leaves everything as it was."""
    reading = read(draft)
    if reading.refusal:
        raise ImportFailure(draft.file_name, "its columns still need mapping")
    remember_owners(draft)
    stored = [store_draft(plan, draft.partnership) for plan in reading.plans]
    for outcome in stored:
        record_facts(draft, outcome)
    draft.delete()
    return stored
