"""Forms for the partnership's agencies and people."""

from __future__ import annotations

from typing import Any

from django import forms

from actionplan.plans.models import Agency, Partnership, User

from .forms import model_choices


class AgencyForm(forms.Form):
    name = forms.CharField(
        max_length=200, label="Name", error_messages={"required": "Enter the agency's name"}
    )
    aliases = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 4}), required=False, max_length=5_000,
        label="Other names plans use for it",
        help_text="One a line, for example \"RP\" or \"Riverton Constabulary\". A renamed agency keeps "
                  "its old name here.",
    )

    def clean_aliases(self) -> list[str]:
        return [line.strip() for line in self.cleaned_data["aliases"].splitlines() if line.strip()]


class MergeForm(forms.Form):
    target = forms.ModelChoiceField(
        Agency.objects.none(), label="Merge it into", empty_label="Choose an agency",
        help_text="Its actions and agency leads move there; its names become other names of that agency.",
        error_messages={"required": "Choose the agency to merge into"},
    )

    def __init__(self, *args: Any, source: Agency, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        model_choices(self, "target").queryset = source.partnership.agencies.exclude(pk=source.pk)


def agency_choices(form: forms.Form, partnership: Partnership) -> None:
    model_choices(form, "agencies").queryset = partnership.agencies.all()


class PersonForm(forms.Form):
    role = forms.ChoiceField(choices=User.Role.choices, widget=forms.RadioSelect, label="Role")
    agencies = forms.ModelMultipleChoiceField(
        Agency.objects.none(), required=False, widget=forms.CheckboxSelectMultiple,
        label="Agencies they lead", help_text="For agency leads: whose actions they update.",
    )
    active = forms.BooleanField(
        required=False, label="Can sign in", widget=forms.RadioSelect(choices=[(True, "Yes"), (False, "No")])
    )

    def __init__(self, *args: Any, partnership: Partnership, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        agency_choices(self, partnership)


class InviteForm(forms.Form):
    email = forms.EmailField(label="E-mail address", widget=forms.EmailInput(attrs={"autocomplete": "off"}),
                             error_messages={"required": "Enter their e-mail address",
                                             "invalid": "Enter an e-mail address like name@example.org"})
    first_name = forms.CharField(max_length=150, label="First name",
                                 error_messages={"required": "Enter their first name"})
    last_name = forms.CharField(
        max_length=150, label="Last name", error_messages={"required": "Enter their last name"}
    )
    role = forms.ChoiceField(choices=User.Role.choices, widget=forms.RadioSelect, label="Role",
                             error_messages={"required": "Choose their role"})
    agencies = forms.ModelMultipleChoiceField(
        Agency.objects.none(), required=False, widget=forms.CheckboxSelectMultiple,
        label="Agencies they lead", help_text="For agency leads: whose actions they update.",
    )

    def __init__(self, *args: Any, partnership: Partnership, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        agency_choices(self, partnership)
