"""Changes people should hear of at once, announced once the change is stored.

The rules (updates.py, editing.py, store.py) announce; whoever listens (the reminders) decides
whom to tell. An announcement is made only when the transaction commits, so a change refused or
rolled back (an import preview) tells nobody."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.dispatch import Signal

evidence_decided = Signal()  # evidence_id
action_assigned = Signal()  # action_id: given to an agency, new or from another
due_revised = Signal()  # action_id
plan_imported = Signal()  # plan_id
status_slipped = Signal()  # action_id, by_id: the person who recorded the slip (None: a document)
plan_updated = Signal()  # plan_id, changes: [action_id, "new" | "changed" | "removed"] pairs


def announce(signal: Signal, **facts: Any) -> None:
    transaction.on_commit(lambda: signal.send(sender=None, **facts))
