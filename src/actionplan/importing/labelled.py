"""Plans written as prose, without a table: each recommendation a heading ("Recommendation 1:
…"), each action a paragraph followed by labelled lines ("Lead agency: …", "Target date: …",
"Progress: …"). They are read as the table a person would draw from them: one row an
action, a column for the recommendation, the action and each label, so that every later
step (owners, dates, statuses, the preview's column roles) reads them as it reads a table.

Which line is what:
- a "Recommendation N: …" heading starts an item; lines above the first are the title block;
  so does a line "N. …" where the document has no such heading and every line so numbered
  has bulleted actions under it and no labels of its own (a numbered list of actions, each
  "1. … Lead: X.", is no list of recommendations);
- a line "Board response: …" (a label naming the board's decision) stating a decision gives
  the recommendation's decision (ADR 85);
- a line "Label: value", whose label names a field of an action (its owner, due date,
  progress…), gives that field; "Action: …" starts an action;
- a bulleted line ("•", "-", "*") starts an action; its fields may follow its sentence
  ("… Owner: CSC. By: June.") or close it in brackets ("… (Lead: CSC; by: June)");
- a line that is a label naming actions and nothing more ("Actions:") introduces them;
- other lines are the recommendation's text until its first action, but for the last of
  several just above the first labels, which is that action's text (a single line there is
  the recommendation's own: its labels are on an untitled action); after an action's labels,
  the lines just above a label it already has are the next action's text, those above one
  it has not yet go on with its last field ("Progress: …" over two paragraphs), and lines
  that no label follows are kept as notes, not guessed into a field.
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from .action_rows import PAIRED_ROLES
from .decisions import read_decision
from .grouping import recommendation_row
from .header import normalise, role_of
from .readers import SourceRow

_LABELLED = re.compile(r"^\s*([A-Za-z][\w /&'()-]{0,40}?)\s*:\s*(\S.*)$", re.S)
_BULLETED = re.compile(r"^\s*(?:[•▪●◦■□➢►▶*]|[-–](?=\s)|\(?[a-z]\)(?=\s))\s*")
# Labels written on the action's own line, after its sentence: "… a house move. Owner: 0-19
# Service. By: 31 March 2026." (a plan typed into an e-mail).
_INLINE_LABEL = re.compile(r"(?<=[.;])\s+([A-Z][\w/&'-]*(?: [\w/&'-]+){0,2}):\s+")
# Or in brackets at the end of its line, in any case, parted by semicolons or commas: "… at a
# practitioner event. (Lead: Adult Social Care; by: June 2026)".
_BRACKETED_LABELS = re.compile(r"\s*\(([^()]*:[^()]*)\)\s*[.;]?\s*$")
_BRACKETED_LABEL = re.compile(r"(?:^|[;,])\s*([A-Za-z][\w/&'-]*(?: [\w/&'-]+){0,2}):\s*")
# A line that is only a label naming actions ("Actions:", "Agreed actions:") introduces them.
_ACTIONS_HEADING = re.compile(r"^\s*([A-Za-z][\w ]{0,30}):\s*$")
_MAX_LABEL_WORDS = 5
# "1. Share the learning…": a recommendation numbered without the word "Recommendation".
_NUMBERED_HEADING = re.compile(r"^\s*(\d{1,3})[.)]\s+(\S.*)$", re.S)
_ACTION_ROLES = frozenset(PAIRED_ROLES) | {"action"}


@dataclass
class _Action:
    text: list[str]
    line: int | None
    fields: dict[str, list[str]] = field(default_factory=dict)  # by label, as first written


@dataclass
class _Item:
    ref: str
    text: list[str]
    line: int | None
    actions: list[_Action] = field(default_factory=list)
    pending: list[SourceRow] = field(default_factory=list)  # lines not yet placed
    notes: list[SourceRow] = field(default_factory=list)  # lines after the actions' labels
    decision: str = ""  # the board's, as written after its label


def as_table(rows: Sequence[SourceRow], columns: Mapping[str, str] | None = None,
             ) -> list[SourceRow]:
    """The rows of a document with no table read as one, when it is laid out as labelled
    prose (a recommendation heading and at least one labelled line); else the rows as
    they are."""
    if any(row.in_table for row in rows):
        return list(rows)
    reader = _Reader(columns, _numbered_headings(rows))
    for row in rows:
        reader.line(row)
    return reader.table() or list(rows)


def _numbered_headings(rows: Sequence[SourceRow]) -> dict[int, tuple[str, str]]:
    """The lines "N. …" that are recommendations' headings, by their place among the rows:
    none when the document has "Recommendation N" headings, and only when every line so
    numbered has a bulleted line under it before the next and gives no labels of its own."""
    texts = [row.cells[0].strip() for row in rows]
    if any(recommendation_row(text) for text in texts):
        return {}
    found: dict[int, tuple[str, str]] = {}
    bulleted: set[int] = set()  # the numbered lines with a bulleted line under them
    for place, text in enumerate(texts):
        if match := _NUMBERED_HEADING.match(text):
            if _INLINE_LABEL.search(match.group(2)) or _BRACKETED_LABELS.search(match.group(2)):
                return {}
            found[place] = (match.group(1), " ".join(match.group(2).split()))
        elif found and _BULLETED.match(text):
            bulleted.add(max(found))
    return found if found and bulleted == set(found) else {}


class _Reader:
    def __init__(self, columns: Mapping[str, str] | None,
                 headings: Mapping[int, tuple[str, str]]) -> None:
        self.wanted = {normalise(k): v for k, v in (columns or {}).items()}
        self.headings = headings
        self.read = 0  # the rows read so far: where a numbered heading is
        self.decision_label = ""  # as first written ("Board response")
        self.title: list[SourceRow] = []
        self.items: list[_Item] = []
        self.labels: dict[str, str] = {}  # normalised label -> as first written

    def line(self, row: SourceRow) -> None:
        text = row.cells[0].strip()
        heading = self.headings.get(self.read) or recommendation_row(text)
        self.read += 1
        if heading is not None:
            self._close()
            self.items.append(_Item(heading[0], [heading[1]] if heading[1] else [], row.line))
        elif not self.items:
            self.title.append(row)
        elif self._decision(text) or self._introduces_actions(text):
            self._place_pending(None)
        elif (label := self._label(text)) is not None:
            self._labelled(row, *label)
        elif bullet := _BULLETED.match(text):
            self._place_pending(None)
            words, fields = self._inline_labels(text[bullet.end():])
            self.items[-1].actions.append(_Action([words], row.line))
            for written, value in fields:
                key = normalise(written)
                self.labels.setdefault(key, written)
                self.items[-1].actions[-1].fields.setdefault(key, []).append(value)
        else:
            self.items[-1].pending.append(row)

    def _label(self, text: str) -> tuple[str, str, str] | None:
        """(label, its role, value) of a line "Label: value" naming an action's field."""
        match = _LABELLED.match(text)
        if match is None or len(match.group(1).split()) > _MAX_LABEL_WORDS:
            return None
        label = " ".join(match.group(1).split())
        # A decision's label ("Response") stating none is what it was read as before.
        role = self.wanted.get(normalise(label)) or role_of(label, skip="decision")
        return (label, role, match.group(2).strip()) if role in _ACTION_ROLES else None

    def _decision(self, text: str) -> bool:
        """Whether the line is a label naming the board's decision ("Board response: …"),
        then taken as the item's. Its value is read for the decision later, as a table's
        cell is: one not clearly a decision is kept as a note, and said."""
        match = _LABELLED.match(text)
        if match is None or self.items[-1].decision:
            return False
        label, value = " ".join(match.group(1).split()), match.group(2).strip()
        if (self.wanted.get(normalise(label)) or role_of(label)) != "decision":
            return False
        if read_decision(value) is None and role_of(label, skip="decision") in _ACTION_ROLES:
            return False  # "Response: …" naming no decision: an action's progress, as ever
        self.decision_label = self.decision_label or label
        self.items[-1].decision = value
        return True

    def _introduces_actions(self, text: str) -> bool:
        match = _ACTIONS_HEADING.match(text)
        return match is not None and role_of(match.group(1)) == "action"

    def _inline_labels(self, text: str) -> tuple[str, list[tuple[str, str]]]:
        """An action's words and the labelled fields written after them on its line, when
        every label there names an action's field; else the line as it is."""
        if bracketed := _BRACKETED_LABELS.search(text):
            parts = _BRACKETED_LABEL.split(bracketed.group(1))
            if not parts[0].strip() and self._all_fields(parts[1::2]):
                values = [value.strip().rstrip(".;,").strip() for value in parts[2::2]]
                return text[:bracketed.start()].strip(), list(zip(parts[1::2], values, strict=True))
        parts = _INLINE_LABEL.split(text)
        labels = parts[1::2]
        if not self._all_fields(labels):
            return text, []
        values = [value.strip().rstrip(".;").strip() for value in parts[2::2]]
        return parts[0].strip().rstrip(";"), list(zip(labels, values, strict=True))

    def _all_fields(self, labels: list[str]) -> bool:
        return bool(labels) and all(self._label(f"{label}: x") is not None for label in labels)

    def _labelled(self, row: SourceRow, label: str, role: str, value: str) -> None:
        item = self.items[-1]
        if role == "action":
            self._place_pending(None)
            item.actions.append(_Action([value], row.line))
            return
        key = normalise(label)
        self._place_pending(row, key)
        if not item.actions:  # labels straight under the recommendation: an untitled action
            item.actions.append(_Action([], row.line))
        self.labels.setdefault(key, label)
        item.actions[-1].fields.setdefault(key, []).append(value)

    def _place_pending(self, label_row: SourceRow | None, key: str = "") -> None:
        """The lines read since the last placed one, placed now that what follows them is
        known: a labelled line (label_row, its label's key) or the start of an action or
        item (None)."""
        item = self.items[-1]
        pending, item.pending = item.pending, []
        if not pending:
            return
        texts = [row.cells[0].strip() for row in pending]
        last = item.actions[-1] if item.actions else None
        if last is not None and not last.fields:
            last.text.extend(texts)  # a bulleted action's text, carried on
        elif label_row is None:
            if last is None:
                item.text.extend(texts)
            else:
                item.notes.extend(pending)
        elif last is None and len(texts) > 1:
            # The recommendation's text, then the first action's just above its labels.
            item.text.extend(texts[:-1])
            item.actions.append(_Action(texts[-1:], pending[-1].line))
        elif last is None:
            item.text.extend(texts)
        elif key in last.fields:  # a label the action above has: the next action's
            item.actions.append(_Action(texts, pending[0].line))
        else:  # a label it has not: the lines go on with its last field
            last.fields[list(last.fields)[-1]].extend(texts)

    def _close(self) -> None:
        if self.items:
            self._place_pending(None)

    def table(self) -> list[SourceRow] | None:
        self._close()
        if not self.items or not self.labels:
            return None
        keys = list(self.labels)
        decided = (self.decision_label,) if self.decision_label else ()
        header = ("Ref", "Recommendation", "Action", *self.labels.values(), *decided)
        rows = list(self.title)
        rows.append(SourceRow(header, self.items[0].line))
        blank = ("",) * (len(keys) + 1)
        for item in self.items:
            # The recommendation on a row of its own: its actions keep their own lines.
            decision = (html.escape(item.decision),) if decided else ()
            rows.append(SourceRow((item.ref, _cells(item.text), *blank, *decision), item.line))
            for action in item.actions:
                # A field over several lines is one entry of its action ("Progress:" over
                # two paragraphs), not one an action to pair.
                fields = ["<br>".join(html.escape(line) for line in action.fields.get(key, []))
                          for key in keys]
                rows.append(SourceRow(("", "", _cells([" ".join(action.text)]), *fields,
                                       *("",) * len(decided)), action.line))
            rows.extend(note._replace(in_table=False) for note in item.notes)
        return rows


def _cells(lines: list[str]) -> str:
    """Lines as one cell, each a paragraph, as the readers write a cell's HTML."""
    lines = [html.escape(line) for line in lines if line.strip()]
    return lines[0] if len(lines) == 1 else "".join(f"<p>{line}</p>" for line in lines)
