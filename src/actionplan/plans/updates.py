"""Changing an action: progress, status, evidence and assurance, each checked against the rules.

Every change goes through here so the rules, the permission checks and the history are the
same whether it comes from the web, an import or a command.
"""

from __future__ import annotations

from datetime import date, datetime

from django.core.files import File
from django.db import transaction
from django.db.models import Model
from django.utils import timezone

from .assurance import ALLOWED as ASSURANCE_STEPS
from .assurance import AssuranceStatus, check_assurance_change
from .models import Action, Evidence, ProgressUpdate, User
from .permissions import can_assure, can_update_action, require
from .rag import judge_rag
from .status import DeliveryStatus, StatusChange, TransitionRefused, check_status_change


def save_stamped(instance: Model, when: datetime | None = None, by: User | None = None) -> None:
    """Save, dating the history row (for back-dated records: imports, the demo) and saying who
    made the change (outside a web request nobody else knows). The marks are removed again so
    that a later save of the same object is not back-dated too."""
    # django-simple-history reads these marks off the instance; no model declares them.
    if when is not None:
        instance.__dict__["_history_date"] = when
    if by is not None:
        instance.__dict__["_history_user"] = by
    try:
        instance.save()
    finally:
        for mark in ("_history_date", "_history_user"):
            instance.__dict__.pop(mark, None)


class EditConflict(Exception):
    """Someone else changed the action since this person loaded it."""

    def __init__(self, current: Action) -> None:
        super().__init__("this action was changed by someone else while you were editing it")
        self.current = current


def locked(action: Action, expected_version: int | None = None) -> Action:
    """The action as stored now, locked until the transaction ends.

    Changes are always applied to a fresh copy: saving a stale instance would silently write
    back the old status over someone else's update (and into the history). When the caller
    says which version it saw, a newer one is refused rather than overwritten."""
    fresh = (
        Action.objects.select_for_update()
        .select_related("recommendation__plan__partnership")
        .get(pk=action.pk)
    )
    if expected_version is not None and fresh.version != expected_version:
        raise EditConflict(fresh)
    return fresh


def record_progress(
    action: Action,
    author: User | None,
    text: str,
    *,
    on: date,
    change: StatusChange | None = None,
    when: datetime | None = None,
    expected_version: int | None = None,
) -> ProgressUpdate:
    """Post a progress update, optionally changing the delivery status at the same time.

    A progress note alone never conflicts (notes add up); a status change made against an older
    version of the action than the stored one raises EditConflict."""
    if author is not None:
        require(can_update_action(author, action), "update this action")
    if not text.strip():
        raise TransitionRefused("a progress update needs some text")
    with transaction.atomic():
        fresh = locked(action, expected_version if change is not None else None)
        if change is not None:
            apply_status_change(fresh, change)
        save_stamped(fresh, when, author)
        update = ProgressUpdate(
            action=fresh,
            written_on=on,
            author=author,
            text=text.strip(),
            status=fresh.status,
            rag=fresh.rag(on).rag,
        )
        save_stamped(update, when, author)
    action.refresh_from_db()
    return update


IMPORTED_AUTHOR = "Imported document"


def record_imported_progress(action: Action, text: str, *, on: date, rag: str, done: bool) -> ProgressUpdate:
    """What the imported document already says of a newly stored action, as its first update,
    by "Imported document" with the document's own RAG; `done` (its due cell said "Completed
    …") marks the action implemented. Nobody signed in is acting, so no permission applies;
    the action was created in the caller's transaction, so it is not locked or re-read."""
    if done:
        apply_status_change(action, StatusChange(DeliveryStatus.IMPLEMENTED))
        save_stamped(action)
    update = ProgressUpdate(
        action=action, written_on=on, text=text, author_name=IMPORTED_AUTHOR, status=action.status, rag=rag
    )
    save_stamped(update)
    return update


def apply_status_change(action: Action, change: StatusChange) -> None:
    check_status_change(action.status, change, current_due=action.current_due)
    if change.new_status == DeliveryStatus.SUPERSEDED:
        assert change.replaced_by_id is not None  # check_status_change refuses a change without it
        replacement = (
            Action.objects.filter(
                pk=change.replaced_by_id,
                recommendation__plan__partnership_id=action.partnership_id,
            )
            .exclude(pk=action.pk)
            .first()
        )
        if replacement is None:
            raise TransitionRefused("the replacing action must be another action of this partnership")
        action.superseded_by = replacement
    if change.new_status == DeliveryStatus.SLIPPED:
        action.revised_due_date = change.revised_due
    action.status = change.new_status
    action.status_reason = change.reason.strip()


