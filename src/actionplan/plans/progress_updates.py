"""Progress on an action and its delivery status: posted by people, or read from an imported
document. Reached through updates.py."""

from __future__ import annotations

from datetime import date, datetime

from .events import announce, status_slipped
from .evidence import withdraw_assurance_of_undone_work
from .models import Action, ProgressUpdate, User
from .permissions import can_update_action, require
from .stamping import changing, save_stamped
from .status import DeliveryStatus, StatusChange, TransitionRefused, check_status_change


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
    with changing(action, expected_version if change is not None else None) as fresh:
        if change is not None:
            change_status_as_asked(fresh, change)
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
    if change is not None and change.new_status == DeliveryStatus.SLIPPED:
        announce(status_slipped, action_id=fresh.pk, by_id=author.pk if author is not None else None)
    return update


IMPORTED_AUTHOR = "Imported document"
IMPORTED_RAG_REASON = "RAG rating given in the imported document"


def change_status_as_asked(action: Action, change: StatusChange) -> None:
    """A person's change of status (progress posted, a workbook given back, a bulk change): the
    change, and the RAG the imported document gave lifted (ADR 74)."""
    apply_status_change(action, change)
    lift_imported_rag(action)


def lift_imported_rag(action: Action) -> None:
    """The RAG the imported document gave stands for the action as the document left it: once
    a person changes its status, the rating follows the board's rules again (ADR 74). A rating
    set by hand on the pages, with its own reason, stays."""
    if action.rag_override and action.rag_override_reason == IMPORTED_RAG_REASON:
        action.rag_override = ""
        action.rag_override_reason = ""


def record_imported_progress(
    action: Action, text: str, *, on: date, rag: str, status: DeliveryStatus | None = None
) -> ProgressUpdate | None:
    """What the imported document already says of a newly stored action: the status it states
    and its progress as the first update (see imported_progress), saved. Nobody signed in is
    acting, so no permission applies; the action was created in the caller's transaction, so
    it is not locked or re-read."""
    update = imported_progress(action, text, on=on, rag=rag, status=status)
    if status is not None:
        save_stamped(action)
    if update is not None:
        save_stamped(update)
    return update


def imported_progress(
    action: Action, text: str, *, on: date, rag: str, status: DeliveryStatus | None = None
) -> ProgressUpdate | None:
    """`record_imported_progress` without saving, for storing a whole plan at once: the status
    the document states (implemented or in progress: the statuses that need nothing more than
    the document says) is applied to the action, and its progress is returned as an unsaved
    update by "Imported document" with the document's own RAG (None when it gives none)."""
    if status is not None:
        apply_status_change(action, StatusChange(status))
    if not text:
        return None
    return ProgressUpdate(
        action=action, written_on=on, text=text, author_name=IMPORTED_AUTHOR, status=action.status, rag=rag
    )


def apply_status_change(action: Action, change: StatusChange) -> None:
    """The status change on `action` (every path comes here: progress posted, a bulk change, an
    imported document's status), and what it means for the assurance; the caller saves."""
    before = action.status
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
    withdraw_assurance_of_undone_work(action, before, change.reason)
