"""RAG counts for the summary: overall, and by plan, by agency and by theme."""

from __future__ import annotations

from actionplan.plans.composite import NO_THEME
from actionplan.plans.summary import RagCounts

from .model import PlanRow, PlanTable, RagBreakdown

NO_OWNER = "No owner recorded"


def distinct_actions(plans: list[PlanTable]) -> dict[int, list[PlanRow]]:
    """Action id → its rows: an action linked from a composite plan is counted once overall."""
    found: dict[int, list[PlanRow]] = {}
    for row in (row for plan in plans for row in plan.rows):
        if row.action_id is not None:
            found.setdefault(row.action_id, []).append(row)
    return found


def tracked_alone(plans: list[PlanTable]) -> list[PlanRow]:
    """Rows of recommendations that have no actions: each is tracked, and counted, on itself
    (never rated yet: grey, as on the dashboard)."""
    return [row for plan in plans for row in plan.rows if row.action_id is None]


def totals(plans: list[PlanTable]) -> RagCounts:
    counts = RagCounts()
    for rows in distinct_actions(plans).values():
        counts.add(rows[0].rag)
    for row in tracked_alone(plans):
        counts.add(row.rag or "grey")
    return counts


def breakdowns(plans: list[PlanTable]) -> list[RagBreakdown]:
    by_plan = RagBreakdown("plan")
    for plan in plans:
        # A composite plan counts the actions it links, as the dashboard does (plans.summary).
        by_plan.rows[plan.title] = totals([plan])
    by_agency = RagBreakdown("agency")
    by_theme = RagBreakdown("theme", note="An action under more than one theme is counted under each.")
    actions = distinct_actions(plans)
    for rows in sorted(actions.values(), key=lambda rows: rows[0].agency or "~"):
        agency = rows[0].agency or NO_OWNER
        by_agency.rows.setdefault(agency, RagCounts()).add(rows[0].rag)
    themes_of = {action_id: {t for row in rows for t in row.themes} for action_id, rows in actions.items()}
    for theme in sorted({t for themes in themes_of.values() for t in themes}) + [NO_THEME]:
        for action_id, themes in themes_of.items():
            if theme in themes or (theme == NO_THEME and not themes):
                by_theme.rows.setdefault(theme, RagCounts()).add(actions[action_id][0].rag)
    for row in tracked_alone(plans):
        for theme in row.themes or (NO_THEME,):
            by_theme.rows.setdefault(theme, RagCounts()).add(row.rag or "grey")
    return [by_plan, by_agency, by_theme]
