"""The board report as plain data: built once, then rendered to any format.

Nothing here touches the database or knows about a file format, so every renderer (Word, PDF,
HTML, Excel, CSV, JSON) shows the same numbers and the same words.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from actionplan.plans.models.action import post_beyond
from actionplan.plans.summary import RagCounts

# The two layouts the board's documents use for a plan table.
REVIEW_LAYOUT = "review"  # outcome, recommendation, action, owner, due, measure: one review's plan
# ref, review refs, action, lead agency, target date: a plan gathering several reviews' actions
COMPOSITE_LAYOUT = "composite"


@dataclass(frozen=True)
class PlanRow:
    """One action (or a recommendation tracked without actions) as it stood on the as-at date."""

    action_id: int | None
    plan: str
    section: str
    ref: str
    outcome: str
    recommendation: str
    review_refs: str
    themes: tuple[str, ...]
    action: str
    agency: str
    owner_role: str
    due_text: str  # the source's wording: "01/06/17", "April 2010", "Ongoing"
    due: date | None
    revised_due: date | None
    measure: str
    status: str  # the board's label: "In progress"
    reason: str  # why it slipped or was not achieved
    rag: str  # red, amber, green, blue, grey or "" when not rated
    rag_overridden: bool
    latest_progress: str
    version: int | None  # the action's version when exported, for conflict checks on import
    first_of_recommendation: bool = True  # later rows leave the recommendation cells blank
    recommendation_id: int | None = None  # set on the row of a recommendation tracked without actions
    action_ref: str = ""  # the action's number in the document: "1a", "A1.2"

    @property
    def stable_id(self) -> str:
        """A-12 for an action, R-7 for a recommendation tracked without actions: the key a
        workbook given back is matched on."""
        if self.action_id is not None:
            return f"A-{self.action_id}"
        return f"R-{self.recommendation_id}" if self.recommendation_id is not None else ""

    @property
    def owner_parts(self) -> tuple[str, ...]:
        """The agency, then the post when it says more: a post that is the agency's own name
        (a plan naming "Haldon Vale Foundation Trust" under both) is said once."""
        return tuple(part for part in (self.agency, post_beyond(self.agency, self.owner_role)) if part)

    @property
    def numbered_action(self) -> str:
        """The action as the board finds it in its document: its number, then its text."""
        return f"{self.action_ref} {self.action}" if self.action_ref else self.action

    @property
    def owner(self) -> str:
        return " — ".join(self.owner_parts)


@dataclass
class PlanSection:
    heading: str  # "" when the source has no sections
    rows: list[PlanRow] = field(default_factory=list)


@dataclass
class PlanTable:
    title: str
    layout: str
    sections: list[PlanSection] = field(default_factory=list)

    @property
    def rows(self) -> list[PlanRow]:
        return [row for section in self.sections for row in section.rows]


@dataclass(frozen=True)
class ExceptionLine:
    """An action (or a recommendation tracked on itself) the board should look at, with the
    facts that make it an exception."""

    action_id: int | None  # None for a recommendation tracked on itself
    plan: str
    ref: str
    action: str
    owner: str
    due: date | None
    revised_due: date | None
    status: str
    rag: str
    revisions: int = 0  # how many different revised due dates it has had
    reason: str = ""
    last_update: date | None = None
    implemented_on: date | None = None
    assurance: str = ""


@dataclass
class Exceptions:
    overdue: list[ExceptionLine] = field(default_factory=list)
    slipped: list[ExceptionLine] = field(default_factory=list)
    not_achieved: list[ExceptionLine] = field(default_factory=list)
    awaiting_assurance: list[ExceptionLine] = field(default_factory=list)
    stale: list[ExceptionLine] = field(default_factory=list)
    recently_implemented: list[ExceptionLine] = field(default_factory=list)


@dataclass(frozen=True)
class DecisionLine:
    """A recommendation not accepted, or accepted in part, with the board's reason."""

    plan: str
    ref: str
    recommendation: str
    decision: str  # the board's label: "Not accepted", "Accepted in part"
    reason: str


@dataclass
class RagBreakdown:
    """RAG counts by one dimension (plan, agency or theme), in the order the board reads them."""

    by: str
    rows: dict[str, RagCounts] = field(default_factory=dict)
    note: str = ""


@dataclass
class TrendPoint:
    on: date
    counts: RagCounts


@dataclass(frozen=True)
class ReviewHeader:
    """A review the report answers, as its cover names it."""

    code: str
    kind: str  # the board's label: "Serious Case Review"
    title: str
    pseudonym: str  # the name the review gives its subject: "Child T"
    author: str
    published: date | None

    @property
    def facts(self) -> list[tuple[str, str]]:
        """Term and value of each fact recorded, in the order a cover reads them."""
        return [(term, value) for term, value in [
            ("Review", f"{self.code}: {self.kind}"), ("Title", self.title),
            ("Subject", self.pseudonym), ("Author", self.author),
            ("Published", f"{self.published:%-d %B %Y}" if self.published else ""),
        ] if value]


@dataclass
class BoardReport:
    partnership: str
    scope: str  # "Child R: review action plan", "Whole partnership", "Riverton Police"
    as_at: date
    generated_at: datetime
    stale_after_days: int
    recent_days: int
    totals: RagCounts
    breakdowns: list[RagBreakdown]
    exceptions: Exceptions
    plans: list[PlanTable]
    trend: list[TrendPoint]
    # The reviews a review's or a plan's report answers.
    reviews: list[ReviewHeader] = field(default_factory=list)
    # Recommendations not accepted in full; none in a report on one agency's actions.
    decisions: list[DecisionLine] = field(default_factory=list)

    @property
    def rows(self) -> list[PlanRow]:
        """Every row once, in plan order: an action linked from a composite plan appears in both."""
        return [row for plan in self.plans for row in plan.rows]
