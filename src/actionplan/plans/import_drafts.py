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

from actionplan.importing import ColumnReading, ImportFailure

from .counts_touched import counted
from .draft_board import warn_of_other_board
from .draft_edits import (
    apply_edits,
    by_position,
    join,
    mark_warnings,
    plan_key,
    refused,
    split,
)
from .draft_owners import apply_owner_choices, as_new, remember_owners
from .draft_reviews import link_references, record_facts
from .draft_rows import StoredPlan, UnnamedRows
from .draft_themes import themes_given
from .earlier_versions import EarlierVersion, likely_earlier_versions
from .models import ImportDraft, Partnership, Plan, User
from .parsing import SECONDS_PER_FILE, parse_upload, time_left_for_each
from .plan_update import Change, apply_update, compare
from .store import DuplicateImport, store_draft

# The roles a column can have, in the words the person choosing sees.
COLUMN_ROLES = {
    "ref": "Reference of the recommendation",
    "action_ref": "Reference of the action",
    "review_ref": "Reviews the row came from",
    "section": "Section or theme",
    "outcome": "Outcome, objective or learning point",
    "recommendation": "Recommendation",
    "decision": "Board's decision on the recommendation",
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


def parse_document(
    data: bytes, file_name: str, columns: Mapping[str, str] | None, timeout: float = SECONDS_PER_FILE,
) -> tuple[list[dict[str, Any]], tuple[ColumnReading, ...]]:
    """The one place an uploaded document is parsed (in a child process with memory and time
    limits: parsing.py): each plan it holds as the draft's JSON, and how its header's columns
    were read. ImportFailure when it cannot be read."""
    return parse_upload(data, file_name, columns=columns or None, timeout=timeout)


@dataclass
class Reading:
    """A draft's document as read now: its plans and how its columns were read, or why it
    was refused with the best reading of each column of the header that was not recognised."""

    plans: list[dict[str, Any]] = field(default_factory=list)
    refusal: str | None = None
    columns: tuple[ColumnReading, ...] = ()


def start_all(
    owner: User, partnership: Partnership, files: list[tuple[str, bytes]],
) -> tuple[list[ImportDraft], list[str]]:
    """Keep the files of one upload as imports in progress, or none of them with why each
    refused one was refused; the files share one time budget (parsing.py)."""
    started: list[ImportDraft] = []
    errors: list[str] = []
    for (name, data), (_, seconds) in zip(files, time_left_for_each([n for n, _ in files]), strict=True):
        if seconds is None:
            errors.append(f"{name}: not read, the files before it took all the time; import it alone")
            continue
        try:
            started.append(start(owner, partnership, name, data, timeout=seconds))
        except ImportFailure as failure:
            errors.append(str(failure))
    if errors:
        ImportDraft.objects.filter(pk__in=[draft.pk for draft in started]).delete()
        return [], errors
    return started, []


def start(
    owner: User, partnership: Partnership, file_name: str, data: bytes, timeout: float = SECONDS_PER_FILE,
) -> ImportDraft:
    """Keep an upload as an import in progress. A document the importer refuses outright is
    refused here (ImportFailure); one whose header was not recognised is kept, for its
    columns to be mapped."""
    try:
        plans, _ = parse_document(data, file_name, None, timeout)
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
        warn_of_other_board(plan, draft.partnership)  # last: the document's own keep their keys
        mark_warnings(plan, number, draft.edits)
        link_references(draft, plan)
        apply_owner_choices(draft, plan)
    return Reading(plans, columns=columns)


def map_columns(draft: ImportDraft, chosen: Mapping[str, str]) -> int:
    """Read the document again with these columns' roles. The corrections of rows and the
    warnings checked are let go (the rows move: they would land on other rows); answers how
    many were."""
    dropped = [key for key in draft.edits if by_position(key)] if dict(chosen) != draft.columns else []
    draft.columns = dict(chosen)
    draft.edits = {key: value for key, value in draft.edits.items() if key not in dropped}
    draft.save(update_fields=["columns", "edits", "updated_at"])
    return len(dropped)


def correct(draft: ImportDraft, changes: Mapping[str, str]) -> list[str]:
    """Keep corrections of the contents (edit key -> value, see draft_edits), all but those
    refused (a decision's wording that states none), whose wordings are returned."""
    said = refused(changes)
    draft.edits = {**draft.edits, **{k: v for k, v in changes.items() if k not in said}}
    draft.save(update_fields=["edits", "updated_at"])
    return [changes[key] for key in said]


def split_action(draft: ImportDraft, plan: int, item: int, action: int, texts: tuple[str, str]) -> None:
    """Split one action of a row in two texts (draft_edits.split)."""
    count = len(read(draft, settle=False).plans[plan]["items"][item]["actions"])
    draft.edits = split(draft.edits, plan, item, action, count, texts)
    draft.save(update_fields=["edits", "updated_at"])


def join_actions(draft: ImportDraft, plan: int, item: int, action: int) -> None:
    """Join one action of a row to the next (draft_edits.join)."""
    shown = read(draft, settle=False).plans[plan]["items"][item]["actions"]
    draft.edits = join(draft.edits, plan, item, action, shown)
    draft.save(update_fields=["edits", "updated_at"])


def describe_review(draft: ImportDraft, code: str, facts: Mapping[str, str]) -> None:
    """Record what the person says of a review the document names: the review it is (a
    number), a new one ("new") or none ("none"), and a new review's facts."""
    draft.reviews = {**draft.reviews, code: dict(facts)}
    draft.save(update_fields=["reviews", "updated_at"])


UPDATES = "updates"
NEW_PLAN = "new"  # the answer "No: a new plan", kept so the question is not asked again


def updated_plans(draft: ImportDraft) -> dict[int, Plan]:
    """The stored plan each plan of the document is an updated version of, by its number: the
    first plan's is the draft's `updates`; each other sheet's of a workbook is kept with the
    edits (ADR 0017: a sheet, a plan)."""
    chosen = {int(key.split(":")[1]): int(pk) for key, pk in draft.edits.items()
              if key.startswith("plan:") and key.endswith(f":{UPDATES}") and pk.isdigit()}
    chosen.pop(0, None)  # the first plan's is `updates` alone (its key says only that it was answered)
    found = {p.pk: p for p in Plan.objects.filter(partnership=draft.partnership, pk__in=chosen.values())}
    targets = {number: found[pk] for number, pk in chosen.items() if pk in found}
    return {0: draft.updates, **targets} if draft.updates else targets


def said_whether_updates(draft: ImportDraft, number: int, targets: Mapping[int, Plan]) -> bool:
    """Whether the person has said if plan `number` updates a stored plan: one chosen (in
    `targets`, from `updated_plans`), or "No: a new plan"."""
    return number in targets or draft.edits.get(plan_key(number, UPDATES)) == NEW_PLAN


def choose_update(draft: ImportDraft, number: int, plan: Plan | None) -> bool:
    """Say which stored plan plan `number` of the document updates (None: it is a new plan).
    False, and nothing kept, when another plan of the document already updates that one."""
    others = {n: p for n, p in updated_plans(draft).items() if n != number}
    if plan is not None and plan in others.values():
        return False
    if number == 0:
        draft.updates = plan
    draft.edits = {**draft.edits, plan_key(number, UPDATES): str(plan.pk) if plan else NEW_PLAN}
    draft.save(update_fields=["updates", "edits", "updated_at"])
    return True


class PreviewOnly(Exception):
    """Raised inside the preview's transaction so that nothing it wrote is kept."""


@dataclass
class PlanPreview:
    plan: dict[str, Any]
    outcome: StoredPlan | None
    refusal: str | None
    changes: list[Change] | None = None  # an updated version of a stored plan: what it changes
    updates: Plan | None = None  # the stored plan it is an updated version of
    earlier: list[EarlierVersion] = field(default_factory=list)  # stored plans it likely updates
    answered: bool = True  # whether the person said if it updates one of them (or no need to)


def preview(draft: ImportDraft, reading: Reading) -> list[PlanPreview]:
    """What confirming would store, from the same code, in a transaction always rolled back."""
    targets = updated_plans(draft)
    # Before the preview stores anything: the plans it stores would match themselves.
    earlier = [likely_earlier_versions(draft.partnership, plan) for plan in reading.plans]
    previews: list[PlanPreview] = []
    try:
        with counted():  # always rolled back: nothing is re-counted
            created = remember_owners(draft)
            for number, plan in enumerate(reading.plans):
                if (target := targets.get(number)) is not None:
                    previews.append(PlanPreview(plan, None, None, compare(target, plan), target))
                    continue
                try:
                    outcome = store_draft(plan, draft.partnership, themes=themes_given(draft, [plan]))
                    record_facts(draft, outcome)
                    previews.append(PlanPreview(plan, as_new(outcome, created), None))
                except DuplicateImport as duplicate:
                    previews.append(PlanPreview(plan, None, f"{duplicate}. It will not be imported again"))
                except UnnamedRows as unnamed:
                    previews.append(PlanPreview(plan, None, str(unnamed)))
            raise PreviewOnly
    except PreviewOnly:
        for number, (shown, likely) in enumerate(zip(previews, earlier, strict=True)):
            shown.earlier = likely
            shown.answered = not likely or said_whether_updates(draft, number, targets)
        return previews


@counted()
def confirm(draft: ImportDraft) -> list[StoredPlan]:
    """Store every plan of the document with the person's choices, all or nothing, and end
    the draft. ImportFailure or DuplicateImport leaves everything as it was."""
    reading = read(draft)
    if reading.refusal:
        raise ImportFailure(draft.file_name, "its columns still need mapping")
    remember_owners(draft)
    targets = updated_plans(draft)
    stored: list[StoredPlan] = []
    for number, plan in enumerate(reading.plans):
        if (target := targets.get(number)) is not None:
            apply_update(target, plan, draft.owner, draft.file_name)
            stored.append(StoredPlan(target, updated=True))
            continue
        outcome = store_draft(plan, draft.partnership, themes=themes_given(draft, [plan]))
        record_facts(draft, outcome)
        stored.append(outcome)
    draft.delete()
    return stored
