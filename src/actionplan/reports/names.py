"""A report as at a past date names things as they were called then: a renamed agency or plan
shows its old name in an old report, as the board saw it at that meeting."""

from __future__ import annotations

from datetime import date

from actionplan.plans.history import names_as_at
from actionplan.plans.models import Agency, Partnership, Plan, Section, Theme

from .scope import Resolved, Scope


def as_they_were(partnership: Partnership, scope: Scope, resolved: Resolved, on: date) -> tuple[str, str]:
    """Rename, in memory, the plans, sections, agencies and themes the report has loaded to
    their names at the end of `on`. Returns the partnership's name and the report's title then."""
    recs = [rec for source in resolved.sources for _, found in source.sections for rec in found]
    actions = [action for rec in recs for action in rec.all_actions()]
    owners = [a.owner for a in actions if a.owner]
    renamed(Agency, [*owners, resolved.agency] if resolved.agency else owners, on)
    renamed(Theme, [theme for rec in recs for theme in rec.themes.all()], on)
    sections = [rec.section for rec in recs if rec.section]
    renamed(Section, sections, on)
    plans = [source.plan for source in resolved.sources if source.plan]
    renamed(Plan, plans, on, "title")
    for source in resolved.sources:
        if source.plan:  # grouped by the plan's own sections (not by theme): their old headings
            source.title = source.plan.title
            source.sections = [
                (found[0].section.name if found and found[0].section else heading, found)
                for heading, found in source.sections
            ]
    if all(source.plan for source in resolved.sources):  # in the order the old titles gave
        resolved.sources.sort(
            key=lambda s: (s.plan is not None and s.plan.kind == Plan.Kind.COMPOSITE_ACTION_PLAN, s.title)
        )
    title = resolved.title
    if scope.plan_id is not None and plans:
        title = plans[0].title
        if resolved.agency:
            title = f"{title}: {resolved.agency.name}"
    name = names_as_at(Partnership, [partnership.pk], on).get(partnership.pk, partnership.name)
    return name, title


def renamed(model: type, rows: list, on: date, field: str = "name") -> None:
    names = names_as_at(model, {row.pk for row in rows}, on, field)
    for row in rows:
        if row.pk in names:
            setattr(row, field, names[row.pk])
