"""Board reports and exports for download, and spreadsheets of updates given back."""

from __future__ import annotations

from datetime import date
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
from actionplan.reports.scope import check_as_at

from ..scoping import SignedInRequest, partnership_of

MAX_WORKBOOK_BYTES = 10 * 2**20


class ReportForm(forms.Form):
    format = forms.ChoiceField(choices=[(f, f) for f in FORMATS])
    plan = forms.IntegerField(required=False)
    composite = forms.BooleanField(required=False)
    as_at = forms.DateField(
        required=False,
        input_formats=["%d/%m/%Y", "%d/%m/%y", "%Y-%m-%d", "%d %B %Y", "%d %b %Y"],
        error_messages={"invalid": "Enter the as at date as day/month/year, for example 31/3/2026"},
    )
    meeting = forms.CharField(required=False)  # a meeting's date offered beside the typed one

    def clean(self) -> dict[str, Any]:
        """A meeting chosen is the as at date; a date typed as well must be the same day."""
        data = super().clean() or {}
        chosen = meeting_day(data.get("meeting") or "")
        if chosen is None and data.get("meeting"):
            self.add_error("as_at", "Choose a meeting from the list")
        elif chosen is not None and data.get("as_at") not in (None, chosen):
            self.add_error("as_at", "Enter an as at date or choose a meeting, not both")
        elif chosen is not None:
            data["as_at"] = chosen
        return data


def meeting_day(value: str) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


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
    try:
        check_as_at(as_at)
    except ScopeError as error:
        form.add_error("as_at", str(error)[:1].upper() + str(error)[1:])
        return ask_again(request, form, request.POST)
    scope = Scope(plan_id=data["plan"], composite=data["composite"])
    try:
        asked = request_report(partnership, scope, data["format"], as_at, request.user)
    except ScopeError as error:  # e.g. a plan of another partnership
        raise Http404(str(error)) from error
    return redirect("report_page", pk=asked.pk)


def ask_again(
    request: SignedInRequest, form: ReportForm, typed: QueryDict, status: int = 400
) -> HttpResponse:
    asked = {k: typed[k] for k in ("plan", "composite") if typed.get(k)}
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
