"""Scrutineers' changes to an action: its assurance status, and a RAG rating set by hand."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_POST

from actionplan.plans import permissions
from actionplan.plans.assurance import AssuranceRefused, AssuranceStatus
from actionplan.plans.rag import OverrideRefused, Rag
from actionplan.plans.updates import EditConflict, change_assurance, override_rag

from ..scoping import action_for


class AssuranceForm(forms.Form):
    assurance = forms.ChoiceField(choices=AssuranceStatus.choices)
    reason = forms.CharField(required=False, max_length=5_000)
    version = forms.IntegerField()


class RagOverrideForm(forms.Form):
    rag = forms.ChoiceField(choices=[("", "Work it out from the dates"), *Rag.choices], required=False)
    reason = forms.CharField(required=False, max_length=5_000)
    version = forms.IntegerField()


@login_required
@require_POST
def post_assurance(request: HttpRequest, pk: int) -> HttpResponse:
    action = action_for(request, pk, permissions.can_assure)
    form = AssuranceForm(request.POST)
    if not form.is_valid():
        return refused(request, action, "Choose an assurance status")
    data = form.cleaned_data
    try:
        change_assurance(
            action, request.user, data["assurance"], data["reason"], expected_version=data["version"]
        )
    except (AssuranceRefused, EditConflict) as refusal:
        return refused(request, action, str(refusal))
    messages.success(request, f"Assurance is now: {AssuranceStatus(data['assurance']).label.lower()}")
    return redirect("action", pk=action.pk)


@login_required
@require_POST
def post_rag_override(request: HttpRequest, pk: int) -> HttpResponse:
    action = action_for(request, pk, permissions.can_assure)
    form = RagOverrideForm(request.POST)
    if not form.is_valid():
        return refused(request, action, "Choose a RAG rating")
    data = form.cleaned_data
    try:
        override_rag(action, request.user, data["rag"], data["reason"], expected_version=data["version"])
    except (OverrideRefused, EditConflict) as refusal:
        return refused(request, action, str(refusal))
    messages.success(
        request, "RAG rating set by hand" if data["rag"] else "RAG rating worked out from the dates again"
    )
    return redirect("action", pk=action.pk)


def refused(request: HttpRequest, action, reason: str) -> HttpResponse:  # type: ignore[no-untyped-def]
    # These short forms sit low on the action page; the refusal is shown at its top.
    messages.error(request, reason[0].upper() + reason[1:])
    return redirect("action", pk=action.pk)
