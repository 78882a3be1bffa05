from __future__ import annotations

from dataclasses import replace
from datetime import date

from django.contrib.auth.decorators import login_required
from django.db.models import Prefetch, Q, QuerySet
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone

from actionplan.plans.finder import ActionCriteria, find_actions, with_latest_update
from actionplan.plans.models import Action, Partnership, Plan, Recommendation

from .. import paging
from ..forms import ActionFilterForm
from ..plan_layout import lay_out_plan
from ..scoping import SignedInRequest, one, partnership_of, plans

# A plan is shown as its document reads, a page of recommendations at a time.
RECOMMENDATIONS_PER_PAGE = 100


@login_required
def plan_list(request: SignedInRequest) -> HttpResponse:
    # A region's partnership has thousands of plans: a page of them at a time, counted by COUNT.
    page = paging.page_of(request, plans(request).prefetch_related("reviews").order_by("kind", "title", "pk"))
    pagination = paging.pagination(request, page, label="Pages of the plans")
    context = {"plans": page.object_list, "page": page, "pagination": pagination}
    return render(request, "web/plans.html", context)


@login_required
def plan_detail(request: SignedInRequest, pk: int) -> HttpResponse:
    partnership = partnership_of(request)
    plan = one(plans(request).prefetch_related("reviews"), pk=pk)
    form = ActionFilterForm(request.GET, partnership, plan_chosen=True)
    criteria, today = form.criteria(), timezone.localdate()
    shown = shown_recommendations(plan, partnership, criteria, today)
    # The ids alone, all of them: counted as they come, without a COUNT of their own.
    page = paging.page_of(request, list(shown), per_page=RECOMMENDATIONS_PER_PAGE)
    actions = with_latest_update(Action.objects.select_related("owner"))
    recommendations = (
        Recommendation.objects.filter(pk__in=list(page.object_list))
        .order_by("order", "pk")
        .select_related("section")
        .prefetch_related(
            "reviews",
            "themes",
            Prefetch("actions", queryset=actions),
            Prefetch("linked_actions", queryset=actions),
        )
    )
    layout = lay_out_plan(recommendations, today, partnership, criteria)
    pagination = paging.pagination(request, page, label="Pages of the plan")
    context = {"plan": plan, "layout": layout, "form": form, "page": page, "pagination": pagination}
    return render(request, "web/plan.html", context)


def shown_recommendations(
    plan: Plan, partnership: Partnership, criteria: ActionCriteria, today: date
) -> QuerySet[Recommendation, int]:
    """The ids of the plan's recommendations in order; when filtering, only those with an action
    (own or linked) that matches, found by the database so a plan of thousands of rows is paged."""
    found = Recommendation.objects.filter(plan=plan)
    if criteria != ActionCriteria():
        matching = find_actions(partnership, today, replace(criteria, plan=plan.pk)).order_by().values("pk")
        found = found.filter(Q(actions__in=matching) | Q(linked_actions__in=matching)).distinct()
    return found.order_by("order", "pk").values_list("pk", flat=True)
