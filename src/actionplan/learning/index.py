"""What the search finds, kept up to date as rows are written.

Each recommendation, learning point, action and progress note is one entry of the search table,
carrying the recommendation and action it belongs to and its partnership, so a hit can be scoped
and filtered without reading the row again. A recommendation's entry and an action's end with the
names of their themes (theme_lines). Signals keep the table current on every save and delete, on
every change of tags and of a theme's name or mapping (no write path of the product bypasses
them); `actionplan reindex` rebuilds it whole.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from django.db import connection, transaction
from django.db.models import QuerySet
from django.db.models.signals import post_delete, post_save

from actionplan.plans.models import Action, Plan, ProgressUpdate, Recommendation, as_corrected, in_force
from actionplan.plans.store import plan_stored

from .search_table import TABLE
from .theme_lines import theme_lines

# Two characters no document holds: the database marks matches with them, and the page turns
# them into <mark> only after the text is escaped (see search.highlighted).
START, STOP = "\x02", "\x03"


@dataclass(frozen=True)
class Entry:
    kind: str
    object_id: int
    recommendation_id: int
    action_id: int | None
    partnership_id: int
    body: str


KINDS = {
    "recommendation": "Recommendation",
    "learning_point": "Learning point",
    "action": "Action",
    "progress": "Progress",
}


def clean(text: str) -> str:
    return re.sub("[\x02-\x05]", "", text).strip()


def recommendation_entries(rec: Recommendation, partnership_id: int, themes: str = "") -> list[Entry]:
    """`themes` (its theme_lines line) goes with its words, so that a recommendation whose text is
    empty is still found by its themes."""
    parts = [
        ("recommendation", f"{rec.text}\n{themes}"),
        ("learning_point", rec.outcome),
        ("progress", rec.progress),
    ]
    # The recommendation's own progress shares the "progress" kind with progress notes; its
    # object id is the negative of the recommendation's, so the two never collide.
    return [
        Entry(kind, rec.pk if kind != "progress" else -rec.pk, rec.pk, None, partnership_id, clean(text))
        for kind, text in parts
        if clean(text)
    ]


def action_entry(action: Action, partnership_id: int, themes: str = "") -> Entry:
    body = clean(f"{action.text}\n{action.measure}\n{themes}")
    return Entry("action", action.pk, action.recommendation_id, action.pk, partnership_id, body)


def update_entry(update: ProgressUpdate, rec_id: int, partnership_id: int) -> Entry:
    return Entry("progress", update.pk, rec_id, update.action_id, partnership_id, clean(update.text))


# Rows indexed again per statement: within SQLite's bound on a statement's parameters. On SQLite
# the search table is full-text, its other columns unindexed: each DELETE reads it whole, so
# rows are removed a batch at a time, never one statement a row.
BATCH = 500

INSERT = (
    f"INSERT INTO {TABLE} (body, kind, object_id, recommendation_id, action_id, partnership_id) "
    "VALUES (%s, %s, %s, %s, %s, %s)"
)


def put(entries: Iterable[Entry]) -> None:
    rows = [
        (e.body, e.kind, e.object_id, e.recommendation_id, e.action_id, e.partnership_id) for e in entries
    ]
    if rows:
        with connection.cursor() as cursor:
            cursor.executemany(INSERT, rows)


def batches(ids: Iterable[int]) -> Iterator[list[int]]:
    ids = list(ids)
    for start in range(0, len(ids), BATCH):
        yield ids[start:start + BATCH]


def remove(kind: str, object_ids: Iterable[int]) -> None:
    with connection.cursor() as cursor:
        for batch in batches(object_ids):
            marks = ", ".join(["%s"] * len(batch))
            cursor.execute(f"DELETE FROM {TABLE} WHERE kind = %s AND object_id IN ({marks})", [kind, *batch])


def index_recommendation(rec: Recommendation) -> None:
    index_recommendations([rec.pk])


def index_action(action: Action) -> None:
    index_actions([action.pk])


def index_recommendations(ids: Iterable[int]) -> None:
    """The entries of these recommendations written again from the database, a few statements
    for each batch of them (tags changed on many rows at once, a theme renamed)."""
    for batch in batches(ids):
        remove("recommendation", batch)
        remove("learning_point", batch)
        remove("progress", [-pk for pk in batch])
        themes = theme_lines(Recommendation.themes.through, "recommendation", recommendation_id__in=batch)
        put(recommendations_entries(Recommendation.objects.filter(pk__in=batch), themes))


def index_actions(ids: Iterable[int]) -> None:
    for batch in batches(ids):
        remove("action", batch)
        themes = theme_lines(Action.themes.through, "action", action_id__in=batch)
        put(actions_entries(Action.objects.filter(pk__in=batch), themes))


def recommendations_entries(recs: QuerySet[Any], themes: dict[int, str]) -> Iterator[Entry]:
    """The entries of a queryset of recommendations (maybe a migration's historical model's),
    each with its theme_lines line from `themes`."""
    rows = recs.values_list("pk", "plan__partnership_id", "text", "outcome", "progress")
    for pk, partnership_id, text, outcome, progress in rows.iterator(chunk_size=2000):
        rec = Recommendation(pk=pk, text=text, outcome=outcome, progress=progress)
        yield from recommendation_entries(rec, partnership_id, themes.get(pk, ""))


def actions_entries(actions: QuerySet[Any], themes: dict[int, str]) -> Iterator[Entry]:
    rows = actions.values_list(
        "pk", "recommendation_id", "recommendation__plan__partnership_id", "text", "measure"
    )
    for pk, rec_id, partnership_id, text, measure in rows.iterator(chunk_size=2000):
        action = Action(pk=pk, recommendation_id=rec_id, text=text, measure=measure)
        yield action_entry(action, partnership_id, themes.get(pk, ""))


def all_entries(models: Any = None, plan_id: int | None = None) -> Iterator[Entry]:
    """Every entry, read from the database (of one plan when `plan_id` is given). `models`
    (with Recommendation, Action and ProgressUpdate attributes) lets a migration pass its
    historical models."""
    recommendation_model = models.Recommendation if models else Recommendation
    action_model = models.Action if models else Action
    update_model = models.ProgressUpdate if models else ProgressUpdate
    of_plan: dict[str, Any] = {} if plan_id is None else {"plan_id": plan_id}
    of_rec = {} if plan_id is None else {"recommendation__plan_id": plan_id}
    themes = theme_lines(recommendation_model.themes.through, "recommendation", **of_rec)
    yield from recommendations_entries(recommendation_model.objects.filter(**of_plan), themes)
    of_plan = {} if plan_id is None else {"recommendation__plan_id": plan_id}
    of_action = {} if plan_id is None else {"action__recommendation__plan_id": plan_id}
    themes = theme_lines(action_model.themes.through, "action", **of_action)
    yield from actions_entries(action_model.objects.filter(**of_plan), themes)
    of_plan = {} if plan_id is None else {"action__recommendation__plan_id": plan_id}
    updates, words = update_model.objects.filter(**of_plan), "text"
    if models is None:  # a migration's models may come from before corrections were kept
        updates, words = standing(updates), "shown_text"
    rows = updates.values_list(
        "pk", "action_id", "action__recommendation_id", "action__recommendation__plan__partnership_id", words
    )
    for pk, action_id, rec_id, partnership_id, text in rows.iterator(chunk_size=2000):
        if clean(text):
            yield update_entry(ProgressUpdate(pk=pk, action_id=action_id, text=text), rec_id, partnership_id)


def rebuild(models: Any = None) -> int:
    """Empty the search table and fill it from every row; returns the number of entries."""
    count = 0
    with transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute(f"DELETE FROM {TABLE}")
        batch: list[Entry] = []
        for entry in all_entries(models):
            batch.append(entry)
            if len(batch) == 5000:
                put(batch)
                count, batch = count + len(batch), []
        put(batch)
    return count + len(batch)


def on_plan_stored(plan: Plan, updated: bool = False, **_: Any) -> None:
    """A plan stored in bulk sends no save signal per row: its rows are indexed together (all
    of them again when an updated version of the plan was applied)."""
    if updated:
        recs = list(Recommendation.objects.filter(plan=plan).values_list("pk", flat=True))
        remove("recommendation", recs)
        remove("learning_point", recs)
        remove("progress", [-pk for pk in recs])
        remove("action", list(Action.objects.filter(recommendation__plan=plan).values_list("pk", flat=True)))
        updates = ProgressUpdate.objects.filter(action__recommendation__plan=plan)
        remove("progress", list(updates.values_list("pk", flat=True)))
    put(all_entries(plan_id=plan.pk))


def on_recommendation_saved(instance: Recommendation, **_: Any) -> None:
    index_recommendation(instance)


def on_recommendation_deleted(instance: Recommendation, **_: Any) -> None:
    remove("recommendation", [instance.pk])
    remove("learning_point", [instance.pk])
    remove("progress", [-instance.pk])


def on_action_saved(instance: Action, **_: Any) -> None:
    index_action(instance)


def on_action_deleted(instance: Action, **_: Any) -> None:
    remove("action", [instance.pk])


def standing(updates: QuerySet[ProgressUpdate]) -> QuerySet[ProgressUpdate]:
    """The progress notes search finds: each update in force, in the words of its newest
    correction; never one withdrawn, nor the wording a correction replaced."""
    return as_corrected(in_force(updates))


def on_update_saved(instance: ProgressUpdate, **_: Any) -> None:
    # A correction or withdrawal changes the entry of the update it puts right (a withdrawal of
    # evidence changes none); it has no entry of its own.
    update_id = instance.pk if instance.kind == ProgressUpdate.Kind.UPDATE else instance.corrects_id
    if update_id is None:
        return
    remove("progress", [update_id])
    found = standing(ProgressUpdate.objects.filter(pk=update_id)).values_list(  # type: ignore[misc]  # django-stubs cannot see the annotation
        "action_id", "action__recommendation_id", "action__recommendation__plan__partnership_id", "shown_text"
    ).first()
    if found is not None and clean(found[3]):
        action_id, rec_id, partnership_id, text = found
        shown = ProgressUpdate(pk=update_id, action_id=action_id, text=text)
        put([update_entry(shown, rec_id, partnership_id)])


def on_update_deleted(instance: ProgressUpdate, **_: Any) -> None:
    remove("progress", [instance.pk])


def connect() -> None:
    uid = "learning-search"
    plan_stored.connect(on_plan_stored, dispatch_uid=f"{uid}-plan-stored")
    post_save.connect(on_recommendation_saved, sender=Recommendation, dispatch_uid=f"{uid}-rec-save")
    post_delete.connect(on_recommendation_deleted, sender=Recommendation, dispatch_uid=f"{uid}-rec-del")
    post_save.connect(on_action_saved, sender=Action, dispatch_uid=f"{uid}-action-save")
    post_delete.connect(on_action_deleted, sender=Action, dispatch_uid=f"{uid}-action-del")
    post_save.connect(on_update_saved, sender=ProgressUpdate, dispatch_uid=f"{uid}-update-save")
    post_delete.connect(on_update_deleted, sender=ProgressUpdate, dispatch_uid=f"{uid}-update-del")
