"""Apply a returned workbook: each edited row becomes a progress update, posted through
plans.updates by the person giving it back, with their permissions.

- A row whose status or revised due date was edited, on an action changed by someone else since
  the export, is a conflict: reported, not applied (plans.updates refuses it with EditConflict).
- A row already applied (the same workbook given back twice) is unchanged: no duplicates.
- Bad input refuses the whole file; nothing is half-applied.
- A recommendation tracked without actions (ID R-7) is updated on itself: see give_back_recommendations.py.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied
from django.utils import timezone

from actionplan.plans.assurance import is_assured
from actionplan.plans.counts_touched import counted
from actionplan.plans.finder import ActionWithLatestUpdate, with_latest_update
from actionplan.plans.models import Action, User
from actionplan.plans.permissions import can_update_action, in_partnership
from actionplan.plans.status import DeliveryStatus, StatusChange, TransitionRefused
from actionplan.plans.updates import EditConflict, record_progress

from .returned import Edited, Returned, ReturnedRow, WorkbookError, read_workbook


@dataclass(frozen=True)
class Outcome:
    action_id: int  # or the recommendation's id, when kind is "R"
    where: str
    message: str
    kind: str = "A"
    # False for a row naming no action of the person's partnership: the page links the others
    # to their action (or recommendation), never one it may not show.
    readable: bool = True

    def __str__(self) -> str:
        return f"{self.kind}-{self.action_id} ({self.where}): {self.message}"


@dataclass
class UpdateResult:
    applied: list[Outcome] = field(default_factory=list)
    unchanged: int = 0
    conflicts: list[Outcome] = field(default_factory=list)
    refused: list[Outcome] = field(default_factory=list)

    def lines(self) -> list[str]:
        lines = [f"applied {len(self.applied)}, unchanged {self.unchanged}, "
                 f"conflicts {len(self.conflicts)}, refused {len(self.refused)}"]  # fmt: skip
        lines += [f"  applied: {o}" for o in self.applied]
        lines += [f"  conflict: {o}" for o in self.conflicts]
        lines += [f"  refused: {o}" for o in self.refused]
        return lines


def apply_workbook(content: bytes, user: User, *, name: str = "workbook") -> UpdateResult:
    """Apply the owners' edits in `content` as `user`; raises WorkbookError for bad input."""
    returned = read_workbook(content, name)
    if returned.as_at < timezone.localdate(returned.exported_at):
        # Its cells show the past: giving it back would post old progress as new.
        raise WorkbookError(
            f"{name}: a report as at {returned.as_at:%d/%m/%Y}, a past date; export a current "
            "workbook to collect updates"
        )
    rows = one_row_per_action(returned.rows, name)
    actions = with_latest_update(
        Action.objects.select_related("owner", "recommendation__plan__partnership")
    ).in_bulk([row.action_id for row in rows])
    result = UpdateResult()
    with counted():
        for row in rows:
            if row.action_id not in returned.exported:
                raise WorkbookError(f"{name}: {row.where}: A-{row.action_id} was not in this export")
            apply_row(row, returned, actions.get(row.action_id), user, result)
        from .give_back_recommendations import apply_recommendation_rows  # it imports Outcome from here

        apply_recommendation_rows(returned, user, result, name)
    return result


def one_row_per_action(rows: list[ReturnedRow], name: str) -> list[ReturnedRow]:
    """An action linked from a composite plan appears on two sheets; both must say the same."""
    first: dict[int, ReturnedRow] = {}
    for row in rows:
        seen = first.setdefault(row.action_id, row)
        if seen.cells != row.cells:
            raise WorkbookError(
                f"{name}: A-{row.action_id} is edited differently on {seen.where} and {row.where}"
            )
    return list(first.values())


def apply_row(
    row: ReturnedRow,
    returned: Returned,
    action: ActionWithLatestUpdate | None,
    user: User,
    result: UpdateResult,
) -> None:
    def outcome(message: str, readable: bool = True) -> Outcome:
        return Outcome(row.action_id, row.where, message, readable=readable)

    exported, now = returned.exported[row.action_id], row.cells
    if action is None or not in_partnership(user, action.partnership_id):
        result.refused.append(outcome("no such action in your partnership", readable=False))
        return
    change = status_change(exported, now, action)
    new_text = now.progress if now.progress and now.progress != exported.progress else ""
    if new_text and action.latest_progress == new_text:
        new_text = ""  # given back before: already posted
    if change is None and not new_text:
        result.unchanged += 1
        return
    if not can_update_action(user, action):
        owner, who = action.owner.name if action.owner else "no agency", user.get_full_name() or user.username
        result.refused.append(outcome(f"{who} may not update actions owned by {owner}"))
        return
    text = (
        new_text
        or f"{DeliveryStatus(now.status).label} (from the returned spreadsheet). {now.reason}".strip()
    )
    was_assured = is_assured(action.assurance)
    try:
        record_progress(
            action, user, text, on=timezone.localdate(), change=change,
            expected_version=returned.versions[row.action_id],
        )  # fmt: skip
    except EditConflict as conflict:
        result.conflicts.append(outcome(describe(exported, now, conflict.current)))
        return
    except (TransitionRefused, PermissionDenied) as refusal:
        result.refused.append(outcome(str(refusal)))
        return
    said = describe(exported, now) if change else "progress update posted"
    if was_assured and not is_assured(action.assurance):  # read again once stored
        said += "; assurance withdrawn: the work is no longer claimed done"
    result.applied.append(outcome(said))


def status_change(exported: Edited, now: Edited, action: Action) -> StatusChange | None:
    """The status change the owner asked for, or None when they asked for none or it is
    already in place (the same workbook given back twice)."""
    revised = now.revised_due if now.revised_due != exported.revised_due else None
    if now.status == exported.status and revised is None:
        return None
    if now.status == action.status and (revised is None or revised == action.revised_due_date):
        return None
    # A new revised due date is a slip, whatever the status column says.
    status = DeliveryStatus.SLIPPED if revised is not None else now.status
    return StatusChange(status, now.reason, revised_due=revised)


def describe(exported: Edited, now: Edited, current: Action | None = None) -> str:
    changes = []
    if now.status != exported.status:
        changes.append(f"status {DeliveryStatus(exported.status).label} → {DeliveryStatus(now.status).label}")
    if now.revised_due != exported.revised_due:
        changes.append(
            f"revised due {now.revised_due:%d/%m/%Y}" if now.revised_due else "revised due cleared"
        )
    text = "; ".join(changes) or "progress"
    if current is not None:
        return f"{text}; but the action was changed since the export (now {current.get_status_display()})"
    return text
