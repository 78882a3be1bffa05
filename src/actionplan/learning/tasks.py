"""Background work of learning, run by `actionplan worker` (or at once, where the immediate backend
is set, as in the tests).

Finding a recommendation's near neighbours is a candidate search among its partnership's
recommendations (tens to hundreds of milliseconds each): queued with the change that needs it,
so an edit's request and a plan stored in bulk do not wait for it (docs/adr/0061). Queued inside
the change's transaction, the task is stored with the change or not at all."""

from __future__ import annotations

from django_tasks import task


@task()
def find_near_pairs(rec_ids: list[int]) -> int:
    """Store again the near pairs of recommendations whose terms changed; returns how many."""
    from . import neighbours  # neighbours reads term_index, which queues this task

    neighbours.store(rec_ids)
    return len(rec_ids)


@task()
def rescore_near_pairs(partnership_id: int) -> int:
    """Score a partnership's pairs again after a plan stored in bulk changed its words' weights."""
    from . import neighbours

    return neighbours.rescore(partnership_id)


@task()
def regroup_made_again(partnership_ids: list[int], rec_ids: list[int] | None = None) -> int:
    """Group the partnerships' pairs again after what makes two recommendations one learning
    changed (their reviews, the actions a composite line carries): docs/adr/0075. Only the
    pairs linked to `rec_ids`, the recommendations concerned, when given (docs/adr/0082)."""
    from . import stored_groups

    if rec_ids is None:  # queued before the recommendations concerned were named
        return stored_groups.regroup(partnership_ids)
    return stored_groups.regroup_around(partnership_ids, rec_ids)
