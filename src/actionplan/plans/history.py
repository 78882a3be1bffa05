"""Actions "as at" a past date, rebuilt from their history.

Boards and inspectors ask what the plan looked like at a given meeting. The history tables keep
every saved version of an action; the version in force at the end of that day, run through the
same RAG rule, gives the status and colour the board would have seen.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any

from django.db.models import QuerySet
from django.utils import timezone

from .models import Action, Partnership, ProgressUpdate
from .rag import ActionState, RagJudgement, compute_rag, judge_rag


@dataclass(frozen=True)
class ActionAsAt:
    action_id: int
    on: date
    status: str
    assurance: str
    due: date | None
    revised_due: date | None
    rag: RagJudgement
    latest_progress: str

    @property
    def current_due(self) -> date | None:
        """As Action.current_due: the revised date when there is one."""
        return self.revised_due or self.due


def end_of_day(on: date) -> datetime:
    return timezone.make_aware(datetime.combine(on, time.max))


def versions_in_force(history: QuerySet[Any], on: date) -> dict[int, Any]:
    """Each object's version in force at the end of `on` (the newest saved by then), by id,
    from a history queryset; one deleted by then is there too, its history_type "-"."""
    latest: dict[int, Any] = {}
    for version in history.filter(history_date__lte=end_of_day(on)).order_by(
        "id", "-history_date", "-history_id"
    ):
        latest.setdefault(version.id, version)
    return latest


def actions_as_at(action_ids: Iterable[int], on: date, partnership: Partnership) -> dict[int, ActionAsAt]:
    """The state of each action at the end of `on`; actions that did not yet exist are left out."""
    latest = versions_in_force(Action.history.filter(id__in=list(action_ids)), on)
    progress = newest_updates_as_at(latest.keys(), on)
    thresholds = partnership.rag_thresholds
    result = {}
    for action_id, v in latest.items():
        if v.history_type == "-":  # deleted by then
            continue
        due = v.revised_due_date or v.due_date
        computed = compute_rag(ActionState(v.status, v.assurance, due, v.start_date), on, thresholds)
        result[action_id] = ActionAsAt(
            action_id=action_id,
            on=on,
            status=v.status,
            assurance=v.assurance,
            due=v.due_date,
            revised_due=v.revised_due_date,
            rag=judge_rag(computed, v.rag_override or None, v.rag_override_reason),
            latest_progress=progress[action_id][1] if action_id in progress else "",
        )
    return result


def newest_updates_as_at(action_ids: Iterable[int], on: date) -> dict[int, tuple[date, str]]:
    """Each action's newest update written by `on`: its date and wording as they stood then.
    An update withdrawn by then is passed over; one corrected by then reads as its newest
    correction; corrections and withdrawals made later do not change the past."""
    latest = versions_in_force(ProgressUpdate.history.filter(action_id__in=list(action_ids)), on)
    written = [v for v in latest.values() if v.history_type != "-" and v.written_on <= on]
    withdrawn = {v.corrects_id for v in written if v.kind == ProgressUpdate.Kind.WITHDRAWAL}
    corrected: dict[int, tuple[date, int, str]] = {}
    for v in written:
        if v.kind == ProgressUpdate.Kind.CORRECTION and (
            v.corrects_id not in corrected or (v.written_on, v.id) > corrected[v.corrects_id][:2]
        ):
            corrected[v.corrects_id] = (v.written_on, v.id, v.text)
    newest: dict[int, tuple[date, int, str]] = {}
    for v in written:
        if v.kind != ProgressUpdate.Kind.UPDATE or v.id in withdrawn:
            continue
        key = (v.written_on, v.id, corrected[v.id][2] if v.id in corrected else v.text)
        if v.action_id not in newest or key > newest[v.action_id]:
            newest[v.action_id] = key
    return {action_id: (written_on, text) for action_id, (written_on, _, text) in newest.items()}


def action_as_at(action: Action, on: date) -> ActionAsAt | None:
    return actions_as_at([action.pk], on, action.recommendation.plan.partnership).get(action.pk)


def names_as_at(model: Any, ids: Iterable[int], on: date, field: str = "name") -> dict[int, str]:
    """The name (or title) each row had at the end of `on`, for the rows changed since; a row
    created after `on` keeps the first name it was given. Rows left out are called today what
    they were called then."""
    history = model.history.filter(id__in=set(ids))
    changed = history.filter(id__in=history.filter(history_date__gt=end_of_day(on)).values("id"))
    names = {pk: getattr(v, field) for pk, v in versions_in_force(changed, on).items()}
    for version in changed.order_by("id", "history_date", "history_id"):
        names.setdefault(version.id, getattr(version, field))
    return names
