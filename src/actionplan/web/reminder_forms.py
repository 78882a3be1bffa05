"""Forms for the meeting calendar and the partnership's reminder settings."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone

from actionplan.plans.models import User
from actionplan.reminders.calendar import as_at_meetings
from actionplan.reminders.models import EVENT_KINDS, KINDS, Meeting, ReminderSettings

from .edit_forms import DayField

WEEKDAYS = [(0, "Monday"), (1, "Tuesday"), (2, "Wednesday"), (3, "Thursday"), (4, "Friday"),
            (5, "Saturday"), (6, "Sunday")]


class MeetingForm(forms.ModelForm):
    class Meta:
        model = Meeting
        fields = ["name", "kind", "held_on", "papers_due"]
        labels = {"name": "Name of the meeting", "kind": "Kind of meeting"}
        help_texts = {"name": 'For example, "Board" or "Learning and Improvement sub-group"'}
        widgets = {"kind": forms.RadioSelect}

    held_on = DayField(label="Date of the meeting", required=True)
    papers_due = DayField(label="Papers deadline", required=True)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["name"].error_messages["required"] = "Enter the name of the meeting"


class DaysField(forms.CharField):
    """Whole numbers of days, separated by commas: "28, 7"."""

    def to_python(self, value: str | None) -> list[int]:  # type: ignore[override]  # a list, not a string
        text = super().to_python(value) or ""
        parts = [p.strip() for p in text.split(",") if p.strip()]
        if not all(p.isdigit() for p in parts):
            raise forms.ValidationError("Enter whole numbers of days separated by commas, like 28, 7")
        return [int(p) for p in parts]

    def prepare_value(self, value: object) -> object:
        return ", ".join(str(d) for d in value) if isinstance(value, list) else value


class ReminderSettingsForm(forms.ModelForm):
    class Meta:
        model = ReminderSettings
        fields = ["days_before_due", "not_updated_days", "papers_working_days", "digest_weekday", "mandatory"]
        labels = {
            "not_updated_days": "Days without an update before owners are reminded",
            "papers_working_days": "Working days before a papers deadline that updates are asked for",
        }
        help_texts = {
            "not_updated_days": "", "papers_working_days": "Weekends and bank holidays are not counted"
        }

    days_before_due = DaysField(
        label="Days before an action is due that its owners are reminded",
        help_text="Separate several with commas, like 28, 7",
        error_messages={"required": "Enter at least one number of days"},
    )
    mandatory = forms.MultipleChoiceField(
        choices=list(KINDS.items()), required=False, widget=forms.CheckboxSelectMultiple,
        label="E-mails everyone is sent, whatever they choose",
        help_text="Tick those nobody may turn off. People choose whether to get the others, "
        "each on their own “E-mails you get” page.",
    )
    digest_weekday = forms.TypedChoiceField(
        choices=WEEKDAYS, coerce=int, label="Day of the week admins get their digest",
        widget=forms.RadioSelect,
    )


class PreferencesForm(forms.Form):
    wanted = forms.MultipleChoiceField(
        choices=list(KINDS.items()), required=False, widget=forms.CheckboxSelectMultiple,
        label="E-mails you get", help_text="Untick those you do not want.",
    )
    daily = forms.MultipleChoiceField(
        choices=[(kind, KINDS[kind]) for kind in EVENT_KINDS], required=False,
        widget=forms.CheckboxSelectMultiple, label="How often: gather these into one e-mail a day",
        help_text="Ticked, they come together in the day's e-mail with your reminders rather than as "
        "they happen. Reminders and digests already come at most once a day.",
    )

    def __init__(self, *args: Any, mandatory: set[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # What the partnership requires is not offered: it is said on the page instead.
        wanted = self.fields["wanted"]
        assert isinstance(wanted, forms.MultipleChoiceField)
        wanted.choices = [(kind, label) for kind, label in KINDS.items() if kind not in mandatory]


def meeting_dates(user: User, chosen: str = "") -> list[dict[str, object]]:
    """The partnership's meeting dates as the report forms offer them for "as at": the items of
    a GOV.UK select, `chosen` selected (none when the partnership has no meetings)."""
    if not user.is_authenticated or user.partnership is None:
        return []
    offered = as_at_meetings(user.partnership, timezone.localdate())
    if not offered:
        return []
    none: dict[str, object] = {"value": "", "text": "No meeting chosen"}
    return [none] + [
        {"value": day.isoformat(), "text": label, "selected": day.isoformat() == chosen}
        for day, label in offered
    ]
