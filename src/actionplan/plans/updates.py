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
from .assurance import AssuranceStatus, EvidenceBehind, check_assurance_change, check_evidence_behind
from .events import action_assigned, announce, due_revised, evidence_decided
from .models import Action, Agency, Evidence, ProgressUpdate, User
from .permissions import can_assure, can_edit_plans, can_update_action, in_partnership, require
from .rag import judge_rag
from .status import DeliveryStatus, StatusChange, TransitionRefused, check_status_change


def save_stamped(
    instance: Model, when: datetime | None = None, by: User | None = None, why: str = ""
) -> None:
    """Save, dating the history row (for back-dated records: imports, the demo), saying who
    made the change (outside a web request nobody else knows) and why. The marks are removed
    again so that a later save of the same object is not back-dated or explained too."""
    # django-simple-history reads these marks off the instance; no model declares them.
    if when is not None:
        instance.__dict__["_history_date"] = when
    if by is not None:
        instance.__dict__["_history_user"] = by
    if why.strip():
        instance.__dict__["_change_reason"] = why.strip()
    try:
        instance.save()
    finally:
        for mark in ("_history_date", "_history_user", "_change_reason"):
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
        save_stamped(fresh, when, author, change.reason if change is not None else "")
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
        if when is None:  # a decision made now, not one recorded from the past (the demo)
            announce(evidence_decided, evidence_id=evidence.pk)
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
        check_evidence_behind(new, evidence_behind(fresh), reason)
        fresh.assurance, fresh.assurance_reason = new, reason.strip()
        save_stamped(fresh, when, by, reason)
    action.refresh_from_db()


def evidence_behind(action: Action) -> EvidenceBehind:
    evidence = action.evidence.all()
    return EvidenceBehind(
        submitted=evidence.count(), accepted=evidence.filter(decision=Evidence.Decision.ACCEPTED).count()
    )


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
        save_stamped(fresh, None, by, reason if rag else "")
    action.refresh_from_db()


def edit_action(
    action: Action, by: User, *, text: str, measure: str, why: str = "", expected_version: int | None = None
) -> None:
    """Correct what the action says and how the board will know it was done."""
    require(can_edit_plans(by) and in_partnership(by, action.partnership_id), "edit this action")
    if not text.strip():
        raise TransitionRefused("an action needs its text")
    with transaction.atomic():
        fresh = locked(action, expected_version)
        fresh.text, fresh.measure = text.strip(), measure.strip()
        save_stamped(fresh, None, by, why)
    action.refresh_from_db()


def reassign_action(
    action: Action,
    by: User,
    *,
    owner: Agency | None,
    owner_role: str,
    owner_person: User | None,
    reason: str,
    expected_version: int | None = None,
) -> None:
    """Give the action to another agency, role or named person; the reason is kept in its history."""
    require(can_edit_plans(by) and in_partnership(by, action.partnership_id), "reassign this action")
    partnership_id = action.partnership_id
    if owner is not None and owner.partnership_id != partnership_id:
        raise TransitionRefused("the owner must be an agency of this partnership")
    if owner_person is not None and owner_person.partnership_id != partnership_id:
        raise TransitionRefused("the named person must belong to this partnership")
    if not reason.strip():
        raise TransitionRefused("say why the action is reassigned")
    with transaction.atomic():
        fresh = locked(action, expected_version)
        given_to_another = owner is not None and owner.pk != fresh.owner_id
        fresh.owner, fresh.owner_role, fresh.owner_person = owner, owner_role.strip(), owner_person
        save_stamped(fresh, None, by, reason)
        if given_to_another:
            announce(action_assigned, action_id=fresh.pk)
    action.refresh_from_db()


def revise_due(
    action: Action, by: User, *, revised_due: date, reason: str, expected_version: int | None = None
) -> None:
    """A new due date agreed by the board. The original is kept; the reason is required."""
    require(can_edit_plans(by) and in_partnership(by, action.partnership_id), "revise this due date")
    if not reason.strip():
        raise TransitionRefused("a revised due date needs the reason it was revised")
    with transaction.atomic():
        fresh = locked(action, expected_version)
        if revised_due == fresh.current_due:
            raise TransitionRefused("the revised due date is the date already in force")
        fresh.revised_due_date, fresh.revised_due_reason = revised_due, reason.strip()
        save_stamped(fresh, None, by, reason)
        announce(due_revised, action_id=fresh.pk)
    action.refresh_from_db()
