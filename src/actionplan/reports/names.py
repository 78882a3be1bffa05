"""A report as at a past date names things as they were called then: a renamed agency, plan or
review shows its old name or code in an old report, as the board saw it at that meeting, and
the people who could update an agency's actions are those who could then."""

from __future__ import annotations

from datetime import date

from actionplan.plans.history import names_as_at
from actionplan.plans.models import Agency, Partnership, Plan, Review, Section, Theme
from actionplan.plans.people_history import people_as_at

from .scope import Resolved, Scope


def as_they_were(partnership: Partnership, scope: Scope, resolved: Resolved, on: date) -> tuple[str, str]:
    """Rename, in memory, the plans, sections, agencies and themes the report has loaded to
    their names at the end of `on`. Returns the partnership's name and the report's title then."""
    recs = [rec for source in resolved.sources for _, found in source.sections for rec in found]
    actions = [action for rec in recs for action in rec.all_actions()]
    owners = [a.owner for a in actions if a.owner]
    renamed(Agency, [*owners, resolved.agency] if resolved.agency else owners, on)
    renamed(Theme, [theme for rec in recs for theme in rec.themes.all()], on)
    renamed(Review, [review for rec in recs for review in rec.reviews.all()], on, "code")
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
    elif scope.review is not None:
        title = review_title(partnership, scope.review, on, title)
        if resolved.agency:
            title = f"{title}: {resolved.agency.name}"
    name = names_as_at(Partnership, [partnership.pk], on).get(partnership.pk, partnership.name)
    return name, title


def review_title(partnership: Partnership, code: str, on: date, today: str) -> str:
    """"Review Child R" in the code the review had then (it is asked for by today's code)."""
    review = partnership.reviews.filter(code__iexact=code.strip()).first()
    if review is None:
        return today
    return f"Review {names_as_at(Review, [review.pk], on, 'code').get(review.pk, review.code)}"


def who_could_update(partnership: Partnership, agency_ids: set[int], on: date) -> dict[int, list[str]]:
    """For each agency, the people who could update its actions at the end of `on` (its leads
    then and the partnership admins then), by name, in alphabetical order."""
    people = people_as_at(partnership.pk, on).values()
    return {
        agency_id: sorted(person.name for person in people if person.could_update(agency_id))
        for agency_id in agency_ids
    }


def renamed(model: type, rows: list, on: date, field: str = "name") -> None:
    names = names_as_at(model, {row.pk for row in rows}, on, field)
    for row in rows:
        if row.pk in names:
            setattr(row, field, names[row.pk])
