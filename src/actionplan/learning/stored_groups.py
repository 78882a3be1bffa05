"""The groups of recommendations made again, stored (docs/adr/0075).

Grouping a partnership's near pairs (grouping.py) reads all of them: 1.4 s a request among
10,000 recommendations. So the worker groups them again whenever they change, in the task that
changed them (neighbours.py: a recommendation's words, a plan stored in bulk, a rebuild), or
when what makes two recommendations one learning changes (a recommendation's reviews or the
actions it carries: learning/regroup_signals.py); the page reads a page of stored groups,
newest first, cut in SQL. A group's newest date is read on the request, so a review's date
changed moves the group without grouping again."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from typing import overload

from django.db import connection, transaction
from django.db.models import Q, QuerySet

from actionplan.plans.models import Plan, Recommendation, Review

from . import grouping
from .models import MadeAgain, NearPair
from .same_learning import one_learning
from .theme_counts import as_date

# Chosen on real published plans: the GP and child-protection-conference recommendations of
# three reviews score 0.14 to 0.18 with each other; of 2,700 pairs of recommendations of different
# plans about 20 reach 0.13, the median pair scores 0.015 (docs/adr/0032).
NEAR = 0.13


@dataclass(frozen=True)
class Group:
    """A group of recommendations made again, before its members are read: what a page of groups
    is cut from."""

    ids: tuple[int, ...]
    newest: date


def groups_from_pairs(partnership_id: int, near: float = NEAR) -> list[set[int]]:
    """The partnership's groups from its stored pairs at `near` or more, leaving out the pairs
    that are one learning (same_learning.py)."""
    paired = NearPair.objects.filter(partnership_id=partnership_id, score__gte=near)
    scores = {(a, b): score for a, b, score in paired.values_list("first", "second", "score")}
    ends = {pk for pair in scores for pk in pair}
    plan_of = dict(Recommendation.objects.filter(pk__in=ends).values_list("pk", "plan_id"))
    same = one_learning(plan_of)
    seen = {
        (a, b): score for (a, b), score in scores.items()
        if a in plan_of and b in plan_of and b not in same[a]
    }
    return grouping.groups(seen, plan_of, near)


def regroup(partnership_ids: Iterable[int]) -> int:
    """Group these partnerships' pairs again and store the groups; returns how many."""
    stored = 0
    for partnership_id in sorted(set(partnership_ids)):
        with transaction.atomic():
            # Two workers grouping one partnership at once: the second waits for the first.
            list(NearPair.objects.select_for_update().filter(partnership_id=partnership_id).order_by("pk")[:1])
            found = groups_from_pairs(partnership_id)
            MadeAgain.objects.filter(partnership_id=partnership_id).delete()
            MadeAgain.objects.bulk_create(
                (MadeAgain(partnership_id=partnership_id, recommendation_id=pk, group=min(members))
                 for members in found for pk in members),
                batch_size=5000,
            )
        stored += len(found)
    return stored


def regroup_all() -> int:
    """Every partnership's groups found again (after the pairs are all scored again)."""
    MadeAgain.objects.all().delete()
    return regroup(NearPair.objects.values_list("partnership_id", flat=True).distinct())


def tables() -> dict[str, str]:
    return {
        "made_again": MadeAgain._meta.db_table,
        "recommendation": Recommendation._meta.db_table,
        "plan": Plan._meta.db_table,
        "rec_reviews": Recommendation.reviews.through._meta.db_table,
        "review": Review._meta.db_table,
    }


# Each stored group of the partnerships whose members are all among the recommendations asked
# for, with its newest member's date (`outcomes.made_on`: the earliest report of its reviews,
# else its plan's date), newest first; groups with no date last, as `date.min` sorts. The
# members' dates are found by joins, not a subquery for each member: PostgreSQL ran that
# subquery as a hash of every review for each of 10,000 members (1.2 s).
GROUPS = """
    SELECT made.made_again, MAX(made.made_on) AS newest
    FROM (
        SELECT g."group" AS made_again, g.recommendation_id, COALESCE(MIN(rv.reported_on), p.as_at) AS made_on
        FROM {made_again} g
        JOIN {recommendation} r ON r.id = g.recommendation_id
        JOIN {plan} p ON p.id = r.plan_id
        LEFT JOIN {rec_reviews} rr ON rr.recommendation_id = g.recommendation_id
        LEFT JOIN {review} rv ON rv.id = rr.review_id
        WHERE g.partnership_id IN ({partnerships})
        GROUP BY g."group", g.recommendation_id, p.as_at
    ) made
    GROUP BY made.made_again
    HAVING COUNT(*) = SUM(CASE WHEN made.recommendation_id IN ({recs}) THEN 1 ELSE 0 END)"""
# PostgreSQL orders by an expression of the columns of a SELECT only from outside it.
NEWEST_FIRST = "SELECT * FROM ({groups}) shown ORDER BY (newest IS NULL), newest DESC, made_again DESC"


class StoredGroups(Sequence[Group]):
    """The stored groups among `recs`, newest first: a sequence Django's paginator counts (its
    length) and slices. One query orders every group by its newest date (a key and a date
    each); only the page's groups have their members read."""

    def __init__(self, recs: QuerySet[Recommendation]) -> None:
        partnerships = recs.order_by().values("plan__partnership_id").distinct()
        ids = recs.order_by().values("pk")  # no ORDER BY in a subquery
        p_sql, p_params = partnerships.query.sql_with_params()
        r_sql, r_params = ids.query.sql_with_params()
        self.sql = NEWEST_FIRST.format(groups=GROUPS.format(partnerships=p_sql, recs=r_sql, **tables()))
        self.params = [*p_params, *r_params]
        self.ordered: list[tuple[int, date]] | None = None

    def newest_first(self) -> list[tuple[int, date]]:
        if self.ordered is None:
            with connection.cursor() as cursor:
                cursor.execute(self.sql, self.params)
                self.ordered = [(key, as_date(day) or date.min) for key, day in cursor.fetchall()]
        return self.ordered

    def __len__(self) -> int:
        return len(self.newest_first())

    @overload
    def __getitem__(self, chosen: int) -> Group: ...

    @overload
    def __getitem__(self, chosen: slice) -> list[Group]: ...

    def __getitem__(self, chosen: int | slice) -> Group | list[Group]:
        if isinstance(chosen, int):
            return self[chosen : chosen + 1 or None][0]
        page = self.newest_first()[chosen]
        members: dict[int, list[int]] = {key: [] for key, _ in page}
        rows = MadeAgain.objects.filter(group__in=members).values_list("group", "recommendation_id")
        for key, pk in rows:
            members[key].append(pk)
        return [Group(tuple(sorted(members[key])), day) for key, day in page]

    def __iter__(self) -> Iterator[Group]:
        return iter(self[:])


def partnerships_paired(rec_ids: Iterable[int]) -> set[int]:
    """The partnerships of those of these recommendations that are in a stored pair."""
    ids = set(rec_ids)
    paired = NearPair.objects.filter(Q(first__in=ids) | Q(second__in=ids))
    return set(paired.values_list("partnership_id", flat=True).distinct())
