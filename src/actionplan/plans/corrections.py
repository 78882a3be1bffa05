"""Putting the record right without rewriting it: a correction of a progress update, or the
withdrawal of an update or of a piece of evidence, each a new entry with its reason. Reached
through updates.py.

Withdrawn evidence no longer counts for assurance: it cannot be decided on, and an action whose
assurance rested on it goes back to awaiting assurance (or to no evidence, when none is left),
so that a scrutineer judges again what remains."""

from __future__ import annotations

from datetime import date, datetime

from django.utils import timezone

from .assurance import after_withdrawal
from .counts_touched import counted
from .evidence import left_of
from .models import Action, Evidence, ProgressUpdate, User
from .permissions import can_update_action, require
from .stamping import locked, save_stamped
from .status import TransitionRefused

Kind = ProgressUpdate.Kind


def correct_update(
    update: ProgressUpdate,
    by: User | None,
    text: str,
    reason: str,
    *,
    on: date | None = None,
    when: datetime | None = None,
) -> ProgressUpdate:
    """Post a correction of `update`: from the day it is posted its text is what the update
    says (a report as at an earlier day still shows the words as they stood then)."""
    original = standing_update(update, by, "correct")
    if not text.strip():
        raise TransitionRefused("a correction needs the corrected text")
    if text.strip() == shown_text(original):
        raise TransitionRefused("the correction says the same as the update: change what was wrong")
    return put_right(original, by, Kind.CORRECTION, reason, text=text.strip(), on=on, when=when)


def withdraw_update(
    update: ProgressUpdate,
    by: User | None,
    reason: str,
    *,
    on: date | None = None,
    when: datetime | None = None,
) -> ProgressUpdate:
    """Withdraw an update posted in error (on the wrong action, say): it stays on the record,
    marked withdrawn, and no longer counts as the action's progress."""
    return put_right(standing_update(update, by, "withdraw"), by, Kind.WITHDRAWAL, reason, on=on, when=when)


def withdraw_evidence(
    evidence: Evidence,
    by: User | None,
    reason: str,
    *,
    on: date | None = None,
    when: datetime | None = None,
) -> ProgressUpdate:
    """Withdraw a piece of evidence: kept, marked withdrawn, and no longer behind assurance."""
    action = evidence.action
    if action is None:  # a recommendation's: withdrawn on the recommendation
        raise TransitionRefused("this evidence is a recommendation's, withdrawn on the recommendation")
    if by is not None:
        require(can_update_action(by, action), "withdraw evidence from this action")
    if not reason.strip():
        raise TransitionRefused("say why the evidence is withdrawn")
    with counted():
        fresh = locked(action)
        if evidence.is_withdrawn:
            raise TransitionRefused("this evidence has already been withdrawn")
        entry = new_entry(fresh, by, Kind.WITHDRAWAL, reason, on=on)
        entry.withdraws = evidence
        save_stamped(entry, when, by)
        # As decided now: the decision may have been made since this copy was read.
        reconsider_assurance(fresh, by, Evidence.objects.get(pk=evidence.pk), reason, when)
    action.refresh_from_db()
    return entry


def standing_update(update: ProgressUpdate, by: User | None, verb: str) -> ProgressUpdate:
    """The update a correction or withdrawal is made to: the corrected one when given a
    correction; never one already withdrawn, nor a withdrawal itself."""
    if by is not None:
        require(can_update_action(by, update.action), f"{verb} updates of this action")
    if update.kind == Kind.CORRECTION and verb == "withdraw":
        raise TransitionRefused("a correction cannot be withdrawn: correct the update again")
    original = update.corrects if update.kind == Kind.CORRECTION and update.corrects else update
    if original.kind == Kind.WITHDRAWAL:
        raise TransitionRefused(f"a withdrawal cannot be {verb}ed: post a new update instead")
    if original.corrections.filter(kind=Kind.WITHDRAWAL).exists():
        raise TransitionRefused("this update has already been withdrawn")
    return original


def put_right(
    original: ProgressUpdate,
    by: User | None,
    kind: str,
    reason: str,
    *,
    text: str = "",
    on: date | None,
    when: datetime | None,
) -> ProgressUpdate:
    if not reason.strip():
        done = "corrected" if kind == Kind.CORRECTION else "withdrawn"
        raise TransitionRefused(f"say why the update is {done}")
    with counted():
        fresh = locked(original.action)  # one correction at a time, checked against the stored record
        if original.corrections.filter(kind=Kind.WITHDRAWAL).exists():
            raise TransitionRefused("this update has already been withdrawn")
        entry = new_entry(fresh, by, kind, reason, on=on, text=text)
        entry.corrects = original
        save_stamped(entry, when, by)
    return entry


def new_entry(
    action: Action, by: User | None, kind: str, reason: str, *, on: date | None, text: str = ""
) -> ProgressUpdate:
    today = on or timezone.localdate()
    return ProgressUpdate(
        action=action,
        written_on=today,
        author=by,
        text=text,
        kind=kind,
        reason=reason.strip(),
        status=action.status,
        rag=action.rag(today).rag,
    )


def shown_text(update: ProgressUpdate) -> str:
    newest = update.corrections.filter(kind=Kind.CORRECTION).order_by("-written_on", "-id").first()
    return newest.text if newest else update.text


def reconsider_assurance(
    action: Action, by: User | None, withdrawn: Evidence, reason: str, when: datetime | None
) -> None:
    """After a withdrawal, the assurance may rest only on evidence still standing
    (`assurance.after_withdrawal`). A move the rules make, so no transition check applies."""
    new = after_withdrawal(action.assurance, withdrawn.decision, left_of(action), action.status)
    if new is None:
        return
    why = f"Evidence withdrawn: {reason.strip()}"
    action.assurance, action.assurance_reason = new, why
    save_stamped(action, when, by, why)
