"""Scrutineers' changes to an action: its assurance status, and a RAG rating set by hand."""

from __future__ import annotations

from collections.abc import Callable

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_POST

from actionplan.plans import permissions
from actionplan.plans.assurance import AssuranceRefused, AssuranceStatus
from actionplan.plans.models import Action
from actionplan.plans.rag import OverrideRefused, Rag
from actionplan.plans.updates import EditConflict, change_assurance, override_rag

from ..scoping import SignedInRequest, action_for


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
def post_assurance(request: SignedInRequest, pk: int) -> HttpResponse:
    def change(action: Action, data: dict) -> str:
        change_assurance(
            action, request.user, data["assurance"], data["reason"], expected_version=data["version"]
        )
        return f"Assurance is now: {AssuranceStatus(data['assurance']).label.lower()}"

    return scrutineers_change(request, pk, AssuranceForm, "Choose an assurance status", change)


@login_required
@require_POST
def post_rag_override(request: SignedInRequest, pk: int) -> HttpResponse:
    def change(action: Action, data: dict) -> str:
        override_rag(action, request.user, data["rag"], data["reason"], expected_version=data["version"])
        return "RAG rating set by hand" if data["rag"] else "RAG rating worked out from the dates again"

    return scrutineers_change(request, pk, RagOverrideForm, "Choose a RAG rating", change)


def scrutineers_change(
    request: SignedInRequest,
    pk: int,
    form_class: type[forms.Form],
    missing: str,
    change: Callable[[Action, dict], str],
) -> HttpResponse:
    """Check who may, read the form, apply the change; a refusal is shown, never a half change."""
    action = action_for(request, pk, permissions.can_assure)
    form = form_class(request.POST)
    if not form.is_valid():
        return refused(request, action, missing)
    try:
        done = change(action, form.cleaned_data)
    except (AssuranceRefused, OverrideRefused, EditConflict) as refusal:
        return refused(request, action, str(refusal))
    messages.success(request, done)
    return redirect("action", pk=action.pk)


def refused(request: SignedInRequest, action: Action, reason: str) -> HttpResponse:
    # These short forms sit low on the action page; the refusal is shown at its top.
    messages.error(request, reason[0].upper() + reason[1:])
    return redirect("action", pk=action.pk)
