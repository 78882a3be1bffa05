"""Roll a recommendation's status and RAG up from its actions."""

from __future__ import annotations

from dataclasses import dataclass

from .rag import worst
from .status import DeliveryStatus as S


@dataclass(frozen=True)
class RolledUp:
    status: str
    rag: str | None
    complete: bool


def roll_up(actions: list[tuple[str, str]]) -> RolledUp | None:
    """(status, rag) of each action → the recommendation's. None when there are no actions:
    such a recommendation (a plan of learning points whose rows carry their own progress and
    RAG, with no action column) is tracked on its own."""
    if not actions:
        return None
    # A superseded action is answered by its replacement, which is counted instead.
    live = [(status, rag) for status, rag in actions if status != S.SUPERSEDED]
    if not live:
        return RolledUp(S.SUPERSEDED, None, complete=True)
    statuses = {status for status, _ in live}
    rag = worst([rag for _, rag in live])
    if statuses == {S.IMPLEMENTED}:
        return RolledUp(S.IMPLEMENTED, rag, complete=True)
    if S.NOT_ACHIEVED in statuses:
        status = S.NOT_ACHIEVED
    elif S.SLIPPED in statuses:
        status = S.SLIPPED
    elif statuses == {S.NOT_STARTED}:
        status = S.NOT_STARTED
    else:
        status = S.IN_PROGRESS
    return RolledUp(status, rag, complete=False)
