"""Evidence behind an action and the assurer's judgements on it: evidence submitted and decided,
the assurance status moved on, the RAG overridden. Reached through updates.py."""

from __future__ import annotations

from datetime import datetime

from django.core.files import File
from django.db.models import QuerySet
from django.utils import timezone

from .assurance import (
    AssuranceStatus,
    EvidenceBehind,
    EvidenceLeft,
    check_assurance_change,
    check_evidence_behind,
    fresh_evidence_asks_again,
)
from .counts_touched import counted
from .events import announce, evidence_decided
from .models import Action, Evidence, User
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
            current = locked(action).assurance
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
    if evidence.decision != Evidence.Decision.PENDING:
        raise TransitionRefused("this evidence has already been decided")
    if evidence.withdrawals.exists():
        raise TransitionRefused("this evidence was withdrawn: there is nothing to decide")
    new = AssuranceStatus.ACCEPTED if accept else AssuranceStatus.REJECTED
    check_assurance_change(AssuranceStatus.SUBMITTED, new, reason)  # a rejection needs its reason
    with counted():
        evidence.decision = Evidence.Decision.ACCEPTED if accept else Evidence.Decision.REJECTED
        evidence.decided_by, evidence.decided_at = by, when or timezone.now()
        evidence.decision_reason = reason.strip()
        save_stamped(evidence, when, by)
        # The action's assurance follows the last decision, once no other evidence awaits one.
        waiting = standing(action).filter(decision=Evidence.Decision.PENDING).exists()
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
    with changing(action, expected_version) as fresh:
        check_assurance_change(fresh.assurance, new, reason)
        check_evidence_behind(new, evidence_behind(fresh), reason)
        fresh.assurance, fresh.assurance_reason = new, reason.strip()
        save_stamped(fresh, when, by, reason)


def standing(action: Action) -> QuerySet[Evidence]:
    """The action's evidence that was not withdrawn: what assurance may rest on."""
    return action.evidence.filter(withdrawals__isnull=True)


def left_of(standing_evidence: QuerySet[Evidence]) -> EvidenceLeft:
    """What stands of an action's or a recommendation's evidence after a withdrawal."""
    return EvidenceLeft(
        any=standing_evidence.exists(),
        accepted=standing_evidence.filter(decision=Evidence.Decision.ACCEPTED).exists(),
        pending=standing_evidence.filter(decision=Evidence.Decision.PENDING).exists(),
    )


def evidence_behind(action: Action) -> EvidenceBehind:
    evidence = standing(action)
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
    with changing(action, expected_version) as fresh:
        fresh.rag_override, fresh.rag_override_reason = rag, reason.strip() if rag else ""
        save_stamped(fresh, None, by, reason if rag else "")
