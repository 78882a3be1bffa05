"""The columns of the flat exports (Excel, CSV), one row per action, and which of them the
owners may edit before giving an Excel workbook back (see give_back.py)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from actionplan.plans.rag import Rag

from .model import PlanRow

ID = "ID"
STATUS = "Status"
REVISED_DUE = "Revised due date"
REASON = "Reason (slipped / not achieved)"
PROGRESS = "Latest progress"
RAG = "RAG"

# The hidden sheet recording what each action looked like when exported, so that an import can
# tell the owner's edits from changes made in the meantime by someone else.
EXPORT_SHEET = "Exported"
# RAG last: a recommendation tracked without actions carries its own RAG, which its owner may edit.
EXPORT_HEADINGS = (ID, "Version", STATUS, REVISED_DUE, REASON, PROGRESS, RAG)
ABOUT_SHEET = "About"
# The recommendations not accepted in full, with the board's reasons: read, never given back.
DECISIONS_SHEET = "Decisions"


@dataclass(frozen=True)
class Column:
    heading: str
    value: Callable[[PlanRow], str | date | None]
    width: int
    editable: bool = False


def rag_label(row: PlanRow) -> str:
    if not row.rag:
        return ""
    label = Rag(row.rag).label
    return f"{label} (override)" if row.rag_overridden else label


COLUMNS: tuple[Column, ...] = (
    Column(ID, lambda r: r.stable_id, 9),
    Column("Plan", lambda r: r.plan, 24),
    Column("Section", lambda r: r.section, 18),
    Column("Ref", lambda r: r.ref, 6),
    Column("Review refs", lambda r: r.review_refs, 10),
    Column("Recommendation", lambda r: r.recommendation, 40),
    Column("Action no.", lambda r: r.action_ref, 8),
    Column("Action", lambda r: r.action, 45),
    Column("Agency", lambda r: r.agency, 22),
    Column("Owner role", lambda r: r.owner_role, 18),
    Column("Due (as written)", lambda r: r.due_text, 12),
    Column("Due date", lambda r: r.due, 12),
    Column(REVISED_DUE, lambda r: r.revised_due, 12, editable=True),
    Column(STATUS, lambda r: r.status, 14, editable=True),
    Column(REASON, lambda r: r.reason, 30, editable=True),
    Column(RAG, rag_label, 10),
    Column(PROGRESS, lambda r: r.latest_progress, 60, editable=True),
)
