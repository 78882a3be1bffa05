"""A document's rows into its plan draft: the header found, items made, the plan named."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import PurePath

from .actions_alone import read_actions_alone
from .complete_rag import c_means_complete, completed_by_rag
from .decisions import settle_decision_columns
from .draft import DraftWarning, PlanDraft, Source
from .errors import NoPlanTable
from .header import column_readings, read_header
from .items import ItemMaker, rag_cells, rag_headers
from .joint_owners import joint_owned
from .metadata import read_plan
from .own_files import refuse_own_files
from .readers import Reading, SourceRow
from .rows import Builder
from .sections import make_sections

_HEADER_SEARCH = 30  # a header is near the top of its table: the rows looked at for one


def draft_of(
    rows: Sequence[SourceRow], source: Source, columns: Mapping[str, str] | None,
    readings: Sequence[Reading] = (), key: Sequence[str] = (),
) -> PlanDraft:
    """The draft of one table's rows, with what the reader inferred (readings) among its
    warnings; an ImportFailure naming the file and line when there is none. `key` is a RAG
    key given elsewhere in the document (a key sheet of the workbook)."""
    refuse_own_files(rows, source.path)
    found = Builder(columns).feed(rows)
    if not found.items and not found.sections:
        raise _no_plan_table(rows, source, columns)
    settle_decision_columns(found.items, columns)
    warnings = [DraftWarning(reading.line, reading.message) for reading in readings]
    key_lines = [*found.title_lines, *found.notes, *rag_headers(found.items), *key]
    maker = ItemMaker(warnings, c_means_complete(rag_cells(found.items), key_lines))
    items = read_actions_alone(found.items, [maker.make(pending) for pending in found.items],
                               warnings)
    warnings.extend(completed_by_rag(items) + joint_owned(items))
    plan = read_plan(found.title_lines, items, PurePath(source.path).stem)
    plan.notes.extend(found.notes)
    return PlanDraft(source, plan, make_sections(found.sections, plan.kind), items, warnings)


def _no_plan_table(
    rows: Sequence[SourceRow], source: Source, columns: Mapping[str, str] | None,
) -> NoPlanTable:
    """Why no plan was read: a header with nothing under it, or no header at all (with the
    best reading of each column, so that a person can map them)."""
    header = next((row for row in rows if row.in_table and read_header(row.cells, columns)), None)
    if header is not None:
        return NoPlanTable(source.path, "has a table header but no rows under it",
                           line=header.line, page=header.page)
    first = next((row for row in rows if row.in_table), rows[0] if rows else None)
    table = [row.cells for row in rows if row.in_table][:_HEADER_SEARCH]
    return NoPlanTable(source.path, "no recognisable header row",
                       line=first.line if first else None, page=first.page if first else None,
                       columns=column_readings(table))
