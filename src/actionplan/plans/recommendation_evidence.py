"""Evidence behind a recommendation tracked without actions (a plan of learning points with no
action column), and the scrutineer's decisions on it: the same assurance rules as an action's
(plans.assurance), so "evidence accepted" needs accepted evidence or a recorded reason.

Whoever posts progress on the recommendation (the partnership admin: it has no owning agency)
submits its evidence; a scrutineer or the partnership admin decides on it."""

from __future__ import annotations

from django.core.files import File
from django.utils import timezone

from .assurance import ALLOWED as ASSURANCE_STEPS
from .assurance import AssuranceStatus, EvidenceBehind, check_assurance_change, check_evidence_behind
from .counts_touched import counted
from .editing import EditRefused, check_editor
from .models import Evidence, Recommendation, User
from .permissions import can_assure_recommendation, require
from .stamping import save_stamped
from .status import TransitionRefused


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
    evidence = Evidence(
        recommendation=rec, description=description, link=link, sha256=sha256, submitted_by=by,
        submitted_at=timezone.now(),
    )  # fmt: skip
    if file is not None:
        evidence.file = file
    try:
        with counted():
            current = locked(rec).assurance
            save_stamped(evidence, None, by)
            # As for an action: fresh evidence asks for assurance again, unless it already waits.
            if current != AssuranceStatus.SUBMITTED and AssuranceStatus.SUBMITTED in ASSURANCE_STEPS[current]:
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
    if evidence.decision != Evidence.Decision.PENDING:
        raise TransitionRefused("this evidence has already been decided")
    new = AssuranceStatus.ACCEPTED if accept else AssuranceStatus.REJECTED
    check_assurance_change(AssuranceStatus.SUBMITTED, new, reason)  # a rejection needs its reason
    with counted():
        evidence.decision = Evidence.Decision.ACCEPTED if accept else Evidence.Decision.REJECTED
        evidence.decided_by, evidence.decided_at = by, timezone.now()
        evidence.decision_reason = reason.strip()
        save_stamped(evidence, None, by)
        waiting = rec.evidence.filter(decision=Evidence.Decision.PENDING).exists()
        if locked(rec).assurance == AssuranceStatus.SUBMITTED and not waiting:
            set_assurance(rec, by, new, reason)
    return evidence


def change_recommendation_assurance(rec: Recommendation, by: User, new: str, reason: str = "") -> None:
    """Move its assurance on by hand ("evidence accepted: verified at the audit on 3 March")."""
    require(can_assure_recommendation(by, rec.plan.partnership_id), "change the assurance status")
    with counted():
        set_assurance(rec, by, new, reason)


def set_assurance(rec: Recommendation, by: User, new: str, reason: str = "") -> None:
    fresh = locked(rec)
    check_assurance_change(fresh.assurance, new, reason)
    evidence = fresh.evidence.all()
    behind = EvidenceBehind(
        submitted=evidence.count(), accepted=evidence.filter(decision=Evidence.Decision.ACCEPTED).count()
    )
    check_evidence_behind(new, behind, reason)
    fresh.assurance, fresh.assurance_reason = new, reason.strip()
    save_stamped(fresh, None, by, reason)
    rec.assurance, rec.assurance_reason = fresh.assurance, fresh.assurance_reason
