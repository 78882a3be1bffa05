"""Build the board report once, as plain data; the renderers only lay it out."""

from __future__ import annotations

from datetime import date, datetime

from django.utils import timezone

from actionplan.plans.history import actions_as_at
from actionplan.plans.models import Partnership

from . import counts
from .decisions import decisions_as_at
from .exceptions import RECENT_DAYS, exceptions
from .facts import facts_as_at, recommendations_as_at
from .model import BoardReport
from .names import as_they_were
from .review_header import review_headers
from .scope import PlanSource, Scope, check_as_at, resolve
from .tables import AsAt, plan_tables
from .trend import trend


def build_report(
    partnership: Partnership, scope: Scope, as_at: date, *, now: datetime | None = None
) -> BoardReport:
    """The report on `scope` as the board would have seen it at the end of `as_at`."""
    check_as_at(as_at)
    resolved = resolve(partnership, scope)
    partnership_name, title = as_they_were(partnership, scope, resolved, as_at)
    action_ids, own_recs = ids_in(resolved.sources)
    known = AsAt(
        on=as_at,
        actions=actions_as_at(action_ids, as_at, partnership),
        facts=facts_as_at(action_ids, as_at),
        recommendations=recommendations_as_at(own_recs, as_at),
        agency=resolved.agency,
        # A review's actions may also sit in a composite plan: show them once, under the review.
        once=scope.review is not None,
    )
    plans = plan_tables(resolved.sources, known)
    return BoardReport(
        partnership=partnership_name,
        scope=title,
        as_at=as_at,
        generated_at=now or timezone.now(),
        stale_after_days=partnership.stale_after_days,
        recent_days=RECENT_DAYS,
        totals=counts.totals(plans),
        breakdowns=counts.breakdowns(plans),
        exceptions=exceptions(plans, known, partnership),
        plans=plans,
        trend=trend(list(counts.distinct_actions(plans)), as_at, partnership),
        reviews=review_headers(partnership, scope, as_at),
        decisions=[] if resolved.agency else decisions_as_at(resolved.sources, as_at),
    )


def ids_in(sources: list[PlanSource]) -> tuple[set[int], set[int]]:
    """The actions the sources hold, and the recommendations tracked on their own."""
    actions: set[int] = set()
    own: set[int] = set()
    for source in sources:
        for _, recs in source.sections:
            for rec in recs:
                linked = rec.all_actions()
                actions.update(a.pk for a in linked)
                if not linked:
                    own.add(rec.pk)
    return actions, own
