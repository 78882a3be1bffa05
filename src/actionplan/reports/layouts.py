"""The plan table as the board's documents lay it out, for the page-like formats (Word, PDF,
HTML): a review plan's outcome / recommendation / action columns, or the composite plan's
ref / review refs / action / lead agency / target date / progress."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from actionplan.plans.changes import long_date
from actionplan.plans.due_words import due_with_wording
from actionplan.plans.summary import RagCounts

from .colours import label
from .model import COMPOSITE_LAYOUT, BoardReport, DecisionLine, ExceptionLine, PlanRow, RagBreakdown


@dataclass(frozen=True)
class Column:
    heading: str
    text: Callable[[PlanRow], str]
    width: int  # share of the page width, in per cent
    per_recommendation: bool = False  # written on the recommendation's first row only


def due(row: PlanRow) -> str:
    """The date in GOV.UK style with the source's wording beside it where that differs, and the
    revised date when it was revised (the original is kept)."""
    wording = row.due_text.strip()
    if row.due is not None:
        wording = due_with_wording(row.due, wording)
    revised = f"Revised: {long_date(row.revised_due)}" if row.revised_due else ""
    return "\n".join(part for part in (wording, revised) if part)


def owner(row: PlanRow) -> str:
    return "\n".join(row.owner_parts)


STATUS = Column("Status", lambda r: r.status, 7)
RAG = Column("RAG", lambda r: label(r.rag) + (" (override)" if r.rag_overridden else ""), 6)
REF = Column("Ref", lambda r: r.ref, 4, per_recommendation=True)
OUTCOME = Column("Outcome / learning point", lambda r: r.outcome, 11, per_recommendation=True)
RECOMMENDATION = Column("Recommendation", lambda r: r.recommendation, 13, per_recommendation=True)
ACTION = Column("Action", lambda r: r.numbered_action, 14)
OWNER = Column("Owner", owner, 10)
DUE = Column("Due", due, 7)
MEASURE = Column("Measure", lambda r: r.measure, 11)
LATEST = Column("Latest progress", lambda r: r.latest_progress, 17)

REVIEW_COLUMNS: tuple[Column, ...] = (
    REF, OUTCOME, RECOMMENDATION, ACTION, OWNER, DUE, MEASURE, STATUS, RAG, LATEST,
)  # fmt: skip

COMPOSITE_REFS = (
    Column("Ref", lambda r: r.ref, 5, per_recommendation=True),
    Column("Review refs", lambda r: r.review_refs, 8, per_recommendation=True),
)
COMPOSITE_ACTION = Column("Action", lambda r: r.numbered_action, 27)
LEAD = Column("Lead agency", owner, 13)
TARGET = Column("Target date", due, 8)
PROGRESS = Column("Progress", lambda r: r.latest_progress, 26)
COMPOSITE_COLUMNS: tuple[Column, ...] = (
    *COMPOSITE_REFS, COMPOSITE_ACTION, LEAD, TARGET, PROGRESS, STATUS, RAG,
)  # fmt: skip


def joined(first: Column, *under: Column) -> Column:
    """Columns printed in one cell, each fact on its own line under the first, headed by all
    their names and as wide as they were together."""
    parts = (first, *under)
    return Column(
        " / ".join([first.heading, *(column.heading.lower() for column in under)]),
        lambda r: "\n".join(text for column in parts if (text := column.text(r))),
        sum(column.width for column in parts),
    )


# The printed plan table (HTML and PDF): the owner under the action and the status under the due
# date. A printed page lays out and draws every cell box and line of text one by one, so eight
# cells a row instead of ten print a 2,000-action report markedly sooner (bench/reports, ADR 66),
# and every fact is still there. Word keeps a column each: it writes its tables in a second.
# Under the action the owner's agency and role share a line, as the exception tables write them:
# a line fewer in every row, and a row no taller than its date and measure (ADR 68).
PRINTED_OWNER = Column(OWNER.heading, lambda r: r.owner, OWNER.width)
PRINTED_LEAD = Column(LEAD.heading, lambda r: r.owner, LEAD.width)
PRINTED_REVIEW_COLUMNS: tuple[Column, ...] = (
    REF,
    OUTCOME,
    RECOMMENDATION,
    joined(ACTION, PRINTED_OWNER),
    joined(DUE, STATUS),
    MEASURE,
    RAG,
    LATEST,
)
PRINTED_COMPOSITE_COLUMNS: tuple[Column, ...] = (
    *COMPOSITE_REFS,
    joined(COMPOSITE_ACTION, PRINTED_LEAD),
    joined(TARGET, STATUS),
    PROGRESS,
    RAG,
)


def columns_for(layout: str) -> tuple[Column, ...]:
    return COMPOSITE_COLUMNS if layout == COMPOSITE_LAYOUT else REVIEW_COLUMNS


def printed_columns_for(layout: str) -> tuple[Column, ...]:
    return PRINTED_COMPOSITE_COLUMNS if layout == COMPOSITE_LAYOUT else PRINTED_REVIEW_COLUMNS


def recommendation_columns(columns: tuple[Column, ...]) -> int:
    """How many columns, from the first, are written on a recommendation's first row only."""
    return next((n for n, column in enumerate(columns) if not column.per_recommendation), len(columns))


