"""Nothing of a cell is lost: every cell's text of every seed is somewhere in its draft.

The check reads the seeds with its own simple rules (tags dropped, bullets and paragraphs
split), not with the importer's, so the two can disagree.
"""

from __future__ import annotations

import html
import re

import pytest

from actionplan.importing import PlanDraft

pytestmark = pytest.mark.seeds

# Owner, date and review-ref cells are split into lists ("April 2010  July 2010"), so for them
# every word must be found; for all other cells every fragment must be found whole.
SPLIT_COLUMNS = {"by whom", "timescale", "lead agency", "target date", "responsibilities",
                 "scr ref"}
# Paragraphs, bullets, double spaces, and sentences: the importer reads the sentences of
# a list that lost its bullet glyphs as one action each.
_FRAGMENT_BREAK = re.compile(r"</?(?:p|li|ul)[^>]*>|[•▪]|\s{2,}|(?<=[a-z0-9)][.!?])\s+(?=[A-Z])")
_LEADING_NUMBER = re.compile(r"^\s*(?:\d{1,3}(?:\.\d{1,3})*|[a-z])[.)]?\s+")


def words(text: str) -> str:
    return " ".join(re.sub(r"[^a-z0-9]+", " ", text.lower()).split())


def fragments(cell: str) -> list[str]:
    found = []
    for piece in _FRAGMENT_BREAK.split(cell):
        text = html.unescape(re.sub(r"<[^>]+>", " ", piece)).strip().lstrip("-– ")
        text = words(_LEADING_NUMBER.sub("", text))
        if text and "continued" not in text:
            found.append(text)
    return found


def haystack(draft: PlanDraft) -> str:
    texts = [draft.plan.title or "", *draft.plan.notes, *(s.name for s in draft.sections)]
    for item in draft.items:
        texts += [item.ref, item.outcome, item.recommendation, item.progress, item.rag,
                  " ".join(item.review_refs), *(n.text for n in item.notes)]
        for action in item.actions:
            texts += [action.text, *action.owners, action.due.text if action.due else "",
                      action.measure, action.progress, action.rag]
    return " | ".join(words(t) for t in texts if t)


def source_cells(text: str) -> list[tuple[int, str, str]]:
    """(line, header, cell) of every filled table cell that is not a header or a rule."""
    cells, headers = [], []
    for number, line in enumerate(text.splitlines(), start=1):
        row = line.split("\t")
        if len(row) < 2 or all(re.fullmatch(r"[-\s]*", c) for c in row):
            continue
        if row[0] in ("Outcome", "OBJECTIVES", "Ref", "Learning or Improvement Point"):
            headers = [c.lower() for c in row]
            continue
        for column, cell in enumerate(row):
            if cell.strip():
                header = headers[column] if column < len(headers) else ""
                cells.append((number, header, cell))
    return cells


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_it_keeps_every_cell_of_the_seed(prefix, seed, parsed):
    found = haystack(parsed(prefix))
    missing = []
    for line, header, cell in source_cells(seed(prefix).read_text(encoding="utf-8")):
        for fragment in fragments(cell):
            if header in SPLIT_COLUMNS:
                lost = [w for w in fragment.split() if w not in found]
            else:
                lost = [] if fragment in found else [fragment]
            missing += [f"line {line}: {text}" for text in lost]
    assert missing == []
