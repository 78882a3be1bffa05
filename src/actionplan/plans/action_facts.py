"""The partnership admin's corrections to an existing action's facts: what it says, who owns it,
when it is due. Reached through updates.py."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from .events import action_assigned, announce, due_revised
from .models import Action, Agency, User
from .permissions import can_edit_plans, in_partnership, require
from .stamping import changing, save_stamped
from .status import TransitionRefused


def edit_action(
    action: Action, by: User, *, text: str, measure: str, why: str = "", expected_version: int | None = None
) -> None:
    """Correct what the action says and how the board will know it was done."""
    require(can_edit_plans(by) and in_partnership(by, action.partnership_id), "edit this action")
    if not text.strip():
        raise TransitionRefused("an action needs its text")
    with changing(action, expected_version) as fresh:
        fresh.text, fresh.measure = text.strip(), measure.strip()
        save_stamped(fresh, None, by, why)


def reassign_action(
    action: Action,
    by: User,
    *,
    owner: Agency | None,
    owner_role: str,
    owner_person: User | None,
    reason: str,
    expected_version: int | None = None,
    joint_owners: Sequence[Agency] | None = None,
) -> None:
    """Give the action to another agency, role or named person, and to the agencies that own
    it with the owner (unchanged when None); the reason is kept in its history."""
    require(can_edit_plans(by) and in_partnership(by, action.partnership_id), "reassign this action")
    partnership_id = action.partnership_id
    if owner is not None and owner.partnership_id != partnership_id:
        raise TransitionRefused("the owner must be an agency of this partnership")
    if any(agency.partnership_id != partnership_id for agency in joint_owners or ()):
        raise TransitionRefused("the agencies it is shared with must be of this partnership")
    if owner_person is not None and owner_person.partnership_id != partnership_id:
        raise TransitionRefused("the named person must belong to this partnership")
    if not reason.strip():
        raise TransitionRefused("say why the action is reassigned")
    with changing(action, expected_version) as fresh:
        given_to_another = owner is not None and owner.pk != fresh.owner_id
        fresh.owner, fresh.owner_role, fresh.owner_person = owner, owner_role.strip(), owner_person
        if joint_owners is not None:
            share(fresh, [agency for agency in joint_owners if agency != owner])
        save_stamped(fresh, None, by, reason)
        if given_to_another:
            announce(action_assigned, action_id=fresh.pk)


def share(action: Action, agencies: list[Agency]) -> None:
    """The joint owners changed without a version of their own: django-simple-history would
    write one a change, with no reason; the reassignment's version, saved next, holds them."""
    marks = action.__dict__
    marks["skip_history_when_saving"] = True
    try:
        action.joint_owners.set(agencies)
    finally:
        marks.pop("skip_history_when_saving")


def revise_due(
    action: Action, by: User, *, revised_due: date, reason: str, expected_version: int | None = None
) -> None:
    """A new due date agreed by the board. The original is kept; the reason is required."""
    require(can_edit_plans(by) and in_partnership(by, action.partnership_id), "revise this due date")
    if not reason.strip():
        raise TransitionRefused("a revised due date needs the reason it was revised")
    with changing(action, expected_version) as fresh:
        if revised_due == fresh.current_due:
            raise TransitionRefused("the revised due date is the date already in force")
        fresh.revised_due_date, fresh.revised_due_reason = revised_due, reason.strip()
        save_stamped(fresh, None, by, reason)
        announce(due_revised, action_id=fresh.pk)
