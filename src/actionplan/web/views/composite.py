from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from actionplan.plans.composite import compose, save_composite
from actionplan.plans.permissions import can_save_composite, require

from ..scoping import SignedInRequest, ids_from, partnership_of, reviews


@login_required
@require_http_methods(["GET", "POST"])
def composite(request: SignedInRequest) -> HttpResponse:
    """Choose reviews → their actions grouped by theme; a partnership admin can keep it as a plan."""
    partnership = partnership_of(request)
    params = request.POST if request.method == "POST" else request.GET
    chosen_ids = ids_from(params.getlist("review"))
    if chosen_ids is None:
        raise Http404
    chosen = list(reviews(request).filter(pk__in=chosen_ids))
    if len(chosen) != len(chosen_ids):  # a review of another partnership (or none at all) is not found
        raise Http404
    open_only = params.get("open") == "on" or not params
    today = timezone.localdate()
    groups = compose(partnership, chosen, open_only=open_only, as_at=today) if chosen else []
    if request.method == "POST":
        require(can_save_composite(request.user), "save a composite plan")
        if not groups:  # nothing chosen, or nothing open: an empty plan would only mislead the board
            messages.error(request, "Choose one or more reviews with actions to bring together")
            return redirect("composite")
        title = params.get("title", "").strip() or "Composite action plan"
        plan = save_composite(partnership, title[:300], groups, today)
        messages.success(request, f"Saved {plan.title}")
        return redirect("plan", pk=plan.pk)
    return render(
        request,
        "web/composite.html",
        {
            "reviews": reviews(request).order_by("code"),
            "chosen": chosen_ids,
            "open_only": open_only,
            "groups": groups,
            "can_save": can_save_composite(request.user),
        },
    )