def submit_evidence(
    action: Action,
    by: User | None,
    description: str,
    *,
    file: File[bytes] | None = None,
    link: str = "",
    sha256: str = "",
    when: datetime | None = None,
) -> Evidence:
    if by is not None:
        require(can_update_action(by, action), "add evidence to this action")
    if not (file or link):
        raise ValueError("evidence needs a file or a link")
    evidence = Evidence(
        action=action,
        description=description,
        link=link,
        sha256=sha256,
        submitted_by=by,
        submitted_at=when or timezone.now(),
    )
    if file is not None:
        evidence.file = file
    try:
        with transaction.atomic():
            current = locked(action).assurance
            save_stamped(evidence, when, by)
            # Fresh evidence asks for assurance again, unless assurance is already waiting or
            # has moved on to impact: then the evidence only supports what was decided.
            if current != AssuranceStatus.SUBMITTED and AssuranceStatus.SUBMITTED in ASSURANCE_STEPS[current]:
                set_assurance(action, by, AssuranceStatus.SUBMITTED, when=when)
    except Exception:
        if evidence.file:
            evidence.file.delete(save=False)  # the row is gone; the file must not linger
        raise
    return evidence


def decide_evidence(
    evidence: Evidence,
    by: User | None,
    *,
    accept: bool,
    reason: str = "",
    when: datetime | None = None,
) -> Evidence:
    action = evidence.action
    if by is not None:
        require(can_assure(by, action), "decide on evidence")
    if evidence.decision != Evidence.Decision.PENDING:
        raise TransitionRefused("this evidence has already been decided")
    new = AssuranceStatus.ACCEPTED if accept else AssuranceStatus.REJECTED
    check_assurance_change(AssuranceStatus.SUBMITTED, new, reason)  # a rejection needs its reason
    with transaction.atomic():
        evidence.decision = Evidence.Decision.ACCEPTED if accept else Evidence.Decision.REJECTED
        evidence.decided_by, evidence.decided_at = by, when or timezone.now()
        evidence.decision_reason = reason.strip()
        save_stamped(evidence, when, by)
        # The action's assurance follows the last decision, once no other evidence awaits one.
        waiting = action.evidence.filter(decision=Evidence.Decision.PENDING).exists()
        if locked(action).assurance == AssuranceStatus.SUBMITTED and not waiting:
            set_assurance(action, by, new, reason, when=when)
    return evidence


def change_assurance(
    action: Action,
    by: User | None,
    new: str,
    reason: str = "",
    *,
    when: datetime | None = None,
    expected_version: int | None = None,
) -> None:
    if by is not None:
        require(can_assure(by, action), "change the assurance status")
    set_assurance(action, by, new, reason, when=when, expected_version=expected_version)


def set_assurance(
    action: Action,
    by: User | None,
    new: str,
    reason: str = "",
    *,
    when: datetime | None = None,
    expected_version: int | None = None,
) -> None:
    """Move assurance on, once the caller has checked who may (submitting evidence moves it too)."""
    with transaction.atomic():
        fresh = locked(action, expected_version)
        check_assurance_change(fresh.assurance, new, reason)
        fresh.assurance, fresh.assurance_reason = new, reason.strip()
        save_stamped(fresh, when, by)
    action.refresh_from_db()


def override_rag(
    action: Action, by: User | None, rag: str, reason: str, *, expected_version: int | None = None
) -> None:
    """Set a manual RAG (or clear it with rag=""). The reason is required and kept."""
    if by is not None:
        require(can_assure(by, action), "override the RAG")
    judge_rag("grey", rag or None, reason)  # raises OverrideRefused without a reason
    with transaction.atomic():
        fresh = locked(action, expected_version)
        fresh.rag_override, fresh.rag_override_reason = rag, reason.strip() if rag else ""
        save_stamped(fresh, None, by)
    action.refresh_from_db()
