"""Django's password views (change your own, reset by e-mail, set from an invitation), drawn in
GOV.UK style with one template."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib.auth import views as auth_views
from django.http import HttpResponseBase
from django.urls import path, reverse_lazy
from django.views import View

TEMPLATE = "web/auth_form.html"


def page(
    view: type[View[Any]], heading: str, submit: str = "", intro: tuple[str, ...] = (), **extra: object
) -> Callable[..., HttpResponseBase]:
    """One of Django's views drawn with the one template, its heading and words given here."""
    context = {"heading": heading, "submit": submit, "intro": intro, **extra}
    return view.as_view(template_name=TEMPLATE, extra_context=context)


password_urls = [
    path(
        "account/password/",
        page(auth_views.PasswordChangeView, "Change your password", "Change password"),
        name="password_change",
    ),
    path(
        "account/password/changed/",
        page(auth_views.PasswordChangeDoneView, "Your password has been changed",
             done_link=reverse_lazy("dashboard"), done_text="Go to the dashboard"),
        name="password_change_done",
    ),
    path(
        "password-reset/",
        auth_views.PasswordResetView.as_view(
            template_name=TEMPLATE,
            email_template_name="web/email/password_reset.txt",
            subject_template_name="web/email/password_reset_subject.txt",
            extra_context={"heading": "Reset your password", "submit": "Send me a link",
                           "intro": ["Enter the e-mail address of your account. We will send you a link "
                                     "to choose a new password."]},
        ),
        name="password_reset",
    ),
    path(
        "password-reset/sent/",
        page(auth_views.PasswordResetDoneView, "Check your e-mail",
             intro=("If the address has an account, a link to choose a new password is on its way. "
                    "It works once.",)),
        name="password_reset_done",
    ),
    path(
        "password-reset/<uidb64>/<token>/",
        page(auth_views.PasswordResetConfirmView, "Choose your password", "Save password"),
        name="password_reset_confirm",
    ),
    path(
        "password-reset/done/",
        page(auth_views.PasswordResetCompleteView, "Your password has been set",
             done_link=reverse_lazy("login"), done_text="Sign in"),
        name="password_reset_complete",
    ),
]
