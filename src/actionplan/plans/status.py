"""Delivery status of an action and the transitions a board accepts between them.

not started → in progress → slipped → implemented | not achieved | superseded.
Each refusal says what is missing, because the person posting an update needs to know.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db import models


class DeliveryStatus(models.TextChoices):
    NOT_STARTED = "not_started", "Not started"
    IN_PROGRESS = "in_progress", "In progress"
    SLIPPED = "slipped", "Slipped"
    IMPLEMENTED = "implemented", "Implemented"
    NOT_ACHIEVED = "not_achieved", "Not achieved"
    SUPERSEDED = "superseded", "Superseded"


S = DeliveryStatus
# Slipped → slipped is a second slip with a new revised date. Implemented may be reopened (with a
# reason) when assurance finds the work was not done; not achieved and superseded are final.
ALLOWED: dict[str, frozenset[str]] = {
    S.NOT_STARTED: frozenset({S.IN_PROGRESS, S.SLIPPED, S.IMPLEMENTED, S.NOT_ACHIEVED, S.SUPERSEDED}),
    S.IN_PROGRESS: frozenset({S.SLIPPED, S.IMPLEMENTED, S.NOT_ACHIEVED, S.SUPERSEDED}),
    S.SLIPPED: frozenset({S.IN_PROGRESS, S.SLIPPED, S.IMPLEMENTED, S.NOT_ACHIEVED, S.SUPERSEDED}),
    S.IMPLEMENTED: frozenset({S.IN_PROGRESS}),
    S.NOT_ACHIEVED: frozenset(),
    S.SUPERSEDED: frozenset(),
}
FINISHED = frozenset({S.IMPLEMENTED, S.NOT_ACHIEVED, S.SUPERSEDED})


def statuses_after(current: str) -> list[tuple[str, str]]:
    """The statuses an action may move to from `current`, in the order of the lifecycle, as
    (value, label): a form offers only these, so nobody is refused a choice it offered."""
    return [(value, label) for value, label in S.choices if value in ALLOWED[current]]


class TransitionRefused(ValueError):
    """A status change the board's rules do not allow, with the reason in plain words."""


@dataclass(frozen=True)
class StatusChange:
    """What someone asks for when they change an action's delivery status."""

    new_status: str
    reason: str = ""  # why it slipped, why not achieved, why reopened
    revised_due: date | None = None  # required when slipping
    replaced_by_id: int | None = None  # the replacing action, required when superseded


def check_status_change(current: str, change: StatusChange, *, current_due: date | None) -> None:
    """Raise TransitionRefused unless `change` is a legal move from `current`."""
    new = change.new_status
    if new not in S.values:
        raise TransitionRefused(f"'{new}' is not a delivery status")
    if new not in ALLOWED[current]:
        raise TransitionRefused(
            f"an action that is {S(current).label.lower()} cannot become {S(new).label.lower()}"
        )
    reason = change.reason.strip()
    if new == S.SLIPPED:
        if change.revised_due is None:
            raise TransitionRefused("a slipped action needs a revised due date")
        if current_due is not None and change.revised_due <= current_due:
            raise TransitionRefused("the revised due date must be later than the current one")
        if not reason:
            raise TransitionRefused("a slipped action needs the reason it slipped")
    if new == S.NOT_ACHIEVED and not reason:
        raise TransitionRefused("an action not achieved needs an explanation")
    if new == S.SUPERSEDED and change.replaced_by_id is None:
        raise TransitionRefused("a superseded action needs the action that replaces it")
    if current == S.IMPLEMENTED and new == S.IN_PROGRESS and not reason:
        raise TransitionRefused("reopening an implemented action needs a reason")
