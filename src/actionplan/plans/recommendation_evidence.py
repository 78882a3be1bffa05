"""Evidence behind a recommendation tracked without actions (a plan of learning points with no
action column), and the scrutineer's decisions on it: the same assurance rules as an action's
(plans.assurance), so "evidence accepted" needs accepted evidence or a recorded reason.

Whoever posts progress on the recommendation (the partnership admin: it has no owning agency)
submits its evidence, and withdraws it with the reason; a scrutineer or the partnership admin
decides on it. Withdrawn evidence is kept, marked, and no longer counts for assurance."""

from __future__ import annotations

from django.core.files import File
from django.utils import timezone

from .assurance import (
    AssuranceStatus,
    after_withdrawal,
    check_assurance_change,
    check_assurance_for,
    check_evidence_behind,
    check_evidence_welcome,
    fresh_evidence_asks_again,
)
from .counts_touched import counted
from .editing import EditRefused, check_editor
from .events import announce, evidence_decided
from .evidence import evidence_behind, left_of, standing_evidence, still_undecided
from .models import Evidence, Recommendation, User
from .permissions import can_assure_recommendation, require
from .stamping import save_stamped
from .status import TransitionRefused

A_RECOMMENDATION = "a recommendation"  # how a refusal names it


def locked(rec: Recommendation) -> Recommendation:
    """The recommendation as stored now, locked until the transaction ends."""
    return Recommendation.objects.select_for_update().select_related("plan__partnership").get(pk=rec.pk)


def submit_recommendation_evidence(
    rec: Recommendation, by: User, description: str, *, file: File[bytes] | None = None, link: str = "",
    sha256: str = "",
) -> Evidence:  # fmt: skip
    check_editor(by, rec.plan.partnership_id)
    if rec.all_actions():
        raise EditRefused("this recommendation is tracked through its actions: add evidence to them")
    if not (file or link):
        raise ValueError("evidence needs a file or a link")
    check_evidence_welcome(rec.status, A_RECOMMENDATION)  # checked again on the stored one below
    evidence = Evidence(
        recommendation=rec, description=description, link=link, sha256=sha256, submitted_by=by,
        submitted_at=timezone.now(),
    )  # fmt: skip
    if file is not None:
        evidence.file = file
    try:
        with counted():
            fresh = locked(rec)
            check_evidence_welcome(fresh.status, A_RECOMMENDATION)
            current = fresh.assurance
            save_stamped(evidence, None, by)
            if fresh_evidence_asks_again(current):  # as for an action
                set_assurance(rec, by, AssuranceStatus.SUBMITTED)
    except Exception:
        if evidence.file:
            evidence.file.delete(save=False)  # the row is gone; the file must not linger
        raise
    return evidence


def decide_recommendation_evidence(
    evidence: Evidence, by: User, *, accept: bool, reason: str = ""
) -> Evidence:
    rec = evidence.recommendation
    assert rec is not None, "an action's evidence is decided through plans.updates"
    require(can_assure_recommendation(by, rec.plan.partnership_id), "decide on evidence")
    new = AssuranceStatus.ACCEPTED if accept else AssuranceStatus.REJECTED
    check_assurance_change(AssuranceStatus.SUBMITTED, new, reason)  # a rejection needs its reason
    with counted():
        fresh = locked(rec)  # one decision or withdrawal at a time, as for an action's
        stored = still_undecided(evidence)
        check_assurance_for(fresh.status, new, A_RECOMMENDATION)
        stored.decision = Evidence.Decision.ACCEPTED if accept else Evidence.Decision.REJECTED
        stored.decided_by, stored.decided_at = by, timezone.now()
        stored.decision_reason = reason.strip()
        save_stamped(stored, None, by)
        waiting = standing_evidence(rec).filter(decision=Evidence.Decision.PENDING).exists()
        if fresh.assurance == AssuranceStatus.SUBMITTED and not waiting:
            set_assurance(rec, by, new, reason)
        announce(evidence_decided, evidence_id=stored.pk)
    evidence.refresh_from_db()
    return evidence


def change_recommendation_assurance(rec: Recommendation, by: User, new: str, reason: str = "") -> None:
    """Move its assurance on by hand ("evidence accepted: verified at the audit on 3 March")."""
    require(can_assure_recommendation(by, rec.plan.partnership_id), "change the assurance status")
    with counted():
        set_assurance(rec, by, new, reason)


def set_assurance(rec: Recommendation, by: User, new: str, reason: str = "") -> None:
    fresh = locked(rec)
    check_assurance_change(fresh.assurance, new, reason)
    check_assurance_for(fresh.status, new, A_RECOMMENDATION)
    check_evidence_behind(new, evidence_behind(fresh), reason)
    fresh.assurance, fresh.assurance_reason = new, reason.strip()
    save_stamped(fresh, None, by, reason)
    rec.assurance, rec.assurance_reason = fresh.assurance, fresh.assurance_reason


def withdraw_recommendation_evidence(evidence: Evidence, by: User, reason: str) -> Evidence:
    """Withdraw a piece of evidence given in error: kept, marked withdrawn with who, when and
    why, and no longer behind assurance (`assurance.after_withdrawal`, as for an action's)."""
    rec = evidence.recommendation
    assert rec is not None, "an action's evidence is withdrawn through plans.updates"
    check_editor(by, rec.plan.partnership_id)
    if not reason.strip():
        raise TransitionRefused("say why the evidence is withdrawn")
    with counted():
        fresh = locked(rec)  # one change at a time, checked against the stored record
        stored = Evidence.objects.get(pk=evidence.pk)  # as decided now
        if stored.is_withdrawn:
            raise TransitionRefused("this evidence has already been withdrawn")
        stored.withdrawn_by, stored.withdrawn_at = by, timezone.now()
        stored.withdrawal_reason = reason.strip()
        save_stamped(stored, None, by, reason.strip())
        new = after_withdrawal(fresh.assurance, stored.decision, left_of(fresh), fresh.status)
        if new is not None:
            why = f"Evidence withdrawn: {reason.strip()}"
            fresh.assurance, fresh.assurance_reason = new, why
            save_stamped(fresh, None, by, why)
    rec.refresh_from_db()
    return stored
