"""Who may do what. The one home of the role rules: pages, reports and commands all ask here."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db.models import Q

from .models import Action, User

Role = User.Role


def in_partnership(user: User, partnership_id: int) -> bool:
    return user.is_active and (user.is_superuser or user.partnership_id == partnership_id)


def can_update_action(user: User, action: Action) -> bool:
    """Post progress, change status, attach evidence: an agency lead, on the actions their
    agencies lead or own jointly (ADR 78)."""
    if not in_partnership(user, action.partnership_id):
        return False
    if user.is_superuser or user.role == Role.PARTNERSHIP_ADMIN:
        return True
    return (
        user.role == Role.AGENCY_LEAD
        and action.owner_id is not None
        and user.agencies.filter(Q(pk=action.owner_id) | Q(joint_actions=action)).exists()
    )


def can_assure(user: User, action: Action) -> bool:
    """Accept or reject evidence, change assurance status."""
    return in_partnership(user, action.partnership_id) and (
        user.is_superuser or user.role in {Role.SCRUTINEER, Role.PARTNERSHIP_ADMIN}
    )


def can_assure_recommendation(user: User, partnership_id: int) -> bool:
    """Decide on the evidence of a recommendation tracked without actions: as for an action."""
    return in_partnership(user, partnership_id) and (
        user.is_superuser or user.role in {Role.SCRUTINEER, Role.PARTNERSHIP_ADMIN}
    )


def can_import(user: User) -> bool:
    """Import plan documents into the partnership."""
    return user.is_active and user.role == Role.PARTNERSHIP_ADMIN


def can_save_composite(user: User) -> bool:
    """Keep a composite action plan (seeing one is open to everybody)."""
    return user.is_active and user.role == Role.PARTNERSHIP_ADMIN


def can_give_back_updates(user: User) -> bool:
    """Upload an exported workbook of updates; each row is still checked with can_update_action."""
    return user.is_active and user.role in {Role.PARTNERSHIP_ADMIN, Role.AGENCY_LEAD}


def has_own_actions(user: User) -> bool:
    """Agency leads have a list of their agencies' actions ("My actions")."""
    return user.is_active and user.role == Role.AGENCY_LEAD


def require(allowed: bool, what: str) -> None:
    if not allowed:
        raise PermissionDenied(f"you may not {what}")


def can_edit_plans(user: User) -> bool:
    """Write and edit reviews, plans, recommendations and actions; reassign, revise, close."""
    return user.is_active and user.role == Role.PARTNERSHIP_ADMIN


def can_manage_people(user: User) -> bool:
    """Agencies (names, aliases, merging) and the people of the partnership."""
    return user.is_active and user.role == Role.PARTNERSHIP_ADMIN


def can_manage_reminders(user: User) -> bool:
    """The meeting calendar and when the partnership's owners are reminded."""
    return user.is_active and user.role == Role.PARTNERSHIP_ADMIN
