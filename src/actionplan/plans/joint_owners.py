"""Joint actions: an action the plan gives to several agencies ("ASC / ICB") is led by the
first named, its owner; the others are its joint owners, who answer for it with the lead
(ADR 78). Their leads find it among their own actions and update it as the owner's do.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from django.db.models import Q

from .models import Action


def owned_by(agencies: Iterable[int]) -> Q:
    """The actions these agencies lead or own jointly: a subquery, so no action twice."""
    wanted = list(agencies)
    joint = Action.joint_owners.through.objects.filter(agency_id__in=wanted)
    return Q(owner_id__in=wanted) | Q(pk__in=joint.values("action_id"))


def name_joint_owners(actions: Iterable[Action]) -> list[Action]:
    """Give each action shown `.joint_names`, its joint owners' names, in one query for the
    page: read through the joining table, as the agencies' own rows are read once a page
    already (for its filter) and the owner comes joined to each action."""
    shown = list(actions)
    names: dict[int, list[str]] = {action.pk: [] for action in shown}
    joint = Action.joint_owners.through.objects.filter(action_id__in=list(names))
    for action_id, name in joint.order_by("agency__name").values_list("action_id", "agency__name"):
        names[action_id].append(name)
    for action in shown:
        action.joint_names = names[action.pk]
    return shown


def share_in_bulk(actions: Sequence[Action], batch_size: int) -> None:
    """The stored actions' joint owners (`Action.sharing`, set by the import) in one insert,
    with no signal a row. Each action's newest version in its history (the version the store
    just wrote) holds them, so its history starts shared, as it was stored."""
    shared = [(action, agency) for action in actions for agency in getattr(action, "sharing", ())]
    if not shared:
        return
    through: Any = Action.joint_owners.through
    stored = through.objects.bulk_create(
        [through(action=action, agency=agency) for action, agency in shared], batch_size=batch_size)
    versions = Action.history.filter(id__in={action.pk for action, _ in shared}).order_by("history_id")
    newest = dict(versions.values_list("id", "history_id"))  # the last of each row's wins
    held = Action.history.model.joint_owners.model  # the versions' copy of the joint owners
    held.objects.bulk_create(
        [held(history_id=newest[row.action_id], id=row.pk, action_id=row.action_id,
              agency_id=row.agency_id)
         for row in stored], batch_size=batch_size)
