"""Forms for writing plans in the app. They read what people type; the rules are in plans/."""

from __future__ import annotations

from typing import Any

from django import forms

from actionplan.plans.models import Action, Agency, Partnership, Plan, Recommendation, Review, User
from actionplan.plans.rag import Rag
from actionplan.plans.status import DeliveryStatus

from .forms import model_choices

DATE_FORMATS = ["%d/%m/%Y", "%d/%m/%y", "%Y-%m-%d", "%d %B %Y", "%d %b %Y"]


class DayField(forms.DateField):
    """A date typed the way UK boards write it: 31/3/2027 or 31 March 2027."""

    widget = forms.DateInput(format="%d/%m/%Y")

    def __init__(self, *, label: str, required: bool = False) -> None:
        super().__init__(
            label=label,
            required=required,
            input_formats=DATE_FORMATS,
            help_text="For example, 31/3/2027",
            error_messages={"invalid": f"Enter the {label.lower()} as day/month/year, like 31/3/2027",
                            "required": f"Enter the {label.lower()}"},
        )


def words(
    label: str, *, required: bool = True, long: bool = False, help_text: str = "", missing: str = ""
) -> forms.CharField:
    return forms.CharField(
        label=label, required=required, help_text=help_text, max_length=5_000 if long else 300,
        widget=forms.Textarea(attrs={"rows": 3}) if long else forms.TextInput,
        error_messages={"required": missing or f"Enter the {label.lower()}"},
    )


class ReviewForm(forms.ModelForm):
    class Meta:
        model = Review
        fields = ["code", "kind", "title", "pseudonym", "author", "reported_on", "published_on"]
        labels = {"code": "Code", "kind": "Kind of review", "title": "Title",
                  "pseudonym": "Subject's pseudonym", "author": "Author"}

    reported_on = DayField(label="Date reported")
    published_on = DayField(label="Date published (leave blank if not published)")

    why = words("Why it is changed", required=False, long=True, help_text="Kept in its history")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["code"].error_messages["required"] = "Enter the code the board knows the review by"
        if self.instance.pk is None:
            del self.fields["why"]


