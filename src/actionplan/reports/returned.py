"""Read a workbook that owners have edited and given back: each action's row (and each row of a
recommendation tracked without actions) as they left it, and what it looked like when the
workbook was exported. Bad input is refused whole, with the file, sheet and row named, before
anything is applied."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from dateutil import parser as dates

from actionplan.plans.parsing import ChildFailed, run_bounded
from actionplan.plans.rag import Rag
from actionplan.plans.status import DeliveryStatus

from .export_columns import (
    ABOUT_SHEET,
    DECISIONS_SHEET,
    EXPORT_SHEET,
    ID,
    PROGRESS,
    RAG,
    REASON,
    REVISED_DUE,
    STATUS,
)
from .safe_text import unescape

STATUS_OF_LABEL = {label.lower(): value for value, label in DeliveryStatus.choices}
RAG_OF_LABEL = {label.lower(): value for value, label in Rag.choices}


class WorkbookError(ValueError):
    """The workbook cannot be read as an actionplan export; nothing was applied."""


@dataclass(frozen=True)
class Edited:
    """An action's editable cells: as exported, or as given back."""

    status: str
    revised_due: date | None
    reason: str
    progress: str
    rag: str = ""  # read on a recommendation's row only: an action's RAG is worked out


@dataclass(frozen=True)
class ReturnedRow:
    where: str  # "sheet 'Child R' row 7", for messages
    action_id: int
    cells: Edited


@dataclass(frozen=True)
class ReturnedRecommendationRow:
    """The row of a recommendation tracked without actions (ID R-7)."""

    where: str
    recommendation_id: int
    cells: Edited


@dataclass(frozen=True)
class Returned:
    as_at: date
    exported_at: datetime
    versions: dict[int, int]  # action id → its version when exported
    exported: dict[int, Edited]
    rows: list[ReturnedRow]
    recommendations_exported: dict[int, Edited] = field(default_factory=dict)
    recommendation_rows: list[ReturnedRecommendationRow] = field(default_factory=list)


@dataclass(frozen=True)
class Sheet:
    """One sheet's title and rows of cell values (row 1 first), as the bounded reader gave them."""

    title: str
    rows: list[tuple[object, ...]]


MEMORY_MB = 512  # a real tracker of a few thousand actions is read in well under 200 MB
SECONDS = 60  # well inside the web worker's timeout (gunicorn.conf.py)
WORKER = Path(__file__).resolve().parent / "workbook_worker.py"


def read_workbook(
    content: bytes, name: str, *, memory_mb: int | None = None, timeout: float | None = None
) -> Returned:
    """The owners' rows of a returned workbook, its cells read in a child process bounded in
    memory and time (workbook_worker.py), so that no upload can hold the web server; WorkbookError
    naming the file and why (not a workbook, too big, too slow) when it cannot be read."""
    try:
        answer = run_bounded(
            WORKER, [name], content, memory_mb=memory_mb or MEMORY_MB, timeout=timeout or SECONDS
        )
    except ChildFailed as failure:
        raise WorkbookError(f"{name}: {failure.reason}") from None
    if "failure" in answer:
        raise WorkbookError(f"{name}: {answer['failure']}")
    book = {sheet["title"]: Sheet(sheet["title"], [tuple(map(value_of, row)) for row in sheet["rows"]])
            for sheet in answer["sheets"]}
    if EXPORT_SHEET not in book:
        raise WorkbookError(f"{name}: not a workbook exported by actionplan (no '{EXPORT_SHEET}' sheet)")
    reader = Reader(name)
    versions, exported, as_at, exported_at = reader.export_sheet(book[EXPORT_SHEET])
    rows: list[ReturnedRow | ReturnedRecommendationRow] = []
    for sheet in book.values():
        if sheet.title not in {EXPORT_SHEET, ABOUT_SHEET, DECISIONS_SHEET}:
            rows += reader.action_sheet(sheet)
    return Returned(
        as_at, exported_at, versions, exported,
        [row for row in rows if isinstance(row, ReturnedRow)],
        reader.recommendations_exported,
        [row for row in rows if isinstance(row, ReturnedRecommendationRow)],
    )  # fmt: skip


def value_of(cell: object) -> object:
    """A cell's value as openpyxl gave it: dates come through JSON tagged."""
    if isinstance(cell, dict):
        if "datetime" in cell:
            return datetime.fromisoformat(cell["datetime"])
        if "date" in cell:
            return date.fromisoformat(cell["date"])
    return cell


