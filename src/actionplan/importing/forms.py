"""Plans laid out as forms: a table turned on its side, each field named down its first
column and each recommendation a column ("Recommendation 1", "Recommendation 2" across the
top), or one two-column "field | value" table a recommendation. They are read as the table
a person would draw from them, one row a recommendation and one column a field, so that
every later step (owners, dates, RAG, the preview's column roles) reads them as any table.

A form names a second action by giving an action's field again ("Action", "Lead", "By
when", then "Action" again): that starts the next action's row, as in a prose plan.
"""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence

from .blocks import read_blocks
from .grouping import recommendation_row
from .header import normalise, read_header, role_of
from .readers import SourceRow

_ITEM_ROLES = frozenset(("ref", "review_ref", "outcome", "recommendation", "section"))
_LABEL_CHARS = 80  # a label's cell, markup and all: "<p>Target completion date</p>"
_REFS = "\0refs"  # the blank label of a row across the top, naming each record
Record = list[dict[str, tuple[str, int | None]]]  # rows of one record: field -> (cell, line)


def as_rows(rows: Sequence[SourceRow], columns: Mapping[str, str] | None = None,
            ) -> list[SourceRow]:
    """The rows with each form read as rows of one table, in the document's order: the
    header where the first form or recommendation heading stands ("Recommendation 1: …"
    over a form of its action's fields), a table that is no form (a version box) as lines
    of text. The rows as they are when a table has a header row of its own, or none is a
    form."""
    tables = _tables(rows)
    if not any(isinstance(part, list) and _labelled_down(part) for part in tables) or any(
            row.in_table and read_header(row.cells, columns) for row in rows):
        return list(rows)
    reader = _Reader(columns)
    placed: list[SourceRow | int] = []  # lines of text, and each form's first record
    for part in tables:
        first = len(reader.records)
        if isinstance(part, SourceRow):
            placed.append(part)
        elif reader.read(part):
            placed.append(first)
        else:
            placed.extend(SourceRow((" ".join(_text(c) for c in row.cells if c.strip()),),
                                    row.line, row.page, in_table=False) for row in part)
    if not reader.records:
        return list(rows)
    header, records = reader.table()
    starts = [*(p for p in placed if isinstance(p, int)), len(reader.records)]
    out: list[SourceRow] = []
    headed = False
    for item in placed:
        if isinstance(item, SourceRow):
            if not headed and recommendation_row(_text(item.cells[0])):
                out.append(header)
                headed = True
            out.append(item)
            continue
        if not headed:
            out.append(header)
            headed = True
        end = starts[starts.index(item) + 1]
        out.extend(row for row, number in records if item <= number < end)
    return out


def _labelled_down(table: list[SourceRow]) -> bool:
    """Whether a table's first column may be labels: short cells, and some beside them. A
    quick look, before asking whether any row is a header (the dear question)."""
    return len(table) > 1 and all(len(row.cells) > 1 and len(row.cells[0]) <= _LABEL_CHARS
                                  for row in table)


def _tables(rows: Sequence[SourceRow]) -> list[SourceRow | list[SourceRow]]:
    """Lines of text as they are, and each table's rows together."""
    found: list[SourceRow | list[SourceRow]] = []
    for row in rows:
        if not row.in_table:
            found.append(row)
        elif found and isinstance(found[-1], list) and not row.after_break:
            found[-1].append(row)
        else:
            found.append([row])
    return found


def _text(cell: str) -> str:
    return " ".join(" ".join(block.text for block in read_blocks(cell)).split())


class _Reader:
    def __init__(self, columns: Mapping[str, str] | None) -> None:
        self.columns = columns
        self.wanted = {normalise(k): v for k, v in (columns or {}).items()}
        self.labels: dict[str, str] = {"ref": "Ref"}  # key -> the header as first written
        self.records: list[Record] = []
        self.item_keys = {"ref"}  # the keys of the recommendation's own fields

    def read(self, table: list[SourceRow]) -> bool:
        """Read a table when it is a form (its first column's labels read as a header
        would); False, and nothing read, when it is not."""
        labels = [_text(row.cells[0]) for row in table]
        labels[0] = labels[0] or _REFS
        for index in range(1, len(labels)):  # a blank label: the field above runs on
            labels[index] = labels[index] or labels[index - 1]
        if min(len(row.cells) for row in table) < 2 or read_header(
                list(dict.fromkeys(label for label in labels if label != _REFS)),
                self.columns) is None:
            return False
        width = max(len(row.cells) for row in table)
        for column in range(1, width):
            record: Record = [{}]
            for row, label in zip(table, labels, strict=True):
                value = row.cells[column] if column < len(row.cells) else ""
                if value.strip():
                    self._field(record, label, value, row.line)
            if any(record[0]) or len(record) > 1:
                self.records.append(record)
        return True

    def _field(self, record: Record, label: str, value: str, line: int | None) -> None:
        role: str | None
        heading = recommendation_row(label)
        if heading is not None and not heading[1]:  # "Recommendation 1 | text": its ref
            record[0]["ref"] = (heading[0], line)
            key, header, role = "recommendation", "Recommendation", "recommendation"
        elif label == _REFS:  # "Recommendation 1" across the top
            key, header, role = "ref", "Ref", "ref"
            value = html.escape((recommendation_row(_text(value)) or (_text(value),))[0])
        else:
            key, header = normalise(label), label
            role = self.wanted.get(key) or role_of(label)
        self.labels.setdefault(key, header)
        self.item_keys.update([key] if role in _ITEM_ROLES else [])
        row = record[-1]
        if key in row and role not in _ITEM_ROLES:
            record.append({})  # a field the action has: the next action's
            row = record[-1]
        before = row.get(key)
        row[key] = (f"{before[0]}<p>{value}</p>" if before else value,
                    before[1] if before else line)

    def table(self) -> tuple[SourceRow, list[tuple[SourceRow, int]]]:
        """The header, and each record's rows with the record's number."""
        keys = list(self.labels)
        rows: list[tuple[SourceRow, int]] = []
        for number, record in enumerate(self.records):
            # The recommendation's fields on a row of their own: each action keeps its line.
            own = {k: v for k, v in record[0].items() if k in self.item_keys}
            actions = [{k: v for k, v in record[0].items() if k not in own}, *record[1:]]
            rows.extend((SourceRow(tuple(row.get(key, ("", None))[0] for key in keys),
                                   _line(row)), number) for row in [own, *actions] if row)
        return SourceRow(tuple(self.labels.values()), _first_line(self.records)), rows


def _line(row: dict[str, tuple[str, int | None]]) -> int | None:
    return min((line for _, line in row.values() if line is not None), default=None)


def _first_line(records: list[Record]) -> int | None:
    lines = [line for record in records for row in record for _, line in row.values()
             if line is not None]
    return min(lines) if lines else None
