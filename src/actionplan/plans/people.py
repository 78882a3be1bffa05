"""The partnership admin's care of agencies and people: names and aliases, merging two agencies,
inviting a person, their role and agencies, deactivating them. Rules and history live here."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Q

from .action_facts import share
from .counts_touched import counted
from .editing import EditRefused
from .models import Action, Agency, Partnership, User, normalise_name
from .permissions import can_manage_people, in_partnership, require
from .updates import save_stamped


def check_manager(by: User, partnership_id: int) -> None:
    require(can_manage_people(by) and in_partnership(by, partnership_id), "manage agencies and people")


def clean_aliases(aliases: list[str], name: str) -> list[str]:
    """Each other name once, in the order given, never the agency's own name."""
    kept: list[str] = []
    seen = {normalise_name(name)}
    for alias in (a.strip() for a in aliases):
        if alias and normalise_name(alias) not in seen:
            seen.add(normalise_name(alias))
            kept.append(alias)
    return kept


def save_agency(agency: Agency, by: User, *, name: str, aliases: list[str]) -> Agency:
    """Create or rename an agency. A renamed agency keeps its old name as an alias, so plans
    imported later that still use it find the same agency."""
    check_manager(by, agency.partnership_id)
    name = name.strip()
    if not name:
        raise EditRefused("an agency needs a name")
    others = Agency.objects.filter(partnership_id=agency.partnership_id).exclude(pk=agency.pk)
    clash = next((a for a in others if a.is_called(name)), None)
    if clash is not None:
        raise EditRefused(f"{clash.name} is already called that: merge the two instead")
    if agency.pk is not None and normalise_name(agency.name) != normalise_name(name):
        aliases = [*aliases, agency.name]
    agency.name, agency.aliases = name, clean_aliases(aliases, name)
    agency.save()
    return agency


def merge_agencies(source: Agency, target: Agency, by: User) -> int:
    """Fold `source` into `target`: its actions and leads move (each action's history says so),
    its names become aliases of `target`, and it is removed. Answers how many actions moved."""
    check_manager(by, source.partnership_id)
    if source.partnership_id != target.partnership_id or source.pk == target.pk:
        raise EditRefused("choose another agency of this partnership to merge into")
    why = f"{source.name} merged into {target.name}"
    with counted():
        moved = 0
        # In id order, as a plan's deletion locks them: two such changes never wait on each other.
        for action in source.actions.select_for_update().order_by("pk"):
            action.owner = target
            share(action, [a for a in action.joint_owners.all() if a != target])
            save_stamped(action, None, by, why)
            moved += 1
        # The actions it shared with their lead are shared with the agency it becomes (ADR 78).
        for action in Action.objects.filter(joint_owners=source).select_for_update().order_by("pk"):
            others = [a for a in action.joint_owners.all() if a != source]
            share(action, others + [target] if action.owner_id != target.pk and target not in others
                  else others)
            save_stamped(action, None, by, why)
        for lead in source.leads.all():
            lead.agencies.add(target)
        target.aliases = clean_aliases([*target.aliases, source.name, *source.aliases], target.name)
        target.save()
        source.delete()
    return moved


def invite_person(
    partnership: Partnership, by: User, *, email: str, first_name: str, last_name: str, role: str,
    agencies: list[Agency],
) -> User:
    """A new person of the partnership, with no password until they set one from the e-mail."""
    check_manager(by, partnership.pk)
    email = email.strip().lower()
    if User.objects.filter(Q(username__iexact=email) | Q(email__iexact=email)).exists():
        raise EditRefused(f"{email} already has an account")
    check_agencies(partnership, role, agencies)
    with transaction.atomic():
        person = User(username=email, email=email, first_name=first_name.strip(),
                      last_name=last_name.strip(), partnership=partnership, role=role)
        person.set_unusable_password()
        person.save()
        person.agencies.set(agencies)
    return person


def change_person(person: User, by: User, *, role: str, agencies: list[Agency], active: bool) -> None:
    partnership = person.partnership
    if partnership is None:  # an account outside every partnership (a superuser's) is kept in Django's admin
        raise PermissionDenied("you may not manage an account outside a partnership")
    check_manager(by, partnership.pk)
    if person.pk == by.pk and (not active or role != by.role):
        raise EditRefused("you cannot change your own role or deactivate yourself: ask another admin")
    check_agencies(partnership, role, agencies)
    with transaction.atomic():
        person.role, person.is_active = role, active
        person.save()
        person.agencies.set(agencies)


def check_agencies(partnership: Partnership, role: str, agencies: list[Agency]) -> None:
    if role not in User.Role.values:
        raise EditRefused(f"'{role}' is not a role")
    if any(a.partnership_id != partnership.pk for a in agencies):
        raise EditRefused("a person leads only agencies of their own partnership")
    if role == User.Role.AGENCY_LEAD and not agencies:
        raise EditRefused("an agency lead needs at least one agency")
