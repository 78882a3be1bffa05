"""Board reports and exports for download, and spreadsheets of updates given back."""

from __future__ import annotations

from datetime import date
from typing import Any

from django import forms
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from actionplan.plans import permissions
from actionplan.plans.permissions import require
from actionplan.reports import FORMATS, Scope, ScopeError, build_report
from actionplan.reports import render as render_report
from actionplan.reports.give_back import apply_workbook
from actionplan.reports.returned import WorkbookError

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
def report(request: SignedInRequest) -> HttpResponse:
    """Anyone in the partnership may read its reports, as at today or any past date."""
    partnership = partnership_of(request)
    form = ReportForm(request.GET)
    if not form.is_valid():
        if set(form.errors) != {"as_at"}:
            raise Http404("unknown report")
        # A date nobody can read is the person's typing, not a missing page: say so, and ask again.
        asked = {k: request.GET[k] for k in ("plan", "composite") if request.GET.get(k)}
        return render(request, "web/report_error.html", {"form": form, "report_scope": asked}, status=400)
    data = form.cleaned_data
    scope = Scope(plan_id=data["plan"], composite=data["composite"])
    try:
        built = build_report(partnership, scope, data["as_at"] or timezone.localdate())
    except ScopeError as error:  # e.g. a plan of another partnership
        raise Http404(str(error)) from error
    rendered = render_report(built, data["format"])
    response = HttpResponse(rendered.content, content_type=rendered.content_type)
    response["Content-Disposition"] = f'attachment; filename="{rendered.filename}"'
    return response


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