def cell_text(column: Column, row: PlanRow) -> str:
    if column.per_recommendation and not row.first_of_recommendation:
        return ""
    return column.text(row)


ExceptionColumn = tuple[str, Callable[[ExceptionLine], str]]  # heading, text


@dataclass(frozen=True)
class ExceptionList:
    title: str
    lines: list[ExceptionLine]
    columns: tuple[ExceptionColumn, ...]
    empty: str


def day(value: date | None) -> str:
    return long_date(value) if value else ""


WHAT = (
    ("Plan / ref", lambda e: f"{e.plan} {e.ref}".strip()),
    ("Action", lambda e: e.action),
    ("Owner", lambda e: e.owner),
)
# A plan's own report: the plan is named above its table, not again on every exception's row.
WHAT_OF_ONE_PLAN = (("Ref", lambda e: e.ref), *WHAT[1:])


def exception_lists(report: BoardReport) -> list[ExceptionList]:
    """The exception tables in the order a board takes them, each with the facts it turns on."""
    e = report.exceptions
    lines = [*e.overdue, *e.slipped, *e.not_achieved, *e.awaiting_assurance, *e.stale,
             *e.recently_implemented]
    one_plan = len(report.plans) == 1 and {line.plan for line in lines} <= {report.plans[0].title}
    what = WHAT_OF_ONE_PLAN if one_plan else WHAT
    return [
        ExceptionList("Overdue", e.overdue, (*what,
            ("Due", lambda x: day(x.revised_due or x.due)), ("Status", lambda x: x.status)),
            "No action is overdue."),
        ExceptionList("Slipped, with revised due dates", e.slipped, (*what,
            ("Original due", lambda x: day(x.due)), ("Revised due", lambda x: day(x.revised_due)),
            ("Times revised", lambda x: str(x.revisions)), ("Reason", lambda x: x.reason)),
            "No action has slipped."),
        ExceptionList("Not achieved", e.not_achieved, (*what, ("Explanation", lambda x: x.reason)),
            "Every action is achieved or still open."),
        ExceptionList("Evidence awaiting assurance", e.awaiting_assurance, (*what,
            ("Status", lambda x: x.status), ("Implemented", lambda x: day(x.implemented_on))),
            "No evidence is waiting for a decision."),
        ExceptionList(f"Not updated for {report.stale_after_days} days", e.stale, (*what,
            ("Last update", lambda x: day(x.last_update) or "None"), ("Status", lambda x: x.status)),
            "Every open action has a recent update."),
        ExceptionList("Recently implemented and assured", e.recently_implemented, (*what,
            ("Implemented", lambda x: day(x.implemented_on)), ("Assurance", lambda x: x.assurance)),
            f"Nothing was implemented in the last {report.recent_days} days."),
    ]  # fmt: skip


def joined_facts(*columns: ExceptionColumn) -> ExceptionColumn:
    """An exception table's columns printed in one cell, each fact on its own line."""
    heading = " / ".join([columns[0][0], *(name.lower() for name, _ in columns[1:])])
    return heading, lambda line: "\n".join(text for _, fact in columns if (text := fact(line)))


def printed_exceptions(exceptions: ExceptionList) -> ExceptionList:
    """An exception table as printed (HTML, PDF): the owner under the action, as in the plan
    table, and a list's two facts (due and status, say) in one cell, the second under the first.
    Every fact is still on its row, in a cell or two fewer: cells a printed page lays out
    and draws one by one (ADR 68). A list of one fact or of more (slipped: dates, times, reason)
    keeps its columns; Word keeps a column for each fact."""
    where, action, who, *facts = exceptions.columns
    printed = (where, joined_facts(action, who), *([joined_facts(*facts)] if len(facts) == 2 else facts))
    return ExceptionList(exceptions.title, exceptions.lines, printed, exceptions.empty)


DECISIONS_TITLE = "Recommendations not accepted in full"
DECISION_COLUMNS: tuple[tuple[str, Callable[[DecisionLine], str]], ...] = (
    ("Plan / ref", lambda d: f"{d.plan} {d.ref}".strip()),
    ("Recommendation", lambda d: d.recommendation),
    ("Decision", lambda d: d.decision),
    ("Reason", lambda d: d.reason),
)


def no_decisions(report: BoardReport) -> str:
    return f"Every recommendation was accepted in full as at {long_date(report.as_at)}."


@dataclass(frozen=True)
class CountRows:
    """A table of RAG counts: a heading for the first column, then (name, counts) rows."""

    heading: str
    rows: list[tuple[str, RagCounts]]


def total_rows(report: BoardReport) -> CountRows:
    return CountRows("All actions", [("All actions", report.totals)])


def breakdown_rows(breakdown: RagBreakdown) -> CountRows:
    return CountRows(breakdown.by.capitalize(), list(breakdown.rows.items()))


def trend_rows(report: BoardReport) -> CountRows:
    return CountRows("As at", [(long_date(point.on), point.counts) for point in report.trend])
