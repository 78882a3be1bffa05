from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.db.models import Count
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone

from actionplan.plans.models import Recommendation

from ..scoping import SignedInRequest, one, partnership_of, reviews


@login_required
def review_list(request: SignedInRequest) -> HttpResponse:
    found = reviews(request).annotate(recommendation_count=Count("recommendations"))
    found = found.order_by("-reported_on", "code")
    return render(request, "web/reviews.html", {"reviews": found})


@login_required
def review_detail(request: SignedInRequest, pk: int) -> HttpResponse:
    review = one(reviews(request), pk=pk)
    recommendations = (
        Recommendation.objects.filter(reviews=review)
        .select_related("plan", "section")
        .prefetch_related("actions", "linked_actions")
        .order_by("plan__title", "order")
    )
    today, thresholds = timezone.localdate(), partnership_of(request).rag_thresholds
    rows = [(rec, rec.standing(today, thresholds)) for rec in recommendations]
    return render(request, "web/review.html", {"review": review, "rows": rows})
