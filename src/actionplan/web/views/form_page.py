"""One way to show a form page: GOV.UK fields, the error summary, and the rule's refusal in it."""

from __future__ import annotations

from collections.abc import Callable

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from actionplan.plans.assurance import AssuranceRefused
from actionplan.plans.editing import EditRefused
from actionplan.plans.status import TransitionRefused
from actionplan.plans.updates import EditConflict

REFUSALS = (EditRefused, TransitionRefused, AssuranceRefused, EditConflict)


def form_page(
    request: HttpRequest,
    form: forms.BaseForm,
    save: Callable[[dict], tuple[str, str]],
    *,
    heading: str,
    back: str,
    submit: str = "Save",
    caption: str = "",
    intro: list[str] | None = None,
    **extra: object,
) -> HttpResponse:
    """On a valid POST, `save` applies the change and answers (message, where to go next).
    A refusal of the rules is shown at the top of the form and nothing is stored."""
    if request.method == "POST" and form.is_valid():
        try:
            message, next_url = save(form.cleaned_data)
        except REFUSALS as refusal:
            text = str(refusal)
            form.add_error(None, ValidationError(text[:1].upper() + text[1:]))
        else:
            messages.success(request, message)
            return redirect(next_url)
    context = {"form": form, "heading": heading, "back": back, "submit": submit, "caption": caption,
               "intro": intro or [], **extra}
    return render(request, "web/edit.html", context, status=400 if form.errors else 200)
