"""The partnership and what it owns beside its plans: agencies, themes and reviews."""

from __future__ import annotations

import re

from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from ..rag import RagThresholds


class Partnership(models.Model):
    name = models.CharField(max_length=200, unique=True)
    amber_within_days = models.PositiveSmallIntegerField(
        default=28, help_text="An action turns amber when it is due within this many days."
    )
    stale_after_days = models.PositiveSmallIntegerField(
        default=90, help_text="An open action with no update for this many days is stale."
    )
    # Names change; a past report shows them as they were (so do agencies, themes, reviews, plans).
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    @property
    def rag_thresholds(self) -> RagThresholds:
        return RagThresholds(amber_within_days=self.amber_within_days)


def normalise_name(name: str) -> str:
    """Compare agency names the way a person would: case, punctuation and spacing aside."""
    return re.sub(r"[^a-z0-9]+", " ", name.lower()).strip()


class Agency(models.Model):
    """An organisation that owns actions. Aliases are other names documents use for it."""

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="agencies")
    name = models.CharField(max_length=200)
    aliases = models.JSONField(default=list, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "agencies"
        constraints = [models.UniqueConstraint(fields=["partnership", "name"], name="agency_unique_name")]

    def __str__(self) -> str:
        return self.name

    def names(self) -> list[str]:
        return [normalise_name(n) for n in [self.name, *self.aliases] if normalise_name(n)]

    def is_called(self, text: str) -> bool:
        return normalise_name(text) in self.names()

    def is_named_in(self, text: str) -> bool:
        """True when the wording mentions the agency: "Public Protection (Derbyshire Police)"."""
        padded = f" {normalise_name(text)} "
        return any(f" {name} " in padded for name in self.names())


class Theme(models.Model):
    """A learning theme of one partnership, or of the national list every partnership shares.

    A national theme says so: a theme saved with no partnership by mistake is seen by no one,
    rather than by every partnership."""

    partnership = models.ForeignKey(
        Partnership, on_delete=models.CASCADE, null=True, blank=True, related_name="themes"
    )
    name = models.CharField(max_length=200)
    national = models.BooleanField(default=False, help_text="On the national list every partnership sees.")
    # A partnership's own theme stands for one of the national list, so its learning can be
    # compared with other partnerships' and with the national analyses.
    maps_to = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="local_themes",
        limit_choices_to={"national": True}, help_text="The national theme this one maps to.",
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(national=False) | Q(partnership__isnull=True),
                name="theme_national_has_no_partnership",
            )
        ]

    def __str__(self) -> str:
        return self.name

    @staticmethod
    def seen_by(partnership: Partnership) -> Q:
        """The themes a partnership works with: its own and the national list."""
        return Q(partnership=partnership) | Q(partnership=None, national=True)


class Review(models.Model):
    class Kind(models.TextChoices):
        SCR = "scr", "Serious Case Review"
        CSPR_LOCAL = "cspr_local", "Local Child Safeguarding Practice Review"
        CSPR_NATIONAL = "cspr_national", "National Child Safeguarding Practice Review"
        RAPID_REVIEW = "rapid_review", "Rapid Review"
        SAR = "sar", "Safeguarding Adult Review"
        DHR = "dhr", "Domestic Homicide Review"
        DARDR = "dardr", "Domestic Abuse Related Death Review"
        S11_AUDIT = "s11_audit", "Section 11 audit"
        OTHER = "other", "Other"

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="reviews")
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.SCR)
    code = models.CharField(max_length=50, help_text='How the board refers to it: "BN09", "Child M".')
    title = models.CharField(max_length=300, blank=True)
    pseudonym = models.CharField(
        "subject's pseudonym", max_length=200, blank=True,
        help_text='The name the review gives its subject: "Child T", "Adult B".')
    author = models.CharField(
        max_length=300, blank=True, help_text="Who wrote the review: the independent reviewer.")
    started_on = models.DateField(null=True, blank=True)
    reported_on = models.DateField(null=True, blank=True)
    published_on = models.DateField(null=True, blank=True)
    published = models.BooleanField(default=False)
    history = HistoricalRecords(history_change_reason_field=models.TextField(null=True))

    class Meta:
        ordering = ["code"]
        constraints = [models.UniqueConstraint(fields=["partnership", "code"], name="review_unique_code")]

    def __str__(self) -> str:
        return f"{self.code} ({self.get_kind_display()})"
