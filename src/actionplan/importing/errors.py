"""The one exception the importer raises, whatever bytes it is given."""

from __future__ import annotations

from pathlib import PurePath


class ImportFailure(Exception):
    """A document could not be turned into a plan draft.

    str(failure) is one line naming the file and, when known, the line or page,
    e.g. "plan.docx: page 3: no recognisable header row".
    """

    def __init__(
        self, path: str | PurePath, message: str, *, line: int | None = None,
        page: int | None = None,
    ) -> None:
        self.path = str(path)
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
