"""RAG (red / amber / green, plus blue and grey) computed from an action's state on a given day.

One pure function decides the colour, so the dashboard, the reports and the "as at" views can
never disagree. Thresholds are the partnership's own.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from django.db import models

from .assurance import ASSURED
from .status import DeliveryStatus as S


class Rag(models.TextChoices):
    RED = "red", "Red"
    AMBER = "amber", "Amber"
    GREEN = "green", "Green"
    BLUE = "blue", "Blue"
    GREY = "grey", "Grey"


# Worst first: a recommendation takes the worst colour of its actions.
SEVERITY: tuple[str, ...] = (Rag.RED, Rag.AMBER, Rag.GREEN, Rag.GREY, Rag.BLUE)


@dataclass(frozen=True)
class RagThresholds:
    amber_within_days: int = 28  # amber when due within this many days


@dataclass(frozen=True)
class ActionState:
    """The facts RAG depends on, as they stood on `as_at`."""

    status: str
    assurance: str
    due: date | None  # the revised due date when there is one
    start: date | None = None


def compute_rag(state: ActionState, as_at: date, thresholds: RagThresholds = RagThresholds()) -> Rag:
    if state.status == S.NOT_ACHIEVED:
        return Rag.RED
    if state.status == S.IMPLEMENTED:
        return Rag.BLUE if state.assurance in ASSURED else Rag.GREEN
    if state.status == S.SUPERSEDED:
        # No longer tracked itself: the replacing action carries the colour.
        return Rag.GREY
    if state.due is not None and as_at > state.due:
        return Rag.RED
    if state.status == S.SLIPPED:
        return Rag.AMBER
    if state.due is not None and as_at >= state.due - timedelta(days=thresholds.amber_within_days):
        return Rag.AMBER
    if state.status == S.NOT_STARTED:
        return Rag.GREY
    return Rag.GREEN


@dataclass(frozen=True)
class RagJudgement:
    """The RAG shown to people: computed, or overridden by hand with a reason."""

    rag: str
    overridden: bool = False
    reason: str = ""


class OverrideRefused(ValueError):
    """A manual RAG without a reason: boards must be able to see why a colour was changed."""


def judge_rag(computed: str, override: str | None, reason: str = "") -> RagJudgement:
    if not override:
        return RagJudgement(computed)
    if override not in Rag.values:
        raise OverrideRefused(f"'{override}' is not a RAG rating")
    if not reason.strip():
        raise OverrideRefused("a manual RAG rating needs a reason")
    return RagJudgement(override, overridden=True, reason=reason.strip())


def worst(rags: list[str]) -> str | None:
    present = [r for r in SEVERITY if r in rags]
    return present[0] if present else None


def meanings(amber_within_days: int | None = None) -> list[tuple[str, str]]:
    """What each colour means, in the words of compute_rag above: the key beside every page and
    report that shows RAG colours."""
    soon = f"Due within {amber_within_days} days" if amber_within_days is not None else "Due soon"
    return [
        (Rag.RED, "Overdue, or not achieved"),
        (Rag.AMBER, f"{soon}, or slipped to a revised date"),
        (Rag.GREEN, "On track; or implemented and awaiting assurance"),
        (Rag.GREY, "Not started yet, or superseded by another action"),
        (Rag.BLUE, "Implemented, and the evidence accepted"),
    ]
