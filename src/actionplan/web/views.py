"""Pages. Views only fetch, check and hand over: the rules live in actionplan.plans."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from actionplan.plans.summary import partnership_summary


@login_required
def dashboard(request: HttpRequest) -> HttpResponse:
    partnership = request.user.partnership
    summary = partnership_summary(partnership, timezone.localdate()) if partnership else None
    return render(request, "web/dashboard.html", {"partnership": partnership, "summary": summary})
