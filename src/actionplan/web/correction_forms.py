"""Forms for putting the record right: a correction of an update, a withdrawal with its reason."""

from __future__ import annotations

from django import forms

from .edit_forms import words


class CorrectionForm(forms.Form):
    text = words("Corrected update", long=True, help_text="The whole update as it should read.")
    reason = words("Why it is corrected", help_text="For example, 14 staff were trained, not 40.",
                   missing="Say why the update is corrected")


class WithdrawalForm(forms.Form):
    reason = words("Why it is withdrawn", help_text="For example, posted on the wrong action.",
                   missing="Say why it is withdrawn")
