"""Which plans a change touched, so that their kept counts are re-counted once it is committed.

Every save and delete of what the counts read (actions, recommendations, plans, progress,
evidence, links, themes) says so by signal; a plan stored in bulk says so by `plan_stored`.
The writers wrap their work in `counted()`: at its end, still inside the transaction, the
touched plans are marked changed (one statement); once it commits, those not marked before are
queued for the worker to re-count (`kept_recount`), so neither the change's locks nor its reply
wait for them.
A change made outside any such block (the admin, a shell, a data migration) is not marked:
it makes the partnership's counts not to be read until rebuilt, so the dashboard counts live.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import Any

from django.db import transaction
from django.db.models import Model, Q
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete

from . import kept_counts, kept_recount, kept_totals
from .models import Action, Evidence, Plan, ProgressUpdate, Recommendation, Theme
from .summary_rows import LINKS


class Touched(threading.local):
    """What a change touched: whole plans (closed, stored, deleted: the composite plans linking
    to their actions are re-counted too), recommendations and actions (their plan, and for an
    action the composite plans linking to it)."""

    def __init__(self) -> None:
        self.depth = 0
        self.clear()

    def clear(self) -> None:
        self.plans: set[int] = set()
        self.recommendations: set[int] = set()
        self.actions: set[int] = set()

    def plan_ids(self) -> set[int]:
        recommendations = Recommendation.objects.filter(pk__in=self.recommendations)
        actions = Action.objects.filter(pk__in=self.actions)
        return (self.plans | set(recommendations.values_list("plan_id", flat=True))
                | set(actions.values_list("recommendation__plan_id", flat=True))
                | kept_counts.linking_plans(self.plans, self.actions))


touched = Touched()


@contextmanager
def counted() -> Iterator[None]:
    """A transaction whose changes to the counts are marked at its end and queued to be
    re-counted once it commits; nested ones join the outermost, which marks once (its locks on
    the marks come last, after the actions')."""
    with transaction.atomic():
        touched.depth += 1
        if touched.depth == 1:
            kept_totals.forget_gone()  # left by a deletion outside any block that failed
        try:
            yield
            if touched.depth == 1:
                plans = touched.plan_ids()
                touched.clear()
                kept_recount.recount_after_commit(kept_recount.mark(plans))
                # After the marks: a re-count holds its plan's mark, then writes the totals.
                kept_totals.settle()
        finally:
            touched.depth -= 1
            if not touched.depth:
                touched.clear()
                kept_totals.forget_gone()


def touch(
    *, plans: Iterable[int] = (), recommendations: Iterable[int] = (), actions: Iterable[int] = ()
) -> None:
    touched.plans.update(plans)
    touched.recommendations.update(recommendations)
    touched.actions.update(actions)
    if touched.depth:
        return
    found = Plan.objects.filter(Q(pk__in=touched.plans) | Q(recommendations__in=touched.recommendations)
                                | Q(recommendations__actions__in=touched.actions))
    touched.clear()
    kept_counts.forget(found.values("partnership_id"))  # one query, whether any counts are kept or not


def on_action(instance: Action, **_: Any) -> None:
    touch(actions=[instance.pk], recommendations=[instance.recommendation_id])


def on_action_deleted(instance: Action, **_: Any) -> None:
    # Its plan and the composite plans linking to it are found now: it and its links will be gone.
    plan = Recommendation.objects.filter(pk=instance.recommendation_id).values_list("plan_id", flat=True)
    touch(plans=[*plan, *kept_counts.linking_plans(action_ids=[instance.pk])])


def on_recommendation(instance: Recommendation, **_: Any) -> None:
    touch(recommendations=[instance.pk])


def on_recommendation_deleted(instance: Recommendation, **_: Any) -> None:
    touch(plans=[instance.plan_id])  # found now: it will be gone


def on_plan(instance: Plan, **_: Any) -> None:
    touch(plans=[instance.pk])


def on_plan_deleted(instance: Plan, **_: Any) -> None:
    kept_totals.plan_gone(instance)
    touch(plans=[instance.pk, *kept_counts.linking_plans([instance.pk])])  # before its links go


def on_plan_gone(**_: Any) -> None:
    """Outside any `counted()` (the admin, a shell) the deleted plans' rows leave the totals once
    all of them are deleted; the partnership's counts are not read until rebuilt meanwhile."""
    if not touched.depth:
        kept_totals.settle()


def on_plan_stored(plan: Plan, **_: Any) -> None:
    touch(plans=[plan.pk])


def on_progress(instance: ProgressUpdate | Evidence, **_: Any) -> None:
    recommendation_id = getattr(instance, "recommendation_id", None)  # evidence on a recommendation
    touch(actions=[instance.action_id] if instance.action_id else [],
          recommendations=[recommendation_id] if recommendation_id else [])


def on_theme_deleted(instance: Theme, **_: Any) -> None:
    touch(recommendations=instance.recommendations.values_list("pk", flat=True),
          actions=instance.actions.values_list("pk", flat=True))


def on_m2m(instance: Any, model: Any, pk_set: set[int] | None, action: str, **_: Any) -> None:
    """Links and themes, changed from either side; the composite plan holds a link's count."""
    if not action.startswith("pre_"):
        return
    if isinstance(instance, Recommendation | Action):
        touch(recommendations=[instance.pk] if isinstance(instance, Recommendation) else [],
              actions=[instance.pk] if isinstance(instance, Action) else [])
        if model is Recommendation and action == "pre_clear":  # an action's links, all removed
            links = LINKS.objects.filter(action_id=instance.pk)
            pk_set = set(links.values_list("recommendation_id", flat=True))
        if model is Recommendation:
            touch(recommendations=pk_set or ())
    else:  # from a theme's side
        pk_set = pk_set if action != "pre_clear" else set(
            model.objects.filter(Q(themes=instance)).values_list("pk", flat=True))
        touch(**{"recommendations" if model is Recommendation else "actions": pk_set or ()})


def connect() -> None:
    from .store import plan_stored  # the store writes through the modules that import this one

    uid = "kept-counts"
    handlers: list[tuple[type[Model], Callable[..., None], Callable[..., None]]] = [
        (Action, on_action, on_action_deleted),
        (Recommendation, on_recommendation, on_recommendation_deleted),
        (Plan, on_plan, on_plan_deleted), (ProgressUpdate, on_progress, on_progress),
        (Evidence, on_progress, on_progress),
    ]
    for model, saved, deleted in handlers:
        post_save.connect(saved, sender=model, dispatch_uid=f"{uid}-{model.__name__}-save")
        pre_delete.connect(deleted, sender=model, dispatch_uid=f"{uid}-{model.__name__}-delete")
    post_delete.connect(on_plan_gone, sender=Plan, dispatch_uid=f"{uid}-plan-gone")
    pre_delete.connect(on_theme_deleted, sender=Theme, dispatch_uid=f"{uid}-theme-delete")
    plan_stored.connect(on_plan_stored, dispatch_uid=f"{uid}-plan-stored")
    for through in (LINKS, Recommendation.themes.through, Action.themes.through):
        m2m_changed.connect(on_m2m, sender=through, dispatch_uid=f"{uid}-{through.__name__}")
