"""Assurance: whether the board is satisfied, on evidence, that an action was done and worked.

none → evidence submitted → accepted | rejected (with a reason) → impact evidenced → re-checked.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import models

from .status import DeliveryStatus


class AssuranceStatus(models.TextChoices):
    NONE = "none", "No evidence yet"
    SUBMITTED = "submitted", "Evidence submitted"
    ACCEPTED = "accepted", "Evidence accepted"
    REJECTED = "rejected", "Evidence rejected"
    IMPACT_EVIDENCED = "impact_evidenced", "Impact evidenced"
    RECHECKED = "rechecked", "Re-checked"


A = AssuranceStatus
# A rejected action gets fresh evidence; a re-check can be repeated at each later audit.
ALLOWED: dict[str, frozenset[str]] = {
    A.NONE: frozenset({A.SUBMITTED}),
    A.SUBMITTED: frozenset({A.ACCEPTED, A.REJECTED}),
    A.REJECTED: frozenset({A.SUBMITTED}),
    A.ACCEPTED: frozenset({A.IMPACT_EVIDENCED, A.SUBMITTED}),
    A.IMPACT_EVIDENCED: frozenset({A.RECHECKED}),
    A.RECHECKED: frozenset({A.RECHECKED}),
}
# The states in which the board counts the action as assured.
ASSURED = frozenset({A.ACCEPTED, A.IMPACT_EVIDENCED, A.RECHECKED})


class AssuranceRefused(ValueError):
    """An assurance change the rules do not allow."""


def check_assurance_change(current: str, new: str, reason: str = "") -> None:
    if new not in A.values:
        raise AssuranceRefused(f"'{new}' is not an assurance status")
    if new not in ALLOWED[current]:
        raise AssuranceRefused(
            f"assurance cannot go from '{A(current).label.lower()}' to '{A(new).label.lower()}'"
        )
    if new == A.REJECTED and not reason.strip():
        raise AssuranceRefused("rejecting evidence needs a reason the owner can act on")


# Evidence shows that the work was done. Work not achieved or superseded was not done: its
# explanation, or the action replacing it, is the record. So it takes no evidence and cannot be
# assured; evidence given before it closed may still be rejected or withdrawn, so that nothing
# is left awaiting assurance for ever.
NOT_DONE = frozenset({DeliveryStatus.NOT_ACHIEVED, DeliveryStatus.SUPERSEDED})


def check_evidence_welcome(status: str, what: str = "an action") -> None:
    """May evidence be added to `what` (an action, or a recommendation tracked alone), now `status`?"""
    if not may_be_evidenced(status):
        raise AssuranceRefused(
            f"{what} that is {DeliveryStatus(status).label.lower()} takes no evidence: "
            "evidence shows work that was done"
        )


def check_assurance_for(status: str, new: str, what: str = "an action") -> None:
    """Work not done cannot be assured, nor awaiting assurance: only a rejection may be recorded."""
    if not may_be_evidenced(status) and new != A.REJECTED:
        raise AssuranceRefused(
            f"{what} that is {DeliveryStatus(status).label.lower()} cannot be assured: "
            "only a rejection of its evidence can be recorded"
        )



def fresh_evidence_asks_again(current: str) -> bool:
    """Fresh evidence, on an action or a recommendation, asks for assurance again unless assurance
    is already waiting or has moved on to impact: then the evidence only supports what was decided."""
    return current != A.SUBMITTED and A.SUBMITTED in ALLOWED[current]

@dataclass(frozen=True)
class EvidenceBehind:
    """How much evidence an action has: what the assurance it claims must rest on."""

    submitted: int  # pieces of evidence offered, whatever was decided on them
    accepted: int


def check_evidence_behind(new: str, evidence: EvidenceBehind, reason: str = "") -> None:
    """An assurance status must be backed by the evidence it names: "evidence submitted" only
    when some was submitted; "evidence accepted" only with a piece accepted, or the reason the
    board accepts it without one (a multi-agency audit verified it, say)."""
    if new == A.SUBMITTED and evidence.submitted == 0:
        raise AssuranceRefused("'evidence submitted' needs a piece of evidence: add it to the action first")
    if new == A.ACCEPTED and evidence.accepted == 0 and not reason.strip():
        raise AssuranceRefused(
            "'evidence accepted' needs an accepted piece of evidence or a recorded reason, "
            "for example 'verified at the multi-agency audit on 3 March'"
        )


def assurance_steps(current: str, status: str, behind: EvidenceBehind) -> list[tuple[str, str]]:
    """The assurance statuses a scrutineer may choose next, as (value, label) in the order of the
    path: those the checks above allow, a note given, so a form never offers what is refused
    ("evidence submitted" only with evidence standing; nothing but a rejection for work not done)."""
    steps = []
    for step in A:
        if step not in ALLOWED[current]:
            continue
        try:
            check_assurance_for(status, step)
            check_evidence_behind(step, behind, reason="a note")
        except AssuranceRefused:
            continue
        steps.append((step.value, step.label))
    return steps


def may_be_evidenced(status: str) -> bool:
    """Whether work `status` may take evidence and have it accepted (the pages offer the evidence
    form and "Accept" only then)."""
    return status not in NOT_DONE


@dataclass(frozen=True)
class EvidenceLeft:
    """What still stands once a piece of evidence is withdrawn."""

    any: bool
    accepted: bool
    pending: bool
    rejected: bool


def after_withdrawal(current: str, withdrawn_decision: str, left: EvidenceLeft, status: str) -> str | None:
    """The assurance once evidence decided `withdrawn_decision` (pending, accepted, rejected) is
    withdrawn from work of `status`, or None when it stays: assurance that rested on it alone
    (awaiting a decision on it, assured on it, or rejected on it) returns to awaiting assurance,
    or to no evidence when none is left (or the work was not done, which nothing assures), so
    that a scrutineer judges again what remains. A rejection is not kept for evidence taken back:
    the history still shows it."""
    rested_on_it = (
        (current == A.SUBMITTED and withdrawn_decision == "pending" and not left.pending)
        or (current in ASSURED and withdrawn_decision == "accepted" and not left.accepted)
        or (current == A.REJECTED and withdrawn_decision == "rejected" and not left.rejected)
    )
    new = judged_again(status, evidence_stands=left.any)
    return new if rested_on_it and new != current else None


def judged_again(status: str, *, evidence_stands: bool) -> str:
    """Where assurance returns when what it rested on is gone: awaiting a scrutineer's judgement
    of the evidence still standing, or no evidence when none stands or the work was not done
    (which nothing assures)."""
    return A.SUBMITTED if evidence_stands and may_be_evidenced(status) else A.NONE


def is_assured(current: str) -> bool:
    """Whether the board counts work of assurance `current` as assured."""
    return current in ASSURED


def withdrawn_by_status_change(current: str, before: str, after: str) -> bool:
    """Whether assurance `current` is withdrawn when work `before` becomes `after`. Assurance
    says the board is satisfied that the work was done; it cannot stand once the work is no
    longer claimed done: marked not achieved or superseded, or reopened after it was
    implemented. Evidence merely awaiting a decision, or rejected, stays as it is (ADR 63)."""
    no_longer_done = after in NOT_DONE or (before == DeliveryStatus.IMPLEMENTED and after != before)
    return is_assured(current) and no_longer_done


def withdrawal_note(after: str, reason: str) -> str:
    """The assurance note of a withdrawal by a status change: what the page says of it."""
    said = f"Assurance withdrawn: the work became {DeliveryStatus(after).label.lower()}"
    return f"{said}: {reason.strip()}" if reason.strip() else said
