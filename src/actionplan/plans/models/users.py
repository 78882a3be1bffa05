"""People who sign in, each with one role in one partnership."""

from __future__ import annotations

from django.contrib.auth.models import AbstractUser
from django.db import models
from simple_history.models import HistoricalRecords

from .partnership import Agency, Partnership


class User(AbstractUser):
    class Role(models.TextChoices):
        PARTNERSHIP_ADMIN = "partnership_admin", "Partnership admin"
        AGENCY_LEAD = "agency_lead", "Agency lead"
        SCRUTINEER = "scrutineer", "Scrutineer"
        VIEWER = "viewer", "Viewer"

    partnership = models.ForeignKey(
        Partnership, on_delete=models.PROTECT, null=True, blank=True, related_name="users"
    )
    role = models.CharField(max_length=20, choices=Role.choices, default=Role.VIEWER)
    agencies = models.ManyToManyField(
        Agency, blank=True, related_name="leads", help_text="For agency leads: whose actions they update."
    )
    # A past report names who could update as it was then: the role and the agencies keep their
    # history. Sign-in details are left out (a history row per sign-in says nothing of the board).
    history = HistoricalRecords(excluded_fields=["password", "last_login"], m2m_fields=[agencies])

    @property
    def is_partnership_admin(self) -> bool:
        return self.role == self.Role.PARTNERSHIP_ADMIN
