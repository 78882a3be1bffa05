"""The "as at" day a person asks the dashboard or a report for: typed, or one of the
partnership's meeting dates chosen from a list (never both, unless they are the same day)."""

from __future__ import annotations

from datetime import date
from typing import Any

from django import forms

from actionplan.reports.scope import ScopeError, check_as_at

DATE_FORMATS = ["%d/%m/%Y", "%d/%m/%y", "%Y-%m-%d", "%d %B %Y", "%d %b %Y"]


class AsAtForm(forms.Form):
    as_at = forms.DateField(
        required=False,
        input_formats=DATE_FORMATS,
        error_messages={"invalid": "Enter the as at date as day/month/year, for example 31/3/2026"},
    )
    meeting = forms.CharField(required=False)  # a meeting's date offered beside the typed one

    @property
    def problem(self) -> str | None:
        """What is wrong with the day asked for, said once, beside the date field."""
        return next((str(messages[0]) for messages in self.errors.values()), None)

    def clean(self) -> dict[str, Any]:
        """A meeting chosen is the as at date; a date typed as well must be the same day; the
        day must be one the history can answer for."""
        data = super().clean() or {}
        chosen = meeting_day(data.get("meeting") or "")
        if chosen is None and data.get("meeting"):
            self.add_error("as_at", "Choose a meeting from the list")
        elif chosen is not None and data.get("as_at") not in (None, chosen):
            self.add_error("as_at", "Enter an as at date or choose a meeting, not both")
        elif chosen is not None:
            data["as_at"] = chosen
        if data.get("as_at") is not None and "as_at" not in self.errors:
            try:
                check_as_at(data["as_at"])
            except ScopeError as error:
                self.add_error("as_at", str(error)[:1].upper() + str(error)[1:])
        return data


def meeting_day(value: str) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None