class PlanForm(forms.ModelForm):
    class Meta:
        model = Plan
        fields = ["title", "kind", "reviews", "as_at"]
        labels = {"kind": "Kind of plan", "reviews": "The reviews it answers"}
        widgets = {"reviews": forms.CheckboxSelectMultiple}

    as_at = DayField(label="Date of the plan")
    why = words("Why it is changed", required=False, long=True, help_text="Kept in its history")

    def __init__(self, *args: Any, partnership: Partnership, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        model_choices(self, "reviews").queryset = partnership.reviews.order_by("code")
        self.fields["reviews"].help_text = ""
        self.fields["title"].error_messages["required"] = "Enter the title of the plan"
        if self.instance.pk is None:
            del self.fields["why"]


class ReasonForm(forms.Form):
    reason = words("Reason", long=True, missing="Give the reason")


class RecommendationForm(forms.ModelForm):
    class Meta:
        model = Recommendation
        fields = ["ref", "outcome", "text", "decision", "decision_reason"]
        labels = {
            "ref": "Reference",
            "outcome": "Learning point or outcome",
            "text": "Recommendation",
            "decision": "The board's decision on it",
            "decision_reason": "Why it was not accepted in full",
        }
        help_texts = {"ref": 'As the review numbers it: "1.1"', "outcome": "", "decision_reason":
                      "Needed when not accepted or accepted in part: boards report these every year"}
        widgets = {
            "decision": forms.RadioSelect,
            "outcome": forms.Textarea(attrs={"rows": 2}),
            "text": forms.Textarea(attrs={"rows": 3}),
            "decision_reason": forms.Textarea(attrs={"rows": 2}),
        }

    why = words("Why it is changed", required=False, long=True, help_text="Kept in its history")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["text"].required = True
        self.fields["text"].error_messages["required"] = "Enter the recommendation"
        if self.instance.pk is None:  # a new recommendation has nothing to explain yet
            del self.fields["why"]


class PersonChoiceField(forms.ModelChoiceField):
    """A choice of people, each shown by name (or username when no name is known)."""

    def label_from_instance(self, obj: User) -> str:
        return obj.get_full_name() or obj.username


def owner_fields(form: forms.Form, partnership: Partnership) -> None:
    model_choices(form, "owner").queryset = partnership.agencies.all()
    people = User.objects.filter(partnership=partnership, is_active=True)
    model_choices(form, "owner_person").queryset = people


class OwnerForm(forms.Form):
    owner = forms.ModelChoiceField(Agency.objects.none(), required=False, label="Owner agency",
                                   empty_label="No agency")
    owner_role = words(
        "Owner role, as the plan writes it", required=False, help_text='For example, "Named Nurse"'
    )
    owner_person = PersonChoiceField(User.objects.none(), required=False, label="Named person",
                                     empty_label="Nobody named")

    def __init__(self, *args: Any, partnership: Partnership, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        owner_fields(self, partnership)


class NewActionForm(OwnerForm):
    text = words("Action", long=True)
    due_date = DayField(label="Due date")
    measure = words("Success measure or audit of implementation", required=False, long=True)
    field_order = ["text", "owner", "owner_role", "owner_person", "due_date", "measure"]


class ReassignForm(OwnerForm):
    joint_owners = forms.ModelMultipleChoiceField(
        Agency.objects.none(), required=False, widget=forms.CheckboxSelectMultiple, label="With",
        help_text="Other agencies that own the action with the owner agency: their leads update it too.",
    )
    reason = words("Why it is reassigned", long=True, missing="Say why the action is reassigned")
    version = forms.IntegerField(widget=forms.HiddenInput)
    field_order = ["owner", "joint_owners", "owner_role", "owner_person", "reason", "version"]

    def __init__(self, *args: Any, partnership: Partnership, **kwargs: Any) -> None:
        super().__init__(*args, partnership=partnership, **kwargs)
        model_choices(self, "joint_owners").queryset = partnership.agencies.all()


class ActionEditForm(forms.Form):
    text = words("Action", long=True)
    measure = words("Success measure or audit of implementation", required=False, long=True)
    why = words("Why it is changed", required=False, long=True)
    version = forms.IntegerField(widget=forms.HiddenInput)


class RevisedDueForm(forms.Form):
    revised_due = DayField(label="Revised due date", required=True)
    reason = words("Why the due date is revised", long=True, missing="Say why the due date is revised")
    version = forms.IntegerField(widget=forms.HiddenInput)


class RecommendationProgressForm(forms.Form):
    text = words("What has happened since the last update?", long=True,
                 missing="Enter what has happened since the last update")
    status = forms.ChoiceField(choices=DeliveryStatus.choices, label="Delivery status")
    rag = forms.ChoiceField(choices=[("", "Work it out from the status"), *Rag.choices], required=False,
                            label="RAG rating")
    reason = words("Reason (needed when slipped or not achieved)", required=False, long=True)


class BulkForm(forms.Form):
    actions = forms.ModelMultipleChoiceField(
        Action.objects.none(), widget=forms.MultipleHiddenInput,
        error_messages={"required": "Choose one or more actions on the list of actions"},
    )
    status = forms.ChoiceField(choices=[("", "No change"), *DeliveryStatus.choices], required=False,
                               label="Delivery status")
    owner = forms.ModelChoiceField(Agency.objects.none(), required=False, label="Owner agency",
                                   empty_label="No change")
    revised_due = DayField(label="Revised due date (needed when slipping)")
    reason = words("Reason for the change", long=True, missing="Give the reason for the change",
                   help_text="Kept in the history of each action")

    def __init__(self, *args: Any, partnership: Partnership, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        model_choices(self, "actions").queryset = Action.objects.filter(
            recommendation__plan__partnership=partnership
        )
        model_choices(self, "owner").queryset = partnership.agencies.all()
