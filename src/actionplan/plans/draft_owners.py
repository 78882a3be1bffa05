"""The owners an import draft names: each wording once with the agencies it likely names, the
person's choice of agency (or a new one, or none) and post, remembered as the agency's alias."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .draft_rows import StoredPlan
from .models import Agency, ImportDraft
from .owner_match import AgencyMatch, likely_agencies, match_agency, owner_readings

NEW_AGENCY, NO_AGENCY = "new", "none"


def _readings(plan: dict[str, Any], agencies: list[Agency]) -> list[dict[str, Any]]:
    """Every owner reading of the plan's actions, as the store will read them."""
    found = []
    for item in plan["items"]:
        for action in item["actions"]:
            action["owner_readings"] = owner_readings(action, agencies)
            found.extend(action["owner_readings"])
    return found


def apply_owner_choices(draft: ImportDraft, plan: dict[str, Any]) -> None:
    """The posts the person gave, in place; "no agency" clears the agency read."""
    for reading in _readings(plan, list(draft.partnership.agencies.all())):
        choice = draft.owners.get(reading["text"])
        if choice:
            reading["role"] = choice.get("role") or None
            if choice["agency"] == NO_AGENCY:  # the person says it names no agency
                reading["agency"] = None


@dataclass
class Owner:
    """One owner wording of the document, shown once whatever the number of its actions."""

    text: str
    agency: str | None  # the agency the wording names, as read
    role: str | None
    actions: int
    matched: AgencyMatch | None  # a confident match: attached without asking
    likely: list[AgencyMatch]
    choice: dict[str, str] | None

    @property
    def needs_choice(self) -> bool:
        return self.choice is None and self.matched is None


def owners_of(draft: ImportDraft, plans: list[dict[str, Any]]) -> list[Owner]:
    """Each owner wording of the plans once, with its matches and the person's choice."""
    agencies = list(draft.partnership.agencies.all())
    owners: dict[str, Owner] = {}
    for plan in plans:
        for found in _readings(plan, agencies):
            if found["text"] in owners:
                owners[found["text"]].actions += 1
                continue
            owners[found["text"]] = Owner(
                found["text"], found.get("agency"), found.get("role"), 1,
                match_agency(found, agencies), likely_agencies(found, agencies),
                draft.owners.get(found["text"]))
    return list(owners.values())


def choose_owner(draft: ImportDraft, text: str, agency: str, name: str, role: str) -> None:
    """Record the person's choice for an owner wording: an agency's number, NEW_AGENCY (named
    `name`) or NO_AGENCY, and the post it names."""
    draft.owners = {**draft.owners, text: {"agency": agency, "name": name.strip(), "role": role.strip()}}
    draft.save(update_fields=["owners", "updated_at"])


def remember_owners(draft: ImportDraft) -> list[str]:
    """Each chosen agency learns the owner's wording as an alias, so that this import and the
    next one naming it attach its actions to it without asking. Gives the agencies created."""
    agencies = {str(a.pk): a for a in draft.partnership.agencies.all()}
    created = []
    for text, choice in draft.owners.items():
        if choice["agency"] == NEW_AGENCY:
            agency, new = Agency.objects.get_or_create(
                partnership=draft.partnership, name=(choice.get("name") or text)[:200])
            if new:
                created.append(agency.name)
        elif choice["agency"] in agencies:
            agency = agencies[choice["agency"]]
        else:
            continue  # no agency: the wording stays the action's owner post alone
        if not agency.is_called(text):
            agency.aliases = [*agency.aliases, text]
            agency.save(update_fields=["aliases"])
    return created


def as_new(outcome: StoredPlan, created: list[str]) -> StoredPlan:
    """The agencies the person asked for are new, though the store found them made."""
    for name in created:
        if name in outcome.matched_agencies:
            outcome.matched_agencies.remove(name)
            outcome.new_agencies.append(name)
    return outcome
