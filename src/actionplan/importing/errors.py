"""The exceptions the importer raises, whatever bytes it is given: ImportFailure and its kind."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import PurePath


@dataclass(frozen=True)
class ColumnReading:
    """The best reading of one column of a header that was not recognised: the role its
    text comes nearest to (None: none at all) and how sure that is, from 0 to 1, so that a
    person can be asked to map the column."""

    header: str
    role: str | None
    confidence: float


class ImportFailure(Exception):
    """A document could not be turned into a plan draft.

    str(failure) is one line naming the file and, when known, the line or page,
    e.g. "plan.docx: page 3: no recognisable header row".
    """

    def __init__(
        self, path: str | PurePath, message: str, *, line: int | None = None,
        page: int | None = None, columns: tuple[ColumnReading, ...] = (),
    ) -> None:
        self.path = str(path)
        self.columns = columns
        self.message = message
        self.line = line
        self.page = page
        super().__init__(str(self))

    def __str__(self) -> str:
        parts = [PurePath(self.path).name or self.path]
        if self.page is not None:
            parts.append(f"page {self.page}")
        if self.line is not None:
            parts.append(f"line {self.line}")
        # One line, always: messages built from document text may hold newlines.
        parts.append(" ".join(self.message.split()))
        return ": ".join(parts)


class NoPlanTable(ImportFailure):
    """The rows hold no plan table: refused for a document, but only left out (with a
    warning) for one worksheet of a workbook whose other sheets hold plans."""
