"""Learning that recurs: themes and near-duplicate recommendations met in several reviews.

Near-duplicates are recommendations of different plans whose TF-IDF cosine reaches a threshold,
stored as their words change (neighbours.py), gathered into groups (grouping.py) and the groups
stored as the pairs change (stored_groups.py). A group is flagged when an earlier member had an
action implemented before the newest was made (implemented_before.py): the same learning came
back after the board had called it done."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from django.db.models import QuerySet

from actionplan.plans.models import Recommendation

from .implemented_before import implemented_before, made_earlier
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
    # Earlier members implemented before the newest was made (implemented_before.py).
    done_before: list[Member] = field(default_factory=list)

    @property
    def newest(self) -> date:
        return newest_of(self.members)


def newest_of(members: Iterable[Member]) -> date:
    return max((m.made_on for m in members if m.made_on), default=date.min)


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
    groups = [sorted((by_pk[pk] for pk in group.ids), key=oldest_first) for group in chosen]
    asked = [made_earlier({m.recommendation.pk: m.made_on for m in members}, newest_of(members))
             for members in groups]
    held = implemented_before(set().union(*asked))
    return [
        Recurrence(members, [m for m in members if (m.recommendation.pk, newest_of(members)) in held])
        for members in groups
    ]


def oldest_first(member: Member) -> tuple[date, int]:
    return member.made_on or date.min, member.recommendation.pk


def recurrences(recs: QuerySet[Recommendation]) -> list[Recurrence]:
    """Every group of near-duplicate recommendations from more than one plan, newest first."""
    return recurrences_of(found_groups(recs), recs)

