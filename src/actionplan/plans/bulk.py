"""One change made to several actions at once (status, owner, revised due date) with one reason.

All or nothing: if the rules refuse the change for one action, none is changed, and the refusal
names the action. Each action's history records the change and the reason as if made alone.
"""

from __future__ import annotations

from datetime import date

from .counts_touched import counted
from .events import action_assigned, announce, due_revised
from .models import Action, Agency, User
from .permissions import can_edit_plans, in_partnership, require
from .status import DeliveryStatus, StatusChange, TransitionRefused
from .updates import change_status_as_asked, locked, save_stamped


def change_actions(
    actions: list[Action],
    by: User,
    *,
    reason: str,
    status: str = "",
    owner: Agency | None = None,
    revised_due: date | None = None,
) -> int:
    """Apply the change to every action; answers how many were changed."""
    if not actions:
        raise TransitionRefused("choose one or more actions")
    if not (status or owner or revised_due):
        raise TransitionRefused("choose what to change: the status, the owner or the due date")
    if not reason.strip():
        raise TransitionRefused("give the reason for the change; it is kept in each action's history")
    for action in actions:
        require(can_edit_plans(by) and in_partnership(by, action.partnership_id), "change these actions")
        if owner is not None and owner.partnership_id != action.partnership_id:
            raise TransitionRefused("the owner must be an agency of this partnership")
    with counted():
        # Locked in one order, so two people changing overlapping actions wait, never deadlock.
        for action in sorted(actions, key=lambda a: a.pk):
            fresh = locked(action)
            given_to_another = owner is not None and owner.pk != fresh.owner_id
            try:
                change_one(fresh, reason=reason, status=status, owner=owner, revised_due=revised_due)
            except TransitionRefused as refusal:
                raise TransitionRefused(f'"{fresh.text[:60]}": {refusal}') from refusal
            save_stamped(fresh, None, by, reason)
            if given_to_another:
                announce(action_assigned, action_id=fresh.pk)
            if revised_due:
                announce(due_revised, action_id=fresh.pk)
    return len(actions)


def change_one(
    action: Action, *, reason: str, status: str, owner: Agency | None, revised_due: date | None
) -> None:
    if status:
        slipping = status == DeliveryStatus.SLIPPED
        change_status_as_asked(action, StatusChange(status, reason, revised_due if slipping else None))
    if revised_due and status != DeliveryStatus.SLIPPED:
        if revised_due == action.current_due:
            raise TransitionRefused("the revised due date is the date already in force")
        action.revised_due_date = revised_due
    if revised_due:
        action.revised_due_reason = reason.strip()
    if owner is not None:
        action.owner = owner
