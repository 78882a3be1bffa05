"""A returned workbook's rows for recommendations tracked without actions (ID R-7): their
progress, status and RAG recorded on the recommendation itself, with its history, by the
person giving the workbook back and with their permissions, as for an action's row.

- A row edited on a recommendation changed by someone else since the export is a conflict:
  reported, not applied.
- A row already applied (the same workbook given back twice) is unchanged.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.utils import timezone

from actionplan.plans.editing import EditRefused, record_recommendation_progress
from actionplan.plans.models import Recommendation, User
from actionplan.plans.permissions import in_partnership
from actionplan.plans.rag import Rag
from actionplan.plans.status import DeliveryStatus, TransitionRefused

from .give_back import Outcome, UpdateResult
from .returned import Edited, Returned, ReturnedRecommendationRow, WorkbookError


def apply_recommendation_rows(returned: Returned, user: User, result: UpdateResult, name: str) -> None:
    rows: dict[int, ReturnedRecommendationRow] = {}
    for row in returned.recommendation_rows:
        if row.recommendation_id not in returned.recommendations_exported:
            raise WorkbookError(f"{name}: {row.where}: R-{row.recommendation_id} was not in this export")
        seen = rows.setdefault(row.recommendation_id, row)
        if seen.cells != row.cells:
            raise WorkbookError(
                f"{name}: R-{row.recommendation_id} is edited differently on {seen.where} and {row.where}"
            )
    found = Recommendation.objects.select_related("plan__partnership").in_bulk(list(rows))
    for rec_id, row in rows.items():
        apply_row(row, returned.recommendations_exported[rec_id], found.get(rec_id), user, result)


def apply_row(
    row: ReturnedRecommendationRow,
    exported: Edited,
    rec: Recommendation | None,
    user: User,
    result: UpdateResult,
) -> None:
    def outcome(message: str, readable: bool = True) -> Outcome:
        return Outcome(row.recommendation_id, row.where, message, kind="R", readable=readable)

    now = row.cells
    if rec is None or not in_partnership(user, rec.plan.partnership_id):
        result.refused.append(outcome("no such recommendation in your partnership", readable=False))
        return
    new_progress = now.progress if now.progress != exported.progress else ""
    asked = now.status != exported.status or now.rag != exported.rag or bool(new_progress)
    if now.revised_due != exported.revised_due:
        result.refused.append(outcome("a recommendation has no due date to revise: say so in its progress"))
        return
    already = (
        (now.status == exported.status or rec.status == now.status)
        and (now.rag == exported.rag or rec.rag == now.rag)
        and (not new_progress or rec.progress == new_progress)
    )  # every change asked for is in place: the same workbook given back twice
    if not asked or already:
        result.unchanged += 1
        return
    if (rec.status, rec.progress, rec.rag) != (exported.status, exported.progress, exported.rag):
        current = DeliveryStatus(rec.status).label
        result.conflicts.append(outcome(f"{describe(exported, now)}; but the recommendation was changed "
                                        f"since the export (now {current})"))  # fmt: skip
        return
    label = DeliveryStatus(now.status).label
    text = new_progress or f"{label} (from the returned spreadsheet). {now.reason}".strip()
    # The owner's RAG when they changed it; worked out afresh when only the status changed.
    rag = now.rag if now.rag != exported.rag else ("" if now.status != exported.status else rec.rag)
    try:
        record_recommendation_progress(
            rec, user, text, status=now.status, rag=rag, reason=now.reason, on=timezone.localdate()
        )
    except PermissionDenied:
        result.refused.append(
            outcome(f"{user.get_full_name() or user.username} may not update recommendations "
                    "tracked without actions")
        )
        return
    except (EditRefused, TransitionRefused) as refusal:
        result.refused.append(outcome(str(refusal)))
        return
    result.applied.append(outcome(describe(exported, now)))


def describe(exported: Edited, now: Edited) -> str:
    changes = []
    if now.status != exported.status:
        changes.append(f"status {DeliveryStatus(exported.status).label} → {DeliveryStatus(now.status).label}")
    if now.rag != exported.rag:
        changes.append(f"RAG {Rag(now.rag).label if now.rag else '(blank)'}")
    return "; ".join(changes) or "progress update posted"
