"""The RAG rule and the board's exception tests written for the database, to count and filter
many actions without reading them into Python.

They are the rules of `rag.compute_rag`, `rag.judge_rag` and `finder` (overdue, due soon, not
updated, awaiting assurance), said once more in SQL; tests/plans/test_rag_sql.py checks on
generated cases that both forms always agree, so the Python rule stays the one to read.

`prefix` reaches an action through a relation ("action__" from a composite plan's link table).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, timedelta

from django.db.models import Case, F, OuterRef, Q, Subquery, Value, When
from django.db.models.functions import Coalesce, TruncDate
from django.db.models.lookups import GreaterThanOrEqual, LessThan, LessThanOrEqual

from .assurance import ASSURED, AssuranceStatus
from .rag import SEVERITY, Rag, RagThresholds
from .status import FINISHED
from .status import DeliveryStatus as S


def current_due(prefix: str = "") -> Coalesce:
    """The revised due date when there is one (`Action.current_due`)."""
    return Coalesce(F(f"{prefix}revised_due_date"), F(f"{prefix}due_date"))


def computed_rag(as_at: date, thresholds: RagThresholds, prefix: str = "") -> Case:
    """`compute_rag` in SQL: the same tests, in the same order."""
    due = current_due(prefix)
    status, assurance = f"{prefix}status", f"{prefix}assurance"
    amber_from = as_at + timedelta(days=thresholds.amber_within_days)
    return Case(
        When(Q(**{status: S.NOT_ACHIEVED}), then=Value(Rag.RED.value)),
        When(Q(**{status: S.IMPLEMENTED, f"{assurance}__in": sorted(ASSURED)}), then=Value(Rag.BLUE.value)),
        When(Q(**{status: S.IMPLEMENTED}), then=Value(Rag.GREEN.value)),
        When(Q(**{status: S.SUPERSEDED}), then=Value(Rag.GREY.value)),
        When(LessThan(due, as_at), then=Value(Rag.RED.value)),
        When(Q(**{status: S.SLIPPED}), then=Value(Rag.AMBER.value)),
        # as_at >= due - N days, written so that the due date stands alone (an index can serve it)
        When(LessThanOrEqual(due, amber_from), then=Value(Rag.AMBER.value)),
        When(Q(**{status: S.NOT_STARTED}), then=Value(Rag.GREY.value)),
        default=Value(Rag.GREEN.value),
    )


def shown_rag(as_at: date, thresholds: RagThresholds, prefix: str = "") -> Case:
    """`judge_rag` in SQL: a manual rating (stored only with its reason) wins over the rule."""
    override = f"{prefix}rag_override"
    return Case(
        When(~Q(**{override: ""}), then=F(override)),
        default=computed_rag(as_at, thresholds, prefix),
    )


def severity(rag_alias: str) -> Case:
    """Worst first, as `rag.SEVERITY`: to sort a list by the RAG aliased as `rag_alias`."""
    ranks = [When(Q(**{rag_alias: colour}), then=Value(i)) for i, colour in enumerate(SEVERITY)]
    return Case(*ranks, default=Value(len(SEVERITY)))


def is_open(prefix: str = "") -> Q:
    return ~Q(**{f"{prefix}status__in": sorted(FINISHED)})


def finished_last() -> Case:
    """0 for work still being delivered, 1 for the finished, so that a list leads with what needs
    attention. The index `action_open_first_due_by` is on this very expression."""
    return Case(When(Q(status__in=sorted(FINISHED)), then=Value(1)), default=Value(0))


def lifecycle_rank() -> Case:
    """A status's place in the board's order (`DeliveryStatus` is declared in the order of the
    lifecycle), to sort by status as a board reads it rather than by its stored code."""
    ranks = [When(Q(status=status), then=Value(i)) for i, status in enumerate(S)]
    return Case(*ranks, default=Value(len(S)))


def overdue(as_at: date) -> Q:
    return is_open() & Q(LessThan(current_due(), as_at))


def due_soon(as_at: date, within_days: int) -> Q:
    due = current_due()
    return is_open() & Q(GreaterThanOrEqual(due, as_at)) & Q(
        LessThanOrEqual(due, as_at + timedelta(days=within_days))
    )


def last_touched() -> Coalesce:
    """The newest progress update's date, or the day the action was created (in UTC, as Django
    reads `created_at`). A subquery per action, served by the (action, written_on) index."""
    return Coalesce(newest_update_on(), TruncDate("created_at", tzinfo=UTC))


def newest_update_on() -> Subquery:
    """The date of the action's newest progress update still in force (not withdrawn; the
    entries correcting or withdrawing others are not progress)."""
    from .models import ProgressUpdate, in_force  # the models import this module's neighbours

    newest = in_force(ProgressUpdate.objects.filter(action=OuterRef("pk"))).order_by("-written_on")
    return Subquery(newest.values("written_on")[:1])


def stale(as_at: date, stale_after_days: int, touched: Coalesce | None = None) -> Q:
    """`touched`: the day each action was last touched, when not today's (`last_touched`)."""
    touched = last_touched() if touched is None else touched
    return is_open() & Q(LessThan(touched, as_at - timedelta(days=stale_after_days)))


def awaiting_assurance(field: str = "assurance") -> Q:
    """`field`: another name for the assurance (a recommendation's as at a day, say)."""
    return Q(**{field: AssuranceStatus.SUBMITTED})


@dataclass(frozen=True)
class Exceptions:
    """The four exception tests of one partnership on one day, as database conditions."""

    overdue: Q
    due_soon: Q
    stale: Q
    awaiting_assurance: Q

    @classmethod
    def on(
        cls, as_at: date, amber_within_days: int, stale_after_days: int, touched: Coalesce | None = None
    ) -> Exceptions:
        return cls(
            overdue(as_at), due_soon(as_at, amber_within_days), stale(as_at, stale_after_days, touched),
            awaiting_assurance(),
        )
