from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone

from actionplan.plans.kept_counts import dashboard_summary, open_plans
from actionplan.plans.summary import RagCounts
from actionplan.reminders.in_app import needs_you

from .. import paging
from ..as_at_form import AsAtForm
from ..scoping import SignedInRequest, partnership_of

PLANS_PER_PAGE = 50


@login_required
def dashboard(request: SignedInRequest) -> HttpResponse:
    """The partnership's counts today, or as they stood on a day asked for (a past meeting's,
    say), counted from the history. A day nobody can read is said beside the field, with
    today's counts."""
    partnership = partnership_of(request)
    today = timezone.localdate()
    form = AsAtForm(request.GET)
    as_at = (form.cleaned_data.get("as_at") if form.is_valid() else None) or today
    # A region's partnership has thousands of plans: their table comes a page at a time, and
    # today only the page's plans are counted one by one (the kept counts hold every plan's).
    if as_at == today:
        plans = paging.page_of(request, open_plans(partnership), param="plans_page", per_page=PLANS_PER_PAGE)
        summary = dashboard_summary(partnership, as_at, plans=[plan.pk for plan in plans])
        plans.object_list = [(plan, summary.by_plan.get(plan, RagCounts())) for plan in plans]
    else:  # as things stood then: the plans that held actions that day
        summary = dashboard_summary(partnership, as_at)
        plans = paging.page_of(
            request, list(summary.by_plan.items()), param="plans_page", per_page=PLANS_PER_PAGE)
    pagination = paging.pagination(request, plans, param="plans_page", label="Pages of the plans")
    context = {"summary": summary, "plans": plans, "plans_pagination": pagination, "as_at_form": form,
               "today": today, "needs_you": needs_you(request.user, partnership)}
    return render(request, "web/dashboard.html", context, status=400 if form.errors else 200)
