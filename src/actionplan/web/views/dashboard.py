from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone

from actionplan.plans.summary import partnership_summary
from actionplan.reminders.in_app import needs_you

from .. import paging
from ..scoping import SignedInRequest, partnership_of

PLANS_PER_PAGE = 50


@login_required
def dashboard(request: SignedInRequest) -> HttpResponse:
    partnership = partnership_of(request)
    summary = partnership_summary(partnership, timezone.localdate())
    # A region's partnership has thousands of plans: their table comes a page at a time.
    plans = paging.page_of(
        request, list(summary.by_plan.items()), param="plans_page", per_page=PLANS_PER_PAGE
    )
    pagination = paging.pagination(request, plans, param="plans_page", label="Pages of the plans")
    return render(
        request, "web/dashboard.html", {"summary": summary, "plans": plans, "plans_pagination": pagination,
                                        "needs_you": needs_you(request.user, partnership)}
    )
