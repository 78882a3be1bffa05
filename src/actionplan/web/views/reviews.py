from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.db.models import Count, Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from actionplan.plans.models import Action, Recommendation

from ..scoping import one, reviews


@login_required
def review_list(request: HttpRequest) -> HttpResponse:
    found = reviews(request).annotate(recommendation_count=Count("recommendations")).order_by("-reported_on", "code")
    return render(request, "web/reviews.html", {"reviews": found})


@login_required
def review_detail(request: HttpRequest, pk: int) -> HttpResponse:
    review = one(reviews(request), pk=pk)
    # Each action's RAG needs its partnership's thresholds: fetched with the action, not one by one.
    actions = Action.objects.select_related("recommendation__plan__partnership")
    recommendations = (
        Recommendation.objects.filter(reviews=review)
        .select_related("plan", "section")
        .prefetch_related(Prefetch("actions", queryset=actions), Prefetch("linked_actions", queryset=actions))
        .order_by("plan__title", "order")
    )
    today = timezone.localdate()
    rows = [(rec, rec.standing(today)) for rec in recommendations]
    return render(request, "web/review.html", {"review": review, "rows": rows})
