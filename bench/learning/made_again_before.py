"""Recommendations made again as they were grouped before docs/adr/0075, kept for the benchmark's
comparison in one run: the partnership's near pairs read and grouped on each request. The product
reads the groups the worker stored (actionplan.learning.stored_groups)."""

from __future__ import annotations

from datetime import date

from django.db.models import F, Min, Q, QuerySet
from django.db.models.functions import Coalesce

from actionplan.learning import grouping
from actionplan.learning.models import NearPair
from actionplan.learning.recurring import NEAR, Group
from actionplan.learning.same_learning import one_learning
from actionplan.plans.models import Recommendation

MADE_ON = Coalesce(Min("reviews__reported_on"), F("plan__as_at"))


def found_groups_on_request(recs: QuerySet[Recommendation]) -> list[Group]:
    partnerships = list(recs.order_by().values_list("plan__partnership_id", flat=True).distinct())
    paired = NearPair.objects.filter(partnership_id__in=partnerships, score__gte=NEAR)
    scores = {(a, b): score for a, b, score in paired.values_list("first", "second", "score")}
    members = (
        recs.filter(Q(pk__in=paired.values("first")) | Q(pk__in=paired.values("second")))
        .annotate(made=MADE_ON)
        .values_list("pk", "plan_id", "made")
    )
    plan_of, made = {}, {}
    for pk, plan_id, day in members:
        plan_of[pk], made[pk] = plan_id, day
    same = one_learning(plan_of)
    seen = {
        (a, b): score for (a, b), score in scores.items()
        if a in plan_of and b in plan_of and b not in same[a]
    }
    found = [
        Group(tuple(sorted(group)), max((d for pk in group if (d := made[pk])), default=date.min))
        for group in grouping.groups(seen, plan_of, NEAR)
    ]
    return sorted(found, key=lambda g: (g.newest, g.ids), reverse=True)
