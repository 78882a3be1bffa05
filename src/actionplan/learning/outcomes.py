"""What became of a recommendation: when it was made, and whether its actions were implemented
and assured. The words a board uses when it asks "did we not do this before?"."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from actionplan.plans.assurance import ASSURED
from actionplan.plans.models import Recommendation
from actionplan.plans.status import DeliveryStatus


@dataclass(frozen=True)
class Outcome:
    actions: int
    implemented: int
    assured: int

    @property
    def any_implemented(self) -> bool:
        return self.implemented > 0

    def __str__(self) -> str:
        if not self.actions:
            return "Implemented" if self.implemented else "Not implemented"
        return f"{self.implemented} of {self.actions} actions implemented, {self.assured} assured"


def outcome_of(rec: Recommendation) -> Outcome:
    # theme_counts.COUNTS says `any_implemented` in SQL for recurring themes: change both alike.
    actions = rec.all_actions()
    if not actions:  # tracked on itself
        return Outcome(0, int(rec.status == DeliveryStatus.IMPLEMENTED), 0)
    implemented = sum(a.status == DeliveryStatus.IMPLEMENTED for a in actions)
    return Outcome(len(actions), implemented, sum(a.assurance in ASSURED for a in actions))


def made_on(rec: Recommendation) -> date | None:
    """When the learning was found: the earliest report of its reviews, else the plan's date
    (`stored_groups.GROUPS` says it to the database)."""
    reported = [r.reported_on for r in rec.reviews.all() if r.reported_on]
    return min(reported) if reported else rec.plan.as_at



def reviews_of(rec: Recommendation) -> str:
    return ", ".join(r.code for r in rec.reviews.all())
