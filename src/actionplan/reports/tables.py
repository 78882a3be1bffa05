"""The plan tables of a report: each plan's rows in the layout of its source document, with
each action's status, RAG, due dates and latest progress as they stood on the as-at date."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from actionplan.plans.history import ActionAsAt, names_as_at
from actionplan.plans.models import Action, Agency, Recommendation
from actionplan.plans.status import FINISHED, DeliveryStatus

from .facts import ActionFacts, RecommendationAsAt
from .model import PlanRow, PlanSection, PlanTable
from .scope import PlanSource


@dataclass
class AsAt:
    """Everything known about the scope's actions on the as-at date."""

    on: date
    actions: dict[int, ActionAsAt]
    facts: dict[int, ActionFacts]
    recommendations: dict[int, RecommendationAsAt]
    agency: Agency | None = None
    once: bool = False  # show each action only in the first plan that holds it
    agency_names: dict[int, str] = field(default_factory=dict)  # of the owners on the as-at date
    seen: set[int] = field(default_factory=set)


def plan_tables(sources: list[PlanSource], as_at: AsAt) -> list[PlanTable]:
    owners_then = {facts.owner_id for facts in as_at.facts.values() if facts.owner_id is not None}
    names = dict(Agency.objects.filter(pk__in=owners_then).values_list("pk", "name"))
    as_at.agency_names = names | names_as_at(Agency, owners_then, as_at.on)  # called as they were
    tables = [plan_table(source, as_at) for source in sources]
    return [table for table in tables if table.rows]


def plan_table(source: PlanSource, as_at: AsAt) -> PlanTable:
    table = PlanTable(source.title, source.layout)
    for heading, recs in source.sections:
        section = PlanSection(heading)
        for rec in recs:
            rows = recommendation_rows(rec, source, as_at)
            # Like the source's merged cells: the recommendation is written once, on its first row.
            section.rows += [
                row if i == 0 else replace(row, first_of_recommendation=False) for i, row in enumerate(rows)
            ]
        if section.rows:
            table.sections.append(section)
    return table


def recommendation_rows(rec: Recommendation, source: PlanSource, as_at: AsAt) -> list[PlanRow]:
    actions = rec.all_actions()
    if not actions:
        own = as_at.recommendations.get(rec.pk)
        if own is None or as_at.agency is not None or source.open_only:
            return []
        return [row_of(rec, source, None, own=own)]
    rows = []
    for action in actions:
        state = as_at.actions.get(action.pk)
        if state is None:  # created after the as-at date
            continue
        facts = as_at.facts.get(action.pk)
        if as_at.agency is not None and owner_then(action, facts) != as_at.agency.pk:
            continue
        if source.open_only and state.status in FINISHED:
            continue
        if as_at.once and action.pk in as_at.seen:
            continue
        as_at.seen.add(action.pk)
        rows.append(row_of(rec, source, action, state=state, facts=facts, agencies=as_at.agency_names))
    return rows


def row_of(
    rec: Recommendation,
    source: PlanSource,
    action: Action | None,
    *,
    state: ActionAsAt | None = None,
    facts: ActionFacts | None = None,
    own: RecommendationAsAt | None = None,
    agencies: dict[int, str] | None = None,
) -> PlanRow:
    common: dict[str, Any] = dict(
        plan=source.title,
        section=rec.section.name if rec.section else "",
        ref=rec.ref,
        outcome=rec.outcome,
        recommendation=rec.text,
        review_refs=", ".join(sorted(r.code for r in rec.reviews.all())),
        themes=tuple(sorted(t.name for t in rec.themes.all())),
    )
    if action is None or state is None:
        assert own is not None
        return PlanRow(
            action_id=None, **common, action="", agency="", owner_role="", due_text="", due=None,
            revised_due=None, measure="", status=DeliveryStatus(own.status).label, reason="",
            rag=own.rag, rag_overridden=False, latest_progress=own.progress, version=None,
            recommendation_id=rec.pk,
        )  # fmt: skip
    assert facts is not None  # known for every action that existed on the day
    return PlanRow(
        action_id=action.pk,
        **common,
        action=facts.text,
        action_ref=facts.ref,
        agency=agency_then(action, facts, agencies or {}),
        owner_role=facts.owner_role,
        due_text=facts.due_text,
        due=state.due,
        revised_due=state.revised_due,
        measure=facts.measure,
        status=DeliveryStatus(state.status).label,
        reason=facts.reason,
        rag=state.rag.rag,
        rag_overridden=state.rag.overridden,
        latest_progress=state.latest_progress,
        version=facts.version,
    )


def owner_then(action: Action, facts: ActionFacts | None) -> int | None:
    """The agency that owned the action on the as-at date (it may have been reassigned since)."""
    return facts.owner_id if facts is not None else action.owner_id


def agency_then(action: Action, facts: ActionFacts | None, names: dict[int, str]) -> str:
    owner_id = owner_then(action, facts)
    if owner_id is not None and owner_id in names:
        return names[owner_id]
    # An agency merged away since: its actions, and its names, are the other agency's now.
    return action.owner.name if action.owner else ""
