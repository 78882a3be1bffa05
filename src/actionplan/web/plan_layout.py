"""A plan laid out like its source document: sections, recommendations, their actions, filtered."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from actionplan.plans.finder import ActionCriteria, ActionWithLatestUpdate, meets_judged_criteria
from actionplan.plans.joint_owners import name_joint_owners
from actionplan.plans.models import Action, Partnership, Recommendation, Section
from actionplan.plans.rollup import RolledUp


@dataclass
class RecommendationRow:
    recommendation: Recommendation
    actions: list[Action]  # those shown: all of them, or those matching the filters
    standing: RolledUp
    tracked_alone: bool  # no actions, own or linked: its own progress, evidence and assurance


@dataclass
class SectionBlock:
    section: Section | None
    rows: list[RecommendationRow] = field(default_factory=list)


def lay_out_plan(
    recommendations: Iterable[Recommendation],
    as_at: date,
    partnership: Partnership,
    criteria: ActionCriteria,
) -> list[SectionBlock]:
    """The recommendations' actions must be prefetched through `with_latest_update`."""
    thresholds = partnership.rag_thresholds
    blocks: dict[int | None, SectionBlock] = {}
    filtering = criteria != ActionCriteria()
    recommendations = list(recommendations)
    name_joint_owners(action for rec in recommendations for action in rec.all_actions())
    for rec in recommendations:
        every = rec.all_actions()
        for action in every:
            action.judged = action.rag(as_at, thresholds)
        shown = [a for a in every if matches(a, rec, as_at, partnership, criteria)]
        if filtering and not shown:
            continue
        block = blocks.setdefault(rec.section_id, SectionBlock(rec.section))
        block.rows.append(RecommendationRow(rec, shown, rec.standing(as_at, thresholds, every), not every))
    return list(blocks.values())


def matches(
    action: ActionWithLatestUpdate,
    rec: Recommendation,
    as_at: date,
    partnership: Partnership,
    criteria: ActionCriteria,
) -> bool:
    """The plan page's actions are fetched with the plan, so the stored criteria are tested
    here; the worked-out ones are the finder's own."""
    if criteria.agency and action.owner_id != criteria.agency:
        return False
    if criteria.status and action.status != criteria.status:
        return False
    if criteria.theme and criteria.theme not in {t.pk for t in rec.themes.all()}:
        return False
    return meets_judged_criteria(action, criteria, as_at, partnership)