class Reader:
    def __init__(self, name: str) -> None:
        self.name = name
        self.recommendations_exported: dict[int, Edited] = {}

    def fail(self, where: str, message: str) -> WorkbookError:
        return WorkbookError(f"{self.name}: {where}: {message}")

    def export_sheet(self, sheet: Sheet) -> tuple[dict[int, int], dict[int, Edited], date, datetime]:
        where = f"sheet '{sheet.title}'"
        first = list(sheet.rows[0]) if sheet.rows else []
        try:
            as_at_cell, exported_cell = first[3], first[5]
            if not isinstance(as_at_cell, datetime) or not isinstance(exported_cell, str):
                raise TypeError(f"{as_at_cell!r}, {exported_cell!r}")
            as_at, exported_at = as_at_cell.date(), datetime.fromisoformat(exported_cell)
        except (IndexError, TypeError, ValueError) as error:
            raise self.fail(where, "the as-at date or export time is missing") from error
        versions, exported = {}, {}
        for number, values in enumerate(sheet.rows[2:], start=3):
            recommendation_id = self.recommendation_id(values[0])
            if recommendation_id is not None:
                rag = values[6] if len(values) > 6 else ""
                self.recommendations_exported[recommendation_id] = self.edited(
                    values[2:6], f"{where} row {number}", rag
                )
                continue
            action_id = self.action_id(values[0], f"{where} row {number}")
            try:
                if not isinstance(values[1], int | float | str):
                    raise TypeError(repr(values[1]))
                versions[action_id] = int(values[1])
            except (TypeError, ValueError) as error:
                raise self.fail(f"{where} row {number}", "the version column was changed") from error
            exported[action_id] = self.edited(values[2:6], f"{where} row {number}")
        return versions, exported, as_at, exported_at

    def action_sheet(self, sheet: Sheet) -> list[ReturnedRow | ReturnedRecommendationRow]:
        headings = [str(value or "").strip() for value in (sheet.rows[0] if sheet.rows else ())]
        missing = [h for h in (ID, STATUS, REVISED_DUE, REASON, PROGRESS) if h not in headings]
        if missing:
            raise self.fail(f"sheet '{sheet.title}'", f"no column headed {', '.join(missing)}")
        at = {heading: headings.index(heading) for heading in (ID, STATUS, REVISED_DUE, REASON, PROGRESS)}
        rag_at = headings.index(RAG) if RAG in headings else None
        rows: list[ReturnedRow | ReturnedRecommendationRow] = []
        for number, values in enumerate(sheet.rows[1:], start=2):
            where = f"sheet '{sheet.title}' row {number}"
            if not values[at[ID]]:
                continue  # a blank line (or a recommendation's row in a workbook from before R- IDs)
            cells = [values[at[h]] for h in (STATUS, REVISED_DUE, REASON, PROGRESS)]
            recommendation_id = self.recommendation_id(values[at[ID]])
            if recommendation_id is not None:
                rag = values[rag_at] if rag_at is not None else ""
                edited = self.edited(cells, where, rag)
                rows.append(ReturnedRecommendationRow(where, recommendation_id, edited))
                continue
            rows.append(ReturnedRow(where, self.action_id(values[at[ID]], where), self.edited(cells, where)))
        return rows

    def edited(self, values: tuple | list, where: str, rag: object = None) -> Edited:
        status, revised, reason, progress = values
        return Edited(
            self.status(status, where), self.date(revised, where), self.text(reason), self.text(progress),
            self.rag(rag, where),
        )  # fmt: skip

    @staticmethod
    def recommendation_id(value: object) -> int | None:
        """The id in an ID like R-7 (a recommendation tracked without actions), else None."""
        text = str(value or "").strip()
        return int(text[2:]) if text.upper().startswith("R-") and text[2:].isdigit() else None

    def rag(self, value: object, where: str) -> str:
        # "Red (override)" reads as red: the override is the action's, never a recommendation's.
        label = str(value or "").strip().removesuffix("(override)").strip()
        if not label:
            return ""
        if label.lower() not in RAG_OF_LABEL:
            raise self.fail(where, f"unknown RAG '{label}' (use one of: {', '.join(Rag.labels)})")
        return RAG_OF_LABEL[label.lower()]

    def action_id(self, value: object, where: str) -> int:
        text = str(value or "").strip()
        if not (text.upper().startswith("A-") and text[2:].isdigit()):
            raise self.fail(where, f"'{text}' is not an ID like A-123 (an action) or R-12 (a recommendation)")
        return int(text[2:])

    def status(self, value: object, where: str) -> str:
        label = str(value or "").strip()
        if label.lower() not in STATUS_OF_LABEL:
            raise self.fail(
                where, f"unknown status '{label}' (use one of: {', '.join(DeliveryStatus.labels)})"
            )
        return STATUS_OF_LABEL[label.lower()]

    def date(self, value: object, where: str) -> date | None:
        if value is None or value == "":
            return None
        if isinstance(value, datetime):
            return value.date()
        if isinstance(value, date):
            return value
        try:
            return dates.parse(str(value).strip(), dayfirst=True).date()  # UK: 01/06/17 is 1 June
        except (ValueError, OverflowError) as error:
            raise self.fail(where, f"'{value}' is not a date (write it as DD/MM/YYYY)") from error

    @staticmethod
    def text(value: object) -> str:
        return unescape(str(value).strip()) if value is not None else ""
