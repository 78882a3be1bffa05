"""Facts a board paper needs beyond an action's state as at a date (plans.history gives that):
how often its due date was revised, when it was implemented and assured, when it was last
updated. All read from the same history tables, up to the end of the as-at day, so a report for a
past meeting never uses hindsight."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from django.utils import timezone

from actionplan.plans.assurance import ASSURED
from actionplan.plans.history import end_of_day, newest_updates_as_at, versions_in_force
from actionplan.plans.models import Action, Recommendation
from actionplan.plans.status import DeliveryStatus


@dataclass
class ActionFacts:
    created_on: date
    # The action's wording and version as they were: a later edit does not rewrite the past.
    text: str = ""
    ref: str = ""  # the action's number in the document, as it was
    owner_id: int | None = None  # the owning agency then: a reassignment does not rewrite the past
    owner_role: str = ""
    due_text: str = ""
    measure: str = ""
    version: int = 0
    reason: str = ""  # why it slipped or was not achieved, in the words of the day
    revised_dues: set[date] = field(default_factory=set)
    implemented_on: date | None = None  # the last time it became implemented
    assured_on: date | None = None  # the last time its evidence was accepted
    last_update: date | None = None  # the newest progress update written by then

    @property
    def revisions(self) -> int:
        return len(self.revised_dues)

    @property
    def last_touched(self) -> date:
        return self.last_update or self.created_on


def facts_as_at(action_ids: Iterable[int], on: date) -> dict[int, ActionFacts]:
    ids = list(action_ids)
    cutoff = end_of_day(on)
    versions = (
        Action.history.filter(id__in=ids, history_date__lte=cutoff)
        .order_by("id", "history_date", "history_id")
        .values(
            "id",
            "history_date",
            "status",
            "status_reason",
            "assurance",
            "revised_due_date",
            "text",
            "ref",
            "owner_id",
            "owner_role",
            "due_text",
            "measure",
            "version",
        )  # fmt: skip
    )
    facts: dict[int, ActionFacts] = {}
    previous: dict[str, object] = {}
    for v in versions:
        day = timezone.localdate(v["history_date"])
        found = facts.get(v["id"])
        if found is None:
            found = facts[v["id"]] = ActionFacts(created_on=day)
            previous = {}
        if v["revised_due_date"] is not None:
            found.revised_dues.add(v["revised_due_date"])
        became_implemented = previous.get("status") != DeliveryStatus.IMPLEMENTED
        if v["status"] == DeliveryStatus.IMPLEMENTED and became_implemented:
            found.implemented_on = day
        if v["assurance"] in ASSURED and previous.get("assurance") not in ASSURED:
            found.assured_on = day
        found.reason = v["status_reason"]
        found.text, found.owner_role, found.due_text = v["text"], v["owner_role"], v["due_text"]
        found.ref = v["ref"]
        found.owner_id = v["owner_id"]
        found.measure, found.version = v["measure"], v["version"]
        previous = v
    for action_id, (written_on, _) in newest_updates_as_at(ids, on).items():
        if action_id in facts:
            facts[action_id].last_update = written_on
    return facts


@dataclass(frozen=True)
class RecommendationAsAt:
    """A recommendation tracked on its own: it has no actions (a plan whose rows carry their
    own progress and RAG, with no action column)."""

    status: str
    progress: str
    rag: str
    assurance: str = ""  # on its own evidence, as an action's


def recommendations_as_at(ids: Iterable[int], on: date) -> dict[int, RecommendationAsAt]:
    latest = versions_in_force(Recommendation.history.filter(id__in=list(ids)), on)
    return {
        rec_id: RecommendationAsAt(v.status, v.progress, v.rag, v.assurance)
        for rec_id, v in latest.items()
        if v.history_type != "-"
    }
