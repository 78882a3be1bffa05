"""The stored terms of recommendations (models.py), written as rows change and read by
`similar.similar_to` (docs/adr/0049).

A recommendation's terms are those of its text, learning point and own actions, as
`similar.documents_of` reads them. For each partnership, how many recommendations hold each term
is kept as a running count, changed by the difference when a recommendation's terms change.

They are stored again only when a save changes the words they are made of (`WORDS`): each
recommendation and action remembers those it was read with, so a progress update, a status,
a date or an owner changed costs the index no query (docs/adr/0059)."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable
from typing import Any

from django.db import connection, transaction
from django.db.models import Model
from django.db.models.signals import post_delete, post_init, post_save

from actionplan.plans.models import Action, Plan, Recommendation
from actionplan.plans.store import plan_stored

from .models import TERM_LENGTH, RecommendationTerms, TermDocuments, TermPosting
from .words import terms

EVERY = ""  # the term under which a partnership's recommendations are counted

ADD_DOCUMENTS = (
    f"INSERT INTO {TermDocuments._meta.db_table} (partnership_id, term, documents) VALUES (%s, %s, %s) "
    f"ON CONFLICT (partnership_id, term) DO UPDATE "
    f"SET documents = {TermDocuments._meta.db_table}.documents + excluded.documents"
)


def counts_of(recs: Any, actions: Any) -> dict[int, tuple[int, int, Counter[str]]]:
    """Recommendation id → (partnership id, plan id, term counts), from querysets of
    recommendations and of their actions (a migration passes its historical models' ones)."""
    found: dict[int, tuple[int, int, Counter[str]]] = {}
    rows = recs.values_list("pk", "plan__partnership_id", "plan_id", "text", "outcome")
    for pk, partnership_id, plan_id, text, outcome in rows.iterator(chunk_size=5000):
        found[pk] = (partnership_id, plan_id, Counter(t[:TERM_LENGTH] for t in terms(f"{text} {outcome}")))
    for pk, text in actions.values_list("recommendation_id", "text").iterator(chunk_size=5000):
        if pk in found:
            found[pk][2].update(t[:TERM_LENGTH] for t in terms(text))
    return found


POSTING_COLUMNS = "term, partnership_id, plan_id, recommendation_id, weight"
ADD_POSTINGS = f"INSERT INTO {TermPosting._meta.db_table} ({POSTING_COLUMNS}) VALUES (%s, %s, %s, %s, %s)"


def rows_of(pk: int, partnership_id: int, plan_id: int, counts: Counter[str]) -> list[tuple]:
    length = math.sqrt(len(counts)) or 1.0
    return [(term, partnership_id, plan_id, pk, (1 + math.log(n)) / length) for term, n in counts.items()]


def add_postings(rows: list[tuple]) -> None:
    """Written with the database's own cursor: the rebuild writes millions of them."""
    with connection.cursor() as cursor:
        for start in range(0, len(rows), 10_000):
            cursor.executemany(ADD_POSTINGS, rows[start : start + 10_000])


def add_documents(changes: Counter[tuple[int, str]]) -> None:
    """Change the running counts; in one order, so two writers never wait on each other in a circle."""
    rows = [(p, term, n) for (p, term), n in sorted(changes.items()) if n]
    if rows:
        with connection.cursor() as cursor:
            cursor.executemany(ADD_DOCUMENTS, rows)


def reindex(rec_ids: Iterable[int]) -> None:
    """Store again the terms of these recommendations (those no longer stored are removed)."""
    wanted = list(set(rec_ids))
    if not wanted:
        return
    with transaction.atomic():
        stored = RecommendationTerms.objects.filter(recommendation_id__in=wanted)
        old = {t.recommendation_id: t for t in stored}
        new = counts_of(
            Recommendation.objects.filter(pk__in=wanted), Action.objects.filter(recommendation_id__in=wanted)
        )
        changes: Counter[tuple[int, str]] = Counter()
        changed = []
        for pk in wanted:
            before, after = old.get(pk), new.get(pk)
            if before and after and (before.plan_id, before.counts) == (after[1], dict(after[2])):
                continue  # a save that changed no words (a status, a date) changes nothing here
            changed.append(pk)
            if before:
                changes.update({(before.partnership_id, t): -1 for t in [*before.counts, EVERY]})
            if after:
                changes.update({(after[0], t): 1 for t in [*after[2], EVERY]})
        if not changed:
            return
        TermPosting.objects.filter(recommendation_id__in=changed).delete()
        RecommendationTerms.objects.filter(recommendation_id__in=changed).delete()
        kept = [pk for pk in changed if pk in new]
        RecommendationTerms.objects.bulk_create(
            RecommendationTerms(recommendation_id=pk, partnership_id=new[pk][0], plan_id=new[pk][1],
                                counts=dict(new[pk][2]))
            for pk in kept
        )
        add_postings([row for pk in kept for row in rows_of(pk, *new[pk])])
        add_documents(changes)
        from .tasks import find_near_pairs  # the task reads this module through `similar`

        find_near_pairs.enqueue(sorted(changed))


def rebuild(models: Any = None) -> int:
    """Empty the stored terms and store every recommendation's again; returns how many.
    `models` (with Recommendation and Action) lets a migration pass its historical models."""
    recommendation_model = models.Recommendation if models else Recommendation
    action_model = models.Action if models else Action
    with transaction.atomic():
        for table in (TermPosting, RecommendationTerms, TermDocuments):
            table.objects.all().delete()
        found = counts_of(recommendation_model.objects.all(), action_model.objects.all())
        documents: Counter[tuple[int, str]] = Counter()
        batch: list[tuple] = []
        for pk, (partnership_id, plan_id, counts) in found.items():
            documents.update((partnership_id, t) for t in [*counts, EVERY])
            batch += rows_of(pk, partnership_id, plan_id, counts)
            if len(batch) >= 50_000:
                add_postings(batch)
                batch = []
        add_postings(batch)
        RecommendationTerms.objects.bulk_create(
            (RecommendationTerms(recommendation_id=pk, partnership_id=p, plan_id=plan, counts=dict(c))
             for pk, (p, plan, c) in found.items()),
            batch_size=5000,
        )
        TermDocuments.objects.bulk_create(
            (TermDocuments(partnership_id=p, term=t, documents=n) for (p, t), n in documents.items()),
            batch_size=5000,
        )
    return len(found)


# What `counts_of` reads of each row: a save that changes none of these changes no terms. An
# action's first names the recommendation its words are counted under.
WORDS: dict[type[Model], tuple[str, ...]] = {
    Recommendation: ("plan_id", "text", "outcome"),
    Action: ("recommendation_id", "text"),
}
READ_WITH = "_term_words"  # on each instance: its words as read from the database or last saved
UNREAD = object()  # a field deferred when the row was read: not fetched here, so taken as changed


def words_of(instance: Model) -> tuple[Any, ...]:
    # From __dict__, not the attributes: reading a deferred field would cost a query per row.
    return tuple(instance.__dict__.get(name, UNREAD) for name in WORDS[type(instance)])


def on_read(instance: Model, **_: Any) -> None:
    instance.__dict__[READ_WITH] = words_of(instance)


def words_before(instance: Model, created: bool) -> tuple[Any, ...] | None:
    """The words the instance was read with, when this save created it or changed them; else
    None. Either way the instance remembers the words now saved, for its next save."""
    before, now = instance.__dict__.get(READ_WITH, ()), words_of(instance)
    instance.__dict__[READ_WITH] = now
    return before if created or before != now else None


def on_recommendation_saved(instance: Recommendation, created: bool = False, **_: Any) -> None:
    if words_before(instance, created) is not None:
        reindex([instance.pk])


def on_action_saved(instance: Action, created: bool = False, **_: Any) -> None:
    before = words_before(instance, created)
    if before is not None:  # moved to another recommendation, the one it left loses its words
        left = [before[0]] if before and isinstance(before[0], int) else []
        reindex([instance.recommendation_id, *left])


def on_recommendation_deleted(instance: Recommendation, **_: Any) -> None:
    reindex([instance.pk])


def on_action_deleted(instance: Action, **_: Any) -> None:
    reindex([instance.recommendation_id])


def on_plan_stored(plan: Plan, **_: Any) -> None:
    reindex(Recommendation.objects.filter(plan=plan).values_list("pk", flat=True))
    from .tasks import rescore_near_pairs  # the task reads this module through `similar`

    rescore_near_pairs.enqueue(plan.partnership_id)  # a plan's words change every pair's weights


def connect() -> None:
    uid = "learning-terms"
    plan_stored.connect(on_plan_stored, dispatch_uid=f"{uid}-plan-stored")
    for model in WORDS:
        post_init.connect(on_read, sender=model, dispatch_uid=f"{uid}-{model.__name__}-read")
    post_save.connect(on_recommendation_saved, sender=Recommendation, dispatch_uid=f"{uid}-rec-save")
    post_delete.connect(on_recommendation_deleted, sender=Recommendation, dispatch_uid=f"{uid}-rec-del")
    post_save.connect(on_action_saved, sender=Action, dispatch_uid=f"{uid}-action-save")
    post_delete.connect(on_action_deleted, sender=Action, dispatch_uid=f"{uid}-action-del")
