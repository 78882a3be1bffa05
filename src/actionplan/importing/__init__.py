"""Documents in, plan drafts out: the importer of board action plans.

    drafts = parse_plans_file(path)   # one draft a plan: a workbook may hold several
    draft = parse_file(path, columns={"Milestones": "measure"})   # a file of one plan
    draft.to_dict()   # the JSON contract of docs/import-draft.md

Pure Python: nothing here knows about Django or the database.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from pathlib import Path, PurePath
from typing import NamedTuple

from .complete_rag import rag_key
from .cover import from_cover
from .draft import DraftWarning, PlanDraft, Source
from .errors import ColumnReading, ImportFailure, NoPlanTable
from .files import MAX_BYTES, check_bytes, format_of
from .forms import as_rows
from .header import ROLES, header_readings
from .labelled import as_table
from .numbered import as_table as numbered_table
from .readers import Part, read_parts
from .reading import draft_of
from .rows import clean_line
from .table import render_table

__all__ = ["MAX_BYTES", "ColumnReading", "Document", "ImportFailure", "PlanDraft", "parse_bytes",
           "parse_file", "parse_plans_bytes", "parse_plans_file", "read_columns", "read_document",
           "render_table"]


def parse_file(path: Path | str, *, columns: Mapping[str, str] | None = None) -> PlanDraft:
    """Read the one plan of a file; ImportFailure says why when it cannot (or when the file
    holds several plans: parse_plans_file reads those)."""
    return _only_plan(parse_plans_file(path, columns=columns), str(path))


def parse_bytes(
    data: bytes, filename: str, *, columns: Mapping[str, str] | None = None,
) -> PlanDraft:
    """Read the one plan of a document's bytes (a web upload); the filename gives the format."""
    return _only_plan(parse_plans_bytes(data, filename, columns=columns), filename)


def _only_plan(drafts: list[PlanDraft], filename: str) -> PlanDraft:
    if len(drafts) > 1:
        sheets = ", ".join(repr(d.source.sheet) for d in drafts)
        raise ImportFailure(filename, f"holds {len(drafts)} plans (sheets {sheets}): "
                                      "read them with parse_plans_file or parse_plans_bytes")
    return drafts[0]


def parse_plans_file(
    path: Path | str, *, columns: Mapping[str, str] | None = None,
) -> list[PlanDraft]:
    """Read every plan of a file, one draft each, in the file's order."""
    path = Path(path)
    try:
        if path.stat().st_size > MAX_BYTES:
            raise ImportFailure(path, f"is larger than the {MAX_BYTES // 2**20} MB limit")
        data = path.read_bytes()
    except OSError as error:
        raise ImportFailure(path, f"cannot be read ({error.strerror or error})") from error
    return parse_plans_bytes(data, str(path), columns=columns)


class Document(NamedTuple):
    """A document read once: its plans, and how the header of its first table was read."""

    plans: list[PlanDraft]
    columns: tuple[ColumnReading, ...]


def parse_plans_bytes(
    data: bytes, filename: str, *, columns: Mapping[str, str] | None = None,
) -> list[PlanDraft]:
    """Read every plan of a document's bytes: one draft a worksheet that holds a plan (a
    key or notes sheet is left out, with a warning), one for any other document."""
    return read_document(data, filename, columns=columns).plans


def read_document(
    data: bytes, filename: str, *, columns: Mapping[str, str] | None = None,
) -> Document:
    """The document's plans (as parse_plans_bytes) and its header's reading (as read_columns),
    from one reading of its bytes: what a preview shows."""
    try:
        parts = _parts(data, filename, columns)
        return Document(_drafts(data, filename, parts, columns), _first_header(parts, columns))
    except ImportFailure:
        raise
    except Exception as error:  # any library's failure on bad bytes is the file's fault
        raise ImportFailure(filename, f"could not be read ({type(error).__name__})") from error


