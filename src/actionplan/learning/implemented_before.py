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


def implemented_before(asked: Iterable[Asked]) -> set[Asked]:
    """Those of (recommendation, day) where something of the recommendation stood implemented at
    the end of the day before."""
    wanted = set(asked)
    rec_ids = {pk for pk, _ in wanted}
    actions_of: dict[int, set[int]] = defaultdict(set)
    own = Action.objects.filter(recommendation_id__in=rec_ids)
    for pk, rec_id in own.values_list("pk", "recommendation_id"):
        actions_of[rec_id].add(pk)
    linked = Recommendation.linked_actions.through.objects.filter(recommendation_id__in=rec_ids)
    for action_id, rec_id in linked.values_list("action_id", "recommendation_id"):
        actions_of[rec_id].add(action_id)
    alone = rec_ids - set(actions_of)
    action_statuses = statuses(Action, {pk for ids in actions_of.values() for pk in ids})
    for action_id, written_on in ProgressUpdate.objects.filter(
        action_id__in=action_statuses, author_name=IMPORTED_AUTHOR, status=IMPLEMENTED
    ).values_list("action_id", "written_on"):
        action_statuses[action_id].append((start_of(written_on), IMPLEMENTED))
    alone_statuses = statuses(Recommendation, alone)
    found = set()
    for rec_id, day in wanted:
        if rec_id in alone:
            held = stood_implemented(alone_statuses.get(rec_id, []), day)
        else:
            held = any(stood_implemented(action_statuses.get(pk, []), day) for pk in actions_of[rec_id])
        if held:
            found.add((rec_id, day))
    return found


def statuses(model: type[Model], ids: set[int]) -> dict[int, list[tuple[datetime, str]]]:
    """The dated statuses of the rows among `ids` ever implemented (the others never stood so),
    from their history; a deletion ends the row's statuses."""
    history: Any = model.history  # type: ignore[attr-defined]
    ever = history.filter(id__in=ids, status=IMPLEMENTED).values("id")
    found: dict[int, list[tuple[datetime, str]]] = defaultdict(list)
    rows = history.filter(id__in=ever).order_by("history_date", "history_id")
    for pk, when, status, kind in rows.values_list("id", "history_date", "status", "history_type"):
        found[pk].append((when, "" if kind == "-" else status))
    return found


def stood_implemented(dated: list[tuple[datetime, str]], day: date) -> bool:
    """Whether the newest of the dated statuses by the end of the day before `day` is implemented
    (the newest saved last at the same moment)."""
    by_then = end_of_day(day - timedelta(days=1))
    in_force = [status for when, status in sorted(dated, key=lambda pair: pair[0]) if when <= by_then]
    return bool(in_force) and in_force[-1] == IMPLEMENTED


def start_of(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def made_earlier(made: Mapping[int, date | None], newest: date | None) -> set[Asked]:
    """What to ask of recommendations made on the days given when the learning came back on
    `newest`: those made before it, of that day. An undated one is not known to be earlier."""
    if newest is None:
        return set()
    return {(pk, newest) for pk, day in made.items() if day is not None and day < newest}
