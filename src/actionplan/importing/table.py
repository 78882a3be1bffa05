"""A plain-text table of a draft, for `actionplan import --format table`."""

from __future__ import annotations

import textwrap

from .draft import Action, Item, PlanDraft

_COLUMNS = (("Ref", 8), ("Recommendation / outcome", 28), ("Action", 28), ("Owner", 20),
            ("Due", 16), ("Status", 20))


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
    ref = (item.ref or "") if item else ""
    if action and action.ref:  # "1a" says it is of 1; "A1.1" beside "R1" is shown with it
        ref = action.ref if action.ref.startswith(ref) else f"{ref} {action.ref}".strip()
    return [
        ref,
        text,
        action.text if action else "",
        "; ".join(action.owners) if action else "",
        action.due.text if action and action.due else "",
        _status(item, action),
    ]


def _status(item: Item | None, action: Action | None) -> str:
    """The status as the board wrote it, with the delivery status it was read as."""
    status = action.status if action else item.status if item else None
    if status is None:
        return ""
    if status.value is None:
        return status.text
    return f"{status.value.replace('_', ' ')} ({status.text})"


def _row(cells: list[str]) -> str:
    parts = []
    for text, (_, width) in zip(cells, _COLUMNS, strict=True):
        parts.append(textwrap.shorten(" ".join(text.split()), width, placeholder="…")
                     .ljust(width))
    return " | ".join(parts).rstrip()
