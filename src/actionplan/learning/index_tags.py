"""The search entries of tagged rows kept up to date as their themes change: a recommendation or
an action tagged or untagged (either way round: `rec.themes.add(theme)` or
`theme.recommendations.add(rec)`), and a theme renamed, mapped to another national theme or
deleted (every row carrying it, or a framework theme mapped to it, is indexed again)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db.models import Q
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete, pre_save

from actionplan.plans.models import Action, Recommendation, Theme

from .index import index_actions, index_recommendations

# Kept on the instance between a "pre" signal and its "post" signal.
CLEARED, CARRYING, BEFORE = "_search_cleared", "_search_carrying", "_search_before"


def reindex(recommendations: Iterable[int] = (), actions: Iterable[int] = ()) -> None:
    """The rows indexed again together, in a few statements however many they are: a theme's
    rename reaches every row carrying it."""
    index_recommendations(recommendations)
    index_actions(actions)


def on_tags_changed(
    sender: Any, instance: Any, action: str, reverse: bool, pk_set: set[int] | None, **_: Any
) -> None:
    owner = "action" if sender is Action.themes.through else "recommendation"
    if action == "pre_clear" and reverse:  # a theme's rows are about to be untagged: which
        tagged = sender.objects.filter(theme=instance).values_list(f"{owner}_id", flat=True)
        instance.__dict__[CLEARED] = set(tagged)
    if action not in ("post_add", "post_remove", "post_clear"):
        return
    if not reverse:  # the row's own themes changed
        rows = {instance.pk}
    elif action == "post_clear":
        rows = instance.__dict__.pop(CLEARED, set())
    else:
        rows = set(pk_set or ())
    reindex(**{f"{owner}s": rows})


def carrying(theme: Theme) -> tuple[set[int], set[int]]:
    """The recommendations and actions tagged with the theme or with a theme mapped to it."""
    named = Q(theme=theme) | Q(theme__maps_to=theme)
    recs = Recommendation.themes.through.objects.filter(named).values_list("recommendation_id", flat=True)
    actions = Action.themes.through.objects.filter(named).values_list("action_id", flat=True)
    return set(recs), set(actions)


def on_theme_saving(instance: Theme, **_: Any) -> None:
    if instance.pk is not None:
        stored = Theme.objects.filter(pk=instance.pk).values_list("name", "maps_to_id")
        instance.__dict__[BEFORE] = stored.first()


def on_theme_saved(instance: Theme, created: bool, **_: Any) -> None:
    before = instance.__dict__.pop(BEFORE, None)
    if not created and before != (instance.name, instance.maps_to_id):
        reindex(*carrying(instance))


def on_theme_deleting(instance: Theme, **_: Any) -> None:
    instance.__dict__[CARRYING] = carrying(instance)


def on_theme_deleted(instance: Theme, **_: Any) -> None:
    reindex(*instance.__dict__.pop(CARRYING, (set(), set())))


def connect() -> None:
    uid = "learning-search-tags"
    for through in (Recommendation.themes.through, Action.themes.through):
        m2m_changed.connect(on_tags_changed, sender=through, dispatch_uid=f"{uid}-{through.__name__}")
    pre_save.connect(on_theme_saving, sender=Theme, dispatch_uid=f"{uid}-theme-saving")
    post_save.connect(on_theme_saved, sender=Theme, dispatch_uid=f"{uid}-theme-saved")
    pre_delete.connect(on_theme_deleting, sender=Theme, dispatch_uid=f"{uid}-theme-deleting")
    post_delete.connect(on_theme_deleted, sender=Theme, dispatch_uid=f"{uid}-theme-deleted")
