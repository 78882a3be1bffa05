"""The work people did on an imported plan since its import, which replacing it would lose."""

from __future__ import annotations

from datetime import datetime, timedelta
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
# The import stores its rows in a few bulk inserts, each dated as it is written: rows created
# within this long of the one before, from the plan's first row on, are the import's own.
IMPORT_SETTLES = timedelta(seconds=5)


def changes_since_import(plan: Plan) -> list[str]:
    """What was changed on the plan's recommendations and actions after it was imported:
    "changes to recommendation 1.1 (RAG override, status)", recommendations and actions added
    since, and changes to the plan itself. A person's change counts whenever it was made, even
    within moments of the import; a change by no one (the system) counts once the import settled."""
    recs = Recommendation.history.filter(plan_id=plan.pk)
    actions = Action.history.filter(recommendation_id__in=recs.values("id"))
    settled = import_settled([recs, actions])
    if settled is None:
        return []
    found: dict[str, set[str]] = {}
    for history, added in ((recs, "added"), (actions, "action added")):
        for version in history.filter(history_type__in=["+", "~"]).order_by("history_date", "history_id"):
            person = version.history_user_id is not None
            if version.history_date <= settled and (version.history_type == "+" or not person):
                continue  # the import's own rows, and what the system did as it stored them
            if version.history_type == "+":
                fields = [added]
            else:
                before = version.prev_record
                fields = version.diff_against(before).changed_fields if before else ["saved again"]
            if not fields:
                continue  # saved with nothing changed (a roll-up touching it): no one's work
            ref = recommendation_ref(version)
            found.setdefault(ref, set()).update(FIELD_WORDS.get(f, f.replace("_", " ")) for f in fields)
    for version in Plan.history.filter(id=plan.pk, history_type="~", history_user__isnull=False):
        before = version.prev_record
        fields = version.diff_against(before).changed_fields if before else []
        found.setdefault("the plan", set()).update(f.replace("_", " ") for f in fields)
    return [f"changes to {ref} ({', '.join(sorted(words))})" for ref, words in found.items() if words]


def import_settled(histories: list[Any]) -> datetime | None:
    """When the import's own rows were all written: the first row created, and each one created
    within IMPORT_SETTLES of the one before it, then IMPORT_SETTLES more."""
    created = sorted(
        when
        for history in histories
        for when in history.filter(history_type="+").values_list("history_date", flat=True)
    )
    if not created:
        return None
    last = created[0]
    for when in created[1:]:
        if when - last > IMPORT_SETTLES:
            break
        last = when
    return last + IMPORT_SETTLES


def recommendation_ref(version: Any) -> str:
    rec_id = getattr(version, "recommendation_id", None) or version.id
    ref = Recommendation.objects.filter(pk=rec_id).values_list("ref", flat=True).first() or ""
    return f"recommendation {ref}".strip() if ref else "a recommendation"
