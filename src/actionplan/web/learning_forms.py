"""Forms of the learning pages: search with its filters, and tagging rows with themes."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models.functions import ExtractYear
from django.http import QueryDict

from actionplan.learning.search import Filters
from actionplan.learning.themes import themes_of
from actionplan.plans.models import Agency, Partnership, Plan, Recommendation, Review, Theme
from actionplan.plans.status import DeliveryStatus

from .forms import ThemeChoice, model_choices, theme_label


def years_of(partnership: Partnership) -> list[tuple[str, str]]:
    """The years the partnership's reviews were reported or its plans dated, newest first."""
    reviews = Review.objects.filter(partnership=partnership, reported_on__isnull=False)
    plans = Plan.objects.filter(partnership=partnership, as_at__isnull=False)
    years = {
        *reviews.annotate(y=ExtractYear("reported_on")).values_list("y", flat=True),
        *plans.annotate(y=ExtractYear("as_at")).values_list("y", flat=True),
    }
    return [(str(y), str(y)) for y in sorted(years, reverse=True)]


class SearchForm(forms.Form):
    q = forms.CharField(required=False, max_length=200, label="Search")
    review_kind = forms.ChoiceField(
        choices=[("", "Any kind of review"), *Review.Kind.choices], required=False, label="Review kind"
    )
    theme = ThemeChoice(queryset=Theme.objects.none(), required=False, empty_label="All themes")
    agency = forms.ModelChoiceField(
        queryset=Agency.objects.none(), required=False, empty_label="All agencies"
    )
    year = forms.TypedChoiceField(coerce=int, empty_value=None, required=False, choices=[])
    status = forms.ChoiceField(choices=[("", "Any status"), *DeliveryStatus.choices], required=False)

    def __init__(self, data: QueryDict | None, partnership: Partnership, **kwargs: Any) -> None:
        super().__init__(data, **kwargs)
        model_choices(self, "theme").queryset = themes_of(partnership)
        model_choices(self, "agency").queryset = partnership.agencies.all()
        year = self.fields["year"]
        assert isinstance(year, forms.TypedChoiceField)  # declared above
        year.choices = [("", "Any year"), *years_of(partnership)]

    def query(self) -> str:
        return self.cleaned_data["q"].strip() if self.is_valid() else ""

    def filters(self) -> Filters:
        if not self.is_valid():
            return Filters()
        data = self.cleaned_data
        return Filters(
            review_kind=data["review_kind"],
            theme=data["theme"].pk if data["theme"] else None,
            agency=data["agency"].pk if data["agency"] else None,
            year=data["year"],
            status=data["status"],
        )


class ThemeChoices(forms.ModelMultipleChoiceField):
    widget = forms.CheckboxSelectMultiple

    def label_from_instance(self, obj: Theme) -> str:
        return theme_label(obj)


class TaggingForm(forms.Form):
    """The themes of a recommendation and of each of its own actions."""

    def __init__(self, data: QueryDict | dict | None, rec: Recommendation, **kwargs: Any) -> None:
        super().__init__(data, **kwargs)
        themes = themes_of(rec.plan.partnership)
        self.fields["themes"] = ThemeChoices(
            themes, required=False, label="Themes of the recommendation", initial=list(rec.themes.all())
        )
        for action in rec.actions.all():
            self.fields[f"action_{action.pk}"] = ThemeChoices(
                themes,
                required=False,
                label=f"Themes of the action: {action.text[:120]}",
                initial=list(action.themes.all()),
            )

    def action_themes(self) -> dict[int, list[Theme]]:
        return {
            int(name.removeprefix("action_")): list(value)
            for name, value in self.cleaned_data.items()
            if name.startswith("action_")
        }


class ThemeForm(forms.Form):
    name = forms.CharField(max_length=200, label="Name of the theme in your framework")
    national = forms.ModelChoiceField(
        queryset=Theme.objects.filter(national=True),
        required=False,
        empty_label="Not mapped yet",
        label="National theme it maps to",
        help_text="So that your learning can be compared with the national analyses and other partnerships.",
    )
