"""Evidence behind an action and the assurer's judgements on it: evidence submitted and decided,
the assurance status moved on, the RAG overridden. Reached through updates.py."""

from __future__ import annotations

from datetime import datetime

from django.core.files import File
from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from .assurance import (
    AssuranceStatus,
    EvidenceBehind,
    EvidenceLeft,
    check_assurance_change,
    check_assurance_for,
    check_evidence_behind,
    check_evidence_welcome,
    fresh_evidence_asks_again,
    judged_again,
    withdrawal_note,
    withdrawn_by_status_change,
)
from .counts_touched import counted
from .events import announce, evidence_decided
from .models import Action, Evidence, Recommendation, User, not_withdrawn
from .permissions import can_assure, can_update_action, require
from .rag import judge_rag
from .stamping import changing, locked, save_stamped
from .status import TransitionRefused


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
    check_evidence_welcome(action.status)  # checked again on the stored action below
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
        with counted():
            fresh = locked(action)
            check_evidence_welcome(fresh.status)
            current = fresh.assurance
            save_stamped(evidence, when, by)
            if fresh_evidence_asks_again(current):
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
    if action is None:  # a recommendation's: see recommendation_evidence.py
        raise TransitionRefused("this evidence is a recommendation's, decided on the recommendation")
    if by is not None:
        require(can_assure(by, action), "decide on evidence")
    new = AssuranceStatus.ACCEPTED if accept else AssuranceStatus.REJECTED
    check_assurance_change(AssuranceStatus.SUBMITTED, new, reason)  # a rejection needs its reason
    with counted():
        fresh = locked(action)  # one decision or withdrawal at a time
        stored = still_undecided(evidence)
        check_assurance_for(fresh.status, new)
        stored.decision = Evidence.Decision.ACCEPTED if accept else Evidence.Decision.REJECTED
        stored.decided_by, stored.decided_at = by, when or timezone.now()
        stored.decision_reason = reason.strip()
        save_stamped(stored, when, by)
        # The action's assurance follows the last decision, once no other evidence awaits one.
        waiting = standing_evidence(action).filter(decision=Evidence.Decision.PENDING).exists()
        if fresh.assurance == AssuranceStatus.SUBMITTED and not waiting:
            set_assurance(action, by, new, reason, when=when)
        if when is None:  # a decision made now, not one recorded from the past (the demo)
            announce(evidence_decided, evidence_id=stored.pk)
    evidence.refresh_from_db()
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
    with changing(action, expected_version) as fresh:
        check_assurance_change(fresh.assurance, new, reason)
        check_assurance_for(fresh.status, new)
        check_evidence_behind(new, evidence_behind(fresh), reason)
        fresh.assurance, fresh.assurance_reason = new, reason.strip()
        save_stamped(fresh, when, by, reason)


def withdraw_assurance_of_undone_work(of: Action | Recommendation, before: str, reason: str) -> None:
    """`of` has just moved from status `before`: when the work is no longer claimed done, the
    assurance that counted it assured is withdrawn (`assurance.withdrawn_by_status_change`). Set
    on `of` for the caller to save with the status change, so one history entry keeps both, with
    who, when and why. The evidence and the decisions made on it stay as they were made."""
    if not withdrawn_by_status_change(of.assurance, before, of.status):
        return
    of.assurance = judged_again(of.status, evidence_stands=standing_evidence(of).exists())
    of.assurance_reason = withdrawal_note(of.status, reason)


def still_undecided(evidence: Evidence) -> Evidence:
    """The piece as stored now, once its action or recommendation is locked: a decision or a
    withdrawal made since the scrutineer's page was read is refused in words, not by the
    record's guard (`RecordIsFinal`) as an error."""
    stored = Evidence.objects.get(pk=evidence.pk)
    if stored.decision != Evidence.Decision.PENDING:
        raise TransitionRefused("this evidence has already been decided")
    if stored.is_withdrawn:
        raise TransitionRefused("this evidence was withdrawn: there is nothing to decide")
    return stored


def standing_evidence(of: Action | Recommendation) -> QuerySet[Evidence]:
    """An action's or a recommendation's evidence not withdrawn: what its assurance may rest on."""
    return not_withdrawn(of.evidence.all())


def left_of(of: Action | Recommendation) -> EvidenceLeft:
    """What stands of an action's or a recommendation's evidence after a withdrawal."""
    decisions = set(standing_evidence(of).values_list("decision", flat=True).distinct())
    return EvidenceLeft(
        any=bool(decisions),
        accepted=Evidence.Decision.ACCEPTED in decisions,
        pending=Evidence.Decision.PENDING in decisions,
        rejected=Evidence.Decision.REJECTED in decisions,
    )


def evidence_behind(of: Action | Recommendation) -> EvidenceBehind:
    """Counted in one query: the action page asks it for the assurance steps it offers."""
    found = standing_evidence(of).aggregate(
        submitted=Count("pk"), accepted=Count("pk", filter=Q(decision=Evidence.Decision.ACCEPTED))
    )
    return EvidenceBehind(submitted=found["submitted"], accepted=found["accepted"])


def override_rag(
    action: Action, by: User | None, rag: str, reason: str, *, expected_version: int | None = None
) -> None:
    """Set a manual RAG (or clear it with rag=""). The reason is required and kept."""
    if by is not None:
        require(can_assure(by, action), "override the RAG")
    judge_rag("grey", rag or None, reason)  # raises OverrideRefused without a reason
    with changing(action, expected_version) as fresh:
        fresh.rag_override, fresh.rag_override_reason = rag, reason.strip() if rag else ""
        save_stamped(fresh, None, by, reason if rag else "")
