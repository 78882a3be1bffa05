"""A plain-text table of a draft, for `actionplan import --format table`."""

from __future__ import annotations

import textwrap

from .draft import Action, Item, PlanDraft

_COLUMNS = (("Ref", 6), ("Recommendation / outcome", 34), ("Action", 34), ("Owner", 20),
            ("Due", 16))


def render_table(draft: PlanDraft) -> str:
    plan = draft.plan
    lines = [f"{plan.title or draft.source.path} ({plan.kind})",
             f"Board: {plan.board or '-'}   Reviews: {', '.join(plan.reviews) or '-'}"
             f"   Date: {plan.date or '-'}", ""]
    lines.append(_row([name for name, _ in _COLUMNS]))
    lines.append(_row(["-" * width for _, width in _COLUMNS]))
    section = None
    for item in draft.items:
        if item.section != section and item.section:
            lines.append(f"== {item.section} ==")
        section = item.section
        for number, action in enumerate(item.actions or [None]):
            lines.append(_row(_cells(item if number == 0 else None, action)))
    lines.append("")
    lines.append(f"{len(draft.items)} items, "
                 f"{sum(len(i.actions) for i in draft.items)} actions, "
                 f"{len(draft.warnings)} warnings")
    lines.extend(f"warning: line {w.line or '-'}: {w.message}" for w in draft.warnings)
    return "\n".join(lines)


def _cells(item: Item | None, action: Action | None) -> list[str]:
    text = (item.recommendation or item.outcome or "") if item else ""
    return [
        item.ref or "" if item else "",
        text,
        action.text if action else "",
        "; ".join(action.owners) if action else "",
        action.due.text if action and action.due else "",
    ]


def _row(cells: list[str]) -> str:
    parts = []
    for text, (_, width) in zip(cells, _COLUMNS, strict=True):
        parts.append(textwrap.shorten(" ".join(text.split()), width, placeholder="…")
                     .ljust(width))
    return " | ".join(parts).rstrip()
