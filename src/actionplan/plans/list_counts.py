"""How many rows a list of actions holds, read from the dashboard's kept counts (ADR 46) when the
list is one the dashboard counts: every action, the overdue, due soon or not updated, or one
agency's (the agency filter). ADR 60. "My actions" lists the open actions only, a number the kept
counts do not hold: the database counts it.

The lists are the dashboard's numbers shown row by row (they are tested equal), so the kept
number is the list's, exactly: the plans changed since they were last counted are counted live,
with the list's own query, and the partnership's totals less those plans' stored rows give the
rest. Counting the list itself is a join of every action of the partnership with its
recommendation and plan (50-250 ms at 100,000 actions); a number's totals are one row a colour.
Any other filter, a day other than today, or counts not kept for today and the partnership's
thresholds: None, and the list counts.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db.models import Q, QuerySet

from . import kept_recount, kept_totals
from .finder import ActionCriteria
from .kept_counts import made_for, today
from .models import Action, CountsKept, Partnership, Recommendation

# A list filtered by one exception alone is the dashboard's number of that exception.
EXCEPTIONS = ("overdue", "due_soon", "stale")


@dataclass(frozen=True)
class ListCount:
    actions: int
    recommendations_alone: int


def kept_sum(partnership: Partnership, changed: list[int], field: str, keys: tuple[int, ...] = ()) -> int:
    """The partnership's total of this number (ADR 67) less what the changed plans stored."""
    return sum(kept_totals.totals(partnership, field, keys, less=changed).values())


def kept_count(
    partnership: Partnership, as_at: date, criteria: ActionCriteria,
    found: QuerySet[Action], alone: QuerySet[Recommendation],
) -> ListCount | None:
    """The number of `found` (the list's actions) and of `alone` (its recommendations tracked on
    their own), from the kept counts when the criteria are the dashboard's; else None."""
    if criteria.finished is not None:  # open or finished only: the kept numbers count both
        return None
    chosen = {name for name, value in vars(criteria).items() if value}
    if chosen - {"agency", *EXCEPTIONS} or len(chosen) > 1 or as_at != today():
        return None
    if not CountsKept.objects.filter(made_for(partnership), as_at=as_at).exists():
        return None
    changed = kept_recount.marked(partnership)
    live = Q(recommendation__plan_id__in=changed)
    actions = found.filter(live).count() if changed else 0
    alone_live = alone.filter(plan_id__in=changed).count() if changed else 0
    if not chosen:  # every action: the partnership's RAG counts hold its recommendations alone too
        kept_alone = kept_sum(partnership, changed, "recommendations_alone")
        kept_actions = kept_sum(partnership, changed, "overall") - kept_alone
        return ListCount(kept_actions + actions, kept_alone + alone_live)
    (name,) = chosen
    if name in EXCEPTIONS:  # never a recommendation alone: they have no due date
        return ListCount(kept_sum(partnership, changed, name) + actions, 0)
    assert criteria.agency is not None  # the one criterion left
    return ListCount(kept_sum(partnership, changed, "by_agency", (criteria.agency,)) + actions, 0)
