"""The reviews a report answers, as its cover names them: code, kind, title, the subject's
pseudonym, the author and publication, as they were recorded at the end of the as-at date."""

from __future__ import annotations

from datetime import date

from actionplan.plans.history import versions_in_force
from actionplan.plans.models import Partnership, Review

from .model import ReviewHeader
from .scope import Scope


def review_headers(partnership: Partnership, scope: Scope, as_at: date) -> list[ReviewHeader]:
    """The review a review's report is about, or the reviews the reported plan answers; none for
    a report of many plans (the cover would list every review of the partnership)."""
    if scope.review:
        reviews = list(partnership.reviews.filter(code__iexact=scope.review.strip()))
    elif scope.plan_id is not None:
        reviews = list(Review.objects.filter(partnership=partnership, plans__pk=scope.plan_id))
    else:
        return []
    then = versions_in_force(Review.history.filter(id__in=[r.pk for r in reviews]), as_at)
    headers = []
    for review in reviews:
        known = then.get(review.pk, review)
        headers.append(ReviewHeader(
            code=known.code, kind=Review.Kind(known.kind).label, title=known.title,
            pseudonym=known.pseudonym, author=known.author,
            published=known.published_on if known.published else None))
    return headers
