"""People as they were on a past day: their role, whether they could sign in, and the agencies
they led, from the history kept of each person (their agencies included). A report as at a past
meeting names who could update an agency's actions then, not who can today."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.apps import apps

from .history import versions_in_force
from .models import User

Role = User.Role


@dataclass(frozen=True)
class PersonAsAt:
    person_id: int
    name: str
    role: str
    active: bool
    agency_ids: frozenset[int]

    def could_update(self, agency_id: int | None) -> bool:
        """As permissions.can_update_action: an admin any action, a lead their agencies'."""
        if not self.active:
            return False
        return self.role == Role.PARTNERSHIP_ADMIN or (
            self.role == Role.AGENCY_LEAD and agency_id is not None and agency_id in self.agency_ids
        )


def people_as_at(partnership_id: int, on: date) -> dict[int, PersonAsAt]:
    """Each person of the partnership at the end of `on`, by id; people added later, or moved
    to another partnership by then, are left out."""
    ever = User.history.filter(partnership_id=partnership_id).values("id")
    latest = versions_in_force(User.history.filter(id__in=ever), on)
    kept = {pk: v for pk, v in latest.items() if v.history_type != "-" and v.partnership_id == partnership_id}
    led: dict[int, set[int]] = {v.history_id: set() for v in kept.values()}
    leads = apps.get_model("plans", "HistoricalUser_agencies")  # the history of each person's agencies
    for history_id, agency_id in leads.objects.filter(history_id__in=list(led)).values_list(
        "history_id", "agency_id"
    ):
        led[history_id].add(agency_id)
    return {
        pk: PersonAsAt(
            pk, f"{v.first_name} {v.last_name}".strip() or v.username, v.role, v.is_active,
            frozenset(led[v.history_id]),
        )
        for pk, v in kept.items()
    }
