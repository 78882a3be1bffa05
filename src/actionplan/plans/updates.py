"""Changing an action: progress, status, evidence and assurance, each checked against the rules.

Every change goes through here so the rules, the permission checks and the history are the
same whether it comes from the web, an import or a command. Views, commands and the other
layers import from this module only; the work is done, by concern, in:

- stamping.py: a fresh, locked copy of the action, saved with who, when and why;
- progress_updates.py: progress updates and the delivery status, imported progress included;
- evidence.py: evidence, its decisions, the assurance status and the RAG override;
- corrections.py: corrections and withdrawals of updates and evidence, each a new entry;
- action_facts.py: the admin's edits of what an action says, who owns it and when it is due.
"""

from __future__ import annotations

from .action_facts import edit_action, reassign_action, revise_due
from .corrections import correct_update, shown_text, withdraw_evidence, withdraw_update
from .evidence import (
    change_assurance,
    decide_evidence,
    evidence_behind,
    override_rag,
    set_assurance,
    submit_evidence,
)
from .progress_updates import (
    IMPORTED_AUTHOR,
    IMPORTED_RAG_REASON,
    change_status_as_asked,
    imported_progress,
    record_imported_progress,
    record_progress,
)
from .stamping import EditConflict, locked, save_stamped

__all__ = [
    "IMPORTED_AUTHOR",
    "IMPORTED_RAG_REASON",
    "EditConflict",
    "change_assurance",
    "change_status_as_asked",
    "correct_update",
    "decide_evidence",
    "edit_action",
    "evidence_behind",
    "imported_progress",
    "locked",
    "override_rag",
    "reassign_action",
    "record_imported_progress",
    "record_progress",
    "revise_due",
    "save_stamped",
    "set_assurance",
    "shown_text",
    "submit_evidence",
    "withdraw_evidence",
    "withdraw_update",
]
