"""A plan laid out like its source document: sections, recommendations, their actions, filtered."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from actionplan.plans.finder import ActionCriteria, is_overdue
from actionplan.plans.models import Action, Partnership, Plan, Recommendation, Section
from actionplan.plans.rollup import RolledUp, roll_up


@dataclass
class RecommendationRow:
    recommendation: Recommendation
    actions: list[Action]
    standing: RolledUp


@dataclass
class SectionBlock:
    section: Section | None
    rows: list[RecommendationRow] = field(default_factory=list)


def lay_out_plan(
    plan: Plan,
    recommendations,
    as_at: date,
    partnership: Partnership,  # type: ignore[no-untyped-def]
    criteria: ActionCriteria,
) -> list[SectionBlock]:
    thresholds = partnership.rag_thresholds
    blocks: dict[int | None, SectionBlock] = {}
    filtering = any([criteria.agency, criteria.status, criteria.rag, criteria.theme, criteria.overdue])
    for rec in recommendations:
        every = [*rec.actions.all(), *rec.linked_actions.all()]
        for action in every:
            action.judged = action.rag(as_at, thresholds)
        standing = roll_up([(a.status, a.judged.rag) for a in every]) or RolledUp(
            rec.status, rec.rag or None, False
        )
        shown = [a for a in every if matches(a, rec, as_at, criteria)]
        if filtering and not shown:
            continue
        block = blocks.setdefault(rec.section_id, SectionBlock(rec.section))
        block.rows.append(RecommendationRow(rec, shown, standing))
    return list(blocks.values())


def matches(action: Action, rec: Recommendation, as_at: date, criteria: ActionCriteria) -> bool:
    if criteria.agency and action.owner_id != criteria.agency:
        return False
    if criteria.status and action.status != criteria.status:
        return False
    if criteria.rag and action.judged.rag != criteria.rag:
        return False
    if criteria.theme and criteria.theme not in {t.pk for t in rec.themes.all()}:
        return False
    return not (criteria.overdue and not is_overdue(action, as_at))
