"""An import being put right before it is stored: the document and the person's corrections.

Only the uploaded bytes and what the person decided are kept; the plan itself is read from
them again each time, so a correction of the columns reads the whole document again, and
nothing of the plan exists in the database until the import is confirmed.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone

from .partnership import Partnership


class ImportDraft(models.Model):
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="import_drafts")
    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="import_drafts")
    file_name = models.CharField(max_length=300)
    format = models.CharField(max_length=10)
    sha256 = models.CharField(max_length=64)
    document = models.BinaryField()
    # Header text -> role, as the importer's `columns` argument takes it.
    columns = models.JSONField(default=dict, blank=True)
    # Owner wording -> {"agency": agency pk | "new" | "none", "name": new agency's name, "role": post}.
    owners = models.JSONField(default=dict, blank=True)
    # Review code -> {"link": review pk | "new" | "none", "kind", "title", "pseudonym",
    # "author", "commissioned", "published"}.
    reviews = models.JSONField(default=dict, blank=True)
    # Corrections of the contents, keyed "item:action:field" (see plans/import_drafts.py).
    edits = models.JSONField(default=dict, blank=True)
    # A stored plan this document is an updated version of: confirming changes that plan.
    updates = models.ForeignKey(
        "plans.Plan", on_delete=models.SET_NULL, null=True, blank=True, related_name="updating_imports")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-updated_at"]

    def __str__(self) -> str:
        return self.file_name

    @property
    def expires_on(self) -> date:
        """The day it is removed if nobody changes it before (`actionplan clear-drafts`)."""
        return timezone.localdate(self.updated_at + timedelta(days=settings.ACTIONPLAN_IMPORT_DRAFT_DAYS))

    @classmethod
    def abandoned(cls, now: datetime) -> models.QuerySet[ImportDraft]:
        """The imports in progress nobody has changed for the days the settings allow."""
        return cls.objects.filter(updated_at__lt=now - timedelta(days=settings.ACTIONPLAN_IMPORT_DRAFT_DAYS))
