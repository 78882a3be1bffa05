"""What reminders need stored: each partnership's choices, its meetings, and every notice sent."""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.db import models

from actionplan.plans.models import Action, Partnership, Recommendation


def spoken(day: date) -> str:
    """A date as a letter writes it: 9 December 2026."""
    return f"{day.day} {day:%B %Y}"


def default_days_before_due() -> list[int]:
    return [28, 7]


def default_mandatory() -> list[str]:
    return ["overdue"]


# Every kind of e-mail a person may be sent, in the words of the preferences page.
KINDS: dict[str, str] = {
    "due_soon": "Before an action of yours is due",
    "overdue": "When an action of yours becomes overdue",
    "not_updated": "When an action of yours has had no update for a while",
    "updates_wanted": "Before a meeting's papers deadline, the actions wanting an update",
    "digest": "The weekly digest (partnership admins)",
    "evidence_decided": "When evidence is accepted or rejected",
    "action_assigned": "When an action is given to your agency",
    "due_revised": "When the due date of an action of yours is revised",
    "plan_imported": "When a plan with actions for your agency is imported",
    "status_slipped": "When an action of yours slips (for admins, any action of the partnership)",
    "plan_updated": "When an updated version of a plan with actions for your agency is applied",
}
# The kinds told as they happen; each person may have them gathered into one e-mail a day instead
# (the reminders above are worked out once a day, so they come in that day's e-mail anyway).
EVENT_KINDS = ("evidence_decided", "action_assigned", "due_revised", "plan_imported", "status_slipped",
               "plan_updated")


class Preferences(models.Model):
    """The kinds of e-mail a person has turned off (those the partnership makes mandatory aside)."""

    person = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    turned_off = models.JSONField(default=list, blank=True)
    daily = models.JSONField(
        default=list, blank=True,
        help_text="Kinds told as they happen that this person gets once a day instead.",
    )

    class Meta:
        verbose_name_plural = "preferences"

    def __str__(self) -> str:
        return f"Preferences of {self.person}"


class ReminderSettings(models.Model):
    """When a partnership's owners are reminded. A partnership without a row has the defaults."""

    partnership = models.OneToOneField(
        Partnership, on_delete=models.CASCADE, related_name="reminder_settings"
    )
    days_before_due = models.JSONField(
        default=default_days_before_due, help_text="Remind owners this many days before an action is due."
    )
    not_updated_days = models.PositiveSmallIntegerField(
        default=60, help_text="Remind owners when an open action has had no update for this many days."
    )
    papers_working_days = models.PositiveSmallIntegerField(
        default=10, help_text="Ask for updates this many working days before a meeting's papers deadline."
    )
    digest_weekday = models.PositiveSmallIntegerField(
        default=0, help_text="The day of the week admins get their digest (0 Monday … 6 Sunday)."
    )
    mandatory = models.JSONField(
        default=default_mandatory, blank=True, help_text="Kinds of notice people may not turn off."
    )

    class Meta:
        verbose_name_plural = "reminder settings"

    def __str__(self) -> str:
        return f"Reminders for {self.partnership}"

    @classmethod
    def of(cls, partnership: Partnership) -> ReminderSettings:
        """The partnership's settings, or the defaults (unsaved) when it has chosen none."""
        found = cls.objects.filter(partnership=partnership).first()
        return found or cls(partnership=partnership)


class Meeting(models.Model):
    """A board or sub-group meeting, whose papers deadline owners' updates must meet."""

    class Kind(models.TextChoices):
        BOARD = "board", "Board"
        SUB_GROUP = "sub_group", "Sub-group"

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="meetings")
    name = models.CharField(max_length=200)
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.BOARD)
    held_on = models.DateField()
    papers_due = models.DateField(help_text="The day updates and papers must be in.")

    class Meta:
        ordering = ["held_on", "name"]

    def __str__(self) -> str:
        return f"{self.name} ({spoken(self.held_on)})"


class Notice(models.Model):
    """One thing one person is told, once.

    `key` names the occasion (kind, action or meeting, and the date it concerns); it is unique
    per person, so a notice is never created twice. A runner sends a notice only after claiming
    it with an UPDATE … WHERE state = 'pending' that changed one row: two runners never send the
    same notice, and a notice marked sent is never sent again."""

    class Kind(models.TextChoices):
        DUE_SOON = "due_soon", "Due soon"
        OVERDUE = "overdue", "Overdue"
        NOT_UPDATED = "not_updated", "Not updated"
        UPDATES_WANTED = "updates_wanted", "Updates wanted for a meeting"
        DIGEST = "digest", "Weekly digest"
        EVIDENCE_DECIDED = "evidence_decided", "Evidence decided"
        ACTION_ASSIGNED = "action_assigned", "Action given to an agency"
        DUE_REVISED = "due_revised", "Due date revised"
        PLAN_IMPORTED = "plan_imported", "Plan imported"
        STATUS_SLIPPED = "status_slipped", "Action slipped"
        PLAN_UPDATED = "plan_updated", "Updated version of a plan applied"

    class State(models.TextChoices):
        PENDING = "pending", "Pending"
        SENDING = "sending", "Being sent"
        SENT = "sent", "Sent"
        WITHDRAWN = "withdrawn", "Not sent: no longer due"
        FAILED = "failed", "Not sent: the e-mail server refused it every time"

    recipient = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notices")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    key = models.CharField(max_length=100)
    action = models.ForeignKey(Action, on_delete=models.CASCADE, null=True, blank=True, related_name="+")
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, null=True, blank=True, related_name="+")
    # What it is about when not an action: a recommendation tracked on its own (no actions).
    recommendation = models.ForeignKey(
        Recommendation, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    concerns_date = models.DateField(help_text="The due date, last update or deadline it speaks of.")
    detail = models.TextField(blank=True, help_text="What the e-mail says of it, beyond the action.")
    state = models.CharField(max_length=10, choices=State.choices, default=State.PENDING)
    claimed_by = models.CharField(max_length=40, blank=True)
    claimed_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    # What an event's e-mail is headed (reminders are headed by their kind).
    subject = models.CharField(max_length=300, blank=True)
    heading = models.CharField(max_length=300, blank=True)
    # Sending that failed: tried again after retry_after, up to a bounded number of attempts.
    attempts = models.PositiveSmallIntegerField(default=0)
    retry_after = models.DateTimeField(null=True, blank=True)
    last_error = models.CharField(max_length=300, blank=True)
    # Shown in the app whatever became of the e-mail; read once its person has marked it so.
    read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["recipient", "kind", "concerns_date"]
        constraints = [models.UniqueConstraint(fields=["recipient", "key"], name="notice_once_per_person")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} to {self.recipient} ({self.key})"
