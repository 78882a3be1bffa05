from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.db.models import Prefetch
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone

from actionplan.plans.finder import with_latest_update
from actionplan.plans.models import Action, Recommendation

from ..forms import ActionFilterForm
from ..plan_layout import lay_out_plan
from ..scoping import SignedInRequest, one, partnership_of, plans


@login_required
def plan_list(request: SignedInRequest) -> HttpResponse:
    found = plans(request).prefetch_related("reviews").order_by("kind", "title")
    return render(request, "web/plans.html", {"plans": found})


@login_required
def plan_detail(request: SignedInRequest, pk: int) -> HttpResponse:
    partnership = partnership_of(request)
    plan = one(plans(request).prefetch_related("reviews"), pk=pk)
    form = ActionFilterForm(request.GET, partnership)
    criteria = form.criteria()
    actions = with_latest_update(Action.objects.select_related("owner"))
    recommendations = (
        Recommendation.objects.filter(plan=plan)
        .select_related("section")
        .prefetch_related(
            "reviews",
            "themes",
            Prefetch("actions", queryset=actions),
            Prefetch("linked_actions", queryset=actions),
        )
    )
    layout = lay_out_plan(recommendations, timezone.localdate(), partnership, criteria)
    return render(request, "web/plan.html", {"plan": plan, "layout": layout, "form": form})
