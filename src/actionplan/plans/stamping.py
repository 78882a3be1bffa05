"""How every change to an action, its progress and its evidence is saved: onto a fresh copy,
locked while it is changed, and stamped in the history with who, when and why.
The writes themselves are gathered in updates.py."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager, suppress
from datetime import datetime

from django.db.models import Model

from .counts_touched import counted
from .models import Action, User


def save_stamped(
    instance: Model, when: datetime | None = None, by: User | None = None, why: str = ""
) -> None:
    """Save, dating the history row (for back-dated records: imports, the demo), saying who
    made the change (outside a web request nobody else knows) and why. The marks are removed
    again so that a later save of the same object is not back-dated or explained too."""
    # django-simple-history reads these marks off the instance; no model declares them.
    if when is not None:
        instance.__dict__["_history_date"] = when
    if by is not None:
        instance.__dict__["_history_user"] = by
    if why.strip():
        instance.__dict__["_change_reason"] = why.strip()
    try:
        instance.save()
    finally:
        for mark in ("_history_date", "_history_user", "_change_reason"):
            instance.__dict__.pop(mark, None)


class EditConflict(Exception):
    """Someone else changed the action since this person loaded it."""

    def __init__(self, current: Action) -> None:
        super().__init__("this action was changed by someone else while you were editing it")
        self.current = current


def locked(action: Action, expected_version: int | None = None) -> Action:
    """The action as stored now, locked until the transaction ends.

    Changes are always applied to a fresh copy: saving a stale instance would silently write
    back the old status over someone else's update (and into the history). When the caller
    says which version it saw, a newer one is refused rather than overwritten. Action.DoesNotExist
    when it was deleted (with its plan) since the caller read it."""
    fresh = (
        Action.objects.select_for_update()
        .select_related("recommendation__plan__partnership")
        .get(pk=action.pk)
    )
    if expected_version is not None and fresh.version != expected_version:
        raise EditConflict(fresh)
    return fresh


@contextmanager
def changing(action: Action, expected_version: int | None = None) -> Iterator[Action]:
    """The locked fresh copy to change within one transaction; afterwards the caller's copy is
    read again, so that it shows what was stored. A refusal inside undoes the whole change."""
    with counted():
        yield locked(action, expected_version)
    with suppress(Action.DoesNotExist):  # deleted with its plan since: there is nothing to show
        action.refresh_from_db()
