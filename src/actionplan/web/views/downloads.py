"""Board reports and exports for download, and spreadsheets of updates given back."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from actionplan.plans import permissions
from actionplan.plans.permissions import require
from actionplan.reports import FORMATS, Scope, ScopeError
from actionplan.reports.background import request_report
from actionplan.reports.give_back import apply_workbook
from actionplan.reports.returned import WorkbookError

from ..as_at_form import AsAtForm
from ..scoping import SignedInRequest, partnership_of

MAX_WORKBOOK_BYTES = 10 * 2**20


class ReportForm(AsAtForm):
    format = forms.ChoiceField(choices=[(f, f) for f in FORMATS])
    plan = forms.IntegerField(required=False)
    composite = forms.BooleanField(required=False)
    recurring = forms.BooleanField(required=False)


@login_required
@require_http_methods(["GET", "POST"])
def report(request: SignedInRequest) -> HttpResponse:
    """Anyone in the partnership may ask for its reports, as at today or any past date. The
    worker produces them; the person is taken to the report's own page to follow it."""
    partnership = partnership_of(request)
    if request.method == "GET":  # the form alone, e.g. after signing in again
        return ask_again(request, ReportForm(), request.GET, status=200)
    form = ReportForm(request.POST)
    if not form.is_valid():
        if set(form.errors) != {"as_at"}:
            raise Http404("unknown report")
        # A date nobody can read is the person's typing, not a missing page: say so, and ask again.
        return ask_again(request, form, request.POST)
    data = form.cleaned_data
    as_at = data["as_at"] or timezone.localdate()
    scope = Scope(plan_id=data["plan"], composite=data["composite"], recurring=data["recurring"])
    try:
        asked = request_report(partnership, scope, data["format"], as_at, request.user)
    except ScopeError as error:  # e.g. a plan of another partnership
        raise Http404(str(error)) from error
    return redirect("report_page", pk=asked.pk)


def ask_again(
    request: SignedInRequest, form: ReportForm, typed: QueryDict, status: int = 400
) -> HttpResponse:
    asked = {k: typed[k] for k in ("plan", "composite", "recurring") if typed.get(k)}
    context = {"form": form, "report_scope": asked, "as_at_typed": typed.get("as_at", "")}
    return render(request, "web/report_error.html", context, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def give_back_updates(request: SignedInRequest) -> HttpResponse:
    """An exported workbook, edited by owners, applied as their progress updates."""
    require(permissions.can_give_back_updates(request.user), "give back a workbook of updates")
    partnership_of(request)
    context: dict[str, Any] = {"error": None, "result": None}
    if request.method == "POST":
        upload = request.FILES.get("workbook")
        if upload is None:
            context["error"] = "Choose the workbook to upload"
        elif (upload.size or 0) > MAX_WORKBOOK_BYTES:
            context["error"] = f"{upload.name} is larger than {MAX_WORKBOOK_BYTES // 2**20} MB"
        else:
            try:
                name = upload.name or "workbook"
                context["result"] = apply_workbook(upload.read(), request.user, name=name)
            except WorkbookError as error:
                context["error"] = str(error)
    status = 400 if context["error"] else 200
    return render(request, "web/import_updates.html", context, status=status)
