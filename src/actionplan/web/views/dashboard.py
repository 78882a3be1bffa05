from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone

from actionplan.plans.summary import partnership_summary

from ..scoping import SignedInRequest, partnership_of


@login_required
def dashboard(request: SignedInRequest) -> HttpResponse:
    partnership = partnership_of(request)
    summary = partnership_summary(partnership, timezone.localdate())
    return render(request, "web/dashboard.html", {"summary": summary})
