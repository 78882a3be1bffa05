"""A plan as the board wrote it: sections holding recommendations (or objectives, learning points)."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db import models, transaction
from simple_history.models import HistoricalRecords

from ..assurance import AssuranceStatus
from ..rag import Rag, RagThresholds
from ..rollup import RolledUp, roll_up
from ..status import DeliveryStatus
from .partnership import Partnership, Review, Theme


class Plan(models.Model):
    class Kind(models.TextChoices):
        REVIEW_ACTION_PLAN = "review_action_plan", "Review action plan"
        COMPOSITE_ACTION_PLAN = "composite_action_plan", "Composite action plan"
        WORKPLAN = "workplan", "Workplan"
        IMPROVEMENT_PLAN = "improvement_plan", "Improvement plan"

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="plans")
    title = models.CharField(max_length=300)
    kind = models.CharField(max_length=30, choices=Kind.choices, default=Kind.REVIEW_ACTION_PLAN)
    reviews = models.ManyToManyField(Review, blank=True, related_name="plans")
    as_at = models.DateField(null=True, blank=True, help_text="The date the source document speaks of.")
    source_name = models.CharField(max_length=300, blank=True)
    source_sha256 = models.CharField(max_length=64, blank=True, db_index=True)
    created_at = models.DateTimeField(auto_now_add=True)
    # A closed plan leaves the dashboard's live counts; it stays readable, searchable and reportable.
    closed_on = models.DateField(null=True, blank=True)
    closed_reason = models.TextField(blank=True)
    history = HistoricalRecords(history_change_reason_field=models.TextField(null=True))

    class Meta:
        ordering = ["title"]
        constraints = [
            # The same document is imported once per partnership (a re-import replaces it).
            models.UniqueConstraint(
                fields=["partnership", "source_sha256"],
                condition=~models.Q(source_sha256=""),
                name="plan_unique_source",
            )
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_closed(self) -> bool:
        return self.closed_on is not None

    def lock_actions(self) -> None:
        """Wait for the changes in flight to the plan's actions, and hold back those to come
        until the caller's transaction ends: every change to an action locks it first
        (`stamping.locked`). Taken in id order, so that two takers of them queue."""
        from .action import Action  # it imports this module

        of_plan = Action.objects.filter(recommendation__in=self.recommendations.values("pk"))
        list(of_plan.select_for_update().order_by("pk").values_list("pk", flat=True))

    def delete(self, *args: Any, **kwargs: Any) -> Any:
        """The plan and all it holds. Its actions are locked before any row is read to be
        deleted: an update written meanwhile is then either written first, and deleted with
        them, or finds its action gone. Unlocked, PostgreSQL deleted the actions under an update
        it had not read (refused by the update's foreign key) or deadlocked with the writer."""
        with transaction.atomic():
            self.lock_actions()
            return super().delete(*args, **kwargs)


class Section(models.Model):
    class Kind(models.TextChoices):
        AGENCY = "agency", "Agency"
        THEME = "theme", "Theme"
        FUNCTION = "function", "Board function"
        OTHER = "other", "Other"

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="sections")
    order = models.PositiveIntegerField(default=0)
    name = models.CharField(max_length=300)
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.OTHER)
    history = HistoricalRecords()

    class Meta:
        ordering = ["plan", "order"]

    def __str__(self) -> str:
        return self.name


class Recommendation(models.Model):
    """One row of the plan at recommendation level: a recommendation, an objective or a
    composite-plan line, with the outcome or learning point it serves."""

    class Decision(models.TextChoices):
        ACCEPTED = "accepted", "Accepted"
        ACCEPTED_IN_PART = "accepted_in_part", "Accepted in part"
        NOT_ACCEPTED = "not_accepted", "Not accepted"

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="recommendations")
    section = models.ForeignKey(
        Section, on_delete=models.SET_NULL, null=True, blank=True, related_name="recommendations"
    )
    order = models.PositiveIntegerField(default=0)
    ref = models.CharField(max_length=20, blank=True)
    outcome = models.TextField(blank=True, help_text="Outcome, objective or learning point.")
    text = models.TextField(blank=True)
    reviews = models.ManyToManyField(Review, blank=True, related_name="recommendations")
    themes = models.ManyToManyField(Theme, blank=True, related_name="recommendations")
    # Actions of other plans this recommendation is answered by: a composite plan links to
    # the actions of the reviews it brings together rather than copying them.
    linked_actions = models.ManyToManyField("plans.Action", blank=True, related_name="linked_recommendations")
    decision = models.CharField(max_length=20, choices=Decision.choices, default=Decision.ACCEPTED)
    decision_reason = models.TextField(blank=True)
    # Tracked on the recommendation itself only when it has no actions (a plan whose rows carry
    # their own progress and RAG, with no action column).
    status = models.CharField(
        max_length=20, choices=DeliveryStatus.choices, default=DeliveryStatus.NOT_STARTED
    )
    progress = models.TextField(blank=True)
    rag = models.CharField("RAG", max_length=10, choices=Rag.choices, blank=True)
    # Its own assurance, on its own evidence, by the same rules as an action's (plans.assurance).
    assurance = models.CharField(max_length=20, choices=AssuranceStatus.choices, default=AssuranceStatus.NONE)
    assurance_reason = models.TextField(blank=True)
    notes = models.JSONField(
        default=list, blank=True, help_text="Columns of the source with no place of their own."
    )
    source_line = models.PositiveIntegerField(null=True, blank=True)
    # Themes are kept in each version too: who tagged the recommendation with what, and when.
    history = HistoricalRecords(history_change_reason_field=models.TextField(null=True), m2m_fields=[themes])

    class Meta:
        ordering = ["plan", "order"]

    def __str__(self) -> str:
        return f"{self.ref} {self.text[:60]}".strip()

    def all_actions(self) -> list:
        """Its own actions, then those of other plans it is linked to."""
        return [*self.actions.all(), *self.linked_actions.all()]

    def standing(
        self, as_at: date, thresholds: RagThresholds | None = None, actions: list | None = None
    ) -> RolledUp:
        """Status and RAG rolled up from the actions (`all_actions()`, when not given), or its
        own when it has none."""
        thresholds = thresholds or self.plan.partnership.rag_thresholds
        every = self.all_actions() if actions is None else actions
        rolled = roll_up([(a.status, a.rag(as_at, thresholds).rag) for a in every])
        if rolled is not None:
            return rolled
        return RolledUp(self.status, self.rag or None, self.status == DeliveryStatus.IMPLEMENTED)

    def clean(self) -> None:
        from django.core.exceptions import ValidationError

        if self.decision != self.Decision.ACCEPTED and not self.decision_reason.strip():
            raise ValidationError({"decision_reason": "Say why the recommendation was not accepted in full."})
