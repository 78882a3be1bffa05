"""Each person's choice of the e-mails they get."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from actionplan.reminders.models import KINDS
from actionplan.reminders.preferences import gathered, mandatory, save_preferences, turned_off

from ..reminder_forms import PreferencesForm
from ..scoping import SignedInRequest, partnership_of
from .form_page import form_page


@login_required
@require_http_methods(["GET", "POST"])
def preferences(request: SignedInRequest) -> HttpResponse:
    person = request.user
    required = mandatory(partnership_of(request))
    off = turned_off(person)
    form = PreferencesForm(
        request.POST if request.method == "POST" else None,
        initial={"wanted": [kind for kind in KINDS if kind not in off], "daily": sorted(gathered(person))},
        mandatory=required,
    )

    def save(cleaned: dict) -> tuple[str, str]:
        save_preferences(person, set(cleaned["wanted"]), set(cleaned["daily"]))
        return "Your e-mail choices are saved", reverse("preferences")

    intro = ["You are only ever sent what concerns your own role and agencies."]
    if required:
        always = "; ".join(KINDS[kind].lower() for kind in KINDS if kind in required)
        intro.append(f"Your partnership always sends these: {always}.")
    return form_page(request, form, save, heading="E-mails you get", back=reverse("dashboard"),
                     submit="Save choices", intro=intro)
