"""Whether learning had been implemented before it was found again: the one rule behind the
"Implemented before" of recommendations made again and of recurring themes (docs/adr/0082).

The board asks "had we not done this already?" of the day the later review was reported, so it
is judged by the status each action stood at then, as its history says, not by its status today:
an action implemented after the later review was not implemented before it, and one implemented
before and reopened since still was. Something of a recommendation stood implemented when an
action of its own or linked to it did (with neither, the recommendation tracked alone itself),
as `outcomes.outcome_of` counts them today. An imported document that says an action was done
dates it from the document's date, not from the day it was imported: boards import plans
years old."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any

from django.db.models import Model
from django.utils import timezone

from actionplan.plans.history import end_of_day
from actionplan.plans.models import Action, ProgressUpdate, Recommendation
from actionplan.plans.progress_updates import IMPORTED_AUTHOR
from actionplan.plans.status import DeliveryStatus

IMPLEMENTED = DeliveryStatus.IMPLEMENTED.value
Asked = tuple[int, date]  # a recommendation, and the day the learning was found again
Dated = list[tuple[datetime, str]]  # a row's statuses, each with when it took effect


@dataclass
class Statuses:
    """What the rule reads: the dated statuses of the recommendations' actions (own and linked)
    that were ever implemented, and of those tracked alone that ever were. A deletion is a
    status of its own (""). Read by `read` here, or in the query of recurring themes."""

    actions_of: dict[int, set[int]] = field(default_factory=lambda: defaultdict(set))
    of_action: dict[int, Dated] = field(default_factory=lambda: defaultdict(list))
    of_alone: dict[int, Dated] = field(default_factory=lambda: defaultdict(list))


def implemented_before(asked: Iterable[Asked]) -> set[Asked]:
    """Those of (recommendation, day) where something of the recommendation stood implemented at
    the end of the day before."""
    wanted = set(asked)
    return judged(read({pk for pk, _ in wanted}), wanted)


def judged(statuses: Statuses, wanted: Iterable[Asked]) -> set[Asked]:
    """The rule, on the statuses read."""
    for dated in [*statuses.of_action.values(), *statuses.of_alone.values()]:
        dated.sort(key=lambda pair: pair[0])  # stable: versions of one moment stay in order
    cutoffs: dict[date, datetime] = {}
    found = set()
    for rec_id, day in wanted:
        by_then = cutoffs.setdefault(day, end_of_day(day - timedelta(days=1)))
        if rec_id in statuses.of_alone:
            held = stood_implemented(statuses.of_alone[rec_id], by_then)
        else:
            actions = statuses.actions_of.get(rec_id, ())
            held = any(stood_implemented(statuses.of_action.get(pk, []), by_then) for pk in actions)
        if held:
            found.add((rec_id, day))
    return found


def stood_implemented(dated: Dated, by_then: datetime) -> bool:
    """Whether the newest of the dated statuses (oldest first) by then is implemented."""
    in_force = ""
    for when, status in dated:
        if when > by_then:
            break
        in_force = status
    return in_force == IMPLEMENTED


def read(rec_ids: set[int]) -> Statuses:
    """The statuses of these recommendations, from their history."""
    statuses = Statuses()
    # No ORDER BY: an action's own ordering joins its recommendation.
    own = Action.objects.filter(recommendation_id__in=rec_ids).order_by()
    linked = Recommendation.linked_actions.through.objects.filter(recommendation_id__in=rec_ids).order_by()
    acted: dict[int, set[int]] = defaultdict(set)
    for action_id, rec_id in [*own.values_list("pk", "recommendation_id"),
                              *linked.values_list("action_id", "recommendation_id")]:
        acted[rec_id].add(action_id)
    statuses.of_action = versions(Action, {pk for ids in acted.values() for pk in ids})
    statuses.actions_of = {rec_id: ids & set(statuses.of_action) for rec_id, ids in acted.items()}
    imported = ProgressUpdate.objects.filter(
        action_id__in=list(statuses.of_action), author_name=IMPORTED_AUTHOR, status=IMPLEMENTED
    ).order_by()
    for action_id, written_on in imported.values_list("action_id", "written_on"):
        statuses.of_action[action_id].append(document_dated(written_on))
    statuses.of_alone = versions(Recommendation, rec_ids - set(acted))
    return statuses


def versions(model: type[Model], ids: set[int]) -> dict[int, Dated]:
    """The dated statuses of the rows among `ids` ever implemented (the others never stood so)."""
    history: Any = model.history  # type: ignore[attr-defined]
    ever = history.filter(id__in=ids, status=IMPLEMENTED).values("id")
    found: dict[int, Dated] = defaultdict(list)
    rows = history.filter(id__in=ever).order_by("history_date", "history_id")
    for pk, when, status, kind in rows.values_list("id", "history_date", "status", "history_type"):
        found[pk].append((when, "" if kind == "-" else status))
    return found


def document_dated(day: date) -> tuple[datetime, str]:
    """An imported document saying the work was done: implemented from the start of its day."""
    return timezone.make_aware(datetime.combine(day, time.min)), IMPLEMENTED


def made_earlier(made: Mapping[int, date | None], newest: date | None) -> set[Asked]:
    """What to ask of recommendations made on the days given when the learning came back on
    `newest`: those made before it, of that day. An undated one is not known to be earlier."""
    if newest is None:
        return set()
    return {(pk, newest) for pk, day in made.items() if day is not None and day < newest}
