"""The plan draft: what a document says, as plain data (docs/import-draft.md is the contract)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

DueKind = Literal["date", "ongoing", "immediate", "done", "recurring", "unknown"]
Precision = Literal["day", "month", "quarter", "year"]
RAG_COLOURS = ("red", "amber", "green", "blue", "grey")
# An action's delivery status, as the plans know it (the wording the source used is kept).
STATUS_VALUES = ("not_started", "in_progress", "slipped", "implemented", "not_achieved",
                 "superseded")
PLAN_KINDS = ("review_action_plan", "composite_action_plan", "workplan", "improvement_plan")
SECTION_KINDS = ("agency", "theme", "function", "other")
# The board's decision on a recommendation, as the plans know it.
DECISION_VALUES = ("accepted", "accepted_in_part", "not_accepted")


@dataclass
class Due:
    """A due date as the board wrote it, with what we could read from it."""

    text: str
    date: str | None = None  # ISO yyyy-mm-dd: the last day the wording allows
    precision: Precision | None = None
    kind: DueKind = "unknown"


@dataclass
class Status:
    """A delivery status as the board wrote it ("On track", "Completed 12/03/2024", "2")."""

    text: str
    value: str | None = None  # one of STATUS_VALUES; None when the wording is not understood
    date: str | None = None  # ISO yyyy-mm-dd: the completion date the wording gives


@dataclass
class Decision:
    """The board's decision on a recommendation as the plan states it ("Accepted in part —
    the Fire Service will lead"): the wording, the decision read from it and its reason."""

    text: str
    value: str  # one of DECISION_VALUES: a wording not clearly one of them is no Decision
    reason: str | None = None


@dataclass
class OwnerReading:
    """One owner as written, read into the agency it names and the role within it:
    "Head of Safeguarding, Eastshire CCG" -> agency "Eastshire CCG", role "Head of
    Safeguarding". Either may be None; matching the agency to the partnership's agencies
    is the store's work, not the importer's."""

    text: str
    agency: str | None = None
    role: str | None = None
    # The owner cell's whole wording when it names several owners ("ASC / ICB"): the store
    # keeps it whole when it is one of the partnership's own agencies' names.
    joint: str | None = None


@dataclass
class Note:
    """Text from a column we have no field for; kept so nothing of the source is lost."""

    column: str
    text: str


@dataclass
class Action:
    text: str
    owners: list[str] = field(default_factory=list)
    due: Due | None = None
    measure: str | None = None
    progress: str | None = None
    rag: str | None = None
    ref: str | None = None  # "a", "1a", "A1.1" when the source numbers its actions
    status: Status | None = None
    owner_readings: list[OwnerReading] = field(default_factory=list)
    line: int | None = None
    page: int | None = None


@dataclass
class Item:
    """One row at recommendation level: a recommendation, objective or composite-plan line."""

    ref: str | None = None
    section: str | None = None
    outcome: str | None = None
    recommendation: str | None = None
    review_refs: list[str] = field(default_factory=list)
    progress: str | None = None
    rag: str | None = None
    status: Status | None = None  # of a recommendation tracked itself, without actions
    decision: Decision | None = None  # the board's, when the plan states it
    actions: list[Action] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    line: int | None = None
    page: int | None = None


@dataclass
class Section:
    name: str
    kind: str = "other"


@dataclass
class Plan:
    title: str | None = None
    kind: str = "review_action_plan"
    board: str | None = None
    reviews: list[str] = field(default_factory=list)
    date: str | None = None  # yyyy-mm
    notes: list[str] = field(default_factory=list)  # prose around the tables


@dataclass
class Source:
    path: str
    format: str
    sha256: str  # of the file; of the file and the sheet's name when a workbook holds several plans
    sheet: str | None = None  # the worksheet the plan was read from


@dataclass
class DraftWarning:
    line: int | None
    message: str
    page: int | None = None


@dataclass
class PlanDraft:
    source: Source
    plan: Plan
    sections: list[Section] = field(default_factory=list)
    items: list[Item] = field(default_factory=list)
    warnings: list[DraftWarning] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> PlanDraft:
        return cls(
            source=Source(**data["source"]),
            plan=Plan(**data["plan"]),
            sections=[Section(**s) for s in data.get("sections", [])],
            items=[_item_from_dict(i) for i in data.get("items", [])],
            warnings=[DraftWarning(**w) for w in data.get("warnings", [])],
        )


def _item_from_dict(data: dict[str, Any]) -> Item:
    fields = dict(data)
    fields["actions"] = [_action_from_dict(a) for a in data.get("actions", [])]
    fields["notes"] = [Note(**n) for n in data.get("notes", [])]
    fields["status"] = Status(**data["status"]) if data.get("status") else None
    fields["decision"] = Decision(**data["decision"]) if data.get("decision") else None
    return Item(**fields)


def _action_from_dict(data: dict[str, Any]) -> Action:
    fields = dict(data)
    fields["due"] = Due(**data["due"]) if data.get("due") else None
    fields["status"] = Status(**data["status"]) if data.get("status") else None
    fields["owner_readings"] = [OwnerReading(**o) for o in data.get("owner_readings", [])]
    return Action(**fields)
