"""A stored plan's recommendations tagged with their themes in bulk, as an import tags each row
with its section's theme (docs/adr/0069).

Tagging one row at a time (`rec.themes.add`) sends a signal per row, on which
django-simple-history writes a version of the row and the search indexes it again: several
queries a row. Here the tags are one bulk insert, sending no signal: the rows' versions are
given their themes here, and the search indexes the plan once it is stored (`plan_stored`),
themes and all, as it does its rows.
"""

from __future__ import annotations

from typing import Any

from .models import Plan, Recommendation, Theme


def tag_in_bulk(plan: Plan, tags: list[tuple[Recommendation, Theme]], batch_size: int) -> None:
    """Tag each stored recommendation of `plan` with its theme. Each one's newest version in its
    history (the version the store just wrote) holds its themes, so its history starts tagged,
    as the plan was stored, rather than with an untagged version a moment older."""
    if not tags:
        return
    through: Any = Recommendation.themes.through
    stored = through.objects.bulk_create(
        [through(recommendation=rec, theme=theme) for rec, theme in tags], batch_size=batch_size
    )
    versions = Recommendation.history.filter(plan_id=plan.pk).order_by("history_id")
    newest = dict(versions.values_list("id", "history_id"))  # the last of each row's wins
    held = Recommendation.history.model.themes.model  # the versions' copy of the tags
    held.objects.bulk_create(
        [held(history_id=newest[tag.recommendation_id], id=tag.pk,
              recommendation_id=tag.recommendation_id, theme_id=tag.theme_id) for tag in stored],
        batch_size=batch_size,
    )
