"""Recommendations made again are grouped again when what makes two recommendations one
learning changes (same_learning.py): a recommendation's reviews, the actions a composite line
carries, a review deleted. The pairs do not change then, so neighbours.py does not regroup;
the stored groups would keep two answers to one review as learning made again (docs/adr/0075).
Only partnerships where a recommendation concerned is paired are grouped again, and only around
the recommendations concerned (docs/adr/0082): a plan imported with its reviews, before its pairs
are found, costs nothing here (the pairs' task groups)."""

from __future__ import annotations

from typing import Any

from django.db.models.signals import m2m_changed, post_delete, pre_delete

from actionplan.plans.models import Action, Recommendation, Review

from .stored_groups import partnerships_paired

CHANGED = {"post_add", "post_remove", "post_clear"}
BEFORE_CLEAR = "_made_again_cleared"  # the recommendations a clear leaves, read before it


def recommendations_concerned(instance: Any, pk_set: set[int] | None, reverse: bool) -> set[int]:
    if not reverse:  # recommendation.reviews / recommendation.linked_actions
        return {instance.pk}
    if isinstance(instance, Review):
        return set(pk_set) if pk_set is not None else set(getattr(instance, BEFORE_CLEAR, ()))
    # action.linked_recommendations (the composite lines carrying it), and its own recommendation
    carriers = set(pk_set) if pk_set is not None else set(getattr(instance, BEFORE_CLEAR, ()))
    return {*carriers, instance.recommendation_id}


def on_links_changed(instance: Any, action: str, reverse: bool, pk_set: set[int] | None, **_: Any) -> None:
    if action == "pre_clear" and reverse:
        reviewed = isinstance(instance, Review)
        through = Recommendation.reviews.through if reviewed else Recommendation.linked_actions.through
        column = "review_id" if reviewed else "action_id"
        rows = through.objects.filter(**{column: instance.pk}).values_list("recommendation_id", flat=True)
        setattr(instance, BEFORE_CLEAR, list(rows))
        return
    if action in CHANGED:
        regroup_later(recommendations_concerned(instance, pk_set, reverse))


def on_action_deleting(instance: Any, **_: Any) -> None:
    # The composite lines carrying it answer its reviews no more once it is gone, and their links
    # go with it unsignalled: read them now (a query for each action deleted).
    rows = Recommendation.linked_actions.through.objects.filter(action_id=instance.pk)
    setattr(instance, BEFORE_CLEAR, list(rows.values_list("recommendation_id", flat=True)))


def on_action_deleted(instance: Any, **_: Any) -> None:
    regroup_later(set(getattr(instance, BEFORE_CLEAR, ())))


def on_review_deleting(instance: Review, **_: Any) -> None:
    rows = Recommendation.reviews.through.objects.filter(review_id=instance.pk)
    setattr(instance, BEFORE_CLEAR, list(rows.values_list("recommendation_id", flat=True)))


def on_review_deleted(instance: Review, **_: Any) -> None:
    regroup_later(set(getattr(instance, BEFORE_CLEAR, ())))


def regroup_later(rec_ids: set[int]) -> None:
    """Queue a regroup around these recommendations and the composite lines carrying their
    actions, whose one learning takes in their reviews (same_learning.py)."""
    if not rec_ids:
        return
    carrying = Recommendation.linked_actions.through.objects.filter(action__recommendation_id__in=rec_ids)
    concerned = rec_ids | set(carrying.values_list("recommendation_id", flat=True))
    partnerships = partnerships_paired(concerned)
    if partnerships:
        from .tasks import regroup_made_again

        regroup_made_again.enqueue(sorted(partnerships), sorted(concerned))


def connect() -> None:
    uid = "learning-made-again"
    for through in (Recommendation.reviews.through, Recommendation.linked_actions.through):
        m2m_changed.connect(on_links_changed, sender=through, dispatch_uid=f"{uid}-{through.__name__}")
    pre_delete.connect(on_action_deleting, sender=Action, dispatch_uid=f"{uid}-action-deleting")
    post_delete.connect(on_action_deleted, sender=Action, dispatch_uid=f"{uid}-action-deleted")
    pre_delete.connect(on_review_deleting, sender=Review, dispatch_uid=f"{uid}-review-deleting")
    post_delete.connect(on_review_deleted, sender=Review, dispatch_uid=f"{uid}-review-deleted")

