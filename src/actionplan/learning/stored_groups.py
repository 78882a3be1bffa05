"""The groups of recommendations made again, stored (docs/adr/0075).

Grouping a partnership's near pairs (grouping.py) reads all of them: 1.4 s a request among
10,000 recommendations. So the worker groups them again whenever they change, in the task that
changed them (neighbours.py: a recommendation's words, a plan stored in bulk, a rebuild), or
when what makes two recommendations one learning changes (a recommendation's reviews or the
actions it carries: learning/regroup_signals.py); the page reads a page of stored groups,
newest first, cut in SQL. A group's newest date is read on the request, so a review's date
changed moves the group without grouping again."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
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
BATCH = 5000  # rows a statement writes or names


@dataclass(frozen=True)
class Group:
    """A group of recommendations made again, before its members are read: what a page of groups
    is cut from."""

    ids: tuple[int, ...]
    newest: date


def near_scores(partnership_id: int, near: float = NEAR) -> dict[grouping.Pair, float]:
    """The partnership's stored pairs at `near` or more, with their scores."""
    paired = NearPair.objects.filter(partnership_id=partnership_id, score__gte=near)
    return {(a, b): score for a, b, score in paired.values_list("first", "second", "score")}


def groups_among(scores: Mapping[grouping.Pair, float], near: float = NEAR) -> list[set[int]]:
    """The groups of these pairs, leaving out the pairs that are one learning (same_learning.py)."""
    ends = {pk for pair in scores for pk in pair}
    plan_of = dict(Recommendation.objects.filter(pk__in=ends).values_list("pk", "plan_id"))
    same = one_learning(plan_of)
    seen = {
        (a, b): score for (a, b), score in scores.items()
        if a in plan_of and b in plan_of and b not in same[a]
    }
    return grouping.groups(seen, plan_of, near)


def groups_from_pairs(partnership_id: int, near: float = NEAR) -> list[set[int]]:
    """The partnership's groups from its stored pairs at `near` or more."""
    return groups_among(near_scores(partnership_id, near), near)


def regroup(partnership_ids: Iterable[int]) -> int:
    """Group these partnerships' pairs again and store the groups; returns how many."""
    stored = 0
    for partnership_id in sorted(set(partnership_ids)):
        with transaction.atomic():
            wait_for_others(partnership_id)
            found = groups_from_pairs(partnership_id)
            store(partnership_id, found, among=None)
        stored += len(found)
    return stored


def regroup_around(partnership_ids: Iterable[int], rec_ids: Iterable[int]) -> int:
    """Group again only the pairs linked, however far, to these recommendations: the ends of every
    pair stored, removed or scored again, or those whose one learning changed. A group is made
    only along pairs, strongest first, so the groups of pairs not linked to them are what a
    regroup of the whole partnership finds again (tests/learning/test_regroup_around.py); at
    10,000 recommendations that was seconds of the worker for each edit (docs/adr/0082).
    Returns how many groups were found around them."""
    starts = set(rec_ids)
    found_around = 0
    for partnership_id in sorted(set(partnership_ids)):
        with transaction.atomic():
            wait_for_others(partnership_id)
            scores = near_scores(partnership_id)
            around = grouping.linked_to(scores, starts)
            found = groups_among({pair: s for pair, s in scores.items() if pair[0] in around})
            store(partnership_id, found, among=around)
        found_around += len(found)
    return found_around


def regroup_all() -> int:
    """Every partnership's groups found again (after the pairs are all scored again)."""
    MadeAgain.objects.all().delete()
    return regroup(NearPair.objects.values_list("partnership_id", flat=True).distinct())


def wait_for_others(partnership_id: int) -> None:
    # Two workers grouping one partnership at once: the second waits for the first.
    list(NearPair.objects.select_for_update().filter(partnership_id=partnership_id).order_by("pk")[:1])


def store(partnership_id: int, found: list[set[int]], among: set[int] | None) -> None:
    """Put `found` in place of the stored groups with a member `among` these recommendations
    (None: every group of the partnership), writing only the groups that changed: an edit
    usually leaves all of them as they were."""
    was: dict[int, set[int]] = defaultdict(set)
    rows = MadeAgain.objects.filter(partnership_id=partnership_id).values_list("group", "recommendation_id")
    for key, pk in rows:
        was[key].add(pk)
    stale = {key: frozenset(members) for key, members in was.items()
             if among is None or not members.isdisjoint(among)}
    now = {frozenset(members) for members in found}
    gone = [key for key, members in stale.items() if members not in now]
    for start in range(0, len(gone), BATCH):
        MadeAgain.objects.filter(group__in=gone[start : start + BATCH]).delete()
    MadeAgain.objects.bulk_create(
        (MadeAgain(partnership_id=partnership_id, recommendation_id=pk, group=min(members))
         for members in now - set(stale.values()) for pk in members),
        batch_size=BATCH,
    )


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