def _parts(data: bytes, filename: str, columns: Mapping[str, str] | None) -> list[Part]:
    for header, role in (columns or {}).items():
        if role not in ROLES:
            raise ImportFailure(filename, f"column {header!r}: unknown role {role!r}")
    return _read_parts(data, filename, columns)


def _read_parts(data: bytes, filename: str, columns: Mapping[str, str] | None) -> list[Part]:
    """The document's parts, a plan written as forms, as labelled prose or as numbered
    paragraphs read as its table."""
    fmt = format_of(filename)
    check_bytes(data, filename, fmt)
    return [part._replace(rows=numbered_table(as_table(as_rows(part.rows, columns), columns)))
            for part in read_parts(fmt, data, filename, columns)]


def _drafts(
    data: bytes, filename: str, parts: list[Part], columns: Mapping[str, str] | None,
) -> list[PlanDraft]:
    fmt = format_of(filename)
    sha256 = hashlib.sha256(data).hexdigest()
    drafts: dict[int, PlanDraft] = {}
    refusals: list[NoPlanTable] = []
    for number, part in enumerate(parts):
        try:
            drafts[number] = draft_of(part.rows, Source(filename, fmt, sha256, part.sheet),
                                      columns, part.readings)
        except NoPlanTable as refusal:  # a key, notes or empty sheet; any other refusal stands
            refusals.append(refusal)
    if not drafts:
        raise refusals[0]
    others = [part for number, part in enumerate(parts) if number not in drafts]
    if key := _key_of(others):  # a key sheet says what the plans' RAG letters mean
        drafts = {number: draft_of(parts[number].rows, draft.source, columns,
                                   parts[number].readings, key)
                  for number, draft in drafts.items()}
    cover = [" ".join(clean_line(cell) for cell in row.cells if cell.strip())
             for part in others for row in part.rows if any(cell.strip() for cell in row.cells)]
    found = from_cover(list(drafts.values()), cover, PurePath(filename).stem, data)
    found[0].warnings[:0] = [warning for part in others for warning in _left_out(part)]
    return _told_apart(data, found)


def _told_apart(data: bytes, drafts: list[PlanDraft]) -> list[PlanDraft]:
    if len(drafts) > 1:
        for draft in drafts:  # each sheet is its own plan: stored once, told apart by name
            sheet = draft.source.sheet or ""
            draft.source.sha256 = hashlib.sha256(data + b"\0" + sheet.encode()).hexdigest()
            if sheet not in (draft.plan.title or ""):
                draft.plan.title = f"{draft.plan.title} ({sheet})"
    return drafts


def _key_of(parts: list[Part]) -> list[str]:
    """A RAG key the parts hold, in a cell ("C = complete") or a row of a key's table
    ("C", "Complete"): each row read as its cells said one after another."""
    return rag_key([" = ".join(clean_line(cell) for cell in row.cells if cell.strip())
                    for part in parts for row in part.rows])


def read_columns(
    data: bytes, filename: str, *, columns: Mapping[str, str] | None = None,
) -> tuple[ColumnReading, ...]:
    """How the header of the document's first table was read (each column's role and the
    confidence of its best reading), for a person to correct; empty when none was found."""
    return _first_header(_read_parts(data, filename, columns), columns)


def _first_header(parts: list[Part], columns: Mapping[str, str] | None) -> tuple[ColumnReading, ...]:
    for part in parts:
        if found := header_readings([row.cells for row in part.rows if row.in_table], columns):
            return found
    return ()


def _left_out(part: Part) -> list[DraftWarning]:
    """Why a sheet gave no plan: the reader's word (a hidden sheet), else what it held."""
    if part.readings:
        return [DraftWarning(r.line, r.message) for r in part.readings]
    what = "is empty" if not part.rows else "holds no plan table"
    if key := _key_of([part]):
        what += f" but a RAG key ({'; '.join(key)}), read for the plans"
    return [DraftWarning(None, f"sheet {part.sheet!r} {what}: not imported")]
