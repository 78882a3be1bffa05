"""Correcting a progress update, withdrawing an update or a piece of evidence: each a page with
its reason, open to those who may post on the action. The rules are in plans/corrections.py."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.urls import reverse

from actionplan.plans import permissions, updates
from actionplan.plans.models import ProgressUpdate

from ..correction_forms import CorrectionForm, WithdrawalForm
from ..presenters import day
from ..scoping import SignedInRequest, action_for, one
from .form_page import form_page
from .writing import GET_POST, data


def update_of(request: SignedInRequest, pk: int, update_pk: int) -> ProgressUpdate:
    action = action_for(request, pk, permissions.can_update_action)
    return one(action.updates.filter(kind=ProgressUpdate.Kind.UPDATE), pk=update_pk)


@login_required
@GET_POST
def correct_update(request: SignedInRequest, pk: int, update_pk: int) -> HttpResponse:
    update = update_of(request, pk, update_pk)
    form = CorrectionForm(data(request), initial={"text": updates.shown_text(update)})

    def save(cleaned: dict) -> tuple[str, str]:
        updates.correct_update(update, request.user, cleaned["text"], cleaned["reason"])
        return "Your correction has been saved", reverse("action", args=[pk])

    return form_page(
        request, form, save, heading="Correct a progress update", caption=f"Action {pk}",
        intro=[f"The update of {day(update.written_on)} is kept as it was, marked as corrected."],
        back=reverse("action", args=[pk]), submit="Save correction",
    )


@login_required
@GET_POST
def withdraw_update(request: SignedInRequest, pk: int, update_pk: int) -> HttpResponse:
    update = update_of(request, pk, update_pk)

    def save(cleaned: dict) -> tuple[str, str]:
        updates.withdraw_update(update, request.user, cleaned["reason"])
        return "The update has been withdrawn", reverse("action", args=[pk])

    return form_page(
        request, WithdrawalForm(data(request)), save, heading="Withdraw a progress update",
        caption=f"Action {pk}",
        intro=[
            f"The update of {day(update.written_on)}: “{update.text}”",
            "It stays on the record, marked as withdrawn.",
        ],
        back=reverse("action", args=[pk]), submit="Withdraw update", warning=True,
    )


@login_required
@GET_POST
def withdraw_evidence(request: SignedInRequest, pk: int, evidence_pk: int) -> HttpResponse:
    action = action_for(request, pk, permissions.can_update_action)
    evidence = one(action.evidence.all(), pk=evidence_pk)

    def save(cleaned: dict) -> tuple[str, str]:
        updates.withdraw_evidence(evidence, request.user, cleaned["reason"])
        return "The evidence has been withdrawn", reverse("action", args=[pk])

    return form_page(
        request, WithdrawalForm(data(request)), save, heading="Withdraw evidence", caption=f"Action {pk}",
        intro=[f"“{evidence.description}”, submitted on {day(evidence.submitted_at.date())}.",
               "It stays on the record, marked as withdrawn, and no longer counts towards assurance."],
        back=reverse("action", args=[pk]), submit="Withdraw evidence", warning=True,
    )
