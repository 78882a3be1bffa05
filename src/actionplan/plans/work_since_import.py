"""The work people did on an imported plan since its import, which replacing it would lose."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from .models import Action, Evidence, Plan, ProgressUpdate, Recommendation


def work_since_import(plan: Plan) -> list[str]:
    """What people did with the plan since it was imported ("2 progress updates", "changes to
    recommendation 1.1 (RAG override)"): replacing the plan would lose it."""
    actions = Action.objects.filter(recommendation__plan=plan)
    work = {
        "progress updates": ProgressUpdate.objects.filter(action__in=actions, author__isnull=False).count(),
        "pieces of evidence": Evidence.objects.filter(action__in=actions).count(),
        "links from other plans": Recommendation.linked_actions.through.objects.filter(action__in=actions)
        .exclude(recommendation__plan=plan)
        .count(),
        "actions it replaces elsewhere": Action.objects.filter(superseded_by__in=actions)
        .exclude(recommendation__plan=plan)
        .count(),
    }
    return [f"{n} {what}" for what, n in work.items() if n] + changes_since_import(plan)


# Words for the fields people change, for saying what was changed since the import.
FIELD_WORDS = {
    "rag_override": "RAG override",
    "rag_override_reason": "RAG override",
    "status": "status",
    "status_reason": "status",
    "revised_due_date": "revised due date",
    "assurance": "assurance",
    "assurance_reason": "assurance",
    "owner": "owner",
    "owner_role": "owner",
    "due_date": "due date",
    "due_text": "due date",
    "text": "text",
    "measure": "measure",
    "decision": "decision",
}
# The import saves some actions twice (a "Completed …" due becomes implemented): changes within
# this long of the import's last new row are its own.
IMPORT_SETTLES = timedelta(seconds=5)


def changes_since_import(plan: Plan) -> list[str]:
    """What people changed on the plan's recommendations and actions after it was imported:
    "changes to recommendation 1.1 (RAG override, status)". Any change counts, whoever made it."""
    recs = Recommendation.history.filter(plan_id=plan.pk)
    actions = Action.history.filter(recommendation_id__in=recs.values("id"))
    created = [h.history_date for q in (recs, actions) for h in q.filter(history_type="+")]
    if not created:
        return []
    settled = max(created) + IMPORT_SETTLES
    found: dict[str, set[str]] = {}
    for history in (recs, actions):
        for version in history.filter(history_type="~").order_by("history_date", "history_id"):
            if version.history_user_id is None and version.history_date <= settled:
                continue
            before = version.prev_record
            fields = version.diff_against(before).changed_fields if before else ["saved again"]
            if not fields:
                continue  # saved with nothing changed (a roll-up touching it): no one's work
            ref = recommendation_ref(version)
            found.setdefault(ref, set()).update(FIELD_WORDS.get(f, f.replace("_", " ")) for f in fields)
    return [f"changes to {ref} ({', '.join(sorted(words))})" for ref, words in found.items()]


def recommendation_ref(version: Any) -> str:
    rec_id = getattr(version, "recommendation_id", None) or version.id
    ref = Recommendation.objects.filter(pk=rec_id).values_list("ref", flat=True).first() or ""
    return f"recommendation {ref}".strip() if ref else "a recommendation"
