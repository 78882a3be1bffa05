"""An action: what an agency will do, by when, and how the board will know it was done."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db import models
from django.db.models import F, Q
from django.db.models.functions import Coalesce
from simple_history.models import HistoricalRecords

from ..assurance import AssuranceStatus
from ..rag import ActionState, Rag, RagJudgement, RagThresholds, compute_rag, judge_rag
from ..rag_sql import finished_last
from ..status import DeliveryStatus
from .partnership import Agency, Review, normalise_name
from .plan import Recommendation


class DueKind(models.TextChoices):
    DATE = "date", "Date"
    ONGOING = "ongoing", "Ongoing"
    IMMEDIATE = "immediate", "With immediate effect"
    DONE = "done", "Already done"
    RECURRING = "recurring", "Recurring"
    UNKNOWN = "unknown", "Not stated"


class DuePrecision(models.TextChoices):
    DAY = "day", "Day"
    MONTH = "month", "Month"
    QUARTER = "quarter", "Quarter"
    YEAR = "year", "Year"


def post_beyond(agency: str, post: str) -> str:
    """The post, unless it is the agency's own name (a plan naming "Haldon Vale Foundation Trust"
    under both): an owner is then said once, on the pages and in the reports."""
    return "" if normalise_name(post) == normalise_name(agency) else post


class Action(models.Model):
    recommendation = models.ForeignKey(Recommendation, on_delete=models.CASCADE, related_name="actions")
    order = models.PositiveIntegerField(default=0)
    # The number the document gave the action ("1a", "A1.2", an "ID" column's): the board
    # finds its actions by it in the document and at meetings.
    ref = models.CharField("action number", max_length=50, blank=True)
    text = models.TextField()
    owner = models.ForeignKey(Agency, on_delete=models.PROTECT, null=True, blank=True, related_name="actions")
    owner_role = models.CharField(max_length=300, blank=True, help_text='As written: "Named Nurse".')
    # A joint action ("ASC / ICB"): the owner leads it, these answer for it with the owner and
    # their leads see and update it as the owner's do (ADR 78).
    joint_owners = models.ManyToManyField(
        Agency, blank=True, related_name="joint_actions", verbose_name="with",
        help_text="The other agencies the plan gives the action to.",
    )
    owner_person = models.ForeignKey(
        "plans.User", on_delete=models.SET_NULL, null=True, blank=True, related_name="owned_actions",
        help_text="The named person who answers for it, when the board names one.",
    )
    # The due date keeps the source wording; `due_date` is the last day it allows.
    due_text = models.CharField(max_length=200, blank=True)
    due_date = models.DateField(null=True, blank=True)
    due_precision = models.CharField(max_length=10, choices=DuePrecision.choices, blank=True)
    due_kind = models.CharField(max_length=10, choices=DueKind.choices, default=DueKind.UNKNOWN)
    start_date = models.DateField(null=True, blank=True)
    # Fields named in the pages' words, which the action's history shows: "RAG set by hand".
    measure = models.TextField(
        "success measure", blank=True, help_text="Success measure / audit of implementation."
    )
    status = models.CharField(
        max_length=20, choices=DeliveryStatus.choices, default=DeliveryStatus.NOT_STARTED
    )
    status_reason = models.TextField(
        "reason for the status", blank=True, help_text="Why it slipped, was not achieved or reopened."
    )
    revised_due_date = models.DateField(null=True, blank=True)
    # Why the due date was revised; the original `due_date` is never overwritten.
    revised_due_reason = models.TextField("why the due date was revised", blank=True)
    superseded_by = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="supersedes",
        verbose_name="replaced by"
    )
    assurance = models.CharField(max_length=20, choices=AssuranceStatus.choices, default=AssuranceStatus.NONE)
    assurance_reason = models.TextField("assurance note", blank=True)
    themes = models.ManyToManyField("plans.Theme", blank=True, related_name="actions")
    rag_override = models.CharField("RAG set by hand", max_length=10, choices=Rag.choices, blank=True)
    rag_override_reason = models.TextField("reason for setting the RAG by hand", blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # Counts saves, so that two people editing the same action cannot overwrite each other:
    # a change made against an older version is refused (see stamping.locked).
    version = models.PositiveIntegerField(default=0, editable=False)
    # The reason for each change is kept in full beside it ("why"), not cut at 100 characters.
    # Themes and joint owners are kept in each version too: who tagged or shared the action, when.
    history = HistoricalRecords(
        history_change_reason_field=models.TextField(null=True), m2m_fields=[themes, joint_owners]
    )

    # Never stored: the RAG on the day shown, set on the instances read for a page or a list so
    # that it is worked out once per action.
    judged: RagJudgement
    # Never stored as such: the joint owners an import gives an action not yet stored, stored
    # with it in bulk (plans.joint_owners).
    sharing: list[Agency]
    # Never stored: the joint owners' names, set on the actions a page shows (plans.joint_owners).
    joint_names: list[str]

    class Meta:
        ordering = ["recommendation", "order"]
        # For the lists, soonest due first a page at a time, and their overdue / due soon filters
        # (the due date shown is the revised one when there is one); see ADR 26. The "Actions"
        # list puts the work still being delivered first (ADR 71).
        indexes = [
            models.Index(Coalesce("revised_due_date", "due_date"), F("id"), name="action_due_by"),
            models.Index(
                finished_last(), Coalesce("revised_due_date", "due_date"), F("id"),
                name="action_open_first_due_by",
            ),
            models.Index(
                F("owner"), Coalesce("revised_due_date", "due_date"), F("id"), name="action_owner_due_by"
            ),
        ]

    def __str__(self) -> str:
        return self.text[:80]

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            self.version += 1
        super().save(*args, **kwargs)

    @property
    def current_due(self) -> date | None:
        return self.revised_due_date or self.due_date

    @property
    def post_beyond_agency(self) -> str:
        """The owner's post when it says more than the agency (`post_beyond`)."""
        return post_beyond(self.owner.name if self.owner else "", self.owner_role)

    @property
    def partnership_id(self) -> int:
        return self.recommendation.plan.partnership_id

    def reviews(self) -> set[Review]:
        """Every review this action answers, through its own and its linked recommendations: one
        query, however many recommendations it is linked to."""
        answered = Q(recommendations=self.recommendation_id) | Q(recommendations__linked_actions=self)
        return set(Review.objects.filter(answered))

    def rag_state(self) -> ActionState:
        return ActionState(self.status, self.assurance, self.current_due, self.start_date)

    def rag(self, as_at: date, thresholds: RagThresholds | None = None) -> RagJudgement:
        """The RAG shown on `as_at`. Pass the partnership's thresholds when showing many actions
        to save fetching the partnership for each."""
        thresholds = thresholds or self.recommendation.plan.partnership.rag_thresholds
        computed = compute_rag(self.rag_state(), as_at, thresholds)
        return judge_rag(computed, self.rag_override or None, self.rag_override_reason)
