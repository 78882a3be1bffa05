"""Learning that recurs: themes and near-duplicate recommendations met in several reviews.

Near-duplicates are recommendations of different plans whose TF-IDF cosine reaches a threshold,
stored as their words change (neighbours.py), gathered into groups (grouping.py) and the groups
stored as the pairs change (stored_groups.py). A group is flagged when an earlier member had an
action marked implemented: the same learning came back after the board had called it done."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from django.db.models import QuerySet

from actionplan.plans.models import Recommendation

from .outcomes import Outcome, made_on, outcome_of
from .stored_groups import NEAR, Group, StoredGroups

__all__ = ["NEAR", "Group", "Member", "Recurrence", "found_groups", "groups_to_page", "recurrences"]


@dataclass(frozen=True)
class Member:
    recommendation: Recommendation
    made_on: date | None
    outcome: Outcome


@dataclass(frozen=True)
class Recurrence:
    members: list[Member]  # oldest first

    @property
    def newest(self) -> date:
        return max((m.made_on for m in self.members if m.made_on), default=date.min)

    @property
    def done_before(self) -> list[Member]:
        """Earlier members (not the newest) whose actions were marked implemented."""
        return [m for m in self.members[:-1] if m.outcome.any_implemented]


def found_groups(recs: QuerySet[Recommendation]) -> list[Group]:
    """Every stored group whose members are all among `recs`, newest first (docs/adr/0075)."""
    return list(StoredGroups(recs))


def groups_to_page(recs: QuerySet[Recommendation]) -> StoredGroups:
    """The same groups, for a paginator: only the page's groups are read."""
    return StoredGroups(recs)


def recurrences_of(found: Iterable[Group], recs: QuerySet[Recommendation]) -> list[Recurrence]:
    """The groups with their members read in full (their reviews, dates and outcomes): for a page
    of groups, only that page's recommendations are read."""
    chosen = list(found)
    rows = (
        recs.filter(pk__in=[pk for group in chosen for pk in group.ids])
        .select_related("plan")
        .prefetch_related("reviews", "actions", "linked_actions")
    )
    by_pk = {rec.pk: Member(rec, made_on(rec), outcome_of(rec)) for rec in rows}
    return [
        Recurrence(sorted((by_pk[pk] for pk in group.ids),
                          key=lambda m: (m.made_on or date.min, m.recommendation.pk)))
        for group in chosen
    ]


def recurrences(recs: QuerySet[Recommendation]) -> list[Recurrence]:
    """Every group of near-duplicate recommendations from more than one plan, newest first."""
    return recurrences_of(found_groups(recs), recs)

