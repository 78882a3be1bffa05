"""What happens to an action over time: progress updates and the evidence behind them."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.db.models.functions import Coalesce
from simple_history.models import HistoricalRecords

from ..rag import Rag
from ..status import DeliveryStatus
from .action import Action


class RecordIsFinal(ValueError):
    """Progress updates and evidence are the board's record: added, never changed or deleted."""


class ProgressUpdate(models.Model):
    """A dated note from the owner, with the status and RAG the action had once it was posted.

    A mistake is put right by a new entry, never by changing the old one: a correction (its
    text replaces the corrected update's from the day it is posted) or a withdrawal (of an
    update or of evidence), each saying why."""

    class Kind(models.TextChoices):
        UPDATE = "update", "Progress update"
        CORRECTION = "correction", "Correction"
        WITHDRAWAL = "withdrawal", "Withdrawal"

    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="updates")
    written_on = models.DateField()
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    author_name = models.CharField(max_length=200, blank=True, help_text="For imported updates.")
    text = models.TextField()
    status = models.CharField(max_length=20, choices=DeliveryStatus.choices)
    rag = models.CharField(max_length=10, choices=Rag.choices, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    kind = models.CharField(max_length=12, choices=Kind.choices, default=Kind.UPDATE)
    # What a correction or withdrawal puts right: an earlier update, or a piece of evidence.
    corrects = models.ForeignKey(
        "self", on_delete=models.CASCADE, null=True, blank=True, related_name="corrections"
    )
    withdraws = models.ForeignKey(
        "Evidence", on_delete=models.CASCADE, null=True, blank=True, related_name="withdrawals"
    )
    reason = models.TextField(blank=True, help_text="Why the earlier entry is corrected or withdrawn.")
    history = HistoricalRecords()

    class Meta:
        ordering = ["action", "-written_on", "-id"]
        # An action's newest update, read for "not updated for N days" and the latest progress.
        indexes = [models.Index(fields=["action", "-written_on", "-id"], name="update_newest_first")]
        constraints = [
            # An update stands alone; a correction names the update it corrects; a withdrawal
            # names the one update or piece of evidence it withdraws.
            models.CheckConstraint(
                condition=models.Q(kind="update", corrects__isnull=True, withdraws__isnull=True)
                | models.Q(kind="correction", corrects__isnull=False, withdraws__isnull=True)
                | models.Q(kind="withdrawal", corrects__isnull=False, withdraws__isnull=True)
                | models.Q(kind="withdrawal", corrects__isnull=True, withdraws__isnull=False),
                name="update_names_what_it_corrects",
            )
        ]

    def __str__(self) -> str:
        return f"{self.written_on}: {self.text[:60]}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            raise RecordIsFinal("a progress update is never changed: post one that says what it corrects")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise RecordIsFinal("a progress update is never deleted: post one that says what it corrects")


class Evidence(models.Model):
    """A file or link offered to show an action was done (or a recommendation tracked without
    actions), and the scrutineer's decision on it."""

    class Decision(models.TextChoices):
        PENDING = "pending", "Awaiting assurance"
        ACCEPTED = "accepted", "Accepted"
        REJECTED = "rejected", "Rejected"

    action = models.ForeignKey(
        Action, on_delete=models.CASCADE, related_name="evidence", null=True, blank=True
    )
    recommendation = models.ForeignKey(
        "plans.Recommendation", on_delete=models.CASCADE, related_name="evidence", null=True, blank=True
    )
    description = models.TextField()
    file = models.FileField(upload_to="evidence/%Y/%m/", blank=True)
    link = models.URLField(blank=True)
    sha256 = models.CharField(max_length=64, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    submitted_at = models.DateTimeField()
    decision = models.CharField(max_length=10, choices=Decision.choices, default=Decision.PENDING)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    decision_reason = models.TextField(blank=True)
    # A recommendation's evidence, withdrawn: marked here, once (a recommendation has no timeline
    # of entries; an action's evidence is withdrawn by a progress entry, `withdrawals`). Either
    # way, `not_withdrawn` and `is_withdrawn` are where it is read.
    withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    withdrawn_at = models.DateTimeField(null=True, blank=True)
    withdrawal_reason = models.TextField(blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["action", "-submitted_at"]
        verbose_name_plural = "evidence"
        constraints = [
            # Evidence is for one thing: an action, or a recommendation that has none.
            models.CheckConstraint(
                condition=models.Q(action__isnull=False, recommendation__isnull=True)
                | models.Q(action__isnull=True, recommendation__isnull=False),
                name="evidence_for_an_action_or_a_recommendation",
            )
        ]

    def __str__(self) -> str:
        return self.description[:80]

    # What the submitter gave; fixed once saved. The decision is made once, from pending.
    SUBMITTED = (
        "action_id", "recommendation_id", "description", "file", "link", "sha256", "submitted_by_id",
        "submitted_at",
    )  # fmt: skip
    DECIDED = ("decision", "decided_by_id", "decided_at", "decision_reason")
    WITHDRAWN = ("withdrawn_by_id", "withdrawn_at", "withdrawal_reason")

    @property
    def is_withdrawn(self) -> bool:
        """Withdrawn, on its own fields (a recommendation's) or by a progress entry (an action's)."""
        return self.withdrawn_at is not None or self.withdrawals.exists()

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            stored = type(self).objects.get(pk=self.pk)
            changed = [f for f in self.SUBMITTED if getattr(stored, f) != getattr(self, f)]
            if stored.decision != self.Decision.PENDING:
                changed += [f for f in self.DECIDED if getattr(stored, f) != getattr(self, f)]
            if stored.withdrawn_at is not None:
                changed += [f for f in self.WITHDRAWN if getattr(stored, f) != getattr(self, f)]
            if changed:
                raise RecordIsFinal(f"evidence is never changed once given or decided ({', '.join(changed)})")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise RecordIsFinal("evidence is never deleted: add new evidence that says what it corrects")


def in_force(updates: models.QuerySet[ProgressUpdate]) -> models.QuerySet[ProgressUpdate]:
    """The progress an action stands on: updates, not the entries correcting or withdrawing
    them, and none that was withdrawn."""
    withdrawn = ProgressUpdate.objects.filter(
        corrects=models.OuterRef("pk"), kind=ProgressUpdate.Kind.WITHDRAWAL
    )
    return updates.filter(kind=ProgressUpdate.Kind.UPDATE).exclude(models.Exists(withdrawn))


def not_withdrawn(evidence: models.QuerySet[Evidence]) -> models.QuerySet[Evidence]:
    """The evidence not withdrawn: what assurance may rest on. A piece is withdrawn in one of two
    ways, by a progress entry on its action's timeline or on its own fields when it is a
    recommendation's (which has no timeline); only the one can ever be set, so both are tested
    for every piece and one rule serves actions and recommendations alike."""
    return evidence.filter(withdrawals__isnull=True, withdrawn_at=None)


def as_corrected(updates: models.QuerySet[ProgressUpdate]) -> models.QuerySet[ProgressUpdate]:
    """Each update with `shown_text`: the words of its newest correction, or its own."""
    newest = ProgressUpdate.objects.filter(
        corrects=models.OuterRef("pk"), kind=ProgressUpdate.Kind.CORRECTION
    ).order_by("-written_on", "-id")
    return updates.annotate(shown_text=Coalesce(models.Subquery(newest.values("text")[:1]), "text"))
