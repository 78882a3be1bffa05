"""Plans written as numbered paragraphs, without a table: "1." a recommendation and "1.1" an
action under it, or three levels deep ("1." a theme, "1.1" a recommendation, "1.1.1" an
action), each action's owner and due date in brackets at the end of its line
("… (Adult Social Care, 31/03/2028)"). They are read as the table a person would draw from
them (Ref, Recommendation, Action ref, Action, Lead, Due), so that every later step reads
them as it reads a table.

Only a document whose deepest paragraphs mostly end so is read this way: a report's
numbered paragraphs name no owner. Lines without a number after the first are kept as notes.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence

from .due import parse_due
from .owners import read_owner
from .readers import SourceRow
from .repair import looks_like_section

_NUMBERED = re.compile(r"^\s*(\d{1,3}(?:\.\d{1,3}){0,2})\.?\s+(\S.*)$", re.S)
_BRACKETED = re.compile(r"\s*[-–—:]?\s*\(([^()]+)\)\s*\.?\s*$")
_HEADER = ("Ref", "Recommendation", "Action ref", "Action", "Lead", "Due")


def as_table(rows: Sequence[SourceRow]) -> list[SourceRow]:
    """The rows of a plan of numbered paragraphs read as one table; else as they are."""
    if any(row.in_table for row in rows):
        return list(rows)
    numbered = [(row, _NUMBERED.match(row.cells[0])) for row in rows]
    depths = {len(m.group(1).split(".")) for _, m in numbered if m}
    if len(depths) < 2:
        return list(rows)
    deepest = max(depths)
    actions = [m.group(2) for _, m in numbered if m and len(m.group(1).split(".")) == deepest]
    if sum(_owner_and_due(text) is not None for text in actions) * 2 < len(actions):
        return list(rows)
    return _table(numbered, deepest)


def _table(numbered: list[tuple[SourceRow, re.Match[str] | None]], deepest: int,
           ) -> list[SourceRow]:
    out: list[SourceRow] = []
    notes: list[SourceRow] = []
    started = False
    for row, match in numbered:
        if match is None:
            (notes if started else out).append(row)
            continue
        if not started:
            out.append(SourceRow(_HEADER, row.line))
            started = True
        number, text = match.group(1), " ".join(match.group(2).split())
        depth = len(number.split("."))
        if depth == deepest:
            found = _owner_and_due(text)
            text, owner, due = found if found else (text, "", "")
            cells = ("", "", number, text, owner, due)
        elif depth == deepest - 1:
            cells = (number, text, "", "", "", "")
        elif looks_like_section(text):
            cells = (text, "", "", "", "", "")  # a theme: a row of one cell
        else:
            notes.append(row)
            continue
        out.append(SourceRow(tuple(html.escape(cell) for cell in cells), row.line))
    return out + [note._replace(in_table=False) for note in notes]


def _owner_and_due(text: str) -> tuple[str, str, str] | None:
    """(the action's words, its owners, its due) when the line ends with them in brackets:
    each part a due date or words naming an agency or a post; else None."""
    bracket = _BRACKETED.search(text)
    if bracket is None:
        return None
    owners, dues = [], []
    for part in (p.strip() for p in re.split(r"[;,]", bracket.group(1)) if p.strip()):
        if parse_due(part).kind != "unknown" or any(c.isdigit() for c in part):
            dues.append(part)  # a date misread ("31/02/2027") is warned about, not lost
        elif read_owner(part).agency or read_owner(part).role:
            owners.append(part)
        else:
            return None  # "(including the appendix)": the action's own words
    return text[:bracket.start()].strip(), "<br>".join(owners), " ".join(dues)
