"""Recommendations the board did not accept in full, with its reasons, as they stood at the
end of the as-at day: boards must give these in their annual reports. Read from the
recommendations' history, so a later change of mind does not rewrite a past report."""

from __future__ import annotations

from datetime import date

from actionplan.plans.history import versions_in_force
from actionplan.plans.models import Recommendation

from .model import DecisionLine
from .scope import PlanSource

ACCEPTED = Recommendation.Decision.ACCEPTED
LABELS = dict(Recommendation.Decision.choices)


def decisions_as_at(sources: list[PlanSource], on: date) -> list[DecisionLine]:
    """In plan order, each recommendation once (a review's recommendation may sit in two plans)."""
    ids = [rec.pk for source in sources for _, recs in source.sections for rec in recs]
    versions = versions_in_force(Recommendation.history.filter(id__in=ids), on)
    lines, seen = [], set()
    for source in sources:
        for _, recs in source.sections:
            for rec in recs:
                v = versions.get(rec.pk)
                if v is None or v.history_type == "-" or v.decision == ACCEPTED or rec.pk in seen:
                    continue
                seen.add(rec.pk)
                lines.append(
                    DecisionLine(
                        plan=source.title, ref=v.ref, recommendation=v.text,
                        decision=LABELS.get(v.decision, v.decision), reason=v.decision_reason,
                    )
                )  # fmt: skip
    return lines
