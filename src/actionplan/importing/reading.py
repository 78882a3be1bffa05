"""A document's rows into its plan draft: the header found, items made, the plan named."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import PurePath

from .draft import DraftWarning, PlanDraft, Source
from .errors import ImportFailure
from .header import column_readings
from .items import ItemMaker
from .metadata import read_plan
from .own_files import refuse_own_files
from .readers import SourceRow
from .rows import Builder
from .sections import make_sections

_HEADER_SEARCH = 30  # a header is near the top of its table: the rows looked at for one


def draft_of(
    rows: Sequence[SourceRow], source: Source, columns: Mapping[str, str] | None,
) -> PlanDraft:
    """The draft of one table's rows, or an ImportFailure naming the file and line."""
    refuse_own_files(rows, source.path)
    found = Builder(columns).feed(rows)
    if not found.items and not found.sections:
        first = found.first_table_row or (rows[0] if rows else None)
        table = [row.cells for row in rows if row.in_table][:_HEADER_SEARCH]
        raise ImportFailure(source.path, "no recognisable header row",
                            line=first.line if first else None,
                            page=first.page if first else None,
                            columns=column_readings(table))
    warnings: list[DraftWarning] = []
    maker = ItemMaker(warnings)
    items = [maker.make(pending) for pending in found.items]
    plan = read_plan(found.title_lines, items, PurePath(source.path).stem)
    plan.notes.extend(found.notes)
    return PlanDraft(source, plan, make_sections(found.sections, plan.kind), items, warnings)
