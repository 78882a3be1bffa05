"""Forms of the pages: they turn what people type into the values the rules take."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.files.uploadedfile import UploadedFile
from django.http import QueryDict

from actionplan.plans.finder import ActionCriteria
from actionplan.plans.models import Agency, Partnership, Plan, Theme
from actionplan.plans.rag import Rag
from actionplan.plans.status import DeliveryStatus

MAX_EVIDENCE_BYTES = 10 * 2**20
# What evidence may be: documents and pictures people already share, never executable content.
EVIDENCE_TYPES = {
    ".pdf": b"%PDF",
    ".docx": b"PK\x03\x04",
    ".xlsx": b"PK\x03\x04",
    ".pptx": b"PK\x03\x04",
    ".png": b"\x89PNG",
    ".jpg": b"\xff\xd8\xff",
    ".jpeg": b"\xff\xd8\xff",
    ".txt": b"",
    ".csv": b"",
}


def model_choices(form: forms.BaseForm, name: str) -> forms.ModelChoiceField:
    """The form's own copy of a field declared as a ModelChoiceField (or a multiple one), whose
    queryset the page narrows to the partnership: `form.fields` is typed as plain fields."""
    field = form.fields[name]
    assert isinstance(field, forms.ModelChoiceField), f"{name} is declared as a ModelChoiceField"
    return field


def theme_label(theme: Theme) -> str:
    """A theme as a list offers it: a theme of the partnership's framework says so, and what it
    maps to, because its name is often a national theme's too ("Information sharing")."""
    if theme.national:
        return theme.name
    mapped = theme.maps_to.name if theme.maps_to and theme.maps_to.name != theme.name else ""
    return f"{theme.name} (our framework{'; ' + mapped if mapped else ''})"


MAX_PLANS_TO_CHOOSE = 300


class ReadAtOnce(forms.models.ModelChoiceIterator):
    """The choices in one plain query, kept for the rest of the request. Django reads them through
    `.iterator()`, which on PostgreSQL is a server-side cursor: three round trips (DECLARE, FETCH,
    CLOSE) for a list of a few dozen agencies or themes, on every page with filters."""

    def __iter__(self) -> Any:
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        for found in self.queryset:
            yield self.choice(found)


class FilterChoice(forms.ModelChoiceField):
    """A filter of a list: a short list of the partnership's rows."""

    iterator = ReadAtOnce


class ThemeChoice(FilterChoice):
    def label_from_instance(self, obj: Theme) -> str:
        return theme_label(obj)


class ActionFilterForm(forms.Form):
    plan = FilterChoice(queryset=Plan.objects.none(), required=False, empty_label="All plans")
    agency = FilterChoice(queryset=Agency.objects.none(), required=False, empty_label="All agencies")
    theme = ThemeChoice(queryset=Theme.objects.none(), required=False, empty_label="All themes")
    status = forms.ChoiceField(choices=[("", "Any status"), *DeliveryStatus.choices], required=False)
    rag = forms.ChoiceField(
        choices=[("", "Any RAG rating"), *Rag.choices], required=False, label="RAG rating"
    )
    overdue = forms.BooleanField(required=False, label="Overdue only")
    due_soon = forms.BooleanField(required=False)
    stale = forms.BooleanField(required=False)
    awaiting_assurance = forms.BooleanField(required=False)

    def __init__(
        self, data: QueryDict | None, partnership: Partnership, *, plan_chosen: bool = False, **kwargs: Any
    ) -> None:
        """`plan_chosen`: the page is a plan's own, which gives the plan itself."""
        super().__init__(data, **kwargs)
        choices = {
            "plan": partnership.plans.all(),
            "agency": partnership.agencies.all(),
            # The partnership's own learning themes and the national list.
            "theme": Theme.objects.filter(Theme.seen_by(partnership)).select_related("maps_to"),
        }
        for name, queryset in choices.items():
            model_choices(self, name).queryset = queryset
        if plan_chosen:
            del self.fields["plan"]
        # A list of thousands of plans helps nobody choose and weighs a megabyte on every page:
        # past a few hundred, the plan comes only from a link (the dashboard's, a plan page's).
        elif choices["plan"].count() > MAX_PLANS_TO_CHOOSE:
            self.fields["plan"].widget = forms.HiddenInput()

    def criteria(self) -> ActionCriteria:
        """The filters as the finder takes them. A value that is not valid (an agency removed
        since a link was shared) is left out; the other filters still apply."""
        self.is_valid()
        data = self.cleaned_data

        def pk(name: str) -> int | None:
            return data[name].pk if data.get(name) else None

        return ActionCriteria(
            plan=pk("plan"),
            agency=pk("agency"),
            theme=pk("theme"),
            status=data.get("status", ""),
            rag=data.get("rag", ""),
            overdue=data.get("overdue", False),
            due_soon=data.get("due_soon", False),
            stale=data.get("stale", False),
            awaiting_assurance=data.get("awaiting_assurance", False),
        )


class ProgressForm(forms.Form):
    text = forms.CharField(
        widget=forms.Textarea,
        label="Progress update",
        max_length=10_000,
        error_messages={"required": "Enter what has happened since the last update"},
    )
    status = forms.ChoiceField(
        choices=[("", "No change"), *DeliveryStatus.choices],
        required=False,
        label="Change the delivery status",
    )
    revised_due = forms.DateField(
        required=False,
        label="Revised due date",
        input_formats=["%d/%m/%Y", "%d/%m/%y", "%Y-%m-%d"],
        error_messages={"invalid": "Enter the revised due date as day/month/year"},
    )
    reason = forms.CharField(
        widget=forms.Textarea,
        required=False,
        max_length=5_000,
        label="Reason (needed when slipping, not achieved or reopening)",
    )
    replaced_by = forms.IntegerField(required=False, label="Replacing action number (when superseded)")
    version = forms.IntegerField(widget=forms.HiddenInput)


class EvidenceForm(forms.Form):
    description = forms.CharField(max_length=500, error_messages={"required": "Describe the evidence"})
    file = forms.FileField(required=False)
    link = forms.URLField(required=False, assume_scheme="https")

    def clean_file(self) -> UploadedFile | None:
        upload = self.cleaned_data.get("file")
        if upload is None:
            return None
        name = upload.name or ""
        suffix = "." + name.rsplit(".", 1)[-1].lower() if "." in name else ""
        if suffix not in EVIDENCE_TYPES:
            raise forms.ValidationError(
                "The file must be a PDF, Word, Excel, PowerPoint, PNG, JPEG, text or CSV file"
            )
        if upload.size > MAX_EVIDENCE_BYTES:
            raise forms.ValidationError(f"The file must be smaller than {MAX_EVIDENCE_BYTES // 2**20} MB")
        head = upload.read(8)
        upload.seek(0)
        if not head.startswith(EVIDENCE_TYPES[suffix]):
            raise forms.ValidationError("The file's contents do not match its type")
        return upload

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if not cleaned.get("file") and not cleaned.get("link") and not self.errors:
            raise forms.ValidationError("Attach a file or give a link")
        return cleaned


class EvidenceDecisionForm(forms.Form):
    decision = forms.ChoiceField(
        choices=[("accept", "Accept"), ("reject", "Reject")],
        error_messages={"required": "Choose whether to accept or reject the evidence"},
    )
    reason = forms.CharField(widget=forms.Textarea, required=False, max_length=5_000)
