"""The Django admin, for the site's superusers only: setting up partnerships, people and their
roles. A partnership's own work happens in the product's pages, where the rules are checked.

The record stays as it was written: progress updates and evidence can be read here but never
added, changed or deleted; nothing that holds them can be deleted; and history cannot be reverted
(SIMPLE_HISTORY_REVERT_DISABLED), since a revert would skip the status and assurance rules.
"""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.core.exceptions import PermissionDenied
from django.db.models import Model
from django.http import HttpRequest, HttpResponse
from simple_history.admin import SimpleHistoryAdmin

from . import models as m


def superusers_only(request: HttpRequest) -> bool:
    return request.user.is_active and request.user.is_superuser


admin.site.has_permission = superusers_only  # type: ignore[method-assign]  # the site-wide gate Django offers

# Fields that only change through plans.updates, where the rules (reasons, allowed transitions,
# who may) are checked: the admin shows them but cannot change them.
RULED_ACTION_FIELDS = [
    "status", "status_reason", "revised_due_date", "superseded_by", "assurance", "assurance_reason",
    "rag_override", "rag_override_reason",
]


class HistoryAdmin(SimpleHistoryAdmin):
    """History is for reading. django-simple-history saves a posted old version even with its
    revert button hidden, skipping the rules and sending an action's version backwards."""

    def history_form_view(
        self, request: HttpRequest, object_id: str, version_id: str,
        extra_context: dict[str, Any] | None = None,
    ) -> HttpResponse:
        if request.method != "GET":
            raise PermissionDenied("history cannot be reverted: make the change through the product")
        return super().history_form_view(request, object_id, version_id, extra_context)


class KeepsTheRecord:
    """Deleting this would delete progress updates or evidence with it."""

    def has_delete_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return False


class ReadOnly(KeepsTheRecord):
    """Part of the record: posted through the product's pages only, then never changed."""

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return False


@admin.register(m.Partnership)
class PartnershipAdmin(KeepsTheRecord, admin.ModelAdmin):
    list_display = ["name", "amber_within_days", "stale_after_days"]


@admin.register(m.Agency)
class AgencyAdmin(HistoryAdmin):
    list_display = ["name", "partnership"]
    search_fields = ["name"]


@admin.register(m.Theme)
class ThemeAdmin(HistoryAdmin):
    list_display = ["name", "partnership"]


@admin.register(m.Review)
class ReviewAdmin(HistoryAdmin):
    list_display = ["code", "kind", "title", "published_on"]
    list_filter = ["kind"]


@admin.register(m.Plan)
class PlanAdmin(KeepsTheRecord, HistoryAdmin):
    list_display = ["title", "kind", "as_at", "source_name"]
    list_filter = ["kind"]


@admin.register(m.Section)
class SectionAdmin(HistoryAdmin):
    list_display = ["name", "kind", "plan", "order"]


@admin.register(m.Recommendation)
class RecommendationAdmin(KeepsTheRecord, HistoryAdmin):
    list_display = ["ref", "text", "plan", "section"]
    search_fields = ["text", "outcome"]
    raw_id_fields = ["linked_actions"]


@admin.register(m.Action)
class ActionAdmin(KeepsTheRecord, HistoryAdmin):
    list_display = ["text", "owner", "due_text", "status", "assurance"]
    list_filter = ["status", "assurance"]
    search_fields = ["text", "owner_role"]
    raw_id_fields = ["recommendation"]
    readonly_fields = RULED_ACTION_FIELDS


@admin.register(m.ProgressUpdate)
class ProgressUpdateAdmin(ReadOnly, HistoryAdmin):
    list_display = ["written_on", "kind", "action", "status", "rag"]


@admin.register(m.Evidence)
class EvidenceAdmin(ReadOnly, HistoryAdmin):
    list_display = ["description", "action", "decision", "submitted_at"]


@admin.register(m.User)
class PartnershipUserAdmin(HistoryAdmin, UserAdmin):  # a person's role and agencies as they were
    list_display = ["username", "get_full_name", "role", "partnership", "is_active"]
    fieldsets = (
        *(UserAdmin.fieldsets or ()), ("Partnership", {"fields": ["partnership", "role", "agencies"]})
    )
