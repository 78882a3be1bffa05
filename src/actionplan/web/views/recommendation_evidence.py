"""Evidence on a recommendation tracked without actions: one page listing its evidence and
assurance, where the partnership admin adds evidence (and withdraws it, on a page of its own,
with the reason) and a scrutineer decides on it. The rules are
actionplan.plans.recommendation_evidence's."""

from __future__ import annotations

import hashlib
from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST

from actionplan.plans import permissions
from actionplan.plans.assurance import AssuranceRefused, AssuranceStatus
from actionplan.plans.changes import changes_of
from actionplan.plans.editing import EditRefused
from actionplan.plans.models import Recommendation
from actionplan.plans.recommendation_evidence import (
    change_recommendation_assurance,
    decide_recommendation_evidence,
    submit_recommendation_evidence,
    withdraw_recommendation_evidence,
)
from actionplan.plans.status import TransitionRefused

from ..correction_forms import WithdrawalForm
from ..forms import EvidenceDecisionForm, EvidenceForm
from ..presenters import day
from ..scoping import SignedInRequest, one, recommendations
from .form_page import form_page
from .writing import GET_POST, data

REFUSALS = (AssuranceRefused, EditRefused, TransitionRefused, ValueError)


class AssuranceForm(forms.Form):
    assurance = forms.ChoiceField(choices=AssuranceStatus.choices)
    reason = forms.CharField(required=False, max_length=5_000)


def tracked_alone(request: SignedInRequest, pk: int) -> Recommendation:
    """A recommendation of the partnership that has no actions (its actions carry the evidence
    otherwise): 404 for any other."""
    rec = one(recommendations(request).select_related("plan__partnership"), pk=pk)
    if rec.all_actions():
        raise Http404("this recommendation's evidence is on its actions")
    return rec


@login_required
@require_http_methods(["GET", "POST"])
def recommendation_evidence(request: SignedInRequest, pk: int) -> HttpResponse:
    rec = tracked_alone(request, pk)
    if request.method != "POST":
        return page(request, rec)
    if not permissions.can_edit_plans(request.user):
        raise PermissionDenied
    form = EvidenceForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            upload = form.cleaned_data.get("file")
            submit_recommendation_evidence(
                rec, request.user, form.cleaned_data["description"], file=upload,
                link=form.cleaned_data.get("link") or "", sha256=digest(upload),
            )  # fmt: skip
        except REFUSALS as refusal:
            form.add_error(None, ValidationError(str(refusal).capitalize()))
        else:
            messages.success(request, "Your evidence has been added and is awaiting assurance")
            return redirect("recommendation_evidence", pk=rec.pk)
    return page(request, rec, evidence_form=form)


@login_required
@require_POST
def recommendation_evidence_decision(request: SignedInRequest, pk: int, evidence_pk: int) -> HttpResponse:
    rec = tracked_alone(request, pk)
    if not permissions.can_assure_recommendation(request.user, rec.plan.partnership_id):
        raise PermissionDenied
    evidence = one(rec.evidence.all(), pk=evidence_pk)
    form = EvidenceDecisionForm(request.POST)
    if form.is_valid():
        accept = form.cleaned_data["decision"] == "accept"
        try:
            decide_recommendation_evidence(
                evidence, request.user, accept=accept, reason=form.cleaned_data["reason"]
            )
        except REFUSALS as refusal:
            form.add_error(None, ValidationError(str(refusal).capitalize()))
        else:
            messages.success(request, "Evidence accepted" if accept else "Evidence rejected")
            return redirect("recommendation_evidence", pk=rec.pk)
    return page(request, rec, decision_form=form, deciding=evidence.pk)


@login_required
@require_POST
def recommendation_assurance(request: SignedInRequest, pk: int) -> HttpResponse:
    rec = tracked_alone(request, pk)
    if not permissions.can_assure_recommendation(request.user, rec.plan.partnership_id):
        raise PermissionDenied
    form = AssuranceForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Choose an assurance status")
        return redirect("recommendation_evidence", pk=rec.pk)
    new = form.cleaned_data["assurance"]
    try:
        change_recommendation_assurance(rec, request.user, new, form.cleaned_data["reason"])
    except REFUSALS as refusal:
        messages.error(request, str(refusal).capitalize())
    else:
        messages.success(request, f"Assurance is now: {AssuranceStatus(new).label.lower()}")
    return redirect("recommendation_evidence", pk=rec.pk)


@login_required
@GET_POST
def recommendation_evidence_withdraw(request: SignedInRequest, pk: int, evidence_pk: int) -> HttpResponse:
    rec = tracked_alone(request, pk)
    if not permissions.can_edit_plans(request.user):
        raise PermissionDenied
    evidence = one(rec.evidence.filter(withdrawn_at=None), pk=evidence_pk)
    back = reverse("recommendation_evidence", args=[rec.pk])

    def save(cleaned: dict) -> tuple[str, str]:
        withdraw_recommendation_evidence(evidence, request.user, cleaned["reason"])
        return "The evidence has been withdrawn", back

    return form_page(
        request, WithdrawalForm(data(request)), save, heading="Withdraw evidence",
        caption=f"Recommendation {rec.ref or rec.pk}",
        intro=[f"“{evidence.description}”, submitted on {day(evidence.submitted_at.date())}.",
               "It stays on the record, marked as withdrawn, and no longer counts towards assurance."],
        back=back, submit="Withdraw evidence", warning=True,
    )


@login_required
def recommendation_evidence_file(request: SignedInRequest, pk: int, evidence_pk: int) -> FileResponse:
    """Evidence files are served only through this check, never from a public folder."""
    rec = one(recommendations(request), pk=pk)
    evidence = one(rec.evidence.all(), pk=evidence_pk)
    if not evidence.file:
        raise Http404
    name = (evidence.file.name or "").rsplit("/", 1)[-1]
    return FileResponse(evidence.file.open("rb"), as_attachment=True, filename=name)


def digest(upload: Any) -> str:
    if upload is None:
        return ""
    sha = hashlib.sha256()
    for chunk in upload.chunks():
        sha.update(chunk)
    return sha.hexdigest()


def page(
    request: SignedInRequest,
    rec: Recommendation,
    *,
    evidence_form: EvidenceForm | None = None,
    decision_form: EvidenceDecisionForm | None = None,
    deciding: int | None = None,
) -> HttpResponse:
    user = request.user
    failed = any(f is not None and f.errors for f in (evidence_form, decision_form))
    return render(request, "web/recommendation_evidence.html", {
        "rec": rec,
        "evidence": rec.evidence.select_related("submitted_by", "decided_by", "withdrawn_by")
        .order_by("-submitted_at"),
        "can_add": permissions.can_edit_plans(user),
        "can_assure": permissions.can_assure_recommendation(user, rec.plan.partnership_id),
        "evidence_form": evidence_form or EvidenceForm(),
        "decision_form": decision_form,
        "deciding": deciding,
        "history": changes_of(rec),
    }, status=400 if failed else 200)  # fmt: skip
