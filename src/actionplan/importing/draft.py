"""The plan draft: what a document says, as plain data (docs/import-draft.md is the contract)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

DueKind = Literal["date", "ongoing", "immediate", "done", "recurring", "unknown"]
Precision = Literal["day", "month", "quarter", "year"]
RAG_COLOURS = ("red", "amber", "green", "blue", "grey")
PLAN_KINDS = ("review_action_plan", "composite_action_plan", "workplan", "improvement_plan")
SECTION_KINDS = ("agency", "theme", "function", "other")


@dataclass
class Due:
    """A due date as the board wrote it, with what we could read from it."""

    text: str
    date: str | None = None  # ISO yyyy-mm-dd: the last day the wording allows
    precision: Precision | None = None
    kind: DueKind = "unknown"


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
    ref: str | None = None  # "a", "b" when the source letters its actions
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
    sha256: str


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
    return Item(**fields)


def _action_from_dict(data: dict[str, Any]) -> Action:
    fields = dict(data)
    fields["due"] = Due(**data["due"]) if data.get("due") else None
    return Action(**fields)
